// The Shape -> Gather -> Concat -> Reshape chain of an exported flatten.
func.func @main(%x: tensor<2x3x4xf32>) -> tensor<?x?xf32> {
  %s = hone.shape %x : (tensor<2x3x4xf32>) -> tensor<3xi64>
  %i = hone.constant dense<0> : tensor<1xi64>
  %n = hone.gather %s, %i : (tensor<3xi64>, tensor<1xi64>) -> tensor<1xi64>
  %m = hone.constant dense<-1> : tensor<1xi64>
  %shape = hone.concat %n, %m {axis = 0 : i64} : (tensor<1xi64>, tensor<1xi64>) -> tensor<2xi64>
  %r = hone.reshape %x, %shape : (tensor<2x3x4xf32>, tensor<2xi64>) -> tensor<?x?xf32>
  return %r : tensor<?x?xf32>
}
