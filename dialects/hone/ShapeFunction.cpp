//===- ShapeFunction.cpp - What an op's shape function sees ---------------===//
//
// The context reads operand types and constant operands; the driver asks the
// op's ShapeFunctionOpInterface and compares with what the op declares.
//
//===----------------------------------------------------------------------===//
#include "dialects/hone/ShapeFunction.h"

#include "dialects/hone/HoneOps.h"

using namespace mlir;
using namespace mlir::hone;

ShapeContext::ShapeContext(Operation *op)
    : op(op), results(op->getNumResults(), InferredShape::unranked()) {}

bool ShapeContext::isAbsent(unsigned i) const {
  return i >= op->getNumOperands() || isa<NoneType>(op->getOperand(i).getType());
}

bool ShapeContext::hasRank(unsigned i) const {
  if (isAbsent(i))
    return false;
  return isa<RankedTensorType>(op->getOperand(i).getType());
}

int64_t ShapeContext::getRank(unsigned i) const {
  return cast<RankedTensorType>(op->getOperand(i).getType()).getRank();
}

ArrayRef<int64_t> ShapeContext::getDims(unsigned i) const {
  return cast<RankedTensorType>(op->getOperand(i).getType()).getShape();
}

static DenseElementsAttr constantOperand(Operation *op, unsigned i) {
  if (i >= op->getNumOperands())
    return nullptr;
  auto constant = op->getOperand(i).getDefiningOp<ConstantOp>();
  if (!constant)
    return nullptr;
  return dyn_cast<DenseElementsAttr>(constant.getValue());
}

std::optional<SmallVector<int64_t>> ShapeContext::getIntValues(unsigned i) const {
  DenseElementsAttr dense = constantOperand(op, i);
  if (!dense || !dense.getElementType().isIntOrIndex())
    return std::nullopt;
  SmallVector<int64_t> values;
  for (const APInt &value : dense.getValues<APInt>())
    values.push_back(dense.getElementType().isUnsignedInteger() ? value.getZExtValue()
                                                                : value.getSExtValue());
  return values;
}

std::optional<SmallVector<double>> ShapeContext::getFloatValues(unsigned i) const {
  DenseElementsAttr dense = constantOperand(op, i);
  if (!dense || !isa<FloatType>(dense.getElementType()))
    return std::nullopt;
  SmallVector<double> values;
  for (const APFloat &value : dense.getValues<APFloat>())
    values.push_back(value.convertToDouble());
  return values;
}

void ShapeContext::setAllResults(const InferredShape &shape) {
  for (InferredShape &result : results)
    result = shape;
}

LogicalResult mlir::hone::inferShapes(Operation *op, SmallVectorImpl<InferredShape> &results) {
  auto shapeFunction = dyn_cast<ShapeFunctionOpInterface>(op);
  results.assign(op->getNumResults(), InferredShape::unranked());
  if (!shapeFunction)
    return success();
  ShapeContext context(op);
  if (failed(shapeFunction.inferResultShapes(context)))
    return failure();
  for (unsigned i = 0; i < op->getNumResults(); ++i)
    results[i] = context.getResult(i);
  return success();
}

LogicalResult mlir::hone::verifyResultShapes(Operation *op) {
  SmallVector<InferredShape> inferred;
  if (failed(inferShapes(op, inferred)))
    return failure();
  for (unsigned i = 0; i < op->getNumResults(); ++i) {
    auto declared = dyn_cast<RankedTensorType>(op->getResult(i).getType());
    if (!declared || !inferred[i].ranked)
      continue;
    ArrayRef<int64_t> dims = inferred[i].dims;
    if (declared.getRank() != static_cast<int64_t>(dims.size()))
      return op->emitOpError() << "result #" << i << " has rank " << declared.getRank()
                               << ", but its operands give rank " << dims.size();
    for (int64_t d = 0; d < declared.getRank(); ++d)
      if (!declared.isDynamicDim(d) && !ShapedType::isDynamic(dims[d]) &&
          declared.getDimSize(d) != dims[d])
        return op->emitOpError() << "result #" << i << " has dim " << d << " = "
                                 << declared.getDimSize(d) << ", but its operands give "
                                 << dims[d];
  }
  return success();
}

Type mlir::hone::refinedType(Type declared, const InferredShape &inferred) {
  auto shaped = dyn_cast<TensorType>(declared);
  if (!shaped || !inferred.ranked)
    return nullptr;
  if (!shaped.hasRank())
    return RankedTensorType::get(inferred.dims, shaped.getElementType());
  if (shaped.getRank() != static_cast<int64_t>(inferred.dims.size()))
    return nullptr;
  SmallVector<int64_t> dims(shaped.getShape());
  bool changed = false;
  for (size_t d = 0; d < dims.size(); ++d) {
    if (ShapedType::isDynamic(dims[d]) && !ShapedType::isDynamic(inferred.dims[d])) {
      dims[d] = inferred.dims[d];
      changed = true;
    } else if (!ShapedType::isDynamic(dims[d]) && !ShapedType::isDynamic(inferred.dims[d]) &&
               dims[d] != inferred.dims[d]) {
      return nullptr;
    }
  }
  return changed ? RankedTensorType::get(dims, shaped.getElementType()) : nullptr;
}

bool mlir::hone::refineResultTypes(Operation *op) {
  if (!isa<ShapeFunctionOpInterface>(op))
    return false;
  SmallVector<InferredShape> shapes;
  // An ill-formed op fails its shape function with an error; the verifier
  // reports the same later, so stay quiet here.
  ScopedDiagnosticHandler quiet(op->getContext(), [](Diagnostic &) { return success(); });
  if (failed(inferShapes(op, shapes)))
    return false;
  bool changed = false;
  for (auto [result, shape] : llvm::zip(op->getResults(), shapes))
    if (Type type = refinedType(result.getType(), shape)) {
      result.setType(type);
      changed = true;
    }
  return changed;
}
