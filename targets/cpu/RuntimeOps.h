//===- RuntimeOps.h - Ops the runtime runs for the CPU target ---*- C++ -*-===//
//
// An op whose result dims are known only after it runs (NonZero, Compress,
// Unique, NonMaxSuppression: how many elements are non-zero, kept or
// distinct) is not a generated kernel: the driver calls the runtime's
// hone_run_op (runtime.h), which finds what is kept, allocates the results
// from the run's scratch and writes their dims. This table maps such ops to
// the runtime's op number and integer attributes.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_TARGETS_CPU_RUNTIMEOPS_H
#define HONE_TARGETS_CPU_RUNTIMEOPS_H

#include "mlir/IR/Operation.h"

#include <optional>

namespace mlir::hone::cpu {

struct RuntimeOpCall {
  /// hone_runtime_op_t.
  int32_t op;
  SmallVector<int64_t> attrs;
};

/// How the runtime runs `op`, or nullopt when a generated kernel does.
std::optional<RuntimeOpCall> runtimeOpFor(Operation *op);

} // namespace mlir::hone::cpu

#endif // HONE_TARGETS_CPU_RUNTIMEOPS_H
