//===- Kernels.h - The reference kernel families -----------------*- C++ -*-===//
//
// One registration function per kernel family file. Registry.cpp calls all
// of them once, explicitly, so that no kernel depends on static initializers
// surviving the link of a static library.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_COMPILER_REFERENCE_KERNELS_KERNELS_H
#define HONE_COMPILER_REFERENCE_KERNELS_KERNELS_H

namespace hone::ref {

/// Unary math, activations, binary arithmetic with broadcasting,
/// comparisons, logic, Cast/CastLike, Where, Clip, variadic Sum/Mean/Max/Min.
void registerElementwiseKernels();
/// Conv, ConvTranspose, pooling, normalizations, Gemm/MatMul/Einsum,
/// Softmax family, Dropout, Resize/Upsample, GridSample, RoiAlign,
/// NonMaxSuppression, Det, losses.
void registerNNKernels();
/// Shape and data movement: Reshape, Transpose, Concat, Split, Slice,
/// Gather*, Scatter*, Pad, Tile, Expand, Shape, Size, ...
void registerTensorKernels();
/// Reduce*, ArgMax/ArgMin, CumSum, TopK.
void registerReductionKernels();

} // namespace hone::ref

#endif // HONE_COMPILER_REFERENCE_KERNELS_KERNELS_H
