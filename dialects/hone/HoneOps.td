//===- HoneOps.td - hone ops ------------------------------*- tablegen -*-===//
//
// The hand-written ops (constants, the absent-input value, region
// terminators) and the generated per-family files of ONNX operators.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_OPS
#define HONE_OPS

include "dialects/hone/HoneBase.td"
include "mlir/Interfaces/ControlFlowInterfaces.td"

def Hone_ConstantOp : Hone_Op<"constant", [ConstantLike, Pure,
    AllTypesMatch<["value", "result"]>]> {
  let summary = "A constant tensor (ONNX Constant and initializers)";
  let description = [{
    Initializers and ONNX `Constant` nodes. Weights are `dense_resource`
    blobs; small shape-like constants are `dense` so that folds can read them.

    ```mlir
    %w = hone.constant dense_resource<conv1.weight> : tensor<16x3x3x3xf32>
    %s = hone.constant dense<[1, -1]> : tensor<2xi64>
    ```
  }];
  let arguments = (ins ElementsAttr:$value);
  let results = (outs AnyTensor:$result);
  let assemblyFormat = "attr-dict $value";
  let builders = [OpBuilder<(ins "::mlir::ElementsAttr":$value), [{
    build($_builder, $_state, value.getType(), value);
  }]>];
  let hasFolder = 1;
}

def Hone_NoneOp : Hone_Op<"none", [ConstantLike, Pure]> {
  let summary = "The value of an absent optional ONNX input";
  let description = [{
    ```mlir
    %none = hone.none
    %y = hone.conv %x, %w, %none : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, none) -> tensor<1x4x6x6xf32>
    ```
  }];
  let results = (outs NoneType:$result);
  let assemblyFormat = "attr-dict";
  let builders = [OpBuilder<(ins), [{
    build($_builder, $_state, $_builder.getNoneType());
  }]>];
  let hasFolder = 1;
}

def Hone_YieldOp : Hone_Op<"yield", [Pure, Terminator, ReturnLike]> {
  let summary = "Returns the outputs of an If branch or a Loop body";
  let arguments = (ins Variadic<AnyType>:$values);
  let assemblyFormat = "($values^ `:` type($values))? attr-dict";
}

def Hone_FusedOp : Hone_Op<"fused", [IsolatedFromAbove, Pure, SingleBlock,
    DeclareOpInterfaceMethods<Hone_FusionOpInterface>]> {
  let summary = "Ops that run as one kernel (operator fusion)";
  let description = [{
    A group of ops that the fusion planner (passes/fusion/) chose to run as
    one kernel: the body computes the results from the block arguments (the
    group's inputs, in order) and yields them; values inside the body are
    never written out between kernels. `fused_mapping` is the group's
    mapping type, derived pairwise with the fusion table (DNNFusion, PLDI'21).

    ```mlir
    %y = hone.fused (%x, %w) {fused_mapping = "many_to_many"} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32> {
    ^bb0(%a: tensor<1x3x8x8xf32>, %b: tensor<4x3x3x3xf32>):
      %none = hone.none
      %c = hone.conv %a, %b, %none : ...
      %r = hone.relu %c : ...
      hone.yield %r : tensor<1x4x6x6xf32>
    }
    ```
  }];
  let arguments = (ins Variadic<AnyType>:$inputs, StrAttr:$fused_mapping);
  let results = (outs Variadic<AnyType>:$results);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = "`(` $inputs `)` attr-dict `:` functional-type($inputs, results) $body";
  let hasVerifier = 1;
}

include "dialects/hone/HoneElementwiseOps.td"
include "dialects/hone/HoneNNOps.td"
include "dialects/hone/HoneTensorOps.td"
include "dialects/hone/HoneReduceOps.td"
include "dialects/hone/HoneControlFlowOps.td"

#endif // HONE_OPS
