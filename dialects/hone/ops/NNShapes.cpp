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
#include "dialects/hone/ops/ShapeHelpers.h"

using namespace mlir;
using namespace mlir::hone;

namespace {

/// Convolutions and pools need N x C x at least one spatial dim.
LogicalResult requireSpatialInput(Operation *op, ArrayRef<DimExpr> x) {
  if (x.size() < 3)
    return op->emitOpError() << "expected input of rank >= 3 (N x C x spatial...), got rank "
                             << x.size();
  return success();
}

/// The window's leading and trailing pads per spatial dim (aux values
/// "pad_begin" and "pad_end", read by the kernels): the attribute's, or for
/// SAME the total that makes the output what it is, split with the odd one
/// at the end (SAME_UPPER) or the beginning (SAME_LOWER). `total(i)` is the
/// pad the output needs along dim i: a Conv's is at least 0; a
/// ConvTranspose's (`transposed`) may be negative and halves toward zero,
/// as the reference computes both.
void setWindowPads(ShapeContext &context, ArrayRef<int64_t> pads, StringRef autoPad,
                   size_t spatial, llvm::function_ref<DimExpr(size_t)> total,
                   bool transposed = false) {
  SmallVector<DimExpr> begin, end;
  for (size_t i = 0; i < spatial; ++i) {
    if (autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER") {
      DimExpr all = transposed ? total(i) : max(total(i), 0);
      DimExpr half = transposed ? select(lt(all, 0), -floorDiv(-all, 2), floorDiv(all, 2))
                                : floorDiv(all, 2);
      DimExpr first = autoPad == "SAME_UPPER" ? half : all - half;
      begin.push_back(first);
      end.push_back(all - first);
    } else if (autoPad == "VALID") {
      begin.push_back(0);
      end.push_back(0);
    } else {
      begin.push_back(pads[i]);
      end.push_back(pads[i + spatial]);
    }
  }
  context.setAux("pad_begin", begin);
  context.setAux("pad_end", end);
}

/// Output spatial dims of a sliding window (Conv, pooling). `kernel` holds
/// the window extents.
LogicalResult slidingWindowDims(ShapeContext &context, ArrayRef<DimExpr> input,
                                ArrayRef<DimExpr> kernel, bool ceilMode,
                                SmallVectorImpl<DimExpr> &out) {
  Operation *op = context.getOp();
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
    DimExpr extent = (kernel[i] - 1) * dilations[i] + 1;
    DimExpr size;
    if (autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER") {
      size = ceilDiv(input[i], strides[i]);
    } else if (autoPad == "VALID") {
      size = ceilDiv(input[i] - extent + 1, strides[i]);
    } else {
      DimExpr padded = input[i] + (pads[i] + pads[i + spatial]) - extent;
      size = (ceilMode ? ceilDiv(padded, strides[i]) : floorDiv(padded, strides[i])) + 1;
      // ceil_mode: a window that starts in the end padding is dropped. The
      // last window starts at most end pad + stride - 1 - extent past the
      // input's end, so it can only when that is >= 0.
      std::optional<int64_t> known = extent.getConstant();
      if (ceilMode && !(known && pads[i + spatial] + strides[i] - 1 < *known))
        size = select(ge((size - 1) * strides[i], input[i] + pads[i]), size - 1, size);
    }
    if (failed(context.require(ge(size, 1), "spatial dim " + Twine(i) + " of size " +
                                                input[i].str() +
                                                " is too small for a window of " + extent.str())))
      return failure();
    out.push_back(size);
  }
  ArrayRef<DimExpr> sizes = ArrayRef<DimExpr>(out).take_back(spatial);
  setWindowPads(context, pads, autoPad, spatial, [&](size_t i) {
    return (sizes[i] - 1) * strides[i] + ((kernel[i] - 1) * dilations[i] + 1) - input[i];
  });
  return success();
}

/// An INTS attribute as constants, or `fallback` when absent.
SmallVector<DimExpr> dimsAttr(Operation *op, StringRef name, ArrayRef<DimExpr> fallback) {
  std::optional<SmallVector<int64_t>> values = getIntsAttr(op, name);
  if (!values)
    return SmallVector<DimExpr>(fallback);
  return SmallVector<DimExpr>(values->begin(), values->end());
}

} // namespace

