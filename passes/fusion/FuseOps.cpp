//===- FuseOps.cpp - Groups of ops become hone.fused kernels --------------===//
//
// Runs the planner (FusionPlanner.h) on a function body and writes each
// group of two or more ops as one hone.fused op: its inputs are the values
// the group reads from outside (in first-use order), its results the values
// read outside it (in program order), its location all of its ops' (so
// diagnostics still name every ONNX node). The block is then sorted
// topologically: a group sits where its last op was, and an op that read an
// earlier member's result moves after it.
//
//===----------------------------------------------------------------------===//
#include "passes/fusion/Passes.h"

#include "dialects/hone/HoneOps.h"
#include "passes/fusion/FusionPlanner.h"

#include "mlir/Analysis/TopologicalSortUtils.h"
#include "mlir/IR/IRMapping.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/Support/MemoryBuffer.h"

namespace mlir::hone {
#define GEN_PASS_DEF_FUSEOPSPASS
#include "passes/fusion/Passes.h.inc"
} // namespace mlir::hone

using namespace mlir;
using namespace mlir::hone;

namespace {

struct FuseOpsPass final : mlir::hone::impl::FuseOpsPassBase<FuseOpsPass> {
  using Base::Base;
  void runOnOperation() override;
};

/// Writes `group` as one hone.fused op; false when nothing outside reads it
/// (dead ops stay as they are).
bool materialize(const FusionGroup &group) {
  llvm::DenseSet<Operation *> members(group.ops.begin(), group.ops.end());
  llvm::SetVector<Value> inputs;
  SmallVector<Value> outputs;
  for (Operation *op : group.ops) {
    for (Value operand : op->getOperands()) {
      Operation *def = operand.getDefiningOp();
      if (!def || !members.count(def))
        inputs.insert(operand);
    }
    for (Value result : op->getResults())
      if (llvm::any_of(result.getUsers(), [&](Operation *user) {
            return !members.count(op->getBlock()->findAncestorOpInBlock(*user));
          }))
        outputs.push_back(result);
  }
  if (outputs.empty())
    return false;
  Operation *last = group.ops.back();
  MLIRContext *context = last->getContext();
  SmallVector<Location> locations;
  for (Operation *op : group.ops)
    locations.push_back(op->getLoc());
  Location loc = FusedLoc::get(context, locations);
  OpBuilder builder(last);
  SmallVector<Type> resultTypes;
  for (Value output : outputs)
    resultTypes.push_back(output.getType());
  auto fused = builder.create<FusedOp>(loc, resultTypes, inputs.getArrayRef(),
                                       builder.getStringAttr(stringifyMappingType(group.type)),
                                       group.rowStrips > 0 ? builder.getI64IntegerAttr(group.rowStrips) : IntegerAttr(),
                                       group.channelTasks ? builder.getUnitAttr() : UnitAttr(),
                                       group.rowTiles ? builder.getUnitAttr() : UnitAttr());
  Block *body = builder.createBlock(&fused.getBody());
  IRMapping mapping;
  for (Value input : inputs)
    mapping.map(input, body->addArgument(input.getType(), input.getLoc()));
  builder.setInsertionPointToEnd(body);
  for (Operation *op : group.ops)
    builder.clone(*op, mapping);
  SmallVector<Value> yielded;
  for (Value output : outputs)
    yielded.push_back(mapping.lookup(output));
  builder.create<YieldOp>(loc, yielded);
  for (auto [output, result] : llvm::zip(outputs, fused.getResults()))
    output.replaceUsesWithIf(result, [&](OpOperand &use) {
      return !members.count(use.getOwner());
    });
  for (Operation *op : llvm::reverse(group.ops))
    op->erase();
  return true;
}

void FuseOpsPass::runOnOperation() {
  func::FuncOp func = getOperation();
  if (!func.getBody().hasOneBlock())
    return;
  FailureOr<FusionTable> targetTable = FusionTable::forTarget(target);
  if (failed(targetTable)) {
    func.emitError() << "no fusion table for target '" << target << "' (cpu)";
    return signalPassFailure();
  }
  FusionTable fusionTable = *targetTable;
  if (!table.empty()) {
    auto file = llvm::MemoryBuffer::getFile(table);
    if (!file) {
      func.emitError() << "cannot read the fusion table '" << table << "': " << file.getError().message();
      return signalPassFailure();
    }
    std::string error;
    if (failed(fusionTable.applyOverrides((*file)->getBuffer(), error))) {
      func.emitError() << "fusion table '" << table << "': " << error;
      return signalPassFailure();
    }
  }
  FusionOptions options;
  options.maxOps = maxOps;
  options.peakFlops = peakGflops * 1e9;
  options.bandwidth = bandwidthGbs * 1e9;
  if (profile == "cost")
    options.profile = FusionOptions::Profile::Cost;
  else if (profile == "fuse")
    options.profile = FusionOptions::Profile::Fuse;
  else if (profile == "never")
    options.profile = FusionOptions::Profile::Never;
  else {
    func.emitError() << "profile must be cost, fuse or never, got '" << profile << "'";
    return signalPassFailure();
  }
  if (maxOps < 1 || peakGflops <= 0 || bandwidthGbs <= 0) {
    func.emitError() << "max-ops, peak-gflops and bandwidth-gbs must be positive";
    return signalPassFailure();
  }
  Block &body = func.getBody().front();
  std::vector<FusionGroup> groups;
  {
    SymbolicShapes shapes(func);
    groups = planFusion(body, shapes, fusionTable, options);
  }
  bool changed = false;
  for (const FusionGroup &group : groups)
    if (group.ops.size() >= 2)
      changed |= materialize(group);
  if (changed && !sortTopologically(&body)) {
    func.emitError() << "operator fusion left a cycle (a planner bug)";
    return signalPassFailure();
  }
}

} // namespace
