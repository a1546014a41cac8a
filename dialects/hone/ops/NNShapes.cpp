//===- NNShapes.cpp - Shapes of convolution, pooling, matmul and norms ----===//
//
// The output-size formulas of ONNX's Conv, ConvTranspose and pooling
// operators (auto_pad included), numpy's matmul broadcasting, Gemm, and the
// extra outputs of the normalizations.
//
//===----------------------------------------------------------------------===//
#include "dialects/hone/ShapeFunction.h"
#include "dialects/hone/ops/ShapeFunctions.h"

#include "dialects/hone/ops/OpAttributes.h"

using namespace mlir;
using namespace mlir::hone;

namespace {

constexpr int64_t kDynamic = ShapedType::kDynamic;

int64_t ceilDiv(int64_t a, int64_t b) { return (a + b - 1) / b; }

/// Convolutions and pools need N x C x at least one spatial dim.
LogicalResult requireSpatialInput(Operation *op, ArrayRef<int64_t> x) {
  if (x.size() < 3)
    return op->emitOpError() << "expected input of rank >= 3 (N x C x spatial...), got rank "
                             << x.size();
  return success();
}

/// Output spatial dims of a sliding window (Conv, pooling). `kernel` holds
/// the window extents; unknown inputs or kernels give unknown outputs.
LogicalResult slidingWindowDims(Operation *op, ArrayRef<int64_t> input, ArrayRef<int64_t> kernel,
                                bool ceilMode, SmallVectorImpl<int64_t> &out) {
  size_t spatial = input.size();
  SmallVector<int64_t> strides = getIntsAttr(op, "strides", SmallVector<int64_t>(spatial, 1));
  SmallVector<int64_t> dilations = getIntsAttr(op, "dilations", SmallVector<int64_t>(spatial, 1));
  SmallVector<int64_t> pads = getIntsAttr(op, "pads", SmallVector<int64_t>(2 * spatial, 0));
  StringRef autoPad = getStrAttr(op, "auto_pad", "NOTSET");
  if (strides.size() != spatial || dilations.size() != spatial || pads.size() != 2 * spatial ||
      kernel.size() != spatial)
    return op->emitOpError() << "expected strides, dilations and kernel of " << spatial
                             << " values and pads of " << 2 * spatial;
  for (size_t i = 0; i < spatial; ++i) {
    if (strides[i] < 1 || dilations[i] < 1)
      return op->emitOpError() << "expected strides and dilations >= 1";
    if (ShapedType::isDynamic(input[i]) || ShapedType::isDynamic(kernel[i])) {
      out.push_back(kDynamic);
      continue;
    }
    int64_t extent = (kernel[i] - 1) * dilations[i] + 1;
    int64_t size;
    if (autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER")
      size = ceilDiv(input[i], strides[i]);
    else if (autoPad == "VALID")
      size = ceilDiv(input[i] - extent + 1, strides[i]);
    else {
      int64_t padded = input[i] + pads[i] + pads[i + spatial] - extent;
      size = (ceilMode ? ceilDiv(padded, strides[i]) : padded / strides[i]) + 1;
      // ceil_mode: a window that starts in the end padding is dropped.
      if (ceilMode && (size - 1) * strides[i] >= input[i] + pads[i])
        --size;
    }
    if (size < 1)
      return op->emitOpError() << "spatial dim " << i << " of size " << input[i]
                               << " is too small for a window of " << extent;
    out.push_back(size);
  }
  return success();
}

} // namespace

LogicalResult mlir::hone::shapeConv(ShapeContext &context) {
  Operation *op = context.getOp();
  if (!context.hasRank(0)) {
    context.setAllResults(InferredShape::unranked());
    return success();
  }
  ArrayRef<int64_t> x = context.getDims(0);
  if (failed(requireSpatialInput(op, x)))
    return failure();
  SmallVector<int64_t> kernel(x.size() - 2, kDynamic);
  int64_t channels = kDynamic;
  if (context.hasRank(1)) {
    ArrayRef<int64_t> w = context.getDims(1);
    if (w.size() != x.size())
      return success(); // the verifier reports the weight's rank
    channels = w[0];
    kernel.assign(w.begin() + 2, w.end());
  }
  kernel = getIntsAttr(op, "kernel_shape", kernel);
  SmallVector<int64_t> dims{x[0], channels};
  if (failed(slidingWindowDims(op, x.drop_front(2), kernel, false, dims)))
    return failure();
  context.setResult(0, InferredShape::of(dims));
  return success();
}

LogicalResult mlir::hone::shapeConvTranspose(ShapeContext &context) {
  Operation *op = context.getOp();
  if (!context.hasRank(0)) {
    context.setAllResults(InferredShape::unranked());
    return success();
  }
  ArrayRef<int64_t> x = context.getDims(0);
  if (failed(requireSpatialInput(op, x)))
    return failure();
  size_t spatial = x.size() - 2;
  int64_t group = getIntAttr(op, "group", 1);
  SmallVector<int64_t> kernel(spatial, kDynamic);
  int64_t channels = kDynamic;
  if (context.hasRank(1)) {
    ArrayRef<int64_t> w = context.getDims(1);
    if (w.size() != x.size())
      return success(); // the verifier reports the weight's rank
    channels = ShapedType::isDynamic(w[1]) ? kDynamic : w[1] * group;
    kernel.assign(w.begin() + 2, w.end());
  }
  kernel = getIntsAttr(op, "kernel_shape", kernel);
  SmallVector<int64_t> dims{x[0], channels};
  SmallVector<int64_t> outputShape = getIntsAttr(op, "output_shape", {});
  if (!outputShape.empty()) {
    // output_shape may or may not include the N and C dims.
    ArrayRef<int64_t> given(outputShape);
    dims.append(given.take_back(spatial).begin(), given.take_back(spatial).end());
    context.setResult(0, InferredShape::of(dims));
    return success();
  }
  SmallVector<int64_t> strides = getIntsAttr(op, "strides", SmallVector<int64_t>(spatial, 1));
  SmallVector<int64_t> dilations = getIntsAttr(op, "dilations", SmallVector<int64_t>(spatial, 1));
  SmallVector<int64_t> pads = getIntsAttr(op, "pads", SmallVector<int64_t>(2 * spatial, 0));
  SmallVector<int64_t> outputPadding =
      getIntsAttr(op, "output_padding", SmallVector<int64_t>(spatial, 0));
  StringRef autoPad = getStrAttr(op, "auto_pad", "NOTSET");
  if (strides.size() != spatial || dilations.size() != spatial || pads.size() != 2 * spatial ||
      outputPadding.size() != spatial || kernel.size() != spatial)
    return op->emitOpError() << "expected " << spatial << " values per spatial attribute";
  for (size_t i = 0; i < spatial; ++i) {
    int64_t in = x[2 + i];
    if (ShapedType::isDynamic(in) || ShapedType::isDynamic(kernel[i])) {
      dims.push_back(kDynamic);
      continue;
    }
    if (autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER")
      dims.push_back(in * strides[i]);
    else
      dims.push_back(strides[i] * (in - 1) + outputPadding[i] +
                     ((kernel[i] - 1) * dilations[i] + 1) - pads[i] - pads[i + spatial]);
  }
  context.setResult(0, InferredShape::of(dims));
  return success();
}

LogicalResult mlir::hone::shapePool(ShapeContext &context) {
  Operation *op = context.getOp();
  if (!context.hasRank(0)) {
    context.setAllResults(InferredShape::unranked());
    return success();
  }
  ArrayRef<int64_t> x = context.getDims(0);
  if (failed(requireSpatialInput(op, x)))
    return failure();
  SmallVector<int64_t> kernel = getIntsAttr(op, "kernel_shape", {});
  SmallVector<int64_t> dims{x[0], x[1]};
  if (failed(slidingWindowDims(op, x.drop_front(2), kernel, getIntAttr(op, "ceil_mode", 0) != 0,
                               dims)))
    return failure();
  // MaxPool's Indices has the output's shape.
  context.setAllResults(InferredShape::of(dims));
  return success();
}

LogicalResult mlir::hone::shapeGlobalPool(ShapeContext &context) {
  if (!context.hasRank(0)) {
    context.setAllResults(InferredShape::unranked());
    return success();
  }
  SmallVector<int64_t> dims(context.getDims(0));
  for (size_t i = 2; i < dims.size(); ++i)
    dims[i] = 1;
  context.setResult(0, InferredShape::of(dims));
  return success();
}

LogicalResult mlir::hone::shapeMatMul(ShapeContext &context) {
  if (!context.hasRank(0) || !context.hasRank(1)) {
    context.setAllResults(InferredShape::unranked());
    return success();
  }
  SmallVector<int64_t> a(context.getDims(0)), b(context.getDims(1));
  if (a.empty() || b.empty())
    return context.getOp()->emitOpError() << "expected operands of rank >= 1, got scalars";
  // 1-D operands are promoted (a: prepend 1, b: append 1), and those dims
  // dropped from the result.
  bool vectorA = a.size() == 1, vectorB = b.size() == 1;
  if (vectorA)
    a.insert(a.begin(), 1);
  if (vectorB)
    b.push_back(1);
  SmallVector<int64_t> batch;
  ArrayRef<int64_t> batchA = ArrayRef<int64_t>(a).drop_back(2),
                    batchB = ArrayRef<int64_t>(b).drop_back(2);
  size_t rank = std::max(batchA.size(), batchB.size());
  for (size_t i = 0; i < rank; ++i) {
    int64_t da = i < rank - batchA.size() ? 1 : batchA[i - (rank - batchA.size())];
    int64_t db = i < rank - batchB.size() ? 1 : batchB[i - (rank - batchB.size())];
    if (da == 1)
      batch.push_back(db);
    else if (db == 1 || da == db)
      batch.push_back(da);
    else if (ShapedType::isDynamic(da))
      batch.push_back(db);
    else if (ShapedType::isDynamic(db))
      batch.push_back(da);
    else
      return context.getOp()->emitOpError()
             << "batch dims are not broadcast-compatible: " << da << " vs " << db;
  }
  SmallVector<int64_t> dims = batch;
  if (!vectorA)
    dims.push_back(a[a.size() - 2]);
  if (!vectorB)
    dims.push_back(b.back());
  context.setResult(0, InferredShape::of(dims));
  return success();
}

LogicalResult mlir::hone::shapeGemm(ShapeContext &context) {
  if (!context.hasRank(0) || !context.hasRank(1)) {
    context.setAllResults(InferredShape::unranked());
    return success();
  }
  Operation *op = context.getOp();
  ArrayRef<int64_t> a = context.getDims(0), b = context.getDims(1);
  if (a.size() != 2 || b.size() != 2)
    return success(); // the verifier reports the ranks
  int64_t m = getIntAttr(op, "transA", 0) ? a[1] : a[0];
  int64_t n = getIntAttr(op, "transB", 0) ? b[0] : b[1];
  context.setResult(0, InferredShape::of({m, n}));
  return success();
}

LogicalResult mlir::hone::shapeBatchNormalization(ShapeContext &context) {
  // Y is X; the running statistics have the channel dim.
  InferredShape y = context.hasRank(0) ? InferredShape::of(context.getDims(0))
                                       : InferredShape::unranked();
  context.setAllResults(context.hasRank(3) ? InferredShape::of(context.getDims(3))
                                           : InferredShape::unranked());
  context.setResult(0, y);
  return success();
}

LogicalResult mlir::hone::shapeLayerNormalization(ShapeContext &context) {
  if (!context.hasRank(0)) {
    context.setAllResults(InferredShape::unranked());
    return success();
  }
  ArrayRef<int64_t> x = context.getDims(0);
  int64_t rank = static_cast<int64_t>(x.size());
  int64_t axis = getIntAttr(context.getOp(), "axis", -1);
  if (axis < -rank || axis >= rank)
    return context.getOp()->emitOpError()
           << "expected axis in [" << -rank << ", " << rank - 1 << "], got " << axis;
  if (axis < 0)
    axis += rank;
  // Mean and InvStdDev keep the leading dims and have 1 from axis on.
  SmallVector<int64_t> stats(x);
  for (int64_t i = axis; i < rank; ++i)
    stats[i] = 1;
  context.setAllResults(InferredShape::of(stats));
  context.setResult(0, InferredShape::of(x));
  return success();
}
