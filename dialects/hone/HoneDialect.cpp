//===- HoneDialect.cpp - The hone dialect ----------------------------------===//
//
// Registers the ops and materializes constants for folding.
//
//===----------------------------------------------------------------------===//
#include "dialects/hone/HoneDialect.h"
#include "dialects/hone/HoneOps.h"

using namespace mlir;
using namespace mlir::hone;

#include "dialects/hone/HoneDialect.cpp.inc"

void HoneDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "dialects/hone/HoneOps.cpp.inc"
      >();
}

Operation *HoneDialect::materializeConstant(OpBuilder &builder, Attribute value,
                                            Type type, Location loc) {
  if (isa<NoneType>(type))
    return builder.create<NoneOp>(loc);
  if (auto elements = dyn_cast<ElementsAttr>(value))
    if (elements.getType() == type)
      return builder.create<ConstantOp>(loc, elements);
  return nullptr;
}
