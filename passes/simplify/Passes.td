//===- Passes.td - Simplification passes -------------------*- tablegen -*-===//
//
// Step 2 of DESIGN.md's pipeline: canonicalize, fold constants, collapse
// shape sub-graphs.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_PASSES_SIMPLIFY_PASSES
#define HONE_PASSES_SIMPLIFY_PASSES

include "mlir/Pass/PassBase.td"

def FoldConstantsPass : Pass<"hone-fold-constants", "::mlir::func::FuncOp"> {
  let summary = "Evaluates ops whose inputs are known at compile time";
  let description = [{
    Replaces an op by `hone.constant`s when all its operands are constants
    (or absent), or when it has the ValueFromShapes trait and its operands
    have static types. The values come from the op's reference kernel, the
    same executable meaning the evaluator gives it, so folding cannot change
    what a model computes. This is what collapses the Shape -> Gather ->
    Concat -> Reshape chains of exported models into static reshapes.

    A result is folded only when it is no larger than its constant inputs or
    has at most `max-elements` elements, so that folding never bloats the
    weights (an Expand of a scalar to a large tensor stays an op).

    ```mlir
    %s = hone.shape %x : (tensor<2x3x4xf32>) -> tensor<3xi64>
    ```
    becomes
    ```mlir
    %s = hone.constant dense<[2, 3, 4]> : tensor<3xi64>
    ```
  }];
  let options = [
    Option<"maxElements", "max-elements", "int64_t", /*default=*/"65536",
           "fold results up to this many elements even when larger than their inputs">,
  ];
}

#endif // HONE_PASSES_SIMPLIFY_PASSES
