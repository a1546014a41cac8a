//===- RuntimeOps.cpp - Ops whose result sizes are known after they run ---===//
//
// NonZero, Compress, Unique and NonMaxSuppression: the size of their result
// depends on the data, so each runs here in two steps (find what is kept,
// then allocate and write it) instead of as a generated kernel. Semantics
// follow the reference evaluator (compiler/reference/kernels/TensorSelect.cpp
// and NNDetection.cpp): NaN counts as non-zero and sorts after every number,
// NaNs are equal to each other, Unique orders slices lexicographically.
// Inputs come from the generated code with dims it has checked; every count
// is still bounded by what the inputs hold before memory is written.
//
//===----------------------------------------------------------------------===//
#include "hone/runtime.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <numeric>
#include <vector>

namespace {

hone_status_t fail(const hone_run_context_t *context, hone_status_t status, const char *message) {
  if (context->error_message)
    *context->error_message = message;
  return status;
}

int64_t elementCount(const hone_tensor_t &t) {
  int64_t count = 1;
  for (int32_t d = 0; d < t.rank; ++d)
    count *= t.dims[d] > 0 ? t.dims[d] : 0;
  return count;
}

float halfToFloat(uint16_t h) {
  uint32_t sign = (h >> 15) & 1, exponent = (h >> 10) & 0x1f, mantissa = h & 0x3ff;
  float magnitude;
  if (exponent == 0)
    magnitude = std::ldexp(static_cast<float>(mantissa), -24);
  else if (exponent == 31)
    magnitude = mantissa ? NAN : INFINITY;
  else
    magnitude = std::ldexp(static_cast<float>(mantissa | 0x400), static_cast<int>(exponent) - 25);
  return sign ? -magnitude : magnitude;
}

/// Element `i` as a double (for floats and for ordering small integers).
double asDouble(const void *data, hone_dtype_t dtype, int64_t i) {
  switch (dtype) {
  case HONE_DTYPE_FLOAT32: return static_cast<const float *>(data)[i];
  case HONE_DTYPE_FLOAT64: return static_cast<const double *>(data)[i];
  case HONE_DTYPE_FLOAT16: return halfToFloat(static_cast<const uint16_t *>(data)[i]);
  case HONE_DTYPE_BFLOAT16: {
    uint32_t bits = static_cast<uint32_t>(static_cast<const uint16_t *>(data)[i]) << 16;
    float f;
    std::memcpy(&f, &bits, sizeof f);
    return f;
  }
  case HONE_DTYPE_UINT8: case HONE_DTYPE_BOOL: return static_cast<const uint8_t *>(data)[i];
  case HONE_DTYPE_INT8: return static_cast<const int8_t *>(data)[i];
  case HONE_DTYPE_UINT16: return static_cast<const uint16_t *>(data)[i];
  case HONE_DTYPE_INT16: return static_cast<const int16_t *>(data)[i];
  case HONE_DTYPE_UINT32: return static_cast<const uint32_t *>(data)[i];
  case HONE_DTYPE_INT32: return static_cast<const int32_t *>(data)[i];
  case HONE_DTYPE_UINT64: return static_cast<double>(static_cast<const uint64_t *>(data)[i]);
  case HONE_DTYPE_INT64: return static_cast<double>(static_cast<const int64_t *>(data)[i]);
  }
  return 0;
}

bool isFloat(hone_dtype_t dtype) {
  return dtype == HONE_DTYPE_FLOAT32 || dtype == HONE_DTYPE_FLOAT64 ||
         dtype == HONE_DTYPE_FLOAT16 || dtype == HONE_DTYPE_BFLOAT16;
}

/// numpy's order of elements `i` and `j`: -1, 0 or 1. 64-bit integers
/// compare exactly; NaN follows every number and equals NaN.
int compareElements(const void *data, hone_dtype_t dtype, int64_t i, int64_t j) {
  if (dtype == HONE_DTYPE_INT64) {
    int64_t a = static_cast<const int64_t *>(data)[i], b = static_cast<const int64_t *>(data)[j];
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (dtype == HONE_DTYPE_UINT64) {
    uint64_t a = static_cast<const uint64_t *>(data)[i], b = static_cast<const uint64_t *>(data)[j];
    return a < b ? -1 : a > b ? 1 : 0;
  }
  double a = asDouble(data, dtype, i), b = asDouble(data, dtype, j);
  bool aNaN = std::isnan(a), bNaN = std::isnan(b);
  if (aNaN || bNaN)
    return aNaN == bNaN ? 0 : aNaN ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

bool nonZeroAt(const void *data, hone_dtype_t dtype, int64_t i) {
  if (isFloat(dtype)) {
    double v = asDouble(data, dtype, i);
    return v != 0 || std::isnan(v);
  }
  size_t size = hone_dtype_size(dtype);
  const uint8_t *bytes = static_cast<const uint8_t *>(data) + i * static_cast<int64_t>(size);
  for (size_t k = 0; k < size; ++k)
    if (bytes[k])
      return true;
  return false;
}

/// Memory for output `k` with `dims` (rank entries, already in
/// output_dims[k]).
bool allocateOutput(const hone_run_context_t *context, hone_tensor_t &output, int64_t elements) {
  size_t bytes = static_cast<size_t>(elements) * hone_dtype_size(output.dtype);
  output.data = context->alloc(context, bytes);
  return output.data != nullptr;
}

/// The input seen as [outer, size, inner] around `axis` (or flattened).
struct AxisView {
  int64_t outer = 1, size = 1, inner = 1;
};

AxisView viewAround(const hone_tensor_t &t, bool hasAxis, int64_t axis) {
  AxisView v;
  if (!hasAxis) {
    v.size = elementCount(t);
    return v;
  }
  for (int32_t d = 0; d < t.rank; ++d) {
    int64_t dim = t.dims[d];
    if (d < axis)
      v.outer *= dim;
    else if (d == axis)
      v.size = dim;
    else
      v.inner *= dim;
  }
  return v;
}

/// Writes output 0 of Compress and Unique: the slices `picked` (indices
/// along the axis, or elements of the flattened input) of `x`, in order.
hone_status_t writeSlices(const hone_run_context_t *context, const hone_tensor_t &x, bool hasAxis,
                          int64_t axis, const AxisView &in, const std::vector<int64_t> &picked,
                          hone_tensor_t &output, int64_t *dims, const char *outOfMemory) {
  int64_t count = static_cast<int64_t>(picked.size());
  if (hasAxis) {
    for (int32_t d = 0; d < x.rank; ++d)
      dims[d] = d == axis ? count : x.dims[d];
  } else {
    dims[0] = count;
  }
  if (!allocateOutput(context, output, in.outer * count * in.inner))
    return fail(context, HONE_ERROR_OUT_OF_MEMORY, outOfMemory);
  size_t size = hone_dtype_size(x.dtype);
  const auto *src = static_cast<const uint8_t *>(x.data);
  auto *dst = static_cast<uint8_t *>(output.data);
  for (int64_t o = 0; o < in.outer; ++o)
    for (int64_t k = 0; k < count; ++k)
      std::memcpy(dst + ((o * count + k) * in.inner) * size,
                  src + ((o * in.size + picked[k]) * in.inner) * size, in.inner * size);
  return HONE_OK;
}

hone_status_t runNonZero(const hone_run_context_t *context, const hone_tensor_t *inputs,
                         hone_tensor_t *outputs, int64_t *const *outputDims) {
  const hone_tensor_t &x = inputs[0];
  int64_t count = 0, total = elementCount(x);
  for (int64_t i = 0; i < total; ++i)
    count += nonZeroAt(x.data, x.dtype, i);
  // A scalar is seen as a one-element vector, as numpy does.
  int64_t rank = x.rank == 0 ? 1 : x.rank;
  outputDims[0][0] = rank;
  outputDims[0][1] = count;
  if (!allocateOutput(context, outputs[0], rank * count))
    return fail(context, HONE_ERROR_OUT_OF_MEMORY, "NonZero: out of memory");
  auto *out = static_cast<int64_t *>(outputs[0].data);
  int64_t k = 0;
  for (int64_t i = 0; i < total; ++i) {
    if (!nonZeroAt(x.data, x.dtype, i))
      continue;
    int64_t rest = i;
    for (int64_t d = rank - 1; d >= 0; --d) {
      int64_t dim = x.rank == 0 ? 1 : x.dims[d];
      out[d * count + k] = dim ? rest % dim : 0;
      rest = dim ? rest / dim : 0;
    }
    ++k;
  }
  return HONE_OK;
}

hone_status_t runCompress(const hone_run_context_t *context, const int64_t *attrs,
                          const hone_tensor_t *inputs, hone_tensor_t *outputs,
                          int64_t *const *outputDims) {
  const hone_tensor_t &x = inputs[0], &condition = inputs[1];
  bool hasAxis = attrs[0] != 0;
  AxisView in = viewAround(x, hasAxis, attrs[1]);
  std::vector<int64_t> kept;
  int64_t length = elementCount(condition);
  for (int64_t i = 0; i < length; ++i) {
    if (!nonZeroAt(condition.data, condition.dtype, i))
      continue;
    if (i >= in.size)
      return fail(context, HONE_ERROR_SHAPE_MISMATCH,
                  "Compress: the condition selects a slice past the end of the axis");
    kept.push_back(i);
  }
  return writeSlices(context, x, hasAxis, attrs[1], in, kept, outputs[0], outputDims[0],
                     "Compress: out of memory");
}

hone_status_t runUnique(const hone_run_context_t *context, const int64_t *attrs,
                        const hone_tensor_t *inputs, hone_tensor_t *outputs,
                        int64_t *const *outputDims, int32_t numOutputs) {
  const hone_tensor_t &x = inputs[0];
  bool hasAxis = attrs[0] != 0, sorted = attrs[2] != 0;
  int64_t axis = attrs[1];
  AxisView in = viewAround(x, hasAxis, axis);
  // Slice k: elements (o, k, i) for every o and i, in row-major order.
  auto compareSlices = [&](int64_t a, int64_t b) {
    for (int64_t o = 0; o < in.outer; ++o)
      for (int64_t i = 0; i < in.inner; ++i)
        if (int c = compareElements(x.data, x.dtype, (o * in.size + a) * in.inner + i,
                                    (o * in.size + b) * in.inner + i))
          return c;
    return 0;
  };
  // Equal slices become neighbours, each group led by its first occurrence.
  std::vector<int64_t> order(static_cast<size_t>(in.size));
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](int64_t a, int64_t b) { return compareSlices(a, b) < 0; });
  std::vector<int64_t> groupOf(static_cast<size_t>(in.size)), firsts, counts;
  for (size_t k = 0; k < order.size(); ++k) {
    if (k == 0 || compareSlices(order[k - 1], order[k]) != 0) {
      firsts.push_back(order[k]);
      counts.push_back(0);
    }
    groupOf[order[k]] = static_cast<int64_t>(firsts.size()) - 1;
    ++counts.back();
  }
  int64_t unique = static_cast<int64_t>(firsts.size());
  // Output position of each group: sorted order, or order of first
  // occurrence.
  std::vector<int64_t> groups(static_cast<size_t>(unique)), positionOf(static_cast<size_t>(unique));
  std::iota(groups.begin(), groups.end(), 0);
  if (!sorted)
    std::sort(groups.begin(), groups.end(), [&](int64_t a, int64_t b) { return firsts[a] < firsts[b]; });
  for (int64_t r = 0; r < unique; ++r)
    positionOf[groups[r]] = r;

  std::vector<int64_t> picked;
  for (int64_t r = 0; r < unique; ++r)
    picked.push_back(firsts[groups[r]]);
  if (hone_status_t status = writeSlices(context, x, hasAxis, axis, in, picked, outputs[0],
                                         outputDims[0], "Unique: out of memory");
      status != HONE_OK)
    return status;
  // indices, inverse_indices, counts.
  int64_t lengths[3] = {unique, in.size, unique};
  for (int32_t k = 1; k < numOutputs && k < 4; ++k) {
    outputDims[k][0] = lengths[k - 1];
    if (!allocateOutput(context, outputs[k], lengths[k - 1]))
      return fail(context, HONE_ERROR_OUT_OF_MEMORY, "Unique: out of memory");
    auto *out = static_cast<int64_t *>(outputs[k].data);
    for (int64_t i = 0; i < lengths[k - 1]; ++i)
      out[i] = k == 1 ? firsts[groups[i]] : k == 2 ? positionOf[groupOf[i]] : counts[groups[i]];
  }
  return HONE_OK;
}

hone_status_t runNonMaxSuppression(const hone_run_context_t *context, const int64_t *attrs,
                                   const hone_tensor_t *inputs, int32_t numInputs,
                                   hone_tensor_t *outputs, int64_t *const *outputDims) {
  const hone_tensor_t &boxes = inputs[0], &scores = inputs[1];
  if (boxes.rank != 3 || boxes.dims[2] != 4 || scores.rank != 3 ||
      scores.dims[0] != boxes.dims[0] || scores.dims[2] != boxes.dims[1])
    return fail(context, HONE_ERROR_SHAPE_MISMATCH,
                "NonMaxSuppression: expected boxes of B x N x 4 and scores of B x C x N");
  auto scalar = [&](int32_t i) -> const hone_tensor_t * {
    return i < numInputs && inputs[i].data && elementCount(inputs[i]) > 0 ? &inputs[i] : nullptr;
  };
  const hone_tensor_t *maxT = scalar(2), *iouT = scalar(3), *scoreT = scalar(4);
  int64_t maxPerClass = maxT ? static_cast<int64_t>(asDouble(maxT->data, maxT->dtype, 0)) : 0;
  if (maxT && maxT->dtype == HONE_DTYPE_INT64)
    maxPerClass = static_cast<const int64_t *>(maxT->data)[0];
  double iouThreshold = iouT ? asDouble(iouT->data, iouT->dtype, 0) : 0.0;
  double scoreThreshold = scoreT ? asDouble(scoreT->data, scoreT->dtype, 0) : 0.0;
  bool center = attrs[0] != 0;
  int64_t batches = boxes.dims[0], classes = scores.dims[1], n = boxes.dims[1];
  auto corners = [&](int64_t b, int64_t i) {
    std::array<double, 4> v;
    for (int k = 0; k < 4; ++k)
      v[k] = asDouble(boxes.data, boxes.dtype, (b * n + i) * 4 + k);
    if (center)
      return std::array<double, 4>{v[1] - v[3] / 2, v[0] - v[2] / 2, v[1] + v[3] / 2,
                                   v[0] + v[2] / 2};
    return std::array<double, 4>{std::min(v[0], v[2]), std::min(v[1], v[3]), std::max(v[0], v[2]),
                                 std::max(v[1], v[3])};
  };
  auto iou = [&](int64_t b, int64_t i, int64_t j) {
    std::array<double, 4> p = corners(b, i), q = corners(b, j);
    double ih = std::max(0.0, std::min(p[2], q[2]) - std::max(p[0], q[0]));
    double iw = std::max(0.0, std::min(p[3], q[3]) - std::max(p[1], q[1]));
    double inter = ih * iw;
    double uni = (p[2] - p[0]) * (p[3] - p[1]) + (q[2] - q[0]) * (q[3] - q[1]) - inter;
    return uni > 0 ? inter / uni : 0.0;
  };
  auto score = [&](int64_t b, int64_t c, int64_t i) {
    return asDouble(scores.data, scores.dtype, (b * classes + c) * n + i);
  };
  std::vector<std::array<int64_t, 3>> selected;
  std::vector<int64_t> candidates, kept;
  for (int64_t b = 0; b < batches; ++b)
    for (int64_t c = 0; c < classes; ++c) {
      candidates.clear();
      kept.clear();
      for (int64_t i = 0; i < n; ++i)
        if (!scoreT || score(b, c, i) > scoreThreshold)
          candidates.push_back(i);
      std::stable_sort(candidates.begin(), candidates.end(),
                       [&](int64_t i, int64_t j) { return score(b, c, i) > score(b, c, j); });
      for (int64_t i : candidates) {
        if (static_cast<int64_t>(kept.size()) >= maxPerClass)
          break;
        bool suppressed = false;
        for (int64_t j : kept)
          if (iou(b, i, j) > iouThreshold) {
            suppressed = true;
            break;
          }
        if (!suppressed)
          kept.push_back(i);
      }
      for (int64_t i : kept)
        selected.push_back({b, c, i});
    }
  int64_t count = static_cast<int64_t>(selected.size());
  outputDims[0][0] = count;
  outputDims[0][1] = 3;
  if (!allocateOutput(context, outputs[0], count * 3))
    return fail(context, HONE_ERROR_OUT_OF_MEMORY, "NonMaxSuppression: out of memory");
  auto *out = static_cast<int64_t *>(outputs[0].data);
  for (int64_t k = 0; k < count; ++k)
    for (int j = 0; j < 3; ++j)
      out[k * 3 + j] = selected[k][j];
  return HONE_OK;
}

} // namespace

