"""What tools/bench/bench and tools/bench/dynamic share: running a command
that prints one JSON object, the machine's FLOP peak, and the public suite's
cases (every model, every shape its meta.json lists)."""
import json
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def run_json(command, env=None):
    """Runs `command`; returns its last stdout line as JSON, or an error."""
    proc = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    lines = [l for l in proc.stdout.splitlines() if l.strip().startswith("{")]
    if proc.returncode != 0 or not lines:
        return None, (proc.stderr.strip() or proc.stdout.strip())[-2000:]
    return json.loads(lines[-1]), None


def measure_peak(work, threads):
    exe = os.path.join(work, "peak_flops")
    if not os.path.exists(exe):
        subprocess.run(["cc", "-O2", "-march=native", os.path.join(HERE, "peak_flops.c"), "-o", exe,
                        "-lpthread"], check=True)
    return {t: float(subprocess.run([exe, str(t)], stdout=subprocess.PIPE, text=True, check=True)
                     .stdout) for t in threads}


def cases(models_dir, only):
    """(model, case label, model dir, input files, expected files, shape flags)."""
    for name in sorted(os.listdir(models_dir)):
        meta_path = os.path.join(models_dir, name, "meta.json")
        if (only and name not in only) or not os.path.exists(meta_path):
            continue
        with open(meta_path) as f:
            meta = json.load(f)
        dynamic = any(i.get("dynamic_axes") for i in meta["inputs"])
        for k, case in enumerate(meta["cases"]):
            shape = case["input_shape"]
            inputs = [(i["name"], os.path.join(models_dir, name, f"input_{k}.npy")) for i in meta["inputs"]]
            expected = [os.path.join(models_dir, name, o) for o in case["outputs"]]
            flags = []
            if dynamic:
                # One input with dynamic axes in the suite; its listed shape.
                flags = [f"--input-shape={meta['inputs'][0]['name']}:" + "x".join(map(str, shape))]
            label = name if not dynamic else f"{name} {'x'.join(map(str, shape))}"
            yield name, label, os.path.join(models_dir, name), inputs, expected, flags, k
