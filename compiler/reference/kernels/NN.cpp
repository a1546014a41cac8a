//===- NN.cpp - The NN kernel family --------------------------------------===//
//
// Convolutions, pooling, normalizations, matrix products, softmax and
// losses, resizing and detection ops; one registration per file.
//
//===----------------------------------------------------------------------===//
#include "compiler/reference/kernels/Kernels.h"
#include "compiler/reference/kernels/NNFamily.h"

namespace hone::ref {

void registerNNKernels() {
  registerConvKernels();
  registerPoolKernels();
  registerNormKernels();
  registerMatMulKernels();
  registerSoftmaxKernels();
  registerResizeKernels();
  registerDetectionKernels();
}

} // namespace hone::ref
