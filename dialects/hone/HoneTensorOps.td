//===- HoneTensorOps.td - Tensor ops, generated -*- tablegen -*-===//
//
// Generated from ONNX's operator schemas by generate_ops.py; edit the
// script, not this file. Included from HoneOps.td.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_TENSOR_OPS
#define HONE_TENSOR_OPS

def Hone_ReshapeOp : Hone_TensorOp<"reshape", "Reshape", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_ValueFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Reshape (canonical form: opset 14)";
  let description = [{
    Reshape the input tensor similar to numpy.reshape. First input is the data tensor, second input is a shape tensor which specifies the output shape. It outputs the reshaped tensor. At most one dimension of the new shape can be -1. In this case, the value is inferred from the size of the tensor and the remaining dimensions.
  }];
  let arguments = (ins
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, BF16, F16, F32, F64, I1]>:$data,
    Hone_TensorOf<[I64]>:$shape,
    DefaultValuedAttr<I64Attr, "0">:$allowzero);
  let results = (outs
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, BF16, F16, F32, F64, I1]>:$reshaped);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeReshape(context);
    }
    ::mlir::LogicalResult $cppClass::inferResultValues(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::valueSameElements(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::Reorganize;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentFixed;
    }
  }];
}

def Hone_TransposeOp : Hone_TensorOp<"transpose", "Transpose", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Transpose (canonical form: opset 13)";
  let description = [{
    Transpose the input tensor similar to numpy.transpose. For example, when perm=(1, 0, 2), given an input tensor of shape (1, 2, 3), the output shape will be (2, 1, 3).
  }];
  let arguments = (ins
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, BF16, F16, F32, F64, I1]>:$data,
    OptionalAttr<I64ArrayAttr>:$perm);
  let results = (outs
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, BF16, F16, F32, F64, I1]>:$transposed);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      if (::mlir::failed(::mlir::hone::verifyTranspose(getOperation())))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeTranspose(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::Shuffle;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentFixed;
    }
  }];
}

def Hone_ConcatOp : Hone_TensorOp<"concat", "Concat", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_ValueFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Concat (canonical form: opset 13)";
  let description = [{
    Concatenate a list of tensors into a single tensor. All input tensors must have the same shape, except for the dimension size of the axis to concatenate on.
  }];
  let arguments = (ins
    Variadic<Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, BF16, F16, F32, F64, I1]>>:$inputs,
    I64Attr:$axis);
  let results = (outs
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, BF16, F16, F32, F64, I1]>:$concat_result);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, 0, -1)))
        return ::mlir::failure();
      if (::mlir::failed(::mlir::hone::verifyAxisInRange(getOperation())))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeConcat(context);
    }
    ::mlir::LogicalResult $cppClass::inferResultValues(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::valueConcat(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::OneToOne;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::IndependentFixed;
    }
  }];
}

def Hone_SplitOp : Hone_TensorOp<"split", "Split", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Split (canonical form: opset 13)";
  let description = [{
    Split a tensor into a list of tensors, along the specified 'axis'. Lengths of the parts can be specified using input 'split'. Otherwise, the tensor is split to equal sized parts.
  }];
  let arguments = (ins
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, BF16, F16, F32, F64, I1]>:$input,
    Hone_OptionalTensorOf<[I64]>:$split,
    DefaultValuedAttr<I64Attr, "0">:$axis);
  let results = (outs
    Variadic<Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, BF16, F16, F32, F64, I1]>>:$outputs);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, 0)))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeSplit(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::OneToOne;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::IndependentFixed;
    }
  }];
}

