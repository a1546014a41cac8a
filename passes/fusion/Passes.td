//===- Passes.td - Operator fusion passes ------------------*- tablegen -*-===//
//
// Step 5 of DESIGN.md's pipeline: fusion by mapping type (DNNFusion).
//
//===----------------------------------------------------------------------===//
#ifndef HONE_PASSES_FUSION_PASSES
#define HONE_PASSES_FUSION_PASSES

include "mlir/Pass/PassBase.td"

def FuseOpsPass : Pass<"hone-fuse-ops", "::mlir::func::FuncOp"> {
  let summary = "Groups ops into hone.fused kernels by their mapping types";
  let description = [{
    DNNFusion's seed-based planner (PLDI'21, §4.3). Every op reports its
    mapping type (FusionOpInterface); the fusion table
    (passes/fusion/FusionTable.h) says, for a group of one type followed by
    an op of another, the fused type and whether to fuse, never, or after
    weighing it ("profile"). Seeds are the ungrouped One-to-One ops, smallest
    result first; each grows into its successors (recursively) and then
    into its predecessors whose results it alone uses, as long as the table
    allows, the group stays acyclic with the rest of the graph, and it holds
    at most `max-ops` ops (the resource constraint: one kernel's code).

    "Profile" cells ask the cost model: fusing saves writing the
    intermediate tensor and reading it back (bytes at `bandwidth-gbs`);
    it costs recomputing the producer for every extra read when the
    consumer reads an element several times (a broadcast: FLOPs at
    `peak-gflops`), or strided reads when a Shuffle moves the innermost
    dim. Sizes are the symbolic analysis' at representative dims.
    `profile=fuse|never` decides every profile cell one way (tests).

    Ops whose result size depends on data (NonZero...), control flow, and
    constants are never grouped. A group becomes a `hone.fused` op whose
    inputs are the values its ops read from outside and whose results are
    the values used outside it, and the block is put back in topological
    order.
  }];
  let options = [
    Option<"target", "target", "std::string", /*default=*/"\"\"",
           "a target whose overrides of the table apply (cpu); empty: DNNFusion's table">,
    Option<"table", "table", "std::string", /*default=*/"\"\"",
           "file of fusion-table overrides (a target's), in FusionTable's text format">,
    Option<"foldLayoutTransforms", "fold-layout-transforms", "bool", /*default=*/"true",
           "fold Reshape- and Transpose-class ops (Reorganize, Shuffle) into their neighbours' "
           "index maps; false: each stays its own kernel or view (layout elimination off)">,
    Option<"maxOps", "max-ops", "int64_t", /*default=*/"24", "most ops in one group">,
    Option<"profile", "profile", "std::string", /*default=*/"\"cost\"",
           "how profile cells are decided: cost (the model), fuse or never">,
    Option<"peakGflops", "peak-gflops", "double", /*default=*/"114.0",
           "the cost model's FLOP rate (one AVX-512 core: about 114 GFLOP/s)">,
    Option<"bandwidthGbs", "bandwidth-gbs", "double", /*default=*/"12.0",
           "the cost model's memory bandwidth in GB/s">,
  ];
}

