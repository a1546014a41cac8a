//===- ConstantLayouts.h - The layouts kernels read constants in -*- C++ -*-===//
//
// Layout selection for constant operands (the layout issue's rule: each
// producer writes the layout its consumer reads best). A constant is laid
// out once, when the library is written, so a kernel whose vectors run
// along a dim that is not the tensor's innermost reads them contiguously:
// a convolution vectorized along its output channels reads its weights
// [M, C, kernel...] stored as [C, kernel..., M]. The kernel's definition
// is unchanged: the operand's Func reads the stored buffer through the
// permutation (HalideValue::layout), so a kernel that does not use the
// layout stays correct, only slower.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_TARGETS_CPU_CONSTANTLAYOUTS_H
#define HONE_TARGETS_CPU_CONSTANTLAYOUTS_H

#include "mlir/IR/Operation.h"
#include "mlir/IR/Value.h"

#include <cstdint>
#include <string>
#include <vector>

namespace mlir::hone::cpu {

/// The order (tensor dims, outermost first) in which the CPU kernel of `op`
/// reads its operand `index` best when that operand is a constant; empty:
/// as the tensor is. A convolution vectorized along its output channels
/// (isChannelVectorizedConv) reads its weights channelsInnermost; a Gemm
/// with transB its B as [K, N]. A hone.fused op asks the one op of its
/// body that reads the operand.
std::vector<int64_t> constantLayoutFor(Operation *op, unsigned index);

/// The order in which the library stores the constant `value`: the one
/// its readers all read best (constantLayoutFor), or empty (as it is) when
/// any reader wants it as it is (the run function, a view, an output, a
/// runtime op) or two readers differ.
std::vector<int64_t> storedLayout(Value value);

/// `shape` with its dims in `layout` (storedLayout); `shape` itself when
/// `layout` is empty.
std::vector<int64_t> storedShape(ArrayRef<int64_t> shape, ArrayRef<int64_t> layout);

/// The constants of `main` stored laid out for their readers, and their bytes.
struct LaidOutConstants {
  int64_t count = 0;
  int64_t bytes = 0;
};
LaidOutConstants laidOutConstants(Operation *main);

/// The weights order of a convolution vectorized along its output
/// channels: [C, kernel..., M] for weights of `rank`.
std::vector<int64_t> channelsInnermost(int64_t rank);

/// Whether `op` is a convolution that its kernel computes vectorized along
/// its output channels (when its weights are laid out channelsInnermost):
/// one group, at least 16 output channels, static weights, a reduction of
/// at least 64 (input channels x taps); a pointwise one only from 128
/// input channels or on a static map of at most 64 pixels (otherwise a
/// matrix product over its flattened map fills its vectors and stores them
/// whole). A map known only at run time counts as large.
bool isChannelVectorizedConv(Operation *op);

/// `data`, a dense row-major tensor of `shape` with elements of
/// `elementBytes`, with its dims stored in `order`.
std::string permuteDense(const char *data, int64_t elementBytes, const std::vector<int64_t> &shape,
                         const std::vector<int64_t> &order);

} // namespace mlir::hone::cpu

#endif // HONE_TARGETS_CPU_CONSTANTLAYOUTS_H
