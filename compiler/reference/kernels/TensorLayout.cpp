//===- TensorLayout.cpp - Reference kernels that permute elements ---------===//
//
// Transpose, DepthToSpace, SpaceToDepth and ReverseSequence. Each output
// element is a copy of exactly one input element; the kernels walk the
// output in row-major order and compute, for each output coordinate, the
// input coordinate the ONNX definition maps it from.
//
//===----------------------------------------------------------------------===//
#include "compiler/reference/kernels/TensorFamily.h"

#include <algorithm>

namespace hone::ref {
namespace {

/// Transpose: output dim i is input dim perm[i]; perm defaults to the
/// reversed dims.
Status transposeKernel(KernelContext &ctx) {
  const Tensor *x;
  if (Status s = requireInput(ctx, 0, x); !s)
    return s;
  int64_t rank = x->rank();
  std::vector<int64_t> perm = ctx.getInts("perm");
  if (!ctx.hasAttr("perm"))
    for (int64_t d = rank - 1; d >= 0; --d)
      perm.push_back(d);
  std::vector<int64_t> sorted = perm;
  std::sort(sorted.begin(), sorted.end());
  bool isPermutation = static_cast<int64_t>(sorted.size()) == rank;
  for (int64_t d = 0; d < rank && isPermutation; ++d)
    isPermutation = sorted[d] == d;
  if (!isPermutation)
    return ctx.error("perm is not a permutation of the input's " + std::to_string(rank) + " dims");
  Shape shape(rank);
  for (int64_t d = 0; d < rank; ++d)
    shape[d] = x->dim(perm[d]);
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

/// DepthToSpace (`toSpace`, modes DCR and CRD) and SpaceToDepth on NCHW
/// input with square blocks of `blocksize`.
Status depthSpaceKernel(KernelContext &ctx, bool toSpace) {
  const Tensor *x;
  if (Status s = requireInput(ctx, 0, x); !s)
    return s;
  int64_t b = ctx.getInt("blocksize", 0);
  if (x->rank() != 4 || b < 1)
    return ctx.error("expected a 4-D input and blocksize >= 1");
  std::string mode = ctx.getString("mode", "DCR");
  if (toSpace && mode != "DCR" && mode != "CRD")
    return ctx.error("unknown mode '" + mode + "'");
  bool crd = toSpace && mode == "CRD";
  int64_t n = x->dim(0), c = x->dim(1), h = x->dim(2), w = x->dim(3);
  // b * b and C * b * b must not overflow; real block sizes are tiny.
  if (b > (int64_t(1) << 14))
    return ctx.error("blocksize too large");
  Shape outShape;
  if (toSpace) {
    if (c % (b * b))
      return ctx.error("channels are not divisible by blocksize^2");
    outShape = {n, c / (b * b), h * b, w * b};
  } else {
    if (h % b || w % b)
      return ctx.error("height or width is not divisible by blocksize");
    outShape = {n, c * b * b, h / b, w / b};
  }
  if (Status s = checkShape(ctx, outShape); !s)
    return s;
  Tensor y(x->dtype(), outShape);
  std::vector<int64_t> inStrides = shapeStrides(x->shape()), index;
  for (int64_t flat = 0; flat < y.numel(); ++flat) {
    unflatten(flat, outShape, index);
    int64_t on = index[0], oc = index[1], oh = index[2], ow = index[3];
    int64_t ic, ih, iw;
    if (toSpace) {
      // DCR reads the input as [N, b, b, C', H, W], CRD as [N, C', b, b, H, W].
      int64_t blockRow = oh % b, blockCol = ow % b, outChannels = c / (b * b);
      ic = crd ? (oc * b + blockRow) * b + blockCol : (blockRow * b + blockCol) * outChannels + oc;
      ih = oh / b;
      iw = ow / b;
    } else {
      // Output channel (blockRow * b + blockCol) * C + c.
      int64_t block = oc / c;
      ic = oc % c;
      ih = oh * b + block / b;
      iw = ow * b + block % b;
    }
    y.copyElement(flat, *x,
                  on * inStrides[0] + ic * inStrides[1] + ih * inStrides[2] + iw * inStrides[3]);
  }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

/// ReverseSequence: along `time_axis`, the first sequence_lens[b] elements
/// of batch b are reversed; the rest are copied.
Status reverseSequenceKernel(KernelContext &ctx) {
  const Tensor *x, *lengths;
  if (Status s = requireInputs(ctx, {&x, &lengths}); !s)
    return s;
  int64_t batchAxis = ctx.getInt("batch_axis", 1), timeAxis = ctx.getInt("time_axis", 0);
  if (x->rank() < 2 || !normalizeAxis(batchAxis, x->rank()) ||
      !normalizeAxis(timeAxis, x->rank()) || batchAxis == timeAxis)
    return ctx.error("bad batch_axis or time_axis");
  if (lengths->numel() != x->dim(batchAxis))
    return ctx.error("expected one sequence length per batch entry");
  std::vector<int64_t> sequenceLengths = lengths->toInts();
  for (int64_t length : sequenceLengths)
    if (length < 0 || length > x->dim(timeAxis))
      return ctx.error("sequence length " + std::to_string(length) + " out of range");
  Tensor y = *x;
  std::vector<int64_t> strides = shapeStrides(x->shape()), index;
  for (int64_t flat = 0; flat < x->numel(); ++flat) {
    unflatten(flat, x->shape(), index);
    int64_t length = sequenceLengths[index[batchAxis]];
    if (index[timeAxis] < length) {
      index[timeAxis] = length - 1 - index[timeAxis];
      y.copyElement(flat, *x, flatten(index, strides));
    }
  }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

} // namespace

void registerTensorLayoutKernels() {
  registerKernel("Transpose", transposeKernel);
  registerKernel("DepthToSpace", [](KernelContext &ctx) { return depthSpaceKernel(ctx, true); });
  registerKernel("SpaceToDepth", [](KernelContext &ctx) { return depthSpaceKernel(ctx, false); });
  registerKernel("ReverseSequence", reverseSequenceKernel);
}

} // namespace hone::ref
