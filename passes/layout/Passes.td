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

#endif // HONE_PASSES_LAYOUT_PASSES
