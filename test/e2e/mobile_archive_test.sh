#!/usr/bin/env bash
# The archives honec writes for phones, which this machine cannot run:
# arm64-android is ELF AArch64, arm64-ios Mach-O arm64 in a BSD archive;
# both export NAME_descriptor, and their kernels use NEON vector
# instructions (checked in the disassembly).
#   test/e2e/mobile_archive_test.sh HONEC SOURCE_DIR WORK_DIR
set -euo pipefail
honec=$1
src=$2
work=$3
rm -rf "$work" && mkdir -p "$work"
model=$src/test/e2e/example/tiny_cnn.onnxtext
objdump=/usr/lib/llvm-19/bin/llvm-objdump
nm=/usr/lib/llvm-19/bin/llvm-nm
check() { # TARGET FORMAT-REGEX SYMBOL
  local target=$1 format=$2 symbol=$3 dir=$work/$1
  mkdir -p "$dir"
  "$honec" "$model" --target="$target" -o "$dir/tiny_cnn"
  (cd "$dir" && ar x tiny_cnn.a)
  for object in "$dir"/*.o; do
    if ! file "$object" | grep -Eq "$format"; then
      echo "$target: $(file "$object") is not $format" >&2; exit 1
    fi
  done
  "$nm" --defined-only "$dir/tiny_cnn.a" | grep -q " T $symbol\$" \
    || { echo "$target: $symbol is not exported" >&2; exit 1; }
  local neon  # Apple syntax puts the arrangement on the mnemonic (fmla.4s v0, ...)
  neon=$("$objdump" -d "$dir"/kernel*.o | grep -cE '\bv[0-9]+\.(4s|2d|8h|16b)|\.(4s|2d|8h|16b)[[:space:]]+v[0-9]+' || true)
  [ "$neon" -gt 0 ] || { echo "$target: no NEON instructions in the kernels" >&2; exit 1; }
  echo "$target: $(ls "$dir"/*.o | wc -l) objects ($format), $symbol exported, $neon NEON instructions"
}
check arm64-android 'ELF 64-bit LSB relocatable, ARM aarch64' tiny_cnn_descriptor
check arm64-ios 'Mach-O 64-bit arm64 object' _tiny_cnn_descriptor
file "$work/arm64-ios/tiny_cnn.a" | grep -q 'current ar archive' || { echo "ios: not an archive" >&2; exit 1; }