def Hone_SliceOp : Hone_TensorOp<"slice", "Slice", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_ValueFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Slice (canonical form: opset 13)";
  let description = [{
    Produces a slice of the input tensor along multiple axes. Similar to numpy: https://numpy.org/doc/stable/user/basics.indexing.html?highlight=slice#slicing-and-striding
  }];
  let arguments = (ins
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, BF16, F16, F32, F64, I1]>:$data,
    Hone_TensorOf<[I32, I64]>:$starts,
    Hone_TensorOf<[I32, I64]>:$ends,
    Hone_OptionalTensorOf<[I32, I64]>:$axes,
    Hone_OptionalTensorOf<[I32, I64]>:$steps);
  let results = (outs
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, BF16, F16, F32, F64, I1]>:$output);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, -1, ::mlir::hone::kGroupEnd, 1, 2, 3, 4, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeSlice(context);
    }
    ::mlir::LogicalResult $cppClass::inferResultValues(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::valueSlice(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::OneToOne;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::IndependentFixed;
    }
  }];
}

def Hone_GatherOp : Hone_TensorOp<"gather", "Gather", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_ValueFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Gather (canonical form: opset 13)";
  let description = [{
    Given `data` tensor of rank r >= 1, and `indices` tensor of rank q, gather entries of the axis dimension of `data` (by default outer-most one as axis=0) indexed by `indices`, and concatenates them in an output tensor of rank q + (r - 1).
  }];
  let arguments = (ins
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, BF16, F16, F32, F64, I1]>:$data,
    Hone_TensorOf<[I32, I64]>:$indices,
    DefaultValuedAttr<I64Attr, "0">:$axis);
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
      return ::mlir::hone::shapeGather(context);
    }
    ::mlir::LogicalResult $cppClass::inferResultValues(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::valueGather(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::OneToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::IndependentFixed;
    }
  }];
}

def Hone_GatherElementsOp : Hone_TensorOp<"gather_elements", "GatherElements", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX GatherElements (canonical form: opset 13)";
  let description = [{
    GatherElements takes two inputs `data` and `indices` of the same rank r >= 1 and an optional attribute `axis` that identifies an axis of `data` (by default, the outer-most axis, that is axis 0). It is an indexing operation that produces its output by indexing into the input data tensor at index positions determined by elements of the `indices` tensor.
  }];
  let arguments = (ins
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, BF16, F16, F32, F64, I1]>:$data,
    Hone_TensorOf<[I32, I64]>:$indices,
    DefaultValuedAttr<I64Attr, "0">:$axis);
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
      return ::mlir::hone::shapeSameAsOperand1(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::OneToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::IndependentFixed;
    }
  }];
}

def Hone_GatherNDOp : Hone_TensorOp<"gather_nd", "GatherND", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX GatherND (canonical form: opset 13)";
  let description = [{
    Given `data` tensor of rank `r` >= 1, `indices` tensor of rank `q` >= 1, and `batch_dims` integer `b`, this operator gathers slices of `data` into an output tensor of rank `q + r - indices_shape[-1] - 1 - b`.
  }];
  let arguments = (ins
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, BF16, F16, F32, F64, I1]>:$data,
    Hone_TensorOf<[I64]>:$indices,
    DefaultValuedAttr<I64Attr, "0">:$batch_dims);
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
      return ::mlir::hone::shapeGatherND(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::OneToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::IndependentFixed;
    }
  }];
}

def Hone_ScatterElementsOp : Hone_TensorOp<"scatter_elements", "ScatterElements", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX ScatterElements (canonical form: opset 16)";
  let description = [{
    ScatterElements takes three inputs `data`, `updates`, and `indices` of the same rank r >= 1 and an optional attribute axis that identifies an axis of `data` (by default, the outer-most axis, that is axis 0).
  }];
  let arguments = (ins
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, BF16, F16, F32, F64, I1]>:$data,
    Hone_TensorOf<[I32, I64]>:$indices,
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, BF16, F16, F32, F64, I1]>:$updates,
    DefaultValuedAttr<I64Attr, "0">:$axis,
    DefaultValuedStrAttr<StrAttr, "none">:$reduction);
  let results = (outs
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, BF16, F16, F32, F64, I1]>:$output);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, 2, -1, ::mlir::hone::kGroupEnd};
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

