//===- HoneNNOps.td - NN ops, generated -*- tablegen -*-===//
//
// Generated from ONNX's operator schemas by generate_ops.py; edit the
// script, not this file. Included from HoneOps.td.
//
//===----------------------------------------------------------------------===//
#ifndef HONE_NN_OPS
#define HONE_NN_OPS

def Hone_ConvOp : Hone_NNOp<"conv", "Conv", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>, Hone_Distributive]> {
  let summary = "ONNX Conv (canonical form: opset 11)";
  let description = [{
    The convolution operator consumes an input tensor and a filter, and computes the output.
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64]>:$x,
    Hone_TensorOf<[F16, F32, F64]>:$w,
    Hone_OptionalTensorOf<[F16, F32, F64]>:$b,
    DefaultValuedStrAttr<StrAttr, "NOTSET">:$auto_pad,
    OptionalAttr<I64ArrayAttr>:$dilations,
    DefaultValuedAttr<I64Attr, "1">:$group,
    OptionalAttr<I64ArrayAttr>:$kernel_shape,
    OptionalAttr<I64ArrayAttr>:$pads,
    OptionalAttr<I64ArrayAttr>:$strides);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64]>:$y);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, 1, 2, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      if (::mlir::failed(::mlir::hone::verifyConvolution(getOperation())))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeConv(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::ManyToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
}

def Hone_ConvTransposeOp : Hone_NNOp<"conv_transpose", "ConvTranspose", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>, Hone_Distributive]> {
  let summary = "ONNX ConvTranspose (canonical form: opset 11)";
  let description = [{
    The convolution transpose operator consumes an input tensor and a filter, and computes the output.
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64]>:$x,
    Hone_TensorOf<[F16, F32, F64]>:$w,
    Hone_OptionalTensorOf<[F16, F32, F64]>:$b,
    DefaultValuedStrAttr<StrAttr, "NOTSET">:$auto_pad,
    OptionalAttr<I64ArrayAttr>:$dilations,
    DefaultValuedAttr<I64Attr, "1">:$group,
    OptionalAttr<I64ArrayAttr>:$kernel_shape,
    OptionalAttr<I64ArrayAttr>:$output_padding,
    OptionalAttr<I64ArrayAttr>:$output_shape,
    OptionalAttr<I64ArrayAttr>:$pads,
    OptionalAttr<I64ArrayAttr>:$strides);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64]>:$y);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, 1, 2, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      if (::mlir::failed(::mlir::hone::verifyConvolution(getOperation())))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeConvTranspose(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::ManyToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
}

def Hone_AveragePoolOp : Hone_NNOp<"average_pool", "AveragePool", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX AveragePool (canonical form: opset 11)";
  let description = [{
    AveragePool consumes an input tensor X and applies average pooling across the tensor according to kernel sizes, stride sizes, and pad lengths. average pooling consisting of computing the average on all values of a subset of the input tensor according to the kernel size and downsampling the data into the output tensor Y for further processing.
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64]>:$x,
    DefaultValuedStrAttr<StrAttr, "NOTSET">:$auto_pad,
    DefaultValuedAttr<I64Attr, "0">:$ceil_mode,
    DefaultValuedAttr<I64Attr, "0">:$count_include_pad,
    I64ArrayAttr:$kernel_shape,
    OptionalAttr<I64ArrayAttr>:$pads,
    OptionalAttr<I64ArrayAttr>:$strides);
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
      return ::mlir::hone::shapePool(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::ManyToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
}

def Hone_MaxPoolOp : Hone_NNOp<"max_pool", "MaxPool", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX MaxPool (canonical form: opset 12)";
  let description = [{
    MaxPool consumes an input tensor X and applies max pooling across the tensor according to kernel sizes, stride sizes, and pad lengths. max pooling consisting of computing the max on all values of a subset of the input tensor according to the kernel size and downsampling the data into the output tensor Y for further processing.
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64, I8, UI8]>:$x,
    DefaultValuedStrAttr<StrAttr, "NOTSET">:$auto_pad,
    DefaultValuedAttr<I64Attr, "0">:$ceil_mode,
    OptionalAttr<I64ArrayAttr>:$dilations,
    I64ArrayAttr:$kernel_shape,
    OptionalAttr<I64ArrayAttr>:$pads,
    DefaultValuedAttr<I64Attr, "0">:$storage_order,
    OptionalAttr<I64ArrayAttr>:$strides);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64, I8, UI8]>:$y,
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
      return ::mlir::hone::shapePool(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::ManyToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
}

