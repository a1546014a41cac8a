//===- RowTiles.cpp - Row-wise producers computed in a matmul's tiles ------===//
#include "passes/fusion/RowTiles.h"

#include "dialects/hone/HoneOps.h"
#include "dialects/hone/ops/MappingTypes.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

using namespace mlir;
using namespace mlir::hone;

namespace {

/// FLOP-equivalents per element of a softmax row (two reads, an
/// exponential, a division; vectorized), for the cost of recomputing it.
constexpr double kSoftmaxWorkPerElement = 16;

MappingType typeOf(Operation *op) { return cast<FusionOpInterface>(op).getMappingType(); }

} // namespace

void mlir::hone::mergeRowTileProducers(std::vector<FusionGroup> &groups, const GroupGraph &graph,
                                       const FusionTable &table, const FusionOptions &options) {
  if (options.profile == FusionOptions::Profile::Never)
    return;
  llvm::DenseMap<Operation *, size_t> groupOf;
  for (size_t g = 0; g < groups.size(); ++g)
    for (Operation *op : groups[g].ops)
      groupOf[op] = g;
  for (size_t g = 0; g < groups.size(); ++g) {
    FusionGroup &consumer = groups[g];
    if (consumer.rowStrips > 0 || consumer.rowTiles)
      continue;
    SmallVector<Operation *> contractions;
    for (Operation *op : consumer.ops)
      if (typeOf(op) == MappingType::ManyToMany)
        contractions.push_back(op);
    if (contractions.size() != 1 || !isa<MatMulOp>(contractions.front()))
      continue;
    Operation *matmul = contractions.front();
    Value rows = matmul->getOperand(0);
    Operation *softmax = rows.getDefiningOp();
    auto lhs = dyn_cast<RankedTensorType>(rows.getType());
    if (!softmax || !isLastAxisSoftmax(softmax) || !rows.hasOneUse() || !lhs || lhs.getRank() < 2 ||
        !groupOf.count(softmax))
      continue;
    size_t p = groupOf[softmax];
    FusionGroup &producer = groups[p];
    // The producer is the softmax with the elementwise ops before it, and
    // hands out nothing else.
    if (p == g || producer.rowStrips > 0 || producer.rowTiles ||
        static_cast<int64_t>(producer.ops.size() + consumer.ops.size()) > options.maxOps)
      continue;
    llvm::DenseSet<Operation *> producerOps(producer.ops.begin(), producer.ops.end());
    bool onlySoftmax = true;
    for (Operation *op : producer.ops) {
      if (op != softmax && typeOf(op) != MappingType::OneToOne && typeOf(op) != MappingType::OneToMany)
        onlySoftmax = false;
      for (Value result : op->getResults())
        for (Operation *user : result.getUsers())
          if (!producerOps.count(user) && !(result == rows && user == matmul))
            onlySoftmax = false;
    }
    if (!onlySoftmax)
      continue;
    const FusionRule &rule = table.rule(producer.type, consumer.type);
    if (rule.decision == FusionDecision::Never)
      continue;
    llvm::DenseSet<Operation *> extended(consumer.ops.begin(), consumer.ops.end());
    extended.insert(producer.ops.begin(), producer.ops.end());
    if (!graph.acyclic(extended))
      continue;
    if (rule.decision != FusionDecision::Fuse && options.profile == FusionOptions::Profile::Cost) {
      // Every tile across the product's columns recomputes its rows'
      // softmax; the probabilities are no longer written and read back.
      // (Representative columns where they are symbolic.)
      const TensorDims &dims = graph.shapes.get(matmul->getResult(0));
      std::optional<int64_t> columns;
      if (dims.ranked && !dims.dims.empty() && dims.dims.back().isValid())
        columns = graph.shapes.representative(dims.dims.back());
      if (!columns || *columns < 1)
        continue;
      int64_t tiles = (*columns + options.tileColumns - 1) / options.tileColumns;
      double repeated = static_cast<double>(tiles - 1) * graph.elementsOf(rows) * kSoftmaxWorkPerElement;
      double bytes = graph.bytesOf(rows);
      double saved = 2 * bytes / (bytes <= options.cacheBytes ? options.cacheBandwidth : options.bandwidth);
      if (saved <= repeated / options.peakFlops)
        continue;
    }
    consumer.ops.append(producer.ops.begin(), producer.ops.end());
    graph.sortOps(consumer.ops);
    consumer.type = rule.fused;
    consumer.rowTiles = true;
    for (Operation *op : producer.ops)
      groupOf[op] = g;
    producer.ops.clear();
  }
  llvm::erase_if(groups, [](const FusionGroup &group) { return group.ops.empty(); });
}
