//===- Stages.cpp - The pipeline's stages, one table ----------------------===//
//
// One row per stage, in pipeline order; see Stages.h.
//
//===----------------------------------------------------------------------===//
#include "compiler/pipeline/Stages.h"

#include "passes/fusion/Passes.h"
#include "passes/layout/Passes.h"
#include "passes/memory/Passes.h"
#include "passes/shapes/Passes.h"
#include "passes/simplify/Passes.h"

#include "mlir/Transforms/Passes.h"

using namespace mlir;
using namespace mlir::hone;

namespace {

/// The importer builds this stage's IR; there is nothing to run.
void buildImportStage(OpPassManager &, const PipelineOptions &) {}

void buildSimplifyStage(OpPassManager &pm, const PipelineOptions &) {
  // Shape chains (Shape -> Gather -> Concat -> Reshape) fold one link per
  // round once the types before them are known, so the two passes
  // alternate; three rounds collapse the chains exporters emit.
  for (int round = 0; round < 3; ++round) {
    pm.addNestedPass<func::FuncOp>(createInferShapesPass());
    pm.addNestedPass<func::FuncOp>(createFoldConstantsPass());
  }
  pm.addNestedPass<func::FuncOp>(createInferShapesPass());
  // The chains that depend on dynamic dims: folded where the symbolic
  // analysis knows their elements (a Reshape's target with the input's own
  // dims), then the types after them refined.
  pm.addNestedPass<func::FuncOp>(createFoldShapeValuesPass());
  pm.addNestedPass<func::FuncOp>(createInferShapesPass());
  // Drops the ops whose results folding left unused.
  pm.addPass(createCanonicalizerPass());
}

void buildRewriteStage(OpPassManager &pm, const PipelineOptions &options) {
  if (!options.rewrite)
    return;
  // Layers first (their ops are what the rules and the kernels know), then
  // the algebra; folding computes the constants both leave behind (a
  // BatchNormalization's scale, a weight times a scale), and the
  // canonicalizer drops what became dead.
  pm.addNestedPass<func::FuncOp>(createRecognizePatternsPass());
  RewriteAlgebraPassOptions algebra;
  algebra.relaxedMath = options.relaxedMath;
  pm.addNestedPass<func::FuncOp>(createRewriteAlgebraPass(algebra));
  pm.addNestedPass<func::FuncOp>(createFoldConstantsPass());
  pm.addPass(createCanonicalizerPass());
}

void buildDimsStage(OpPassManager &pm, const PipelineOptions &) {
  // Symbolic dims of every tensor, written on the IR for inspection (the
  // memory plan and the code generator run the analysis themselves).
  pm.addNestedPass<func::FuncOp>(createPropagateDimsPass());
}

void buildLayoutStage(OpPassManager &pm, const PipelineOptions &options) {
  if (!options.layout)
    return;
  pm.addNestedPass<func::FuncOp>(createEliminateLayoutTransformsPass());
  // Weights it laid out for a product of their own (projection-split) are
  // ops over constants until folded; the constants they replace go.
  pm.addNestedPass<func::FuncOp>(createFoldConstantsPass());
  pm.addPass(createCanonicalizerPass());
  // The ops it rebuilt get their symbolic dims written again.
  pm.addNestedPass<func::FuncOp>(createPropagateDimsPass());
}

void buildFusionStage(OpPassManager &pm, const PipelineOptions &options) {
  if (!options.fuse)
    return;
  FuseOpsPassOptions fusion;
  fusion.foldLayoutTransforms = options.layout;
  // Every target compiles through the CPU code generator today.
  fusion.target = "cpu";
  fusion.table = options.fusionTable;
  pm.addNestedPass<func::FuncOp>(createFuseOpsPass(fusion));
}

void buildMemoryStage(OpPassManager &pm, const PipelineOptions &) {
  // The plan is made last, over the final list of kernels.
  pm.addNestedPass<func::FuncOp>(createPlanMemoryPass());
}

const StageInfo kStages[] = {
    {Stage::Import, "hone", "the imported hone IR (one op per ONNX node)", buildImportStage},
    {Stage::Simplify, "simplify", "constants folded and shapes propagated", buildSimplifyStage},
    {Stage::Rewrite, "rewrite", "layers recognised, algebra rewritten (fewer FLOPs)", buildRewriteStage},
    {Stage::Dims, "dims", "every tensor's dims as symbolic expressions", buildDimsStage},
    {Stage::Layout, "layout", "Reshapes moved out of the way of the Transposes fusion folds", buildLayoutStage},
    {Stage::Fusion, "fusion", "ops grouped into hone.fused kernels", buildFusionStage},
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

void mlir::hone::buildPipelineStages(OpPassManager &pm, Stage first, Stage last,
                                     const PipelineOptions &options) {
  bool started = false;
  for (const StageInfo &info : kStages) {
    started = started || info.stage == first;
    if (started)
      info.build(pm, options);
    if (info.stage == last)
      return;
  }
}

void mlir::hone::buildPipelineUpTo(OpPassManager &pm, Stage last, const PipelineOptions &options) {
  buildPipelineStages(pm, kStages[0].stage, last, options);
}
