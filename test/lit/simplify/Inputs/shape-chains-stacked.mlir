// Two flatten chains in a row: the second reads the first reshape's result,
// whose declared type is dynamic until the first chain has folded (as in
// each block of an exported transformer).
func.func @main(%x: tensor<2x3x4xf32>) -> tensor<?x?xf32> {
  %i = hone.constant dense<0> : tensor<1xi64>
  %m = hone.constant dense<-1> : tensor<1xi64>
  %s = hone.shape %x : (tensor<2x3x4xf32>) -> tensor<3xi64>
  %n = hone.gather %s, %i : (tensor<3xi64>, tensor<1xi64>) -> tensor<1xi64>
  %shape = hone.concat %n, %m {axis = 0 : i64} : (tensor<1xi64>, tensor<1xi64>) -> tensor<2xi64>
  %r = hone.reshape %x, %shape : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<?x?xf32>
  %y = hone.relu %r : (tensor<?x?xf32>) -> tensor<?x?xf32>
  %s2 = hone.shape %y : (tensor<?x?xf32>) -> tensor<2xi64>
  %n2 = hone.gather %s2, %i : (tensor<2xi64>, tensor<1xi64>) -> tensor<1xi64>
  %shape2 = hone.concat %m, %n2 {axis = 0 : i64} : (tensor<1xi64>, tensor<1xi64>) -> tensor<2xi64>
  %r2 = hone.reshape %y, %shape2 : (tensor<?x?xf32>, tensor<2xi64>) -> tensor<?x?xf32>
  return %r2 : tensor<?x?xf32>
}
