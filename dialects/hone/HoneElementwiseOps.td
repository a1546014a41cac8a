//===- HoneElementwiseOps.td - Elementwise ops, generated -*- tablegen -*-===//
//
// Generated from ONNX's operator schemas by generate_ops.py; edit the
// script, not this file. Included from HoneOps.td.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_ELEMENTWISE_OPS
#define HONE_ELEMENTWISE_OPS

def Hone_AbsOp : Hone_ElementwiseOp<"abs", "Abs", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_ValueFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Abs (canonical form: opset 13)";
  let description = [{
    Absolute takes one input data (Tensor<T>) and produces one output data (Tensor<T>) where the absolute is, y = abs(x), is applied to the tensor elementwise.
  }];
  let arguments = (ins
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, BF16]>:$x);
  let results = (outs
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, BF16]>:$y);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeSameAsOperand0(context);
    }
    ::mlir::LogicalResult $cppClass::inferResultValues(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::valueAbs(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::OneToOne;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::IndependentVariable;
    }
  }];
}

def Hone_AcosOp : Hone_ElementwiseOp<"acos", "Acos", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Acos (canonical form: opset 7)";
  let description = [{
    Calculates the arccosine (inverse of cosine) of the given input tensor, element-wise.
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64]>:$input);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64]>:$output);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
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

def Hone_AcoshOp : Hone_ElementwiseOp<"acosh", "Acosh", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Acosh (canonical form: opset 9)";
  let description = [{
    Calculates the hyperbolic arccosine of the given input tensor element-wise.
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64]>:$input);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64]>:$output);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
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

def Hone_AsinOp : Hone_ElementwiseOp<"asin", "Asin", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Asin (canonical form: opset 7)";
  let description = [{
    Calculates the arcsine (inverse of sine) of the given input tensor, element-wise.
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64]>:$input);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64]>:$output);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
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

def Hone_AsinhOp : Hone_ElementwiseOp<"asinh", "Asinh", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Asinh (canonical form: opset 9)";
  let description = [{
    Calculates the hyperbolic arcsine of the given input tensor element-wise.
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64]>:$input);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64]>:$output);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
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

def Hone_AtanOp : Hone_ElementwiseOp<"atan", "Atan", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Atan (canonical form: opset 7)";
  let description = [{
    Calculates the arctangent (inverse of tangent) of the given input tensor, element-wise.
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64]>:$input);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64]>:$output);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
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

def Hone_AtanhOp : Hone_ElementwiseOp<"atanh", "Atanh", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Atanh (canonical form: opset 9)";
  let description = [{
    Calculates the hyperbolic arctangent of the given input tensor element-wise.
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64]>:$input);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64]>:$output);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
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

def Hone_CeilOp : Hone_ElementwiseOp<"ceil", "Ceil", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Ceil (canonical form: opset 13)";
  let description = [{
    Ceil takes one input data (Tensor<T>) and produces one output data (Tensor<T>) where the ceil is, y = ceil(x), is applied to the tensor elementwise.
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64, BF16]>:$x);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64, BF16]>:$y);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
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

def Hone_CosOp : Hone_ElementwiseOp<"cos", "Cos", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Cos (canonical form: opset 7)";
  let description = [{
    Calculates the cosine of the given input tensor, element-wise.
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64]>:$input);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64]>:$output);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
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

def Hone_CoshOp : Hone_ElementwiseOp<"cosh", "Cosh", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Cosh (canonical form: opset 9)";
  let description = [{
    Calculates the hyperbolic cosine of the given input tensor element-wise.
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64]>:$input);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64]>:$output);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
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

def Hone_ErfOp : Hone_ElementwiseOp<"erf", "Erf", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Erf (canonical form: opset 13)";
  let description = [{
    Computes the error function of the given input tensor element-wise.
  }];
  let arguments = (ins
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, BF16]>:$input);
  let results = (outs
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, BF16]>:$output);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
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

def Hone_ExpOp : Hone_ElementwiseOp<"exp", "Exp", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Exp (canonical form: opset 13)";
  let description = [{
    Calculates the exponential of the given input tensor, element-wise.
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64, BF16]>:$input);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64, BF16]>:$output);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
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

def Hone_FloorOp : Hone_ElementwiseOp<"floor", "Floor", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Floor (canonical form: opset 13)";
  let description = [{
    Floor takes one input data (Tensor<T>) and produces one output data (Tensor<T>) where the floor is, y = floor(x), is applied to the tensor elementwise.
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64, BF16]>:$x);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64, BF16]>:$y);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
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

