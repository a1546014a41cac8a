// RUN: hone-opt %s -split-input-file --hone-infer-shapes | FileCheck %s
// RUN: hone-opt %s -split-input-file --hone-infer-shapes -o %t.mlir

// Known dims flow forward; the function's result type follows.
// CHECK-LABEL: func.func @forward
// CHECK-SAME: -> tensor<2x3x4xf32>
// CHECK: hone.reshape {{.*}} -> tensor<2x3x4xf32>
// CHECK: hone.relu {{.*}} -> tensor<2x3x4xf32>
func.func @forward(%x: tensor<2x12xf32>) -> tensor<*xf32> {
  %c = hone.constant dense<[2, 3, 4]> : tensor<3xi64>
  %r = hone.reshape %x, %c : (tensor<2x12xf32>, tensor<3xi64>) -> tensor<?x?x?xf32>
  %y = hone.relu %r : (tensor<?x?x?xf32>) -> tensor<*xf32>
  return %y : tensor<*xf32>
}

// -----

// Dynamic dims the shape functions cannot know stay dynamic; static ones
// from either side are kept.
// CHECK-LABEL: func.func @partial
// CHECK: hone.add {{.*}} -> tensor<?x4xf32>
func.func @partial(%a: tensor<?x4xf32>, %b: tensor<4xf32>) -> tensor<?x?xf32> {
  %y = hone.add %a, %b : (tensor<?x4xf32>, tensor<4xf32>) -> tensor<?x?xf32>
  return %y : tensor<?x?xf32>
}