def Hone_GlobalAveragePoolOp : Hone_NNOp<"global_average_pool", "GlobalAveragePool", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX GlobalAveragePool (canonical form: opset 1)";
  let description = [{
    GlobalAveragePool consumes an input tensor X and applies average pooling across the values in the same channel. This is equivalent to AveragePool with kernel size equal to the spatial dimension of input tensor.
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
      return ::mlir::hone::shapeGlobalPool(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::ManyToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
}

def Hone_GlobalMaxPoolOp : Hone_NNOp<"global_max_pool", "GlobalMaxPool", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX GlobalMaxPool (canonical form: opset 1)";
  let description = [{
    GlobalMaxPool consumes an input tensor X and applies max pooling across the values in the same channel. This is equivalent to MaxPool with kernel size equal to the spatial dimension of input tensor.
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
      return ::mlir::hone::shapeGlobalPool(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::ManyToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
}

def Hone_MaxUnpoolOp : Hone_NNOp<"max_unpool", "MaxUnpool", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX MaxUnpool (canonical form: opset 11)";
  let description = [{
    MaxUnpool essentially computes the partial inverse of the MaxPool op. The input information to this op is typically the the output information from a MaxPool op. The first input tensor X is the tensor that needs to be unpooled, which is typically the pooled tensor (first output) from MaxPool.
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64]>:$x,
    Hone_TensorOf<[I64]>:$i,
    Hone_OptionalTensorOf<[I64]>:$output_shape,
    I64ArrayAttr:$kernel_shape,
    OptionalAttr<I64ArrayAttr>:$pads,
    OptionalAttr<I64ArrayAttr>:$strides);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64]>:$output);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, -1, ::mlir::hone::kGroupEnd, 1, 2, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeMaxUnpool(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::ManyToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
}

def Hone_LpPoolOp : Hone_NNOp<"lp_pool", "LpPool", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX LpPool (canonical form: opset 11)";
  let description = [{
    LpPool consumes an input tensor X and applies Lp pooling across the tensor according to kernel sizes, stride sizes, and pad lengths. Lp pooling consisting of computing the Lp norm on all values of a subset of the input tensor according to the kernel size and downsampling the data into the output tensor Y for further processing.
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64]>:$x,
    DefaultValuedStrAttr<StrAttr, "NOTSET">:$auto_pad,
    I64ArrayAttr:$kernel_shape,
    DefaultValuedAttr<I64Attr, "2">:$p,
    OptionalAttr<I64ArrayAttr>:$pads,
    OptionalAttr<I64ArrayAttr>:$strides);
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
      return ::mlir::hone::shapePool(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::ManyToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
}

def Hone_GlobalLpPoolOp : Hone_NNOp<"global_lp_pool", "GlobalLpPool", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX GlobalLpPool (canonical form: opset 2)";
  let description = [{
    GlobalLpPool consumes an input tensor X and applies lp pool pooling across the values in the same channel. This is equivalent to LpPool with kernel size equal to the spatial dimension of input tensor.
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64]>:$x,
    DefaultValuedAttr<I64Attr, "2">:$p);
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
      return ::mlir::hone::shapeGlobalPool(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::ManyToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
}

def Hone_BatchNormalizationOp : Hone_NNOp<"batch_normalization", "BatchNormalization", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX BatchNormalization (canonical form: opset 15)";
  let description = [{
    Carries out batch normalization as described in the paper https://arxiv.org/abs/1502.03167. Depending on the mode it is being run, There are five required inputs 'X', 'scale', 'B', 'input_mean' and 'input_var'.
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64, BF16]>:$x,
    Hone_TensorOf<[F16, F32, F64, BF16]>:$scale,
    Hone_TensorOf<[F16, F32, F64, BF16]>:$b,
    Hone_TensorOf<[F16, F32, F64, BF16]>:$input_mean,
    Hone_TensorOf<[F16, F32, F64, BF16]>:$input_var,
    DefaultValuedAttr<F32Attr, "9.999999747378752e-06">:$epsilon,
    DefaultValuedAttr<F32Attr, "0.8999999761581421">:$momentum,
    DefaultValuedAttr<I64Attr, "0">:$training_mode);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64, BF16]>:$y,
    Hone_TensorOf<[F16, F32, F64, BF16]>:$running_mean,
    Hone_TensorOf<[F16, F32, F64, BF16]>:$running_var);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, -1, ::mlir::hone::kGroupEnd, 1, 2, ::mlir::hone::kGroupEnd, 3, 4, -2, -3, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeBatchNormalization(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::OneToOne;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
}

