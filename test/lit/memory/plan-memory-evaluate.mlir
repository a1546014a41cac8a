// The plan only annotates ops: the evaluator gives the same outputs after it.
// RUN: hone-opt %s --hone-plan-memory -o %t.after.mlir
// RUN: hone-run %s --interp --random-inputs 3 --compare-with %t.after.mlir | FileCheck %s
// CHECK: outputs agree (1 outputs, max relative error 0.000000e+00)
func.func @main(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %a = hone.relu %x : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %b = hone.exp %a : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %c = hone.add %a, %b : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  return %c : tensor<4x8xf32>
}
