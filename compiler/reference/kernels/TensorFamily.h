//===- TensorFamily.h - The files of the tensor kernel family ---*- C++ -*-===//
//
// registerTensorKernels() (TensorOps.cpp) calls one function per file. The
// index helpers below are shared by the files that read indices from a
// model or its inputs: every such index is resolved (negative ones counted
// from the end, as ONNX says) and range-checked before it is used.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_COMPILER_REFERENCE_KERNELS_TENSORFAMILY_H
#define HONE_COMPILER_REFERENCE_KERNELS_TENSORFAMILY_H

#include "compiler/reference/kernels/KernelSupport.h"

namespace hone::ref {

/// `index` along a dim of `size`, a negative one counted from the end;
/// false when it is out of range either way.
inline bool resolveIndex(int64_t &index, int64_t size) {
  if (index < 0)
    index += size;
  return index >= 0 && index < size;
}

/// |v| as uint64, exact also for INT64_MIN.
inline uint64_t magnitude(int64_t v) {
  return v >= 0 ? static_cast<uint64_t>(v) : static_cast<uint64_t>(-(v + 1)) + 1;
}

/// ceil(distance / step) for distance, step > 0, without overflow.
inline uint64_t ceilDiv(uint64_t distance, uint64_t step) { return (distance - 1) / step + 1; }

/// Copies element `src` of `from` to element `dst` of `to`, converting when
/// their element types differ (integers exactly, through int64).
inline void copyConverted(Tensor &to, int64_t dst, const Tensor &from, int64_t src) {
  if (to.dtype() == from.dtype())
    to.copyElement(dst, from, src);
  else if (isFloatDType(to.dtype()) || isFloatDType(from.dtype()))
    to.setDouble(dst, from.getDouble(src));
  else
    to.setInt(dst, from.getInt(src));
}

/// The single value of a one-element tensor (scalar or [1]) as int64, or an
/// error naming it `what`.
inline Status scalarInt(KernelContext &ctx, const Tensor &t, const std::string &what,
                        int64_t &out) {
  if (t.numel() != 1)
    return ctx.error("expected a single-element " + what + ", got shape " +
                     shapeToString(t.shape()));
  out = t.getInt(0);
  return Status::success();
}

void registerTensorShapeKernels();    // TensorShape.cpp: Reshape, Flatten, Squeeze, ...
void registerTensorLayoutKernels();   // TensorLayout.cpp: Transpose, DepthToSpace, ...
void registerTensorSliceKernels();    // TensorSlice.cpp: Concat, Split, Slice
void registerTensorExpandKernels();   // TensorExpand.cpp: Expand, Tile, Pad
void registerTensorGatherKernels();   // TensorGather.cpp: Gather, GatherElements, GatherND
void registerTensorScatterKernels();  // TensorScatter.cpp: ScatterElements, ScatterND
void registerTensorSelectKernels();   // TensorSelect.cpp: NonZero, Compress, Unique, Trilu
void registerTensorGenerateKernels(); // TensorGenerate.cpp: ConstantOfShape, Range, ...
void registerControlFlowKernels();    // ControlFlow.cpp: If, Loop

} // namespace hone::ref

#endif // HONE_COMPILER_REFERENCE_KERNELS_TENSORFAMILY_H
