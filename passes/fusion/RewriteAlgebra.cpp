//===- RewriteAlgebra.cpp - Greedy rewriting by algebraic properties ------===//
//
// The driver of AlgebraRules.h: canonical forms first, then, as long as some
// rule saves FLOPs, the best rewrite of all partitions is applied. The
// partitions are disjoint and each rewrite stays inside one, so taking the
// best over all of them applies, per partition, the rewrites the paper's
// greedy loop does. Every applied rewrite lowers the FLOP count by at least
// one, so the loop ends.
//
//===----------------------------------------------------------------------===//
#include "passes/fusion/Passes.h"

#include "passes/fusion/AlgebraRules.h"
#include "passes/fusion/RewriteSupport.h"

#include "llvm/ADT/EquivalenceClasses.h"
#include "llvm/ADT/StringSet.h"

namespace mlir::hone {
#define GEN_PASS_DEF_REWRITEALGEBRAPASS
#include "passes/fusion/Passes.h.inc"
} // namespace mlir::hone

using namespace mlir;
using namespace mlir::hone;
using namespace mlir::hone::rewrite;

namespace {

/// A bound on rewrites per function, far above what graphs need; each one
/// saves FLOPs, so it is only a guard against a rule that misjudges.
constexpr int kMaxRewrites = 10000;

struct RewriteAlgebraPass final : mlir::hone::impl::RewriteAlgebraPassBase<RewriteAlgebraPass> {
  using Base::Base;
  void runOnOperation() override;

  /// The algebraic ops of the function, and how many partitions they form.
  SmallVector<Operation *> members(unsigned &partitions);
};

SmallVector<Operation *> RewriteAlgebraPass::members(unsigned &partitions) {
  SmallVector<Operation *> ops;
  llvm::EquivalenceClasses<Operation *> classes;
  getOperation().walk([&](Operation *op) {
    if (!isAlgebraic(op))
      return;
    ops.push_back(op);
    classes.insert(op);
    for (Value operand : op->getOperands())
      if (Operation *producer = operand.getDefiningOp(); producer && isAlgebraic(producer))
        classes.unionSets(op, producer);
  });
  partitions = 0;
  for (auto it = classes.begin(); it != classes.end(); ++it)
    partitions += it->isLeader();
  return ops;
}

void RewriteAlgebraPass::runOnOperation() {
  llvm::StringSet<> enabled;
  for (const std::string &name : rules) {
    if (!llvm::any_of(algebraRules(), [&](const AlgebraRule &rule) { return rule.name == name; })) {
      getOperation().emitError() << "unknown algebraic rewrite rule '" << name << "'";
      return signalPassFailure();
    }
    enabled.insert(name);
  }
  SmallVector<Operation *> canonical;
  getOperation().walk([&](Operation *op) { canonical.push_back(op); });
  for (Operation *op : canonical)
    numCanonicalized += canonicalize(op);

  unsigned partitions = 0;
  for (int round = 0; round < kMaxRewrites; ++round) {
    SmallVector<Operation *> ops = members(partitions);
    if (round == 0)
      numPartitions = partitions;
    const AlgebraRule *bestRule = nullptr;
    Operation *bestRoot = nullptr;
    Candidate best;
    SmallVector<Candidate> candidates;
    SmallVector<Candidate> atOtherSize;
    for (Operation *op : ops)
      for (const AlgebraRule &rule : algebraRules()) {
        if ((rule.relaxed && !relaxedMath) || (!enabled.empty() && !enabled.contains(rule.name)))
          continue;
        candidates.clear();
        rule.match(op, candidates);
        // A rewrite must pay off whatever the `?` dims are: its saving is
        // the least over the costing sizes.
        for (int64_t size : ArrayRef<int64_t>(kDynamicDimSizes).drop_front()) {
          CostingDynamicDim costing(size);
          atOtherSize.clear();
          rule.match(op, atOtherSize);
          bool sameList = atOtherSize.size() == candidates.size();
          assert(sameList && "rules offer one list at every size");
          for (auto [i, candidate] : llvm::enumerate(candidates))
            candidate.flopsSaved =
                sameList ? std::min(candidate.flopsSaved, atOtherSize[i].flopsSaved) : 0;
        }
        for (Candidate &candidate : candidates)
          if (candidate.flopsSaved >= 1 && candidate.flopsSaved > best.flopsSaved) {
            best = std::move(candidate);
            bestRule = &rule;
            bestRoot = op;
          }
      }
    if (!bestRule)
      return;
    if (remarks)
      bestRoot->emitRemark() << "algebraic rewrite '" << bestRule->name << "' ("
                             << bestRule->property << ") saves "
                             << static_cast<int64_t>(best.flopsSaved) << " FLOPs";
    OpBuilder builder(bestRoot);
    replaceAndErase(bestRoot, best.build(builder));
    ++numRewrites;
    flopsSaved += static_cast<uint64_t>(best.flopsSaved);
  }
}

} // namespace
