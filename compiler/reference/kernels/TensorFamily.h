//===- TensorFamily.h - The files of the tensor kernel family ---*- C++ -*-===//
//
// registerTensorKernels() (TensorOps.cpp) calls one function per file.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_COMPILER_REFERENCE_KERNELS_TENSORFAMILY_H
#define HONE_COMPILER_REFERENCE_KERNELS_TENSORFAMILY_H

namespace hone::ref {

/// TensorShape.cpp: Reshape, Transpose, Concat, Split, Slice, Pad, ...
void registerTensorShapeKernels();
/// TensorIndex.cpp: Gather*, Scatter*, OneHot, NonZero, Compress, Unique, ...
void registerTensorIndexKernels();
/// ControlFlow.cpp: If, Loop.
void registerControlFlowKernels();

} // namespace hone::ref

#endif // HONE_COMPILER_REFERENCE_KERNELS_TENSORFAMILY_H
