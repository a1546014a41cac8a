// Decomposed layers as exporters write them, one output each; the
// recognise-patterns test runs it through the evaluator before and after.
func.func @main(%x: tensor<2x4x5x5xf32>, %t: tensor<3x8xf32>, %a: tensor<3x6xf32>) -> (tensor<2x4x5x5xf32>, tensor<3x8xf32>, tensor<3x8xf32>, tensor<3x8xf32>, tensor<3x8xf32>, tensor<3x5xf32>, tensor<3x8xf32>, tensor<3x8xf32>, tensor<3x8xf32>) {
  %one = hone.constant dense<1.0> : tensor<f32>
  // BatchNormalization in inference.
  %scale = hone.constant dense<[1.0, 0.5, 2.0, -1.0]> : tensor<4xf32>
  %shift = hone.constant dense<[0.1, 0.2, 0.3, 0.4]> : tensor<4xf32>
  %mean = hone.constant dense<[0.0, 0.1, -0.1, 0.2]> : tensor<4xf32>
  %var = hone.constant dense<[1.0, 2.0, 0.5, 0.25]> : tensor<4xf32>
  %bn, %rm, %rv = hone.batch_normalization %x, %scale, %shift, %mean, %var {epsilon = 1.0e-3 : f32} : (tensor<2x4x5x5xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> (tensor<2x4x5x5xf32>, tensor<4xf32>, tensor<4xf32>)
  // Softmax with the max subtracted, over the last axis.
  %last = hone.constant dense<[-1]> : tensor<1xi64>
  %max = hone.reduce_max %t, %last : (tensor<3x8xf32>, tensor<1xi64>) -> tensor<3x1xf32>
  %sub = hone.sub %t, %max : (tensor<3x8xf32>, tensor<3x1xf32>) -> tensor<3x8xf32>
  %exp = hone.exp %sub : (tensor<3x8xf32>) -> tensor<3x8xf32>
  %sum = hone.reduce_sum %exp, %last : (tensor<3x8xf32>, tensor<1xi64>) -> tensor<3x1xf32>
  %softmax = hone.div %exp, %sum : (tensor<3x8xf32>, tensor<3x1xf32>) -> tensor<3x8xf32>
  // Softmax over axis 0, without the max.
  %first = hone.constant dense<[0]> : tensor<1xi64>
  %exp0 = hone.exp %t : (tensor<3x8xf32>) -> tensor<3x8xf32>
  %sum0 = hone.reduce_sum %exp0, %first : (tensor<3x8xf32>, tensor<1xi64>) -> tensor<1x8xf32>
  %softmax0 = hone.div %exp0, %sum0 : (tensor<3x8xf32>, tensor<1x8xf32>) -> tensor<3x8xf32>
  // LayerNormalization with Pow, a scale and a bias.
  %m = hone.reduce_mean %t, %last : (tensor<3x8xf32>, tensor<1xi64>) -> tensor<3x1xf32>
  %d = hone.sub %t, %m : (tensor<3x8xf32>, tensor<3x1xf32>) -> tensor<3x8xf32>
  %two = hone.constant dense<2.0> : tensor<f32>
  %sq = hone.pow %d, %two : (tensor<3x8xf32>, tensor<f32>) -> tensor<3x8xf32>
  %v = hone.reduce_mean %sq, %last : (tensor<3x8xf32>, tensor<1xi64>) -> tensor<3x1xf32>
  %eps = hone.constant dense<1.0e-5> : tensor<f32>
  %ve = hone.add %v, %eps : (tensor<3x1xf32>, tensor<f32>) -> tensor<3x1xf32>
  %r = hone.sqrt %ve : (tensor<3x1xf32>) -> tensor<3x1xf32>
  %n = hone.div %d, %r : (tensor<3x8xf32>, tensor<3x1xf32>) -> tensor<3x8xf32>
  %gamma = hone.constant dense<[1.0, 2.0, 3.0, 4.0, 0.5, 0.25, -1.0, 1.5]> : tensor<8xf32>
  %beta = hone.constant dense<0.5> : tensor<f32>
  %g = hone.mul %n, %gamma : (tensor<3x8xf32>, tensor<8xf32>) -> tensor<3x8xf32>
  %ln = hone.add %g, %beta : (tensor<3x8xf32>, tensor<f32>) -> tensor<3x8xf32>
  // LayerNormalization over both axes, squared by a self-Mul, no affine tail.
  %both = hone.constant dense<[0, 1]> : tensor<2xi64>
  %m2 = hone.reduce_mean %t, %both : (tensor<3x8xf32>, tensor<2xi64>) -> tensor<1x1xf32>
  %d2 = hone.sub %t, %m2 : (tensor<3x8xf32>, tensor<1x1xf32>) -> tensor<3x8xf32>
  %sq2 = hone.mul %d2, %d2 : (tensor<3x8xf32>, tensor<3x8xf32>) -> tensor<3x8xf32>
  %v2 = hone.reduce_mean %sq2, %both : (tensor<3x8xf32>, tensor<2xi64>) -> tensor<1x1xf32>
  %ve2 = hone.add %v2, %eps : (tensor<1x1xf32>, tensor<f32>) -> tensor<1x1xf32>
  %r2 = hone.sqrt %ve2 : (tensor<1x1xf32>) -> tensor<1x1xf32>
  %ln2 = hone.div %d2, %r2 : (tensor<3x8xf32>, tensor<1x1xf32>) -> tensor<3x8xf32>
  // A classifier head: MatMul plus a bias.
  %w = hone.constant dense<[[1.0, 0.0, -1.0, 0.5, 2.0], [0.5, 1.0, 0.0, -0.5, 1.0], [0.0, 0.25, 1.0, 1.0, -1.0], [1.0, 1.0, 1.0, 1.0, 1.0], [-1.0, 0.5, 0.5, 0.0, 0.0], [0.2, 0.4, 0.6, 0.8, 1.0]]> : tensor<6x5xf32>
  %bias = hone.constant dense<[0.1, -0.2, 0.3, -0.4, 0.5]> : tensor<5xf32>
  %mm = hone.matmul %a, %w : (tensor<3x6xf32>, tensor<6x5xf32>) -> tensor<3x5xf32>
  %head = hone.add %mm, %bias : (tensor<3x5xf32>, tensor<5xf32>) -> tensor<3x5xf32>
  // GELU as PyTorch writes it for opset 17: x * (1 + erf(x / sqrt(2))) * 0.5.
  %sqrt2 = hone.constant dense<1.41421354> : tensor<f32>
  %xs = hone.div %t, %sqrt2 : (tensor<3x8xf32>, tensor<f32>) -> tensor<3x8xf32>
  %erf = hone.erf %xs : (tensor<3x8xf32>) -> tensor<3x8xf32>
  %erf1 = hone.add %erf, %one : (tensor<3x8xf32>, tensor<f32>) -> tensor<3x8xf32>
  %xe = hone.mul %t, %erf1 : (tensor<3x8xf32>, tensor<3x8xf32>) -> tensor<3x8xf32>
  %gelu = hone.mul %xe, %beta : (tensor<3x8xf32>, tensor<f32>) -> tensor<3x8xf32>
  // The tanh approximation, the cube as Pow: 0.5 * x * (1 + tanh(sqrt(2/pi) * (x + 0.044715 * x^3))).
  %three = hone.constant dense<3.0> : tensor<f32>
  %k = hone.constant dense<0.044715> : tensor<f32>
  %c = hone.constant dense<0.797884583> : tensor<f32>
  %cube = hone.pow %t, %three : (tensor<3x8xf32>, tensor<f32>) -> tensor<3x8xf32>
  %kc = hone.mul %k, %cube : (tensor<f32>, tensor<3x8xf32>) -> tensor<3x8xf32>
  %inner = hone.add %t, %kc : (tensor<3x8xf32>, tensor<3x8xf32>) -> tensor<3x8xf32>
  %arg = hone.mul %inner, %c : (tensor<3x8xf32>, tensor<f32>) -> tensor<3x8xf32>
  %th = hone.tanh %arg : (tensor<3x8xf32>) -> tensor<3x8xf32>
  %th1 = hone.add %one, %th : (tensor<f32>, tensor<3x8xf32>) -> tensor<3x8xf32>
  %hx = hone.mul %beta, %t : (tensor<f32>, tensor<3x8xf32>) -> tensor<3x8xf32>
  %gelu_tanh = hone.mul %hx, %th1 : (tensor<3x8xf32>, tensor<3x8xf32>) -> tensor<3x8xf32>
  // The same with the cube as x * x * x and the scale on the other side.
  %x2 = hone.mul %t, %t : (tensor<3x8xf32>, tensor<3x8xf32>) -> tensor<3x8xf32>
  %x3 = hone.mul %x2, %t : (tensor<3x8xf32>, tensor<3x8xf32>) -> tensor<3x8xf32>
  %kc2 = hone.mul %x3, %k : (tensor<3x8xf32>, tensor<f32>) -> tensor<3x8xf32>
  %inner2 = hone.add %kc2, %t : (tensor<3x8xf32>, tensor<3x8xf32>) -> tensor<3x8xf32>
  %arg2 = hone.mul %c, %inner2 : (tensor<f32>, tensor<3x8xf32>) -> tensor<3x8xf32>
  %th2 = hone.tanh %arg2 : (tensor<3x8xf32>) -> tensor<3x8xf32>
  %th21 = hone.add %th2, %one : (tensor<3x8xf32>, tensor<f32>) -> tensor<3x8xf32>
  %tx = hone.mul %th21, %t : (tensor<3x8xf32>, tensor<3x8xf32>) -> tensor<3x8xf32>
  %gelu_tanh2 = hone.mul %tx, %beta : (tensor<3x8xf32>, tensor<f32>) -> tensor<3x8xf32>
  return %bn, %softmax, %softmax0, %ln, %ln2, %head, %gelu, %gelu_tanh, %gelu_tanh2 : tensor<2x4x5x5xf32>, tensor<3x8xf32>, tensor<3x8xf32>, tensor<3x8xf32>, tensor<3x8xf32>, tensor<3x5xf32>, tensor<3x8xf32>, tensor<3x8xf32>, tensor<3x8xf32>
}
