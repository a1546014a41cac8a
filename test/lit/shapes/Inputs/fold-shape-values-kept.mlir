// Targets the rewrite leaves alone: two run-time elements that are not the
// input's dims at their positions (a swap of rows and columns, only one can
// be -1), and a target that allowzero = 1 reads literally.
func.func @main(%x: tensor<?x?xf32>) -> (tensor<?x?xf32>, tensor<?x?xf32>) {
  %s = hone.shape %x : (tensor<?x?xf32>) -> tensor<2xi64>
  %i0 = hone.constant dense<0> : tensor<1xi64>
  %i1 = hone.constant dense<1> : tensor<1xi64>
  %rows = hone.gather %s, %i0 : (tensor<2xi64>, tensor<1xi64>) -> tensor<1xi64>
  %cols = hone.gather %s, %i1 : (tensor<2xi64>, tensor<1xi64>) -> tensor<1xi64>
  %swapped = hone.concat %cols, %rows {axis = 0 : i64} : (tensor<1xi64>, tensor<1xi64>) -> tensor<2xi64>
  %r = hone.reshape %x, %swapped : (tensor<?x?xf32>, tensor<2xi64>) -> tensor<?x?xf32>
  %same = hone.concat %rows, %cols {axis = 0 : i64} : (tensor<1xi64>, tensor<1xi64>) -> tensor<2xi64>
  %z = hone.reshape %x, %same {allowzero = 1 : i64} : (tensor<?x?xf32>, tensor<2xi64>) -> tensor<?x?xf32>
  return %r, %z : tensor<?x?xf32>, tensor<?x?xf32>
}
