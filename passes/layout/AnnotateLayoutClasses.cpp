//===- AnnotateLayoutClasses.cpp - Layout classes written on the IR -------===//
//
// What the layout passes ask of the ops (LayoutOpInterface) and what the
// producer-consumer table decides for each edge, as attributes: for
// inspection and for the tests of every table cell.
//
//===----------------------------------------------------------------------===//
#include "passes/layout/LayoutTable.h"
#include "passes/layout/Passes.h"

namespace mlir::hone {
#define GEN_PASS_DEF_ANNOTATELAYOUTCLASSESPASS
#include "passes/layout/Passes.h.inc"
} // namespace mlir::hone

using namespace mlir;
using namespace mlir::hone;

namespace {

struct AnnotateLayoutClassesPass final
    : mlir::hone::impl::AnnotateLayoutClassesPassBase<AnnotateLayoutClassesPass> {
  using Base::Base;
  void runOnOperation() override;
};

void AnnotateLayoutClassesPass::runOnOperation() {
  func::FuncOp func = getOperation();
  if (!func.getBody().hasOneBlock())
    return;
  Builder b(&getContext());
  Block &body = func.getBody().front();
  for (Operation &op : body) {
    auto layout = dyn_cast<LayoutOpInterface>(op);
    if (!layout || isa<ConstantOp>(op))
      continue;
    SmallVector<Attribute> reductions, edges;
    for (unsigned i = 0; i < op.getNumOperands(); ++i) {
      reductions.push_back(b.getDenseI64ArrayAttr(layout.getReductionDims(i)));
      Operation *producer = op.getOperand(i).getDefiningOp();
      auto from = producer && producer->getBlock() == &body ? dyn_cast<LayoutOpInterface>(producer)
                                                            : LayoutOpInterface();
      if (!from || isa<ConstantOp>(producer)) {
        edges.push_back(b.getStringAttr("none"));
        continue;
      }
      EdgeRule rule = edgeRule(from.getLayoutClass(), layout.getLayoutClass());
      std::string text = stringifyEdgeAction(rule.action).str() + ":" +
                         (rule.result ? stringifyLayoutClass(*rule.result).str() : std::string("none")) +
                         ":" + stringifyLayoutSearch(rule.search).str();
      edges.push_back(b.getStringAttr(text));
    }
    op.setAttr("hone.layout_class", b.getStringAttr(stringifyLayoutClass(layout.getLayoutClass())));
    op.setAttr("hone.reduction_dims", b.getArrayAttr(reductions));
    op.setAttr("hone.layout_edges", b.getArrayAttr(edges));
  }
}

} // namespace
