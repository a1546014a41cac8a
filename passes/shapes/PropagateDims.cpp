//===- PropagateDims.cpp - Symbolic dims written on the IR ----------------===//
//
// The analysis' results as attributes: a list is printed "[d0, d1, ...]"
// with the symbols' names.
//
//===----------------------------------------------------------------------===//
#include "passes/shapes/Passes.h"
#include "passes/shapes/SymbolicShapes.h"

#include "dialects/hone/HoneOps.h"

namespace mlir::hone {
#define GEN_PASS_DEF_PROPAGATEDIMSPASS
#include "passes/shapes/Passes.h.inc"
} // namespace mlir::hone

using namespace mlir;
using namespace mlir::hone;

namespace {

std::string printList(const SymbolicShapes &shapes, ArrayRef<DimExpr> list) {
  std::string text = "[";
  for (size_t i = 0; i < list.size(); ++i)
    text += (i ? ", " : "") + shapes.print(list[i]);
  return text + "]";
}

std::string describeSymbol(const SymbolicShapes &shapes, const DimSymbol &symbol) {
  switch (symbol.origin) {
  case DimSymbol::InputDim:
    return symbol.name + ": input " + std::to_string(symbol.argument) + " dim " +
           std::to_string(symbol.dim);
  case DimSymbol::Data:
    return symbol.name + ": read at run time";
  case DimSymbol::AfterRun:
    return symbol.name + ": known after the op runs" +
           (symbol.upperBound.isValid() ? ", at most " + shapes.print(symbol.upperBound) : "");
  case DimSymbol::Opaque:
    return symbol.name + ": unknown";
  }
  return symbol.name;
}

struct PropagateDimsPass final : mlir::hone::impl::PropagateDimsPassBase<PropagateDimsPass> {
  using Base::Base;
  void runOnOperation() override;
};

void PropagateDimsPass::runOnOperation() {
  func::FuncOp func = getOperation();
  if (!func.getBody().hasOneBlock())
    return;
  SymbolicShapes shapes(func);
  Builder b(&getContext());
  for (Operation &op : func.getBody().front()) {
    if (op.getNumResults() == 0 || isa<NoneOp>(op))
      continue;
    SmallVector<Attribute> dims, values;
    bool anyValues = false;
    for (Value result : op.getResults()) {
      const TensorDims &t = shapes.get(result);
      dims.push_back(b.getStringAttr(t.ranked ? printList(shapes, t.dims) : "unranked"));
      values.push_back(b.getStringAttr(t.values ? printList(shapes, *t.values) : ""));
      anyValues |= t.values.has_value();
    }
    op.setAttr("hone.dims", b.getArrayAttr(dims));
    if (anyValues && !isa<ConstantOp>(op))
      op.setAttr("hone.values", b.getArrayAttr(values));
  }
  SmallVector<Attribute> symbols, assumptions;
  for (const DimSymbol &symbol : shapes.getSymbols())
    symbols.push_back(b.getStringAttr(describeSymbol(shapes, symbol)));
  for (const auto &[id, value] : shapes.getAssumptions())
    assumptions.push_back(b.getStringAttr(shapes.getSymbols()[id].name + " = " + shapes.print(value)));
  func->setAttr("hone.symbols", b.getArrayAttr(symbols));
  if (!assumptions.empty())
    func->setAttr("hone.assumptions", b.getArrayAttr(assumptions));
}

} // namespace