def Hone_InstanceNormalizationOp : Hone_NNOp<"instance_normalization", "InstanceNormalization", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX InstanceNormalization (canonical form: opset 6)";
  let description = [{
    Carries out instance normalization as described in the paper https://arxiv.org/abs/1607.08022.
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64]>:$input,
    Hone_TensorOf<[F16, F32, F64]>:$scale,
    Hone_TensorOf<[F16, F32, F64]>:$b,
    DefaultValuedAttr<F32Attr, "9.999999747378752e-06">:$epsilon);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64]>:$output);
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
      return ::mlir::hone::MappingType::ManyToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
}

def Hone_LayerNormalizationOp : Hone_NNOp<"layer_normalization", "LayerNormalization", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX LayerNormalization (canonical form: opset 17)";
  let description = [{
    This is layer normalization defined in ONNX as function. The overall computation can be split into two stages. The first stage is standardization, which makes the normalized elements have zero mean and unit variances. The computation required by standardization can be described by the following equations.
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64, BF16]>:$x,
    Hone_TensorOf<[F16, F32, F64, BF16]>:$scale,
    Hone_OptionalTensorOf<[F16, F32, F64, BF16]>:$b,
    DefaultValuedAttr<I64Attr, "-1">:$axis,
    DefaultValuedAttr<F32Attr, "9.999999747378752e-06">:$epsilon,
    DefaultValuedAttr<I64Attr, "1">:$stash_type);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64, BF16]>:$y,
    Hone_TensorOf<[F32, BF16]>:$mean,
    Hone_TensorOf<[F32, BF16]>:$invstddev);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, 1, 2, -1, ::mlir::hone::kGroupEnd, -2, -3, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeLayerNormalization(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::ManyToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
}

def Hone_LRNOp : Hone_NNOp<"lrn", "LRN", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX LRN (canonical form: opset 13)";
  let description = [{
    Local Response Normalization proposed in the [AlexNet paper](https://papers.nips.cc/paper/4824-imagenet-classification-with-deep-convolutional-neural-networks.pdf). It normalizes over local input regions. The local region is defined across the channels.
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64, BF16]>:$x,
    DefaultValuedAttr<F32Attr, "9.999999747378752e-05">:$alpha,
    DefaultValuedAttr<F32Attr, "0.75">:$beta,
    DefaultValuedAttr<F32Attr, "1.0">:$bias,
    I64Attr:$size);
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
      return ::mlir::hone::MappingType::ManyToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
}

def Hone_MeanVarianceNormalizationOp : Hone_NNOp<"mean_variance_normalization", "MeanVarianceNormalization", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX MeanVarianceNormalization (canonical form: opset 13)";
  let description = [{
    A MeanVarianceNormalization Function: Perform mean variance normalization on the input tensor X using formula: <br/> ``` (X-EX)/sqrt(E(X-EX)^2) ```
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64, BF16]>:$x,
    OptionalAttr<I64ArrayAttr>:$axes);
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
      return ::mlir::hone::MappingType::ManyToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
}

def Hone_LpNormalizationOp : Hone_NNOp<"lp_normalization", "LpNormalization", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX LpNormalization (canonical form: opset 1)";
  let description = [{
    Given a matrix, apply Lp-normalization along the provided axis.
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64]>:$input,
    DefaultValuedAttr<I64Attr, "-1">:$axis,
    DefaultValuedAttr<I64Attr, "2">:$p);
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
      return ::mlir::hone::MappingType::ManyToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
}

