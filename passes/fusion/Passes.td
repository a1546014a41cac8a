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
    Option<"maxOps", "max-ops", "int64_t", /*default=*/"24", "most ops in one group">,
    Option<"profile", "profile", "std::string", /*default=*/"\"cost\"",
           "how profile cells are decided: cost (the model), fuse or never">,
    Option<"peakGflops", "peak-gflops", "double", /*default=*/"114.0",
           "the cost model's FLOP rate (one AVX-512 core: about 114 GFLOP/s)">,
    Option<"bandwidthGbs", "bandwidth-gbs", "double", /*default=*/"12.0",
           "the cost model's memory bandwidth in GB/s">,
  ];
}

#endif // HONE_PASSES_FUSION_PASSES
