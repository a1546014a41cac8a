//===- Stats.cpp - What the compiler did, as one JSON object --------------===//
//
// FLOPs come from the ops' result types (their shape functions ran in the
// simplify stage) and the contracted extents of their operands, so they
// are the figures of the shapes that were compiled.
//
//===----------------------------------------------------------------------===//
#include "compiler/pipeline/Stats.h"

#include "dialects/hone/HoneOps.h"
#include "dialects/hone/ops/Cost.h"
#include "dialects/hone/ops/MappingTypes.h"
#include "passes/memory/MemoryPlan.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"

#include <optional>
#include <sstream>

using namespace mlir;
using namespace mlir::hone;

namespace {

/// The arena alignment the memory stage plans with (its default).
constexpr int64_t kArenaAlignment = 64;

/// Bytes of the tensors written by one kernel and read back by another:
/// every result of a kernel that an op reads (a function result only
/// returned is written once and not read back). With `unfused`, as if each
/// op in a fused kernel were its own kernel (the figure before fusion). A
/// view (Reshape-class ops, MemoryPlan.h) is no kernel: its root's writer
/// counts. Sizes at the compiled shapes, or at representative dims where
/// they are symbolic (SymbolicShapes::representative).
int64_t intermediateBytes(func::FuncOp main, const SymbolicShapes &shapes, const MemoryPlan &plan,
                          bool unfused) {
  int64_t total = 0;
  auto add = [&](Value value) {
    DimExpr bytes = shapes.bytes(value);
    if (std::optional<int64_t> size = bytes.isValid() ? shapes.representative(bytes) : std::nullopt)
      total += *size;
  };
  auto readByAnOp = [](Value value) {
    return llvm::any_of(value.getUsers(), [](Operation *user) { return !isa<func::ReturnOp>(user); });
  };
  for (Operation &op : main.getBody().front()) {
    if (isa<ConstantOp, NoneOp, func::ReturnOp>(op))
      continue;
    auto fused = dyn_cast<FusedOp>(op);
    if (fused && unfused) {
      Block &body = fused.getBody().front();
      Operation *yield = body.getTerminator();
      for (Operation &inner : body.without_terminator()) {
        if (isViewOp(&inner))
          continue;
        for (Value result : inner.getResults()) {
          bool read = llvm::any_of(result.getUsers(), [](Operation *user) { return !isa<YieldOp>(user); });
          for (OpOperand &use : result.getUses())
            if (use.getOwner() == yield && readByAnOp(fused->getResult(use.getOperandNumber())))
              read = true;
          if (read)
            add(result);
        }
      }
      continue;
    }
    for (Value result : op.getResults())
      if (!plan.views.count(result) && readByAnOp(result))
        add(result);
  }
  return total;
}

struct LayoutFigures {
  int64_t ops = 0;
  int64_t bytes = 0;
};

/// The layout transformations of `main` executed as their own copy or
/// kernel, with the bytes they write; with `all`, every one of them as a
/// copy.
LayoutFigures layoutTransforms(func::FuncOp main, const SymbolicShapes &shapes, const MemoryPlan &plan,
                               bool all) {
  LayoutFigures figures;
  auto bytesOf = [&](Value value) -> int64_t {
    DimExpr bytes = shapes.bytes(value);
    std::optional<int64_t> size = bytes.isValid() ? shapes.representative(bytes) : std::nullopt;
    return size.value_or(0);
  };
  for (Operation &op : main.getBody().front()) {
    if (auto fused = dyn_cast<FusedOp>(op)) {
      auto members = fused.getBody().front().without_terminator();
      bool onlyLayout = llvm::all_of(members, [](Operation &inner) {
        return isLayoutTransform(&inner) || isa<ConstantOp, NoneOp>(inner);
      });
      for (Operation &inner : members)
        if (isLayoutTransform(&inner) && (all || onlyLayout)) {
          ++figures.ops;
          if (all)
            figures.bytes += bytesOf(inner.getResult(0));
        }
      if (onlyLayout && !all)
        for (Value result : fused->getResults())
          figures.bytes += bytesOf(result);
      continue;
    }
    if (!isLayoutTransform(&op) || (!all && plan.views.count(op.getResult(0))))
      continue;
    ++figures.ops;
    figures.bytes += bytesOf(op.getResult(0));
  }
  return figures;
}

} // namespace

std::optional<UnfusedFigures> mlir::hone::unfusedFigures(ModuleOp module) {
  auto main = module.lookupSymbol<func::FuncOp>("main");
  if (!main || !main.getBody().hasOneBlock())
    return std::nullopt;
  SymbolicShapes shapes(main);
  MemoryPlan plan = planMemory(main, shapes, kArenaAlignment);
  return UnfusedFigures{intermediateBytes(main, shapes, plan, true),
                        layoutTransforms(main, shapes, plan, /*all=*/true).bytes};
}

