// RUN: hone-opt %s -split-input-file --hone-fuse-ops | FileCheck %s
// RUN: hone-opt %s -split-input-file --hone-fuse-ops=max-ops=2 | FileCheck %s --check-prefix=SMALL
// RUN: not hone-opt %s -split-input-file --hone-fuse-ops=profile=sometimes 2>&1 | FileCheck %s --check-prefix=OPTION
// The rewrites keep what the function computes:
// RUN: hone-opt %S/Inputs/attention.mlir --hone-fuse-ops -o %t.attention.mlir
// RUN: hone-run %S/Inputs/attention.mlir --interp --random-inputs 7 --compare-with %t.attention.mlir | FileCheck %s --check-prefix=EVAL
// RUN: hone-opt %S/Inputs/conv-block.mlir --hone-fuse-ops -o %t.conv.mlir
// RUN: hone-run %S/Inputs/conv-block.mlir --interp --random-inputs 8 --compare-with %t.conv.mlir | FileCheck %s --check-prefix=EVAL
// RUN: FileCheck %s --input-file=%t.conv.mlir --check-prefix=CONV
// EVAL: outputs agree
// OPTION: error: profile must be cost, fuse or never, got 'sometimes'

// The seed (neg) takes the softmax after it; the add reads the neg and the
// second softmax, which reads the group: joining it would make a cycle, so
// the add seeds a group of its own with that softmax. The first group has
// two results (the neg is read outside it).
// CHECK-LABEL: func.func @no_cycle
// CHECK: %[[G:.*]]:2 = hone.fused(%arg0) {fused_mapping = "many_to_many"}
// CHECK-NEXT: ^bb0
// CHECK-NEXT: %[[N:.*]] = hone.neg
// CHECK-NEXT: %[[S:.*]] = hone.softmax %[[N]]
// CHECK-NEXT: hone.yield %[[N]], %[[S]]
// CHECK: hone.fused(%[[G]]#1, %[[G]]#0) {fused_mapping = "many_to_many"}
// CHECK-NEXT: ^bb0
// CHECK-NEXT: hone.softmax
// CHECK-NEXT: hone.add
// CHECK-NEXT: hone.yield
// SMALL-LABEL: func.func @no_cycle
func.func @no_cycle(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %a = hone.neg %x : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %b = hone.softmax %a : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %c = hone.softmax %b : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %d = hone.add %a, %c : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  return %d : tensor<4x8xf32>
}

// -----

// Sizes known only after NonZero ran: nothing fuses across them.
// CHECK-LABEL: func.func @data_dependent
// CHECK-NOT: hone.fused
// CHECK: return
func.func @data_dependent(%x: tensor<8xf32>) -> tensor<1x?xf32> {
  %n = hone.nonzero %x : (tensor<8xf32>) -> tensor<1x?xi64>
  %c = hone.cast %n {to = 1 : i64} : (tensor<1x?xi64>) -> tensor<1x?xf32>
  %r = hone.relu %c : (tensor<1x?xf32>) -> tensor<1x?xf32>
  return %r : tensor<1x?xf32>
}

// -----

// Run-time dims that come from operand dims, not values: a Gather's
// indices decide its elements only, so it stays inside the group with the
// Transpose after it (bert_mini's heads split at run-time length).
// CHECK-LABEL: func.func @gather_dims_from_shapes
// CHECK: hone.fused({{.*}}) {fused_mapping = "one_to_many"}
// CHECK-NEXT: ^bb0
// CHECK-NEXT: hone.gather
// CHECK-NEXT: hone.transpose
// CHECK-NEXT: hone.relu
// CHECK-NEXT: hone.yield
func.func @gather_dims_from_shapes(%x: tensor<1x?x3x4xf32>, %i: tensor<i64>) -> tensor<1x4x?xf32> {
  %g = hone.gather %x, %i {axis = 2 : i64} : (tensor<1x?x3x4xf32>, tensor<i64>) -> tensor<1x?x4xf32>
  %t = hone.transpose %g {perm = [0, 2, 1]} : (tensor<1x?x4xf32>) -> tensor<1x4x?xf32>
  %r = hone.relu %t : (tensor<1x4x?xf32>) -> tensor<1x4x?xf32>
  return %r : tensor<1x4x?xf32>
}

// -----

// A Reshape whose dims are its shape operand's values, known only when it
// runs: not inside a group.
// CHECK-LABEL: func.func @reshape_dims_from_values
// CHECK-NOT: hone.fused
// CHECK: return
func.func @reshape_dims_from_values(%x: tensor<?xf32>, %s: tensor<2xi64>) -> tensor<?x?xf32> {
  %e = hone.exp %x : (tensor<?xf32>) -> tensor<?xf32>
  %r = hone.reshape %e, %s : (tensor<?xf32>, tensor<2xi64>) -> tensor<?x?xf32>
  %y = hone.relu %r : (tensor<?x?xf32>) -> tensor<?x?xf32>
  return %y : tensor<?x?xf32>
}

