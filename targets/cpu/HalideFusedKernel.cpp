//===- HalideFusedKernel.cpp - A fusion group as one Halide pipeline ------===//
//
// The ops of a hone.fused body are defined one after the other on each
// other's Funcs, so that the group is one kernel: values between them are
// never written to the arena. A value read only by One-to-One, One-to-Many,
// Reorganize or Shuffle ops is inlined into its readers (their loops compute
// it per element, as DNNFusion's code generation fuses those by index
// arithmetic); one that a Many-to-Many op reads (many times per element) or
// that has a loop schedule of its own (a contraction's tiles) is computed
// once, whole, inside the kernel; but a chain of elementwise ops after a
// contraction (bias, activation, residual) runs inside the contraction's
// register tiles (its epilogue), so the contraction's value is never
// stored. A kernel whose result is defined over a
// view of its dims (a pointwise Conv's [N, M, H*W]) is read back in the
// result's own dims by its readers.
//
// A group with `row_strips` (row-strip fusion, FusionPlanner.h) is a chain
// of window ops: its last Many-to-Many op, the root, runs over strips of
// that many rows of its result, in parallel; the ones before it are
// computed at the root's row loop and stored per strip (StripSchedule), so
// their results live a few rows at a time, and a convolution pads such an
// operand row by row rather than copying it whole.
//
// A group with `row_tiles` (passes/fusion/RowTiles.h) computes the softmax
// its MatMul reads inside each task of the product (a row of its register
// tiles), for the rows that task reads (a plain loop over them), so the
// probabilities are never stored whole.
//
//===----------------------------------------------------------------------===//
#include "targets/cpu/HalideKernels.h"
#include "targets/cpu/Schedules.h"

#include "dialects/hone/HoneOps.h"
#include "dialects/hone/ops/MappingTypes.h"
#include "dialects/hone/ops/OpAttributes.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SetVector.h"

using namespace mlir;
using namespace mlir::hone;
using namespace mlir::hone::cpu;