std::string mlir::hone::statsJson(ModuleOp module, const std::optional<UnfusedFigures> &before,
                                  ArrayRef<std::pair<std::string, int64_t>> targetFigures) {
  auto main = module.lookupSymbol<func::FuncOp>("main");
  int64_t kernels = 0, macs = 0, dataMovementKernels = 0;
  auto movesDataOnly = [](Operation &op) {
    auto layout = dyn_cast<LayoutOpInterface>(&op);
    return isa<ConstantOp, NoneOp>(op) || isLayoutTransform(&op) ||
           (layout && layout.getLayoutClass() == LayoutClass::IndependentFixed);
  };
  bool flopsKnown = true;
  std::optional<SymbolicShapes> shapes;
  std::optional<MemoryPlan> plan;
  if (main && main.getBody().hasOneBlock()) {
    shapes.emplace(main);
    plan.emplace(planMemory(main, *shapes, kArenaAlignment));
  }
  if (main)
    for (Operation &op : main.getBody().front()) {
      if (isa<ConstantOp, NoneOp, func::ReturnOp>(op))
        continue;
      // A view launches nothing: the run function points it at its root.
      if (plan && op.getNumResults() == 1 && plan->views.count(op.getResult(0)))
        continue;
      ++kernels;
      // A fused kernel does the work of the ops in its body.
      auto count = [&](Operation *inner) {
        std::optional<int64_t> n = multiplyAdds(inner);
        if (n)
          macs += *n;
        else
          flopsKnown = false;
      };
      if (auto fused = dyn_cast<FusedOp>(op)) {
        for (Operation &inner : fused.getBody().front().without_terminator())
          count(&inner);
        if (llvm::all_of(fused.getBody().front().without_terminator(), movesDataOnly))
          ++dataMovementKernels;
      } else {
        count(&op);
        if (movesDataOnly(op))
          ++dataMovementKernels;
      }
    }
  std::ostringstream json;
  json << "{\"onnx_ops\": ";
  if (auto nodes = module->getAttrOfType<IntegerAttr>("hone.onnx_nodes"))
    json << nodes.getInt();
  else
    json << "null";
  json << ", \"kernels\": " << kernels << ", \"flops\": ";
  if (flopsKnown)
    json << 2 * macs;
  else
    json << "null";
  if (shapes && plan)
    json << ", \"intermediate_bytes_before\": "
         << (before ? before->intermediateBytes : intermediateBytes(main, *shapes, *plan, true))
         << ", \"intermediate_bytes_after\": " << intermediateBytes(main, *shapes, *plan, false);
  json << ", \"layout_transforms_before\": ";
  if (auto nodes = module->getAttrOfType<IntegerAttr>("hone.onnx_layout_nodes"))
    json << nodes.getInt();
  else
    json << "null";
  if (shapes && plan) {
    LayoutFigures after = layoutTransforms(main, *shapes, *plan, /*all=*/false);
    json << ", \"layout_transforms_after\": " << after.ops << ", \"layout_transform_bytes_before\": "
         << (before ? before->layoutTransformBytes : layoutTransforms(main, *shapes, *plan, true).bytes)
         << ", \"layout_transform_bytes_after\": " << after.bytes
         << ", \"data_movement_kernels\": " << dataMovementKernels;
  }
  json << ", \"peak_memory\": ";
  if (auto arena = main ? main->getAttrOfType<IntegerAttr>("hone.arena_bytes") : IntegerAttr()) {
    json << arena.getInt();
  } else if (main && main->hasAttr("hone.arena_bytes") && shapes && plan) {
    // A symbolic plan: its size as one expression over the input dims'
    // symbols (the offset variables inlined).
    llvm::DenseMap<unsigned, DimExpr> inlined;
    for (const auto &[id, definition] : plan->variables)
      inlined[id] = definition.substitute([&](const DimExpr &leaf) {
        auto it = leaf.getKind() == DimExpr::Kind::Symbol ? inlined.find(leaf.getIndex()) : inlined.end();
        return it == inlined.end() ? DimExpr() : it->second;
      });
    DimExpr peak = plan->arenaBytes.substitute([&](const DimExpr &leaf) {
      auto it = leaf.getKind() == DimExpr::Kind::Symbol ? inlined.find(leaf.getIndex()) : inlined.end();
      return it == inlined.end() ? DimExpr() : it->second;
    });
    json << "\"" << shapes->print(peak) << "\"";
  } else {
    json << "null";
  }
  for (const auto &[key, figure] : targetFigures)
    json << ", \"" << key << "\": " << figure;
  json << "}";
  return json.str();
}
