//===- MemoryPlan.cpp - Arena offsets as expressions over input dims ------===//
//
// A tensor lives from the op that defines it to its last use (a use inside
// an If/Loop region counts at that op; a returned value lives to the end).
// Constants live in the weights and function arguments are the caller's.
// A result other than the first that nothing reads (MaxPool's Indices,
// Dropout's mask) is not computed and takes no space.
//
//===----------------------------------------------------------------------===//
#include "passes/memory/MemoryPlan.h"

#include "dialects/hone/HoneOps.h"

#include <algorithm>

using namespace mlir;
using namespace mlir::hone;

namespace {

struct Lifetime {
  Value value;
  DimExpr bytes;
  int64_t representative; // bytes at representative dims
  int64_t begin, end;
  int64_t offset = -1; // in the representative plan
  DimExpr symbolicOffset;
};

int64_t alignTo(int64_t value, int64_t alignment) {
  return (value + alignment - 1) / alignment * alignment;
}

DimExpr alignTo(const DimExpr &value, int64_t alignment) {
  return ceilDiv(value, alignment) * alignment;
}

} // namespace

bool mlir::hone::isViewOp(Operation *op) {
  return isa<ReshapeOp, FlattenOp, SqueezeOp, UnsqueezeOp, IdentityOp>(op) &&
         op->getNumResults() == 1 && isa<ShapedType>(op->getOperand(0).getType());
}

