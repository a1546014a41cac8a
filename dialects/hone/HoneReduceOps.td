//===- HoneReduceOps.td - Reduce ops, generated -*- tablegen -*-===//
//
// Generated from ONNX's operator schemas by generate_ops.py; edit the
// script, not this file. Included from HoneOps.td.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_REDUCE_OPS
#define HONE_REDUCE_OPS

def Hone_ReduceSumOp : Hone_ReduceOp<"reduce_sum", "ReduceSum", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_ValueFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX ReduceSum (canonical form: opset 18)";
  let description = [{
    Computes the sum of the input tensor's element along the provided axes. The resulting tensor has the same rank as the input if keepdims equals 1. If keepdims equals 0, then the resulting tensor has the reduced dimension pruned.
  }];
  let arguments = (ins
    Hone_TensorOf<[UI32, UI64, I32, I64, F16, F32, F64, BF16]>:$data,
    Hone_OptionalTensorOf<[I64]>:$axes,
    DefaultValuedAttr<I64Attr, "1">:$keepdims,
    DefaultValuedAttr<I64Attr, "0">:$noop_with_empty_axes);
  let results = (outs
    Hone_TensorOf<[UI32, UI64, I32, I64, F16, F32, F64, BF16]>:$reduced);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeReduce(context);
    }
    ::mlir::LogicalResult $cppClass::inferResultValues(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::valueReduceSum(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::ManyToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
}

def Hone_ReduceMeanOp : Hone_ReduceOp<"reduce_mean", "ReduceMean", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX ReduceMean (canonical form: opset 18)";
  let description = [{
    Computes the mean of the input tensor's element along the provided axes. The resulting tensor has the same rank as the input if keepdims equals 1. If keepdims equals 0, then the resulting tensor has the reduced dimension pruned.
  }];
  let arguments = (ins
    Hone_TensorOf<[UI32, UI64, I32, I64, F16, F32, F64, BF16]>:$data,
    Hone_OptionalTensorOf<[I64]>:$axes,
    DefaultValuedAttr<I64Attr, "1">:$keepdims,
    DefaultValuedAttr<I64Attr, "0">:$noop_with_empty_axes);
  let results = (outs
    Hone_TensorOf<[UI32, UI64, I32, I64, F16, F32, F64, BF16]>:$reduced);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeReduce(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::ManyToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
}

def Hone_ReduceMaxOp : Hone_ReduceOp<"reduce_max", "ReduceMax", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_ValueFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX ReduceMax (canonical form: opset 18)";
  let description = [{
    Computes the max of the input tensor's element along the provided axes. The resulting tensor has the same rank as the input if keepdims equals 1. If keepdims equals 0, then the resulting tensor has the reduced dimension pruned.
  }];
  let arguments = (ins
    Hone_TensorOf<[UI32, UI64, I32, I64, F16, F32, F64, BF16, UI8, I8]>:$data,
    Hone_OptionalTensorOf<[I64]>:$axes,
    DefaultValuedAttr<I64Attr, "1">:$keepdims,
    DefaultValuedAttr<I64Attr, "0">:$noop_with_empty_axes);
  let results = (outs
    Hone_TensorOf<[UI32, UI64, I32, I64, F16, F32, F64, BF16, UI8, I8]>:$reduced);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeReduce(context);
    }
    ::mlir::LogicalResult $cppClass::inferResultValues(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::valueReduceMax(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::ManyToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
}

def Hone_ReduceMinOp : Hone_ReduceOp<"reduce_min", "ReduceMin", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_ValueFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX ReduceMin (canonical form: opset 18)";
  let description = [{
    Computes the min of the input tensor's element along the provided axes. The resulting tensor has the same rank as the input if keepdims equals 1. If keepdims equals 0, then the resulting tensor has the reduced dimension pruned.
  }];
  let arguments = (ins
    Hone_TensorOf<[UI32, UI64, I32, I64, F16, F32, F64, BF16, UI8, I8]>:$data,
    Hone_OptionalTensorOf<[I64]>:$axes,
    DefaultValuedAttr<I64Attr, "1">:$keepdims,
    DefaultValuedAttr<I64Attr, "0">:$noop_with_empty_axes);
  let results = (outs
    Hone_TensorOf<[UI32, UI64, I32, I64, F16, F32, F64, BF16, UI8, I8]>:$reduced);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeReduce(context);
    }
    ::mlir::LogicalResult $cppClass::inferResultValues(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::valueReduceMin(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::ManyToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
}

def Hone_ReduceProdOp : Hone_ReduceOp<"reduce_prod", "ReduceProd", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_ValueFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX ReduceProd (canonical form: opset 18)";
  let description = [{
    Computes the product of the input tensor's element along the provided axes. The resulting tensor has the same rank as the input if keepdims equals 1. If keepdims equals 0, then the resulting tensor has the reduced dimension pruned.
  }];
  let arguments = (ins
    Hone_TensorOf<[UI32, UI64, I32, I64, F16, F32, F64, BF16]>:$data,
    Hone_OptionalTensorOf<[I64]>:$axes,
    DefaultValuedAttr<I64Attr, "1">:$keepdims,
    DefaultValuedAttr<I64Attr, "0">:$noop_with_empty_axes);
  let results = (outs
    Hone_TensorOf<[UI32, UI64, I32, I64, F16, F32, F64, BF16]>:$reduced);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeReduce(context);
    }
    ::mlir::LogicalResult $cppClass::inferResultValues(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::valueReduceProd(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::ManyToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
}

def Hone_ReduceL1Op : Hone_ReduceOp<"reduce_l1", "ReduceL1", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX ReduceL1 (canonical form: opset 18)";
  let description = [{
    Computes the L1 norm of the input tensor's element along the provided axes. The resulting tensor has the same rank as the input if keepdims equals 1. If keepdims equals 0, then the resulting tensor has the reduced dimension pruned.
  }];
  let arguments = (ins
    Hone_TensorOf<[UI32, UI64, I32, I64, F16, F32, F64, BF16]>:$data,
    Hone_OptionalTensorOf<[I64]>:$axes,
    DefaultValuedAttr<I64Attr, "1">:$keepdims,
    DefaultValuedAttr<I64Attr, "0">:$noop_with_empty_axes);
  let results = (outs
    Hone_TensorOf<[UI32, UI64, I32, I64, F16, F32, F64, BF16]>:$reduced);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeReduce(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::ManyToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
}

def Hone_ReduceL2Op : Hone_ReduceOp<"reduce_l2", "ReduceL2", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX ReduceL2 (canonical form: opset 18)";
  let description = [{
    Computes the L2 norm of the input tensor's element along the provided axes. The resulting tensor has the same rank as the input if keepdims equals 1. If keepdims equals 0, then the resulting tensor has the reduced dimension pruned.
  }];
  let arguments = (ins
    Hone_TensorOf<[UI32, UI64, I32, I64, F16, F32, F64, BF16]>:$data,
    Hone_OptionalTensorOf<[I64]>:$axes,
    DefaultValuedAttr<I64Attr, "1">:$keepdims,
    DefaultValuedAttr<I64Attr, "0">:$noop_with_empty_axes);
  let results = (outs
    Hone_TensorOf<[UI32, UI64, I32, I64, F16, F32, F64, BF16]>:$reduced);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeReduce(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::ManyToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
}

def Hone_ReduceLogSumOp : Hone_ReduceOp<"reduce_log_sum", "ReduceLogSum", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX ReduceLogSum (canonical form: opset 18)";
  let description = [{
    Computes the log sum of the input tensor's element along the provided axes. The resulting tensor has the same rank as the input if keepdims equals 1. If keepdims equals 0, then the resulting tensor has the reduced dimension pruned.
  }];
  let arguments = (ins
    Hone_TensorOf<[UI32, UI64, I32, I64, F16, F32, F64, BF16]>:$data,
    Hone_OptionalTensorOf<[I64]>:$axes,
    DefaultValuedAttr<I64Attr, "1">:$keepdims,
    DefaultValuedAttr<I64Attr, "0">:$noop_with_empty_axes);
  let results = (outs
    Hone_TensorOf<[UI32, UI64, I32, I64, F16, F32, F64, BF16]>:$reduced);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeReduce(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::ManyToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
}

def Hone_ReduceLogSumExpOp : Hone_ReduceOp<"reduce_log_sum_exp", "ReduceLogSumExp", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX ReduceLogSumExp (canonical form: opset 18)";
  let description = [{
    Computes the log sum exponent of the input tensor's element along the provided axes. The resulting tensor has the same rank as the input if keepdims equals 1. If keepdims equals 0, then the resulting tensor has the reduced dimension pruned.
  }];
  let arguments = (ins
    Hone_TensorOf<[UI32, UI64, I32, I64, F16, F32, F64, BF16]>:$data,
    Hone_OptionalTensorOf<[I64]>:$axes,
    DefaultValuedAttr<I64Attr, "1">:$keepdims,
    DefaultValuedAttr<I64Attr, "0">:$noop_with_empty_axes);
  let results = (outs
    Hone_TensorOf<[UI32, UI64, I32, I64, F16, F32, F64, BF16]>:$reduced);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeReduce(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::ManyToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
}

def Hone_ReduceSumSquareOp : Hone_ReduceOp<"reduce_sum_square", "ReduceSumSquare", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX ReduceSumSquare (canonical form: opset 18)";
  let description = [{
    Computes the sum square of the input tensor's element along the provided axes. The resulting tensor has the same rank as the input if keepdims equals 1. If keepdims equals 0, then the resulting tensor has the reduced dimension pruned.
  }];
  let arguments = (ins
    Hone_TensorOf<[UI32, UI64, I32, I64, F16, F32, F64, BF16]>:$data,
    Hone_OptionalTensorOf<[I64]>:$axes,
    DefaultValuedAttr<I64Attr, "1">:$keepdims,
    DefaultValuedAttr<I64Attr, "0">:$noop_with_empty_axes);
  let results = (outs
    Hone_TensorOf<[UI32, UI64, I32, I64, F16, F32, F64, BF16]>:$reduced);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeReduce(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::ManyToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
}

def Hone_ArgMaxOp : Hone_ReduceOp<"argmax", "ArgMax", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX ArgMax (canonical form: opset 13)";
  let description = [{
    Computes the indices of the max elements of the input tensor's element along the provided axis. The resulting tensor has the same rank as the input if keepdims equals 1. If keepdims equals 0, then the resulting tensor has the reduced dimension pruned.
  }];
  let arguments = (ins
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, BF16]>:$data,
    DefaultValuedAttr<I64Attr, "0">:$axis,
    DefaultValuedAttr<I64Attr, "1">:$keepdims,
    DefaultValuedAttr<I64Attr, "0">:$select_last_index);
  let results = (outs
    Hone_TensorOf<[I64]>:$reduced);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeArgReduce(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::ManyToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
}

