//===- FusionPlanner.cpp - DNNFusion's seed-based fusion plan -------------===//
#include "passes/fusion/FusionPlanner.h"
#include "passes/fusion/GroupGraph.h"
#include "passes/fusion/RowTiles.h"
#include "passes/fusion/StripChains.h"

#include "dialects/hone/HoneOps.h"
#include "dialects/hone/ShapeFunction.h"
#include "dialects/hone/ops/Cost.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SetVector.h"

#include <algorithm>

using namespace mlir;
using namespace mlir::hone;

bool mlir::hone::isFusible(Operation *op, const SymbolicShapes &shapes) {
  if (!isa<FusionOpInterface>(op) || isa<FusedOp>(op) || op->getNumRegions() > 0 ||
      op->getNumResults() == 0)
    return false;
  for (Value result : op->getResults()) {
    auto type = dyn_cast<RankedTensorType>(result.getType());
    if (!type)
      return false;
    // A result nothing reads (MaxPool's Indices) is never computed.
    if (result.use_empty() && result != op->getResult(0))
      continue;
    // Integer tensors are shapes, indices and counts that the run function
    // may read to size what follows: they stay between kernels.
    if (type.getElementType().isInteger() && !type.getElementType().isInteger(1))
      return false;
    DimExpr bytes = shapes.bytes(result);
    if (!bytes.isValid() || !shapes.knownAtStart(bytes))
      return false;
  }
  return true;
}

namespace {

class Planner {
public:
  Planner(Block &body, const GroupGraph &graph, const FusionTable &table, const FusionOptions &options)
      : body(body), graph(graph), shapes(graph.shapes), table(table), options(options) {}

  std::vector<FusionGroup> run() {
    while (Operation *seed = nextSeed()) {
      size_t g = groups.size();
      groups.push_back({{seed}, typeOf(seed)});
      members.emplace_back();
      members[g].insert(seed);
      grouped.insert(seed);
      growSuccessors(g, seed);
      growPredecessors(g, seed);
    }
    for (FusionGroup &group : groups)
      graph.sortOps(group.ops);
    return std::move(groups);
  }

private:
  MappingType typeOf(Operation *op) { return cast<FusionOpInterface>(op).getMappingType(); }

  double bytesOf(Value value) { return graph.bytesOf(value); }
  double elementsOf(Value value) { return graph.elementsOf(value); }
  bool acyclic(const llvm::DenseSet<Operation *> &group) { return graph.acyclic(group); }

  /// Seeds in the order they are tried: the paper's, One-to-One ops with
  /// the smallest result first (the earliest among equals: small seeds leave
  /// the most room to grow). When those are used up, hone goes on with the
  /// ops no group took, by the same rule and by the paper's order of
  /// complexity (Reorganize and Shuffle, "variants of One-to-One", then
  /// One-to-Many, then Many-to-Many), so that chains without a One-to-One
  /// op (a transpose into a matmul) still fuse where the table allows.
  /// Among those, the earliest op seeds first: it grows through its
  /// successors, so a producer read by several ops (a Transpose of Q, K
  /// and V read by three Gathers) takes its readers, rather than one reader
  /// seeding first and splitting the producer's readers into two groups.
  static int complexity(MappingType type) {
    switch (type) {
    case MappingType::OneToOne: return 0;
    case MappingType::Reorganize:
    case MappingType::Shuffle: return 1;
    case MappingType::OneToMany: return 2;
    case MappingType::ManyToMany: return 3;
    }
    return 3;
  }

  Operation *nextSeed() {
    if (!seedsSorted) {
      double order = 0;
      for (Operation &op : body) {
        ++order;
        if (!isFusible(&op, shapes))
          continue;
        int rank = complexity(typeOf(&op));
        seeds.push_back({{rank, rank == 0 ? bytesOf(op.getResult(0)) : order}, &op});
      }
      std::stable_sort(seeds.begin(), seeds.end(),
                       [](const auto &a, const auto &b) { return a.first < b.first; });
      seedsSorted = true;
    }
    while (nextSeedIndex < seeds.size()) {
      Operation *op = seeds[nextSeedIndex++].second;
      if (!grouped.count(op))
        return op;
    }
    return nullptr;
  }

