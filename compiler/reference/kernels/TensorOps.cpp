//===- TensorOps.cpp - The tensor kernel family ---------------------------===//
//
// Data movement, indexing and control flow; one registration per file.
//
//===----------------------------------------------------------------------===//
#include "compiler/reference/kernels/Kernels.h"
#include "compiler/reference/kernels/TensorFamily.h"

namespace hone::ref {

void registerTensorKernels() {
  registerTensorShapeKernels();
  registerTensorIndexKernels();
  registerControlFlowKernels();
}

} // namespace hone::ref
