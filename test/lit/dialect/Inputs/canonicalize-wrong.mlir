// Not the same function as canonicalize.mlir: Sigmoid instead of Relu.
func.func @main(%x: tensor<2x?xf32>) -> tensor<2x?xf32> {
  %a = hone.sigmoid %x : (tensor<2x?xf32>) -> tensor<2x?xf32>
  %y = hone.add %a, %a : (tensor<2x?xf32>, tensor<2x?xf32>) -> tensor<2x?xf32>
  return %y : tensor<2x?xf32>
}
