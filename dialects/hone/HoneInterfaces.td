//===- HoneInterfaces.td - What passes ask hone ops --------*- tablegen -*-===//
//
// Everything a pass or the evaluator needs to know about an op is asked
// through an interface declared here, never by switching on op names.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_INTERFACES
#define HONE_INTERFACES

include "mlir/IR/OpBase.td"
include "dialects/hone/HoneEnums.td"

def Hone_OnnxOpInterface : OpInterface<"OnnxOpInterface"> {
  let cppNamespace = "::mlir::hone";
  let description = [{
    An op that is one ONNX operator in canonical form. The evaluator runs the
    reference kernel registered under `getOnnxOpType()`.
  }];
  let methods = [
    InterfaceMethod<"The ONNX operator name, e.g. \"Conv\".",
      "::llvm::StringRef", "getOnnxOpType", (ins), [{}],
      [{ return ConcreteOp::getOnnxName(); }]>,
  ];
}

def Hone_ShapeFunctionOpInterface : OpInterface<"ShapeFunctionOpInterface"> {
  let cppNamespace = "::mlir::hone";
  let description = [{
    The op's shape function (dialects/hone/ShapeFunction.h): result shapes
    from operand types and constant operand values. Written once per op
    family in dialects/hone/ops/ and asked by every user.
  }];
  let methods = [
    InterfaceMethod<"Sets the shape of every result in `context`; fails, with an error "
      "on the op, only when the op is ill-formed.",
      "::mlir::LogicalResult", "inferResultShapes",
      (ins "::mlir::hone::ShapeContext &":$context)>,
  ];
}

def Hone_ValueFunctionOpInterface : OpInterface<"ValueFunctionOpInterface"> {
  let cppNamespace = "::mlir::hone";
  let description = [{
    The op's value function (dialects/hone/ops/ValueFunctions.cpp): the
    elements of a small integer result (a shape being built: Shape, Gather,
    Concat, arithmetic on dims) as DimExprs, from the operands' dims and
    values in the ShapeContext. Symbolic shape propagation follows shape
    computations through these, so that Shape -> Gather -> Concat -> Reshape
    chains resolve to symbolic dims.
  }];
  let methods = [
    InterfaceMethod<"Sets the values of the results it can in `context`; fails, with an "
      "error on the op, only when the op is ill-formed.",
      "::mlir::LogicalResult", "inferResultValues",
      (ins "::mlir::hone::ShapeContext &":$context)>,
  ];
}

def Hone_FusionOpInterface : OpInterface<"FusionOpInterface"> {
  let cppNamespace = "::mlir::hone";
  let description = [{
    What operator fusion (passes/fusion/) asks an op: its mapping type
    (DNNFusion, PLDI'21, Table 2), the relation between its output and
    input elements. Elementwise ops are One-to-One unless an operand is
    broadcast (then One-to-Many), so the answer may depend on the op's
    operand types; the defaults per ONNX operator are in generate_ops.py.
  }];
  let methods = [
    InterfaceMethod<"The op's mapping type.",
      "::mlir::hone::MappingType", "getMappingType", (ins)>,
  ];
}

def Hone_LayoutOpInterface : OpInterface<"LayoutOpInterface"> {
  let cppNamespace = "::mlir::hone";
  let description = [{
    What layout transformation elimination and layout selection (SmartMem,
    ASPLOS'24) ask an op: its layout class (Table 3: whether its speed
    depends on its inputs' layout, whether its output layout may be
    chosen), and for each operand the dims it reduces over, which a
    producer should store contiguously for it (the consumer's reduction
    dimension). The layout classes per ONNX operator are in
    generate_ops.py; the reduction dims in dialects/hone/ops/LayoutClasses.cpp.
  }];
  let methods = [
    InterfaceMethod<"The op's layout class.",
      "::mlir::hone::LayoutClass", "getLayoutClass", (ins)>,
    InterfaceMethod<"The dims of operand `index` the op reduces over (tensor order; "
      "empty: none, or not known).",
      "::llvm::SmallVector<int64_t>", "getReductionDims", (ins "unsigned":$index), [{}],
      [{ return ::mlir::hone::reductionDimsOf($_op.getOperation(), index); }]>,
  ];
}

/// Algebraic properties that graph rewriting before fusion relies on
/// (DNNFusion §4.2): a op(b, c) = op(c, b); op(op(a, b), c) = op(a, op(b, c));
/// the op distributes over addition and subtraction (a * (b + c) = a * b + a * c).
def Hone_Commutative : NativeOpTrait<"Commutative"> { let cppNamespace = "::mlir::hone"; }
def Hone_Associative : NativeOpTrait<"Associative"> { let cppNamespace = "::mlir::hone"; }
def Hone_Distributive : NativeOpTrait<"Distributive"> { let cppNamespace = "::mlir::hone"; }

/// The op's result values depend only on its operands' shapes, not their
/// data (Shape, Size): with static operand types they fold to constants.
def Hone_ValueFromShapes : NativeOpTrait<"ValueFromShapes"> {
  let cppNamespace = "::mlir::hone";
}

#endif // HONE_INTERFACES
