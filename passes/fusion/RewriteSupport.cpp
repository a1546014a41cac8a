//===- RewriteSupport.cpp - What graph rewrites before fusion share -------===//
#include "passes/fusion/RewriteSupport.h"

#include "compiler/reference/Evaluator.h"
#include "dialects/hone/HoneOps.h"
#include "dialects/hone/ShapeFunction.h"

#include "mlir/Interfaces/SideEffectInterfaces.h"

using namespace mlir;
using namespace mlir::hone;

std::optional<SmallVector<int64_t>> rewrite::shapeOf(Value value) {
  auto type = dyn_cast<RankedTensorType>(value.getType());
  if (!type)
    return std::nullopt;
  return SmallVector<int64_t>(type.getShape());
}

static thread_local int64_t costingDynamicDim = rewrite::kDynamicDimSizes[0];

rewrite::CostingDynamicDim::CostingDynamicDim(int64_t size) : saved(costingDynamicDim) {
  costingDynamicDim = size;
}

rewrite::CostingDynamicDim::~CostingDynamicDim() { costingDynamicDim = saved; }

double rewrite::elementCount(ArrayRef<int64_t> shape) {
  double count = 1;
  for (int64_t dim : shape)
    count *= ShapedType::isDynamic(dim) ? costingDynamicDim : dim;
  return count;
}

double rewrite::elementCount(Value value) {
  std::optional<SmallVector<int64_t>> shape = shapeOf(value);
  return shape ? elementCount(*shape) : 1e9;
}

SmallVector<int64_t> rewrite::broadcastShape(ArrayRef<int64_t> a, ArrayRef<int64_t> b) {
  size_t rank = std::max(a.size(), b.size());
  SmallVector<int64_t> result(rank, 1);
  for (size_t i = 0; i < rank; ++i) {
    int64_t da = i < rank - a.size() ? 1 : a[i - (rank - a.size())];
    int64_t db = i < rank - b.size() ? 1 : b[i - (rank - b.size())];
    if (da == 1)
      result[i] = db;
    else if (db == 1)
      result[i] = da;
    else
      result[i] = ShapedType::isDynamic(da) ? db : da;
  }
  return result;
}

bool rewrite::isFloatTensor(Value value) {
  auto type = dyn_cast<RankedTensorType>(value.getType());
  return type && isa<FloatType>(type.getElementType());
}

static bool isConstantValue(Value value, int depth) {
  Operation *op = value.getDefiningOp();
  if (!op)
    return false;
  if (isa<ConstantOp>(op))
    return true;
  if (depth == 0 || !isa<OnnxOpInterface>(op) || op->getNumRegions() != 0 || !isMemoryEffectFree(op))
    return false;
  return llvm::all_of(op->getOperands(), [&](Value operand) {
    return isa<NoneType>(operand.getType()) || isConstantValue(operand, depth - 1);
  });
}

bool rewrite::isConstantValue(Value value) { return ::isConstantValue(value, /*depth=*/8); }

std::optional<double> rewrite::scalarConstant(Value value) {
  auto constant = value.getDefiningOp<ConstantOp>();
  if (!constant || constant.getValue().getNumElements() != 1)
    return std::nullopt;
  std::string error;
  FailureOr<ref::Tensor> tensor = tensorFromElementsAttr(constant.getValue(), error);
  if (failed(tensor))
    return std::nullopt;
  return tensor->getDouble(0);
}

std::optional<SmallVector<int64_t>> rewrite::intConstant(Value value) {
  auto constant = value.getDefiningOp<ConstantOp>();
  if (!constant || !constant.getValue().getElementType().isInteger(64))
    return std::nullopt;
  std::string error;
  FailureOr<ref::Tensor> tensor = tensorFromElementsAttr(constant.getValue(), error);
  if (failed(tensor))
    return std::nullopt;
  SmallVector<int64_t> values;
  for (int64_t i = 0; i < tensor->numel(); ++i)
    values.push_back(tensor->getInt(i));
  return values;
}

Operation *rewrite::createInferred(OpBuilder &builder, Location loc, StringRef name,
                                   ValueRange operands, ArrayRef<NamedAttribute> attributes,
                                   unsigned numResults) {
  Type element;
  for (Value operand : operands)
    if (auto shaped = dyn_cast<ShapedType>(operand.getType())) {
      element = shaped.getElementType();
      break;
    }
  OperationState state(loc, name);
  state.addOperands(operands);
  state.addAttributes(attributes);
  for (unsigned i = 0; i < numResults; ++i)
    state.addTypes(UnrankedTensorType::get(element));
  Operation *op = builder.create(state);
  refineResultTypes(op);
  return op;
}

Value rewrite::scalarLike(OpBuilder &builder, Location loc, Value like, double value) {
  Type element = cast<ShapedType>(like.getType()).getElementType();
  auto type = RankedTensorType::get({}, element);
  return builder.create<ConstantOp>(
      loc, DenseElementsAttr::get(type, builder.getFloatAttr(element, value)));
}

Value rewrite::int64Vector(OpBuilder &builder, Location loc, ArrayRef<int64_t> values) {
  auto type = RankedTensorType::get({static_cast<int64_t>(values.size())}, builder.getI64Type());
  return builder.create<ConstantOp>(loc, DenseElementsAttr::get(type, values));
}

void rewrite::replaceAndErase(Operation *root, Value replacement) {
  Value result = root->getResult(0);
  // Rewrites keep the value's shape; the declared type may know more than the
  // new op's shape function could (a refined func result), so it stays.
  // Only a fresh op (no uses yet) takes the type: an existing value keeps
  // its own for its other users.
  if (replacement.getType() != result.getType() && replacement.use_empty() &&
      replacement.getDefiningOp() && !isa<ConstantOp>(replacement.getDefiningOp()))
    replacement.setType(result.getType());
  result.replaceAllUsesWith(replacement);
  SmallVector<Operation *> worklist{root};
  while (!worklist.empty()) {
    Operation *op = worklist.pop_back_val();
    if (!op->use_empty() || !isMemoryEffectFree(op) || op->getNumRegions() != 0)
      continue;
    for (Value operand : op->getOperands())
      if (Operation *producer = operand.getDefiningOp())
        worklist.push_back(producer);
    op->dropAllUses();
    op->erase();
    // A producer reached twice is skipped the second time: it still has
    // uses, or it is already gone from the list's later entries.
    llvm::erase(worklist, op);
  }
}
