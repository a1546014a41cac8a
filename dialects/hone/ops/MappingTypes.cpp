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

bool mlir::hone::isLayoutTransform(Operation *op) {
  auto fusion = dyn_cast<FusionOpInterface>(op);
  if (!fusion)
    return false;
  MappingType type = fusion.getMappingType();
  return type == MappingType::Reorganize || type == MappingType::Shuffle;
}
