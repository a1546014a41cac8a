#!/usr/bin/env bash
# Builds the runtime from source the way an app does, with each toolchain
# hone supports (gcc and clang, x86-64 and aarch64), warnings as errors;
# links the C API test program against it and runs it (aarch64 under
# qemu-aarch64). Prints the stripped size of each runtime archive.
#   test/e2e/runtime_toolchains.sh SOURCE_DIR WORK_DIR
set -euo pipefail
src=$1
work=$2
rm -rf "$work" && mkdir -p "$work"
# name | C++ compiler | C compiler | archiver | strip | runner
toolchains=(
  "gcc-x86_64|g++|gcc|ar|strip|"
  "clang-x86_64|clang++|clang|ar|strip|"
  "gcc-aarch64|aarch64-linux-gnu-g++|aarch64-linux-gnu-gcc|aarch64-linux-gnu-ar|aarch64-linux-gnu-strip|qemu-aarch64 -L /usr/aarch64-linux-gnu"
  "clang-aarch64|clang++ --target=aarch64-linux-gnu|clang --target=aarch64-linux-gnu|aarch64-linux-gnu-ar|aarch64-linux-gnu-strip|qemu-aarch64 -L /usr/aarch64-linux-gnu"
)
status=0
for entry in "${toolchains[@]}"; do
  IFS='|' read -r name cxx cc ar strip runner <<<"$entry"
  dir=$work/$name
  mkdir -p "$dir"
  if ! command -v ${cxx%% *} >/dev/null; then
    echo "$name: FAIL (${cxx%% *} is not installed; tools/setup.sh installs it)"
    status=1
    continue
  fi
  objects=()
  for source in "$src"/runtime/src/*.cpp; do
    object=$dir/$(basename "${source%.cpp}").o
    $cxx -std=c++17 -O2 -Wall -Wextra -Werror -fPIC -I"$src/runtime/include" -c "$source" -o "$object"
    objects+=("$object")
  done
  $ar rcs "$dir/libhone_runtime.a" "${objects[@]}"
  cp "$dir/libhone_runtime.a" "$dir/stripped.a"
  $strip --strip-unneeded "$dir/stripped.a"
  $cc -std=c99 -Wall -Werror -I"$src/runtime/include" -c "$src/test/unit/runtime/c_api_test.c" -o "$dir/c_api_test.o"
  $cxx "$dir/c_api_test.o" "$dir/libhone_runtime.a" -lpthread -o "$dir/c_api_test"
  if output=$($runner "$dir/c_api_test") && [ "$output" = "C API ok" ]; then
    echo "$name: ok, runtime archive $(stat -c %s "$dir/stripped.a") bytes stripped"
  else
    echo "$name: FAIL (the C API test did not run)"
    status=1
  fi
done
exit $status
