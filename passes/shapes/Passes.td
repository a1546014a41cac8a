//===- Passes.td - Shape propagation passes ----------------*- tablegen -*-===//
//
// Step 3 of DESIGN.md's pipeline: rank and dimension propagation (SoD²).
//
//===----------------------------------------------------------------------===//
#ifndef HONE_PASSES_SHAPES_PASSES
#define HONE_PASSES_SHAPES_PASSES

include "mlir/Pass/PassBase.td"

def InferShapesPass : Pass<"hone-infer-shapes", "::mlir::func::FuncOp"> {
  let summary = "Refines result types with the ops' shape functions";
  let description = [{
    Walks a function in order and gives each result the most precise type
    its op's shape function and its declared type agree on: a rank where the
    type was unranked, a static dim where it was dynamic. The function's
    result types follow. Forward propagation of known dims (SoD², ASPLOS'24);
    symbolic dims and backward constraints extend it in the dynamic-shape
    issue.

    ```mlir
    %r = hone.reshape %x, %c : (tensor<2x12xf32>, tensor<3xi64>) -> tensor<?x?x?xf32>
    ```
    with `%c = hone.constant dense<[2, 3, 4]>` becomes
    ```mlir
    %r = hone.reshape %x, %c : (tensor<2x12xf32>, tensor<3xi64>) -> tensor<2x3x4xf32>
    ```
  }];
}

def FoldShapeValuesPass : Pass<"hone-fold-shape-values", "::mlir::func::FuncOp"> {
  let summary = "Folds shape tensors whose elements the symbolic analysis knows";
  let description = [{
    With dynamic dims, an exporter's shape chains (Shape -> Gather ->
    Unsqueeze -> Concat -> Reshape) cannot be evaluated at compile time, but
    the symbolic analysis (SymbolicShapes.h, SoD²) knows their elements as
    expressions over the input dims. An integer tensor whose elements are
    all constants becomes a constant; a Reshape (allowzero = 0) whose target
    has symbolic elements reads a constant target when each of them is the
    input's dim at the same position (written 0, "copy") or, for one of
    them, the rest of the element count (-1). The chains left unread are
    dead, and InferShapes gives the Reshape's result its static dims.

    ```mlir
    %s = hone.shape %x : (tensor<1x?x768xf32>) -> tensor<3xi64>
    ...  // gathers, unsqueezes: [1, seq, 3, 4, 64]
    %t = hone.concat %a, %b, %c, %d, %e {axis = 0 : i64} : (...) -> tensor<5xi64>
    %r = hone.reshape %x, %t : (tensor<1x?x768xf32>, tensor<5xi64>) -> tensor<?x?x?x?x?xf32>
    ```
    becomes
    ```mlir
    %t = hone.constant dense<[1, 0, 3, 4, 64]> : tensor<5xi64>
    %r = hone.reshape %x, %t : (tensor<1x?x768xf32>, tensor<5xi64>) -> tensor<?x?x?x?x?xf32>
    ```
  }];
}

def PropagateDimsPass : Pass<"hone-propagate-dims", "::mlir::func::FuncOp"> {
  let summary = "Annotates every tensor with its dims as symbolic expressions";
  let description = [{
    Runs the symbolic shape analysis (passes/shapes/SymbolicShapes.h; SoD²,
    ASPLOS'24: dims as constants, named symbols or expressions over them,
    value propagation of small shape tensors, unification of input dims
    that ops require equal) and writes what it found, for inspection and
    tests: `hone.dims` on each op (one string per result), `hone.values`
    where a result's elements are known, and on the function the symbols
    (`hone.symbols`) and the equalities it assumed (`hone.assumptions`).
    Changes nothing else.

    ```mlir
    %s = hone.shape %x : (tensor<1x?x64xf32>) -> tensor<3xi64>
    ```
    gets `{hone.dims = ["[3]"], hone.values = ["[1, seq, 64]"]}`.
  }];
}

#endif // HONE_PASSES_SHAPES_PASSES
