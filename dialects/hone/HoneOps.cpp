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

LogicalResult FusedOp::verify() {
  if (!symbolizeMappingType(getFusedMapping()))
    return emitOpError() << "has an unknown fused_mapping '" << getFusedMapping() << "'";
  if (std::optional<int64_t> strips = getRowStrips(); strips && *strips < 1)
    return emitOpError() << "has row_strips " << *strips << ", expected at least 1";
  if (std::optional<int64_t> bytes = getStripMinBytes();
      bytes && (*bytes < 1 || !getRowStrips() || getInputs().empty() || !getInputs().back().getDefiningOp<FusedOp>()))
    return emitOpError() << "has strip_min_bytes " << *bytes
                         << ", expected a positive size, row_strips, and a last input that a hone.fused op computes";
  Block &body = getBody().front();
  if (body.getNumArguments() != getInputs().size())
    return emitOpError() << "body takes " << body.getNumArguments() << " arguments for "
                         << getInputs().size() << " inputs";
  for (auto [argument, input] : llvm::zip(body.getArguments(), getInputs()))
    if (argument.getType() != input.getType())
      return emitOpError() << "body argument " << argument.getArgNumber() << " has type "
                           << argument.getType() << ", its input " << input.getType();
  auto yield = dyn_cast<YieldOp>(body.getTerminator());
  if (!yield)
    return emitOpError() << "body must end with hone.yield";
  if (yield.getValues().getTypes() != getResultTypes())
    return emitOpError() << "body yields " << yield.getValues().size()
                         << " values whose types differ from the op's results";
  for (Operation &op : body.without_terminator())
    if (!isa<FusionOpInterface, ConstantOp, NoneOp>(op))
      return op.emitOpError() << "cannot be fused (no mapping type)";
  return success();
}

MappingType FusedOp::getMappingType() {
  return symbolizeMappingType(getFusedMapping()).value_or(MappingType::ManyToMany);
}

#define GET_OP_CLASSES
#include "dialects/hone/HoneOps.cpp.inc"
