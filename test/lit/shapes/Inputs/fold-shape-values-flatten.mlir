// A flatten before a classifier, its width computed: [batch, 3 * h * w]
// with every dim but the channels known at run time.
func.func @main(%x: tensor<?x3x?x?xf32>) -> tensor<?x?xf32> {
  %s = hone.shape %x : (tensor<?x3x?x?xf32>) -> tensor<4xi64>
  %i0 = hone.constant dense<0> : tensor<1xi64>
  %i1 = hone.constant dense<1> : tensor<1xi64>
  %i2 = hone.constant dense<2> : tensor<1xi64>
  %i3 = hone.constant dense<3> : tensor<1xi64>
  %b = hone.gather %s, %i0 : (tensor<4xi64>, tensor<1xi64>) -> tensor<1xi64>
  %c = hone.gather %s, %i1 : (tensor<4xi64>, tensor<1xi64>) -> tensor<1xi64>
  %h = hone.gather %s, %i2 : (tensor<4xi64>, tensor<1xi64>) -> tensor<1xi64>
  %w = hone.gather %s, %i3 : (tensor<4xi64>, tensor<1xi64>) -> tensor<1xi64>
  %ch = hone.mul %c, %h : (tensor<1xi64>, tensor<1xi64>) -> tensor<1xi64>
  %chw = hone.mul %ch, %w : (tensor<1xi64>, tensor<1xi64>) -> tensor<1xi64>
  %target = hone.concat %b, %chw {axis = 0 : i64} : (tensor<1xi64>, tensor<1xi64>) -> tensor<2xi64>
  %r = hone.reshape %x, %target : (tensor<?x3x?x?xf32>, tensor<2xi64>) -> tensor<?x?xf32>
  return %r : tensor<?x?xf32>
}
