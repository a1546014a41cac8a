//===- RowTiles.cpp - Row-wise producers computed in a matmul's tiles ------===//
#include "passes/fusion/RowTiles.h"

#include "dialects/hone/HoneOps.h"
#include "dialects/hone/ops/MappingTypes.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

using namespace mlir;
using namespace mlir::hone;

namespace {

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
      // The product's tasks become rows of its tiles (each computes its
      // rows' softmax once): too few of them leave threads idle (measured
      // 0.82x at bert_mini's 16 tokens, 8 tasks). Representative sizes
      // where the dims are symbolic.
      const TensorDims &dims = graph.shapes.get(matmul->getResult(0));
      if (!dims.ranked || dims.dims.size() < 2)
        continue;
      double tasks = 1;
      bool known = true;
      for (size_t d = 0; d + 1 < dims.dims.size(); ++d) {
        std::optional<int64_t> size =
            dims.dims[d].isValid() ? graph.shapes.representative(dims.dims[d]) : std::nullopt;
        if (!size) {
          known = false;
          break;
        }
        int64_t count = d + 2 == dims.dims.size() ? (*size + options.tileRows - 1) / options.tileRows : *size;
        tasks *= static_cast<double>(std::max<int64_t>(count, 0));
      }
      if (!known || tasks < static_cast<double>(options.minRowTileTasks))
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
