// RUN: hone-opt %s -split-input-file --hone-fuse-ops=target=cpu | FileCheck %s
// RUN: hone-opt %s -split-input-file --hone-fuse-ops="target=cpu profile=never" | FileCheck %s --check-prefix=NEVER
// RUN: hone-opt %s -split-input-file --hone-fuse-ops | FileCheck %s --check-prefix=DNNFUSION
// The rewrite keeps what the function computes:
// RUN: hone-opt %S/Inputs/attention-heads.mlir --hone-fuse-ops=target=cpu -o %t.attention.mlir
// RUN: FileCheck %s --input-file=%t.attention.mlir --check-prefix=ATTENTION
// RUN: hone-run %S/Inputs/attention-heads.mlir --interp --random-inputs 5 --compare-with %t.attention.mlir | FileCheck %s --check-prefix=EVAL
// EVAL: outputs agree

// Row tiles (passes/fusion/RowTiles.h): attention's softmax joins the group
// of the MatMul with V that reads it, the CPU table's (Many-to-Many,
// Many-to-Many) cell being "profile"; the scores' MatMul stays a kernel of
// its own. DNNFusion's own table says "never", and so does profile=never.
// ATTENTION: hone.fused({{.*}}) {fused_mapping = "many_to_many"}
// ATTENTION-NEXT: ^bb0
// ATTENTION-NEXT: hone.matmul
// ATTENTION-NEXT: hone.mul
// ATTENTION-NEXT: hone.yield
// ATTENTION: hone.fused({{.*}}) {fused_mapping = "many_to_many", row_tiles}
// ATTENTION-NEXT: ^bb0
// ATTENTION-NEXT: hone.softmax
// ATTENTION-NEXT: hone.matmul
// ATTENTION-NEXT: hone.transpose
// ATTENTION-NEXT: hone.yield

// The exponential before the softmax stays outside (the table's cell for
// it: "profile", declined).
// CHECK-LABEL: func.func @probabilities_times_values
// CHECK: hone.exp
// CHECK-NEXT: hone.fused({{.*}}) {fused_mapping = "many_to_many", row_tiles}
// CHECK-NEXT: ^bb0
// CHECK-NEXT: hone.softmax
// CHECK-NEXT: hone.matmul
// CHECK-NEXT: hone.yield
// NEVER-LABEL: func.func @probabilities_times_values
// NEVER-NOT: row_tiles
// NEVER: return
// DNNFUSION-LABEL: func.func @probabilities_times_values
// DNNFUSION-NOT: row_tiles
// DNNFUSION: return
func.func @probabilities_times_values(%s: tensor<2x64x64xf32>, %v: tensor<2x64x32xf32>) -> tensor<2x64x32xf32> {
  %e = hone.exp %s : (tensor<2x64x64xf32>) -> tensor<2x64x64xf32>
  %p = hone.softmax %e {axis = -1 : i64} : (tensor<2x64x64xf32>) -> tensor<2x64x64xf32>
  %y = hone.matmul %p, %v : (tensor<2x64x64xf32>, tensor<2x64x32xf32>) -> tensor<2x64x32xf32>
  return %y : tensor<2x64x32xf32>
}

// -----

// What does not take its softmax: one along another axis (a tile's rows
// are not its rows), one read as the right operand, one that something
// else reads too, and one whose product would run as too few tasks (64
// rows: 8 rows of tiles, fewer than FusionOptions::minRowTileTasks).
// CHECK-LABEL: func.func @not_row_tiles
// CHECK-NOT: row_tiles
// CHECK: return
func.func @not_row_tiles(%s: tensor<64x64xf32>, %v: tensor<64x64xf32>, %w: tensor<64x4096xf32>)
    -> (tensor<64x64xf32>, tensor<64x64xf32>, tensor<64x64xf32>, tensor<64x64xf32>, tensor<64x4096xf32>) {
  %p0 = hone.softmax %s {axis = 0 : i64} : (tensor<64x64xf32>) -> tensor<64x64xf32>
  %y0 = hone.matmul %p0, %v : (tensor<64x64xf32>, tensor<64x64xf32>) -> tensor<64x64xf32>
  %p1 = hone.softmax %v {axis = 1 : i64} : (tensor<64x64xf32>) -> tensor<64x64xf32>
  %y1 = hone.matmul %s, %p1 : (tensor<64x64xf32>, tensor<64x64xf32>) -> tensor<64x64xf32>
  %t = hone.tanh %s : (tensor<64x64xf32>) -> tensor<64x64xf32>
  %p2 = hone.softmax %t {axis = 1 : i64} : (tensor<64x64xf32>) -> tensor<64x64xf32>
  %y2 = hone.matmul %p2, %v : (tensor<64x64xf32>, tensor<64x64xf32>) -> tensor<64x64xf32>
  %c = hone.cos %s : (tensor<64x64xf32>) -> tensor<64x64xf32>
  %p3 = hone.softmax %c {axis = 1 : i64} : (tensor<64x64xf32>) -> tensor<64x64xf32>
  %y3 = hone.matmul %p3, %w : (tensor<64x64xf32>, tensor<64x4096xf32>) -> tensor<64x4096xf32>
  return %y0, %y1, %y2, %p2, %y3 : tensor<64x64xf32>, tensor<64x64xf32>, tensor<64x64xf32>, tensor<64x64xf32>, tensor<64x4096xf32>
}
