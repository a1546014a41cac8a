//===- Cost.h - Work of one op, from its types ------------------*- C++ -*-===//
//
// What `honec --stats` counts as FLOPs and what the fusion planner's cost
// model weighs: one definition for both.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_DIALECTS_HONE_OPS_COST_H
#define HONE_DIALECTS_HONE_OPS_COST_H

#include "mlir/IR/Operation.h"

#include <optional>

namespace mlir::hone {

/// Multiply-adds of one contraction op (Conv, ConvTranspose, MatMul, Gemm)
/// at its static shapes; 0 for other ops; nullopt when a shape it needs is
/// dynamic.
std::optional<int64_t> multiplyAdds(Operation *op);

} // namespace mlir::hone

#endif // HONE_DIALECTS_HONE_OPS_COST_H