  /// Whether `op` is a Transpose that moves the innermost dim: fused, one
  /// side reads or writes with a stride of a row per element.
  static bool movesInnermost(Operation *op) {
    auto transpose = dyn_cast<TransposeOp>(op);
    if (!transpose)
      return false;
    int64_t rank = cast<ShapedType>(transpose->getOperand(0).getType()).getRank();
    auto perm = transpose->getAttrOfType<ArrayAttr>("perm");
    if (!perm || perm.empty())
      return rank > 1; // the default reverses the dims
    return cast<IntegerAttr>(perm[perm.size() - 1]).getInt() != rank - 1;
  }

  /// The cost model of a "profile" cell: seconds saved by not writing the
  /// tensors `producer` hands to `consumer` and reading them back, against
  /// what fusing adds: the producer's work again for every extra read when
  /// the group broadcasts it (its largest result, `groupElements`, has more
  /// elements than the intermediate: a One-to-Many member re-reads, and the
  /// fused code recomputes), and a cache line per element instead of per 16
  /// when a Transpose on either side moves the innermost dim and the fused
  /// group is Many-to-Many (`fused`): its reads of the transposed value are
  /// then repeated (a contraction's operand re-read per tile). In any other
  /// group the strided access happens once per element, fused or not (the
  /// Transpose's own kernel would do it), so it costs nothing extra.
  bool profitable(Operation *producer, Operation *consumer, double groupElements, MappingType fused) {
    if (options.profile == FusionOptions::Profile::Fuse)
      return true;
    if (options.profile == FusionOptions::Profile::Never)
      return false;
    double intermediateBytes = 0, intermediateElements = 0;
    for (Value result : producer->getResults())
      if (llvm::is_contained(result.getUsers(), consumer)) {
        intermediateBytes += bytesOf(result);
        intermediateElements += elementsOf(result);
      }
    if (intermediateBytes <= 0)
      return false;
    double saved = 2 * intermediateBytes / options.bandwidth;
    double extra = 0;
    for (Value result : consumer->getResults())
      groupElements = std::max(groupElements, elementsOf(result));
    double reads = groupElements / std::max(1.0, intermediateElements);
    if (reads > 1) {
      std::optional<int64_t> macs = multiplyAdds(producer);
      double work = std::max(2.0 * static_cast<double>(macs.value_or(0)), elementsOf(producer->getResult(0)));
      extra += work * (reads - 1) / options.peakFlops;
    }
    if (fused == MappingType::ManyToMany && (movesInnermost(producer) || movesInnermost(consumer)))
      extra += intermediateBytes * 16 / options.bandwidth;
    return saved > extra;
  }

  /// Elements of the largest result of group `g`.
  double largestResult(size_t g) {
    double largest = 0;
    for (Operation *op : groups[g].ops)
      for (Value result : op->getResults())
        largest = std::max(largest, elementsOf(result));
    return largest;
  }

  /// Whether `producer`'s results may stay inside a group: not when their
  /// run-time dims come from an integer operand's values (a Reshape to a
  /// shape computed at run time). Code generation sizes a group's inner
  /// tensors from its inputs' dims, and what reads them (loops over their
  /// extents) cannot depend on data. The op's shape function says which
  /// (seen from the op alone, a value is an OperandValue leaf): a Gather's
  /// indices decide its elements, not its dims (bert_mini's heads split
  /// from the QKV product at run-time length kept K's transpose apart).
  static bool canBeInner(Operation *producer) {
    bool dynamic = llvm::any_of(producer->getResultTypes(), [](Type type) {
      auto ranked = dyn_cast<RankedTensorType>(type);
      return ranked && !ranked.hasStaticShape();
    });
    bool integerOperands = llvm::any_of(producer->getOperandTypes(), [](Type type) {
      auto ranked = dyn_cast<RankedTensorType>(type);
      return ranked && ranked.getElementType().isInteger() && !ranked.getElementType().isInteger(1);
    });
    if (!dynamic || !integerOperands)
      return true;
    ShapeContext context(producer);
    if (failed(context.infer()))
      return false;
    for (unsigned i = 0; i < producer->getNumResults(); ++i) {
      const ShapeResult &result = context.getResult(i);
      if (!result.ranked)
        return false;
      bool fromValues = false;
      for (const DimExpr &dim : result.dims) {
        if (!dim.isValid())
          return false;
        dim.walkLeaves([&](const DimExpr &leaf) {
          fromValues |= leaf.getKind() != DimExpr::Kind::Constant && leaf.getKind() != DimExpr::Kind::OperandDim;
        });
      }
      if (fromValues)
        return false;
    }
    return true;
  }

