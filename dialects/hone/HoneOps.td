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
    `row_strips`, when present, says the group is a chain of window ops
    (convolutions, pools) fused across their Many-to-Many edges: code
    generation computes the last one by that many strips of rows of its
    result per image (the rows of a strip: the rows divided by it, rounded
    up, whatever the rows are at run time), and the ones before it row by
    row inside each strip. `channel_tasks`: the strips' tasks are also
    blocks of the last op's channels (every op after the chain's first reads
    only its own channels), each computing the ops before it for its block
    alone. `row_tiles`: the body's MatMul reads a Softmax along its last
    axis, which code generation computes inside each task of the product
    (a row of its tiles) for the rows that task reads
    (passes/fusion/RowTiles.h). `strip_min_bytes`, with `row_strips`: the
    chain's first op (a convolution and its epilogue) runs row by row inside
    the strips only when its result has at least that many bytes at run
    time (the fusion plan's cost model answers differently for small and
    large run-time sizes). Below that, the group's last input is that
    result, computed by its own kernel (a hone.fused op the run calls only
    then), and the group reads it instead (code generation compiles both
    variants; the body does not read that argument).

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
  let arguments = (ins Variadic<AnyType>:$inputs, StrAttr:$fused_mapping,
                       OptionalAttr<I64Attr>:$row_strips, UnitAttr:$channel_tasks,
                       UnitAttr:$row_tiles, OptionalAttr<I64Attr>:$strip_min_bytes);
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

// Ops of later ONNX opsets that hone builds itself (from the patterns that
// spell them in opset 17); the importer does not take them from a model.

def Hone_GeluOp : Hone_ElementwiseOp<"gelu", "Gelu", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Gelu (opset 20): x * Phi(x), Phi the standard normal CDF";
  let description = [{
    The Gaussian error linear unit, `0.5 * x * (1 + erf(x / sqrt(2)))`, or
    with `approximate = "tanh"`,
    `0.5 * x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x^3)))`. Opset 17
    has no Gelu: exporters write these formulas out, and the pattern
    recogniser (passes/fusion/RecognizePatterns.cpp) puts the op back.

    ```mlir
    %y = hone.gelu %x : (tensor<1x197x768xf32>) -> tensor<1x197x768xf32>
    ```
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64, BF16]>:$x,
    DefaultValuedStrAttr<StrAttr, "none">:$approximate);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64, BF16]>:$y);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      if (getApproximate() != "none" && getApproximate() != "tanh")
        return emitOpError() << "approximate must be \"none\" or \"tanh\", not \""
                             << getApproximate() << "\"";
      static const int groups[] = {0, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeSameAsOperand0(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::OneToOne;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::IndependentVariable;
    }
  }];
}

#endif // HONE_OPS
