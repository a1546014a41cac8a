// RUN: hone-opt %s -split-input-file --hone-fuse-ops=target=cpu | FileCheck %s
// RUN: hone-opt %s -split-input-file --hone-fuse-ops="target=cpu profile=fuse" | FileCheck %s --check-prefix=FUSE
// RUN: hone-opt %s -split-input-file --hone-fuse-ops="target=cpu profile=never" | FileCheck %s --check-prefix=NEVER
// RUN: hone-opt %s -split-input-file --hone-fuse-ops | FileCheck %s --check-prefix=DNNFUSION
// The rewrite keeps what the function computes:
// RUN: hone-opt %S/Inputs/strip-chain.mlir --hone-fuse-ops=target=cpu -o %t.chain.mlir
// RUN: FileCheck %s --input-file=%t.chain.mlir --check-prefix=CHAIN
// RUN: hone-run %S/Inputs/strip-chain.mlir --interp --random-inputs 9 --compare-with %t.chain.mlir | FileCheck %s --check-prefix=EVAL
// EVAL: outputs agree

// Row-strip fusion, the CPU table's (Many-to-Many, Many-to-Many) cell:
// "profile". The depthwise Conv's group takes the Conv-ReLU that computes
// its input, and the max pool takes both: one kernel whose pool (80 rows)
// runs by 4 strips of 20 rows. DNNFusion's own table says "never".
// CHAIN: hone.fused({{.*}}) {fused_mapping = "many_to_many", row_strips = 4 : i64}
// CHAIN-NEXT: ^bb0
// CHAIN-NEXT: hone.conv
// CHAIN-NEXT: hone.relu
// CHAIN-NEXT: hone.conv
// CHAIN-NEXT: hone.clip
// CHAIN-NEXT: hone.max_pool
// CHAIN-NEXT: hone.yield
// CHAIN-NOT: hone.conv

// A strided depthwise Conv after a pointwise one (MobileNet's expansion):
// 28 rows, 4 strips of 7; the pointwise projection after it is no window
// op (1x1, stride 1) and stays a kernel of its own.
// CHECK-LABEL: func.func @expand_depthwise
// CHECK: hone.fused({{.*}}) {fused_mapping = "many_to_many", row_strips = 4 : i64}
// CHECK-NEXT: ^bb0
// CHECK-NEXT: hone.conv
// CHECK-NEXT: hone.clip
// CHECK-NEXT: hone.conv
// CHECK-NEXT: hone.clip
// CHECK-NEXT: hone.yield
// CHECK: hone.conv
// NEVER-LABEL: func.func @expand_depthwise
// NEVER-NOT: row_strips
// NEVER: return
// DNNFUSION-LABEL: func.func @expand_depthwise
// DNNFUSION-NOT: row_strips
// DNNFUSION: return
func.func @expand_depthwise(%x: tensor<1x16x56x56xf32>, %we: tensor<96x16x1x1xf32>, %wd: tensor<96x1x3x3xf32>,
                            %wp: tensor<24x96x1x1xf32>) -> tensor<1x24x28x28xf32> {
  %lo = hone.constant dense<0.0> : tensor<f32>
  %hi = hone.constant dense<6.0> : tensor<f32>
  %none = hone.none
  %e = hone.conv %x, %we, %none : (tensor<1x16x56x56xf32>, tensor<96x16x1x1xf32>, none) -> tensor<1x96x56x56xf32>
  %ea = hone.clip %e, %lo, %hi : (tensor<1x96x56x56xf32>, tensor<f32>, tensor<f32>) -> tensor<1x96x56x56xf32>
  %d = hone.conv %ea, %wd, %none {group = 96 : i64, pads = [1, 1, 1, 1], strides = [2, 2]} : (tensor<1x96x56x56xf32>, tensor<96x1x3x3xf32>, none) -> tensor<1x96x28x28xf32>
  %da = hone.clip %d, %lo, %hi : (tensor<1x96x28x28xf32>, tensor<f32>, tensor<f32>) -> tensor<1x96x28x28xf32>
  %y = hone.conv %da, %wp, %none : (tensor<1x96x28x28xf32>, tensor<24x96x1x1xf32>, none) -> tensor<1x24x28x28xf32>
  return %y : tensor<1x24x28x28xf32>
}

// -----

// A small map: every strip of 1 row would recompute rows of the producer
// that another strip computes too (4 strips read 12 rows of 4), and every
// block of channels would read the whole input again, either costing more
// than the bytes saved. The cost model declines; profile=fuse takes the
// cheaper: the depthwise Conv reads only its own channels, so the tasks are
// its two blocks of 8 channels, by 2 strips.
// CHECK-LABEL: func.func @small_map
// CHECK-NOT: row_strips
// CHECK: return
// FUSE-LABEL: func.func @small_map
// FUSE: hone.fused({{.*}}) {channel_tasks, fused_mapping = "many_to_many", row_strips = 2 : i64}
func.func @small_map(%x: tensor<1x16x4x4xf32>, %w1: tensor<16x16x3x3xf32>, %w2: tensor<16x1x3x3xf32>) -> tensor<1x16x4x4xf32> {
  %none = hone.none
  %c1 = hone.conv %x, %w1, %none {pads = [1, 1, 1, 1]} : (tensor<1x16x4x4xf32>, tensor<16x16x3x3xf32>, none) -> tensor<1x16x4x4xf32>
  %r1 = hone.relu %c1 : (tensor<1x16x4x4xf32>) -> tensor<1x16x4x4xf32>
  %c2 = hone.conv %r1, %w2, %none {group = 16 : i64, pads = [1, 1, 1, 1]} : (tensor<1x16x4x4xf32>, tensor<16x1x3x3xf32>, none) -> tensor<1x16x4x4xf32>
  return %c2 : tensor<1x16x4x4xf32>
}