namespace {

/// The own dims of `type` that each dim of `view` merges, in order, when
/// `view` merges runs of adjacent dims of `type` (a pointwise Conv's
/// [N, M, H*W] of [N, M, H, W]); dims of size 1 go to the run before them.
std::optional<std::vector<std::vector<int64_t>>> mergedRuns(RankedTensorType view, RankedTensorType type) {
  std::vector<std::vector<int64_t>> runs;
  int64_t d = 0;
  for (int64_t j = 0; j < view.getRank(); ++j) {
    std::vector<int64_t> run;
    int64_t size = 1;
    while (d < type.getRank() && size < view.getDimSize(j)) {
      size *= type.getDimSize(d);
      run.push_back(d++);
    }
    // Dims of size 1 belong to the run before them (their coordinate is 0).
    while (d < type.getRank() && type.getDimSize(d) == 1 && size == view.getDimSize(j) &&
           (j + 1 == view.getRank() || view.getDimSize(j + 1) != 1))
      run.push_back(d++);
    if (size != view.getDimSize(j))
      return std::nullopt;
    runs.push_back(std::move(run));
  }
  if (d != type.getRank())
    return std::nullopt;
  return runs;
}

/// `value`, defined over a view type of the same elements in the same
/// row-major order (static shapes), read in the dims of `type`.
HalideValue inOwnDims(const HalideValue &value, RankedTensorType type) {
  auto view = cast<RankedTensorType>(value.type);
  std::vector<Halide::Var> vars = tensorVars(type.getRank());
  Halide::Func read(value.func.name() + "_dims");
  // A view that merges runs of adjacent dims is read at each run's
  // row-major coordinate: no division, so vectors stay dense.
  if (std::optional<std::vector<std::vector<int64_t>>> runs = mergedRuns(view, type)) {
    std::vector<Halide::Expr> at;
    for (const std::vector<int64_t> &run : *runs) {
      Halide::Expr coordinate = 0;
      for (int64_t d : run)
        if (type.getDimSize(d) != 1)
          coordinate = coordinate * static_cast<int>(type.getDimSize(d)) + vars[d];
      at.push_back(coordinate);
    }
    read(halideArgs(vars)) = value.func(halideArgs(at));
    return HalideValue{read, type};
  }
  Halide::Expr flat = 0;
  for (int64_t d = 0; d < type.getRank(); ++d)
    flat = flat * static_cast<int>(type.getDimSize(d)) + vars[d];
  std::vector<Halide::Expr> at(view.getRank());
  for (int64_t d = view.getRank() - 1; d >= 0; --d) {
    int size = static_cast<int>(view.getDimSize(d));
    at[d] = d == 0 ? flat : flat % size;
    flat = flat / size;
  }
  read(halideArgs(vars)) = value.func(halideArgs(at));
  return HalideValue{read, type};
}

bool isElementwise(Operation *op) {
  auto fusion = dyn_cast<FusionOpInterface>(op);
  return fusion && op->getNumResults() == 1 &&
         (fusion.getMappingType() == MappingType::OneToOne || fusion.getMappingType() == MappingType::OneToMany);
}

/// The row-strip chain of a group with `row_strips`: the root (its last
/// Many-to-Many op), the ops computed inside the root's rows, and the values
/// they compute (their results and the elementwise ops after them up to the
/// next window op's data operand). None when the body is not such a chain:
/// the group is then computed as any other.
struct StripChain {
  Operation *root = nullptr;
  llvm::DenseSet<Operation *> inner;
  llvm::DenseSet<Value> rowValues;
};

/// Follows `value` through ops that each are its only reader and
/// elementwise, collecting the values into `seen`, until `end`; false when
/// the path leaves the chain.
bool elementwisePath(Value value, Value end, llvm::DenseSet<Value> *seen) {
  while (value != end) {
    if (!value.hasOneUse() || !isElementwise(*value.getUsers().begin()))
      return false;
    value = value.getUsers().begin()->getResult(0);
    if (seen)
      seen->insert(value);
  }
  return true;
}

/// The chain's first op: the inner op that reads no row value.
Operation *firstOfChain(const StripChain &strips) {
  for (Operation *op : strips.inner)
    if (op->getNumOperands() == 0 || !strips.rowValues.count(op->getOperand(0)))
      return op;
  return nullptr;
}

/// `strips` without its first op and the elementwise ops after it (its
/// epilogue), which it returns with the value the next window op reads
/// (that epilogue's last); none when the chain has no first op.
std::optional<std::pair<llvm::DenseSet<Operation *>, Value>> dropFirstOfChain(StripChain &strips) {
  Operation *first = firstOfChain(strips);
  if (!first)
    return std::nullopt;
  strips.inner.erase(first);
  llvm::DenseSet<Operation *> ops{first};
  Value value = first->getResult(0);
  while (strips.rowValues.erase(value) && value.hasOneUse() && isElementwise(*value.getUsers().begin())) {
    ops.insert(*value.getUsers().begin());
    value = value.getUsers().begin()->getResult(0);
  }
  return std::make_pair(std::move(ops), value);
}

std::optional<StripChain> stripChain(FusedOp op) {
  if (!op.getRowStrips())
    return std::nullopt;
  Block &body = op.getBody().front();
  SmallVector<Operation *> chain;
  for (Operation &inner : body.without_terminator()) {
    for (Type type : inner.getResultTypes())
      if (!isa<RankedTensorType>(type))
        return std::nullopt;
    auto fusion = dyn_cast<FusionOpInterface>(&inner);
    if (fusion && fusion.getMappingType() == MappingType::ManyToMany)
      chain.push_back(&inner);
  }
  Operation *terminator = body.getTerminator();
  if (chain.size() < 2 || !isRowWindowOp(chain.back()) || terminator->getNumOperands() != 1 ||
      !elementwisePath(chain.back()->getResult(0), terminator->getOperand(0), nullptr))
    return std::nullopt;
  StripChain strips;
  strips.root = chain.back();
  for (size_t i = 0; i + 1 < chain.size(); ++i) {
    Operation *producer = chain[i], *consumer = chain[i + 1];
    if (!isRowWindowOp(producer) || !isRowWindowOp(consumer))
      return std::nullopt;
    Value result = producer->getResult(0);
    strips.rowValues.insert(result);
    if (!elementwisePath(result, consumer->getOperand(0), &strips.rowValues) ||
        !consumer->getOperand(0).hasOneUse())
      return std::nullopt;
    strips.inner.insert(producer);
  }
  return strips;
}

/// A row window op's window along the rows (dim 2 of [N, C, H, W]): its
/// kernel rows, stride and dilation.
struct RowWindow {
  int64_t kernel = 1, stride = 1, dilation = 1;
};
std::optional<RowWindow> rowWindowOf(Operation *op) {
  RowWindow window;
  if (isa<ConvOp>(op)) {
    auto weights = dyn_cast<RankedTensorType>(op->getOperand(1).getType());
    if (!weights || weights.getRank() != 4 || weights.isDynamicDim(2))
      return std::nullopt;
    window.kernel = weights.getDimSize(2);
  } else {
    SmallVector<int64_t> kernel = getIntsAttr(op, "kernel_shape", {});
    if (kernel.empty())
      return std::nullopt;
    window.kernel = kernel[0];
  }
  SmallVector<int64_t> strides = getIntsAttr(op, "strides", {1, 1});
  SmallVector<int64_t> dilations = getIntsAttr(op, "dilations", {1, 1});
  window.stride = strides.empty() ? 1 : strides[0];
  window.dilation = dilations.empty() ? 1 : dilations[0];
  return window;
}

/// For each row value of the chain, the rows of it that one row of the
/// root reads at once: the root's window over its operand, then each
/// producer's window over its own operand for as many rows as its consumer
/// reads (rows r of a consumer with kernel k, stride s, dilation d read
/// (r - 1) s + (k - 1) d + 1 rows). Elementwise values on the way take
/// their reader's rows. None where a window is unknown.
llvm::DenseMap<Value, int64_t> rowWindows(const StripChain &strips) {
  llvm::DenseMap<Value, int64_t> windows;
  Operation *consumer = strips.root;
  int64_t rows = 1;
  while (consumer) {
    std::optional<RowWindow> window = rowWindowOf(consumer);
    if (!window)
      return {};
    int64_t span = (rows - 1) * window->stride + (window->kernel - 1) * window->dilation + 1;
    Value value = consumer->getOperand(0);
    Operation *producer = nullptr;
    while (strips.rowValues.count(value)) {
      windows[value] = std::max(windows.lookup(value), span);
      Operation *def = value.getDefiningOp();
      if (!def)
        break;
      if (strips.inner.count(def)) {
        producer = def;
        break;
      }
      Value previous;
      for (Value operand : def->getOperands())
        if (strips.rowValues.count(operand))
          previous = operand;
      if (!previous)
        break;
      value = previous;
    }
    consumer = producer;
    rows = span;
  }
  return windows;
}

} // namespace

