#!/usr/bin/env python3
"""Checks hone against the public model suite written by make_models.py.

    /usr/bin/python3 ../shared/models/make_models.py /tmp/models
    test/e2e/public_suite.py --hone-run build/tools/hone-run/hone-run /tmp/models [--mode interp]

For every model and every case in its meta.json, runs hone-run on the case's
input with --tol 1e-4 against PyTorch's outputs and prints one table row:
model, input shape, result, max relative error, seconds. Exit status 0 only
when every case matches. Not part of ctest: the suite needs PyTorch to make.
"""
import argparse
import json
import os
import subprocess
import sys
import time


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--hone-run", required=True)
    ap.add_argument("--mode", choices=["interp", "compiled"], default="interp")
    ap.add_argument("--tol", default="1e-4")
    ap.add_argument("--only", nargs="*")
    ap.add_argument("models")
    args = ap.parse_args()

    failures = 0
    print(f"{'model':<14} {'input':<18} {'result':<8} {'max rel err':>12} {'seconds':>8}")
    for name in sorted(os.listdir(args.models)):
        meta_path = os.path.join(args.models, name, "meta.json")
        if not os.path.exists(meta_path) or (args.only and name not in args.only):
            continue
        meta = json.load(open(meta_path))
        input_name = meta["inputs"][0]["name"]
        for k, case in enumerate(meta["cases"]):
            cmd = [args.hone_run, os.path.join(args.models, name, "model.onnx"),
                   *(["--interp"] if args.mode == "interp" else []), "--input", f"{input_name}={os.path.join(args.models, name, f'input_{k}.npy')}",
                   "--tol", args.tol, "--json"]
            for out in case["outputs"]:
                cmd += ["--expect", os.path.join(args.models, name, out)]
            start = time.time()
            proc = subprocess.run(cmd, capture_output=True, text=True)
            seconds = time.time() - start
            err = "-"
            try:
                err = f"{json.loads(proc.stdout.strip().splitlines()[-1])['max_rel_err']:.2e}"
            except Exception:
                pass
            ok = proc.returncode == 0
            failures += not ok
            shape = "x".join(str(d) for d in case["input_shape"])
            print(f"{name:<14} {shape:<18} {'match' if ok else 'FAIL':<8} {err:>12} {seconds:>8.1f}",
                  flush=True)
            if not ok:
                print("   ", (proc.stderr.strip().splitlines() or ["?"])[0][:300])
    print(f"{failures} failed" if failures else "all cases match")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
