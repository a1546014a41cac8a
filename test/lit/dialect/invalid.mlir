// Every verifier message, one case per split.
// RUN: hone-opt %s -split-input-file -verify-diagnostics

func.func @add_not_broadcastable(%a: tensor<2x3xf32>, %b: tensor<4x3xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'hone.add' op operands are not broadcast-compatible: operand 0 has 2 and operand 1 has 4 at dim 0}}
  %0 = hone.add %a, %b : (tensor<2x3xf32>, tensor<4x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @add_mixed_types(%a: tensor<2xf32>, %b: tensor<2xi32>) -> tensor<2xf32> {
  // ONNX's type constraint T: both operands and the result share one type.
  // expected-error @+1 {{'hone.add' op expected operand #1 to have element type 'f32' like operand #0, got 'i32'}}
  %0 = hone.add %a, %b : (tensor<2xf32>, tensor<2xi32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @conv_rank(%x: tensor<3x8xf32>, %w: tensor<4x3xf32>) -> tensor<*xf32> {
  %none = hone.none
  // expected-error @+1 {{'hone.conv' op expected input of rank >= 3 (N x C x spatial...), got rank 2}}
  %0 = hone.conv %x, %w, %none : (tensor<3x8xf32>, tensor<4x3xf32>, none) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @conv_channels(%x: tensor<1x3x8x8xf32>, %w: tensor<4x2x3x3xf32>) -> tensor<*xf32> {
  %none = hone.none
  // expected-error @+1 {{'hone.conv' op expected 2 input channels (weight dim 1 x group), got 3}}
  %0 = hone.conv %x, %w, %none : (tensor<1x3x8x8xf32>, tensor<4x2x3x3xf32>, none) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @conv_pads(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<*xf32> {
  %none = hone.none
  // expected-error @+1 {{'hone.conv' op expected 4 values in 'pads', got 2}}
  %0 = hone.conv %x, %w, %none {pads = [1, 1]} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, none) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @conv_weight_rank(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3xf32>) -> tensor<*xf32> {
  %none = hone.none
  // expected-error @+1 {{'hone.conv' op expected weight of rank 4 like the input, got rank 3}}
  %0 = hone.conv %x, %w, %none : (tensor<1x3x8x8xf32>, tensor<4x3x3xf32>, none) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @matmul_k(%a: tensor<2x3xf32>, %b: tensor<4x5xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'hone.matmul' op contracted dims differ: 3 (last of A) vs 4 (second to last of B)}}
  %0 = hone.matmul %a, %b : (tensor<2x3xf32>, tensor<4x5xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @gemm_rank(%a: tensor<2x3x4xf32>, %b: tensor<4x5xf32>) -> tensor<*xf32> {
  %none = hone.none
  // expected-error @+1 {{'hone.gemm' op expected 2-D A, got rank 3}}
  %0 = hone.gemm %a, %b, %none : (tensor<2x3x4xf32>, tensor<4x5xf32>, none) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @gemm_k(%a: tensor<2x3xf32>, %b: tensor<5x4xf32>) -> tensor<*xf32> {
  %none = hone.none
  // expected-error @+1 {{'hone.gemm' op contracted dims differ: 3 vs 4}}
  %0 = hone.gemm %a, %b, %none {transB = 1 : i64} : (tensor<2x3xf32>, tensor<5x4xf32>, none) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @transpose_perm(%x: tensor<2x3xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'hone.transpose' op expected 'perm' to be a permutation of 0..1, got [0, 0]}}
  %0 = hone.transpose %x {perm = [0, 0]} : (tensor<2x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @softmax_axis(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{'hone.softmax' op expected axis in [-2, 1], got 2}}
  %0 = hone.softmax %x {axis = 2 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @concat_axis(%x: tensor<2x3xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'hone.concat' op expected axis in [-2, 1], got -3}}
  %0 = hone.concat %x, %x {axis = -3 : i64} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @wrong_attribute_kind(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error @+1 {{'hone.softmax' op attribute 'axis' failed to satisfy constraint: 64-bit signless integer attribute}}
  %0 = hone.softmax %x {axis = "one"} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @missing_required_attribute(%x: tensor<2x3xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'hone.cast' op requires attribute 'to'}}
  %0 = hone.cast %x : (tensor<2x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @optional_input_of_wrong_type(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<4xi64>) -> tensor<*xf32> {
  // expected-error @+1 {{'hone.conv' op operand #2 must be tensor or none}}
  %0 = hone.conv %x, %w, %b : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xi64>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @constant_type(%x: tensor<2xf32>) -> tensor<3xf32> {
  // expected-error @+1 {{inferred shape of elements literal ([2]) does not match type ([3])}}
  %0 = hone.constant dense<[1.0, 2.0]> : tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

func.func @result_disagrees_with_shape_function(%a: tensor<2x3xf32>, %b: tensor<3xf32>) -> tensor<2x4xf32> {
  // expected-error @+1 {{'hone.add' op result #0 has dim 1 = 4, but its operands give 3}}
  %0 = hone.add %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

func.func @result_rank_disagrees(%a: tensor<2x3xf32>) -> tensor<6xf32> {
  // expected-error @+1 {{'hone.relu' op result #0 has rank 1, but its operands give rank 2}}
  %0 = hone.relu %a : (tensor<2x3xf32>) -> tensor<6xf32>
  return %0 : tensor<6xf32>
}
