//===- LibraryWriter.h - A compiled model as objects and a library -*- C++ -*-===//
//
// Turns a planned hone function (see passes/memory) into what an app links:
// one Halide object per kernel, the Halide runtime, and a host driver whose
// `NAME_descriptor()` hands the runtime (runtime/include/hone/runtime.h) the
// model's metadata, memory plan, weights and `run` function. The driver is
// built in MLIR's LLVM dialect and emitted by LLVM in this process; Halide
// emits the kernels; no external compiler is involved, except that the
// test-only shared library is linked by the system's c++.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_TARGETS_CPU_LIBRARYWRITER_H
#define HONE_TARGETS_CPU_LIBRARYWRITER_H

#include "mlir/Dialect/Func/IR/FuncOps.h"

#include <string>
#include <vector>

namespace mlir::hone::cpu {

struct LibraryOptions {
  /// C identifier prefix of the generated symbols (NAME_descriptor).
  std::string name = "hone_model";
  /// Directory for the intermediate objects.
  std::string workDir;
  /// The `--target` name (targets/cpu/CpuTargets.h).
  std::string target = "host";
  /// Empty: the weights are embedded as read-only data (--weights=embed).
  /// Otherwise they are written to this file (--weights=file), which the
  /// app passes to hone_model_create and the runtime maps.
  std::string weightsFile;
};

/// The C identifier honec gives a library written to PREFIX whose file name
/// is `stem`: non-alphanumerics become '_', and a name that would start
/// with a digit (or be empty) gets the prefix "model_".
std::string defaultLibraryName(const std::string &stem);

/// Writes the objects of `main` (static shapes, memory planned) into
/// options.workDir and returns their paths. Emits a diagnostic naming the op
/// that cannot be compiled.
FailureOr<std::vector<std::string>> writeObjects(func::FuncOp main, const LibraryOptions &options);

/// Archives `objects` into the static library `path` (what apps link), in
/// the BSD (Darwin) format for Apple targets, else GNU's.
LogicalResult writeStaticLibrary(const std::vector<std::string> &objects, const std::string &path,
                                 bool darwin, std::string &error);

/// Writes the C header `path` that declares NAME_descriptor() for `main`.
LogicalResult writeHeader(func::FuncOp main, const LibraryOptions &options, const std::string &path,
                          std::string &error);

/// Links `objects` into the shared library `path` with the system's c++.
LogicalResult linkSharedLibrary(const std::vector<std::string> &objects, const std::string &path,
                                std::string &error);

} // namespace mlir::hone::cpu

#endif // HONE_TARGETS_CPU_LIBRARYWRITER_H
