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

/// The values of `ops` that ops outside them read, in program order.
SmallVector<Value> readOutside(ArrayRef<Operation *> ops) {
  llvm::DenseSet<Operation *> members(ops.begin(), ops.end());
  SmallVector<Value> outputs;
  for (Operation *op : ops)
    for (Value result : op->getResults())
      if (llvm::any_of(result.getUsers(), [&](Operation *user) {
            return !members.count(op->getBlock()->findAncestorOpInBlock(*user));
          }))
        outputs.push_back(result);
  return outputs;
}

/// A hone.fused op computing `outputs` from clones of `ops`, created before
/// `before`: its inputs the values the ops read from outside (in first-use
/// order), then `extraInputs` (arguments its body does not read).
FusedOp cloneAsFused(ArrayRef<Operation *> ops, ArrayRef<Value> outputs, ArrayRef<Value> extraInputs,
                     Operation *before, MappingType type, const FusionGroup *strips) {
  llvm::DenseSet<Operation *> members(ops.begin(), ops.end());
  llvm::SetVector<Value> inputs;
  for (Operation *op : ops)
    for (Value operand : op->getOperands()) {
      Operation *def = operand.getDefiningOp();
      if (!def || !members.count(def))
        inputs.insert(operand);
    }
  for (Value extra : extraInputs)
    inputs.insert(extra);
  MLIRContext *context = before->getContext();
  SmallVector<Location> locations;
  for (Operation *op : ops)
    locations.push_back(op->getLoc());
  Location loc = FusedLoc::get(context, locations);
  OpBuilder builder(before);
  SmallVector<Type> resultTypes;
  for (Value output : outputs)
    resultTypes.push_back(output.getType());
  auto fused = builder.create<FusedOp>(
      loc, resultTypes, inputs.getArrayRef(), builder.getStringAttr(stringifyMappingType(type)),
      strips && strips->rowStrips > 0 ? builder.getI64IntegerAttr(strips->rowStrips) : IntegerAttr(),
      strips && strips->channelTasks ? builder.getUnitAttr() : UnitAttr(),
      strips && strips->rowTiles ? builder.getUnitAttr() : UnitAttr(),
      strips && strips->stripMinBytes > 0 ? builder.getI64IntegerAttr(strips->stripMinBytes) : IntegerAttr());
  Block *body = builder.createBlock(&fused.getBody());
  IRMapping mapping;
  for (Value input : inputs)
    mapping.map(input, body->addArgument(input.getType(), input.getLoc()));
  builder.setInsertionPointToEnd(body);
  for (Operation *op : ops)
    builder.clone(*op, mapping);
  SmallVector<Value> yielded;
  for (Value output : outputs)
    yielded.push_back(mapping.lookup(output));
  builder.create<YieldOp>(loc, yielded);
  return fused;
}

/// Writes `group` as one hone.fused op; false when nothing outside reads it
/// (dead ops stay as they are). A chain whose first op runs whole below a
/// size (stripMinBytes) also gets that op's own kernel, whose result it
/// takes as its last input (FusedOp's strip_min_bytes).
bool materialize(const FusionGroup &group) {
  SmallVector<Value> outputs = readOutside(group.ops);
  if (outputs.empty())
    return false;
  SmallVector<Value> extraInputs;
  if (group.stripMinBytes > 0) {
    SmallVector<Value> handed = readOutside(group.wholeProducer);
    if (handed.size() != 1)
      return false; // the planner hands out one value (StripChains.cpp)
    FusedOp producer =
        cloneAsFused(group.wholeProducer, handed, {}, group.ops.back(), MappingType::ManyToMany, nullptr);
    extraInputs.push_back(producer.getResult(0));
  }
  FusedOp fused = cloneAsFused(group.ops, outputs, extraInputs, group.ops.back(), group.type, &group);
  llvm::DenseSet<Operation *> members(group.ops.begin(), group.ops.end());
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
  if (!foldLayoutTransforms)
    fusionTable.keepLayoutTransformsApart();
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
