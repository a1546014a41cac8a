// RUN: hone-opt %s -split-input-file --hone-fold-constants | FileCheck %s
// Folding runs the reference kernels; the evaluator agrees before and after:
// RUN: hone-opt %s -split-input-file --hone-fold-constants -o %t.mlir
// RUN: hone-opt %S/Inputs/shape-chain.mlir --hone-fold-constants --hone-infer-shapes --hone-fold-constants --hone-infer-shapes -o %t.chain.mlir
// RUN: hone-run %S/Inputs/shape-chain.mlir --interp --random-inputs 5 --compare-with %t.chain.mlir | FileCheck %s --check-prefix=EVAL
// RUN: FileCheck %s --check-prefix=CHAIN < %t.chain.mlir
// One pass folds stacked chains: each op's types are refined before it is
// tried, so the second chain sees the first one's static result.
// RUN: hone-opt %S/Inputs/shape-chains-stacked.mlir --hone-fold-constants -o %t.stacked.mlir
// RUN: hone-run %S/Inputs/shape-chains-stacked.mlir --interp --random-inputs 5 --compare-with %t.stacked.mlir | FileCheck %s --check-prefix=EVAL
// RUN: FileCheck %s --check-prefix=STACKED < %t.stacked.mlir

// Shape reads only the static type: it folds without the data.
// CHECK-LABEL: func.func @shape_of_static
// CHECK: %[[C:.+]] = hone.constant dense<[2, 3, 4]> : tensor<3xi64>
// CHECK-NOT: hone.shape
// CHECK: return %[[C]]
func.func @shape_of_static(%x: tensor<2x3x4xf32>) -> tensor<3xi64> {
  %s = hone.shape %x : (tensor<2x3x4xf32>) -> tensor<3xi64>
  return %s : tensor<3xi64>
}

// -----

// An op on constants only folds; one that reads an argument stays.
// CHECK-LABEL: func.func @on_constants
// CHECK: hone.constant dense<[5, 7]> : tensor<2xi64>
// CHECK: hone.add %arg0
func.func @on_constants(%x: tensor<2xi64>) -> (tensor<2xi64>, tensor<2xi64>) {
  %a = hone.constant dense<[1, 2]> : tensor<2xi64>
  %b = hone.constant dense<[4, 5]> : tensor<2xi64>
  %c = hone.add %a, %b : (tensor<2xi64>, tensor<2xi64>) -> tensor<2xi64>
  %d = hone.add %x, %a : (tensor<2xi64>, tensor<2xi64>) -> tensor<2xi64>
  return %c, %d : tensor<2xi64>, tensor<2xi64>
}

// -----

// A result larger than its constant inputs and than max-elements stays an
// op: folding never bloats the weights.
// CHECK-LABEL: func.func @no_bloat
// CHECK: hone.expand
func.func @no_bloat() -> tensor<300x300xf32> {
  %one = hone.constant dense<1.0> : tensor<f32>
  %shape = hone.constant dense<[300, 300]> : tensor<2xi64>
  %e = hone.expand %one, %shape : (tensor<f32>, tensor<2xi64>) -> tensor<300x300xf32>
  return %e : tensor<300x300xf32>
}

// -----

// An op whose kernel fails on its constants is left for run time to report.
// CHECK-LABEL: func.func @failing_fold
// CHECK: hone.gather
func.func @failing_fold() -> tensor<1xf32> {
  %data = hone.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %index = hone.constant dense<[7]> : tensor<1xi64>
  %g = hone.gather %data, %index : (tensor<2xf32>, tensor<1xi64>) -> tensor<1xf32>
  return %g : tensor<1xf32>
}

// STACKED-LABEL: func.func @main
// STACKED-SAME: -> tensor<12x2xf32>
// STACKED-NOT: hone.shape
// STACKED-NOT: hone.gather
// STACKED-NOT: hone.concat
// STACKED: hone.reshape {{.*}} -> tensor<2x12xf32>
// STACKED: hone.relu {{.*}} -> tensor<2x12xf32>
// STACKED: hone.reshape {{.*}} -> tensor<12x2xf32>

// CHAIN-LABEL: func.func @main
// CHAIN-NOT: hone.shape
// CHAIN-NOT: hone.gather
// CHAIN-NOT: hone.concat
// CHAIN: hone.reshape {{.*}} -> tensor<2x12xf32>
// EVAL: outputs agree
