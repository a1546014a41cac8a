// Each decomposed layer of Inputs/layers.mlir becomes its op, and the module
// computes the same before and after.
// RUN: hone-opt %S/Inputs/layers.mlir --hone-recognize-patterns -o %t.layers.mlir
// RUN: hone-run %S/Inputs/layers.mlir --interp --random-inputs 4 --compare-with %t.layers.mlir | FileCheck %s --check-prefix=EVAL
// RUN: FileCheck %s --input-file=%t.layers.mlir --check-prefix=LAYERS
// RUN: hone-opt %s -split-input-file --hone-recognize-patterns | FileCheck %s
// RUN: not hone-opt %s --hone-recognize-patterns=patterns=swish 2>&1 | FileCheck %s --check-prefix=UNKNOWN

// EVAL: outputs agree (9 outputs
// LAYERS-NOT: hone.batch_normalization
// LAYERS-NOT: hone.exp
// LAYERS-NOT: hone.reduce_mean
// LAYERS: %[[S:.*]] = hone.reshape %{{.*}} -> tensor<4x1x1xf32>
// LAYERS: %[[T:.*]] = hone.reshape %{{.*}} -> tensor<4x1x1xf32>
// LAYERS: %[[M:.*]] = hone.mul %arg0, %[[S]]
// LAYERS: hone.add %[[M]], %[[T]]
// LAYERS: hone.softmax %arg1 {axis = 1 : i64}
// LAYERS: hone.softmax %arg1 {axis = 0 : i64}
// LAYERS: hone.layer_normalization %arg1, %{{.*}}, %{{.*}} {axis = 1 : i64} : (tensor<3x8xf32>, tensor<8xf32>, tensor<8xf32>)
// LAYERS: hone.layer_normalization %arg1, %{{.*}}, %{{.*}} {axis = 0 : i64} : (tensor<3x8xf32>, tensor<3x8xf32>, none)
// LAYERS: hone.gemm %arg2, %{{.*}}, %{{.*}} : (tensor<3x6xf32>, tensor<6x5xf32>, tensor<5xf32>)
// LAYERS: hone.gelu %arg1 : (tensor<3x8xf32>)
// LAYERS: hone.gelu %arg1 {approximate = "tanh"}
// LAYERS: hone.gelu %arg1 {approximate = "tanh"}
// LAYERS-NOT: hone.tanh
// LAYERS-NOT: hone.erf

// A training-mode BatchNormalization computes its statistics from the
// batch: it stays.
// CHECK-LABEL: func.func @training_batchnorm
// CHECK: hone.batch_normalization
func.func @training_batchnorm(%x: tensor<2x3x4xf32>, %p: tensor<3xf32>) -> tensor<2x3x4xf32> {
  %y, %m, %v = hone.batch_normalization %x, %p, %p, %p, %p {training_mode = 1 : i64} : (tensor<2x3x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> (tensor<2x3x4xf32>, tensor<3xf32>, tensor<3xf32>)
  return %y : tensor<2x3x4xf32>
}

// -----

// The exponentials are read elsewhere too: the chain is needed anyway.
// CHECK-LABEL: func.func @shared_exp
// CHECK-NOT: hone.softmax
func.func @shared_exp(%x: tensor<2x8xf32>) -> (tensor<2x8xf32>, tensor<2x8xf32>) {
  %axes = hone.constant dense<[1]> : tensor<1xi64>
  %e = hone.exp %x : (tensor<2x8xf32>) -> tensor<2x8xf32>
  %s = hone.reduce_sum %e, %axes : (tensor<2x8xf32>, tensor<1xi64>) -> tensor<2x1xf32>
  %y = hone.div %e, %s : (tensor<2x8xf32>, tensor<2x1xf32>) -> tensor<2x8xf32>
  return %y, %e : tensor<2x8xf32>, tensor<2x8xf32>
}

// -----

// A sum over two axes is no Softmax.
// CHECK-LABEL: func.func @two_axes
// CHECK-NOT: hone.softmax
func.func @two_axes(%x: tensor<2x8xf32>) -> tensor<2x8xf32> {
  %axes = hone.constant dense<[0, 1]> : tensor<2xi64>
  %e = hone.exp %x : (tensor<2x8xf32>) -> tensor<2x8xf32>
  %s = hone.reduce_sum %e, %axes : (tensor<2x8xf32>, tensor<2xi64>) -> tensor<1x1xf32>
  %y = hone.div %e, %s : (tensor<2x8xf32>, tensor<1x1xf32>) -> tensor<2x8xf32>
  return %y : tensor<2x8xf32>
}

// -----

// Normalizing a leading axis is not LayerNormalization (it normalizes
// trailing axes).
// CHECK-LABEL: func.func @leading_axis
// CHECK-NOT: hone.layer_normalization
func.func @leading_axis(%x: tensor<3x8xf32>) -> tensor<3x8xf32> {
  %axes = hone.constant dense<[0]> : tensor<1xi64>
  %m = hone.reduce_mean %x, %axes : (tensor<3x8xf32>, tensor<1xi64>) -> tensor<1x8xf32>
  %d = hone.sub %x, %m : (tensor<3x8xf32>, tensor<1x8xf32>) -> tensor<3x8xf32>
  %sq = hone.mul %d, %d : (tensor<3x8xf32>, tensor<3x8xf32>) -> tensor<3x8xf32>
  %v = hone.reduce_mean %sq, %axes : (tensor<3x8xf32>, tensor<1xi64>) -> tensor<1x8xf32>
  %eps = hone.constant dense<1.0e-5> : tensor<f32>
  %ve = hone.add %v, %eps : (tensor<1x8xf32>, tensor<f32>) -> tensor<1x8xf32>
  %r = hone.sqrt %ve : (tensor<1x8xf32>) -> tensor<1x8xf32>
  %y = hone.div %d, %r : (tensor<3x8xf32>, tensor<1x8xf32>) -> tensor<3x8xf32>
  return %y : tensor<3x8xf32>
}

// -----

// Gemm takes 2-D operands: a batched MatMul plus a bias stays.
// CHECK-LABEL: func.func @batched_matmul
// CHECK: hone.matmul
// CHECK: hone.add
func.func @batched_matmul(%a: tensor<2x3x4xf32>, %b: tensor<4x5xf32>, %c: tensor<5xf32>) -> tensor<2x3x5xf32> {
  %0 = hone.matmul %a, %b : (tensor<2x3x4xf32>, tensor<4x5xf32>) -> tensor<2x3x5xf32>
  %1 = hone.add %0, %c : (tensor<2x3x5xf32>, tensor<5xf32>) -> tensor<2x3x5xf32>
  return %1 : tensor<2x3x5xf32>
}

// UNKNOWN: error: unknown pattern 'swish'
