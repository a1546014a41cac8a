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

ShapeResult ShapeResult::ofRank(int64_t rank) {
  if (rank < 0 || rank > kMaxTrackedRank)
    return unranked();
  SmallVector<DimExpr> dims;
  for (int64_t i = 0; i < rank; ++i)
    dims.push_back(DimExpr::unknown());
  return {true, std::move(dims)};
}

ShapeContext::ShapeContext(Operation *op)
    : op(op), operandDims(op->getNumOperands()), operandRanked(op->getNumOperands(), false),
      operandValues(op->getNumOperands()), results(op->getNumResults(), ShapeResult::unranked()),
      resultValues(op->getNumResults()) {
  for (unsigned i = 0; i < op->getNumOperands(); ++i) {
    auto type = dyn_cast<RankedTensorType>(op->getOperand(i).getType());
    if (!type)
      continue;
    operandRanked[i] = true;
    for (int64_t d = 0; d < type.getRank(); ++d)
      operandDims[i].push_back(type.isDynamicDim(d) ? DimExpr::operandDim(i, d)
                                                    : DimExpr(type.getDimSize(d)));
  }
}

ShapeContext::ShapeContext(Operation *op, ArrayRef<OperandView> operands) : ShapeContext(op) {
  for (unsigned i = 0; i < op->getNumOperands() && i < operands.size(); ++i) {
    if (isa<NoneType>(op->getOperand(i).getType()))
      continue;
    operandRanked[i] = operands[i].ranked;
    operandDims[i] = operands[i].dims;
    operandValues[i] = operands[i].values;
  }
}

LogicalResult ShapeContext::inferValues() {
  auto valueFunction = dyn_cast<ValueFunctionOpInterface>(op);
  if (!valueFunction)
    return success();
  return valueFunction.inferResultValues(*this);
}

void ShapeContext::setResultValues(unsigned i, SmallVector<DimExpr> values) {
  if (values.size() <= static_cast<size_t>(kMaxValueElements))
    resultValues[i] = std::move(values);
}

LogicalResult ShapeContext::infer() {
  auto shapeFunction = dyn_cast<ShapeFunctionOpInterface>(op);
  if (!shapeFunction)
    return success();
  return shapeFunction.inferResultShapes(*this);
}

bool ShapeContext::isAbsent(unsigned i) const {
  return i >= op->getNumOperands() || isa<NoneType>(op->getOperand(i).getType());
}

bool ShapeContext::hasRank(unsigned i) const {
  if (isAbsent(i))
    return false;
  return operandRanked[i];
}

int64_t ShapeContext::getRank(unsigned i) const {
  return static_cast<int64_t>(operandDims[i].size());
}

static DenseElementsAttr constantOperand(Operation *op, unsigned i) {
  if (i >= op->getNumOperands())
    return nullptr;
  auto constant = op->getOperand(i).getDefiningOp<ConstantOp>();
  if (!constant)
    return nullptr;
  return dyn_cast<DenseElementsAttr>(constant.getValue());
}

static bool allConstantValues(ArrayRef<DimExpr> values) {
  return llvm::all_of(values, [](const DimExpr &v) { return v.getConstant().has_value(); });
}

/// The element count of operand `i` when its values can be seen as leaves:
/// a small static 0-D or 1-D tensor.
static std::optional<int64_t> leafCount(Operation *op, unsigned i) {
  if (i >= op->getNumOperands())
    return std::nullopt;
  auto type = dyn_cast<RankedTensorType>(op->getOperand(i).getType());
  if (!type || type.getRank() > 1 || !type.hasStaticShape() ||
      type.getNumElements() > kMaxValueElements)
    return std::nullopt;
  return type.getNumElements();
}

std::optional<int64_t> ShapeContext::valueCount(unsigned i) const {
  if (std::optional<int64_t> count = leafCount(op, i))
    return count;
  return i < pinnedLengths.size() ? pinnedLengths[i] : std::nullopt;
}

LogicalResult ShapeContext::pinLength(unsigned i, int64_t count, const Twine &what) {
  if (isAbsent(i) || !hasRank(i) || getRank(i) != 1 || count > kMaxValueElements ||
      operandDims[i][0].getConstant())
    return success(); // static (its own checks apply) or not pinnable
  if (failed(require(eq(operandDims[i][0], DimExpr(count)),
                     "expected " + Twine(count) + " " + what + ", got " + operandDims[i][0].str())))
    return failure();
  pinnedLengths.resize(op->getNumOperands());
  pinnedLengths[i] = count;
  return success();
}

std::optional<int64_t> ShapeContext::declaredResultRank(unsigned i) const {
  if (i >= op->getNumResults())
    return std::nullopt;
  if (auto type = dyn_cast<RankedTensorType>(op->getResult(i).getType()))
    return type.getRank();
  return std::nullopt;
}

