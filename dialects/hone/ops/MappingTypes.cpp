//===- MappingTypes.cpp - Mapping types that depend on operands -----------===//
#include "dialects/hone/ops/MappingTypes.h"

#include "dialects/hone/HoneOps.h"
#include "mlir/IR/BuiltinTypes.h"

#include "dialects/hone/HoneEnums.cpp.inc"

using namespace mlir;
using namespace mlir::hone;

MappingType mlir::hone::mappingTypeOfElementwise(Operation *op) {
  if (op->getNumResults() == 0)
    return MappingType::OneToOne;
  auto result = dyn_cast<RankedTensorType>(op->getResult(0).getType());
  if (!result)
    return MappingType::OneToMany;
  for (Value operand : op->getOperands()) {
    if (isa<NoneType>(operand.getType()))
      continue;
    auto type = dyn_cast<RankedTensorType>(operand.getType());
    // A single element (Clip's bounds, a scalar addend) is read by every
    // output like a constant: it does not make the op One-to-Many.
    if (type && type.hasStaticShape() && type.getNumElements() == 1)
      continue;
    if (!type || type.getShape() != result.getShape())
      return MappingType::OneToMany;
  }
  return MappingType::OneToOne;
}

bool mlir::hone::isRowWindowOp(Operation *op) {
  if (!isa<ConvOp, MaxPoolOp, AveragePoolOp>(op))
    return false;
  auto input = dyn_cast<RankedTensorType>(op->getOperand(0).getType());
  auto result = dyn_cast<RankedTensorType>(op->getResult(0).getType());
  return input && result && input.getRank() == 4 && result.getRank() == 4 &&
         llvm::all_of(op->getResults().drop_front(), [](Value other) { return other.use_empty(); });
}

bool mlir::hone::isChannelLocalWindow(Operation *op) {
  if (isa<MaxPoolOp, AveragePoolOp>(op))
    return true;
  if (!isa<ConvOp>(op))
    return false;
  auto input = dyn_cast<RankedTensorType>(op->getOperand(0).getType());
  auto weights = dyn_cast<RankedTensorType>(op->getOperand(1).getType());
  if (!input || !weights || input.getRank() < 3 || weights.getRank() != input.getRank())
    return false;
  int64_t channels = input.getDimSize(1);
  std::optional<int64_t> group;
  if (auto attr = op->getAttrOfType<IntegerAttr>("group"))
    group = attr.getInt();
  return !ShapedType::isDynamic(channels) && group && *group == channels && weights.getDimSize(1) == 1 &&
         weights.getDimSize(0) == channels;
}

bool mlir::hone::isLastAxisSoftmax(Operation *op) {
  if (!isa<SoftmaxOp, LogSoftmaxOp>(op) || op->getNumOperands() != 1 || op->getNumResults() != 1)
    return false;
  auto type = dyn_cast<RankedTensorType>(op->getResult(0).getType());
  if (!type || type.getRank() < 1)
    return false;
  auto attr = op->getAttrOfType<IntegerAttr>("axis");
  int64_t axis = attr ? attr.getInt() : -1;
  return axis == -1 || axis == type.getRank() - 1;
}

bool mlir::hone::isLayoutTransform(Operation *op) {
  auto layout = dyn_cast<LayoutOpInterface>(op);
  return layout && layout.getLayoutClass() == LayoutClass::DependentFixed;
}