def Hone_ScatterNDOp : Hone_TensorOp<"scatter_nd", "ScatterND", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX ScatterND (canonical form: opset 16)";
  let description = [{
    ScatterND takes three inputs `data` tensor of rank r >= 1, `indices` tensor of rank q >= 1, and `updates` tensor of rank q + r - indices.shape[-1] - 1. The output of the operation is produced by creating a copy of the input `data`, and then updating its value to values specified by `updates` at specific index positions specified by `indices`. Its output shape is the same as the shape of `data`.
  }];
  let arguments = (ins
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, BF16, F16, F32, F64, I1]>:$data,
    Hone_TensorOf<[I64]>:$indices,
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, BF16, F16, F32, F64, I1]>:$updates,
    DefaultValuedStrAttr<StrAttr, "none">:$reduction);
  let results = (outs
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, BF16, F16, F32, F64, I1]>:$output);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, 2, -1, ::mlir::hone::kGroupEnd};
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

def Hone_SqueezeOp : Hone_TensorOp<"squeeze", "Squeeze", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_ValueFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Squeeze (canonical form: opset 13)";
  let description = [{
    Remove single-dimensional entries from the shape of a tensor. Takes an input `axes` with a list of axes to squeeze. If `axes` is not provided, all the single dimensions will be removed from the shape. If an axis is selected with shape entry not equal to one, an error is raised.
  }];
  let arguments = (ins
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, BF16, F16, F32, F64, I1]>:$data,
    Hone_OptionalTensorOf<[I64]>:$axes);
  let results = (outs
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, BF16, F16, F32, F64, I1]>:$squeezed);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeSqueeze(context);
    }
    ::mlir::LogicalResult $cppClass::inferResultValues(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::valueSameElements(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::Reorganize;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentFixed;
    }
  }];
}

def Hone_UnsqueezeOp : Hone_TensorOp<"unsqueeze", "Unsqueeze", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_ValueFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Unsqueeze (canonical form: opset 13)";
  let description = [{
    Insert single-dimensional entries to the shape of an input tensor (`data`). Takes one required input `axes` - which contains a list of dimension indices and this operator will insert a dimension of value `1` into the corresponding index of the output tensor (`expanded`).
  }];
  let arguments = (ins
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, BF16, F16, F32, F64, I1]>:$data,
    Hone_TensorOf<[I64]>:$axes);
  let results = (outs
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, BF16, F16, F32, F64, I1]>:$expanded);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeUnsqueeze(context);
    }
    ::mlir::LogicalResult $cppClass::inferResultValues(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::valueSameElements(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::Reorganize;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentFixed;
    }
  }];
}

def Hone_FlattenOp : Hone_TensorOp<"flatten", "Flatten", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_ValueFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Flatten (canonical form: opset 13)";
  let description = [{
    Flattens the input tensor into a 2D matrix. If input tensor has shape (d_0, d_1, ... d_n) then the output will have shape (d_0 X d_1 ... d_(axis-1), d_axis X d_(axis+1) ... X dn).
  }];
  let arguments = (ins
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, BF16, F16, F32, F64, I1]>:$input,
    DefaultValuedAttr<I64Attr, "1">:$axis);
  let results = (outs
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, BF16, F16, F32, F64, I1]>:$output);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      if (::mlir::failed(::mlir::hone::verifyAxisInRange(getOperation())))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeFlatten(context);
    }
    ::mlir::LogicalResult $cppClass::inferResultValues(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::valueSameElements(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::Reorganize;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentFixed;
    }
  }];
}