std::optional<SmallVector<DimExpr>> ShapeContext::getIntValues(unsigned i) const {
  if (isAbsent(i))
    return std::nullopt;
  if (operandValues[i])
    return *operandValues[i];
  if (DenseElementsAttr dense = constantOperand(op, i)) {
    if (!dense.getElementType().isIntOrIndex())
      return std::nullopt;
    SmallVector<DimExpr> values;
    for (const APInt &value : dense.getValues<APInt>())
      values.push_back(DimExpr(dense.getElementType().isUnsignedInteger()
                                   ? static_cast<int64_t>(value.getZExtValue())
                                   : value.getSExtValue()));
    return values;
  }
  auto type = cast<ShapedType>(op->getOperand(i).getType());
  std::optional<int64_t> count = valueCount(i);
  if (!count || !type.getElementType().isIntOrIndex() || type.getElementType().isInteger(1))
    return std::nullopt;
  SmallVector<DimExpr> values;
  for (int64_t k = 0; k < *count; ++k)
    values.push_back(DimExpr::operandValue(i, k, /*isFloat=*/false));
  return values;
}

std::optional<SmallVector<DimExpr>> ShapeContext::getFloatValues(unsigned i) const {
  if (isAbsent(i))
    return std::nullopt;
  if (DenseElementsAttr dense = constantOperand(op, i)) {
    SmallVector<DimExpr> values;
    if (isa<FloatType>(dense.getElementType())) {
      for (const APFloat &value : dense.getValues<APFloat>())
        values.push_back(DimExpr::floatConstant(value.convertToDouble()));
      return values;
    }
  }
  if (std::optional<SmallVector<DimExpr>> ints = getIntValues(i)) {
    for (DimExpr &value : *ints)
      value = toFloat(value);
    return ints;
  }
  auto type = cast<ShapedType>(op->getOperand(i).getType());
  std::optional<int64_t> count = valueCount(i);
  if (!count || !isa<FloatType>(type.getElementType()))
    return std::nullopt;
  SmallVector<DimExpr> values;
  for (int64_t k = 0; k < *count; ++k)
    values.push_back(DimExpr::operandValue(i, k, /*isFloat=*/true));
  return values;
}

std::optional<SmallVector<int64_t>> ShapeContext::getConstantInts(unsigned i) const {
  if (i < operandValues.size() && operandValues[i] && allConstantValues(*operandValues[i])) {
    SmallVector<int64_t> values;
    for (const DimExpr &v : *operandValues[i])
      values.push_back(*v.getConstant());
    return values;
  }
  DenseElementsAttr dense = constantOperand(op, i);
  if (!dense || !dense.getElementType().isIntOrIndex())
    return std::nullopt;
  SmallVector<int64_t> values;
  for (const APInt &value : dense.getValues<APInt>())
    values.push_back(dense.getElementType().isUnsignedInteger()
                         ? static_cast<int64_t>(value.getZExtValue())
                         : value.getSExtValue());
  return values;
}

void ShapeContext::setAllResults(const ShapeResult &shape) {
  for (ShapeResult &result : results)
    result = shape;
}

LogicalResult ShapeContext::require(const DimExpr &condition, const Twine &message) {
  if (std::optional<int64_t> known = condition.getConstant()) {
    if (*known != 0)
      return success();
    return op->emitOpError() << message, failure();
  }
  if (condition.hasUnknown())
    return success(); // nothing can be checked, now or at run time
  checks.push_back({condition, message.str()});
  return success();
}

FailureOr<DimExpr> ShapeContext::requireEqual(const DimExpr &a, const DimExpr &b,
                                              const Twine &message) {
  if (failed(require(eq(a, b), message)))
    return failure();
  if (a.getConstant())
    return a;
  if (b.getConstant() || a.hasUnknown())
    return b;
  return a;
}

void ShapeContext::setAux(StringRef name, SmallVector<DimExpr> values) {
  for (auto &[key, stored] : aux)
    if (key == name) {
      stored = std::move(values);
      return;
    }
  aux.push_back({name.str(), std::move(values)});
}

const SmallVector<DimExpr> *ShapeContext::getAux(StringRef name) const {
  for (auto &[key, stored] : aux)
    if (key == name)
      return &stored;
  return nullptr;
}

LogicalResult mlir::hone::inferShapes(Operation *op, SmallVectorImpl<InferredShape> &results) {
  results.assign(op->getNumResults(), InferredShape::unranked());
  ShapeContext context(op);
  if (failed(context.infer()))
    return failure();
  for (unsigned i = 0; i < op->getNumResults(); ++i) {
    const ShapeResult &shape = context.getResult(i);
    if (!shape.ranked)
      continue;
    SmallVector<int64_t> dims;
    for (const DimExpr &d : shape.dims) {
      std::optional<int64_t> known = d.getConstant();
      // A negative constant is an ill-formed op the verifier reports; as
      // a type it stays unknown.
      dims.push_back(known && *known >= 0 ? *known : ShapedType::kDynamic);
    }
    results[i] = InferredShape::of(dims);
  }
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
