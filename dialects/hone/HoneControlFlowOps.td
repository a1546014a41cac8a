//===- HoneControlFlowOps.td - ControlFlow ops, generated -*- tablegen -*-===//
//
// Generated from ONNX's operator schemas by generate_ops.py; edit the
// script, not this file. Included from HoneOps.td.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_CONTROLFLOW_OPS
#define HONE_CONTROLFLOW_OPS

def Hone_IfOp : Hone_ControlFlowOp<"if", "If", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX If (canonical form: opset 16)";
  let description = [{
    If conditional
  }];
  let arguments = (ins
    Hone_TensorOf<[I1]>:$cond);
  let results = (outs
    Variadic<Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, BF16, F16, F32, F64, I1]>>:$outputs);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeFromRegions(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::ManyToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
  let regions = (region SizedRegion<1>:$then_branch, SizedRegion<1>:$else_branch);
}

def Hone_LoopOp : Hone_ControlFlowOp<"loop", "Loop", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Loop (canonical form: opset 16)";
  let description = [{
    Generic Looping construct. This loop has multiple termination conditions:
  }];
  let arguments = (ins
    Hone_OptionalTensorOf<[I64]>:$m,
    Hone_OptionalTensorOf<[I1]>:$cond,
    Variadic<Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, BF16, F16, F32, F64, I1]>>:$v_initial);
  let results = (outs
    Variadic<Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, BF16, F16, F32, F64, I1]>>:$v_final_and_scan_outputs);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeFromRegions(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::ManyToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
  let regions = (region SizedRegion<1>:$body);
}

#endif // HONE_CONTROLFLOW_OPS
