//===- TensorIndex.cpp - Reference kernels that index into tensors --------===//
//
// Gather, GatherElements, GatherND, ScatterElements, ScatterND, OneHot,
// NonZero, Compress, Unique, EyeLike, ReverseSequence and Trilu. Indices
// come from the model or its inputs: each one is range-checked (negative
// ones counted from the end, as ONNX says) before it is used.
//
//===----------------------------------------------------------------------===//
#include "compiler/reference/kernels/KernelSupport.h"
#include "compiler/reference/kernels/TensorFamily.h"

#include <algorithm>
#include <map>
#include <numeric>

namespace hone::ref {
namespace {

/// `index` along a dim of `size`, negative counted from the end; false when
/// out of range.
bool resolveIndex(int64_t &index, int64_t size) {
  if (index < 0)
    index += size;
  return index >= 0 && index < size;
}

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
  auto [outer, size, inner] = blocksAround(data->shape(), axis);
  Tensor y(data->dtype(), shape);
  int64_t count = indices->numel();
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t k = 0; k < count; ++k) {
      int64_t index = indices->getInt(k);
      if (!resolveIndex(index, size))
        return ctx.error("index " + std::to_string(indices->getInt(k)) + " out of range for " +
                         std::to_string(size));
      for (int64_t i = 0; i < inner; ++i)
        y.copyElement((o * count + k) * inner + i, *data, (o * size + index) * inner + i);
    }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

Status gatherElementsKernel(KernelContext &ctx) {
  const Tensor *data, *indices;
  if (Status s = requireInputs(ctx, {&data, &indices}); !s)
    return s;
  int64_t axis = ctx.getInt("axis", 0);
  if (!normalizeAxis(axis, data->rank()) || indices->rank() != data->rank())
    return ctx.error("axis out of range or ranks differ");
  Tensor y(data->dtype(), indices->shape());
  std::vector<int64_t> strides = shapeStrides(data->shape()), index;
  for (int64_t flat = 0; flat < y.numel(); ++flat) {
    unflatten(flat, indices->shape(), index);
    int64_t along = indices->getInt(flat);
    if (!resolveIndex(along, data->dim(axis)))
      return ctx.error("index out of range");
    index[axis] = along;
    for (int64_t d = 0; d < data->rank(); ++d)
      if (index[d] >= data->dim(d))
        return ctx.error("indices exceed the data's shape");
    y.copyElement(flat, *data, flatten(index, strides));
  }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

/// Applies ONNX's scatter reduction to element `dst` of `out`.
void scatterInto(Tensor &out, int64_t dst, const Tensor &updates, int64_t src,
                 const std::string &reduction) {
  if (reduction == "add")
    out.setDouble(dst, out.getDouble(dst) + updates.getDouble(src));
  else if (reduction == "mul")
    out.setDouble(dst, out.getDouble(dst) * updates.getDouble(src));
  else if (reduction == "max")
    out.setDouble(dst, std::max(out.getDouble(dst), updates.getDouble(src)));
  else if (reduction == "min")
    out.setDouble(dst, std::min(out.getDouble(dst), updates.getDouble(src)));
  else
    out.copyElement(dst, updates, src);
}

Status scatterElementsKernel(KernelContext &ctx) {
  const Tensor *data, *indices, *updates;
  if (Status s = requireInputs(ctx, {&data, &indices, &updates}); !s)
    return s;
  int64_t axis = ctx.getInt("axis", 0);
  if (!normalizeAxis(axis, data->rank()) || indices->shape() != updates->shape() ||
      indices->rank() != data->rank())
    return ctx.error("axis out of range, or indices and updates differ in shape");
  std::string reduction = ctx.getString("reduction", "none");
  Tensor y = *data;
  std::vector<int64_t> strides = shapeStrides(data->shape()), index;
  for (int64_t flat = 0; flat < indices->numel(); ++flat) {
    unflatten(flat, indices->shape(), index);
    int64_t along = indices->getInt(flat);
    if (!resolveIndex(along, data->dim(axis)))
      return ctx.error("index out of range");
    index[axis] = along;
    for (int64_t d = 0; d < data->rank(); ++d)
      if (index[d] >= data->dim(d))
        return ctx.error("indices exceed the data's shape");
    scatterInto(y, flatten(index, strides), *updates, flat, reduction);
  }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

/// The flat offset of the slice of `data` that one index tuple of GatherND
/// or ScatterND addresses, after `batch` leading dims at `batchOffset`.
Status ndOffset(KernelContext &ctx, const Tensor &data, const Tensor &indices, int64_t tuple,
                int64_t depth, int64_t batch, int64_t batchOffset, int64_t &offset) {
  std::vector<int64_t> strides = shapeStrides(data.shape());
  offset = batchOffset;
  for (int64_t j = 0; j < depth; ++j) {
    int64_t index = indices.getInt(tuple * depth + j);
    if (!resolveIndex(index, data.dim(batch + j)))
      return ctx.error("index out of range");
    offset += index * strides[batch + j];
  }
  return Status::success();
}

Status gatherNDKernel(KernelContext &ctx) {
  const Tensor *data, *indices;
  if (Status s = requireInputs(ctx, {&data, &indices}); !s)
    return s;
  int64_t batch = ctx.getInt("batch_dims", 0);
  if (indices->rank() < 1 || batch < 0 || batch >= indices->rank())
    return ctx.error("bad batch_dims or indices rank");
  int64_t depth = indices->dim(indices->rank() - 1);
  if (batch + depth > data->rank())
    return ctx.error("index tuples are longer than the data's rank");
  for (int64_t d = 0; d < batch; ++d)
    if (data->dim(d) != indices->dim(d))
      return ctx.error("batch dims differ");
  Shape shape(indices->shape().begin(), indices->shape().end() - 1);
  shape.insert(shape.end(), data->shape().begin() + batch + depth, data->shape().end());
  int64_t slice = 1;
  for (int64_t d = batch + depth; d < data->rank(); ++d)
    slice *= data->dim(d);
  int64_t batchCount = 1, dataBatchStride = 1;
  for (int64_t d = 0; d < batch; ++d)
    batchCount *= data->dim(d);
  for (int64_t d = batch; d < data->rank(); ++d)
    dataBatchStride *= data->dim(d);
  int64_t tuples = shapeNumel(Shape(indices->shape().begin(), indices->shape().end() - 1));
  int64_t perBatch = batchCount ? tuples / batchCount : 0;
  Tensor y(data->dtype(), shape);
  for (int64_t t = 0; t < tuples; ++t) {
    int64_t offset;
    if (Status s = ndOffset(ctx, *data, *indices, t, depth, batch,
                            (perBatch ? t / perBatch : 0) * dataBatchStride, offset);
        !s)
      return s;
    for (int64_t i = 0; i < slice; ++i)
      y.copyElement(t * slice + i, *data, offset + i);
  }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

Status scatterNDKernel(KernelContext &ctx) {
  const Tensor *data, *indices, *updates;
  if (Status s = requireInputs(ctx, {&data, &indices, &updates}); !s)
    return s;
  if (indices->rank() < 1)
    return ctx.error("indices must have rank >= 1");
  int64_t depth = indices->dim(indices->rank() - 1);
  if (depth > data->rank())
    return ctx.error("index tuples are longer than the data's rank");
  int64_t slice = 1;
  for (int64_t d = depth; d < data->rank(); ++d)
    slice *= data->dim(d);
  int64_t tuples = shapeNumel(Shape(indices->shape().begin(), indices->shape().end() - 1));
  if (updates->numel() != tuples * slice)
    return ctx.error("updates have the wrong number of elements");
  std::string reduction = ctx.getString("reduction", "none");
  Tensor y = *data;
  for (int64_t t = 0; t < tuples; ++t) {
    int64_t offset;
    if (Status s = ndOffset(ctx, *data, *indices, t, depth, 0, 0, offset); !s)
      return s;
    for (int64_t i = 0; i < slice; ++i)
      scatterInto(y, offset + i, *updates, t * slice + i, reduction);
  }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

Status oneHotKernel(KernelContext &ctx) {
  const Tensor *indices, *depthT, *values;
  if (Status s = requireInputs(ctx, {&indices, &depthT, &values}); !s)
    return s;
  if (depthT->numel() != 1 || values->numel() != 2)
    return ctx.error("expected a scalar depth and two values");
  int64_t depth = static_cast<int64_t>(depthT->getDouble(0));
  if (depth < 1)
    return ctx.error("depth must be positive");
  int64_t rank = indices->rank() + 1, axis = ctx.getInt("axis", -1);
  if (!normalizeAxis(axis, rank))
    return ctx.error("axis out of range");
  Shape shape = indices->shape();
  shape.insert(shape.begin() + axis, depth);
  if (Status s = checkShape(ctx, shape); !s)
    return s;
  Tensor y(values->dtype(), shape);
  std::vector<int64_t> index;
  for (int64_t flat = 0; flat < y.numel(); ++flat) {
    unflatten(flat, shape, index);
    int64_t position = index[axis];
    index.erase(index.begin() + axis);
    int64_t hot = static_cast<int64_t>(indices->getDouble(flatten(index, shapeStrides(indices->shape()))));
    if (hot < 0)
      hot += depth;
    y.copyElement(flat, *values, hot == position ? 1 : 0);
  }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

Status nonZeroKernel(KernelContext &ctx) {
  const Tensor *x;
  if (Status s = requireInput(ctx, 0, x); !s)
    return s;
  std::vector<int64_t> hits;
  for (int64_t i = 0; i < x->numel(); ++i)
    if (x->getDouble(i) != 0)
      hits.push_back(i);
  int64_t count = static_cast<int64_t>(hits.size());
  Tensor y(DType::I64, {x->rank(), count});
  std::vector<int64_t> index;
  for (int64_t k = 0; k < count; ++k) {
    unflatten(hits[k], x->shape(), index);
    for (int64_t d = 0; d < x->rank(); ++d)
      y.setInt(d * count + k, index[d]);
  }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

Status compressKernel(KernelContext &ctx) {
  const Tensor *x, *condition;
  if (Status s = requireInputs(ctx, {&x, &condition}); !s)
    return s;
  Tensor input = *x;
  int64_t axis;
  if (ctx.hasAttr("axis")) {
    axis = ctx.getInt("axis", 0);
    if (!normalizeAxis(axis, x->rank()))
      return ctx.error("axis out of range");
  } else {
    input = x->reshaped({x->numel()});
    axis = 0;
  }
  std::vector<int64_t> kept;
  for (int64_t i = 0; i < std::min(condition->numel(), input.dim(axis)); ++i)
    if (condition->getInt(i))
      kept.push_back(i);
  Shape shape = input.shape();
  shape[axis] = static_cast<int64_t>(kept.size());
  auto [outer, size, inner] = blocksAround(input.shape(), axis);
  Tensor y(x->dtype(), shape);
  for (int64_t o = 0; o < outer; ++o)
    for (size_t k = 0; k < kept.size(); ++k)
      for (int64_t i = 0; i < inner; ++i)
        y.copyElement((o * static_cast<int64_t>(kept.size()) + k) * inner + i, input,
                      (o * input.dim(axis) + kept[k]) * inner + i);
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

/// Unique: slices along `axis` (or elements) compared as vectors of doubles.
Status uniqueKernel(KernelContext &ctx) {
  const Tensor *x;
  if (Status s = requireInput(ctx, 0, x); !s)
    return s;
  bool sorted = ctx.getInt("sorted", 1) != 0;
  Tensor input = *x;
  int64_t axis = 0;
  bool hasAxis = ctx.hasAttr("axis");
  if (hasAxis) {
    axis = ctx.getInt("axis", 0);
    if (!normalizeAxis(axis, x->rank()))
      return ctx.error("axis out of range");
  } else {
    input = x->reshaped({x->numel()});
  }
  auto [outer, count, inner] = blocksAround(input.shape(), axis);
  auto sliceOf = [&](int64_t k) {
    std::vector<double> values;
    for (int64_t o = 0; o < outer; ++o)
      for (int64_t i = 0; i < inner; ++i)
        values.push_back(input.getDouble((o * count + k) * inner + i));
    return values;
  };
  std::vector<std::vector<double>> slices;
  std::vector<int64_t> firstIndex, inverse(count), counts;
  std::map<std::vector<double>, int64_t> seen;
  for (int64_t k = 0; k < count; ++k) {
    std::vector<double> slice = sliceOf(k);
    auto it = seen.find(slice);
    if (it == seen.end()) {
      it = seen.emplace(slice, static_cast<int64_t>(slices.size())).first;
      slices.push_back(slice);
      firstIndex.push_back(k);
      counts.push_back(0);
    }
    inverse[k] = it->second;
    ++counts[it->second];
  }
  std::vector<int64_t> order(slices.size());
  std::iota(order.begin(), order.end(), 0);
  if (sorted)
    std::sort(order.begin(), order.end(),
              [&](int64_t a, int64_t b) { return slices[a] < slices[b]; });
  std::vector<int64_t> rankOf(order.size());
  for (size_t r = 0; r < order.size(); ++r)
    rankOf[order[r]] = static_cast<int64_t>(r);
  int64_t unique = static_cast<int64_t>(order.size());
  Shape shape = input.shape();
  shape[axis] = unique;
  Tensor y(x->dtype(), shape);
  for (int64_t r = 0; r < unique; ++r)
    for (int64_t o = 0; o < outer; ++o)
      for (int64_t i = 0; i < inner; ++i)
        y.copyElement((o * unique + r) * inner + i, input,
                      (o * count + firstIndex[order[r]]) * inner + i);
  Tensor indicesOut(DType::I64, {unique}), inverseOut(DType::I64, {count}),
      countsOut(DType::I64, {unique});
  for (int64_t r = 0; r < unique; ++r) {
    indicesOut.setInt(r, firstIndex[order[r]]);
    countsOut.setInt(r, counts[order[r]]);
  }
  for (int64_t k = 0; k < count; ++k)
    inverseOut.setInt(k, rankOf[inverse[k]]);
  ctx.setOutput(0, std::move(y));
  ctx.setOutput(1, std::move(indicesOut));
  ctx.setOutput(2, std::move(inverseOut));
  ctx.setOutput(3, std::move(countsOut));
  return Status::success();
}

Status eyeLikeKernel(KernelContext &ctx) {
  const Tensor *x;
  if (Status s = requireInput(ctx, 0, x); !s)
    return s;
  if (x->rank() != 2)
    return ctx.error("expected a 2-D input");
  int64_t k = ctx.getInt("k", 0);
  Tensor y(ctx.outputDType(0), x->shape());
  for (int64_t i = 0; i < x->dim(0); ++i) {
    int64_t j = i + k;
    if (j >= 0 && j < x->dim(1))
      y.setDouble(i * x->dim(1) + j, 1);
  }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

Status reverseSequenceKernel(KernelContext &ctx) {
  const Tensor *x, *lengths;
  if (Status s = requireInputs(ctx, {&x, &lengths}); !s)
    return s;
  int64_t batchAxis = ctx.getInt("batch_axis", 1), timeAxis = ctx.getInt("time_axis", 0);
  if (x->rank() < 2 || !normalizeAxis(batchAxis, x->rank()) || !normalizeAxis(timeAxis, x->rank()) ||
      batchAxis == timeAxis || lengths->numel() != x->dim(batchAxis))
    return ctx.error("bad axes or sequence_lens");
  Tensor y = *x;
  std::vector<int64_t> strides = shapeStrides(x->shape()), index;
  for (int64_t flat = 0; flat < x->numel(); ++flat) {
    unflatten(flat, x->shape(), index);
    int64_t length = std::clamp<int64_t>(lengths->getInt(index[batchAxis]), 0, x->dim(timeAxis));
    if (index[timeAxis] < length) {
      std::vector<int64_t> source = index;
      source[timeAxis] = length - 1 - index[timeAxis];
      y.copyElement(flat, *x, flatten(source, strides));
    }
  }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

Status triluKernel(KernelContext &ctx) {
  const Tensor *x;
  if (Status s = requireInput(ctx, 0, x); !s)
    return s;
  if (x->rank() < 2)
    return ctx.error("expected rank >= 2");
  int64_t k = 0;
  if (const Tensor *kT = ctx.input(1)) {
    if (kT->numel() != 1)
      return ctx.error("expected a scalar k");
    k = kT->getInt(0);
  }
  bool upper = ctx.getInt("upper", 1) != 0;
  int64_t rows = x->dim(x->rank() - 2), cols = x->dim(x->rank() - 1);
  Tensor y(x->dtype(), x->shape());
  for (int64_t flat = 0; flat < x->numel(); ++flat) {
    int64_t j = flat % (cols ? cols : 1), i = (flat / (cols ? cols : 1)) % (rows ? rows : 1);
    bool keep = upper ? j - i >= k : j - i <= k;
    if (keep)
      y.copyElement(flat, *x, flat);
  }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

} // namespace

void registerTensorIndexKernels() {
  registerKernel("Gather", gatherKernel);
  registerKernel("GatherElements", gatherElementsKernel);
  registerKernel("GatherND", gatherNDKernel);
  registerKernel("ScatterElements", scatterElementsKernel);
  registerKernel("ScatterND", scatterNDKernel);
  registerKernel("OneHot", oneHotKernel);
  registerKernel("NonZero", nonZeroKernel);
  registerKernel("Compress", compressKernel);
  registerKernel("Unique", uniqueKernel);
  registerKernel("EyeLike", eyeLikeKernel);
  registerKernel("ReverseSequence", reverseSequenceKernel);
  registerKernel("Trilu", triluKernel);
}

} // namespace hone::ref
