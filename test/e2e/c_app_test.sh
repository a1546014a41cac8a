#!/usr/bin/env bash
# A C program links the library honec writes (PREFIX.a + PREFIX.h) and the
# runtime built from source, rejects bad inputs with status codes, and
# computes the bundled example's output, compared here with numpy's.
#   test/e2e/c_app_test.sh HONEC SOURCE_DIR WORK_DIR [TARGET [WEIGHTS]]
# TARGET is host (default) or arm64-linux: then the app is built with
# Debian's aarch64 cross toolchain and runs under qemu-aarch64. WEIGHTS is
# embed (default) or file: then the app passes tiny_cnn.weights at create.
set -euo pipefail
honec=$1
src=$2
work=$3
target=${4:-host}
weights=${5:-embed}
rm -rf "$work" && mkdir -p "$work"
example=$src/test/e2e/example
case $target in
  host) cc=cc; cxx=c++; run=() ;;
  arm64-linux) cc=aarch64-linux-gnu-gcc; cxx=aarch64-linux-gnu-g++
               run=(qemu-aarch64 -L /usr/aarch64-linux-gnu) ;;
  *) echo "c_app_test.sh: no runner for target $target" >&2; exit 2 ;;
esac
"$honec" "$example/tiny_cnn.onnxtext" --target="$target" --weights="$weights" -o "$work/tiny_cnn"
weights_file=()
[ "$weights" = file ] && weights_file=("$work/tiny_cnn.weights")
$cc -std=c99 -Wall -Werror -I"$work" -I"$src/runtime/include" -c "$src/test/e2e/c_app/main.c" -o "$work/main.o"
$cxx -std=c++17 -O1 -I"$src/runtime/include" "$work/main.o" "$work/tiny_cnn.a" "$src"/runtime/src/*.cpp \
  -lpthread -ldl -o "$work/app"
/usr/bin/python3 -c "import numpy as np, sys; np.load(sys.argv[1]).astype('<f4').tofile(sys.argv[2])" \
  "$example/input.npy" "$work/input.bin"
"${run[@]}" "$work/app" "$work/input.bin" "${weights_file[@]}" > "$work/output.txt"
/usr/bin/python3 - "$example/expected_output.npy" "$work/output.txt" "$target" <<'PY'
import sys
import numpy as np
want = np.load(sys.argv[1]).reshape(-1)
got = np.loadtxt(sys.argv[2]).reshape(-1)
err = np.max(np.abs(got - want)) / np.max(np.abs(want))
print(f"C app ({sys.argv[3]}) output {got} vs numpy {want}: max relative error {err:.2e}")
sys.exit(0 if got.shape == want.shape and err <= 1e-4 else 1)
PY