def Hone_IsInfOp : Hone_ElementwiseOp<"isinf", "IsInf", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX IsInf (canonical form: opset 10)";
  let description = [{
    Map infinity to true and other values to false.
  }];
  let arguments = (ins
    Hone_TensorOf<[F32, F64]>:$x,
    DefaultValuedAttr<I64Attr, "1">:$detect_negative,
    DefaultValuedAttr<I64Attr, "1">:$detect_positive);
  let results = (outs
    Hone_TensorOf<[I1]>:$y);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
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

def Hone_IsNaNOp : Hone_ElementwiseOp<"isnan", "IsNaN", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX IsNaN (canonical form: opset 13)";
  let description = [{
    Returns which elements of the input are NaN.
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64, BF16]>:$x);
  let results = (outs
    Hone_TensorOf<[I1]>:$y);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
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

def Hone_LogOp : Hone_ElementwiseOp<"log", "Log", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Log (canonical form: opset 13)";
  let description = [{
    Calculates the natural log of the given input tensor, element-wise.
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64, BF16]>:$input);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64, BF16]>:$output);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
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

def Hone_NegOp : Hone_ElementwiseOp<"neg", "Neg", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_ValueFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Neg (canonical form: opset 13)";
  let description = [{
    Neg takes one input data (Tensor<T>) and produces one output data (Tensor<T>) where each element flipped sign, y = -x, is applied to the tensor elementwise.
  }];
  let arguments = (ins
    Hone_TensorOf<[F32, I32, I8, I16, I64, F16, F64, BF16]>:$x);
  let results = (outs
    Hone_TensorOf<[F32, I32, I8, I16, I64, F16, F64, BF16]>:$y);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeSameAsOperand0(context);
    }
    ::mlir::LogicalResult $cppClass::inferResultValues(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::valueNeg(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::OneToOne;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::IndependentVariable;
    }
  }];
}

def Hone_NotOp : Hone_ElementwiseOp<"not", "Not", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_ValueFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Not (canonical form: opset 1)";
  let description = [{
    Returns the negation of the input tensor element-wise.
  }];
  let arguments = (ins
    Hone_TensorOf<[I1]>:$x);
  let results = (outs
    Hone_TensorOf<[I1]>:$y);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeSameAsOperand0(context);
    }
    ::mlir::LogicalResult $cppClass::inferResultValues(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::valueNot(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::OneToOne;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::IndependentVariable;
    }
  }];
}

def Hone_ReciprocalOp : Hone_ElementwiseOp<"reciprocal", "Reciprocal", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Reciprocal (canonical form: opset 13)";
  let description = [{
    Reciprocal takes one input data (Tensor<T>) and produces one output data (Tensor<T>) where the reciprocal is, y = 1/x, is applied to the tensor elementwise.
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64, BF16]>:$x);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64, BF16]>:$y);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
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

def Hone_ReluOp : Hone_ElementwiseOp<"relu", "Relu", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Relu (canonical form: opset 14)";
  let description = [{
    Relu takes one input data (Tensor<T>) and produces one output data (Tensor<T>) where the rectified linear function, y = max(0, x), is applied to the tensor elementwise.
  }];
  let arguments = (ins
    Hone_TensorOf<[F32, I32, I8, I16, I64, F16, F64, BF16]>:$x);
  let results = (outs
    Hone_TensorOf<[F32, I32, I8, I16, I64, F16, F64, BF16]>:$y);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
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

def Hone_RoundOp : Hone_ElementwiseOp<"round", "Round", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Round (canonical form: opset 11)";
  let description = [{
    Round takes one input Tensor and rounds the values, element-wise, meaning it finds the nearest integer for each value. In case of halfs, the rule is to round them to the nearest even integer. The output tensor has the same shape and type as the input.
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64]>:$x);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64]>:$y);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
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

def Hone_SigmoidOp : Hone_ElementwiseOp<"sigmoid", "Sigmoid", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Sigmoid (canonical form: opset 13)";
  let description = [{
    Sigmoid takes one input data (Tensor<T>) and produces one output data (Tensor<T>) where the sigmoid function, y = 1 / (1 + exp(-x)), is applied to the tensor elementwise.
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64, BF16]>:$x);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64, BF16]>:$y);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
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

def Hone_SignOp : Hone_ElementwiseOp<"sign", "Sign", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Sign (canonical form: opset 13)";
  let description = [{
    Calculate the sign of the given input tensor element-wise. If input > 0, output 1. if input < 0, output -1. if input == 0, output 0.
  }];
  let arguments = (ins
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, BF16]>:$input);
  let results = (outs
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, BF16]>:$output);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
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

