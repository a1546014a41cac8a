//===- TensorGather.cpp - Reference kernels that read data at indices -----===//
//
// Gather, GatherElements and GatherND. The indices are data, so each one is
// resolved (negative counted from the end) and range-checked with
// resolveIndex before it addresses anything; an index out of range is an
// error, never a read outside the input.
//
//===----------------------------------------------------------------------===//
#include "compiler/reference/kernels/TensorFamily.h"

#include <algorithm>

namespace hone::ref {
namespace {

/// An error naming an index that does not fit a dim of `size`.
Status indexError(KernelContext &ctx, int64_t index, int64_t size) {
  return ctx.error("index " + std::to_string(index) + " out of range for a dim of size " +
                   std::to_string(size));
}

/// Gather: output = data[..., indices[j...], ...] with the indices' shape
/// replacing dim `axis`.
Status gatherKernel(KernelContext &ctx) {
  const Tensor *data, *indices;
  if (Status s = requireInputs(ctx, {&data, &indices}); !s)
    return s;
  int64_t axis = ctx.getInt("axis", 0);
  if (!normalizeAxis(axis, data->rank()))
    return ctx.error("axis out of range");
  Shape shape(data->shape().begin(), data->shape().begin() + axis);
  shape.insert(shape.end(), indices->shape().begin(), indices->shape().end());
  shape.insert(shape.end(), data->shape().begin() + axis + 1, data->shape().end());
  if (Status s = checkShape(ctx, shape); !s)
    return s;
  AxisBlocks in = blocksAround(data->shape(), axis);
  int64_t count = indices->numel();
  std::vector<int64_t> resolved = indices->toInts();
  for (int64_t &index : resolved)
    if (int64_t original = index; !resolveIndex(index, in.size))
      return indexError(ctx, original, in.size);
  Tensor y(data->dtype(), shape);
  for (int64_t o = 0; o < in.outer; ++o)
    for (int64_t k = 0; k < count; ++k)
      for (int64_t i = 0; i < in.inner; ++i)
        y.copyElement((o * count + k) * in.inner + i, *data,
                      (o * in.size + resolved[k]) * in.inner + i);
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

/// GatherElements: output[i...] = data[i... with i[axis] = indices[i...]];
/// indices has data's rank and dims no larger than data's.
Status gatherElementsKernel(KernelContext &ctx) {
  const Tensor *data, *indices;
  if (Status s = requireInputs(ctx, {&data, &indices}); !s)
    return s;
  int64_t axis = ctx.getInt("axis", 0);
  if (indices->rank() != data->rank())
    return ctx.error("indices and data differ in rank");
  if (!normalizeAxis(axis, data->rank()))
    return ctx.error("axis out of range");
  for (int64_t d = 0; d < data->rank(); ++d)
    if (d != axis && indices->dim(d) > data->dim(d))
      return ctx.error("indices are larger than data at dim " + std::to_string(d));
  Tensor y(data->dtype(), indices->shape());
  std::vector<int64_t> strides = shapeStrides(data->shape()), index;
  for (int64_t flat = 0; flat < y.numel(); ++flat) {
    unflatten(flat, indices->shape(), index);
    int64_t along = indices->getInt(flat);
    if (!resolveIndex(along, data->dim(axis)))
      return indexError(ctx, indices->getInt(flat), data->dim(axis));
    index[axis] = along;
    y.copyElement(flat, *data, flatten(index, strides));
  }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

/// GatherND: each innermost row of `indices` (length `depth`) picks a slice
/// data[b..., i_0, ..., i_depth-1, :...], within batch b for the leading
/// `batch_dims` dims.
Status gatherNDKernel(KernelContext &ctx) {
  const Tensor *data, *indices;
  if (Status s = requireInputs(ctx, {&data, &indices}); !s)
    return s;
  int64_t batchDims = ctx.getInt("batch_dims", 0);
  if (indices->rank() < 1 || data->rank() < 1 || batchDims < 0 ||
      batchDims >= std::min(indices->rank(), data->rank()))
    return ctx.error("batch_dims must be below the ranks of data and indices");
  int64_t depth = indices->dim(indices->rank() - 1);
  if (depth < 1 || batchDims + depth > data->rank())
    return ctx.error("index rows of length " + std::to_string(depth) + " do not fit data of rank " +
                     std::to_string(data->rank()));
  for (int64_t d = 0; d < batchDims; ++d)
    if (data->dim(d) != indices->dim(d))
      return ctx.error("data and indices differ at batch dim " + std::to_string(d));
  Shape shape(indices->shape().begin(), indices->shape().end() - 1);
  shape.insert(shape.end(), data->shape().begin() + batchDims + depth, data->shape().end());
  if (Status s = checkShape(ctx, shape); !s)
    return s;
  int64_t batches = 1, batchStride = 1, sliceSize = 1;
  for (int64_t d = 0; d < batchDims; ++d)
    batches *= data->dim(d);
  for (int64_t d = batchDims; d < data->rank(); ++d)
    batchStride *= data->dim(d);
  for (int64_t d = batchDims + depth; d < data->rank(); ++d)
    sliceSize *= data->dim(d);
  int64_t rows = indices->numel() / depth;
  int64_t rowsPerBatch = batches ? rows / batches : 0;
  std::vector<int64_t> strides = shapeStrides(data->shape());
  Tensor y(data->dtype(), shape);
  for (int64_t row = 0; row < rows; ++row) {
    int64_t offset = (row / rowsPerBatch) * batchStride;
    for (int64_t j = 0; j < depth; ++j) {
      int64_t index = indices->getInt(row * depth + j), size = data->dim(batchDims + j);
      if (!resolveIndex(index, size))
        return indexError(ctx, indices->getInt(row * depth + j), size);
      offset += index * strides[batchDims + j];
    }
    for (int64_t i = 0; i < sliceSize; ++i)
      y.copyElement(row * sliceSize + i, *data, offset + i);
  }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

} // namespace

void registerTensorGatherKernels() {
  registerKernel("Gather", gatherKernel);
  registerKernel("GatherElements", gatherElementsKernel);
  registerKernel("GatherND", gatherNDKernel);
}

} // namespace hone::ref