def Hone_GemmOp : Hone_NNOp<"gemm", "Gemm", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>, Hone_Distributive]> {
  let summary = "ONNX Gemm (canonical form: opset 13)";
  let description = [{
    General Matrix multiplication: https://en.wikipedia.org/wiki/Basic_Linear_Algebra_Subprograms#Level_3
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64, UI32, UI64, I32, I64, BF16]>:$a,
    Hone_TensorOf<[F16, F32, F64, UI32, UI64, I32, I64, BF16]>:$b,
    Hone_OptionalTensorOf<[F16, F32, F64, UI32, UI64, I32, I64, BF16]>:$c,
    DefaultValuedAttr<F32Attr, "1.0">:$alpha,
    DefaultValuedAttr<F32Attr, "1.0">:$beta,
    DefaultValuedAttr<I64Attr, "0">:$transA,
    DefaultValuedAttr<I64Attr, "0">:$transB);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64, UI32, UI64, I32, I64, BF16]>:$y);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, 1, 2, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      if (::mlir::failed(::mlir::hone::verifyGemm(getOperation())))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeGemm(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::ManyToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
}

def Hone_MatMulOp : Hone_NNOp<"matmul", "MatMul", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>, Hone_Distributive]> {
  let summary = "ONNX MatMul (canonical form: opset 13)";
  let description = [{
    Matrix product that behaves like numpy.matmul: https://docs.scipy.org/doc/numpy-1.13.0/reference/generated/numpy.matmul.html
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64, UI32, UI64, I32, I64, BF16]>:$a,
    Hone_TensorOf<[F16, F32, F64, UI32, UI64, I32, I64, BF16]>:$b);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64, UI32, UI64, I32, I64, BF16]>:$y);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, 1, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      if (::mlir::failed(::mlir::hone::verifyMatMul(getOperation())))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeMatMul(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::ManyToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
}

def Hone_EinsumOp : Hone_NNOp<"einsum", "Einsum", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Einsum (canonical form: opset 12)";
  let description = [{
    An einsum of the form ```term1, term2 -> output-term``` produces an output tensor using the following equation
  }];
  let arguments = (ins
    Variadic<Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64]>>:$inputs,
    StrAttr:$equation);
  let results = (outs
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64]>:$output);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, 0, -1)))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeEinsum(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::ManyToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
}

def Hone_SoftmaxOp : Hone_NNOp<"softmax", "Softmax", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Softmax (canonical form: opset 13)";
  let description = [{
    The operator computes the normalized exponential values for the given input:
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64, BF16]>:$input,
    DefaultValuedAttr<I64Attr, "-1">:$axis);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64, BF16]>:$output);
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

def Hone_LogSoftmaxOp : Hone_NNOp<"log_softmax", "LogSoftmax", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX LogSoftmax (canonical form: opset 13)";
  let description = [{
    The operator computes the log of softmax values for the given input:
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64, BF16]>:$input,
    DefaultValuedAttr<I64Attr, "-1">:$axis);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64, BF16]>:$output);
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

def Hone_HardmaxOp : Hone_NNOp<"hardmax", "Hardmax", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Hardmax (canonical form: opset 13)";
  let description = [{
    The operator computes the hardmax values for the given input:
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64, BF16]>:$input,
    DefaultValuedAttr<I64Attr, "-1">:$axis);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64, BF16]>:$output);
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

def Hone_DropoutOp : Hone_NNOp<"dropout", "Dropout", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Dropout (canonical form: opset 13)";
  let description = [{
    Dropout takes an input floating-point tensor, an optional input ratio (floating-point scalar) and an optional input training_mode (boolean scalar). It produces two tensor outputs, output (floating-point tensor) and mask (optional `Tensor<bool>`).
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64, BF16]>:$data,
    Hone_OptionalTensorOf<[F16, F32, F64]>:$ratio,
    Hone_OptionalTensorOf<[I1]>:$training_mode,
    OptionalAttr<I64Attr>:$seed);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64, BF16]>:$output,
    Hone_TensorOf<[I1]>:$mask);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, -1, ::mlir::hone::kGroupEnd, 2, -2, ::mlir::hone::kGroupEnd};
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

