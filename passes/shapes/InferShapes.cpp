//===- InferShapes.cpp - Result types from the ops' shape functions -------===//
//
// The join of a declared type and an inferred shape keeps every fact either
// gives (a static dim from either side); a conflict is left to the
// verifier, which reports it at the op. A graph output's declared type
// (`hone.declared_type`, from the importer) is a promise to the app that
// links the library: a computed type it does not admit is an error at the
// node that computes the output.
//
//===----------------------------------------------------------------------===//
#include "passes/shapes/Passes.h"

#include "dialects/hone/HoneOps.h"

#include "mlir/IR/TypeUtilities.h"

namespace mlir::hone {
#define GEN_PASS_DEF_INFERSHAPESPASS
#include "passes/shapes/Passes.h.inc"
} // namespace mlir::hone

using namespace mlir;
using namespace mlir::hone;

namespace {

/// Whether `computed` is a type the model's declared `declared` admits: the
/// same element type and, where both have ranks, the same rank and no
/// static dim that differs.
bool admits(Type declared, Type computed) {
  if (getElementTypeOrSelf(declared) != getElementTypeOrSelf(computed))
    return false;
  return succeeded(verifyCompatibleShape(declared, computed));
}

struct InferShapesPass final : mlir::hone::impl::InferShapesPassBase<InferShapesPass> {
  using Base::Base;
  void runOnOperation() override;
};

void InferShapesPass::runOnOperation() {
  func::FuncOp func = getOperation();
  // Pre-order: an op's operands are refined before the op is asked.
  func.walk<WalkOrder::PreOrder>([&](Operation *op) { refineResultTypes(op); });
  if (func.getBody().empty())
    return;
  Operation *terminator = func.getBody().back().getTerminator();
  func.setType(FunctionType::get(&getContext(), func.getArgumentTypes(),
                                 terminator->getOperandTypes()));
  for (auto [index, value] : llvm::enumerate(terminator->getOperands())) {
    auto declared = func.getResultAttrOfType<TypeAttr>(index, "hone.declared_type");
    if (!declared || admits(declared.getValue(), value.getType()))
      continue;
    auto name = func.getResultAttrOfType<StringAttr>(index, "hone.name");
    Operation *producer = value.getDefiningOp();
    InFlightDiagnostic diag = emitError(producer ? producer->getLoc() : func.getLoc());
    diag << "graph output '" << (name ? name.getValue() : StringRef("?")) << "' is declared "
         << declared.getValue() << ", but the model computes " << value.getType();
    signalPassFailure();
  }
}

} // namespace