MemoryPlan mlir::hone::planMemory(func::FuncOp func, const SymbolicShapes &shapes,
                                  int64_t alignment) {
  MemoryPlan plan;
  if (!func.getBody().hasOneBlock())
    return plan;
  Block &body = func.getBody().front();
  llvm::DenseMap<Operation *, int64_t> position;
  int64_t index = 0;
  for (Operation &op : body)
    position[&op] = index++;
  int64_t endOfFunction = index;

  auto representative = [&](const DimExpr &e) { return shapes.representative(e); };

  // Views, and the views of each root.
  llvm::DenseMap<Value, SmallVector<Value>> viewsOf;
  for (Operation &op : body) {
    if (!isViewOp(&op))
      continue;
    Value source = op.getOperand(0), result = op.getResult(0);
    Value root = plan.views.lookup(source);
    if (!root)
      root = source;
    Operation *rootOp = root.getDefiningOp();
    bool rootPlanned = rootOp && !isa<ConstantOp>(rootOp);
    bool returned = llvm::any_of(result.getUsers(), [](Operation *user) { return isa<func::ReturnOp>(user); });
    if (!rootPlanned && returned)
      continue;
    plan.views[result] = root;
    viewsOf[root].push_back(result);
  }

  std::vector<Lifetime> lifetimes;
  for (Operation &op : body) {
    if (isa<ConstantOp, NoneOp>(op) || op.hasTrait<OpTrait::IsTerminator>())
      continue;
    for (OpResult result : op.getResults()) {
      if ((result.getResultNumber() > 0 && result.use_empty()) || plan.views.count(result))
        continue;
      DimExpr bytes = shapes.bytes(result);
      // Sizes that depend on data are the runtime's.
      if (!bytes.isValid() || !shapes.knownAtStart(bytes))
        continue;
      // A strip chain's first op in its own kernel (FusedOp's
      // strip_min_bytes) runs only below that size: above it its result
      // takes no place.
      if (result.hasOneUse())
        if (auto chain = dyn_cast<FusedOp>(*result.getUsers().begin());
            chain && chain.getStripMinBytes() && chain.getInputs().back() == result)
          bytes = select(lt(bytes, DimExpr(*chain.getStripMinBytes())), bytes, DimExpr(0));
      std::optional<int64_t> size = representative(bytes);
      if (!size || *size < 0)
        continue;
      int64_t end = position[&op];
      SmallVector<Value> sharing{result};
      auto views = viewsOf.find(result);
      if (views != viewsOf.end())
        sharing.append(views->second.begin(), views->second.end());
      for (Value value : sharing)
        for (OpOperand &use : value.getUses()) {
          Operation *user = body.findAncestorOpInBlock(*use.getOwner());
          end = std::max(end, isa<func::ReturnOp>(user) ? endOfFunction : position[user]);
        }
      plan.symbolic |= !bytes.getConstant().has_value();
      lifetimes.push_back({result, bytes, *size, position[&op], end});
    }
  }

  // The representative plan: largest first, each at the lowest aligned
  // offset clear of every placed tensor live at the same time.
  std::vector<Lifetime *> order;
  for (Lifetime &lifetime : lifetimes)
    order.push_back(&lifetime);
  std::stable_sort(order.begin(), order.end(), [](const Lifetime *a, const Lifetime *b) {
    return a->representative > b->representative;
  });
  auto overlap = [](const Lifetime *a, const Lifetime *b) {
    return a->begin <= b->end && b->begin <= a->end;
  };
  std::vector<Lifetime *> placed;
  int64_t arenaBytes = 0;
  for (Lifetime *tensor : order) {
    std::vector<std::pair<int64_t, int64_t>> busy;
    for (Lifetime *other : placed)
      if (overlap(tensor, other))
        busy.push_back({other->offset, other->offset + other->representative});
    std::sort(busy.begin(), busy.end());
    int64_t offset = 0;
    for (auto [start, stop] : busy) {
      if (offset + tensor->representative <= start)
        break;
      offset = std::max(offset, alignTo(stop, alignment));
    }
    tensor->offset = offset;
    placed.push_back(tensor);
    arenaBytes = std::max(arenaBytes, offset + tensor->representative);
  }
  if (!plan.symbolic) {
    for (const Lifetime &lifetime : lifetimes)
      plan.offsets[lifetime.value] = DimExpr(lifetime.offset);
    plan.arenaBytes = alignTo(arenaBytes, alignment);
    return plan;
  }
  // Symbolic offsets: in the representative plan's order (by offset, then
  // placement), each tensor goes at the end of the highest live tensors
  // below it. A lower tensor that another live lower tensor sits above is
  // implied by it (the one above ends later) and left out, so that each
  // definition names only the frontier. Offsets are variables (symbols after
  // the analysis'), defined in this order.
  std::vector<Lifetime *> byOffset = placed;
  std::stable_sort(byOffset.begin(), byOffset.end(), [](const Lifetime *a, const Lifetime *b) {
    return a->offset < b->offset;
  });
  unsigned nextVariable = static_cast<unsigned>(shapes.getSymbols().size());
  std::vector<DimExpr> ends;
  DimExpr total(0);
  for (size_t i = 0; i < byOffset.size(); ++i) {
    Lifetime *tensor = byOffset[i];
    SmallVector<size_t> below;
    for (size_t j = 0; j < i; ++j)
      if (overlap(tensor, byOffset[j]))
        below.push_back(j);
    DimExpr definition(0);
    for (size_t j : below) {
      bool implied = llvm::any_of(below, [&](size_t k) {
        return k > j && byOffset[k]->offset >= byOffset[j]->offset + byOffset[j]->representative &&
               overlap(byOffset[k], byOffset[j]);
      });
      if (!implied)
        definition = max(definition, ends[j]);
    }
    DimExpr variable = DimExpr::symbol(nextVariable);
    plan.variables.push_back({nextVariable++, definition});
    tensor->symbolicOffset = variable;
    ends.push_back(alignTo(variable + tensor->bytes, alignment));
  }
  // The arena ends at the highest end; a tensor with a live tensor above it
  // ends below that one's end.
  for (size_t j = 0; j < byOffset.size(); ++j) {
    bool implied = false;
    for (size_t k = j + 1; k < byOffset.size() && !implied; ++k)
      implied = overlap(byOffset[k], byOffset[j]);
    if (!implied)
      total = max(total, ends[j]);
  }
  for (const Lifetime &lifetime : lifetimes)
    plan.offsets[lifetime.value] = lifetime.symbolicOffset;
  plan.arenaBytes = total;
  return plan;
}