def Hone_SinOp : Hone_ElementwiseOp<"sin", "Sin", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Sin (canonical form: opset 7)";
  let description = [{
    Calculates the sine of the given input tensor, element-wise.
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64]>:$input);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64]>:$output);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
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

def Hone_SinhOp : Hone_ElementwiseOp<"sinh", "Sinh", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Sinh (canonical form: opset 9)";
  let description = [{
    Calculates the hyperbolic sine of the given input tensor element-wise.
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64]>:$input);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64]>:$output);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
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

def Hone_SqrtOp : Hone_ElementwiseOp<"sqrt", "Sqrt", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Sqrt (canonical form: opset 13)";
  let description = [{
    Square root takes one input data (Tensor<T>) and produces one output data (Tensor<T>) where the square root is, y = x^0.5, is applied to the tensor elementwise. If x is negative, then it will return NaN.
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64, BF16]>:$x);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64, BF16]>:$y);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
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

def Hone_TanOp : Hone_ElementwiseOp<"tan", "Tan", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Tan (canonical form: opset 7)";
  let description = [{
    Calculates the tangent of the given input tensor, element-wise.
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64]>:$input);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64]>:$output);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
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

def Hone_TanhOp : Hone_ElementwiseOp<"tanh", "Tanh", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Tanh (canonical form: opset 13)";
  let description = [{
    Calculates the hyperbolic tangent of the given input tensor element-wise.
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64, BF16]>:$input);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64, BF16]>:$output);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
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

def Hone_SoftplusOp : Hone_ElementwiseOp<"softplus", "Softplus", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Softplus (canonical form: opset 1)";
  let description = [{
    Softplus takes one input data (Tensor<T>) and produces one output data (Tensor<T>) where the softplus function, y = ln(exp(x) + 1), is applied to the tensor elementwise.
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64]>:$x);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64]>:$y);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
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

def Hone_SoftsignOp : Hone_ElementwiseOp<"softsign", "Softsign", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Softsign (canonical form: opset 1)";
  let description = [{
    Calculates the softsign (x/(1+|x|)) of the given input tensor element-wise.
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64]>:$input);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64]>:$output);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
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

def Hone_CeluOp : Hone_ElementwiseOp<"celu", "Celu", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Celu (canonical form: opset 12)";
  let description = [{
    Continuously Differentiable Exponential Linear Units: Perform the linear unit element-wise on the input tensor X using formula:
  }];
  let arguments = (ins
    Hone_TensorOf<[F32]>:$x,
    DefaultValuedAttr<F32Attr, "1.0">:$alpha);
  let results = (outs
    Hone_TensorOf<[F32]>:$y);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
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

def Hone_EluOp : Hone_ElementwiseOp<"elu", "Elu", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Elu (canonical form: opset 6)";
  let description = [{
    Elu takes one input data (Tensor<T>) and produces one output data (Tensor<T>) where the function `f(x) = alpha * (exp(x) - 1.) for x < 0`, `f(x) = x for x >= 0`., is applied to the tensor elementwise.
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64]>:$x,
    DefaultValuedAttr<F32Attr, "1.0">:$alpha);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64]>:$y);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
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

def Hone_HardSigmoidOp : Hone_ElementwiseOp<"hard_sigmoid", "HardSigmoid", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX HardSigmoid (canonical form: opset 6)";
  let description = [{
    HardSigmoid takes one input data (Tensor<T>) and produces one output data (Tensor<T>) where the HardSigmoid function, y = max(0, min(1, alpha * x + beta)), is applied to the tensor elementwise.
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64]>:$x,
    DefaultValuedAttr<F32Attr, "0.20000000298023224">:$alpha,
    DefaultValuedAttr<F32Attr, "0.5">:$beta);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64]>:$y);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
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

def Hone_HardSwishOp : Hone_ElementwiseOp<"hard_swish", "HardSwish", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX HardSwish (canonical form: opset 14)";
  let description = [{
    HardSwish takes one input data (Tensor<T>) and produces one output data (Tensor<T>) where the HardSwish function, y = x * max(0, min(1, alpha * x + beta)) = x * HardSigmoid<alpha, beta>(x), where alpha = 1/6 and beta = 0.5, is applied to the tensor elementwise.
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64]>:$x);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64]>:$y);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
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

def Hone_LeakyReluOp : Hone_ElementwiseOp<"leaky_relu", "LeakyRelu", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX LeakyRelu (canonical form: opset 16)";
  let description = [{
    LeakyRelu takes input data (Tensor<T>) and an argument alpha, and produces one output data (Tensor<T>) where the function `f(x) = alpha * x for x < 0`, `f(x) = x for x >= 0`, is applied to the data tensor elementwise.
  }];
  let arguments = (ins
    Hone_TensorOf<[BF16, F16, F32, F64]>:$x,
    DefaultValuedAttr<F32Attr, "0.009999999776482582">:$alpha);
  let results = (outs
    Hone_TensorOf<[BF16, F16, F32, F64]>:$y);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
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