def Hone_ExpandOp : Hone_TensorOp<"expand", "Expand", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_ValueFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Expand (canonical form: opset 13)";
  let description = [{
    Broadcast the input tensor following the given shape and the broadcast rule. The broadcast rule is similar to numpy.array(input) * numpy.ones(shape): Dimensions are right alignment; Two corresponding dimensions must have the same value, or one of them is equal to 1.
  }];
  let arguments = (ins
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, BF16, F16, F32, F64, I1]>:$input,
    Hone_TensorOf<[I64]>:$shape);
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
      return ::mlir::hone::shapeExpand(context);
    }
    ::mlir::LogicalResult $cppClass::inferResultValues(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::valueExpand(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::OneToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::IndependentFixed;
    }
  }];
}

def Hone_TileOp : Hone_TensorOp<"tile", "Tile", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Tile (canonical form: opset 13)";
  let description = [{
    Constructs a tensor by tiling a given tensor. This is the same as function `tile` in Numpy, but no broadcast. For example A = [[1, 2], [3, 4]], B = [1, 2], tile(A, B) = [[1, 2, 1, 2], [3, 4, 3, 4]]
  }];
  let arguments = (ins
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, BF16, F16, F32, F64, I1]>:$input,
    Hone_TensorOf<[I64]>:$repeats);
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
      return ::mlir::hone::shapeTile(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::OneToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::IndependentFixed;
    }
  }];
}

def Hone_PadOp : Hone_TensorOp<"pad", "Pad", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Pad (canonical form: opset 13)";
  let description = [{
    Given a tensor containing the data to be padded (`data`), a tensor containing the number of start and end pad values for axis (`pads`), (optionally) a `mode`, and (optionally) `constant_value`, a padded tensor (`output`) is generated.
  }];
  let arguments = (ins
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, BF16, F16, F32, F64, I1]>:$data,
    Hone_TensorOf<[I64]>:$pads,
    Hone_OptionalTensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, BF16, F16, F32, F64, I1]>:$constant_value,
    DefaultValuedStrAttr<StrAttr, "constant">:$mode);
  let results = (outs
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, BF16, F16, F32, F64, I1]>:$output);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, 2, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapePad(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::OneToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::IndependentFixed;
    }
  }];
}

def Hone_ShapeOp : Hone_TensorOp<"shape", "Shape", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, Hone_ValueFromShapes, DeclareOpInterfaceMethods<Hone_ValueFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Shape (canonical form: opset 15)";
  let description = [{
    Takes a tensor as input and outputs an 1D int64 tensor containing the shape of the input tensor. Optional attributes start and end can be used to compute a slice of the input tensor's shape. If start axis is omitted, the slice starts from axis 0. The end axis, if specified, is exclusive (and the returned value will not include the size of that axis).
  }];
  let arguments = (ins
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, BF16, F16, F32, F64, I1]>:$data,
    OptionalAttr<I64Attr>:$end,
    DefaultValuedAttr<I64Attr, "0">:$start);
  let results = (outs
    Hone_TensorOf<[I64]>:$shape);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeShape(context);
    }
    ::mlir::LogicalResult $cppClass::inferResultValues(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::valueShape(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::ManyToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
}

def Hone_SizeOp : Hone_TensorOp<"size", "Size", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, Hone_ValueFromShapes, DeclareOpInterfaceMethods<Hone_ValueFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Size (canonical form: opset 13)";
  let description = [{
    Takes a tensor as input and outputs a int64 scalar that equals to the total number of elements of the input tensor.
  }];
  let arguments = (ins
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, BF16, F16, F32, F64, I1]>:$data);
  let results = (outs
    Hone_TensorOf<[I64]>:$size);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeScalar(context);
    }
    ::mlir::LogicalResult $cppClass::inferResultValues(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::valueSize(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::ManyToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
}

def Hone_ConstantOfShapeOp : Hone_TensorOp<"constant_of_shape", "ConstantOfShape", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_ValueFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX ConstantOfShape (canonical form: opset 9)";
  let description = [{
    Generate a tensor with given value and shape.
  }];
  let arguments = (ins
    Hone_TensorOf<[I64]>:$input,
    OptionalAttr<ElementsAttr>:$value);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64, I8, I16, I32, I64, UI8, UI16, UI32, UI64, I1]>:$output);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeFromShapeOperand(context);
    }
    ::mlir::LogicalResult $cppClass::inferResultValues(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::valueConstantOfShape(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::OneToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::IndependentVariable;
    }
  }];
}

