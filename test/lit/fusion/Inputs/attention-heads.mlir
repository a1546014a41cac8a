// Attention with 4 heads of 32 at 48 tokens (24 rows of tiles): scores
// scaled, softmax, times V, heads back to tokens.
func.func @main(%q: tensor<1x4x48x32xf32>, %k: tensor<1x4x32x48xf32>, %v: tensor<1x4x48x32xf32>) -> tensor<1x48x4x32xf32> {
  %scale = hone.constant dense<0.176776695> : tensor<f32>
  %s = hone.matmul %q, %k : (tensor<1x4x48x32xf32>, tensor<1x4x32x48xf32>) -> tensor<1x4x48x48xf32>
  %ss = hone.mul %s, %scale : (tensor<1x4x48x48xf32>, tensor<f32>) -> tensor<1x4x48x48xf32>
  %p = hone.softmax %ss {axis = -1 : i64} : (tensor<1x4x48x48xf32>) -> tensor<1x4x48x48xf32>
  %o = hone.matmul %p, %v : (tensor<1x4x48x48xf32>, tensor<1x4x48x32xf32>) -> tensor<1x4x48x32xf32>
  %y = hone.transpose %o {perm = [0, 2, 1, 3]} : (tensor<1x4x48x32xf32>) -> tensor<1x48x4x32xf32>
  return %y : tensor<1x48x4x32xf32>
}