def Hone_SeluOp : Hone_ElementwiseOp<"selu", "Selu", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Selu (canonical form: opset 6)";
  let description = [{
    Selu takes one input data (Tensor<T>) and produces one output data (Tensor<T>) where the scaled exponential linear unit function, `y = gamma * (alpha * e^x - alpha) for x <= 0`, `y = gamma * x for x > 0`, is applied to the tensor elementwise.
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64]>:$x,
    DefaultValuedAttr<F32Attr, "1.6732631921768188">:$alpha,
    DefaultValuedAttr<F32Attr, "1.0507010221481323">:$gamma);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64]>:$y);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
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

def Hone_ShrinkOp : Hone_ElementwiseOp<"shrink", "Shrink", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Shrink (canonical form: opset 9)";
  let description = [{
    Shrink takes one input data (Tensor<numeric>) and produces one Tensor output, having same datatype and shape with input. It has two attributes, lambd and bias. The formula of this operator is: If x < -lambd, y = x + bias; If x > lambd, y = x - bias; Otherwise, y = 0.
  }];
  let arguments = (ins
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64]>:$input,
    DefaultValuedAttr<F32Attr, "0.0">:$bias,
    DefaultValuedAttr<F32Attr, "0.5">:$lambd);
  let results = (outs
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64]>:$output);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
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

def Hone_ThresholdedReluOp : Hone_ElementwiseOp<"thresholded_relu", "ThresholdedRelu", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX ThresholdedRelu (canonical form: opset 10)";
  let description = [{
    ThresholdedRelu takes one input data (Tensor<T>) and produces one output data (Tensor<T>) where the rectified linear function, y = x for x > alpha, y = 0 otherwise, is applied to the tensor elementwise.
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64]>:$x,
    DefaultValuedAttr<F32Attr, "1.0">:$alpha);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64]>:$y);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
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

def Hone_PReluOp : Hone_ElementwiseOp<"prelu", "PRelu", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX PRelu (canonical form: opset 16)";
  let description = [{
    PRelu takes input data (Tensor<T>) and slope tensor as input, and produces one output data (Tensor<T>) where the function `f(x) = slope * x for x < 0`, `f(x) = x for x >= 0`., is applied to the data tensor elementwise.
  }];
  let arguments = (ins
    Hone_TensorOf<[BF16, F16, F32, F64, UI32, UI64, I32, I64]>:$x,
    Hone_TensorOf<[BF16, F16, F32, F64, UI32, UI64, I32, I64]>:$slope);
  let results = (outs
    Hone_TensorOf<[BF16, F16, F32, F64, UI32, UI64, I32, I64]>:$y);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, 1, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeSameAsOperand0(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::mappingTypeOfElementwise(getOperation());
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::IndependentVariable;
    }
  }];
}

def Hone_AddOp : Hone_ElementwiseOp<"add", "Add", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_ValueFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>, Hone_Commutative, Hone_Associative]> {
  let summary = "ONNX Add (canonical form: opset 14)";
  let description = [{
    Performs element-wise binary addition (with Numpy-style broadcasting support).
  }];
  let arguments = (ins
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, BF16]>:$a,
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, BF16]>:$b);
  let results = (outs
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, BF16]>:$c);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, 1, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      if (::mlir::failed(::mlir::hone::verifyBroadcastOperands(getOperation())))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeBroadcast(context);
    }
    ::mlir::LogicalResult $cppClass::inferResultValues(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::valueAdd(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::mappingTypeOfElementwise(getOperation());
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::IndependentVariable;
    }
  }];
}

def Hone_SubOp : Hone_ElementwiseOp<"sub", "Sub", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_ValueFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Sub (canonical form: opset 14)";
  let description = [{
    Performs element-wise binary subtraction (with Numpy-style broadcasting support).
  }];
  let arguments = (ins
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, BF16]>:$a,
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, BF16]>:$b);
  let results = (outs
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, BF16]>:$c);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, 1, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      if (::mlir::failed(::mlir::hone::verifyBroadcastOperands(getOperation())))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeBroadcast(context);
    }
    ::mlir::LogicalResult $cppClass::inferResultValues(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::valueSub(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::mappingTypeOfElementwise(getOperation());
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::IndependentVariable;
    }
  }];
}