def Hone_RangeOp : Hone_TensorOp<"range", "Range", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_ValueFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Range (canonical form: opset 11)";
  let description = [{
    Generate a tensor containing a sequence of numbers that begin at `start` and extends by increments of `delta` up to `limit` (exclusive).
  }];
  let arguments = (ins
    Hone_TensorOf<[F32, F64, I16, I32, I64]>:$start,
    Hone_TensorOf<[F32, F64, I16, I32, I64]>:$limit,
    Hone_TensorOf<[F32, F64, I16, I32, I64]>:$delta);
  let results = (outs
    Hone_TensorOf<[F32, F64, I16, I32, I64]>:$output);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, 1, 2, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeRange(context);
    }
    ::mlir::LogicalResult $cppClass::inferResultValues(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::valueRange(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::OneToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::IndependentVariable;
    }
  }];
}

def Hone_OneHotOp : Hone_TensorOp<"one_hot", "OneHot", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX OneHot (canonical form: opset 11)";
  let description = [{
    Produces a one-hot tensor based on inputs. The locations represented by the index values in the 'indices' input tensor will have 'on_value' and the other locations will have 'off_value' in the output tensor, where 'on_value' and 'off_value' are specified as part of required input argument 'values', which is a two-element tensor of format [off_value, on_value].
  }];
  let arguments = (ins
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64]>:$indices,
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64]>:$depth,
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, I1]>:$values,
    DefaultValuedAttr<I64Attr, "-1">:$axis);
  let results = (outs
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, I1]>:$output);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {2, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeOneHot(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::OneToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::IndependentVariable;
    }
  }];
}

def Hone_NonZeroOp : Hone_TensorOp<"nonzero", "NonZero", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX NonZero (canonical form: opset 13)";
  let description = [{
    Returns the indices of the elements that are non-zero (in row-major order - by dimension). NonZero behaves similar to numpy.nonzero: https://docs.scipy.org/doc/numpy/reference/generated/numpy.nonzero.html, but for scalar input, NonZero produces output shape (0, N) instead of (1, N), which is different from Numpy's behavior.
  }];
  let arguments = (ins
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, BF16, F16, F32, F64, I1]>:$x);
  let results = (outs
    Hone_TensorOf<[I64]>:$y);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeNonZero(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::ManyToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
}

def Hone_CompressOp : Hone_TensorOp<"compress", "Compress", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Compress (canonical form: opset 11)";
  let description = [{
    Selects slices from an input tensor along a given axis where condition evaluates to True for each axis index. In case axis is not provided, input is flattened before elements are selected. Compress behaves like numpy.compress: https://docs.scipy.org/doc/numpy/reference/generated/numpy.compress.html
  }];
  let arguments = (ins
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, I1]>:$input,
    Hone_TensorOf<[I1]>:$condition,
    OptionalAttr<I64Attr>:$axis);
  let results = (outs
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, I1]>:$output);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeCompress(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::ManyToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
}

def Hone_UniqueOp : Hone_TensorOp<"unique", "Unique", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Unique (canonical form: opset 11)";
  let description = [{
    Find the unique elements of a tensor. When an optional attribute 'axis' is provided, unique subtensors sliced along the 'axis' are returned. Otherwise the input tensor is flattened and unique values of the flattened tensor are returned.
  }];
  let arguments = (ins
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, I1]>:$x,
    OptionalAttr<I64Attr>:$axis,
    DefaultValuedAttr<I64Attr, "1">:$sorted);
  let results = (outs
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, I1]>:$y,
    Hone_TensorOf<[I64]>:$indices,
    Hone_TensorOf<[I64]>:$inverse_indices,
    Hone_TensorOf<[I64]>:$counts);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeUnique(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::ManyToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
}

