//===- HalideKernels.h - hone ops as Halide definitions ---------*- C++ -*-===//
//
// The CPU target's kernels are Halide pipelines. This file turns one hone op
// into the Halide definition of its result from its operands' definitions,
// so that a kernel (and, with fusion, a group of ops) is one composed
// pipeline. Shapes stay symbolic: a definition holds for any extents, which
// are bound when the pipeline runs (dynamic shapes need no recompiling).
//
// Tensor dim i is Halide dim rank-1-i: Halide's first dimension is the
// innermost, the last of a row-major tensor.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_TARGETS_CPU_HALIDEKERNELS_H
#define HONE_TARGETS_CPU_HALIDEKERNELS_H

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Operation.h"

#include <Halide.h>

#include <optional>
#include <string>
#include <vector>

namespace mlir::hone::cpu {

/// A tensor inside a pipeline: its definition, its tensor type (for ranks
/// and static broadcast dims) and its Halide element type.
struct HalideValue {
  Halide::Func func;
  ShapedType type;
};

/// The Halide type of an MLIR element type; Halide::Type() when the CPU
/// target has no kernel for it.
Halide::Type halideTypeOf(Type elementType);

/// Defines `op`'s result 0 (its other results must be unused) from
/// `operands` (one per op operand; absent optional inputs have an undefined
/// Func). Fails with `error` set when the CPU target has no kernel for the
/// op or its types.
FailureOr<HalideValue> defineHalideKernel(Operation *op, ArrayRef<HalideValue> operands,
                                          std::string &error);

/// What a kernel builder gets: the op, its operands' definitions, its
/// (ranked) result type, and where to say why it cannot build.
struct KernelRequest {
  Operation *op;
  ArrayRef<HalideValue> operands;
  RankedTensorType result;
  std::string &error;

  /// Operand `i`, or null when absent (hone.none) or past the end.
  const HalideValue *operand(size_t i) const {
    return i < operands.size() && operands[i].func.defined() ? &operands[i] : nullptr;
  }
  /// The values of operand `i` when it is an integer constant.
  std::optional<SmallVector<int64_t>> constantInts(size_t i) const;
  /// Sets `error` (prefixed with the op's ONNX name) and fails.
  FailureOr<Halide::Func> fail(const std::string &message) const;
};

/// Builds the definition of one op family member; registered by ONNX name.
using KernelBuilder = FailureOr<Halide::Func> (*)(const KernelRequest &request);

/// The builders of HalideNNKernels.cpp and HalideTensorKernels.cpp.
void registerNNKernelBuilders(void (*add)(const char *onnxName, KernelBuilder builder));
void registerTensorKernelBuilders(void (*add)(const char *onnxName, KernelBuilder builder));

/// Reads `value` at the result coordinates `vars` (tensor order), broadcast
/// numpy-style by static dims.
Halide::Expr broadcastRead(const HalideValue &value, ArrayRef<Halide::Var> vars, ShapedType result);

/// `rank` pure variables, tensor order.
std::vector<Halide::Var> tensorVars(int64_t rank);
/// Halide argument order (innermost first) of tensor-order `vars`.
std::vector<Halide::Expr> halideArgs(ArrayRef<Halide::Var> vars);

} // namespace mlir::hone::cpu

#endif // HONE_TARGETS_CPU_HALIDEKERNELS_H