// -----

// A profile cell the cost model declines: the matmul would be recomputed
// for each of the 64 copies the expand makes of its result.
// CHECK-LABEL: func.func @broadcast_recomputes
// CHECK: hone.matmul
// CHECK: hone.fused({{.*}}) {fused_mapping = "one_to_many"}
// CHECK-NEXT: ^bb0
// CHECK-NEXT: hone.relu
// CHECK-NEXT: hone.expand
func.func @broadcast_recomputes(%x: tensor<16x64xf32>, %w: tensor<64x64xf32>) -> tensor<64x16x64xf32> {
  %to = hone.constant dense<[64, 16, 64]> : tensor<3xi64>
  %m = hone.matmul %x, %w : (tensor<16x64xf32>, tensor<64x64xf32>) -> tensor<16x64xf32>
  %r = hone.relu %m : (tensor<16x64xf32>) -> tensor<16x64xf32>
  %e = hone.expand %r, %to : (tensor<16x64xf32>, tensor<3xi64>) -> tensor<64x16x64xf32>
  return %e : tensor<64x16x64xf32>
}

// -----

// Profile cells the cost model accepts: a reshape into a matmul moves no
// data and saves writing its result; a transpose that keeps the innermost
// dim reads rows whole.
// CHECK-LABEL: func.func @reorganize_into_matmul
// CHECK: hone.fused({{.*}}) {fused_mapping = "many_to_many"}
// CHECK-NEXT: ^bb0
// CHECK-NEXT: hone.reshape
// CHECK-NEXT: hone.relu
// CHECK-NEXT: hone.matmul
func.func @reorganize_into_matmul(%x: tensor<8x4x8xf32>, %w: tensor<8x8xf32>) -> tensor<32x8xf32> {
  %shape = hone.constant dense<[32, 8]> : tensor<2xi64>
  %r = hone.reshape %x, %shape : (tensor<8x4x8xf32>, tensor<2xi64>) -> tensor<32x8xf32>
  %a = hone.relu %r : (tensor<32x8xf32>) -> tensor<32x8xf32>
  %m = hone.matmul %a, %w : (tensor<32x8xf32>, tensor<8x8xf32>) -> tensor<32x8xf32>
  return %m : tensor<32x8xf32>
}

// -----

// A transpose that moves the innermost dim: fused, the matmul would read
// a column per element. The cost model keeps it apart.
// CHECK-LABEL: func.func @shuffle_into_matmul
// CHECK: hone.transpose
// CHECK: hone.fused
// CHECK-NEXT: ^bb0
// CHECK-NEXT: hone.relu
// CHECK-NEXT: hone.matmul
func.func @shuffle_into_matmul(%x: tensor<8x32xf32>, %w: tensor<8x8xf32>) -> tensor<32x8xf32> {
  %t = hone.transpose %x {perm = [1, 0]} : (tensor<8x32xf32>) -> tensor<32x8xf32>
  %a = hone.relu %t : (tensor<32x8xf32>) -> tensor<32x8xf32>
  %m = hone.matmul %a, %w : (tensor<32x8xf32>, tensor<8x8xf32>) -> tensor<32x8xf32>
  return %m : tensor<32x8xf32>
}

// -----

// The resource constraint: at most max-ops ops per group.
// CHECK-LABEL: func.func @long_chain
// CHECK: hone.fused
// CHECK-COUNT-6: hone.{{neg|exp|relu}}
// CHECK-NOT: hone.fused
// SMALL-LABEL: func.func @long_chain
// SMALL-COUNT-3: hone.fused
func.func @long_chain(%x: tensor<64xf32>) -> tensor<64xf32> {
  %a = hone.neg %x : (tensor<64xf32>) -> tensor<64xf32>
  %b = hone.exp %a : (tensor<64xf32>) -> tensor<64xf32>
  %c = hone.relu %b : (tensor<64xf32>) -> tensor<64xf32>
  %d = hone.neg %c : (tensor<64xf32>) -> tensor<64xf32>
  %e = hone.exp %d : (tensor<64xf32>) -> tensor<64xf32>
  %f = hone.relu %e : (tensor<64xf32>) -> tensor<64xf32>
  return %f : tensor<64xf32>
}

// The conv block: batch normalization (the smallest One-to-One seed... all
// equal here, so the first) takes the clip, the depthwise conv and its relu;
// the first conv stays alone (Many-to-Many before Many-to-Many: never);
// flatten goes into the classifier.
// CONV: hone.conv
// CONV: hone.fused({{.*}}) {fused_mapping = "many_to_many"}
// CONV: hone.batch_normalization
// CONV-NEXT: hone.clip
// CONV-NEXT: hone.conv
// CONV-NEXT: hone.relu
// CONV-NEXT: hone.yield
// CONV: hone.max_pool
// CONV: hone.global_average_pool
// CONV: hone.fused
// CONV-NEXT: ^bb0
// CONV-NEXT: hone.flatten
// CONV-NEXT: hone.gemm
