//===- CpuTargets.cpp - The CPU targets honec compiles for ----------------===//
//
// `host` is this machine with every feature it has (AVX-512 included where
// present). `x86_64-linux` is a portable x86-64 library: AVX2 and FMA, which
// every x86-64 CPU since 2013 runs, so the library does not need this
// machine's AVX-512 to load. The arm64 targets use NEON (always present on
// AArch64); Android and iOS differ in object format and system ABI, which
// Halide and LLVM take from the OS part of the triple.
//
//===----------------------------------------------------------------------===//
#include "targets/cpu/CpuTargets.h"

#include "targets/cpu/HalideKernels.h"

#include "llvm/TargetParser/Host.h"

using namespace mlir;
using namespace mlir::hone::cpu;

namespace {

struct TargetRow {
  const char *name;
  const char *halide; // empty: the host
  const char *triple; // empty: the host's
};

const TargetRow kTargets[] = {
    {"host", "", ""},
    {"x86_64-linux", "x86-64-linux-sse41-avx-avx2-fma-f16c", "x86_64-unknown-linux-gnu"},
    {"arm64-linux", "arm-64-linux", "aarch64-unknown-linux-gnu"},
    {"arm64-android", "arm-64-android", "aarch64-unknown-linux-android"},
    {"arm64-ios", "arm-64-ios", "arm64-apple-ios"},
};

} // namespace

std::vector<std::string> mlir::hone::cpu::cpuTargetNames() {
  std::vector<std::string> names;
  for (const TargetRow &row : kTargets)
    names.push_back(row.name);
  return names;
}

FailureOr<CpuTarget> mlir::hone::cpu::resolveCpuTarget(const std::string &name, std::string &error) {
  for (const TargetRow &row : kTargets) {
    if (name != row.name)
      continue;
    CpuTarget target;
    target.name = row.name;
    target.halide = *row.halide ? Halide::Target(row.halide) : hostTarget();
    target.triple = *row.triple ? row.triple : llvm::sys::getProcessTriple();
    target.darwinArchive =
        target.halide.os == Halide::Target::IOS || target.halide.os == Halide::Target::OSX;
    Halide::Target host = hostTarget();
    target.runsHere = target.halide.os == host.os && target.halide.arch == host.arch &&
                      target.halide.bits == host.bits;
    for (Halide::Target::Feature feature :
         {Halide::Target::SSE41, Halide::Target::AVX, Halide::Target::AVX2, Halide::Target::FMA,
          Halide::Target::F16C, Halide::Target::AVX512, Halide::Target::AVX512_Skylake})
      if (target.halide.has_feature(feature) && !host.has_feature(feature))
        target.runsHere = false;
    return target;
  }
  error = "unknown target '" + name + "'; the CPU targets are";
  for (const std::string &known : cpuTargetNames())
    error += " " + known;
  return failure();
}
