//===- Stages.h - The pipeline's stages, one table ---------------*- C++ -*-===//
//
// Every step of DESIGN.md's pipeline is a stage here, in order. The table
// alone drives `honec --emit=<stage>` (stop after that stage and print the
// IR) and the pipeline builder; a step adds itself with one row when its
// passes exist.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_COMPILER_PIPELINE_STAGES_H
#define HONE_COMPILER_PIPELINE_STAGES_H

#include "mlir/Pass/PassManager.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace mlir::hone {

enum class Stage {
  /// The imported hone IR, before any pass.
  Import,
  /// Constants folded, shape sub-graphs collapsed, shapes propagated
  /// (steps 2 and 3).
  Simplify,
  /// Decomposed layers recognised and the graph rewritten by algebraic
  /// properties (step 5's rewriting, before fusion; needs final shapes).
  Rewrite,
  /// Every tensor's dims as symbolic expressions, annotated (step 3).
  Dims,
  /// Layout transformations moved out of the way and folded (step 4).
  Layout,
  /// Ops grouped into hone.fused kernels by mapping type (step 5).
  Fusion,
  /// Arena offsets of every intermediate tensor (step 7).
  Memory,
};

/// Choices a user makes about the pipeline (honec's flags).
struct PipelineOptions {
  /// Layer recognition and algebraic rewriting (passes/fusion/); off, the
  /// graph keeps the importer's ops.
  bool rewrite = true;
  /// Also the algebraic rules that can change results on special values
  /// (AlgebraRules.h).
  bool relaxedMath = false;
  /// Layout transformation elimination (passes/layout/): Reshapes moved
  /// out of the way of Transposes, and fusion folding Reshape- and
  /// Transpose-class ops into their neighbours. Off (the ablation), each
  /// stays its own kernel, or a view where it moves nothing.
  bool layout = true;
  /// Operator fusion (passes/fusion/); off, every op is its own kernel.
  bool fuse = true;
  /// A file of fusion-table overrides (FusionTable.h); empty: the target's.
  std::string fusionTable;
};

struct StageInfo {
  Stage stage;
  /// The name `--emit=` takes.
  llvm::StringLiteral name;
  llvm::StringLiteral description;
  /// Adds the stage's passes to `pm` (nothing for the importer).
  void (*build)(OpPassManager &pm, const PipelineOptions &options);
};

/// All stages, in pipeline order.
llvm::ArrayRef<StageInfo> pipelineStages();

/// The stage named `name`, if any.
std::optional<Stage> findStage(llvm::StringRef name);

/// Adds the passes of the stages from `first` to `last`, both included.
void buildPipelineStages(OpPassManager &pm, Stage first, Stage last,
                         const PipelineOptions &options = {});

/// Adds the passes of every stage up to and including `last`.
void buildPipelineUpTo(OpPassManager &pm, Stage last, const PipelineOptions &options = {});

} // namespace mlir::hone

#endif // HONE_COMPILER_PIPELINE_STAGES_H