FailureOr<std::vector<HalideValue>> mlir::hone::cpu::defineFusedKernel(FusedOp op, ArrayRef<HalideValue> operands,
                                                                       std::string &error, TileShape tile,
                                                                       bool firstWhole) {
  Block &body = op.getBody().front();
  std::optional<StripChain> strips = stripChain(op);
  // The first op's result read from the group's last input instead (its
  // own kernel computed it): the op and its epilogue are not defined here.
  llvm::DenseSet<Operation *> done;
  std::optional<std::pair<Value, HalideValue>> readInstead;
  if (firstWhole) {
    auto dropped = strips ? dropFirstOfChain(*strips) : std::nullopt;
    if (!dropped || operands.empty() || dropped->second.getType() != body.getArguments().back().getType()) {
      error = "a fused kernel's variant without its first op needs a row-strip chain whose last input is that op's "
              "result";
      return failure();
    }
    done = std::move(dropped->first);
    readInstead = std::make_pair(dropped->second, operands.back());
  }
  // What is computed at the root's rows, and the root's Func.
  std::vector<Halide::Func> rowFuncs;
  // The rows each row value's buffer keeps (a power of two at least its
  // window, rowWindows): its storage is folded to them. Halide folded
  // the bordered copies itself but kept a convolution's output for the
  // whole strip (cnn_dyn's first stage at 224x224: 58 rows of 224 x 16
  // channels, 831 KB per strip, for a window of 4).
  llvm::DenseMap<Value, int64_t> windows = strips ? rowWindows(*strips) : llvm::DenseMap<Value, int64_t>();
  std::vector<std::pair<Halide::Func, int>> folds;
  StripSchedule rootStrip;
  if (strips) {
    rootStrip.role = StripSchedule::Role::Root;
    rootStrip.dim = 1; // the rows of [N, C, H, W]
    rootStrip.strips = static_cast<int>(*op.getRowStrips());
    rootStrip.channelTasks = op.getChannelTasks();
    rootStrip.channelDim = 2; // the channels of [N, C, H, W]
    rootStrip.channelBlock = tile.rows;
    rootStrip.strip = Halide::Var(Halide::Internal::unique_name("strip"));
    rootStrip.row = Halide::Var(Halide::Internal::unique_name("row"));
  }
  // Row tiles: the MatMul (its tasks' loop) and the softmax it reads.
  Operation *tileRoot = nullptr, *tileRows = nullptr;
  // Root (computed whole) unless the MatMul has tiles.
  Halide::LoopLevel tileLoop = Halide::LoopLevel::root();
  std::vector<Halide::Func> tileFuncs;
  if (op.getRowTiles())
    for (Operation &inner : body.without_terminator())
      if (auto matmul = dyn_cast<MatMulOp>(inner))
        if (Operation *def = matmul->getOperand(0).getDefiningOp(); def && isLastAxisSoftmax(def)) {
          tileRoot = matmul;
          tileRows = def;
        }
  // A MatMul read only by a Transpose inside the group defines its result
  // in the transposed dims (StripSchedule::resultPerm).
  llvm::DenseMap<Operation *, TransposeOp> transposedBy;
  for (Operation &inner : body.without_terminator())
    if (isa<MatMulOp>(inner) && inner.getResult(0).hasOneUse())
      if (auto transpose = dyn_cast<TransposeOp>(*inner.getResult(0).getUsers().begin());
          transpose && transpose.getPerm())
        transposedBy[&inner] = transpose;
  bool permuted = false;
  auto stripOf = [&](Operation *inner) {
    StripSchedule strip;
    if (inner == tileRows)
      strip.role = StripSchedule::Role::Inner;
    if (inner == tileRoot)
      strip.tileLoop = &tileLoop;
    if (auto it = transposedBy.find(inner); it != transposedBy.end()) {
      SmallVector<int64_t> perm = getIntsAttr(it->second, "perm", {});
      strip.resultPerm.assign(perm.begin(), perm.end());
      strip.resultPermuted = &permuted;
    }
    if (!strips)
      return strip;
    if (inner == strips->root)
      strip = rootStrip;
    else if (strips->inner.count(inner))
      strip.role = StripSchedule::Role::Inner;
    strip.readsStrip = inner->getNumOperands() > 0 && strips->rowValues.count(inner->getOperand(0));
    strip.rowFuncs = &rowFuncs;
    return strip;
  };
  Halide::Func rootFunc;
  llvm::DenseMap<Value, HalideValue> values;
  for (auto [arg, operand] : llvm::zip(body.getArguments(), operands))
    values[arg] = operand;
  if (readInstead)
    values[readInstead->first] = readInstead->second;
  auto yielded = [](Value value) {
    return llvm::any_of(value.getUsers(), [](Operation *user) { return isa<YieldOp>(user); });
  };
  auto readersInside = [](Value value) {
    llvm::SetVector<Operation *> readers;
    for (Operation *user : value.getUsers())
      if (!isa<YieldOp>(user))
        readers.insert(user);
    return readers;
  };
  auto operandsOf = [&](Operation *inner) {
    std::vector<HalideValue> innerOperands;
    for (Value operand : inner->getOperands()) {
      auto it = values.find(operand);
      innerOperands.push_back(it != values.end() ? it->second : HalideValue{Halide::Func(), nullptr});
    }
    return innerOperands;
  };
  // Records `value` as `result`'s: read inside in the result's own dims,
  // inlined into its readers or computed once (see the file comment).
  auto record = [&](Value result, HalideValue value) -> LogicalResult {
    auto type = dyn_cast<RankedTensorType>(result.getType());
    bool readInside = !readersInside(result).empty();
    HalideValue own = value;
    if (type && value.type != type) {
      if (!type.hasStaticShape()) {
        error = "a fused kernel's view of a result needs static shapes";
        return failure();
      }
      own = inOwnDims(value, type);
    }
    bool computeOnce =
        hasLoopSchedule(value.func) || llvm::any_of(result.getUsers(), [](Operation *user) {
          auto fusion = dyn_cast<FusionOpInterface>(user);
          return fusion && fusion.getMappingType() == MappingType::ManyToMany;
        });
    if (readInside && computeOnce && tileRows && result == tileRows->getResult(0)) {
      // Computed inside the MatMul's tasks (placed once it is defined).
      tileFuncs.push_back(value.func);
    } else if (readInside && computeOnce && strips && strips->rowValues.count(result)) {
      // Computed at the root's rows (placed once the root is defined).
      if (!hasLoopSchedule(value.func))
        scheduleInRow(value.func, halideExtents(value.type));
      rowFuncs.push_back(value.func);
      if (int64_t window = windows.lookup(result); window > 0 && value.func.args().size() == 4)
        folds.push_back({value.func, static_cast<int>(llvm::PowerOf2Ceil(static_cast<uint64_t>(window)))});
    } else if (readInside && computeOnce) {
      value.func.compute_root();
      if (!hasLoopSchedule(value.func))
        scheduleDefault(value.func, halideExtents(value.type));
    }
    // What the group yields keeps the kernel's view (the run function
    // describes the output buffer with it).
    values[result] = readInside ? own : value;
    return success();
  };
  // The ops that can run inside `anchor`'s loops (its epilogue): a chain of
  // One-to-One or broadcasting elementwise ops, each the only reader of the
  // value before it and of the same type, whose other operands are ready.
  auto epilogueChain = [&](Operation *anchor) {
    SmallVector<Operation *> chain;
    if (anchor->getNumResults() != 1)
      return chain;
    Value current = anchor->getResult(0);
    while (!yielded(current)) {
      llvm::SetVector<Operation *> readers = readersInside(current);
      if (readers.size() != 1)
        break;
      Operation *next = readers.front();
      if (!isElementwise(next) || next->getResult(0).getType() != current.getType())
        break;
      bool ready = llvm::all_of(next->getOperands(), [&](Value operand) {
        return operand == current || values.count(operand) || isa<NoneType>(operand.getType());
      });
      if (!ready)
        break;
      chain.push_back(next);
      current = next->getResult(0);
    }
    return chain;
  };

  for (Operation &inner : body.without_terminator()) {
    if (done.count(&inner))
      continue;
    SmallVector<Operation *> chain = epilogueChain(&inner);
    std::string innerError;
    bool chainFailed = false;
    Epilogue epilogue;
    if (!chain.empty()) {
      Value anchorResult = inner.getResult(0);
      epilogue = [&, chain, anchorResult](Halide::Func value, const std::vector<Halide::Expr> &dims) {
        auto anchorType = cast<RankedTensorType>(anchorResult.getType());
        HalideValue anchorValue{value, anchorType};
        // Kernels apply epilogues in the anchor's own dims (a pointwise
        // Conv over a view of them takes none: Halide's bounds of a
        // flattened dim read back in rows would span whole rows).
        if (static_cast<int64_t>(dims.size()) != anchorType.getRank()) {
          innerError = "an epilogue was applied over a view of its anchor's dims";
          chainFailed = true;
          return value;
        }
        if (!anchorType.hasStaticShape()) {
          anchorValue.dims = dims;
          // Its readers have its type: they read it at their own
          // coordinates (a broadcast operand is another).
          anchorValue.readInPlace = true;
        }
        values[anchorResult] = anchorValue;
        for (Operation *member : chain) {
          FailureOr<std::vector<HalideValue>> results =
              defineHalideKernel(member, operandsOf(member), innerError, tile);
          if (failed(results)) {
            chainFailed = true;
            return value;
          }
          values[member->getResult(0)] = (*results)[0];
        }
        return values[chain.back()->getResult(0)].func;
      };
    }
    bool applied = false;
    permuted = false;
    FailureOr<std::vector<HalideValue>> results =
        defineHalideKernel(&inner, operandsOf(&inner), innerError, tile, chain.empty() ? nullptr : &epilogue,
                           &applied, stripOf(&inner));
    if (failed(results) || chainFailed) {
      error = innerError;
      return failure();
    }
    if (permuted) {
      // The kernel computes the Transpose's value: the product is never
      // stored in its own dims.
      TransposeOp transpose = transposedBy[&inner];
      HalideValue value{(*results)[0].func, cast<ShapedType>(transpose.getType())};
      for (int64_t d : getIntsAttr(transpose, "perm", {}))
        if (d >= 0 && static_cast<size_t>(d) < (*results)[0].dims.size())
          value.dims.push_back((*results)[0].dims[d]);
      done.insert(transpose);
      if (failed(record(transpose.getResult(), value)))
        return failure();
      continue;
    }
    if (strips && &inner == strips->root)
      rootFunc = (*results)[0].func;
    if (applied) {
      // The kernel computes the chain's last value.
      Value last = chain.back()->getResult(0);
      // The chain keeps the anchor's type, and so the kernel's view of it
      // (a pointwise Conv's [N, M, H*W]) when it has one.
      HalideValue lastValue = (*results)[0];
      if (lastValue.type == inner.getResult(0).getType())
        lastValue.type = cast<ShapedType>(last.getType());
      for (Operation *member : chain)
        done.insert(member);
      if (failed(record(last, lastValue)))
        return failure();
      continue;
    }
    for (auto [result, value] : llvm::zip(inner.getResults(), *results)) {
      if (!value.func.defined())
        continue;
      if (failed(record(result, value)))
        return failure();
    }
  }
  if (strips) {
    // A pool (or a convolution its builder could not strip) gets the
    // strip loops on the group's result, which the root's value is inlined
    // into.
    if (!hasLoop(rootFunc, rootStrip.row)) {
      auto it = values.find(body.getTerminator()->getOperand(0));
      if (it != values.end() && !hasLoopSchedule(it->second.func)) {
        rootFunc = it->second.func;
        std::vector<Halide::Expr> dims(it->second.dims.rbegin(), it->second.dims.rend());
        scheduleStripRoot(rootFunc, halideExtents(it->second.type), rootStrip, dims);
      }
    }
    bool stripped = rootFunc.defined() && hasLoop(rootFunc, rootStrip.row);
    if (stripped)
      for (auto &[f, rows] : folds)
        f.fold_storage(f.args()[1], rows);
    for (Halide::Func f : rowFuncs) {
      if (stripped) {
        f.compute_at(rootFunc, rootStrip.row).store_at(rootFunc, rootStrip.strip);
      } else {
        // Not a chain after all: computed whole, as any other group's.
        f.compute_root();
      }
    }
  }
  for (Halide::Func f : tileFuncs)
    f.compute_at(tileLoop);
  std::vector<HalideValue> results;
  for (Value value : body.getTerminator()->getOperands()) {
    auto it = values.find(value);
    if (it == values.end()) {
      error = "a fused kernel's result is not computed inside it";
      return failure();
    }
    results.push_back(it->second);
  }
  return results;
}
