//===- Passes.td - Layout passes ---------------------------*- tablegen -*-===//
//
// Step 4 of DESIGN.md's pipeline: layout transformation elimination and
// layout selection (SmartMem, ASPLOS'24).
//
//===----------------------------------------------------------------------===//
#ifndef HONE_PASSES_LAYOUT_PASSES
#define HONE_PASSES_LAYOUT_PASSES

include "mlir/Pass/PassBase.td"

def AnnotateLayoutClassesPass : Pass<"hone-annotate-layout-classes", "::mlir::func::FuncOp"> {
  let summary = "Writes each op's layout class, reduction dims and edge actions";
  let description = [{
    For inspection and tests, what the layout passes ask of each op of a
    function's body (LayoutOpInterface) and what the producer-consumer
    table (passes/layout/LayoutTable.h, SmartMem's Tables 5 and 6) decides
    for each of its operands that another op of the body produces:

    - `hone.layout_class`: the op's class (`ild_variable`, `ili_variable`,
      `ild_fixed`, `ili_fixed`);
    - `hone.reduction_dims`: per operand, the dims the op reduces over;
    - `hone.layout_edges`: per operand, the table's action for the edge
      from its producer (`keep_both`, `try_fuse`, `eliminate_first`,
      `eliminate_second`, `eliminate_both`; `none` where no op of the body
      produces it), the class of the op that results and where the layout
      is searched, as `action:class:search`.

    ```mlir
    %t = hone.transpose %x {perm = [0, 2, 1, 3]} : ...
    %m = hone.matmul %t, %w : ...
    ```
    gives the MatMul `hone.layout_edges = ["eliminate_first:ild_variable:search_second", "none"]`.
  }];
}

def EliminateLayoutTransformsPass : Pass<"hone-eliminate-layout-transforms", "::mlir::func::FuncOp"> {
  let summary = "Moves Reshape-class ops out of the way of the Transposes they separate from their neighbours";
  let description = [{
    Layout transformation elimination's graph rewriting (SmartMem,
    ASPLOS'24; passes/layout/EliminateLayoutTransforms.cpp): to a fixpoint,
    merges chains of Reshapes, moves a Transpose before a Reshape whose runs
    of dims it moves whole, moves a Transpose down past ops that commute
    with it to meet another Transpose and merges the two (cancelling a
    layout round trip), and moves a Reshape that separates a Transpose
    from its producer or consumer into that op (which then computes over
    the Transpose's view of the dims), where the op can run over either
    view: elementwise ops, and ops that reduce over trailing dims the
    Reshape keeps. Fusion then folds each Transpose into its neighbour's
    index map. Static shapes only.

    ```mlir
    %r = hone.reshape %ln, %s : (tensor<1x3136x48xf32>, ...) -> tensor<1x8x7x8x7x48xf32>
    %t = hone.transpose %r {perm = [0, 1, 3, 2, 4, 5]} : ...
    ```
    becomes a LayerNormalization over `tensor<1x8x7x8x7x48xf32>` (its
    input reshaped, a view) feeding the Transpose.
  }];
  let statistics = [
    Statistic<"numMerged", "reshapes-merged", "Reshape chains merged into one">,
    Statistic<"numTransposesMoved", "transposes-moved", "Transposes moved before a Reshape or down to another Transpose">,
    Statistic<"numTransposesMerged", "transposes-merged", "Transpose pairs merged into one or cancelled">,
    Statistic<"numIntoProducer", "reshapes-into-producer", "Reshapes moved into their producer">,
    Statistic<"numIntoConsumer", "reshapes-into-consumer", "Reshapes moved into their consumer">,
    Statistic<"numSlicesGathered", "slices-gathered", "Concats of Slices of one tensor made one Gather">,
    Statistic<"numRowChains", "row-chains", "Chains of Reshapes, Transposes and Gathers made one Gather of rows">,
    Statistic<"numSlicesTransposed", "slices-transposed", "Concats of strided Slices of one tensor made one Transpose">,
    Statistic<"numProjectionsSplit", "projections-split", "Gathers of a split product made products of their own">,
  ];
}

def SelectLayoutsPass : Pass<"hone-select-layouts", "::mlir::func::FuncOp"> {
  let summary = "Chooses the layout each producer writes for its consumers' reduction dims";
  let description = [{
    SmartMem's layout selection (passes/layout/TensorLayout.h): for each
    result of an op of the function's body, the reduction dims each use
    reads (LayoutOpInterface) are the requirements; the producer writes a
    layout that serves the first k distinct ones contiguously (k = 1 in a
    1-D buffer: those dims innermost; k = 2 in a 2.5D texture: the first's
    innermost dim packed four to an RGBA texel, the second's along x) and
    the other requirements are read from copies. Writes
    `hone.layouts` (one per result, e.g. `buffer[0, 2, 1]` or
    `texture(lane 1, x [2], y [0], 16x4)`) and `hone.layout_copies` (per
    result, the requirements left to copies). A tensor with run-time dims
    stays a buffer in texture memory; so does one whose image would exceed
    `max-image-extent` texels on a side.

    Analysis for the texture targets and for inspection: the CPU target's
    kernels read and write row-major buffers and vectorise along the
    innermost dim of what they compute, so it does not run this pass.
  }];
  let options = [
    Option<"memory", "memory", "std::string", /*default=*/"\"buffer\"",
           "buffer (k = 1) or texture (k = 2)">,
    Option<"maxImageExtent", "max-image-extent", "int64_t", /*default=*/"16384",
           "largest image width or height in texels (CL_DEVICE_IMAGE2D_MAX_WIDTH/HEIGHT)">,
  ];
}

#endif // HONE_PASSES_LAYOUT_PASSES
