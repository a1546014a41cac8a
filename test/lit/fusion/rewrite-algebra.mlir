// Every rule of the algebraic rewriter (AlgebraRules.cpp) fires on its case
// in Inputs/algebra.mlir, and the module computes the same before and after.
// RUN: hone-opt %S/Inputs/algebra.mlir --hone-rewrite-algebra="relaxed-math=1 remarks=1" --hone-fold-constants --canonicalize -o %t.algebra.mlir 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: hone-run %S/Inputs/algebra.mlir --interp --random-inputs 5 --compare-with %t.algebra.mlir | FileCheck %s --check-prefix=EVAL
// RUN: FileCheck %s --input-file=%t.algebra.mlir --check-prefix=ALGEBRA
// RUN: hone-opt %s -split-input-file --hone-rewrite-algebra | FileCheck %s
// RUN: hone-opt %s -split-input-file --hone-rewrite-algebra=relaxed-math=1 | FileCheck %s --check-prefix=RELAXED
// RUN: not hone-opt %s -split-input-file --hone-rewrite-algebra=rules=no-such-rule 2>&1 | FileCheck %s --check-prefix=UNKNOWN

// REMARK-DAG: algebra.mlir:11:{{.*}} 'reassociate-product' (associative) saves 24 FLOPs
// REMARK-DAG: algebra.mlir:15:{{.*}} 'reassociate-sum' (associative) saves 64 FLOPs
// REMARK-DAG: algebra.mlir:21:{{.*}} 'sqrt-pair' (associative) saves 64 FLOPs
// REMARK-DAG: algebra.mlir:26:{{.*}} 'abs-pair' (associative) saves 32 FLOPs
// REMARK-DAG: algebra.mlir:30:{{.*}} 'neg-pair' (associative) saves 64 FLOPs
// REMARK-DAG: algebra.mlir:38:{{.*}} 'reciprocal-pair' (associative) saves 32 FLOPs
// REMARK-DAG: algebra.mlir:42:{{.*}} 'exp-pair' (associative) saves 32 FLOPs
// REMARK-DAG: algebra.mlir:46:{{.*}} 'exp-reduce-prod' (commutative) saves 28 FLOPs
// REMARK-DAG: algebra.mlir:50:{{.*}} 'factor-common' (distributive) saves 32 FLOPs
// REMARK-DAG: algebra.mlir:56:{{.*}} 'factor-common' (distributive) saves 32 FLOPs
// REMARK-DAG: algebra.mlir:59:{{.*}} 'add-self-product' (distributive) saves 32 FLOPs
// REMARK-DAG: algebra.mlir:65:{{.*}} 'factor-matmul' (distributive) saves 544 FLOPs
// REMARK-DAG: algebra.mlir:71:{{.*}} 'scale-through-matmul' (distributive) saves 128 FLOPs
// REMARK-DAG: algebra.mlir:79:{{.*}} 'scale-into-conv' (distributive) saves 18 FLOPs
// REMARK-DAG: algebra.mlir:80:{{.*}} 'bias-into-conv' (associative) saves 18 FLOPs
// EVAL: outputs agree (14 outputs
// ALGEBRA-NOT: hone.sqrt
// ALGEBRA-NOT: hone.neg
// ALGEBRA-NOT: hone.reduce_prod
// ALGEBRA-NOT: hone.div
// ALGEBRA-NOT: hone.pow
// ALGEBRA: hone.conv %arg6, %{{.*}}, %{{.*}} {{.*}} -> tensor<1x2x3x3xf32>
// ALGEBRA-NEXT: hone.pad

// Canonical forms: division by a constant is a multiplication by its
// reciprocal, subtraction of a constant an addition, Pow(x, 2) a product.
// CHECK-LABEL: func.func @canonical
// CHECK: %[[R:.*]] = hone.reciprocal %{{.*}} : (tensor<f32>)
// CHECK: %[[Q:.*]] = hone.mul %arg0, %[[R]]
// CHECK: %[[N:.*]] = hone.neg %{{.*}} : (tensor<f32>)
// CHECK: %[[D:.*]] = hone.add %[[Q]], %[[N]]
// CHECK: hone.mul %[[D]], %[[D]]
func.func @canonical(%x: tensor<4xf32>) -> tensor<4xf32> {
  %c = hone.constant dense<3.0> : tensor<f32>
  %two = hone.constant dense<2.0> : tensor<f32>
  %0 = hone.div %x, %c : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  %1 = hone.sub %0, %c : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  %2 = hone.pow %1, %two : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  return %2 : tensor<4xf32>
}

// -----

