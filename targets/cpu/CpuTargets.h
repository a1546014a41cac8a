//===- CpuTargets.h - The CPU targets honec compiles for ---------*- C++ -*-===//
//
// One table of the `--target` names the CPU code generator accepts, each
// with the Halide target its kernels are compiled for and the LLVM triple of
// its host driver. Every part of a library (kernels, Halide runtime, driver)
// comes out of this process for that one triple.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_TARGETS_CPU_CPUTARGETS_H
#define HONE_TARGETS_CPU_CPUTARGETS_H

#include "mlir/Support/LogicalResult.h"

#include <Halide.h>

#include <string>
#include <vector>

namespace mlir::hone::cpu {

struct CpuTarget {
  /// The `--target` name.
  std::string name;
  /// What the kernels and the Halide runtime are compiled for.
  Halide::Target halide;
  /// The LLVM triple of the host driver object.
  std::string triple;
  /// Whether this process can load and run what it builds (a shared
  /// library for tests is only linked for such a target).
  bool runsHere;
  /// Whether its archives use the BSD (Darwin) format Apple's linker reads.
  bool darwinArchive;
};

/// The target named `name` (`host`, `x86_64-linux`, `arm64-linux`,
/// `arm64-android`, `arm64-ios`); fails with `error` naming the choices.
FailureOr<CpuTarget> resolveCpuTarget(const std::string &name, std::string &error);

/// The names resolveCpuTarget accepts, in the order the docs list them.
std::vector<std::string> cpuTargetNames();

} // namespace mlir::hone::cpu

#endif // HONE_TARGETS_CPU_CPUTARGETS_H