def Hone_MulOp : Hone_ElementwiseOp<"mul", "Mul", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_ValueFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>, Hone_Commutative, Hone_Associative, Hone_Distributive]> {
  let summary = "ONNX Mul (canonical form: opset 14)";
  let description = [{
    Performs element-wise binary multiplication (with Numpy-style broadcasting support).
  }];
  let arguments = (ins
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, BF16]>:$a,
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, BF16]>:$b);
  let results = (outs
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, BF16]>:$c);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, 1, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      if (::mlir::failed(::mlir::hone::verifyBroadcastOperands(getOperation())))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeBroadcast(context);
    }
    ::mlir::LogicalResult $cppClass::inferResultValues(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::valueMul(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::mappingTypeOfElementwise(getOperation());
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::IndependentVariable;
    }
  }];
}

def Hone_DivOp : Hone_ElementwiseOp<"div", "Div", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_ValueFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Div (canonical form: opset 14)";
  let description = [{
    Performs element-wise binary division (with Numpy-style broadcasting support).
  }];
  let arguments = (ins
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, BF16]>:$a,
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, BF16]>:$b);
  let results = (outs
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, BF16]>:$c);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, 1, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      if (::mlir::failed(::mlir::hone::verifyBroadcastOperands(getOperation())))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeBroadcast(context);
    }
    ::mlir::LogicalResult $cppClass::inferResultValues(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::valueDiv(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::mappingTypeOfElementwise(getOperation());
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::IndependentVariable;
    }
  }];
}

def Hone_ModOp : Hone_ElementwiseOp<"mod", "Mod", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_ValueFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Mod (canonical form: opset 13)";
  let description = [{
    Performs element-wise binary modulus (with Numpy-style broadcasting support). The sign of the remainder is the same as that of the Divisor.
  }];
  let arguments = (ins
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, BF16]>:$a,
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, BF16]>:$b,
    DefaultValuedAttr<I64Attr, "0">:$fmod);
  let results = (outs
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, BF16]>:$c);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, 1, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      if (::mlir::failed(::mlir::hone::verifyBroadcastOperands(getOperation())))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeBroadcast(context);
    }
    ::mlir::LogicalResult $cppClass::inferResultValues(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::valueMod(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::mappingTypeOfElementwise(getOperation());
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::IndependentVariable;
    }
  }];
}

def Hone_PowOp : Hone_ElementwiseOp<"pow", "Pow", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Pow (canonical form: opset 15)";
  let description = [{
    Pow takes input data (Tensor<T>) and exponent Tensor, and produces one output data (Tensor<T>) where the function `f(x) = x^exponent`, is applied to the data tensor elementwise. This operator supports **multidirectional (i.e., Numpy-style) broadcasting**; for more details please check [the doc](Broadcasting.md).
  }];
  let arguments = (ins
    Hone_TensorOf<[I32, I64, F16, F32, F64, BF16]>:$x,
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, BF16]>:$y);
  let results = (outs
    Hone_TensorOf<[I32, I64, F16, F32, F64, BF16]>:$z);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      if (::mlir::failed(::mlir::hone::verifyBroadcastOperands(getOperation())))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeBroadcast(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::mappingTypeOfElementwise(getOperation());
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::IndependentVariable;
    }
  }];
}

def Hone_BitShiftOp : Hone_ElementwiseOp<"bit_shift", "BitShift", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX BitShift (canonical form: opset 11)";
  let description = [{
    Bitwise shift operator performs element-wise operation. For each input element, if the attribute "direction" is "RIGHT", this operator moves its binary representation toward the right side so that the input value is effectively decreased. If the attribute "direction" is "LEFT", bits of binary representation moves toward the left side, which results the increase of its actual value.
  }];
  let arguments = (ins
    Hone_TensorOf<[UI8, UI16, UI32, UI64]>:$x,
    Hone_TensorOf<[UI8, UI16, UI32, UI64]>:$y,
    StrAttr:$direction);
  let results = (outs
    Hone_TensorOf<[UI8, UI16, UI32, UI64]>:$z);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, 1, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      if (::mlir::failed(::mlir::hone::verifyBroadcastOperands(getOperation())))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeBroadcast(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::mappingTypeOfElementwise(getOperation());
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::IndependentVariable;
    }
  }];
}

def Hone_AndOp : Hone_ElementwiseOp<"and", "And", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_ValueFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>, Hone_Commutative, Hone_Associative]> {
  let summary = "ONNX And (canonical form: opset 7)";
  let description = [{
    Returns the tensor resulted from performing the `and` logical operation elementwise on the input tensors `A` and `B` (with Numpy-style broadcasting support).
  }];
  let arguments = (ins
    Hone_TensorOf<[I1]>:$a,
    Hone_TensorOf<[I1]>:$b);
  let results = (outs
    Hone_TensorOf<[I1]>:$c);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, 1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      if (::mlir::failed(::mlir::hone::verifyBroadcastOperands(getOperation())))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeBroadcast(context);
    }
    ::mlir::LogicalResult $cppClass::inferResultValues(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::valueAnd(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::mappingTypeOfElementwise(getOperation());
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::IndependentVariable;
    }
  }];
}

