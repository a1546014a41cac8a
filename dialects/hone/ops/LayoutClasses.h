//===- LayoutClasses.h - The dims an op reduces over ------------*- C++ -*-===//
//
// The LayoutOpInterface's reduction dims (SmartMem, ASPLOS'24, §5.1): for
// each operand, the dims whose elements the op combines into one output
// element. Layout selection stores a producer's result contiguously along
// the dims its consumer reduces over.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_DIALECTS_HONE_OPS_LAYOUTCLASSES_H
#define HONE_DIALECTS_HONE_OPS_LAYOUTCLASSES_H

#include "mlir/IR/Operation.h"
#include "llvm/ADT/SmallVector.h"

#include <cstdint>

namespace mlir::hone {

/// The dims (tensor order) of operand `index` of `op` that it reduces over:
/// MatMul's and Gemm's inner dim of each matrix operand (K), a convolution's
/// input channels and window dims (of its data and of its weights), a
/// pool's window dims, Softmax's, LogSoftmax's and Hardmax's axis, a
/// normalization's normalized dims, a Reduce op's axes (every dim when
/// they are not given). Empty for other operands and ops (an elementwise
/// op reduces over nothing), and where the rank is unknown.
SmallVector<int64_t> reductionDimsOf(Operation *op, unsigned index);

} // namespace mlir::hone

#endif // HONE_DIALECTS_HONE_OPS_LAYOUTCLASSES_H
