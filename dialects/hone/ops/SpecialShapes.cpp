//===- SpecialShapes.cpp - Shapes of detection, loss, Einsum, If and Loop -===//
//
// The ops whose shape rules are their own: Einsum's subscripts, detection
// ops (RoiAlign, NonMaxSuppression, GridSample, MaxUnpool), losses, Det, and
// control flow, whose results take the types their regions yield.
//
//===----------------------------------------------------------------------===//
#include "dialects/hone/ShapeFunction.h"
#include "dialects/hone/ops/ShapeFunctions.h"

#include "dialects/hone/ops/OpAttributes.h"
#include "dialects/hone/ops/ShapeHelpers.h"

#include <map>

using namespace mlir;
using namespace mlir::hone;

namespace {

/// A region's yielded type as a shape (dynamic dims unknown).
ShapeResult shapeOfType(Type type) {
  auto ranked = dyn_cast<RankedTensorType>(type);
  if (!ranked)
    return ShapeResult::unranked();
  SmallVector<DimExpr> dims;
  for (int64_t d : ranked.getShape())
    dims.push_back(ShapedType::isDynamic(d) ? DimExpr::unknown() : DimExpr(d));
  return ShapeResult::of(dims);
}

} // namespace

LogicalResult mlir::hone::shapeEinsum(ShapeContext &context) {
  Operation *op = context.getOp();
  auto equationAttr = op->getAttrOfType<StringAttr>("equation");
  if (!equationAttr)
    return success();
  std::string equation;
  for (char c : equationAttr.getValue())
    if (c != ' ')
      equation += c;
  size_t arrow = equation.find("->");
  std::string lhs = equation.substr(0, arrow);
  SmallVector<std::string> terms;
  for (size_t start = 0;;) {
    size_t comma = lhs.find(',', start);
    terms.push_back(lhs.substr(start, comma - start));
    if (comma == std::string::npos)
      break;
    start = comma + 1;
  }
  if (terms.size() != context.getNumOperands())
    return op->emitOpError() << "equation has " << terms.size() << " inputs, got "
                             << context.getNumOperands() << " operands";
  std::map<char, DimExpr> sizes;
  std::map<char, int> counts;
  SmallVector<DimExpr> ellipsis;
  bool ellipsisKnown = true;
  for (size_t t = 0; t < terms.size(); ++t) {
    const std::string &term = terms[t];
    size_t dots = term.find("...");
    std::string letters = term;
    if (dots != std::string::npos)
      letters.erase(dots, 3);
    for (char c : letters)
      ++counts[c];
    if (!context.hasRank(t)) {
      ellipsisKnown &= dots == std::string::npos;
      for (char c : letters)
        sizes.emplace(c, DimExpr::unknown());
      continue;
    }
    ArrayRef<DimExpr> dims = context.getDims(t);
    int64_t ellipsisRank = static_cast<int64_t>(dims.size()) - static_cast<int64_t>(letters.size());
    if (ellipsisRank < 0 || (dots == std::string::npos && ellipsisRank != 0))
      return op->emitOpError() << "input " << t << " of rank " << dims.size()
                               << " does not match subscripts '" << term << "'";
    size_t before = dots == std::string::npos ? letters.size() : dots;
    for (size_t i = 0; i < letters.size(); ++i) {
      const DimExpr &dim = dims[i < before ? i : i + ellipsisRank];
      auto [it, inserted] = sizes.emplace(letters[i], dim);
      if (!inserted) {
        FailureOr<DimExpr> same = context.requireEqual(
            it->second, dim,
            "subscript '" + Twine(letters[i]) + "' has sizes " + it->second.str() + " and " +
                dim.str());
        if (failed(same))
          return failure();
        it->second = *same;
      }
    }
    if (dots != std::string::npos) {
      // Ellipsis dims broadcast across inputs (right-aligned).
      FailureOr<SmallVector<DimExpr>> merged =
          broadcastShapes(context, ellipsis, dims.slice(before, ellipsisRank));
      if (failed(merged))
        return failure();
      ellipsis = std::move(*merged);
    }
  }
  std::string output;
  if (arrow != std::string::npos) {
    output = equation.substr(arrow + 2);
  } else {
    // Implicit output: the ellipsis, then letters used once, in order.
    bool anyEllipsis = lhs.find("...") != std::string::npos;
    output = anyEllipsis ? "..." : "";
    for (auto &[c, n] : counts)
      if (n == 1)
        output += c;
  }
  if (!ellipsisKnown && output.find("...") != std::string::npos)
    return success();
  SmallVector<DimExpr> dims;
  for (size_t i = 0; i < output.size(); ++i) {
    if (output.compare(i, 3, "...") == 0) {
      dims.append(ellipsis.begin(), ellipsis.end());
      i += 2;
      continue;
    }
    auto it = sizes.find(output[i]);
    if (it == sizes.end())
      return op->emitOpError() << "output subscript '" << output[i] << "' is not an input's";
    dims.push_back(it->second);
  }
  context.setResult(0, ShapeResult::of(dims));
  return success();
}

