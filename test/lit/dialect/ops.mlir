// Round trip: hone IR prints in a form that parses back to the same IR, with
// dynamic dims, absent optional inputs (hone.none), variadic operands and
// results, dense and dense_resource constants, and If/Loop regions.
// RUN: hone-opt %s | hone-opt | FileCheck %s
// RUN: hone-opt %s --mlir-print-op-generic | hone-opt | FileCheck %s

// CHECK-LABEL: func.func @conv_dynamic
func.func @conv_dynamic(%x: tensor<?x3x?x?xf32>) -> tensor<?x8x?x?xf32> {
  // CHECK: %[[W:.+]] = hone.constant dense_resource<conv_w> : tensor<8x3x1x1xf32>
  %w = hone.constant dense_resource<conv_w> : tensor<8x3x1x1xf32>
  // CHECK: %[[NONE:.+]] = hone.none
  %none = hone.none
  // CHECK: hone.conv %{{.+}}, %[[W]], %[[NONE]] {kernel_shape = [1, 1], strides = [1, 1]} : (tensor<?x3x?x?xf32>, tensor<8x3x1x1xf32>, none) -> tensor<?x8x?x?xf32>
  %y = hone.conv %x, %w, %none {kernel_shape = [1, 1], strides = [1, 1]} : (tensor<?x3x?x?xf32>, tensor<8x3x1x1xf32>, none) -> tensor<?x8x?x?xf32>
  return %y : tensor<?x8x?x?xf32>
}

// CHECK-LABEL: func.func @variadic
func.func @variadic(%a: tensor<2x3xf32>, %b: tensor<2x5xf32>) -> (tensor<2x4xf32>, tensor<2x4xf32>) {
  // CHECK: hone.concat %{{.+}}, %{{.+}} {axis = 1 : i64} : (tensor<2x3xf32>, tensor<2x5xf32>) -> tensor<2x8xf32>
  %c = hone.concat %a, %b {axis = 1 : i64} : (tensor<2x3xf32>, tensor<2x5xf32>) -> tensor<2x8xf32>
  %none = hone.none
  // CHECK: hone.split %{{.+}}, %{{.+}} {axis = 1 : i64} : (tensor<2x8xf32>, none) -> (tensor<2x4xf32>, tensor<2x4xf32>)
  %s:2 = hone.split %c, %none {axis = 1 : i64} : (tensor<2x8xf32>, none) -> (tensor<2x4xf32>, tensor<2x4xf32>)
  return %s#0, %s#1 : tensor<2x4xf32>, tensor<2x4xf32>
}

// CHECK-LABEL: func.func @attributes
func.func @attributes(%x: tensor<1x4xf32>, %w: tensor<4x4xf32>) -> tensor<*xf32> {
  // CHECK: hone.gemm %{{.+}}, %{{.+}}, %{{.+}} {alpha = 5.000000e-01 : f32, transB = 1 : i64}
  %none = hone.none
  %y = hone.gemm %x, %w, %none {alpha = 0.5 : f32, transB = 1 : i64} : (tensor<1x4xf32>, tensor<4x4xf32>, none) -> tensor<*xf32>
  return %y : tensor<*xf32>
}

// CHECK-LABEL: func.func @control_flow
func.func @control_flow(%c: tensor<i1>, %x: tensor<2xf32>, %n: tensor<i64>) -> (tensor<2xf32>, tensor<2xf32>) {
  // CHECK: "hone.if"
  // CHECK: hone.yield %{{.+}} : tensor<2xf32>
  %y = "hone.if"(%c) ({
    %a = hone.add %x, %x : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
    hone.yield %a : tensor<2xf32>
  }, {
    hone.yield %x : tensor<2xf32>
  }) : (tensor<i1>) -> tensor<2xf32>
  // CHECK: "hone.loop"
  %none = hone.none
  %l = "hone.loop"(%n, %none, %x) ({
  ^bb0(%i: tensor<i64>, %cond: tensor<i1>, %v: tensor<2xf32>):
    %s = hone.mul %v, %v : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
    hone.yield %cond, %s : tensor<i1>, tensor<2xf32>
  }) : (tensor<i64>, none, tensor<2xf32>) -> tensor<2xf32>
  return %y, %l : tensor<2xf32>, tensor<2xf32>
}

{-#
  dialect_resources: {
    builtin: {
      conv_w: "0x040000000000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F0000803F"
    }
  }
#-}
