//===- FusionPlanner.cpp - DNNFusion's seed-based fusion plan -------------===//
#include "passes/fusion/FusionPlanner.h"

#include "dialects/hone/HoneOps.h"
#include "dialects/hone/ops/Cost.h"
#include "dialects/hone/ops/MappingTypes.h"
#include "dialects/hone/ops/OpAttributes.h"

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
  Planner(Block &body, const SymbolicShapes &shapes, const FusionTable &table, const FusionOptions &options)
      : body(body), shapes(shapes), table(table), options(options) {
    int64_t index = 0;
    for (Operation &op : body)
      position[&op] = index++;
  }

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
      sortOps(group);
    mergeStripChains();
    std::vector<FusionGroup> planned;
    for (FusionGroup &group : groups)
      if (!group.ops.empty())
        planned.push_back(std::move(group));
    return planned;
  }

private:
  MappingType typeOf(Operation *op) { return cast<FusionOpInterface>(op).getMappingType(); }

  double bytesOf(Value value) {
    DimExpr bytes = shapes.bytes(value);
    std::optional<int64_t> size = bytes.isValid() ? shapes.representative(bytes) : std::nullopt;
    return size ? static_cast<double>(*size) : 0.0;
  }
  double elementsOf(Value value) {
    auto type = cast<ShapedType>(value.getType());
    unsigned bits = type.getElementType().getIntOrFloatBitWidth();
    return bytesOf(value) / std::max(1u, bits / 8);
  }

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

  /// Whether `from` (outside the group) reads, through any chain of ops, a
  /// value of `group`. Ops before the group's first can not.
  bool reachesGroup(Operation *from, const llvm::DenseSet<Operation *> &group, int64_t earliest) {
    llvm::SmallVector<Operation *> stack{from};
    llvm::DenseSet<Operation *> seen{from};
    while (!stack.empty()) {
      Operation *op = stack.pop_back_val();
      for (Value operand : op->getOperands()) {
        Operation *def = operand.getDefiningOp();
        if (!def || position.lookup(def) < earliest)
          continue;
        if (group.count(def))
          return true;
        if (seen.insert(def).second)
          stack.push_back(def);
      }
    }
    return false;
  }

  /// Whether `group` as one op keeps the graph acyclic: no value it reads
  /// from outside depends on the group itself.
  bool acyclic(const llvm::DenseSet<Operation *> &group) {
    int64_t earliest = std::numeric_limits<int64_t>::max();
    for (Operation *op : group)
      earliest = std::min(earliest, position.lookup(op));
    for (Operation *op : group)
      for (Value operand : op->getOperands()) {
        Operation *def = operand.getDefiningOp();
        if (!def || group.count(def) || position.lookup(def) < earliest)
          continue;
        if (reachesGroup(def, group, earliest))
          return false;
      }
    return true;
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
  /// extents) cannot depend on data.
  static bool canBeInner(Operation *producer) {
    bool dynamic = llvm::any_of(producer->getResultTypes(), [](Type type) {
      auto ranked = dyn_cast<RankedTensorType>(type);
      return ranked && !ranked.hasStaticShape();
    });
    if (!dynamic)
      return true;
    return llvm::none_of(producer->getOperandTypes(), [](Type type) {
      auto ranked = dyn_cast<RankedTensorType>(type);
      return ranked && ranked.getElementType().isInteger() && !ranked.getElementType().isInteger(1);
    });
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

  void sortOps(FusionGroup &group) {
    llvm::sort(group.ops, [&](Operation *a, Operation *b) { return position[a] < position[b]; });
  }

  /// The rows a window op reads and writes: its kernel's extent along the
  /// first spatial dim (dilated), its stride, its input's and result's rows
  /// (representative values where they are dynamic). None for ops that are
  /// not 2-D window ops, for 1x1 convolutions of stride 1 (no window), and
  /// for a max pool whose indices are read.
  struct WindowRows {
    int64_t kernel, stride, inputRows, outputRows;
  };
  std::optional<WindowRows> windowRows(Operation *op) {
    if (!isa<ConvOp, MaxPoolOp, AveragePoolOp>(op) || !stripCapable(op))
      return std::nullopt;
    SmallVector<int64_t> kernel;
    if (isa<ConvOp>(op)) {
      auto weights = dyn_cast<RankedTensorType>(op->getOperand(1).getType());
      if (!weights || weights.getRank() != 4 || !weights.hasStaticShape())
        return std::nullopt;
      kernel = {weights.getDimSize(2), weights.getDimSize(3)};
    } else {
      kernel = getIntsAttr(op, "kernel_shape", {});
    }
    SmallVector<int64_t> strides = getIntsAttr(op, "strides", {1, 1});
    SmallVector<int64_t> dilations = getIntsAttr(op, "dilations", {1, 1});
    if (kernel.size() != 2 || strides.size() != 2 || dilations.size() != 2)
      return std::nullopt;
    if (kernel[0] == 1 && kernel[1] == 1 && strides[0] == 1 && strides[1] == 1)
      return std::nullopt;
    std::optional<int64_t> inputRows = rowsOf(op->getOperand(0)), outputRows = rowsOf(op->getResult(0));
    if (!inputRows || !outputRows)
      return std::nullopt;
    return WindowRows{(kernel[0] - 1) * dilations[0] + 1, strides[0], *inputRows, *outputRows};
  }
  /// Rows (dim 2) of a 4-D tensor, at a representative value where dynamic.
  std::optional<int64_t> rowsOf(Value value) {
    const TensorDims &dims = shapes.get(value);
    if (!dims.ranked || dims.dims.size() != 4 || !dims.dims[2].isValid())
      return std::nullopt;
    return shapes.representative(dims.dims[2]);
  }
  /// Whether code generation can compute `op` row by row: a 2-D
  /// convolution or pool whose only read result is its first (its sizes are
  /// known when a run starts: isFusible).
  static bool stripCapable(Operation *op) {
    if (!isa<ConvOp, MaxPoolOp, AveragePoolOp>(op))
      return false;
    auto input = dyn_cast<RankedTensorType>(op->getOperand(0).getType());
    auto result = dyn_cast<RankedTensorType>(op->getResult(0).getType());
    return input && result && input.getRank() == 4 && result.getRank() == 4 &&
           llvm::all_of(op->getResults().drop_front(), [](Value other) { return other.use_empty(); });
  }

  SmallVector<Operation *> manyToManyOps(size_t g) {
    SmallVector<Operation *> ops;
    for (Operation *op : groups[g].ops)
      if (typeOf(op) == MappingType::ManyToMany)
        ops.push_back(op);
    return ops;
  }

  /// Whether `value` is `producer`'s result or comes from it through
  /// elementwise ops of group `g`, each the only reader of the value before
  /// it and of its type (what code generation runs as the producer's
  /// epilogue).
  bool epilogueOf(Operation *producer, Value value, size_t g) {
    Type type = producer->getResult(0).getType();
    while (value.getDefiningOp() != producer) {
      Operation *op = value.getDefiningOp();
      if (!op || !members[g].count(op) || op->getNumResults() != 1 || value.getType() != type ||
          (typeOf(op) != MappingType::OneToOne && typeOf(op) != MappingType::OneToMany))
        return false;
      Value previous;
      for (Value operand : op->getOperands())
        if (Operation *def = operand.getDefiningOp(); def && members[g].count(def)) {
          if (previous)
            return false;
          previous = operand;
        }
      if (!previous || !previous.hasOneUse())
        return false;
      value = previous;
    }
    return value == producer->getResult(0);
  }

  /// The values of group `g` that ops outside it read.
  SmallVector<Value> handedOut(size_t g) {
    SmallVector<Value> values;
    for (Operation *op : groups[g].ops)
      for (Value result : op->getResults())
        if (llvm::any_of(result.getUsers(), [&](Operation *user) { return !members[g].count(user); }))
          values.push_back(result);
    return values;
  }
  /// Whether the only value group `g` hands to ops outside it is `value`.
  bool handsOutOnly(size_t g, Value value) {
    SmallVector<Value> values = handedOut(g);
    return values.size() == 1 && values.front() == value;
  }

  /// FLOPs of `op` at representative sizes: a convolution's multiply-adds
  /// (twice) whatever its dims, else Cost.h's, else one per element.
  double workOf(Operation *op) {
    double elements = elementsOf(op->getResult(0));
    if (isa<ConvOp>(op)) {
      auto weights = dyn_cast<RankedTensorType>(op->getOperand(1).getType());
      if (weights && weights.hasStaticShape() && weights.getRank() >= 2)
        return 2 * elements * static_cast<double>(weights.getNumElements() / weights.getDimSize(0));
    }
    std::optional<int64_t> macs = multiplyAdds(op);
    return std::max(2.0 * static_cast<double>(macs.value_or(0)), elements);
  }

  /// How a chain runs: strips of rows per image, and whether its tasks are
  /// also blocks of channels.
  struct StripPlan {
    int64_t strips = 1;
    bool channelTasks = false;
  };

  /// The cost model of a row-strip edge, `producerGroup` into `consumer`
  /// (the value it reads, `value`; `chain`, the window ops of both groups in
  /// order): the bytes of `value` written and read back that fusing saves,
  /// against what the chain's tasks add. Strips of rows repeat the work of
  /// the producers for the rows where strips meet (each strip's first row
  /// reads the kernel's extent of rows); when every op after the chain's
  /// first reads only its own channels, tasks may instead be blocks of
  /// channels (a few strips only where blocks are too few), which repeat no
  /// work but read the first op's input once per block (from cache when it
  /// fits). The cheaper of the two, if it saves.
  std::optional<StripPlan> stripPlan(size_t producerGroup, const WindowRows &consumer, Value value,
                                     ArrayRef<Operation *> chain, bool fuse) {
    double work = 0;
    for (Operation *op : groups[producerGroup].ops)
      work += workOf(op);
    auto repeatedWork = [&](int64_t strips) {
      int64_t rows = std::max<int64_t>((consumer.outputRows + strips - 1) / strips, 1);
      int64_t count = (consumer.outputRows + rows - 1) / rows;
      double read = static_cast<double>(count * ((rows - 1) * consumer.stride + consumer.kernel));
      return work * std::max(0.0, read / std::max<int64_t>(consumer.inputRows, 1) - 1);
    };
    StripPlan rows{options.stripsPerImage, false};
    double rowsExtra = repeatedWork(rows.strips) / options.peakFlops;
    std::optional<StripPlan> best = rows;
    double bestExtra = rowsExtra;
    bool channelLocal = llvm::all_of(chain.drop_front(), [](Operation *op) { return isChannelLocalWindow(op); });
    auto rootType = dyn_cast<RankedTensorType>(chain.back()->getResult(0).getType());
    if (channelLocal && rootType && rootType.getRank() == 4 && !rootType.isDynamicDim(1)) {
      int64_t blocks = (rootType.getDimSize(1) + options.channelsPerTask - 1) / options.channelsPerTask;
      int64_t batch = rootType.isDynamicDim(0) ? 1 : rootType.getDimSize(0);
      StripPlan channels{std::clamp<int64_t>((options.stripsPerImage + blocks * batch - 1) / (blocks * batch), 1,
                                             options.stripsPerImage),
                         true};
      double input = bytesOf(chain.front()->getOperand(0));
      double rereads = static_cast<double>(blocks - 1) * input /
                       (input <= options.cacheBytes ? options.cacheBandwidth : options.bandwidth);
      double extra = repeatedWork(channels.strips) / options.peakFlops + rereads;
      if (extra < bestExtra) {
        best = channels;
        bestExtra = extra;
      }
    }
    if (fuse || options.profile == FusionOptions::Profile::Fuse)
      return best;
    if (options.profile == FusionOptions::Profile::Never)
      return std::nullopt;
    // An intermediate that fits in the cache is written and read back from
    // it: fusing saves that much less.
    double bytes = bytesOf(value);
    double saved = 2 * bytes / (bytes <= options.cacheBytes ? options.cacheBandwidth : options.bandwidth);
    return saved > bestExtra ? best : std::nullopt;
  }

  /// Row-strip fusion: a group whose first Many-to-Many op is a window op
  /// takes the group that computes its data operand (see the file comment
  /// of FusionPlanner.h), until no group does.
  void mergeStripChains() {
    llvm::DenseMap<Operation *, size_t> groupOf;
    for (size_t g = 0; g < groups.size(); ++g)
      for (Operation *op : groups[g].ops)
        groupOf[op] = g;
    for (bool merged = true; merged;) {
      merged = false;
      for (size_t g = 0; g < groups.size(); ++g) {
        SmallVector<Operation *> chain = manyToManyOps(g);
        if (chain.empty())
          continue;
        Operation *consumer = chain.front();
        std::optional<WindowRows> window = windowRows(consumer);
        Value value = consumer->getOperand(0);
        Operation *def = value.getDefiningOp();
        if (!window || !def || !groupOf.count(def) || !value.hasOneUse())
          continue;
        size_t p = groupOf[def];
        SmallVector<Operation *> producers = manyToManyOps(p);
        // The producer is a convolution: a pool computed row by row reads
        // two input rows of every channel at once, more streams than the
        // prefetcher follows (measured slower than the pool on its own).
        if (p == g || producers.empty() || !isa<ConvOp>(producers.back()) || !stripCapable(producers.back()) ||
            static_cast<int64_t>(producers.size() + chain.size()) > options.maxStripOps ||
            static_cast<int64_t>(groups[p].ops.size() + groups[g].ops.size()) > options.maxOps ||
            !epilogueOf(producers.back(), value, p) || !handsOutOnly(p, value) || handedOut(g).size() > 1)
          continue;
        const FusionRule &rule = table.rule(groups[p].type, groups[g].type);
        if (rule.decision == FusionDecision::Never)
          continue;
        llvm::DenseSet<Operation *> extended = members[g];
        extended.insert(members[p].begin(), members[p].end());
        SmallVector<Operation *> windows(producers);
        windows.append(chain.begin(), chain.end());
        std::optional<StripPlan> plan;
        if (acyclic(extended))
          plan = stripPlan(p, *window, value, windows, rule.decision == FusionDecision::Fuse);
        if (!plan)
          continue;
        groups[g].ops.append(groups[p].ops.begin(), groups[p].ops.end());
        sortOps(groups[g]);
        groups[g].type = rule.fused;
        groups[g].rowStrips = plan->strips;
        groups[g].channelTasks = plan->channelTasks;
        members[g] = std::move(extended);
        for (Operation *op : groups[p].ops)
          groupOf[op] = g;
        groups[p].ops.clear();
        members[p].clear();
        merged = true;
      }
    }
  }

  void growSuccessors(size_t g, Operation *op) {
    llvm::SetVector<Operation *> users;
    for (Operation *user : op->getUsers())
      if (user->getBlock() == &body)
        users.insert(user);
    SmallVector<Operation *> ordered(users.begin(), users.end());
    llvm::sort(ordered, [&](Operation *a, Operation *b) { return position[a] < position[b]; });
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
  const SymbolicShapes &shapes;
  const FusionTable &table;
  const FusionOptions &options;
  llvm::DenseMap<Operation *, int64_t> position;
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
  return Planner(body, shapes, table, options).run();
}