LogicalResult mlir::hone::shapeConv(ShapeContext &context) {
  Operation *op = context.getOp();
  if (!context.hasRank(0)) {
    context.setAllResults(ShapeResult::unranked());
    return success();
  }
  ArrayRef<DimExpr> x = context.getDims(0);
  if (failed(requireSpatialInput(op, x)))
    return failure();
  SmallVector<DimExpr> kernel = ShapeResult::ofRank(x.size() - 2).dims;
  DimExpr channels = DimExpr::unknown();
  if (context.hasRank(1)) {
    ArrayRef<DimExpr> w = context.getDims(1);
    if (w.size() != x.size())
      return success(); // the verifier reports the weight's rank
    channels = w[0];
    kernel.assign(w.begin() + 2, w.end());
    DimExpr expected = w[1] * getIntAttr(op, "group", 1);
    if (failed(context.require(eq(x[1], expected), "expected " + expected.str() +
                                                       " input channels (weight dim 1 x group), got " +
                                                       x[1].str())))
      return failure();
  }
  kernel = dimsAttr(op, "kernel_shape", kernel);
  SmallVector<DimExpr> dims{x[0], channels};
  if (failed(slidingWindowDims(context, x.drop_front(2), kernel, false, dims)))
    return failure();
  context.setResult(0, ShapeResult::of(dims));
  return success();
}

