//===- Evaluator.h - Runs hone IR on concrete tensors -----------*- C++ -*-===//
//
// The reference evaluator: executes a function of hone ops op by op with the
// reference kernels. It is the executable meaning of the dialect; tests run
// a module before and after a pass and compare.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_COMPILER_REFERENCE_EVALUATOR_H
#define HONE_COMPILER_REFERENCE_EVALUATOR_H

#include "compiler/reference/Tensor.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinAttributes.h"

#include <string>
#include <vector>

namespace mlir::hone {

/// The DType of an MLIR element type; Undefined when unsupported.
ref::DType dtypeOf(Type elementType);

/// The tensor an ElementsAttr (dense or dense_resource) holds.
FailureOr<ref::Tensor> tensorFromElementsAttr(ElementsAttr attr, std::string &error);

/// Checks `value` against the type `type` declares (element type, rank,
/// static dims); the mismatch in words, or "" when it fits.
std::string describeMismatch(const ref::Tensor &value, Type type);

/// Runs one op (without regions) on `inputs` (one per operand, null for
/// absent optional ones) with its reference kernel: how passes fold
/// constants with the dialect's own meaning.
FailureOr<std::vector<ref::Tensor>> evaluateOp(Operation *op,
                                               const std::vector<const ref::Tensor *> &inputs,
                                               std::string &error);

/// Runs `func` on `inputs` (one per argument, in order). On failure, returns
/// failure and sets `error` to a message naming the op that failed.
FailureOr<std::vector<ref::Tensor>> evaluateFunction(func::FuncOp func,
                                                     const std::vector<ref::Tensor> &inputs,
                                                     std::string &error);

} // namespace mlir::hone

#endif // HONE_COMPILER_REFERENCE_EVALUATOR_H