def Hone_DepthToSpaceOp : Hone_TensorOp<"depth_to_space", "DepthToSpace", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX DepthToSpace (canonical form: opset 13)";
  let description = [{
    DepthToSpace rearranges (permutes) data from depth into blocks of spatial data. This is the reverse transformation of SpaceToDepth. More specifically, this op outputs a copy of the input tensor where values from the depth dimension are moved in spatial blocks to the height and width dimensions. By default, `mode` = `DCR`.
  }];
  let arguments = (ins
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, BF16, F16, F32, F64, I1]>:$input,
    I64Attr:$blocksize,
    DefaultValuedStrAttr<StrAttr, "DCR">:$mode);
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
      return ::mlir::hone::shapeDepthToSpace(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::Shuffle;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentFixed;
    }
  }];
}

def Hone_SpaceToDepthOp : Hone_TensorOp<"space_to_depth", "SpaceToDepth", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX SpaceToDepth (canonical form: opset 13)";
  let description = [{
    SpaceToDepth rearranges blocks of spatial data into depth. More specifically, this op outputs a copy of the input tensor where values from the height and width dimensions are moved to the depth dimension.
  }];
  let arguments = (ins
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, BF16, F16, F32, F64, I1]>:$input,
    I64Attr:$blocksize);
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
      return ::mlir::hone::shapeDepthToSpace(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::Shuffle;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentFixed;
    }
  }];
}

def Hone_EyeLikeOp : Hone_TensorOp<"eye_like", "EyeLike", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX EyeLike (canonical form: opset 9)";
  let description = [{
    Generate a 2D tensor (matrix) with ones on the diagonal and zeros everywhere else. Only 2D tensors are supported, i.e. input T1 must be of rank 2. The shape of the output tensor is the same as the input tensor. The data type can be specified by the 'dtype' argument. If 'dtype' is not specified, then the type of input tensor is used.
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64, I8, I16, I32, I64, UI8, UI16, UI32, UI64, I1]>:$input,
    OptionalAttr<I64Attr>:$dtype,
    DefaultValuedAttr<I64Attr, "0">:$k);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64, I8, I16, I32, I64, UI8, UI16, UI32, UI64, I1]>:$output);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeSameAsOperand0(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::OneToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
}

def Hone_ReverseSequenceOp : Hone_TensorOp<"reverse_sequence", "ReverseSequence", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX ReverseSequence (canonical form: opset 10)";
  let description = [{
    Reverse batch of sequences having different lengths specified by `sequence_lens`.
  }];
  let arguments = (ins
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, I1]>:$input,
    Hone_TensorOf<[I64]>:$sequence_lens,
    DefaultValuedAttr<I64Attr, "1">:$batch_axis,
    DefaultValuedAttr<I64Attr, "0">:$time_axis);
  let results = (outs
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, I1]>:$y);
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
      return ::mlir::hone::MappingType::Shuffle;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::IndependentFixed;
    }
  }];
}

def Hone_TriluOp : Hone_TensorOp<"trilu", "Trilu", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Trilu (canonical form: opset 14)";
  let description = [{
    Given a 2-D matrix or batches of 2-D matrices, returns the upper or lower triangular part of the tensor(s). The attribute "upper" determines whether the upper or lower part is retained. If set to true, the upper triangular matrix is retained. Lower triangular matrix is retained otherwise. Default value for the "upper" attribute is true.
  }];
  let arguments = (ins
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, BF16, F16, F32, F64, I1]>:$input,
    Hone_OptionalTensorOf<[I64]>:$k,
    DefaultValuedAttr<I64Attr, "1">:$upper);
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
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::OneToOne;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
}

#endif // HONE_TENSOR_OPS
