//===- HoneOps.cpp - hone ops ----------------------------------------------===//
//
// Folders of the hand-written ops and the generated op definitions. Op
// verifiers live in ops/.
//
//===----------------------------------------------------------------------===//
#include "dialects/hone/HoneOps.h"

using namespace mlir;
using namespace mlir::hone;

#include "dialects/hone/HoneInterfaces.cpp.inc"

OpFoldResult ConstantOp::fold(FoldAdaptor) { return getValue(); }

OpFoldResult NoneOp::fold(FoldAdaptor) { return UnitAttr::get(getContext()); }

#define GET_OP_CLASSES
#include "dialects/hone/HoneOps.cpp.inc"