// -----

// What does not chain: a pool as the producer (row by row it reads two
// input rows of every channel at once) and a producer whose result is also
// read outside the chain.
// FUSE-LABEL: func.func @pool_producer
// FUSE-NOT: row_strips
// FUSE: return
func.func @pool_producer(%x: tensor<1x16x128x128xf32>, %w: tensor<32x16x3x3xf32>) -> tensor<1x32x64x64xf32> {
  %none = hone.none
  %p:2 = hone.max_pool %x {kernel_shape = [2, 2], strides = [2, 2]} : (tensor<1x16x128x128xf32>) -> (tensor<1x16x64x64xf32>, tensor<1x16x64x64xi64>)
  %c = hone.conv %p#0, %w, %none {pads = [1, 1, 1, 1]} : (tensor<1x16x64x64xf32>, tensor<32x16x3x3xf32>, none) -> tensor<1x32x64x64xf32>
  %r = hone.relu %c : (tensor<1x32x64x64xf32>) -> tensor<1x32x64x64xf32>
  return %r : tensor<1x32x64x64xf32>
}

// -----

// FUSE-LABEL: func.func @shared_producer
// FUSE-NOT: row_strips
// FUSE: return
func.func @shared_producer(%x: tensor<1x16x64x64xf32>, %w1: tensor<16x16x3x3xf32>, %w2: tensor<16x1x3x3xf32>) -> (tensor<1x16x64x64xf32>, tensor<1x16x64x64xf32>) {
  %none = hone.none
  %c1 = hone.conv %x, %w1, %none {pads = [1, 1, 1, 1]} : (tensor<1x16x64x64xf32>, tensor<16x16x3x3xf32>, none) -> tensor<1x16x64x64xf32>
  %r1 = hone.relu %c1 : (tensor<1x16x64x64xf32>) -> tensor<1x16x64x64xf32>
  %c2 = hone.conv %r1, %w2, %none {group = 16 : i64, pads = [1, 1, 1, 1]} : (tensor<1x16x64x64xf32>, tensor<16x1x3x3xf32>, none) -> tensor<1x16x64x64xf32>
  return %c2, %r1 : tensor<1x16x64x64xf32>, tensor<1x16x64x64xf32>
}

// -----

// Run-time rows: the cost model answers at dims from 8 to 2896; it fuses
// from 105x105 on (745,472 bytes of the ReLU's result, halfway between the
// sizes sampled on either side), so the chain runs its first op in its
// strips only from that size, and below it reads that op's result from its
// own kernel (the group's last input). Code generation divides the rows
// into the strips when a run starts.
// CHECK-LABEL: func.func @dynamic_rows
// CHECK: %[[FIRST:.*]] = hone.fused(%arg0, %arg1, %0) {fused_mapping = "many_to_many"}
// CHECK: hone.conv
// CHECK-NEXT: hone.relu
// CHECK-NEXT: hone.yield
// CHECK: hone.fused(%arg0, %arg1, %0, %arg2, %[[FIRST]]) {fused_mapping = "many_to_many", row_strips = 4 : i64, strip_min_bytes = 745472 : i64}
func.func @dynamic_rows(%x: tensor<1x16x?x?xf32>, %w1: tensor<16x16x3x3xf32>, %w2: tensor<16x1x3x3xf32>) -> tensor<1x16x?x?xf32> {
  %none = hone.none
  %c1 = hone.conv %x, %w1, %none {pads = [1, 1, 1, 1]} : (tensor<1x16x?x?xf32>, tensor<16x16x3x3xf32>, none) -> tensor<1x16x?x?xf32>
  %r1 = hone.relu %c1 : (tensor<1x16x?x?xf32>) -> tensor<1x16x?x?xf32>
  %c2 = hone.conv %r1, %w2, %none {group = 16 : i64, pads = [1, 1, 1, 1]} : (tensor<1x16x?x?xf32>, tensor<16x1x3x3xf32>, none) -> tensor<1x16x?x?xf32>
  return %c2 : tensor<1x16x?x?xf32>
}

// -----

// At most three window ops chain (FusionOptions::maxStripOps): four 3x3
// convolutions become a chain of three and one on its own.
// FUSE-LABEL: func.func @long_chain
// FUSE: hone.fused({{.*}}) {fused_mapping = "many_to_many", row_strips = 4 : i64}
// FUSE-COUNT-3: hone.conv
// FUSE: hone.yield
// FUSE: hone.conv
// FUSE-NOT: hone.conv
func.func @long_chain(%x: tensor<1x16x64x64xf32>, %w: tensor<16x16x3x3xf32>) -> tensor<1x16x64x64xf32> {
  %none = hone.none
  %c1 = hone.conv %x, %w, %none {pads = [1, 1, 1, 1]} : (tensor<1x16x64x64xf32>, tensor<16x16x3x3xf32>, none) -> tensor<1x16x64x64xf32>
  %c2 = hone.conv %c1, %w, %none {pads = [1, 1, 1, 1]} : (tensor<1x16x64x64xf32>, tensor<16x16x3x3xf32>, none) -> tensor<1x16x64x64xf32>
  %c3 = hone.conv %c2, %w, %none {pads = [1, 1, 1, 1]} : (tensor<1x16x64x64xf32>, tensor<16x16x3x3xf32>, none) -> tensor<1x16x64x64xf32>
  %c4 = hone.conv %c3, %w, %none {pads = [1, 1, 1, 1]} : (tensor<1x16x64x64xf32>, tensor<16x16x3x3xf32>, none) -> tensor<1x16x64x64xf32>
  return %c4 : tensor<1x16x64x64xf32>
}
