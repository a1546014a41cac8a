//===- Passes.td - Memory planning passes ------------------*- tablegen -*-===//
//
// Step 7 of DESIGN.md's pipeline: the compile-time memory plan.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_PASSES_MEMORY_PASSES
#define HONE_PASSES_MEMORY_PASSES

include "mlir/Pass/PassBase.td"

def PlanMemoryPass : Pass<"hone-plan-memory", "::mlir::func::FuncOp"> {
  let summary = "Assigns every intermediate tensor an offset in one arena";
  let description = [{
    Plans, at compile time, where each tensor a function computes lives: one
    arena per model instance, with offsets chosen so that tensors whose live
    ranges overlap never share bytes, and tensors that are dead reuse the
    space of earlier ones (SoD², ASPLOS'24). Sizes are the symbolic shape
    analysis' (passes/shapes/SymbolicShapes.h): constants, or expressions of
    the graph inputs' dims, whose offsets are then expressions too
    (passes/memory/MemoryPlan.h says how they are built), evaluated once per
    input shape at run time.

    A tensor lives from the op that defines it to its last use (a use inside
    an If/Loop region counts at that op; a returned value lives to the end).
    Offsets are assigned greedily by decreasing size, each at the lowest
    aligned offset that overlaps no placed tensor of overlapping lifetime.
    Constants live in the weights, function arguments are the caller's, and
    tensors whose size depends on data get offset -1 (the runtime's scratch
    holds them). Symbolic plans write each offset as a variable `@k` and its
    definition, and the arena's size as an expression.

    ```mlir
    %a = hone.relu %x : (tensor<256xf32>) -> tensor<256xf32>
    %b = hone.exp %a : (tensor<256xf32>) -> tensor<256xf32>
    %c = hone.neg %b : (tensor<256xf32>) -> tensor<256xf32>
    ```
    becomes (`%c` reuses `%a`'s bytes)
    ```mlir
    %a = hone.relu %x {hone.arena_offsets = array<i64: 0>} ...
    %b = hone.exp %a {hone.arena_offsets = array<i64: 1024>} ...
    %c = hone.neg %b {hone.arena_offsets = array<i64: 0>} ...
    // func.func @main(...) attributes {hone.arena_bytes = 2048 : i64}
    ```
  }];
  let options = [
    Option<"alignment", "alignment", "int64_t", /*default=*/"64",
           "byte alignment of every tensor in the arena (a power of two)">,
  ];
}

#endif // HONE_PASSES_MEMORY_PASSES
