//===- Stats.cpp - What the compiler did, as one JSON object --------------===//
//
// FLOPs come from the ops' result types (their shape functions ran in the
// simplify stage) and the contracted extents of their operands, so they
// are the figures of the shapes that were compiled.
//
//===----------------------------------------------------------------------===//
#include "compiler/pipeline/Stats.h"

#include "dialects/hone/HoneOps.h"
#include "passes/memory/MemoryPlan.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"

#include <optional>
#include <sstream>

using namespace mlir;
using namespace mlir::hone;

namespace {

/// The arena alignment the memory stage plans with (its default).
constexpr int64_t kArenaAlignment = 64;

std::optional<int64_t> elementCount(Type type) {
  auto shaped = dyn_cast<RankedTensorType>(type);
  if (!shaped || !shaped.hasStaticShape())
    return std::nullopt;
  return shaped.getNumElements();
}

std::optional<int64_t> staticDim(Value value, int64_t dim) {
  auto shaped = dyn_cast<RankedTensorType>(value.getType());
  if (!shaped || dim < 0 || dim >= shaped.getRank() || shaped.isDynamicDim(dim))
    return std::nullopt;
  return shaped.getDimSize(dim);
}

/// Multiply-adds of one contraction op; 0 for other ops; nullopt when a
/// shape it needs is dynamic.
std::optional<int64_t> multiplyAdds(Operation *op) {
  std::optional<int64_t> outputs = op->getNumResults() ? elementCount(op->getResult(0).getType())
                                                       : std::optional<int64_t>(0);
  // Conv: each output sums C/group x kernel taps, the weight's dims after
  // M. ConvTranspose: each input element scatters into M/group x kernel
  // taps, the weight's dims after C.
  if (isa<ConvOp, ConvTransposeOp>(op)) {
    std::optional<int64_t> points = isa<ConvOp>(op) ? outputs : elementCount(op->getOperand(0).getType());
    std::optional<int64_t> weights = elementCount(op->getOperand(1).getType());
    std::optional<int64_t> leading = staticDim(op->getOperand(1), 0);
    if (!points || !weights || !leading || *leading == 0)
      return std::nullopt;
    return *points * (*weights / *leading);
  }
  if (isa<MatMulOp>(op)) {
    auto a = dyn_cast<RankedTensorType>(op->getOperand(0).getType());
    if (!outputs || !a || a.getRank() == 0 || a.isDynamicDim(a.getRank() - 1))
      return std::nullopt;
    return *outputs * a.getDimSize(a.getRank() - 1);
  }
  if (auto gemm = dyn_cast<GemmOp>(op)) {
    bool transA = false;
    if (auto attr = op->getAttrOfType<IntegerAttr>("transA"))
      transA = attr.getInt() != 0;
    std::optional<int64_t> k = staticDim(op->getOperand(0), transA ? 0 : 1);
    if (!outputs || !k)
      return std::nullopt;
    return *outputs * *k;
  }
  return 0;
}

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
      std::optional<int64_t> count = multiplyAdds(&op);
      if (count)
        macs += *count;
      else
        flopsKnown = false;
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
