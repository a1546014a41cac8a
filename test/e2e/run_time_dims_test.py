#!/usr/bin/env python3
"""Compiled models whose dims are known only at run time.

Each small model (ONNX text syntax) is compiled once by honec (a host
library, --emit=shared) and that one library is run by hone-run at several
shapes and shape values against numpy's answer;
inputs that break a rule of the model must fail with a shape-mismatch status
that names the node, never crash. Covers dynamic input dims, shapes read from
data (Reshape, Slice, Expand, ConstantOfShape), broadcasting decided at run
time, shape operands whose length the op or the declared output rank fixes
(checked at run time), If and Loop (branches of different sizes, carried
values, scan outputs, a loop ended by its condition), and ops whose result size is known after they run
(NonZero, Unique) feeding generated kernels.

    run_time_dims_test.py --honec build/tools/honec/honec --hone-run build/tools/hone-run/hone-run
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

import numpy as np

MODELS = {
    "reshape": """<ir_version: 8, opset_import: ["" : 17]>
reshape (float[N,M] x, int64[2] shape) => (float[A,B] y) {
  y = Reshape(x, shape)
}""",
    "broadcast": """<ir_version: 8, opset_import: ["" : 17]>
broadcast (float[N] a, float[M] b) => (float[K] c) {
  c = Add(a, b)
}""",
    "slice": """<ir_version: 8, opset_import: ["" : 17]>
slice (float[N,M] x, int64[1] starts, int64[1] ends, int64[1] axes, int64[1] steps) => (float[P,Q] y) {
  y = Slice(x, starts, ends, axes, steps)
}""",
    "expand_fill": """<ir_version: 8, opset_import: ["" : 17]>
expand_fill (float[N,1] x, int64[2] shape) => (float[P,Q] y) {
  zeros = ConstantOfShape <value = float[1] {0.5}> (shape)
  big = Expand(x, shape)
  y = Add(big, zeros)
}""",
    # Shape operands of dynamic length: the declared output rank fixes the
    # Reshape's shape length, the input's rank the Resize's scales, and
    # TopK's K has one element; other lengths fail at run time.
    "pinned_lengths": """<ir_version: 8, opset_import: ["" : 17]>
pinned_lengths (float[N] x, int64[S] shape, float[C,H,W] img, float[R] scales, float[L] v, int64[J] k) => (float[A,B] y, float[P,Q,T] z, float[G] top) {
  y = Reshape(x, shape)
  z = Resize <mode = "nearest"> (img, , scales)
  top, where = TopK(v, k)
}""",
    # Control flow in compiled code: If branches of different sizes, a Loop
    # with a trip count (carried value, stacked scan output) and a Loop
    # that runs until its condition fails.
    "control_flow": """<ir_version: 8, opset_import: ["" : 17]>
control_flow (bool c, float[n] x, int64 trips) => (float[n] same, float[m] differs, float[n] carried, float[t,n] scanned) {
  same = If (c) <
    then_branch = t1 () => (float[n] a) { a = Add (x, x) },
    else_branch = e1 () => (float[n] b) { b = Mul (x, x) }
  >
  differs = If (c) <
    then_branch = t2 () => (float[n] a2) { a2 = Add (x, x) },
    else_branch = e2 () => (float[n] b2) { b2 = Concat <axis = 0> (x, x) }
  >
  cond = Constant <value = bool {1}> ()
  carried, scanned = Loop (trips, cond, x) <
    body = loop (int64 i, bool keep, float[n] acc) => (bool keep_out, float[n] acc_out, float[n] step) {
      keep_out = Identity (keep)
      acc_out = Add (acc, x)
      step = Identity (acc)
    }
  >
}""",
    "loop_until": """<ir_version: 8, opset_import: ["" : 17]>
loop_until (float[n] x, float limit) => (float[n] grown, float[t] sums, int64[t] steps) {
  cond = Constant <value = bool {1}> ()
  grown, sums, steps = Loop (NO_TRIP_COUNT, cond, x) <
    body = loop (int64 i, bool keep, float[n] acc) => (bool keep_out, float[n] acc_out, float total, int64 step) {
      acc_out = Add (acc, acc)
      total = ReduceSum <keepdims = 0> (acc_out)
      keep_out = Less (total, limit)
      step = Identity (i)
    }
  >
}""",
    "nonzero_gather": """<ir_version: 8, opset_import: ["" : 17]>
