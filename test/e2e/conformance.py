#!/usr/bin/env python3
"""Runs ONNX's backend node tests through hone-run and compares with the list
of tests expected to pass.

    conformance.py --hone-run build/tools/hone-run/hone-run --mode interp
    conformance.py ... --update        # rewrite the expected lists after a fix

Each test runs in its own process (a crash or a hang fails that test only).
It prints a per-operator table, the failures with their first error line,
and closes with `N passed, M failed`. Its exit status is non-zero when a test
on the expected list fails (a regression) or a test off the list passes (the
list must be updated: a strict ratchet, so the list always says exactly what
works).
"""
import argparse
import collections
import concurrent.futures
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
NODE_TESTS = "/usr/share/libonnx-testdata/data/node"
# Extra hone-run flags per mode; each mode has its own expected lists.
MODES = {
    "interp": ["--interp"],
    "interp-dynamic": ["--interp", "--force-dynamic"],
    "compiled": [],
    "compiled-dynamic": ["--force-dynamic"],
}


def op_types(test_dir):
    """The operator types a test's model uses (for the per-op table)."""
    try:
        import onnx
        model = onnx.load(os.path.join(test_dir, "model.onnx"), load_external_data=False)
        return sorted({n.op_type for n in model.graph.node}) or ["(none)"]
    except Exception:  # the table is a report; a model onnx can't read still runs
        return ["(unreadable)"]


def run_one(hone_run, flags, test_dir, timeout):
    try:
        proc = subprocess.run([hone_run, *flags, test_dir], capture_output=True, text=True,
                              timeout=timeout)
    except subprocess.TimeoutExpired:
        return False, f"timed out after {timeout} s"
    if proc.returncode == 0:
        return True, ""
    lines = [l for l in (proc.stderr + proc.stdout).splitlines() if l.strip()]
    if proc.returncode < 0:
        return False, f"crashed with signal {-proc.returncode}"
    reason = lines[0] if lines else f"exit status {proc.returncode}"
    # Keep the reason short and free of the machine's paths.
    reason = reason.replace(test_dir + "/", "").replace(NODE_TESTS + "/", "")
    return False, reason[:300]


def read_list(path):
    if not os.path.exists(path):
        return set()
    with open(path) as f:
        return {l.split(":")[0].strip() for l in f if l.strip() and not l.startswith("#")}


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--hone-run", required=True)
    ap.add_argument("--mode", choices=sorted(MODES), default="interp")
    ap.add_argument("--tests", default=NODE_TESTS)
    ap.add_argument("--only", nargs="*", help="test names to run (default: all)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--timeout", type=int, default=120)
    ap.add_argument("--update", action="store_true", help="rewrite the expected lists")
    ap.add_argument("--quiet", action="store_true", help="no per-op table")
    args = ap.parse_args()

    names = sorted(d for d in os.listdir(args.tests) if d.startswith("test_"))
    if args.only:
        names = [n for n in names if n in set(args.only)]
    passes_file = os.path.join(HERE, f"expected_passes.{args.mode}.txt")
    failures_file = os.path.join(HERE, f"expected_failures.{args.mode}.txt")
    expected = read_list(passes_file)

    results = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = {pool.submit(run_one, args.hone_run, MODES[args.mode],
                               os.path.join(args.tests, n), args.timeout): n for n in names}
        for future in concurrent.futures.as_completed(futures):
            results[futures[future]] = future.result()

    passed = sorted(n for n, (ok, _) in results.items() if ok)
    failed = sorted(n for n, (ok, _) in results.items() if not ok)

    if not args.quiet:
        table = collections.defaultdict(lambda: [0, 0])
        for n in names:
            for op in op_types(os.path.join(args.tests, n)):
                table[op][1] += 1
                table[op][0] += results[n][0]
        print(f"{'operator':<34} {'passed':>6} / {'tests':<5}")
        for op in sorted(table):
            p, t = table[op]
            mark = "" if p == t else "  <"
            print(f"{op:<34} {p:>6} / {t:<5}{mark}")
        print()

    regressions = sorted(n for n in failed if n in expected)
    new_passes = sorted(n for n in passed if n not in expected)
    for n in regressions:
        print(f"REGRESSION {n}: {results[n][1]}")
    if args.update:
        with open(passes_file, "w") as f:
            f.write("".join(n + "\n" for n in passed))
        with open(failures_file, "w") as f:
            f.write(f"# ONNX node tests that fail in mode '{args.mode}', with the first error.\n")
            f.write("".join(f"{n}: {results[n][1]}\n" for n in failed))
        print(f"updated {os.path.relpath(passes_file)} and {os.path.relpath(failures_file)}")
    elif new_passes:
        for n in new_passes:
            print(f"NEW PASS {n} (not in {os.path.basename(passes_file)})")
        print("run with --update to add the new passes to the expected list")

    print(f"{len(passed)} passed, {len(failed)} failed")
    if regressions or (new_passes and not args.update):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
