//===- Stages.cpp - The pipeline's stages, one table ----------------------===//
//
// One row per stage, in pipeline order; see Stages.h.
//
//===----------------------------------------------------------------------===//
#include "compiler/pipeline/Stages.h"

#include "passes/memory/Passes.h"

using namespace mlir;
using namespace mlir::hone;

namespace {

/// The importer builds this stage's IR; there is nothing to run.
void buildImportStage(OpPassManager &) {}

void buildMemoryStage(OpPassManager &pm) {
  // The plan is made last, over the final list of kernels.
  pm.addNestedPass<func::FuncOp>(createPlanMemoryPass());
}

const StageInfo kStages[] = {
    {Stage::Import, "hone", "the imported hone IR (one op per ONNX node)", buildImportStage},
    {Stage::Memory, "memory", "arena offsets of every intermediate tensor", buildMemoryStage},
};

} // namespace

llvm::ArrayRef<StageInfo> mlir::hone::pipelineStages() { return kStages; }

std::optional<Stage> mlir::hone::findStage(llvm::StringRef name) {
  for (const StageInfo &info : kStages)
    if (info.name == name)
      return info.stage;
  return std::nullopt;
}

void mlir::hone::buildPipelineUpTo(OpPassManager &pm, Stage last) {
  for (const StageInfo &info : kStages) {
    info.build(pm);
    if (info.stage == last)
      return;
  }
}