LogicalResult mlir::hone::shapeConvTranspose(ShapeContext &context) {
  Operation *op = context.getOp();
  if (!context.hasRank(0)) {
    context.setAllResults(ShapeResult::unranked());
    return success();
  }
  ArrayRef<DimExpr> x = context.getDims(0);
  if (failed(requireSpatialInput(op, x)))
    return failure();
  size_t spatial = x.size() - 2;
  int64_t group = getIntAttr(op, "group", 1);
  SmallVector<DimExpr> kernel = ShapeResult::ofRank(spatial).dims;
  DimExpr channels = DimExpr::unknown();
  if (context.hasRank(1)) {
    ArrayRef<DimExpr> w = context.getDims(1);
    if (w.size() != x.size())
      return success(); // the verifier reports the weight's rank
    channels = w[1] * group;
    kernel.assign(w.begin() + 2, w.end());
  }
  kernel = dimsAttr(op, "kernel_shape", kernel);
  SmallVector<DimExpr> dims{x[0], channels};
  SmallVector<int64_t> strides = getIntsAttr(op, "strides", SmallVector<int64_t>(spatial, 1));
  SmallVector<int64_t> dilations = getIntsAttr(op, "dilations", SmallVector<int64_t>(spatial, 1));
  SmallVector<int64_t> pads = getIntsAttr(op, "pads", SmallVector<int64_t>(2 * spatial, 0));
  SmallVector<int64_t> outputPadding =
      getIntsAttr(op, "output_padding", SmallVector<int64_t>(spatial, 0));
  StringRef autoPad = getStrAttr(op, "auto_pad", "NOTSET");
  if (strides.size() != spatial || dilations.size() != spatial || pads.size() != 2 * spatial ||
      outputPadding.size() != spatial || kernel.size() != spatial)
    return op->emitOpError() << "expected " << spatial << " values per spatial attribute";
  // The pad a given output needs: the taps past the output, split as SAME
  // splits them.
  auto neededPad = [&](size_t i) {
    return (x[2 + i] - 1) * strides[i] + outputPadding[i] + ((kernel[i] - 1) * dilations[i] + 1) -
           dims[2 + i];
  };
  SmallVector<int64_t> outputShape = getIntsAttr(op, "output_shape", {});
  if (!outputShape.empty()) {
    // output_shape may or may not include the N and C dims; it fixes the
    // output, and the pads follow from it (the larger half at the end
    // unless SAME_LOWER, as the reference does).
    ArrayRef<int64_t> given(outputShape);
    if (given.size() < spatial)
      return op->emitOpError() << "expected output_shape of at least " << spatial << " values";
    for (int64_t d : given.take_back(spatial))
      dims.push_back(d);
    setWindowPads(context, pads, autoPad == "SAME_LOWER" ? "SAME_LOWER" : "SAME_UPPER", spatial,
                  neededPad, /*transposed=*/true);
    context.setResult(0, ShapeResult::of(dims));
    return success();
  }
  for (size_t i = 0; i < spatial; ++i) {
    const DimExpr &in = x[2 + i];
    if (autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER")
      dims.push_back(in * strides[i]);
    else
      dims.push_back((in - 1) * strides[i] + outputPadding[i] +
                     ((kernel[i] - 1) * dilations[i] + 1) - pads[i] - pads[i + spatial]);
  }
  setWindowPads(context, pads, autoPad, spatial, neededPad, /*transposed=*/true);
  context.setResult(0, ShapeResult::of(dims));
  return success();
}

LogicalResult mlir::hone::shapePool(ShapeContext &context) {
  Operation *op = context.getOp();
  if (!context.hasRank(0)) {
    context.setAllResults(ShapeResult::unranked());
    return success();
  }
  ArrayRef<DimExpr> x = context.getDims(0);
  if (failed(requireSpatialInput(op, x)))
    return failure();
  SmallVector<DimExpr> kernel = dimsAttr(op, "kernel_shape", {});
  SmallVector<DimExpr> dims{x[0], x[1]};
  if (failed(slidingWindowDims(context, x.drop_front(2), kernel,
                               getIntAttr(op, "ceil_mode", 0) != 0, dims)))
    return failure();
  // MaxPool's Indices has the output's shape.
  context.setAllResults(ShapeResult::of(dims));
  return success();
}

LogicalResult mlir::hone::shapeGlobalPool(ShapeContext &context) {
  if (!context.hasRank(0)) {
    context.setAllResults(ShapeResult::unranked());
    return success();
  }
  SmallVector<DimExpr> dims(context.getDims(0));
  for (size_t i = 2; i < dims.size(); ++i)
    dims[i] = 1;
  context.setResult(0, ShapeResult::of(dims));
  return success();
}

LogicalResult mlir::hone::shapeMatMul(ShapeContext &context) {
  if (!context.hasRank(0) || !context.hasRank(1)) {
    context.setAllResults(ShapeResult::unranked());
    return success();
  }
  SmallVector<DimExpr> a(context.getDims(0)), b(context.getDims(1));
  if (a.empty() || b.empty())
    return context.getOp()->emitOpError() << "expected operands of rank >= 1, got scalars";
  // 1-D operands are promoted (a: prepend 1, b: append 1), and those dims
  // dropped from the result.
  bool vectorA = a.size() == 1, vectorB = b.size() == 1;
  if (vectorA)
    a.insert(a.begin(), DimExpr(1));
  if (vectorB)
    b.push_back(DimExpr(1));
  if (failed(context.requireEqual(a.back(), b[b.size() - 2],
                                  "contracted dims differ: " + a.back().str() + " vs " +
                                      b[b.size() - 2].str())))
    return failure();
  FailureOr<SmallVector<DimExpr>> batch = broadcastShapes(
      context, ArrayRef<DimExpr>(a).drop_back(2), ArrayRef<DimExpr>(b).drop_back(2));
  if (failed(batch))
    return failure();
  SmallVector<DimExpr> dims = std::move(*batch);
  if (!vectorA)
    dims.push_back(a[a.size() - 2]);
  if (!vectorB)
    dims.push_back(b.back());
  context.setResult(0, ShapeResult::of(dims));
  return success();
}

LogicalResult mlir::hone::shapeGemm(ShapeContext &context) {
  if (!context.hasRank(0) || !context.hasRank(1)) {
    context.setAllResults(ShapeResult::unranked());
    return success();
  }
  Operation *op = context.getOp();
  ArrayRef<DimExpr> a = context.getDims(0), b = context.getDims(1);
  if (a.size() != 2 || b.size() != 2)
    return success(); // the verifier reports the ranks
  bool transA = getIntAttr(op, "transA", 0), transB = getIntAttr(op, "transB", 0);
  DimExpr m = transA ? a[1] : a[0], n = transB ? b[0] : b[1];
  DimExpr ka = transA ? a[0] : a[1], kb = transB ? b[1] : b[0];
  if (failed(context.requireEqual(ka, kb,
                                  "contracted dims differ: " + ka.str() + " vs " + kb.str())))
    return failure();
  context.setResult(0, ShapeResult::of({m, n}));
  return success();
}

LogicalResult mlir::hone::shapeBatchNormalization(ShapeContext &context) {
  // Y is X; the running statistics have the channel dim.
  ShapeResult y = context.hasRank(0) ? ShapeResult::of(context.getDims(0))
                                     : ShapeResult::unranked();
  context.setAllResults(context.hasRank(3) ? ShapeResult::of(context.getDims(3))
                                           : ShapeResult::unranked());
  context.setResult(0, y);
  return success();
}

LogicalResult mlir::hone::shapeLayerNormalization(ShapeContext &context) {
  if (!context.hasRank(0)) {
    context.setAllResults(ShapeResult::unranked());
    return success();
  }
  ArrayRef<DimExpr> x = context.getDims(0);
  FailureOr<int64_t> axis = normalizeAxis(context.getOp(), getIntAttr(context.getOp(), "axis", -1),
                                          static_cast<int64_t>(x.size()));
  if (failed(axis))
    return failure();
  // Mean and InvStdDev keep the leading dims and have 1 from axis on.
  SmallVector<DimExpr> stats(x);
  for (size_t i = *axis; i < x.size(); ++i)
    stats[i] = 1;
  context.setAllResults(ShapeResult::of(stats));
  context.setResult(0, ShapeResult::of(x));
  return success();
}