def Hone_OrOp : Hone_ElementwiseOp<"or", "Or", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_ValueFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>, Hone_Commutative, Hone_Associative]> {
  let summary = "ONNX Or (canonical form: opset 7)";
  let description = [{
    Returns the tensor resulted from performing the `or` logical operation elementwise on the input tensors `A` and `B` (with Numpy-style broadcasting support).
  }];
  let arguments = (ins
    Hone_TensorOf<[I1]>:$a,
    Hone_TensorOf<[I1]>:$b);
  let results = (outs
    Hone_TensorOf<[I1]>:$c);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, 1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      if (::mlir::failed(::mlir::hone::verifyBroadcastOperands(getOperation())))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeBroadcast(context);
    }
    ::mlir::LogicalResult $cppClass::inferResultValues(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::valueOr(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::mappingTypeOfElementwise(getOperation());
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::IndependentVariable;
    }
  }];
}

def Hone_XorOp : Hone_ElementwiseOp<"xor", "Xor", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>, Hone_Commutative, Hone_Associative]> {
  let summary = "ONNX Xor (canonical form: opset 7)";
  let description = [{
    Returns the tensor resulted from performing the `xor` logical operation elementwise on the input tensors `A` and `B` (with Numpy-style broadcasting support).
  }];
  let arguments = (ins
    Hone_TensorOf<[I1]>:$a,
    Hone_TensorOf<[I1]>:$b);
  let results = (outs
    Hone_TensorOf<[I1]>:$c);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, 1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      if (::mlir::failed(::mlir::hone::verifyBroadcastOperands(getOperation())))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeBroadcast(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::mappingTypeOfElementwise(getOperation());
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::IndependentVariable;
    }
  }];
}

def Hone_EqualOp : Hone_ElementwiseOp<"equal", "Equal", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_ValueFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>, Hone_Commutative]> {
  let summary = "ONNX Equal (canonical form: opset 13)";
  let description = [{
    Returns the tensor resulted from performing the `equal` logical operation elementwise on the input tensors `A` and `B` (with Numpy-style broadcasting support).
  }];
  let arguments = (ins
    Hone_TensorOf<[I1, UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, BF16]>:$a,
    Hone_TensorOf<[I1, UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, BF16]>:$b);
  let results = (outs
    Hone_TensorOf<[I1]>:$c);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, 1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      if (::mlir::failed(::mlir::hone::verifyBroadcastOperands(getOperation())))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeBroadcast(context);
    }
    ::mlir::LogicalResult $cppClass::inferResultValues(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::valueEqual(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::mappingTypeOfElementwise(getOperation());
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::IndependentVariable;
    }
  }];
}

def Hone_GreaterOp : Hone_ElementwiseOp<"greater", "Greater", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_ValueFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Greater (canonical form: opset 13)";
  let description = [{
    Returns the tensor resulted from performing the `greater` logical operation elementwise on the input tensors `A` and `B` (with Numpy-style broadcasting support).
  }];
  let arguments = (ins
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, BF16]>:$a,
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, BF16]>:$b);
  let results = (outs
    Hone_TensorOf<[I1]>:$c);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, 1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      if (::mlir::failed(::mlir::hone::verifyBroadcastOperands(getOperation())))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeBroadcast(context);
    }
    ::mlir::LogicalResult $cppClass::inferResultValues(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::valueGreater(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::mappingTypeOfElementwise(getOperation());
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::IndependentVariable;
    }
  }];
}

def Hone_GreaterOrEqualOp : Hone_ElementwiseOp<"greater_or_equal", "GreaterOrEqual", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_ValueFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX GreaterOrEqual (canonical form: opset 16)";
  let description = [{
    Returns the tensor resulted from performing the `greater_equal` logical operation elementwise on the input tensors `A` and `B` (with Numpy-style broadcasting support).
  }];
  let arguments = (ins
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, BF16]>:$a,
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, BF16]>:$b);
  let results = (outs
    Hone_TensorOf<[I1]>:$c);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, 1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      if (::mlir::failed(::mlir::hone::verifyBroadcastOperands(getOperation())))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeBroadcast(context);
    }
    ::mlir::LogicalResult $cppClass::inferResultValues(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::valueGreaterOrEqual(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::mappingTypeOfElementwise(getOperation());
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::IndependentVariable;
    }
  }];
}

