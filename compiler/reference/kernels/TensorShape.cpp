//===- TensorShape.cpp - Reference kernels that move data by shape --------===//
//
// Reshape, Transpose, Flatten, Squeeze/Unsqueeze, Expand, Tile, Concat,
// Split, Slice, Pad, Shape, Size, ConstantOfShape, Range, DepthToSpace and
// SpaceToDepth. Each computes its output shape, checks it, then copies
// elements by index: no kernel trusts a shape or an index from the model.
//
//===----------------------------------------------------------------------===//
#include "compiler/reference/kernels/KernelSupport.h"
#include "compiler/reference/kernels/TensorFamily.h"

#include <algorithm>
#include <numeric>

namespace hone::ref {
namespace {

Status reshapeKernel(KernelContext &ctx) {
  const Tensor *x, *shapeTensor;
  if (Status s = requireInputs(ctx, {&x, &shapeTensor}); !s)
    return s;
  bool allowZero = ctx.getInt("allowzero", 0) != 0;
  std::vector<int64_t> requested = shapeTensor->toInts();
  Shape shape;
  int64_t inferred = -1, known = 1;
  for (size_t i = 0; i < requested.size(); ++i) {
    int64_t d = requested[i];
    if (d == 0 && !allowZero) {
      if (i >= x->shape().size())
        return ctx.error("shape entry " + std::to_string(i) + " copies a missing input dim");
      d = x->dim(static_cast<int64_t>(i));
    } else if (d == -1) {
      if (inferred >= 0)
        return ctx.error("more than one -1 in the shape");
      inferred = static_cast<int64_t>(i);
      shape.push_back(1);
      continue;
    } else if (d < -1) {
      return ctx.error("invalid shape entry " + std::to_string(d));
    }
    shape.push_back(d);
    if (d && known > kMaxKernelElements / d)
      return ctx.error("shape too large");
    known *= d;
  }
  if (inferred >= 0) {
    if (known == 0 || x->numel() % known != 0)
      return ctx.error("cannot infer the -1 dim reshaping " + shapeToString(x->shape()));
    shape[inferred] = x->numel() / known;
  }
  if (shapeNumel(shape) != x->numel())
    return ctx.error("cannot reshape " + shapeToString(x->shape()) + " to " + shapeToString(shape));
  ctx.setOutput(0, x->reshaped(shape));
  return Status::success();
}

Status transposeKernel(KernelContext &ctx) {
  const Tensor *x;
  if (Status s = requireInput(ctx, 0, x); !s)
    return s;
  int64_t rank = x->rank();
  std::vector<int64_t> perm = ctx.getInts("perm");
  if (perm.empty())
    for (int64_t i = rank - 1; i >= 0; --i)
      perm.push_back(i);
  std::vector<int64_t> sorted = perm;
  std::sort(sorted.begin(), sorted.end());
  for (int64_t i = 0; i < rank; ++i)
    if (static_cast<int64_t>(sorted.size()) != rank || sorted[i] != i)
      return ctx.error("perm is not a permutation of the input's dims");
  Shape shape(rank);
  for (int64_t i = 0; i < rank; ++i)
    shape[i] = x->dim(perm[i]);
  Tensor y(x->dtype(), shape);
  std::vector<int64_t> inStrides = shapeStrides(x->shape()), index;
  for (int64_t flat = 0; flat < y.numel(); ++flat) {
    unflatten(flat, shape, index);
    int64_t src = 0;
    for (int64_t d = 0; d < rank; ++d)
      src += index[d] * inStrides[perm[d]];
    y.copyElement(flat, *x, src);
  }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

Status flattenKernel(KernelContext &ctx) {
  const Tensor *x;
  if (Status s = requireInput(ctx, 0, x); !s)
    return s;
  int64_t axis = ctx.getInt("axis", 1);
  if (axis < 0)
    axis += x->rank();
  if (axis < 0 || axis > x->rank())
    return ctx.error("axis out of range");
  int64_t outer = 1;
  for (int64_t i = 0; i < axis; ++i)
    outer *= x->dim(i);
  int64_t inner = outer ? x->numel() / outer : shapeNumel(Shape(x->shape().begin() + axis, x->shape().end()));
  ctx.setOutput(0, x->reshaped({outer, inner}));
  return Status::success();
}

Status squeezeKernel(KernelContext &ctx) {
  const Tensor *x;
  if (Status s = requireInput(ctx, 0, x); !s)
    return s;
  std::vector<bool> drop(x->rank(), false);
  if (const Tensor *axes = ctx.input(1)) {
    for (int64_t axis : axes->toInts()) {
      if (!normalizeAxis(axis, x->rank()))
        return ctx.error("axis out of range");
      if (x->dim(axis) != 1)
        return ctx.error("cannot squeeze dim " + std::to_string(axis) + " of size " +
                         std::to_string(x->dim(axis)));
      drop[axis] = true;
    }
  } else {
    for (int64_t i = 0; i < x->rank(); ++i)
      drop[i] = x->dim(i) == 1;
  }
  Shape shape;
  for (int64_t i = 0; i < x->rank(); ++i)
    if (!drop[i])
      shape.push_back(x->dim(i));
  ctx.setOutput(0, x->reshaped(shape));
  return Status::success();
}

Status unsqueezeKernel(KernelContext &ctx) {
  const Tensor *x, *axes;
  if (Status s = requireInputs(ctx, {&x, &axes}); !s)
    return s;
  std::vector<int64_t> axisList = axes->toInts();
  int64_t rank = x->rank() + static_cast<int64_t>(axisList.size());
  std::vector<bool> inserted(rank, false);
  for (int64_t axis : axisList) {
    if (!normalizeAxis(axis, rank) || inserted[axis])
      return ctx.error("bad or repeated axis");
    inserted[axis] = true;
  }
  Shape shape;
  int64_t next = 0;
  for (int64_t i = 0; i < rank; ++i)
    shape.push_back(inserted[i] ? 1 : x->dim(next++));
  ctx.setOutput(0, x->reshaped(shape));
  return Status::success();
}

/// Copies `x` broadcast to `shape` (which must be reachable by broadcasting).
Tensor broadcastTo(const Tensor &x, const Shape &shape) {
  Tensor y(x.dtype(), shape);
  std::vector<int64_t> map = broadcastIndexMap(x.shape(), shape);
  for (int64_t i = 0; i < y.numel(); ++i)
    y.copyElement(i, x, map[i]);
  return y;
}

Status expandKernel(KernelContext &ctx) {
  const Tensor *x, *shapeTensor;
  if (Status s = requireInputs(ctx, {&x, &shapeTensor}); !s)
    return s;
  Shape shape;
  if (!broadcastShapes(x->shape(), shapeTensor->toInts(), shape))
    return ctx.error("cannot expand " + shapeToString(x->shape()));
  if (Status s = checkShape(ctx, shape); !s)
    return s;
  ctx.setOutput(0, broadcastTo(*x, shape));
  return Status::success();
}

Status tileKernel(KernelContext &ctx) {
  const Tensor *x, *repeatsTensor;
  if (Status s = requireInputs(ctx, {&x, &repeatsTensor}); !s)
    return s;
  std::vector<int64_t> repeats = repeatsTensor->toInts();
  if (static_cast<int64_t>(repeats.size()) != x->rank())
    return ctx.error("expected one repeat per dim");
  Shape shape;
  for (int64_t i = 0; i < x->rank(); ++i) {
    if (repeats[i] < 0)
      return ctx.error("negative repeat");
    shape.push_back(x->dim(i) * repeats[i]);
  }
  if (Status s = checkShape(ctx, shape); !s)
    return s;
  Tensor y(x->dtype(), shape);
  std::vector<int64_t> strides = shapeStrides(x->shape()), index;
  for (int64_t flat = 0; flat < y.numel(); ++flat) {
    unflatten(flat, shape, index);
    int64_t src = 0;
    for (int64_t d = 0; d < x->rank(); ++d)
      src += (index[d] % x->dim(d)) * strides[d];
    y.copyElement(flat, *x, src);
  }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

Status concatKernel(KernelContext &ctx) {
  if (ctx.numInputs() == 0 || !ctx.input(0))
    return ctx.error("expected at least one input");
  const Tensor &first = *ctx.input(0);
  int64_t axis = ctx.getInt("axis", 0);
  if (!normalizeAxis(axis, first.rank()))
    return ctx.error("axis out of range");
  Shape shape = first.shape();
  shape[axis] = 0;
  for (size_t i = 0; i < ctx.numInputs(); ++i) {
    const Tensor *t = ctx.input(i);
    if (!t || t->rank() != first.rank() || t->dtype() != first.dtype())
      return ctx.error("inputs differ in rank or element type");
    for (int64_t d = 0; d < first.rank(); ++d)
      if (d != axis && t->dim(d) != first.dim(d))
        return ctx.error("inputs differ at dim " + std::to_string(d));
    shape[axis] += t->dim(axis);
  }
  Tensor y(first.dtype(), shape);
  auto [outer, concatenated, inner] = blocksAround(shape, axis);
  int64_t offset = 0;
  for (size_t i = 0; i < ctx.numInputs(); ++i) {
    const Tensor &t = *ctx.input(i);
    int64_t block = t.dim(axis) * inner;
    for (int64_t o = 0; o < outer; ++o)
      for (int64_t k = 0; k < block; ++k)
        y.copyElement(o * shape[axis] * inner + offset + k, t, o * block + k);
    offset += block;
  }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

Status splitKernel(KernelContext &ctx) {
  const Tensor *x;
  if (Status s = requireInput(ctx, 0, x); !s)
    return s;
  int64_t axis = ctx.getInt("axis", 0);
  if (!normalizeAxis(axis, x->rank()))
    return ctx.error("axis out of range");
  size_t outputs = ctx.numOutputs();
  std::vector<int64_t> sizes;
  if (const Tensor *split = ctx.input(1)) {
    sizes = split->toInts();
    if (sizes.size() != outputs)
      return ctx.error("expected " + std::to_string(outputs) + " split sizes");
  } else {
    // Equal parts; the last one smaller when the dim does not divide.
    int64_t part = (x->dim(axis) + static_cast<int64_t>(outputs) - 1) / static_cast<int64_t>(outputs);
    int64_t left = x->dim(axis);
    for (size_t i = 0; i < outputs; ++i) {
      sizes.push_back(std::min(part, left));
      left -= sizes.back();
    }
  }
  int64_t total = 0;
  for (int64_t size : sizes) {
    if (size < 0)
      return ctx.error("negative split size");
    total += size;
  }
  if (total != x->dim(axis))
    return ctx.error("split sizes add up to " + std::to_string(total) + ", not " +
                     std::to_string(x->dim(axis)));
  auto [outer, size, inner] = blocksAround(x->shape(), axis);
  int64_t offset = 0;
  for (size_t i = 0; i < outputs; ++i) {
    Shape shape = x->shape();
    shape[axis] = sizes[i];
    Tensor y(x->dtype(), shape);
    int64_t block = sizes[i] * inner;
    for (int64_t o = 0; o < outer; ++o)
      for (int64_t k = 0; k < block; ++k)
        y.copyElement(o * block + k, *x, o * x->dim(axis) * inner + offset + k);
    offset += block;
    ctx.setOutput(i, std::move(y));
  }
  return Status::success();
}

Status sliceKernel(KernelContext &ctx) {
  const Tensor *x, *startsT, *endsT;
  if (Status s = requireInputs(ctx, {&x, &startsT, &endsT}); !s)
    return s;
  std::vector<int64_t> starts = startsT->toInts(), ends = endsT->toInts();
  std::vector<int64_t> axes, steps;
  if (const Tensor *a = ctx.input(3))
    axes = a->toInts();
  else
    for (size_t i = 0; i < starts.size(); ++i)
      axes.push_back(static_cast<int64_t>(i));
  if (const Tensor *st = ctx.input(4))
    steps = st->toInts();
  else
    steps.assign(starts.size(), 1);
  if (ends.size() != starts.size() || axes.size() != starts.size() || steps.size() != starts.size())
    return ctx.error("starts, ends, axes and steps differ in length");
  int64_t rank = x->rank();
  std::vector<int64_t> begin(rank, 0), step(rank, 1);
  Shape shape = x->shape();
  std::vector<bool> seen(rank, false);
  for (size_t i = 0; i < starts.size(); ++i) {
    int64_t axis = axes[i];
    if (!normalizeAxis(axis, rank) || seen[axis])
      return ctx.error("bad or repeated axis");
    seen[axis] = true;
    int64_t size = x->dim(axis), s = steps[i];
    if (s == 0)
      return ctx.error("step 0");
    int64_t start = starts[i], end = ends[i];
    if (start < 0)
      start += size;
    if (end < 0)
      end += size;
    int64_t count;
    if (s > 0) {
      start = std::clamp<int64_t>(start, 0, size);
      end = std::clamp<int64_t>(end, 0, size);
      count = end > start ? (end - start + s - 1) / s : 0;
    } else {
      start = std::clamp<int64_t>(start, -1, size - 1);
      end = std::clamp<int64_t>(end, -1, size - 1);
      count = start > end ? (start - end - s - 1) / -s : 0;
    }
    begin[axis] = start;
    step[axis] = s;
    shape[axis] = count;
  }
  Tensor y(x->dtype(), shape);
  std::vector<int64_t> strides = shapeStrides(x->shape()), index;
  for (int64_t flat = 0; flat < y.numel(); ++flat) {
    unflatten(flat, shape, index);
    int64_t src = 0;
    for (int64_t d = 0; d < rank; ++d)
      src += (begin[d] + index[d] * step[d]) * strides[d];
    y.copyElement(flat, *x, src);
  }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

/// The source index of padded coordinate `i` along a dim of `size`, or -1
/// for the constant value.
int64_t padSource(int64_t i, int64_t size, const std::string &mode) {
  if (i >= 0 && i < size)
    return i;
  if (mode == "constant" || size == 0)
    return -1;
  if (mode == "edge")
    return i < 0 ? 0 : size - 1;
  // reflect: mirror without repeating the edge
  if (size == 1)
    return 0;
  int64_t period = 2 * (size - 1);
  int64_t m = ((i % period) + period) % period;
  return m < size ? m : period - m;
}

Status padKernel(KernelContext &ctx) {
  const Tensor *x, *padsT;
  if (Status s = requireInputs(ctx, {&x, &padsT}); !s)
    return s;
  std::vector<int64_t> pads = padsT->toInts();
  int64_t rank = x->rank();
  if (static_cast<int64_t>(pads.size()) != 2 * rank)
    return ctx.error("expected " + std::to_string(2 * rank) + " pads");
  std::string mode = ctx.getString("mode", "constant");
  if (mode != "constant" && mode != "reflect" && mode != "edge")
    return ctx.error("unknown mode '" + mode + "'");
  Shape shape;
  for (int64_t d = 0; d < rank; ++d) {
    int64_t size = x->dim(d) + pads[d] + pads[d + rank];
    if (size < 0)
      return ctx.error("pads remove more than the dim holds");
    if (mode != "constant" && x->dim(d) == 0 && size > 0)
      return ctx.error("cannot " + mode + "-pad an empty dim");
    shape.push_back(size);
  }
  if (Status s = checkShape(ctx, shape); !s)
    return s;
  const Tensor *value = ctx.input(2);
  Tensor y(x->dtype(), shape);
  std::vector<int64_t> strides = shapeStrides(x->shape()), index;
  for (int64_t flat = 0; flat < y.numel(); ++flat) {
    unflatten(flat, shape, index);
    int64_t src = 0;
    bool inside = true;
    for (int64_t d = 0; d < rank && inside; ++d) {
      int64_t i = padSource(index[d] - pads[d], x->dim(d), mode);
      inside = i >= 0;
      src += i * strides[d];
    }
    if (inside)
      y.copyElement(flat, *x, src);
    else if (value && value->numel() > 0)
      y.copyElement(flat, *value, 0);
  }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

Status shapeKernel(KernelContext &ctx) {
  const Tensor *x;
  if (Status s = requireInput(ctx, 0, x); !s)
    return s;
  int64_t rank = x->rank();
  auto clamp = [rank](int64_t v) { return std::clamp<int64_t>(v < 0 ? v + rank : v, 0, rank); };
  int64_t start = clamp(ctx.getInt("start", 0)), end = clamp(ctx.getInt("end", rank));
  std::vector<int64_t> dims;
  for (int64_t i = start; i < end; ++i)
    dims.push_back(x->dim(i));
  ctx.setOutput(0, Tensor::fromInts(DType::I64, {static_cast<int64_t>(dims.size())}, dims));
  return Status::success();
}

Status sizeKernel(KernelContext &ctx) {
  const Tensor *x;
  if (Status s = requireInput(ctx, 0, x); !s)
    return s;
  ctx.setOutput(0, Tensor::fromInts(DType::I64, {}, {x->numel()}));
  return Status::success();
}

Status constantOfShapeKernel(KernelContext &ctx) {
  const Tensor *shapeT;
  if (Status s = requireInput(ctx, 0, shapeT); !s)
    return s;
  Shape shape = shapeT->toInts();
  if (Status s = checkShape(ctx, shape); !s)
    return s;
  Tensor y(ctx.outputDType(0), shape);
  if (const AttrValue *value = ctx.attr("value")) {
    const Tensor *fill = std::get_if<Tensor>(value);
    if (!fill || fill->numel() != 1 || fill->dtype() != y.dtype())
      return ctx.error("expected a one-element value of the output's type");
    for (int64_t i = 0; i < y.numel(); ++i)
      y.copyElement(i, *fill, 0);
  }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

Status rangeKernel(KernelContext &ctx) {
  const Tensor *start, *limit, *delta;
  if (Status s = requireInputs(ctx, {&start, &limit, &delta}); !s)
    return s;
  if (start->numel() != 1 || limit->numel() != 1 || delta->numel() != 1)
    return ctx.error("expected scalar start, limit and delta");
  DType dtype = start->dtype();
  bool isFloat = isFloatDType(dtype);
  double s = start->getDouble(0), l = limit->getDouble(0), d = delta->getDouble(0);
  if (d == 0)
    return ctx.error("delta is 0");
  double count = std::ceil((l - s) / d);
  int64_t n = count > 0 ? static_cast<int64_t>(count) : 0;
  if (Status st = checkShape(ctx, {n}); !st)
    return st;
  Tensor y(dtype, {n});
  for (int64_t i = 0; i < n; ++i) {
    if (isFloat)
      y.setDouble(i, s + static_cast<double>(i) * d);
    else
      y.setInt(i, start->getInt(0) + i * delta->getInt(0));
  }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

/// DepthToSpace (DCR or CRD) and SpaceToDepth, as 6-D transposes.
Status depthSpaceKernel(KernelContext &ctx, bool toSpace) {
  const Tensor *x;
  if (Status s = requireInput(ctx, 0, x); !s)
    return s;
  int64_t b = ctx.getInt("blocksize", 0);
  if (x->rank() != 4 || b < 1)
    return ctx.error("expected a 4-D input and blocksize >= 1");
  int64_t n = x->dim(0), c = x->dim(1), h = x->dim(2), w = x->dim(3);
  Shape outShape;
  if (toSpace) {
    if (c % (b * b))
      return ctx.error("channels not divisible by blocksize^2");
    outShape = {n, c / (b * b), h * b, w * b};
  } else {
    if (h % b || w % b)
      return ctx.error("height or width not divisible by blocksize");
    outShape = {n, c * b * b, h / b, w / b};
  }
  bool crd = ctx.getString("mode", "DCR") == "CRD";
  Tensor y(x->dtype(), outShape);
  std::vector<int64_t> inStrides = shapeStrides(x->shape()), index;
  for (int64_t flat = 0; flat < y.numel(); ++flat) {
    unflatten(flat, outShape, index);
    int64_t on = index[0], oc = index[1], oh = index[2], ow = index[3];
    int64_t ic, ih, iw;
    if (toSpace) {
      int64_t bh = oh % b, bw = ow % b, cc = c / (b * b);
      ic = crd ? oc * b * b + bh * b + bw : (bh * b + bw) * cc + oc;
      ih = oh / b;
      iw = ow / b;
    } else {
      int64_t cc = oc % c, blk = oc / c;
      ic = cc;
      ih = oh * b + blk / b;
      iw = ow * b + blk % b;
    }
    y.copyElement(flat, *x, on * inStrides[0] + ic * inStrides[1] + ih * inStrides[2] + iw * inStrides[3]);
  }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

} // namespace

void registerTensorShapeKernels() {
  registerKernel("Reshape", reshapeKernel);
  registerKernel("Transpose", transposeKernel);
  registerKernel("Flatten", flattenKernel);
  registerKernel("Squeeze", squeezeKernel);
  registerKernel("Unsqueeze", unsqueezeKernel);
  registerKernel("Expand", expandKernel);
  registerKernel("Tile", tileKernel);
  registerKernel("Concat", concatKernel);
  registerKernel("Split", splitKernel);
  registerKernel("Slice", sliceKernel);
  registerKernel("Pad", padKernel);
  registerKernel("Shape", shapeKernel);
  registerKernel("Size", sizeKernel);
  registerKernel("ConstantOfShape", constantOfShapeKernel);
  registerKernel("Range", rangeKernel);
  registerKernel("DepthToSpace", [](KernelContext &ctx) { return depthSpaceKernel(ctx, true); });
  registerKernel("SpaceToDepth", [](KernelContext &ctx) { return depthSpaceKernel(ctx, false); });
}

} // namespace hone::ref
