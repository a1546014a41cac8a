// Core cleanups on hone IR: CSE merges identical pure ops, canonicalize drops
// dead ones. The evaluator runs the module before and after and compares.
// RUN: hone-opt %s --cse --canonicalize | FileCheck %s
// RUN: hone-opt %s --cse --canonicalize -o %t.after.mlir
// RUN: hone-run %s --interp --random-inputs 7 --compare-with %t.after.mlir | FileCheck %s --check-prefix=EVAL
// A different module must not compare equal (the check can fail):
// RUN: not hone-run %s --interp --random-inputs 7 --compare-with %S/Inputs/canonicalize-wrong.mlir 2>&1 | FileCheck %s --check-prefix=WRONG

// CHECK-LABEL: func.func @main
// CHECK-SAME: (%[[X:.+]]: tensor<2x?xf32>)
func.func @main(%x: tensor<2x?xf32>) -> tensor<2x?xf32> {
  // CHECK: %[[A:.+]] = hone.relu %[[X]]
  // CHECK-NOT: hone.relu
  // CHECK-NOT: hone.sigmoid
  // CHECK: hone.add %[[A]], %[[A]]
  %a = hone.relu %x : (tensor<2x?xf32>) -> tensor<2x?xf32>
  %b = hone.relu %x : (tensor<2x?xf32>) -> tensor<2x?xf32>
  %unused = hone.sigmoid %x : (tensor<2x?xf32>) -> tensor<2x?xf32>
  %y = hone.add %a, %b : (tensor<2x?xf32>, tensor<2x?xf32>) -> tensor<2x?xf32>
  return %y : tensor<2x?xf32>
}
// EVAL: outputs agree (1 outputs, max relative error 0.000000e+00)
// WRONG: canonicalize-wrong.mlir: output 0: element {{[0-9]+}} is
