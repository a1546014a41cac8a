//===- DimLowering.h - DimExprs as driver IR and as Halide ------*- C++ -*-===//
//
// The CPU target needs a shape function's expressions in two places: the
// driver computes a result's dims (and checks the conditions the shape
// function requires) in LLVM-dialect IR before it calls the kernel, and a
// kernel indexes with them (Slice's resolved starts) in Halide. Both
// lowerings implement DimExpr's total semantics (DimExpr.h): integer
// division and modulo by zero give 0, floats convert to integers by
// saturation. The caller says what each leaf is.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_TARGETS_CPU_DIMLOWERING_H
#define HONE_TARGETS_CPU_DIMLOWERING_H

#include "dialects/hone/DimExpr.h"

#include "mlir/IR/Builders.h"

#include <Halide.h>

#include <functional>

namespace mlir::hone::cpu {

/// A leaf as an LLVM-dialect value: i64 for integer leaves, f64 for float
/// ones; a null Value when the leaf cannot be computed.
using LlvmLeafFn = std::function<Value(const DimExpr &leaf)>;

/// Lowers DimExprs to LLVM-dialect ops at the builder's insertion point,
/// computing each shared node once.
class LlvmDimLowering {
public:
  LlvmDimLowering(OpBuilder &builder, Location loc, LlvmLeafFn leaf)
      : b(builder), loc(loc), leaf(std::move(leaf)) {}

  /// i64 (integers and conditions) or f64; null when a leaf is unknown.
  Value lower(const DimExpr &e);
  /// An i1 that is true where `condition` is non-zero.
  Value lowerCondition(const DimExpr &condition);

private:
  Value constant(int64_t value);
  Value toI64(Value condition);
  OpBuilder &b;
  Location loc;
  LlvmLeafFn leaf;
  llvm::DenseMap<const void *, Value> memo;
};

/// A leaf as a Halide expression: Int(64) or Float(64).
using HalideLeafFn = std::function<Halide::Expr(const DimExpr &leaf)>;

/// Lowers `e` to an Int(64) (or Float(64)) Halide expression; undefined
/// when a leaf is.
Halide::Expr lowerToHalide(const DimExpr &e, const HalideLeafFn &leaf);

} // namespace mlir::hone::cpu

#endif // HONE_TARGETS_CPU_DIMLOWERING_H
