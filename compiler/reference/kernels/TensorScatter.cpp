//===- TensorScatter.cpp - Reference kernels that write data at indices ---===//
//
// ScatterElements and ScatterND: the output starts as a copy of `data` and
// each update is written (or, with `reduction`, combined) at the position
// its index names, in the order the updates appear, so that with
// reduction "none" a repeated index keeps the last update. Integer element
// types combine in int64, so add and mul stay exact; floats in double.
//
//===----------------------------------------------------------------------===//
#include "compiler/reference/kernels/TensorFamily.h"

#include <algorithm>

namespace hone::ref {
namespace {

enum class Reduction { None, Add, Mul, Max, Min };

/// The `reduction` attribute (none, add, mul; max and min from opset 18).
Status readReduction(KernelContext &ctx, Reduction &out) {
  std::string name = ctx.getString("reduction", "none");
  if (name == "none")
    out = Reduction::None;
  else if (name == "add")
    out = Reduction::Add;
  else if (name == "mul")
    out = Reduction::Mul;
  else if (name == "max")
    out = Reduction::Max;
  else if (name == "min")
    out = Reduction::Min;
  else
    return ctx.error("unknown reduction '" + name + "'");
  return Status::success();
}

/// Combines update `src` of `updates` into element `dst` of `out`.
void scatterInto(Tensor &out, int64_t dst, const Tensor &updates, int64_t src,
                 Reduction reduction) {
  if (reduction == Reduction::None) {
    out.copyElement(dst, updates, src);
  } else if (isFloatDType(out.dtype())) {
    double a = out.getDouble(dst), b = updates.getDouble(src);
    double r = reduction == Reduction::Add   ? a + b
               : reduction == Reduction::Mul ? a * b
               : reduction == Reduction::Max ? std::max(a, b)
                                             : std::min(a, b);
    out.setDouble(dst, r);
  } else if (out.dtype() == DType::U64 &&
             (reduction == Reduction::Max || reduction == Reduction::Min)) {
    uint64_t a = out.getUInt(dst), b = updates.getUInt(src);
    out.setUInt(dst, reduction == Reduction::Max ? std::max(a, b) : std::min(a, b));
  } else {
    // Add and mul wrap like the element type does (unsigned arithmetic, no
    // signed overflow).
    uint64_t a = static_cast<uint64_t>(out.getInt(dst)),
             b = static_cast<uint64_t>(updates.getInt(src));
    int64_t sa = out.getInt(dst), sb = updates.getInt(src);
    int64_t r = reduction == Reduction::Add   ? static_cast<int64_t>(a + b)
                : reduction == Reduction::Mul ? static_cast<int64_t>(a * b)
                : reduction == Reduction::Max ? std::max(sa, sb)
                                              : std::min(sa, sb);
    out.setInt(dst, r);
  }
}

/// ScatterElements: for each position p of `indices`, output[p with
/// p[axis] = indices[p]] combines updates[p].
Status scatterElementsKernel(KernelContext &ctx) {
  const Tensor *data, *indices, *updates;
  if (Status s = requireInputs(ctx, {&data, &indices, &updates}); !s)
    return s;
  Reduction reduction;
  if (Status s = readReduction(ctx, reduction); !s)
    return s;
  int64_t axis = ctx.getInt("axis", 0);
  if (indices->shape() != updates->shape() || indices->rank() != data->rank())
    return ctx.error("indices and updates must have one shape, of data's rank");
  if (updates->dtype() != data->dtype())
    return ctx.error("updates and data differ in element type");
  if (!normalizeAxis(axis, data->rank()))
    return ctx.error("axis out of range");
  for (int64_t d = 0; d < data->rank(); ++d)
    if (d != axis && indices->dim(d) > data->dim(d))
      return ctx.error("indices are larger than data at dim " + std::to_string(d));
  Tensor y = *data;
  std::vector<int64_t> strides = shapeStrides(data->shape()), index;
  for (int64_t flat = 0; flat < indices->numel(); ++flat) {
    unflatten(flat, indices->shape(), index);
    int64_t along = indices->getInt(flat);
    if (!resolveIndex(along, data->dim(axis)))
      return ctx.error("index " + std::to_string(indices->getInt(flat)) +
                       " out of range for a dim of size " + std::to_string(data->dim(axis)));
    index[axis] = along;
    scatterInto(y, flatten(index, strides), *updates, flat, reduction);
  }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

/// ScatterND: each innermost row of `indices` (length `depth`) names a
/// slice data[i_0, ..., i_depth-1, :...] that combines the matching slice of
/// `updates` (shape indices.shape[:-1] + data.shape[depth:]).
Status scatterNDKernel(KernelContext &ctx) {
  const Tensor *data, *indices, *updates;
  if (Status s = requireInputs(ctx, {&data, &indices, &updates}); !s)
    return s;
  Reduction reduction;
  if (Status s = readReduction(ctx, reduction); !s)
    return s;
  if (indices->rank() < 1)
    return ctx.error("indices must have rank >= 1");
  if (updates->dtype() != data->dtype())
    return ctx.error("updates and data differ in element type");
  int64_t depth = indices->dim(indices->rank() - 1);
  if (depth < 1 || depth > data->rank())
    return ctx.error("index rows of length " + std::to_string(depth) + " do not fit data of rank " +
                     std::to_string(data->rank()));
  Shape updatesShape(indices->shape().begin(), indices->shape().end() - 1);
  updatesShape.insert(updatesShape.end(), data->shape().begin() + depth, data->shape().end());
  if (updates->shape() != updatesShape)
    return ctx.error("updates have shape " + shapeToString(updates->shape()) + ", expected " +
                     shapeToString(updatesShape));
  int64_t sliceSize = 1;
  for (int64_t d = depth; d < data->rank(); ++d)
    sliceSize *= data->dim(d);
  int64_t rows = indices->numel() / depth;
  std::vector<int64_t> strides = shapeStrides(data->shape());
  Tensor y = *data;
  for (int64_t row = 0; row < rows; ++row) {
    int64_t offset = 0;
    for (int64_t j = 0; j < depth; ++j) {
      int64_t index = indices->getInt(row * depth + j);
      if (!resolveIndex(index, data->dim(j)))
        return ctx.error("index " + std::to_string(indices->getInt(row * depth + j)) +
                         " out of range for a dim of size " + std::to_string(data->dim(j)));
      offset += index * strides[j];
    }
    for (int64_t i = 0; i < sliceSize; ++i)
      scatterInto(y, offset + i, *updates, row * sliceSize + i, reduction);
  }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

} // namespace

void registerTensorScatterKernels() {
  registerKernel("ScatterElements", scatterElementsKernel);
  registerKernel("ScatterND", scatterNDKernel);
}

} // namespace hone::ref