def RewriteAlgebraPass : Pass<"hone-rewrite-algebra", "::mlir::func::FuncOp"> {
  let summary = "Rewrites sums, products and contractions by their algebraic properties";
  let description = [{
    DNNFusion's graph rewriting (PLDI'21, §4.2): the ops with an algebraic
    property (AlgebraicTraits.h: Add and Mul are associative and
    commutative, Mul and the contractions distribute over addition) and the
    ops the rules read through (Sub, Div, Sqrt, Abs, Neg, Exp, Reciprocal,
    ReduceProd) form partitions, the connected groups the paper matches in
    (associative-commutative matching is NP-complete in general; the
    partitions are small). Within them the pass applies, greedily, the
    rewrite that saves the most FLOPs, until none saves any
    (AlgebraRules.h lists the rules: the paper's Table 4 and the scale and
    bias folds into convolutions and contractions). Values known at compile
    time cost nothing: constant folding computes them once.

    First, division by a constant becomes multiplication by its reciprocal,
    subtraction of a constant addition of its negation, and Pow(x, 2)
    becomes x * x: the forms the rules are written for, and cheaper.

    The rules are identities of real arithmetic, applied to floating-point
    tensors only; like any reassociation they can change the last bits of a
    result. Rules that can change more (sqrt(B) * sqrt(B) -> B for a
    negative B, exp(A) * exp(C) -> exp(A + C) where the product overflows)
    run only with `relaxed-math`.

    ```mlir
    %0 = hone.matmul %q, %k : (tensor<4x64x16xf32>, tensor<4x16x64xf32>) -> tensor<4x64x64xf32>
    %1 = hone.mul %0, %scale : (tensor<4x64x64xf32>, tensor<f32>) -> tensor<4x64x64xf32>
    ```
    becomes (scale-through-matmul: 16384 FLOPs fewer)
    ```mlir
    %0 = hone.mul %q, %scale : (tensor<4x64x16xf32>, tensor<f32>) -> tensor<4x64x16xf32>
    %1 = hone.matmul %0, %k : (tensor<4x64x16xf32>, tensor<4x16x64xf32>) -> tensor<4x64x64xf32>
    ```
  }];
  let options = [
    Option<"relaxedMath", "relaxed-math", "bool", /*default=*/"false",
           "also apply rules that can change results on special values">,
    ListOption<"rules", "rules", "std::string",
               "only these rules (AlgebraRules.cpp names); empty: all">,
    Option<"remarks", "remarks", "bool", /*default=*/"false",
           "emit a remark at each rewritten op naming the rule and the FLOPs saved">,
  ];
  let statistics = [
    Statistic<"numPartitions", "partitions", "partitions of algebraic ops">,
    Statistic<"numCanonicalized", "canonicalized", "ops put in canonical form">,
    Statistic<"numRewrites", "rewrites", "rewrites applied">,
    Statistic<"flopsSaved", "flops-saved", "FLOPs saved at the costing shapes">,
  ];
}

def RecognizePatternsPass : Pass<"hone-recognize-patterns", "::mlir::func::FuncOp"> {
  let summary = "Replaces decomposed layers by the ops they compute";
  let description = [{
    The graph simplifications that come before algebraic rewriting and
    fusion: exporters and older opsets spell common layers as chains of small
    ops; one op per layer gives the code generator its whole meaning (one
    pass over the data, a numerically careful kernel).

    - `batchnorm-to-scale-shift`: an inference BatchNormalization becomes
      x * s + t with s = scale / sqrt(var + eps) and t = b - mean * s per
      channel (constants when the parameters are: the algebraic rewriter then
      folds s and t into a preceding Conv).
    - `matmul-bias-to-gemm`: MatMul of 2-D operands plus a bias becomes Gemm
      with the bias as C.
    - `softmax`: exp(x - ReduceMax(x)) / ReduceSum(exp(...)) over one axis
      (or without the max) becomes Softmax on that axis.
    - `layer-normalization`: ReduceMean, Sub, Pow 2 (or a self-Mul),
      ReduceMean, Add eps, Sqrt, Div over the trailing axes, then an optional
      Mul by a scale and Add of a bias, becomes LayerNormalization.
    - `gelu`: 0.5 * x * (1 + erf(x / sqrt(2))) becomes Gelu (opset 20's op,
      which hone builds itself), and the tanh approximation Gelu with
      `approximate = "tanh"`.

    ```mlir
    %m = hone.reduce_max %x, %axes : (tensor<2x8xf32>, tensor<1xi64>) -> tensor<2x1xf32>
    %d = hone.sub %x, %m : (tensor<2x8xf32>, tensor<2x1xf32>) -> tensor<2x8xf32>
    %e = hone.exp %d : (tensor<2x8xf32>) -> tensor<2x8xf32>
    %s = hone.reduce_sum %e, %axes : (tensor<2x8xf32>, tensor<1xi64>) -> tensor<2x1xf32>
    %y = hone.div %e, %s : (tensor<2x8xf32>, tensor<2x1xf32>) -> tensor<2x8xf32>
    ```
    becomes
    ```mlir
    %y = hone.softmax %x {axis = 1 : i64} : (tensor<2x8xf32>) -> tensor<2x8xf32>
    ```
  }];
  let options = [
    ListOption<"patterns", "patterns", "std::string",
               "only these patterns (names above); empty: all">,
  ];
  let statistics = [
    Statistic<"numRecognized", "recognized", "layers recognised">,
  ];
}

#endif // HONE_PASSES_FUSION_PASSES