def Hone_LessOp : Hone_ElementwiseOp<"less", "Less", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_ValueFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Less (canonical form: opset 13)";
  let description = [{
    Returns the tensor resulted from performing the `less` logical operation elementwise on the input tensors `A` and `B` (with Numpy-style broadcasting support).
  }];
  let arguments = (ins
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, BF16]>:$a,
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, BF16]>:$b);
  let results = (outs
    Hone_TensorOf<[I1]>:$c);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, 1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      if (::mlir::failed(::mlir::hone::verifyBroadcastOperands(getOperation())))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeBroadcast(context);
    }
    ::mlir::LogicalResult $cppClass::inferResultValues(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::valueLess(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::mappingTypeOfElementwise(getOperation());
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::IndependentVariable;
    }
  }];
}

def Hone_LessOrEqualOp : Hone_ElementwiseOp<"less_or_equal", "LessOrEqual", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_ValueFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX LessOrEqual (canonical form: opset 16)";
  let description = [{
    Returns the tensor resulted from performing the `less_equal` logical operation elementwise on the input tensors `A` and `B` (with Numpy-style broadcasting support).
  }];
  let arguments = (ins
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, BF16]>:$a,
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, BF16]>:$b);
  let results = (outs
    Hone_TensorOf<[I1]>:$c);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, 1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      if (::mlir::failed(::mlir::hone::verifyBroadcastOperands(getOperation())))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeBroadcast(context);
    }
    ::mlir::LogicalResult $cppClass::inferResultValues(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::valueLessOrEqual(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::mappingTypeOfElementwise(getOperation());
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::IndependentVariable;
    }
  }];
}

def Hone_WhereOp : Hone_ElementwiseOp<"where", "Where", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_ValueFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Where (canonical form: opset 16)";
  let description = [{
    Return elements, either from X or Y, depending on condition. Where behaves like [numpy.where](https://docs.scipy.org/doc/numpy/reference/generated/numpy.where.html) with three parameters.
  }];
  let arguments = (ins
    Hone_TensorOf<[I1]>:$condition,
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, BF16, F16, F32, F64, I1]>:$x,
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, BF16, F16, F32, F64, I1]>:$y);
  let results = (outs
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, BF16, F16, F32, F64, I1]>:$output);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {1, 2, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      if (::mlir::failed(::mlir::hone::verifyBroadcastOperands(getOperation())))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeBroadcast(context);
    }
    ::mlir::LogicalResult $cppClass::inferResultValues(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::valueWhere(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::mappingTypeOfElementwise(getOperation());
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::IndependentVariable;
    }
  }];
}

def Hone_ClipOp : Hone_ElementwiseOp<"clip", "Clip", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Clip (canonical form: opset 13)";
  let description = [{
    Clip operator limits the given input within an interval. The interval is specified by the inputs 'min' and 'max'. They default to numeric_limits::lowest() and numeric_limits::max(), respectively.
  }];
  let arguments = (ins
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, BF16]>:$input,
    Hone_OptionalTensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, BF16]>:$min,
    Hone_OptionalTensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, BF16]>:$max);
  let results = (outs
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, BF16]>:$output);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, 1, 2, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeSameAsOperand0(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::mappingTypeOfElementwise(getOperation());
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::IndependentVariable;
    }
  }];
}

def Hone_CastOp : Hone_ElementwiseOp<"cast", "Cast", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_ValueFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Cast (canonical form: opset 13)";
  let description = [{
    The operator casts the elements of a given input tensor to a data type specified by the 'to' argument and returns an output tensor of the same size in the converted type. The 'to' argument must be one of the data types specified in the 'DataType' enum field in the TensorProto message.
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64, I8, I16, I32, I64, UI8, UI16, UI32, UI64, I1, BF16]>:$input,
    I64Attr:$to);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64, I8, I16, I32, I64, UI8, UI16, UI32, UI64, I1, BF16]>:$output);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeSameAsOperand0(context);
    }
    ::mlir::LogicalResult $cppClass::inferResultValues(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::valueCast(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::OneToOne;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::IndependentVariable;
    }
  }];
}

def Hone_CastLikeOp : Hone_ElementwiseOp<"cast_like", "CastLike", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX CastLike (canonical form: opset 15)";
  let description = [{
    The operator casts the elements of a given input tensor (the first input) to the same data type as the elements of the second input tensor. See documentation of the Cast operator for further details.
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64, I8, I16, I32, I64, UI8, UI16, UI32, UI64, I1, BF16]>:$input,
    Hone_TensorOf<[F16, F32, F64, I8, I16, I32, I64, UI8, UI16, UI32, UI64, I1, BF16]>:$target_type);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64, I8, I16, I32, I64, UI8, UI16, UI32, UI64, I1, BF16]>:$output);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {1, -1, ::mlir::hone::kGroupEnd};
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

