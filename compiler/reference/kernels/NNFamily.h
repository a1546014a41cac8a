//===- NNFamily.h - The files of the NN kernel family -----------*- C++ -*-===//
//
// registerNNKernels() (NN.cpp) calls one function per file; the window
// geometry is shared by convolutions and pools, and every kernel takes its
// result element types from the IR through resultDType.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_COMPILER_REFERENCE_KERNELS_NNFAMILY_H
#define HONE_COMPILER_REFERENCE_KERNELS_NNFAMILY_H

#include "compiler/reference/Kernel.h"

namespace hone::ref {

/// Kernel extents, strides, dilations and the padding on each side of every
/// spatial dim.
struct WindowGeometry {
  std::vector<int64_t> kernel, strides, dilations, padsBegin, padsEnd;
};

/// Reads strides, dilations, pads and auto_pad for a window of `kernel` over
/// `spatialIn`; `transposed` (ConvTranspose) leaves SAME padding to the
/// caller.
Status resolveWindow(KernelContext &ctx, const Shape &spatialIn, const std::vector<int64_t> &kernel,
                     bool transposed, WindowGeometry &out);

/// The element type the IR declares for result `i`, or `fallback` when the
/// caller declares none (a bare kernel test).
inline DType resultDType(const KernelContext &ctx, size_t i, DType fallback) {
  DType declared = i < ctx.numOutputs() ? ctx.outputDType(i) : DType::Undefined;
  return declared == DType::Undefined ? fallback : declared;
}

void registerConvKernels();      // NNConv.cpp
void registerPoolKernels();      // NNPool.cpp
void registerNormKernels();      // NNNorm.cpp
void registerMatMulKernels();    // NNMatMul.cpp
void registerSoftmaxKernels();   // NNSoftmax.cpp
void registerResizeKernels();    // NNResize.cpp
void registerDetectionKernels(); // NNDetection.cpp

} // namespace hone::ref

#endif // HONE_COMPILER_REFERENCE_KERNELS_NNFAMILY_H