LogicalResult mlir::hone::shapeDet(ShapeContext &context) {
  if (!context.hasRank(0))
    return success();
  ArrayRef<DimExpr> x = context.getDims(0);
  if (x.size() < 2)
    return context.getOp()->emitOpError() << "expected a matrix or a batch of matrices";
  if (failed(context.require(eq(x[x.size() - 1], x[x.size() - 2]),
                             "expected square matrices, got " + x[x.size() - 2].str() + "x" +
                                 x[x.size() - 1].str())))
    return failure();
  context.setResult(0, ShapeResult::of(x.drop_back(2)));
  return success();
}

/// MaxUnpool: the inverse of the pool's shape ("unpooled", an aux value:
/// the indices address it), or output_shape, which may enlarge it.
LogicalResult mlir::hone::shapeMaxUnpool(ShapeContext &context) {
  // The kernel reads I at X's coordinates.
  if (context.hasRank(0) && context.hasRank(1) && context.getRank(0) == context.getRank(1))
    for (int64_t d = 0; d < context.getRank(0); ++d)
      if (failed(context.requireEqual(context.getDims(0)[d], context.getDims(1)[d],
                                      "expected X and I of the same shape")))
        return failure();
  if (!context.hasRank(0))
    return success();
  Operation *op = context.getOp();
  ArrayRef<DimExpr> x = context.getDims(0);
  if (x.size() < 3)
    return op->emitOpError() << "expected input of rank >= 3, got rank " << x.size();
  size_t spatial = x.size() - 2;
  auto ints = [&](StringRef name, int64_t fallback, size_t n) {
    SmallVector<int64_t> values(n, fallback);
    if (auto array = op->getAttrOfType<ArrayAttr>(name))
      for (size_t i = 0; i < n && i < array.size(); ++i)
        values[i] = cast<IntegerAttr>(array[i]).getInt();
    return values;
  };
  SmallVector<int64_t> kernel = ints("kernel_shape", 1, spatial),
                       strides = ints("strides", 1, spatial), pads = ints("pads", 0, 2 * spatial);
  SmallVector<DimExpr> unpooled{x[0], x[1]};
  for (size_t i = 0; i < spatial; ++i)
    unpooled.push_back((x[2 + i] - 1) * strides[i] + kernel[i] - pads[i] - pads[i + spatial]);
  context.setAux("unpooled", unpooled);
  if (context.isAbsent(2)) {
    context.setResult(0, ShapeResult::of(unpooled));
    return success();
  }
  if (std::optional<SmallVector<DimExpr>> shape = context.getIntValues(2)) {
    if (shape->size() != x.size())
      return op->emitOpError() << "expected output_shape of " << x.size() << " values, got "
                               << shape->size();
    for (const DimExpr &d : *shape)
      if (failed(context.require(ge(d, 0), "expected non-negative output_shape, got " + d.str())))
        return failure();
    context.setResult(0, ShapeResult::of(*shape));
  } else {
    // output_shape is given but not seen: only the rank is known.
    context.setResult(0, ShapeResult::ofRank(context.getRank(0)));
  }
  return success();
}

LogicalResult mlir::hone::shapeRoiAlign(ShapeContext &context) {
  Operation *op = context.getOp();
  DimExpr rois = context.hasRank(1) && context.getRank(1) >= 1 ? context.getDims(1)[0]
                                                               : DimExpr::unknown();
  DimExpr channels = context.hasRank(0) && context.getRank(0) == 4 ? context.getDims(0)[1]
                                                                   : DimExpr::unknown();
  context.setResult(0, ShapeResult::of({rois, channels, getIntAttr(op, "output_height", 1),
                                        getIntAttr(op, "output_width", 1)}));
  return success();
}