def Hone_SumOp : Hone_ElementwiseOp<"sum", "Sum", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>, Hone_Commutative, Hone_Associative]> {
  let summary = "ONNX Sum (canonical form: opset 13)";
  let description = [{
    Element-wise sum of each of the input tensors (with Numpy-style broadcasting support). All inputs and outputs must have the same data type. This operator supports **multidirectional (i.e., Numpy-style) broadcasting**; for more details please check [the doc](Broadcasting.md).
  }];
  let arguments = (ins
    Variadic<Hone_TensorOf<[F16, F32, F64, BF16]>>:$data_0);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64, BF16]>:$sum);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, 0, -1)))
        return ::mlir::failure();
      if (::mlir::failed(::mlir::hone::verifyBroadcastOperands(getOperation())))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeBroadcast(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::mappingTypeOfElementwise(getOperation());
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::IndependentVariable;
    }
  }];
}

def Hone_MeanOp : Hone_ElementwiseOp<"mean", "Mean", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>, Hone_Commutative]> {
  let summary = "ONNX Mean (canonical form: opset 13)";
  let description = [{
    Element-wise mean of each of the input tensors (with Numpy-style broadcasting support). All inputs and outputs must have the same data type. This operator supports **multidirectional (i.e., Numpy-style) broadcasting**; for more details please check [the doc](Broadcasting.md).
  }];
  let arguments = (ins
    Variadic<Hone_TensorOf<[F16, F32, F64, BF16]>>:$data_0);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64, BF16]>:$mean);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, 0, -1)))
        return ::mlir::failure();
      if (::mlir::failed(::mlir::hone::verifyBroadcastOperands(getOperation())))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeBroadcast(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::mappingTypeOfElementwise(getOperation());
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::IndependentVariable;
    }
  }];
}

def Hone_MaxOp : Hone_ElementwiseOp<"max", "Max", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_ValueFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>, Hone_Commutative, Hone_Associative]> {
  let summary = "ONNX Max (canonical form: opset 13)";
  let description = [{
    Element-wise max of each of the input tensors (with Numpy-style broadcasting support). All inputs and outputs must have the same data type. This operator supports **multidirectional (i.e., Numpy-style) broadcasting**; for more details please check [the doc](Broadcasting.md).
  }];
  let arguments = (ins
    Variadic<Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, BF16]>>:$data_0);
  let results = (outs
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, BF16]>:$max);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, 0, -1)))
        return ::mlir::failure();
      if (::mlir::failed(::mlir::hone::verifyBroadcastOperands(getOperation())))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeBroadcast(context);
    }
    ::mlir::LogicalResult $cppClass::inferResultValues(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::valueMax(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::mappingTypeOfElementwise(getOperation());
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::IndependentVariable;
    }
  }];
}

def Hone_MinOp : Hone_ElementwiseOp<"min", "Min", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_ValueFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>, Hone_Commutative, Hone_Associative]> {
  let summary = "ONNX Min (canonical form: opset 13)";
  let description = [{
    Element-wise min of each of the input tensors (with Numpy-style broadcasting support). All inputs and outputs must have the same data type. This operator supports **multidirectional (i.e., Numpy-style) broadcasting**; for more details please check [the doc](Broadcasting.md).
  }];
  let arguments = (ins
    Variadic<Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, BF16]>>:$data_0);
  let results = (outs
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, BF16]>:$min);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, 0, -1)))
        return ::mlir::failure();
      if (::mlir::failed(::mlir::hone::verifyBroadcastOperands(getOperation())))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeBroadcast(context);
    }
    ::mlir::LogicalResult $cppClass::inferResultValues(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::valueMin(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::mappingTypeOfElementwise(getOperation());
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::IndependentVariable;
    }
  }];
}

def Hone_IdentityOp : Hone_ElementwiseOp<"identity", "Identity", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_ValueFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Identity (canonical form: opset 16)";
  let description = [{
    Identity operator
  }];
  let arguments = (ins
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, BF16, F16, F32, F64, I1]>:$input);
  let results = (outs
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, BF16, F16, F32, F64, I1]>:$output);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeSameAsOperand0(context);
    }
    ::mlir::LogicalResult $cppClass::inferResultValues(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::valueSameElements(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::OneToOne;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::IndependentVariable;
    }
  }];
}

#endif // HONE_ELEMENTWISE_OPS
