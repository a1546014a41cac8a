//===- ElementwiseFamily.h - Files of the elementwise family ----*- C++ -*-===//
//
// registerElementwiseKernels() (Elementwise.cpp) calls one function per
// file. The element type sets below are those of the ONNX operator schemas,
// so that a kernel can refuse, with a message, an input the spec does not
// allow.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_COMPILER_REFERENCE_KERNELS_ELEMENTWISEFAMILY_H
#define HONE_COMPILER_REFERENCE_KERNELS_ELEMENTWISEFAMILY_H

#include "compiler/reference/Kernel.h"

namespace hone::ref {

/// Sets of element types, as bit masks.
enum TypeSet : unsigned {
  kFloatTypes = 1,    // float16, bfloat16, float32, float64
  kSignedTypes = 2,   // int8 .. int64
  kUnsignedTypes = 4, // uint8 .. uint64
  kBoolType = 8,
  kIntegerTypes = kSignedTypes | kUnsignedTypes,
  kNumericTypes = kFloatTypes | kSignedTypes | kUnsignedTypes,
  kAllTypes = kNumericTypes | kBoolType,
};

/// The set `dtype` belongs to.
inline TypeSet typeSetOf(DType dtype) {
  if (isFloatDType(dtype))
    return kFloatTypes;
  if (isUnsignedDType(dtype))
    return kUnsignedTypes;
  if (dtype == DType::Bool)
    return kBoolType;
  return kSignedTypes;
}

/// An error naming `what` (an input) unless its element type is in `allowed`.
inline Status checkTypeIn(KernelContext &ctx, const Tensor &tensor, unsigned allowed,
                          const std::string &what) {
  if (tensor.dtype() != DType::Undefined && (typeSetOf(tensor.dtype()) & allowed))
    return Status::success();
  return ctx.error(what + " has element type " + dtypeName(tensor.dtype()) +
                   ", which the operator does not take");
}

/// An error unless `a` and `b` have the same element type.
inline Status checkSameType(KernelContext &ctx, const Tensor &a, const Tensor &b) {
  if (a.dtype() == b.dtype())
    return Status::success();
  return ctx.error(std::string("inputs have different element types, ") + dtypeName(a.dtype()) +
                   " and " + dtypeName(b.dtype()));
}

void registerUnaryKernels();    // ElementwiseUnary.cpp
void registerBinaryKernels();   // ElementwiseBinary.cpp
void registerVariadicKernels(); // ElementwiseVariadic.cpp

} // namespace hone::ref

#endif // HONE_COMPILER_REFERENCE_KERNELS_ELEMENTWISEFAMILY_H
