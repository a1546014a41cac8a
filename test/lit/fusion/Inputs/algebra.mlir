// One case per algebraic rewrite rule, one output each; the rewrite-algebra
// test runs it through the evaluator before and after (relaxed math on, so
// every rule fires: the square roots only see non-negative values).
func.func @main(%a: tensor<4x8xf32>, %b: tensor<4x8xf32>, %c: tensor<4x8xf32>, %row: tensor<1x8xf32>, %q: tensor<2x8x4xf32>, %k: tensor<2x4x8xf32>, %x: tensor<1x3x6x6xf32>)
    -> (tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x1xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<2x8x8xf32>, tensor<1x2x4x4xf32>) {
  %half = hone.constant dense<0.5> : tensor<f32>
  %three = hone.constant dense<3.0> : tensor<f32>
  // reassociate-product: (a * row) * (row * 3): the small factors meet first.
  %p0 = hone.mul %a, %row : (tensor<4x8xf32>, tensor<1x8xf32>) -> tensor<4x8xf32>
  %p1 = hone.mul %row, %three : (tensor<1x8xf32>, tensor<f32>) -> tensor<1x8xf32>
  %p = hone.mul %p0, %p1 : (tensor<4x8xf32>, tensor<1x8xf32>) -> tensor<4x8xf32>
  // reassociate-sum: ((a + 0.5) + 3) - 0.5.
  %s0 = hone.add %a, %half : (tensor<4x8xf32>, tensor<f32>) -> tensor<4x8xf32>
  %s1 = hone.add %s0, %three : (tensor<4x8xf32>, tensor<f32>) -> tensor<4x8xf32>
  %s = hone.sub %s1, %half : (tensor<4x8xf32>, tensor<f32>) -> tensor<4x8xf32>
  // sqrt-pair: (a * sqrt(B)) * (sqrt(B) * c) with B = b * b.
  %bb = hone.mul %b, %b : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  %rb = hone.sqrt %bb : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %q0 = hone.mul %a, %rb : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  %q1 = hone.mul %rb, %c : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  %sq = hone.mul %q0, %q1 : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  // abs-pair: abs(a) * b * abs(c).
  %aa = hone.abs %a : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %ac = hone.abs %c : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %ab0 = hone.mul %aa, %b : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  %ab = hone.mul %ab0, %ac : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  // neg-pair: (-a) * (-b).
  %na = hone.neg %a : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %nb = hone.neg %b : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %nn = hone.mul %na, %nb : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  // reciprocal-pair: (1/(a*a+1)) * (1/(b*b+1)).
  %one = hone.constant dense<1.0> : tensor<f32>
  %aa1 = hone.mul %a, %a : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  %da = hone.add %aa1, %one : (tensor<4x8xf32>, tensor<f32>) -> tensor<4x8xf32>
  %db = hone.add %bb, %one : (tensor<4x8xf32>, tensor<f32>) -> tensor<4x8xf32>
  %ia = hone.reciprocal %da : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %ib = hone.reciprocal %db : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %rr = hone.mul %ia, %ib : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  // exp-pair: exp(a) * exp(c).
  %ea = hone.exp %a : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %ec = hone.exp %c : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %ee = hone.mul %ea, %ec : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  // exp-reduce-prod: ReduceProd(exp(a)) over the last axis.
  %last = hone.constant dense<[1]> : tensor<1xi64>
  %eb = hone.exp %b : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %ep = hone.reduce_prod %eb, %last : (tensor<4x8xf32>, tensor<1xi64>) -> tensor<4x1xf32>
  // factor-common: a*b + c*a.
  %f0 = hone.mul %a, %b : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  %f1 = hone.mul %c, %a : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  %fc = hone.add %f0, %f1 : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  // factor-common on a difference: Square(a+b) - (a+b)*c.
  %apb = hone.add %a, %b : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  %two = hone.constant dense<2.0> : tensor<f32>
  %sqr = hone.pow %apb, %two : (tensor<4x8xf32>, tensor<f32>) -> tensor<4x8xf32>
  %pc = hone.mul %apb, %c : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  %sd = hone.sub %sqr, %pc : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  // add-self-product: c + c*3.
  %c3 = hone.mul %c, %three : (tensor<4x8xf32>, tensor<f32>) -> tensor<4x8xf32>
  %asp = hone.add %c, %c3 : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  // factor-matmul: a@W1 + a@W2.
  %w1 = hone.constant dense<0.25> : tensor<8x8xf32>
  %w2 = hone.constant dense<-0.5> : tensor<8x8xf32>
  %m1 = hone.matmul %a, %w1 : (tensor<4x8xf32>, tensor<8x8xf32>) -> tensor<4x8xf32>
  %m2 = hone.matmul %a, %w2 : (tensor<4x8xf32>, tensor<8x8xf32>) -> tensor<4x8xf32>
  %fm = hone.add %m1, %m2 : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  // scale-through-matmul: ((q@k) @ W) / 2 for a weight W: the scale folds
  // into it (onto the computed q@k it would not fold).
  %wk = hone.constant dense<0.75> : tensor<8x8xf32>
  %qk = hone.matmul %q, %k : (tensor<2x8x4xf32>, tensor<2x4x8xf32>) -> tensor<2x8x8xf32>
  %qkw = hone.matmul %qk, %wk : (tensor<2x8x8xf32>, tensor<8x8xf32>) -> tensor<2x8x8xf32>
  %scaled = hone.div %qkw, %two : (tensor<2x8x8xf32>, tensor<f32>) -> tensor<2x8x8xf32>
  // scale-into-conv and bias-into-conv: a convolution, then a per-channel
  // scale and shift (a folded BatchNormalization).
  %cw = hone.constant dense<[[[[0.5, -0.25], [0.125, 1.0]], [[1.0, 0.5], [-1.0, 0.25]], [[0.0, 2.0], [0.5, 0.5]]], [[[1.5, 0.0], [-0.5, 0.75]], [[0.25, 0.25], [0.25, 0.25]], [[-1.0, 1.0], [1.0, -1.0]]]]> : tensor<2x3x2x2xf32>
  %none = hone.none
  %conv = hone.conv %x, %cw, %none {kernel_shape = [2, 2], strides = [2, 2]} : (tensor<1x3x6x6xf32>, tensor<2x3x2x2xf32>, none) -> tensor<1x2x3x3xf32>
  %cs = hone.constant dense<[[[2.0]], [[-0.5]]]> : tensor<2x1x1xf32>
  %ct = hone.constant dense<[[[0.25]], [[1.0]]]> : tensor<2x1x1xf32>
  %conv_s = hone.mul %conv, %cs : (tensor<1x2x3x3xf32>, tensor<2x1x1xf32>) -> tensor<1x2x3x3xf32>
  %conv_t = hone.add %conv_s, %ct : (tensor<1x2x3x3xf32>, tensor<2x1x1xf32>) -> tensor<1x2x3x3xf32>
  %pads = hone.constant dense<[0, 0, 0, 0, 0, 0, 1, 1]> : tensor<8xi64>
  %padded = hone.pad %conv_t, %pads, %none : (tensor<1x2x3x3xf32>, tensor<8xi64>, none) -> tensor<1x2x4x4xf32>
  return %p, %s, %sq, %ab, %nn, %rr, %ee, %ep, %fc, %sd, %asp, %fm, %scaled, %padded
    : tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x1xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>, tensor<2x8x8xf32>, tensor<1x2x4x4xf32>
}