  /// Adds `candidate` to group `g` when the table and the constraints allow:
  /// as a successor of the group (it reads `neighbour`'s results) or as a
  /// predecessor (`neighbour` reads its results, which nothing outside the
  /// group reads).
  bool tryAdd(size_t g, Operation *candidate, Operation *neighbour, bool asSuccessor) {
    if (grouped.count(candidate) || !isFusible(candidate, shapes) ||
        static_cast<int64_t>(groups[g].ops.size()) >= options.maxOps)
      return false;
    MappingType type = typeOf(candidate);
    const FusionRule &rule = asSuccessor ? table.rule(groups[g].type, type) : table.rule(type, groups[g].type);
    // A Many-to-Many op joins another's group on a "profile" cell only as
    // a row strip (mergeStripChains), whose cost model knows the halo.
    if (rule.decision == FusionDecision::Never ||
        (rule.decision == FusionDecision::Profile && type == MappingType::ManyToMany &&
         groups[g].type == MappingType::ManyToMany))
      return false;
    if (!asSuccessor) {
      if (!canBeInner(candidate))
        return false;
      for (Operation *user : candidate->getUsers())
        if (!members[g].count(user))
          return false;
    } else {
      for (Value operand : candidate->getOperands())
        if (Operation *def = operand.getDefiningOp())
          if (members[g].count(def) && !canBeInner(def))
            return false;
    }
    llvm::DenseSet<Operation *> extended = members[g];
    extended.insert(candidate);
    if (!acyclic(extended))
      return false;
    if (rule.decision == FusionDecision::Profile &&
        !(asSuccessor ? profitable(neighbour, candidate, largestResult(g), rule.fused)
                      : profitable(candidate, neighbour, largestResult(g), rule.fused)))
      return false;
    groups[g].ops.push_back(candidate);
    groups[g].type = rule.fused;
    members[g].insert(candidate);
    grouped.insert(candidate);
    return true;
  }

  void growSuccessors(size_t g, Operation *op) {
    llvm::SetVector<Operation *> users;
    for (Operation *user : op->getUsers())
      if (user->getBlock() == &body)
        users.insert(user);
    SmallVector<Operation *> ordered(users.begin(), users.end());
    graph.sortOps(ordered);
    for (Operation *user : ordered)
      if (tryAdd(g, user, op, /*asSuccessor=*/true))
        growSuccessors(g, user);
  }

  void growPredecessors(size_t g, Operation *op) {
    for (Value operand : op->getOperands())
      if (Operation *def = operand.getDefiningOp())
        if (def->getBlock() == &body && tryAdd(g, def, op, /*asSuccessor=*/false))
          growPredecessors(g, def);
  }

  Block &body;
  const GroupGraph &graph;
  const SymbolicShapes &shapes;
  const FusionTable &table;
  const FusionOptions &options;
  llvm::DenseSet<Operation *> grouped;
  std::vector<FusionGroup> groups;
  std::vector<llvm::DenseSet<Operation *>> members;
  std::vector<std::pair<std::pair<int, double>, Operation *>> seeds;
  size_t nextSeedIndex = 0;
  bool seedsSorted = false;
};

} // namespace

std::vector<FusionGroup> mlir::hone::planFusion(Block &body, const SymbolicShapes &shapes,
                                                const FusionTable &table, const FusionOptions &options) {
  GroupGraph graph(body, shapes);
  std::vector<FusionGroup> groups = Planner(body, graph, table, options).run();
  mergeStripChains(groups, graph, table, options);
  mergeRowTileProducers(groups, graph, table, options);
  return groups;
}