nonzero_gather (float[N,M] x) => (float[K] picked, float[U] distinct) {
  where = NonZero(x)
  coords = Transpose <perm = [1, 0]> (where)
  picked = GatherND(x, coords)
  distinct = Unique <sorted = 1> (picked)
}""",
}


def reference(name, inputs):
    if name == "reshape":
        x, shape = inputs
        shape = [x.shape[i] if s == 0 else s for i, s in enumerate(shape)]
        return [x.reshape(shape)]
    if name == "broadcast":
        return [inputs[0] + inputs[1]]
    if name == "slice":
        x, starts, ends, axes, steps = inputs
        index = [slice(None)] * x.ndim
        index[axes[0]] = slice(starts[0], ends[0], steps[0])
        return [x[tuple(index)]]
    if name == "expand_fill":
        x, shape = inputs
        return [np.broadcast_to(x, shape) + np.float32(0.5)]
    if name == "pinned_lengths":
        x, shape, img, scales, v, k = inputs
        # nearest, half_pixel, round_prefer_floor at integral scales:
        # each output pixel repeats one input pixel.
        z = img
        for axis, scale in enumerate(scales):
            z = np.repeat(z, int(scale), axis=axis)
        return [x.reshape(shape), z, np.sort(v)[::-1][:k[0]]]
    if name == "control_flow":
        c, x, trips = inputs
        rows, acc = [], x
        for _ in range(int(trips)):
            rows.append(acc)
            acc = acc + x
        scanned = np.stack(rows) if rows else np.zeros((0, x.shape[0]), np.float32)
        return [x + x if c else x * x, x + x if c else np.concatenate([x, x]), acc, scanned]
    if name == "loop_until":
        x, limit = inputs
        acc, sums, steps = x, [], []
        while True:
            acc = acc + acc
            sums.append(acc.sum(dtype=np.float32))
            steps.append(len(steps))
            if not sums[-1] < limit:
                break
        return [acc, np.array(sums, np.float32), np.array(steps, np.int64)]
    if name == "nonzero_gather":
        picked = inputs[0][np.nonzero(inputs[0])]
        return [picked, np.unique(picked)]
    raise KeyError(name)


def run_case(hone_run, workdir, name, inputs, expect_error=None):
    """Runs model `name` on `inputs`; checks outputs or the expected error."""
    args = [hone_run, os.path.join(workdir, name + ".so")]
    # The graph's inputs: "(float[N,M] x, int64[2] shape) =>".
    signature = MODELS[name].split("(", 1)[1].split(") =>")[0]
    names = re.findall(r"\w+(?:\[[^\]]*\])?\s+(\w+)", signature)
    for k, (arg_name, value) in enumerate(zip(names, inputs)):
        path = os.path.join(workdir, f"{name}_in{k}.npy")
        np.save(path, value)
        args += ["--input", f"{arg_name}={path}"]
    if expect_error is None:
        for k, value in enumerate(reference(name, inputs)):
            path = os.path.join(workdir, f"{name}_out{k}.npy")
            np.save(path, np.ascontiguousarray(value))
            args += ["--expect", path]
    result = subprocess.run(args, capture_output=True, text=True, timeout=300)
    what = f"{name} {[list(np.shape(v)) for v in inputs]}"
    if expect_error is None:
        if result.returncode != 0:
            return f"{what}: failed:\n{result.stderr}"
        return None
    if result.returncode == 0:
        return f"{what}: ran, expected a failure with '{expect_error}'"
    if result.returncode < 0 or "shape mismatch" not in result.stderr or expect_error not in result.stderr:
        return f"{what}: expected a shape mismatch naming '{expect_error}', got:\n{result.stderr}"
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--honec", required=True)
    ap.add_argument("--hone-run", required=True)
    args = ap.parse_args()
    rng = np.random.default_rng(7)
    f = lambda *shape: rng.standard_normal(shape).astype(np.float32)
    i64 = lambda *values: np.array(values, dtype=np.int64)
    cases = [
        ("reshape", [f(2, 6), i64(3, 4)], None),
        ("reshape", [f(2, 6), i64(-1, 3)], None),
        ("reshape", [f(4, 5), i64(0, -1)], None),
        ("reshape", [f(7, 1), i64(1, 7)], None),
        ("reshape", [f(2, 6), i64(5, 5)], "node 'Reshape#0' (Reshape)"),
        ("reshape", [f(2, 6), i64(-1, -1)], "at most one -1"),
        ("broadcast", [f(4), f(4)], None),
        ("broadcast", [f(4), f(1)], None),
        ("broadcast", [f(1), f(9)], None),
        ("broadcast", [f(3), f(4)], "broadcast-compatible"),
        ("slice", [f(6, 8), i64(1), i64(7), i64(1), i64(2)], None),
        ("slice", [f(6, 8), i64(-1), i64(-100), i64(0), i64(-2)], None),
        ("slice", [f(5, 3), i64(10), i64(20), i64(-1), i64(1)], None),
        ("slice", [f(6, 8), i64(0), i64(4), i64(0), i64(0)], "non-zero steps"),
        ("slice", [f(6, 8), i64(0), i64(4), i64(2), i64(1)], "axes in"),
        ("expand_fill", [f(3, 1), i64(3, 5)], None),
        ("expand_fill", [f(1, 1), i64(4, 2)], None),
        ("expand_fill", [f(3, 1), i64(2, 5)], "node 'Expand#1' (Expand)"),
        ("pinned_lengths", [f(12), i64(3, 4), f(2, 3, 4), np.array([1, 2, 3], np.float32), f(9), i64(4)], None),
        ("pinned_lengths", [f(10), i64(5, -1), f(1, 2, 2), np.array([2, 1, 1], np.float32), f(3), i64(3)], None),
        ("pinned_lengths", [f(12), i64(2, 3, 2), f(2, 3, 4), np.array([1, 2, 3], np.float32), f(9), i64(4)],
         "the input dim 'S' must equal 2"),
        ("pinned_lengths", [f(12), i64(3, 4), f(2, 3, 4), np.array([2, 2], np.float32), f(9), i64(4)],
         "the input dim 'R' must equal 3"),
        ("pinned_lengths", [f(12), i64(3, 4), f(2, 3, 4), np.array([1, 2, 3], np.float32), f(9), i64(4, 1)],
         "the input dim 'J' must equal 1"),
        ("control_flow", [np.array(True), f(5), np.array(3, np.int64)], None),
        ("control_flow", [np.array(False), f(4), np.array(1, np.int64)], None),
        ("control_flow", [np.array(False), f(6), np.array(0, np.int64)], None),
        ("control_flow", [np.array(True), f(0), np.array(7, np.int64)], None),
        ("loop_until", [np.abs(f(4)) + 0.1, np.array(100, np.float32)], None),
        ("loop_until", [np.abs(f(3)) + 0.1, np.array(-1, np.float32)], None),
        ("nonzero_gather", [np.array([[0, 1.5, 0], [2, 0, 1.5]], dtype=np.float32)], None),
        ("nonzero_gather", [np.round(f(7, 5))], None),
        ("nonzero_gather", [np.zeros((3, 3), dtype=np.float32)], None),
    ]
    failures = []
    with tempfile.TemporaryDirectory() as workdir:
        for name, text in MODELS.items():
            source = os.path.join(workdir, name + ".onnxtext")
            if "NO_TRIP_COUNT" in text:
                # ONNX's text syntax cannot leave a first input empty: the
                # Loop's absent trip count is set in the parsed model.
                import onnx
                import onnx.parser
                model = onnx.parser.parse_model(text)
                for node in model.graph.node:
                    if node.input and node.input[0] == "NO_TRIP_COUNT":
                        node.input[0] = ""
                source = os.path.join(workdir, name + ".onnx")
                onnx.save(model, source)
            else:
                with open(source, "w") as out:
                    out.write(text + "\n")
            compiled = subprocess.run([args.honec, source, "--emit=shared", "-o",
                                       os.path.join(workdir, name)],
                                      capture_output=True, text=True, timeout=600)
            if compiled.returncode != 0:
                failures.append(f"{name}: honec failed:\n{compiled.stderr}")
        for name, inputs, error in cases:
            if any(problem.startswith(name + ":") for problem in failures):
                continue
            problem = run_case(args.hone_run, workdir, name, inputs, error)
            if problem:
                failures.append(problem)
    for problem in failures:
        print(problem)
    print(f"{len(cases) - len(failures)} of {len(cases)} cases as expected")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
