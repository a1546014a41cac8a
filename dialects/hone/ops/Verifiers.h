//===- Verifiers.h - Shared checks of hone op verifiers ---------*- C++ -*-===//
//
// ODS derives element-type and attribute checks from the ONNX schemas; these
// are the structural checks that several ops share. Each is written once and
// named in generate_ops.py's VERIFIERS table. Only what is statically known
// is checked: a dynamic dim is never an error.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_DIALECTS_HONE_OPS_VERIFIERS_H
#define HONE_DIALECTS_HONE_OPS_VERIFIERS_H

#include "mlir/IR/Operation.h"

namespace mlir::hone {

/// Ends one group in the table of verifyElementTypeGroups.
constexpr int kGroupEnd = 1 << 30;

/// ONNX type constraints: within each group (operand i is `i`, result i is
/// `-1 - i`, groups end with kGroupEnd) every tensor has the same element
/// type. The formal at `variadicOperand` / `variadicResult` (or -1) stands for
/// it and every operand/result after it. `none` operands are skipped.
LogicalResult verifyElementTypeGroups(Operation *op, ArrayRef<int> groups, int variadicOperand,
                                      int variadicResult);

/// Operands broadcast numpy-style: static dims agree or one of them is 1.
LogicalResult verifyBroadcastOperands(Operation *op);
/// The `axis` attribute lies in [-r, r) for the rank r of operand 0
/// (Flatten: [-r, r]).
LogicalResult verifyAxisInRange(Operation *op);
/// Conv/ConvTranspose: input and weight have the same rank >= 3, and the
/// spatial attributes have one entry per spatial dim (pads two).
LogicalResult verifyConvolution(Operation *op);
/// MatMul: the contracted dims agree.
LogicalResult verifyMatMul(Operation *op);
/// Gemm: 2-D operands whose contracted dims agree.
LogicalResult verifyGemm(Operation *op);
/// Transpose: perm is a permutation of the operand's dims.
LogicalResult verifyTranspose(Operation *op);

} // namespace mlir::hone

#endif // HONE_DIALECTS_HONE_OPS_VERIFIERS_H
