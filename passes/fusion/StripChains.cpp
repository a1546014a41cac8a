//===- StripChains.cpp - Row-strip fusion of Many-to-Many chains ----------===//
//
// hone's extension of DNNFusion's plan (see StripChains.h): after the
// seed-based growth, chains of window ops merge into one group where the
// table's (Many-to-Many, Many-to-Many) cell allows and the cost model of
// strips says they save.
//
//===----------------------------------------------------------------------===//
#include "passes/fusion/StripChains.h"

#include "dialects/hone/HoneOps.h"
#include "dialects/hone/ops/Cost.h"
#include "dialects/hone/ops/MappingTypes.h"
#include "dialects/hone/ops/OpAttributes.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

#include <algorithm>
#include <cmath>

using namespace mlir;
using namespace mlir::hone;

namespace {

class StripMerger {
public:
  StripMerger(std::vector<FusionGroup> &groups, const GroupGraph &graph, const FusionTable &table,
              const FusionOptions &options)
      : groups(groups), graph(graph), table(table), options(options) {}

  /// A group whose first Many-to-Many op is a window op takes the group
  /// that computes its data operand, until no group does.
  void run() {
    members.resize(groups.size());
    for (size_t g = 0; g < groups.size(); ++g)
      members[g].insert(groups[g].ops.begin(), groups[g].ops.end());
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
        // A chain that already runs its first op whole below some size
        // takes no further producer (code generation splits only that one).
        if (groups[g].stripMinBytes > 0)
          continue;
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
        if (p == g || producers.empty() || !isa<ConvOp>(producers.back()) || !isRowWindowOp(producers.back()) ||
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
        if (!graph.acyclic(extended))
          continue;
        bool fuse = rule.decision == FusionDecision::Fuse;
        std::optional<StripPlan> plan = stripPlan(p, *window, value, windows, fuse);
        // Where the sizes are known only at run time and the cost model's
        // answer changes with them, the chain's first op runs whole below
        // the size where strips start to save (code generation compiles
        // both and the run picks by the value's bytes).
        int64_t minBytes = 0;
        if (!fuse && options.profile == FusionOptions::Profile::Cost && producers.size() == 1 &&
            groups[p].rowStrips == 0)
          if (std::optional<SizedPlan> sized = planBySize(p, consumer, value, windows)) {
            plan = sized->plan;
            minBytes = sized->minBytes;
          }
        if (!plan)
          continue;
        groups[g].ops.append(groups[p].ops.begin(), groups[p].ops.end());
        graph.sortOps(groups[g].ops);
        groups[g].type = rule.fused;
        groups[g].rowStrips = plan->strips;
        groups[g].channelTasks = plan->channelTasks;
        // A producer that runs its first op whole below a size keeps doing
        // so at the head of the longer chain.
        if (minBytes > 0) {
          groups[g].stripMinBytes = minBytes;
          groups[g].wholeProducer = groups[p].ops;
        } else {
          groups[g].stripMinBytes = groups[p].stripMinBytes;
          groups[g].wholeProducer = groups[p].wholeProducer;
        }
        members[g] = std::move(extended);
        for (Operation *op : groups[p].ops)
          groupOf[op] = g;
        groups[p].ops.clear();
        members[p].clear();
        merged = true;
      }
    }
  }


private:
  /// The rows a window op reads and writes: its kernel's extent along the
  /// first spatial dim (dilated), its stride, its input's and result's rows
  /// (representative values where they are dynamic). None for ops that are
  /// not 2-D window ops, for 1x1 convolutions of stride 1 (no window), and
  /// for a max pool whose indices are read.
  struct WindowRows {
    int64_t kernel, stride, inputRows, outputRows;
  };
  std::optional<WindowRows> windowRows(Operation *op) {
    if (!isRowWindowOp(op))
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
    const TensorDims &dims = graph.shapes.get(value);
    if (!dims.ranked || dims.dims.size() != 4 || !dims.dims[2].isValid())
      return std::nullopt;
    return graph.shapes.representative(dims.dims[2], unknownDim);
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


  /// A plan that holds from a size on: below `minBytes` of the chain's
  /// first intermediate its producer runs whole.
  struct SizedPlan {
    StripPlan plan;
    int64_t minBytes;
  };
  /// The cost model of the edge (as stripPlan) at dynamic dims from 8 to
  /// 2896 in steps of a half octave (18 sizes): when it fuses from some size on and
  /// not below, the plan at that size (or at the representative one, if
  /// larger) with the value's bytes halfway (geometrically) between the
  /// last size that does not fuse and the first that does. None when the
  /// answer does not change with the size (static dims, or the same
  /// everywhere) or changes more than once.
  std::optional<SizedPlan> planBySize(size_t producerGroup, Operation *consumer, Value value,
                                      ArrayRef<Operation *> chain) {
    struct Sample {
      int64_t dim;
      double bytes;
      std::optional<StripPlan> plan;
    };
    std::vector<Sample> samples;
    for (int step = 0; step < 18; ++step) {
      unknownDim = std::lround(8 * std::pow(2.0, step / 2.0));
      std::optional<WindowRows> window = windowRows(consumer);
      Sample sample{unknownDim, bytesOf(value), std::nullopt};
      if (window)
        sample.plan = stripPlan(producerGroup, *window, value, chain, false);
      samples.push_back(sample);
    }
    unknownDim = kRepresentativeDim;
    if (samples.front().bytes == samples.back().bytes || samples.front().bytes <= 0)
      return std::nullopt;
    auto first = llvm::find_if(samples, [](const Sample &sample) { return sample.plan.has_value(); });
    if (first == samples.begin() || first == samples.end() ||
        !std::all_of(first, samples.end(), [](const Sample &sample) { return sample.plan.has_value(); }))
      return std::nullopt;
    auto at = std::find_if(first, samples.end(), [](const Sample &sample) { return sample.dim >= kRepresentativeDim; });
    if (at == samples.end())
      at = first;
    double bytes = std::sqrt(std::prev(first)->bytes * first->bytes);
    return SizedPlan{*at->plan, std::max<int64_t>(1, static_cast<int64_t>(std::ceil(bytes)))};
  }

  static MappingType typeOf(Operation *op) { return cast<FusionOpInterface>(op).getMappingType(); }
  double bytesOf(Value value) { return graph.bytesOf(value, unknownDim); }
  double elementsOf(Value value) { return graph.elementsOf(value, unknownDim); }

  std::vector<FusionGroup> &groups;
  const GroupGraph &graph;
  const FusionTable &table;
  const FusionOptions &options;
  std::vector<llvm::DenseSet<Operation *>> members;
  /// The value of dims the analysis knows only as symbols (without a
  /// bound) in the cost model: the representative one, except while
  /// planBySize samples others.
  int64_t unknownDim = kRepresentativeDim;
};

} // namespace

void mlir::hone::mergeStripChains(std::vector<FusionGroup> &groups, const GroupGraph &graph,
                                  const FusionTable &table, const FusionOptions &options) {
  StripMerger(groups, graph, table, options).run();
  llvm::erase_if(groups, [](const FusionGroup &group) { return group.ops.empty(); });
}