extern "C" hone_status_t hone_run_op(const hone_run_context_t *context, int32_t op,
                                     const int64_t *attrs, const hone_tensor_t *inputs,
                                     int32_t num_inputs, hone_tensor_t *outputs,
                                     int64_t *const *output_dims, int32_t num_outputs) {
  if (!context || !inputs || !outputs || !output_dims || num_inputs < 1 || num_outputs < 1)
    return HONE_ERROR_INVALID_ARGUMENT;
  for (int32_t i = 0; i < num_outputs; ++i)
    outputs[i].dims = output_dims[i];
  // The vectors below may throw; nothing may cross the C boundary.
  try {
    switch (op) {
    case HONE_RUNTIME_OP_NON_ZERO:
      return runNonZero(context, inputs, outputs, output_dims);
    case HONE_RUNTIME_OP_COMPRESS:
      if (num_inputs < 2)
        break;
      return runCompress(context, attrs, inputs, outputs, output_dims);
    case HONE_RUNTIME_OP_UNIQUE:
      return runUnique(context, attrs, inputs, outputs, output_dims, num_outputs);
    case HONE_RUNTIME_OP_NON_MAX_SUPPRESSION:
      if (num_inputs < 2)
        break;
      return runNonMaxSuppression(context, attrs, inputs, num_inputs, outputs, output_dims);
    default:
      break;
    }
  } catch (...) {
    return fail(context, HONE_ERROR_OUT_OF_MEMORY, "out of memory in a runtime op");
  }
  return fail(context, HONE_ERROR_INVALID_ARGUMENT, "unknown runtime op or missing inputs");
}
