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
#include "passes/memory/MemoryPlan.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"

#include <optional>
#include <sstream>

using namespace mlir;
using namespace mlir::hone;

namespace {

/// The arena alignment the memory stage plans with (its default).
constexpr int64_t kArenaAlignment = 64;

} // namespace

std::string mlir::hone::statsJson(ModuleOp module) {
  auto main = module.lookupSymbol<func::FuncOp>("main");
  int64_t kernels = 0, macs = 0;
  bool flopsKnown = true;
  if (main)
    for (Operation &op : main.getBody().front()) {
      if (isa<ConstantOp, NoneOp, func::ReturnOp>(op))
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
      if (auto fused = dyn_cast<FusedOp>(op))
        for (Operation &inner : fused.getBody().front().without_terminator())
          count(&inner);
      else
        count(&op);
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
  json << ", \"peak_memory\": ";
  if (auto arena = main ? main->getAttrOfType<IntegerAttr>("hone.arena_bytes") : IntegerAttr()) {
    json << arena.getInt();
  } else if (main && main->hasAttr("hone.arena_bytes") && main.getBody().hasOneBlock()) {
    // A symbolic plan: its size as one expression over the input dims'
    // symbols (the offset variables inlined).
    SymbolicShapes shapes(main);
    MemoryPlan plan = planMemory(main, shapes, kArenaAlignment);
    llvm::DenseMap<unsigned, DimExpr> inlined;
    for (const auto &[id, definition] : plan.variables)
      inlined[id] = definition.substitute([&](const DimExpr &leaf) {
        auto it = leaf.getKind() == DimExpr::Kind::Symbol ? inlined.find(leaf.getIndex()) : inlined.end();
        return it == inlined.end() ? DimExpr() : it->second;
      });
    DimExpr peak = plan.arenaBytes.substitute([&](const DimExpr &leaf) {
      auto it = leaf.getKind() == DimExpr::Kind::Symbol ? inlined.find(leaf.getIndex()) : inlined.end();
      return it == inlined.end() ? DimExpr() : it->second;
    });
    json << "\"" << shapes.print(peak) << "\"";
  } else {
    json << "null";
  }
  json << "}";
  return json.str();
}
