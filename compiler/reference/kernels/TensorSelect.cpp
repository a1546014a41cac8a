//===- TensorSelect.cpp - Reference kernels that pick elements by value ---===//
//
// NonZero, Compress, Unique and Trilu: the output keeps some of the input's
// elements (or their coordinates), chosen by their values, by a condition
// input, or by their position relative to a diagonal. NonZero, Compress and
// Unique have data-dependent output shapes, computed by a first pass.
//
//===----------------------------------------------------------------------===//
#include "compiler/reference/kernels/TensorFamily.h"

#include <algorithm>
#include <map>
#include <numeric>

namespace hone::ref {
namespace {

/// NonZero: the coordinates of the non-zero elements (NaN counts as
/// non-zero), one column per element in row-major order: shape [rank, n].
/// A scalar is seen as a one-element vector, as numpy does.
Status nonZeroKernel(KernelContext &ctx) {
  const Tensor *x;
  if (Status s = requireInput(ctx, 0, x); !s)
    return s;
  Shape shape = x->rank() == 0 ? Shape{1} : x->shape();
  std::vector<int64_t> hits;
  for (int64_t i = 0; i < x->numel(); ++i)
    if (x->getDouble(i) != 0)
      hits.push_back(i);
  int64_t count = static_cast<int64_t>(hits.size()), rank = static_cast<int64_t>(shape.size());
  Tensor y(DType::I64, {rank, count});
  std::vector<int64_t> index;
  for (int64_t k = 0; k < count; ++k) {
    unflatten(hits[k], shape, index);
    for (int64_t d = 0; d < rank; ++d)
      y.setInt(d * count + k, index[d]);
  }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

/// Compress: keeps the slices along `axis` (or the elements of the
/// flattened input, without `axis`) whose condition entry is true; a short
/// condition drops the remaining slices.
Status compressKernel(KernelContext &ctx) {
  const Tensor *x, *condition;
  if (Status s = requireInputs(ctx, {&x, &condition}); !s)
    return s;
  Tensor input = *x;
  int64_t axis = 0;
  if (ctx.hasAttr("axis")) {
    axis = ctx.getInt("axis", 0);
    if (!normalizeAxis(axis, x->rank()))
      return ctx.error("axis out of range");
  } else {
    input = x->reshaped({x->numel()});
  }
  AxisBlocks in = blocksAround(input.shape(), axis);
  std::vector<int64_t> kept;
  for (int64_t i = 0; i < condition->numel(); ++i) {
    if (!condition->getInt(i))
      continue;
    if (i >= in.size)
      return ctx.error("condition selects slice " + std::to_string(i) + " of " +
                       std::to_string(in.size));
    kept.push_back(i);
  }
  int64_t keptCount = static_cast<int64_t>(kept.size());
  Shape shape = input.shape();
  shape[axis] = keptCount;
  Tensor y(x->dtype(), shape);
  for (int64_t o = 0; o < in.outer; ++o)
    for (int64_t k = 0; k < keptCount; ++k)
      for (int64_t i = 0; i < in.inner; ++i)
        y.copyElement((o * keptCount + k) * in.inner + i, input,
                      (o * in.size + kept[k]) * in.inner + i);
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

/// Orders values as numpy's sort does: NaN after every number, NaNs equal.
int compareValues(double a, double b) {
  bool aNaN = std::isnan(a), bNaN = std::isnan(b);
  if (aNaN || bNaN)
    return aNaN == bNaN ? 0 : aNaN ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/// Lexicographic order of two equally long slices.
struct SliceLess {
  bool operator()(const std::vector<double> &a, const std::vector<double> &b) const {
    for (size_t i = 0; i < a.size() && i < b.size(); ++i)
      if (int c = compareValues(a[i], b[i]))
        return c < 0;
    return a.size() < b.size();
  }
};

/// Unique (as numpy.unique with return_index, return_inverse and
/// return_counts): the distinct slices along `axis` (elements of the
/// flattened input without it), sorted or in order of first occurrence,
/// with their first indices, the inverse map and their counts.
Status uniqueKernel(KernelContext &ctx) {
  const Tensor *x;
  if (Status s = requireInput(ctx, 0, x); !s)
    return s;
  bool sorted = ctx.getInt("sorted", 1) != 0;
  Tensor input = *x;
  int64_t axis = 0;
  if (ctx.hasAttr("axis")) {
    axis = ctx.getInt("axis", 0);
    if (!normalizeAxis(axis, x->rank()))
      return ctx.error("axis out of range");
  } else {
    input = x->reshaped({x->numel()});
  }
  AxisBlocks in = blocksAround(input.shape(), axis);
  // Slice k as a vector in row-major order of the remaining dims.
  auto sliceAt = [&](int64_t k) {
    std::vector<double> values;
    for (int64_t o = 0; o < in.outer; ++o)
      for (int64_t i = 0; i < in.inner; ++i)
        values.push_back(input.getDouble((o * in.size + k) * in.inner + i));
    return values;
  };
  // Distinct slices in order of first occurrence.
  std::map<std::vector<double>, int64_t, SliceLess> idOf;
  std::vector<std::vector<double>> distinct;
  std::vector<int64_t> firstIndex, counts, idAt(in.size);
  for (int64_t k = 0; k < in.size; ++k) {
    std::vector<double> slice = sliceAt(k);
    auto it = idOf.find(slice);
    if (it == idOf.end()) {
      it = idOf.emplace(slice, static_cast<int64_t>(distinct.size())).first;
      distinct.push_back(std::move(slice));
      firstIndex.push_back(k);
      counts.push_back(0);
    }
    idAt[k] = it->second;
    ++counts[it->second];
  }
  int64_t unique = static_cast<int64_t>(distinct.size());
  std::vector<int64_t> order(unique); // output position -> distinct id
  std::iota(order.begin(), order.end(), 0);
  if (sorted)
    std::sort(order.begin(), order.end(),
              [&](int64_t a, int64_t b) { return SliceLess()(distinct[a], distinct[b]); });
  std::vector<int64_t> positionOf(unique);
  for (int64_t r = 0; r < unique; ++r)
    positionOf[order[r]] = r;
  Shape shape = input.shape();
  shape[axis] = unique;
  Tensor y(x->dtype(), shape);
  for (int64_t o = 0; o < in.outer; ++o)
    for (int64_t r = 0; r < unique; ++r)
      for (int64_t i = 0; i < in.inner; ++i)
        y.copyElement((o * unique + r) * in.inner + i, input,
                      (o * in.size + firstIndex[order[r]]) * in.inner + i);
  Tensor indicesOut(DType::I64, {unique}), inverseOut(DType::I64, {in.size}),
      countsOut(DType::I64, {unique});
  for (int64_t r = 0; r < unique; ++r) {
    indicesOut.setInt(r, firstIndex[order[r]]);
    countsOut.setInt(r, counts[order[r]]);
  }
  for (int64_t k = 0; k < in.size; ++k)
    inverseOut.setInt(k, positionOf[idAt[k]]);
  Tensor outputs[] = {std::move(y), std::move(indicesOut), std::move(inverseOut),
                      std::move(countsOut)};
  for (size_t i = 0; i < ctx.numOutputs() && i < 4; ++i)
    ctx.setOutput(i, std::move(outputs[i]));
  return Status::success();
}

/// Trilu: keeps, in every matrix of the last two dims, the elements on and
/// above diagonal k (upper = 1) or on and below it (upper = 0); zeros
/// elsewhere.
Status triluKernel(KernelContext &ctx) {
  const Tensor *x;
  if (Status s = requireInput(ctx, 0, x); !s)
    return s;
  if (x->rank() < 2)
    return ctx.error("expected rank >= 2");
  int64_t k = 0;
  if (const Tensor *kTensor = ctx.input(1))
    if (Status s = scalarInt(ctx, *kTensor, "k", k); !s)
      return s;
  bool upper = ctx.getInt("upper", 1) != 0;
  int64_t rows = x->dim(x->rank() - 2), columns = x->dim(x->rank() - 1);
  Tensor y(x->dtype(), x->shape());
  for (int64_t flat = 0; flat < x->numel(); ++flat) {
    int64_t column = flat % columns, row = (flat / columns) % rows;
    // column - row compared with k; both sides are small, no overflow.
    bool kept = upper ? column - row >= k : column - row <= k;
    if (kept)
      y.copyElement(flat, *x, flat);
  }
  ctx.setOutput(0, std::move(y));
  return Status::success();
}

} // namespace

void registerTensorSelectKernels() {
  registerKernel("NonZero", nonZeroKernel);
  registerKernel("Compress", compressKernel);
  registerKernel("Unique", uniqueKernel);
  registerKernel("Trilu", triluKernel);
}

} // namespace hone::ref
