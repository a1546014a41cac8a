// A small CNN block: conv, batch normalization, clip (ReLU6), depthwise conv,
// relu, max pool, global average pool, flatten and a classifier.
func.func @main(%x: tensor<1x3x16x16xf32>, %w1: tensor<8x3x3x3xf32>, %b1: tensor<8xf32>,
                %g: tensor<8xf32>, %be: tensor<8xf32>, %mu: tensor<8xf32>, %var: tensor<8xf32>,
                %w2: tensor<8x1x3x3xf32>, %wf: tensor<10x8xf32>, %bf: tensor<10xf32>) -> tensor<1x10xf32> {
  %lo = hone.constant dense<0.0> : tensor<f32>
  %hi = hone.constant dense<6.0> : tensor<f32>
  %none = hone.none
  %c1 = hone.conv %x, %w1, %b1 {pads = [1, 1, 1, 1]} : (tensor<1x3x16x16xf32>, tensor<8x3x3x3xf32>, tensor<8xf32>) -> tensor<1x8x16x16xf32>
  %bn:3 = hone.batch_normalization %c1, %g, %be, %mu, %var : (tensor<1x8x16x16xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) -> (tensor<1x8x16x16xf32>, tensor<8xf32>, tensor<8xf32>)
  %a1 = hone.clip %bn#0, %lo, %hi : (tensor<1x8x16x16xf32>, tensor<f32>, tensor<f32>) -> tensor<1x8x16x16xf32>
  %c2 = hone.conv %a1, %w2, %none {group = 8 : i64, pads = [1, 1, 1, 1]} : (tensor<1x8x16x16xf32>, tensor<8x1x3x3xf32>, none) -> tensor<1x8x16x16xf32>
  %a2 = hone.relu %c2 : (tensor<1x8x16x16xf32>) -> tensor<1x8x16x16xf32>
  %p:2 = hone.max_pool %a2 {kernel_shape = [2, 2], strides = [2, 2]} : (tensor<1x8x16x16xf32>) -> (tensor<1x8x8x8xf32>, tensor<1x8x8x8xi64>)
  %gp = hone.global_average_pool %p#0 : (tensor<1x8x8x8xf32>) -> tensor<1x8x1x1xf32>
  %f = hone.flatten %gp : (tensor<1x8x1x1xf32>) -> tensor<1x8xf32>
  %y = hone.gemm %f, %wf, %bf {transB = 1 : i64} : (tensor<1x8xf32>, tensor<10x8xf32>, tensor<10xf32>) -> tensor<1x10xf32>
  return %y : tensor<1x10xf32>
}
