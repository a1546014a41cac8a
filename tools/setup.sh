#!/usr/bin/env bash
# Installs every Debian 12 package hone needs to build and test. Idempotent; run as root
# (or with sudo available). Nothing else is downloaded: the build uses only these packages.
set -euo pipefail
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
PACKAGES=(
  # build
  cmake ninja-build ccache g++ pkg-config python3 python3-numpy
  # LLVM/MLIR 19 (lit and FileCheck come from llvm-19-tools)
  llvm-19-dev llvm-19-tools libmlir-19-dev mlir-19-tools
  # ONNX 1.12, its protobuf, and the backend node tests
  libonnx-dev libprotobuf-dev protobuf-compiler libonnx-testdata python3-onnx
  # Halide 14 (kernels)
  libhalide14-0-dev
  # tests
  catch2
  # the runtime is built by apps with their own toolchain: gcc and clang,
  # x86-64 and aarch64 (run under qemu)
  clang g++-aarch64-linux-gnu qemu-user
  # object-format checks of the phone archives
  file
)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
echo "setup: all ${#PACKAGES[@]} packages present"
