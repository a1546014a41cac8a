// Attention's split into heads as exporters write it: the target [batch,
// seq, 4, width / 4] from the input's own dims (batch and seq at run time,
// width static).
func.func @main(%x: tensor<?x?x64xf32>) -> tensor<?x?x?x?xf32> {
  %s = hone.shape %x : (tensor<?x?x64xf32>) -> tensor<3xi64>
  %i0 = hone.constant dense<0> : tensor<1xi64>
  %i1 = hone.constant dense<1> : tensor<1xi64>
  %i2 = hone.constant dense<2> : tensor<1xi64>
  %b = hone.gather %s, %i0 : (tensor<3xi64>, tensor<1xi64>) -> tensor<1xi64>
  %n = hone.gather %s, %i1 : (tensor<3xi64>, tensor<1xi64>) -> tensor<1xi64>
  %w = hone.gather %s, %i2 : (tensor<3xi64>, tensor<1xi64>) -> tensor<1xi64>
  %four = hone.constant dense<4> : tensor<1xi64>
  %head = hone.div %w, %four : (tensor<1xi64>, tensor<1xi64>) -> tensor<1xi64>
  %target = hone.concat %b, %n, %four, %head {axis = 0 : i64} : (tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> tensor<4xi64>
  %r = hone.reshape %x, %target : (tensor<?x?x64xf32>, tensor<4xi64>) -> tensor<?x?x?x?xf32>
  %t = hone.transpose %r {perm = [0, 2, 1, 3]} : (tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32>
  return %t : tensor<?x?x?x?xf32>
}
