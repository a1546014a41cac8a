//===- TensorOps.cpp - The tensor kernel family ---------------------------===//
//
// Data movement, indexing, generators and control flow. Each theme lives in
// its own file (see TensorFamily.h); this one only calls their
// registration functions.
//
//===----------------------------------------------------------------------===//
#include "compiler/reference/kernels/Kernels.h"
#include "compiler/reference/kernels/TensorFamily.h"

namespace hone::ref {

void registerTensorKernels() {
  registerTensorShapeKernels();
  registerTensorLayoutKernels();
  registerTensorSliceKernels();
  registerTensorExpandKernels();
  registerTensorGatherKernels();
  registerTensorScatterKernels();
  registerTensorSelectKernels();
  registerTensorGenerateKernels();
  registerControlFlowKernels();
}

} // namespace hone::ref