LogicalResult mlir::hone::shapeGridSample(ShapeContext &context) {
  if (!context.hasRank(0) || !context.hasRank(1))
    return success();
  ArrayRef<DimExpr> x = context.getDims(0), grid = context.getDims(1);
  if (x.size() != 4 || grid.size() != 4)
    return context.getOp()->emitOpError() << "expected 4-D input and grid";
  FailureOr<DimExpr> batch = context.requireEqual(
      x[0], grid[0], "input and grid batches differ: " + x[0].str() + " vs " + grid[0].str());
  if (failed(batch))
    return failure();
  // Every sample reads the image (clamped into it), so a non-empty result
  // needs a non-empty image.
  if (failed(context.require(logicalOr(logicalAnd(gt(x[2], 0), gt(x[3], 0)),
                                       eq(grid[1] * grid[2], 0)),
                             "cannot sample an empty image")))
    return failure();
  context.setResult(0, ShapeResult::of({*batch, x[1], grid[1], grid[2]}));
  return success();
}

LogicalResult mlir::hone::shapeNonMaxSuppression(ShapeContext &context) {
  // [selected boxes, (batch, class, box)]: the count is known after
  // execution, at most one per box of every class of every batch.
  DimExpr bound = DimExpr::unknown();
  if (context.hasRank(1) && context.getRank(1) == 3)
    bound = product(context.getDims(1));
  context.setResult(0, ShapeResult::of({DimExpr::resultDim(0, 0, bound), DimExpr(3)}));
  return success();
}

LogicalResult mlir::hone::shapeLoss(ShapeContext &context) {
  Operation *op = context.getOp();
  auto reduction = op->getAttrOfType<StringAttr>("reduction");
  bool none = reduction && reduction.getValue() == "none";
  // NegativeLogLikelihoodLoss and SoftmaxCrossEntropyLoss: the loss has the
  // target's shape without reduction, else it is a scalar; SCE's log_prob
  // has the scores' shape.
  if (none)
    context.setResult(0, context.hasRank(1) ? ShapeResult::of(context.getDims(1))
                                            : ShapeResult::unranked());
  else
    context.setResult(0, ShapeResult::of({}));
  if (context.getNumResults() > 1)
    context.setResult(1, context.hasRank(0) ? ShapeResult::of(context.getDims(0))
                                            : ShapeResult::unranked());
  return success();
}

LogicalResult mlir::hone::shapeFromRegions(ShapeContext &context) {
  // If: a result's shape is what both branches yield, dims that differ are
  // unknown. Loop: loop-carried values keep the yield's shape with unknown
  // dims where they change; scan outputs stack one more dim in front.
  Operation *op = context.getOp();
  bool isLoop = op->getName().getStringRef() == "hone.loop";
  for (unsigned i = 0; i < context.getNumResults(); ++i) {
    std::optional<ShapeResult> merged;
    for (Region &region : op->getRegions()) {
      if (region.empty())
        return success();
      Operation *terminator = region.front().getTerminator();
      unsigned index = isLoop ? i + 1 : i; // Loop yields cond first
      if (!terminator || index >= terminator->getNumOperands())
        return op->emitOpError() << "region yields fewer values than the op has results";
      ShapeResult shape = shapeOfType(terminator->getOperand(index).getType());
      if (!merged) {
        merged = shape;
        continue;
      }
      if (!merged->ranked || !shape.ranked || merged->dims.size() != shape.dims.size()) {
        merged = ShapeResult::unranked();
        continue;
      }
      for (size_t d = 0; d < shape.dims.size(); ++d)
        if (merged->dims[d] != shape.dims[d])
          merged->dims[d] = DimExpr::unknown();
    }
    if (!merged)
      continue;
    unsigned carried = isLoop ? op->getNumOperands() - 2 : context.getNumResults();
    if (isLoop && i >= carried && merged->ranked)
      merged->dims.insert(merged->dims.begin(), DimExpr::unknown());
    else if (isLoop && merged->ranked && i < carried && !context.isAbsent(i + 2) &&
             context.hasRank(i + 2)) {
      // A carried value may change shape between iterations: keep only the
      // dims its initial value and the body agree on.
      ArrayRef<DimExpr> initial = context.getDims(i + 2);
      if (initial.size() != merged->dims.size())
        merged = ShapeResult::unranked();
      else
        for (size_t d = 0; d < initial.size(); ++d)
          if (initial[d] != merged->dims[d] || !initial[d].getConstant())
            merged->dims[d] = DimExpr::unknown();
    }
    context.setResult(i, *merged);
  }
  return success();
}
