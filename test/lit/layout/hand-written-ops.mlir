// The ops hone builds itself (not generated from ONNX's schemas) report a
// layout class too: Gelu is elementwise, input layout independent with a
// variable output layout; it reduces over nothing.
// RUN: hone-opt %s --hone-annotate-layout-classes | FileCheck %s
// CHECK: hone.gelu %arg0 {hone.layout_class = "ili_variable", hone.layout_edges = ["none"], hone.reduction_dims = [array<i64>]}
// CHECK: hone.matmul %0, %arg1 {hone.layout_class = "ild_variable", hone.layout_edges = ["try_fuse:ild_variable:search_fused", "none"]
func.func @main(%x: tensor<4x8xf32>, %w: tensor<8x2xf32>) -> tensor<4x2xf32> {
  %y = hone.gelu %x : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %z = hone.matmul %y, %w : (tensor<4x8xf32>, tensor<8x2xf32>) -> tensor<4x2xf32>
  return %z : tensor<4x2xf32>
}
