// Refining types changes no value: the evaluator agrees before and after.
// RUN: hone-opt %s --hone-infer-shapes -o %t.after.mlir
// RUN: hone-run %s --interp --random-inputs 11 --compare-with %t.after.mlir | FileCheck %s
// CHECK: outputs agree
func.func @main(%x: tensor<2x12xf32>, %b: tensor<4xf32>) -> tensor<*xf32> {
  %c = hone.constant dense<[2, 3, 4]> : tensor<3xi64>
  %r = hone.reshape %x, %c : (tensor<2x12xf32>, tensor<3xi64>) -> tensor<?x?x?xf32>
  %y = hone.add %r, %b : (tensor<?x?x?xf32>, tensor<4xf32>) -> tensor<*xf32>
  return %y : tensor<*xf32>
}
