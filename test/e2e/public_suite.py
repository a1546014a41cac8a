#!/usr/bin/env python3
"""Checks hone against the public model suite written by make_models.py.

    /usr/bin/python3 ../shared/models/make_models.py /tmp/models
    test/e2e/public_suite.py --hone-run build/tools/hone-run/hone-run /tmp/models [--mode interp]
    test/e2e/public_suite.py --hone-run ... --mode compiled --static-shapes /tmp/models
    test/e2e/public_suite.py --hone-run ... --honec build/tools/honec/honec --mode differential \
        --static-shapes /tmp/models
    test/e2e/public_suite.py --hone-run ... --honec build/tools/honec/honec --mode arm64-linux \
        --static-shapes /tmp/models

For every model and every case in its meta.json, runs the case's input with
--tol 1e-4 against PyTorch's outputs and prints one table row: model, input
shape, result, max relative error, seconds. Modes: the reference evaluator
(interp), the host-compiled library through hone-run (compiled), or a
library compiled with --target=arm64-linux, linked with the runtime and
test/e2e/npy_runner by Debian's aarch64 cross toolchain and run under
qemu-aarch64 (arm64-linux); or (differential, with --honec) the model's IR
after simplification against its IR after rewriting and fusion, both in the
reference evaluator on the case's input, compared with each other rather than
with PyTorch (--stages dims,layout compares the IR before and after the
layout stage alone). --static-shapes compiles each case for its own
input shape (--input-shape), for models with dynamic dims while compiled code
is static-only. --once (compiled, with --honec) compiles each model once as
exported (dynamic dims symbolic) with `honec --emit=shared` and runs every
case through that one library. Exit status 0 only when every case matches.
Not part of ctest: the suite needs PyTorch to make; tools/models/more_shapes.py
writes the dynamic models with more shapes (same weights).
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import re
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(os.path.dirname(HERE))
QEMU = ["qemu-aarch64", "-L", "/usr/aarch64-linux-gnu"]


def cross_runtime(work):
    """The runtime built once from source by the aarch64 cross toolchain."""
    archive = os.path.join(work, "libhone_runtime.a")
    if not os.path.exists(archive):
        objects = []
        for src in glob.glob(os.path.join(SOURCE, "runtime", "src", "*.cpp")):
            obj = os.path.join(work, os.path.basename(src) + ".o")
            subprocess.run(["aarch64-linux-gnu-g++", "-std=c++17", "-O2", "-I",
                            os.path.join(SOURCE, "runtime", "include"), "-c", src, "-o", obj], check=True)
            objects.append(obj)
        subprocess.run(["ar", "rcs", archive, *objects], check=True)
    return archive


def run_arm64(args, model, inputs, expects, shape_flags, work):
    """Compiles for arm64-linux, runs under qemu; returns (ok, max_rel_err, message)."""
    import numpy as np
    os.makedirs(work, exist_ok=True)
    prefix = os.path.join(work, "model")
    proc = subprocess.run([args.honec, model, "--target=arm64-linux", "-o", prefix, "--name=model",
                           *shape_flags], capture_output=True, text=True)
    if proc.returncode:
        return False, None, proc.stderr.strip()
    runner = os.path.join(work, "run")
    subprocess.run(["aarch64-linux-gnu-g++", "-std=c++17", "-O2", "-DHONE_DESCRIPTOR=model_descriptor",
                    "-I", os.path.join(SOURCE, "runtime", "include"),
                    os.path.join(HERE, "npy_runner", "npy_runner.cpp"), prefix + ".a",
                    cross_runtime(os.path.dirname(work)), "-lpthread", "-ldl", "-o", runner], check=True)
    proc = subprocess.run([*QEMU, runner, os.path.join(work, "out_"), *inputs], capture_output=True, text=True)
    if proc.returncode:
        return False, None, proc.stderr.strip()
    worst = 0.0
    for i, want_path in enumerate(expects):
        got, want = np.load(os.path.join(work, f"out_{i}.npy")), np.load(want_path)
        if got.shape != want.shape:
            return False, None, f"output {i}: shape {got.shape}, expected {want.shape}"
        scale = float(np.max(np.abs(want))) or 1.0
        worst = max(worst, float(np.max(np.abs(got.astype(np.float64) - want))) / scale)
    return worst <= float(args.tol), worst, ""


def run_differential(args, model, input_name, input_path, shape_flags, work):
    """The IR after one stage against the IR after a later one (--stages,
    by default the simplified IR against the rewritten and fused one), both
    in the reference evaluator on the case's input; returns (ok,
    max_rel_err, message)."""
    os.makedirs(work, exist_ok=True)
    stages = {}
    before, after = args.stages.split(",")
    for stage in (before, after):
        path = os.path.join(work, f"{stage}.mlir")
        proc = subprocess.run([args.honec, model, f"--emit={stage}", *shape_flags, "-o", "/dev/null"],
                              capture_output=True, text=True)
        if proc.returncode:
            return False, None, proc.stderr.strip()
        with open(path, "w") as f:
            f.write(proc.stdout)
        stages[stage] = path
    proc = subprocess.run([args.hone_run, stages[before], "--interp", "--input",
                           f"{input_name}={input_path}", "--tol", args.tol,
                           "--compare-with", stages[after]], capture_output=True, text=True)
    match = re.search(r"max relative error ([0-9.e+-]+)", proc.stdout)
    worst = float(match.group(1)) if match else None
    return proc.returncode == 0, worst, (proc.stdout + proc.stderr).strip()


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--hone-run", required=True)
    ap.add_argument("--mode", choices=["interp", "compiled", "arm64-linux", "differential"],
                    default="interp")
    ap.add_argument("--honec", help="honec, for --mode arm64-linux")
    ap.add_argument("--static-shapes", action="store_true",
                    help="compile each case for its input shape (--input-shape)")
    ap.add_argument("--once", action="store_true",
                    help="compile each model once (honec --emit=shared) and run every case on it")
    ap.add_argument("--tol", default="1e-4")
    ap.add_argument("--stages", default="simplify,fusion",
                    help="differential: the two stages compared (dims,layout: the layout stage alone)")
    ap.add_argument("--only", nargs="*")
    ap.add_argument("models")
    args = ap.parse_args()

    if args.mode in ("arm64-linux", "differential") and not args.honec:
        ap.error(f"--mode {args.mode} needs --honec")
    if args.once and (args.mode != "compiled" or not args.honec or args.static_shapes):
        ap.error("--once needs --mode compiled and --honec, without --static-shapes")
    work = tempfile.mkdtemp(prefix="hone-suite-")
    failures = 0
    print(f"{'model':<14} {'input':<18} {'result':<8} {'max rel err':>12} {'seconds':>8}")
    for name in sorted(os.listdir(args.models)):
        meta_path = os.path.join(args.models, name, "meta.json")
        if not os.path.exists(meta_path) or (args.only and name not in args.only):
            continue
        meta = json.load(open(meta_path))
        input_name = meta["inputs"][0]["name"]
        library = None
        if args.once:
            start = time.time()
            library = os.path.join(work, name)
            proc = subprocess.run([args.honec, os.path.join(args.models, name, "model.onnx"),
                                   "--emit=shared", "-o", library], capture_output=True, text=True)
            if proc.returncode:
                failures += 1
                print(f"{name:<14} {'(compile)':<18} {'FAIL':<8}")
                print("   ", (proc.stderr.strip().splitlines() or ["?"])[0][:300])
                continue
            library += ".so"
            print(f"{name:<14} {'(compile once)':<18} {'':<8} {'':>12} {time.time() - start:>8.1f}")
        for k, case in enumerate(meta["cases"]):
            model = os.path.join(args.models, name, "model.onnx")
            input_path = os.path.join(args.models, name, f'input_{k}.npy')
            expects = [os.path.join(args.models, name, out) for out in case["outputs"]]
            shape = "x".join(str(d) for d in case["input_shape"])
            shape_flags = [f"--input-shape={input_name}:{shape}"] if args.static_shapes else []
            start = time.time()
            if args.mode == "differential":
                ok, worst, message = run_differential(args, model, input_name, input_path, shape_flags,
                                                      os.path.join(work, f"{name}_{k}"))
                err = "-" if worst is None else f"{worst:.2e}"
                failures += not ok
                print(f"{name:<14} {shape:<18} {'match' if ok else 'FAIL':<8} {err:>12} "
                      f"{time.time() - start:>8.1f}", flush=True)
                if not ok and message:
                    print("   ", message.splitlines()[0][:300])
                continue
            if args.mode == "arm64-linux":
                ok, worst, message = run_arm64(args, model, [input_path], expects, shape_flags,
                                               os.path.join(work, f"{name}_{k}"))
                err = "-" if worst is None else f"{worst:.2e}"
                seconds = time.time() - start
                failures += not ok
                print(f"{name:<14} {shape:<18} {'match' if ok else 'FAIL':<8} {err:>12} {seconds:>8.1f}",
                      flush=True)
                if not ok and message:
                    print("   ", message.splitlines()[0][:300])
                continue
            cmd = [args.hone_run, library or model, *(["--interp"] if args.mode == "interp" else []),
                   "--input", f"{input_name}={input_path}", "--tol", args.tol, "--json",
                   *shape_flags]
            for out in expects:
                cmd += ["--expect", out]
            proc = subprocess.run(cmd, capture_output=True, text=True)
            seconds = time.time() - start
            err = "-"
            try:
                err = f"{json.loads(proc.stdout.strip().splitlines()[-1])['max_rel_err']:.2e}"
            except Exception:
                pass
            ok = proc.returncode == 0
            failures += not ok
            print(f"{name:<14} {shape:<18} {'match' if ok else 'FAIL':<8} {err:>12} {seconds:>8.1f}",
                  flush=True)
            if not ok:
                print("   ", (proc.stderr.strip().splitlines() or ["?"])[0][:300])
    print(f"{failures} failed" if failures else "all cases match")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
