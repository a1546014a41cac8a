// One self-attention block as exporters write it (2 heads of 8, 4 tokens):
// projections, head reshapes and transposes, scaled softmax, the output
// projection, the residual and layer normalization.
func.func @main(%x: tensor<4x16xf32>, %wq: tensor<16x16xf32>, %wk: tensor<16x16xf32>,
                %wv: tensor<16x16xf32>, %wo: tensor<16x16xf32>, %bq: tensor<16xf32>,
                %gamma: tensor<16xf32>, %beta: tensor<16xf32>) -> tensor<4x16xf32> {
  %heads = hone.constant dense<[4, 2, 8]> : tensor<3xi64>
  %flat = hone.constant dense<[4, 16]> : tensor<2xi64>
  %scale = hone.constant dense<2.828427> : tensor<f32>
  %q0 = hone.matmul %x, %wq : (tensor<4x16xf32>, tensor<16x16xf32>) -> tensor<4x16xf32>
  %q1 = hone.add %q0, %bq : (tensor<4x16xf32>, tensor<16xf32>) -> tensor<4x16xf32>
  %k0 = hone.matmul %x, %wk : (tensor<4x16xf32>, tensor<16x16xf32>) -> tensor<4x16xf32>
  %v0 = hone.matmul %x, %wv : (tensor<4x16xf32>, tensor<16x16xf32>) -> tensor<4x16xf32>
  %q2 = hone.reshape %q1, %heads : (tensor<4x16xf32>, tensor<3xi64>) -> tensor<4x2x8xf32>
  %k2 = hone.reshape %k0, %heads : (tensor<4x16xf32>, tensor<3xi64>) -> tensor<4x2x8xf32>
  %v2 = hone.reshape %v0, %heads : (tensor<4x16xf32>, tensor<3xi64>) -> tensor<4x2x8xf32>
  %q3 = hone.transpose %q2 {perm = [1, 0, 2]} : (tensor<4x2x8xf32>) -> tensor<2x4x8xf32>
  %k3 = hone.transpose %k2 {perm = [1, 2, 0]} : (tensor<4x2x8xf32>) -> tensor<2x8x4xf32>
  %v3 = hone.transpose %v2 {perm = [1, 0, 2]} : (tensor<4x2x8xf32>) -> tensor<2x4x8xf32>
  %s0 = hone.matmul %q3, %k3 : (tensor<2x4x8xf32>, tensor<2x8x4xf32>) -> tensor<2x4x4xf32>
  %s1 = hone.div %s0, %scale : (tensor<2x4x4xf32>, tensor<f32>) -> tensor<2x4x4xf32>
  %p = hone.softmax %s1 : (tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
  %o0 = hone.matmul %p, %v3 : (tensor<2x4x4xf32>, tensor<2x4x8xf32>) -> tensor<2x4x8xf32>
  %o1 = hone.transpose %o0 {perm = [1, 0, 2]} : (tensor<2x4x8xf32>) -> tensor<4x2x8xf32>
  %o2 = hone.reshape %o1, %flat : (tensor<4x2x8xf32>, tensor<2xi64>) -> tensor<4x16xf32>
  %o3 = hone.matmul %o2, %wo : (tensor<4x16xf32>, tensor<16x16xf32>) -> tensor<4x16xf32>
  %r = hone.add %o3, %x : (tensor<4x16xf32>, tensor<4x16xf32>) -> tensor<4x16xf32>
  %y:3 = hone.layer_normalization %r, %gamma, %beta : (tensor<4x16xf32>, tensor<16xf32>, tensor<16xf32>) -> (tensor<4x16xf32>, tensor<4x1xf32>, tensor<4x1xf32>)
  return %y#0 : tensor<4x16xf32>
}