def Hone_ArgMinOp : Hone_ReduceOp<"argmin", "ArgMin", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX ArgMin (canonical form: opset 13)";
  let description = [{
    Computes the indices of the min elements of the input tensor's element along the provided axis. The resulting tensor has the same rank as the input if keepdims equals 1. If keepdims equals 0, then the resulting tensor has the reduced dimension pruned.
  }];
  let arguments = (ins
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, BF16]>:$data,
    DefaultValuedAttr<I64Attr, "0">:$axis,
    DefaultValuedAttr<I64Attr, "1">:$keepdims,
    DefaultValuedAttr<I64Attr, "0">:$select_last_index);
  let results = (outs
    Hone_TensorOf<[I64]>:$reduced);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeArgReduce(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::ManyToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
}

def Hone_CumSumOp : Hone_ReduceOp<"cumsum", "CumSum", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX CumSum (canonical form: opset 14)";
  let description = [{
    Performs cumulative sum of the input elements along the given axis. By default, it will do the sum inclusively meaning the first element is copied as is. Through an `exclusive` attribute, this behavior can change to exclude the first element. It can also perform summation in the opposite direction of the axis. For that, set `reverse` attribute to 1.
  }];
  let arguments = (ins
    Hone_TensorOf<[UI32, UI64, I32, I64, F16, F32, F64, BF16]>:$x,
    Hone_TensorOf<[I32, I64]>:$axis,
    DefaultValuedAttr<I64Attr, "0">:$exclusive,
    DefaultValuedAttr<I64Attr, "0">:$reverse);
  let results = (outs
    Hone_TensorOf<[UI32, UI64, I32, I64, F16, F32, F64, BF16]>:$y);
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
      return ::mlir::hone::MappingType::ManyToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
}

def Hone_TopKOp : Hone_ReduceOp<"topk", "TopK", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX TopK (canonical form: opset 11)";
  let description = [{
    Retrieve the top-K largest or smallest elements along a specified axis. Given an input tensor of shape [a_1, a_2, ..., a_n, r] and integer argument k, return two outputs: -Value tensor of shape [a_1, a_2, ..., a_{axis-1}, k, a_{axis+1}, ... a_n] which contains the values of the top k elements along the specified axis -Index tensor of shape [a_1, a_2, ..., a_{axis-1}, k, a_{axis+1}, ...
  }];
  let arguments = (ins
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64]>:$x,
    Hone_TensorOf<[I64]>:$k,
    DefaultValuedAttr<I64Attr, "-1">:$axis,
    DefaultValuedAttr<I64Attr, "1">:$largest,
    DefaultValuedAttr<I64Attr, "1">:$sorted);
  let results = (outs
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64]>:$values,
    Hone_TensorOf<[I64]>:$indices);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeTopK(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::ManyToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
}

#endif // HONE_REDUCE_OPS