def Hone_ResizeOp : Hone_NNOp<"resize", "Resize", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Resize (canonical form: opset 13)";
  let description = [{
    Resize the input tensor. In general, it calculates every value in the output tensor as a weighted average of neighborhood (a.k.a. sampling locations) in the input tensor. Each dimension value of the output tensor is: output_dimension = floor(input_dimension * (roi_end - roi_start) * scale) if input \"sizes\" is not specified.
  }];
  let arguments = (ins
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, BF16, F16, F32, F64, I1]>:$x,
    Hone_OptionalTensorOf<[F16, F32, F64]>:$roi,
    Hone_OptionalTensorOf<[F32]>:$scales,
    Hone_OptionalTensorOf<[I64]>:$sizes,
    DefaultValuedStrAttr<StrAttr, "half_pixel">:$coordinate_transformation_mode,
    DefaultValuedAttr<F32Attr, "-0.75">:$cubic_coeff_a,
    DefaultValuedAttr<I64Attr, "0">:$exclude_outside,
    DefaultValuedAttr<F32Attr, "0.0">:$extrapolation_value,
    DefaultValuedStrAttr<StrAttr, "nearest">:$mode,
    DefaultValuedStrAttr<StrAttr, "round_prefer_floor">:$nearest_mode);
  let results = (outs
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, BF16, F16, F32, F64, I1]>:$y);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeResize(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::OneToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
}

def Hone_GridSampleOp : Hone_NNOp<"grid_sample", "GridSample", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX GridSample (canonical form: opset 16)";
  let description = [{
    Given an `input` and a flow-field `grid`, computes the `output` using `input` values and pixel locations from `grid`. Currently, only spatial (4-D) inputs are supported. For `input` with shape (N, C, H, W) and `grid` with shape (N, H_out, W_out, 2), the `output` will have shape (N, C, H_out, W_out).
  }];
  let arguments = (ins
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, I1]>:$x,
    Hone_TensorOf<[UI8, UI16, UI32, UI64, I8, I16, I32, I64, F16, F32, F64, I1]>:$grid,
    DefaultValuedAttr<I64Attr, "0">:$align_corners,
    DefaultValuedStrAttr<StrAttr, "bilinear">:$mode,
    DefaultValuedStrAttr<StrAttr, "zeros">:$padding_mode);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64]>:$y);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, 1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeGridSample(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::ManyToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
}

def Hone_RoiAlignOp : Hone_NNOp<"roi_align", "RoiAlign", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX RoiAlign (canonical form: opset 16)";
  let description = [{
    Region of Interest (RoI) align operation described in the [Mask R-CNN paper](https://arxiv.org/abs/1703.06870). RoiAlign consumes an input tensor X and region of interests (rois) to apply pooling across each RoI; it produces a 4-D tensor of shape (num_rois, C, output_height, output_width).
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64]>:$x,
    Hone_TensorOf<[F16, F32, F64]>:$rois,
    Hone_TensorOf<[I64]>:$batch_indices,
    DefaultValuedStrAttr<StrAttr, "half_pixel">:$coordinate_transformation_mode,
    DefaultValuedStrAttr<StrAttr, "avg">:$mode,
    DefaultValuedAttr<I64Attr, "1">:$output_height,
    DefaultValuedAttr<I64Attr, "1">:$output_width,
    DefaultValuedAttr<I64Attr, "0">:$sampling_ratio,
    DefaultValuedAttr<F32Attr, "1.0">:$spatial_scale);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64]>:$y);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, 1, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeRoiAlign(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::ManyToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
}

def Hone_NonMaxSuppressionOp : Hone_NNOp<"non_max_suppression", "NonMaxSuppression", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX NonMaxSuppression (canonical form: opset 11)";
  let description = [{
    Filter out boxes that have high intersection-over-union (IOU) overlap with previously selected boxes. Bounding boxes with score less than score_threshold are removed. Bounding box format is indicated by attribute center_point_box.
  }];
  let arguments = (ins
    Hone_TensorOf<[F32]>:$boxes,
    Hone_TensorOf<[F32]>:$scores,
    Hone_OptionalTensorOf<[I64]>:$max_output_boxes_per_class,
    Hone_OptionalTensorOf<[F32]>:$iou_threshold,
    Hone_OptionalTensorOf<[F32]>:$score_threshold,
    DefaultValuedAttr<I64Attr, "0">:$center_point_box);
  let results = (outs
    Hone_TensorOf<[I64]>:$selected_indices);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeNonMaxSuppression(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::ManyToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
}