// Square roots pair up only with relaxed math: sqrt(B) * sqrt(B) is NaN
// where B < 0.
// CHECK-LABEL: func.func @sqrt_needs_relaxed
// CHECK: hone.sqrt
// RELAXED-LABEL: func.func @sqrt_needs_relaxed
// RELAXED-NOT: hone.sqrt
// RELAXED: %[[P:.*]] = hone.mul %arg0, %arg1
// RELAXED: return %[[P]]
func.func @sqrt_needs_relaxed(%a: tensor<8xf32>, %b: tensor<8xf32>) -> tensor<8xf32> {
  %0 = hone.sqrt %b : (tensor<8xf32>) -> tensor<8xf32>
  %1 = hone.mul %a, %0 : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %2 = hone.mul %1, %0 : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  return %2 : tensor<8xf32>
}

// -----

// A product read elsewhere stays: factoring would compute it anyway and add
// an op, so nothing is saved.
// CHECK-LABEL: func.func @shared_product
// CHECK: %[[P:.*]] = hone.mul %arg0, %arg1
// CHECK: %[[Q:.*]] = hone.mul %arg0, %arg2
// CHECK: %[[S:.*]] = hone.add %[[P]], %[[Q]]
// CHECK: return %[[S]], %[[P]], %[[Q]]
func.func @shared_product(%a: tensor<8xf32>, %b: tensor<8xf32>, %c: tensor<8xf32>) -> (tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) {
  %0 = hone.mul %a, %b : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %1 = hone.mul %a, %c : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %2 = hone.add %0, %1 : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  return %2, %0, %1 : tensor<8xf32>, tensor<8xf32>, tensor<8xf32>
}

// -----

// A scale after a contraction folds into its weight; onto a computed
// operand it would only move (after the contraction it runs inside the
// fused kernel's tiles), so there it stays.
// CHECK-LABEL: func.func @scale_into_weight
// CHECK: %[[S:.*]] = hone.mul %{{.*}}, %{{.*}} : (tensor<8x16xf32>, tensor<f32>)
// CHECK: %[[W:.*]] = hone.matmul %arg0, %[[S]]
// CHECK: %[[K:.*]] = hone.matmul %arg0, %arg1
// CHECK: hone.mul %{{.*}}, %[[K]]
func.func @scale_into_weight(%a: tensor<64x8xf32>, %b: tensor<8x16xf32>) -> (tensor<64x16xf32>, tensor<64x16xf32>) {
  %s = hone.constant dense<0.125> : tensor<f32>
  %w = hone.constant dense<2.0> : tensor<8x16xf32>
  %0 = hone.matmul %a, %w : (tensor<64x8xf32>, tensor<8x16xf32>) -> tensor<64x16xf32>
  %1 = hone.mul %s, %0 : (tensor<f32>, tensor<64x16xf32>) -> tensor<64x16xf32>
  %2 = hone.matmul %a, %b : (tensor<64x8xf32>, tensor<8x16xf32>) -> tensor<64x16xf32>
  %3 = hone.mul %s, %2 : (tensor<f32>, tensor<64x16xf32>) -> tensor<64x16xf32>
  return %1, %3 : tensor<64x16xf32>, tensor<64x16xf32>
}

// -----

// A scale that varies along a spatial dim is not per channel: it stays.
// CHECK-LABEL: func.func @not_per_channel
// CHECK: %[[C:.*]] = hone.conv
// CHECK: hone.mul %[[C]]
func.func @not_per_channel(%x: tensor<1x2x4x4xf32>, %w: tensor<2x2x1x1xf32>) -> tensor<1x2x4x4xf32> {
  %none = hone.none
  %s = hone.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %c = hone.constant dense<0.5> : tensor<2x2x1x1xf32>
  %0 = hone.conv %x, %c, %none : (tensor<1x2x4x4xf32>, tensor<2x2x1x1xf32>, none) -> tensor<1x2x4x4xf32>
  %1 = hone.mul %0, %s : (tensor<1x2x4x4xf32>, tensor<4xf32>) -> tensor<1x2x4x4xf32>
  return %1 : tensor<1x2x4x4xf32>
}

// -----

// Integer arithmetic is left alone (division does not invert).
// CHECK-LABEL: func.func @integers
// CHECK: hone.div %arg0
func.func @integers(%x: tensor<4xi64>) -> tensor<4xi64> {
  %c = hone.constant dense<3> : tensor<i64>
  %0 = hone.div %x, %c : (tensor<4xi64>, tensor<i64>) -> tensor<4xi64>
  return %0 : tensor<4xi64>
}

// UNKNOWN: error: unknown algebraic rewrite rule 'no-such-rule'