def Hone_DetOp : Hone_NNOp<"det", "Det", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX Det (canonical form: opset 11)";
  let description = [{
    Det calculates determinant of a square matrix or batches of square matrices. Det takes one input tensor of shape `[*, M, M]`, where `*` is zero or more batch dimensions, and the inner-most 2 dimensions form square matrices. The output is a tensor of shape `[*]`, containing the determinants of all input submatrices. e.g., When the input is 2-D, the output is a scalar(shape is empty: `[]`).
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
      return ::mlir::hone::shapeDet(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::ManyToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
}

def Hone_NegativeLogLikelihoodLossOp : Hone_NNOp<"negative_log_likelihood_loss", "NegativeLogLikelihoodLoss", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX NegativeLogLikelihoodLoss (canonical form: opset 13)";
  let description = [{
    A NegativeLogLikelihoodLoss operator computes (weighted) negative log likelihood loss. Its "input" tensor has the shape of (N, C, d1, d2, ..., dk) where k >= 0. The "input" tensor contains log-probabilities for input[n, :, d_1, d_2,..., d_k] being in a class of [0, C). The operator's "target" input tensor has the shape of (N, d1, d2, ..., dk).
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64]>:$input,
    Hone_TensorOf<[I32, I64]>:$target,
    Hone_OptionalTensorOf<[F16, F32, F64]>:$weight,
    OptionalAttr<I64Attr>:$ignore_index,
    DefaultValuedStrAttr<StrAttr, "mean">:$reduction);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64]>:$loss);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, 2, -1, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeLoss(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::ManyToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
}

def Hone_SoftmaxCrossEntropyLossOp : Hone_NNOp<"softmax_cross_entropy_loss", "SoftmaxCrossEntropyLoss", [DeclareOpInterfaceMethods<Hone_ShapeFunctionOpInterface>, DeclareOpInterfaceMethods<Hone_FusionOpInterface>, DeclareOpInterfaceMethods<Hone_LayoutOpInterface>]> {
  let summary = "ONNX SoftmaxCrossEntropyLoss (canonical form: opset 13)";
  let description = [{
    Loss function that measures the softmax cross entropy between 'scores' and 'labels'. This operator first computes a loss tensor whose shape is identical to the labels input. If the input is 2-D with shape (N, C), the loss tensor may be a N-element vector L = (l_1, l_2, ..., l_N).
  }];
  let arguments = (ins
    Hone_TensorOf<[F16, F32, F64, BF16]>:$scores,
    Hone_TensorOf<[I32, I64]>:$labels,
    Hone_OptionalTensorOf<[F16, F32, F64, BF16]>:$weights,
    OptionalAttr<I64Attr>:$ignore_index,
    DefaultValuedStrAttr<StrAttr, "mean">:$reduction);
  let results = (outs
    Hone_TensorOf<[F16, F32, F64, BF16]>:$output,
    Hone_TensorOf<[F16, F32, F64, BF16]>:$log_prob);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::LogicalResult $cppClass::verify() {
      static const int groups[] = {0, 2, -1, -2, ::mlir::hone::kGroupEnd};
      if (::mlir::failed(::mlir::hone::verifyElementTypeGroups(getOperation(), groups, -1, -1)))
        return ::mlir::failure();
      return ::mlir::hone::verifyResultShapes(getOperation());
    }
    ::mlir::LogicalResult $cppClass::inferResultShapes(::mlir::hone::ShapeContext &context) {
      return ::mlir::hone::shapeLoss(context);
    }
    ::mlir::hone::MappingType $cppClass::getMappingType() {
      return ::mlir::hone::MappingType::ManyToMany;
    }
    ::mlir::hone::LayoutClass $cppClass::getLayoutClass() {
      return ::mlir::hone::LayoutClass::DependentVariable;
    }
  }];
}

#endif // HONE_NN_OPS
