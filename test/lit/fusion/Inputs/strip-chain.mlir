// A Conv-ReLU, depthwise Conv-ReLU6, max pool chain large enough for the
// cost model to fuse it by row strips (passes/fusion/FusionPlanner.h).
func.func @main(%x: tensor<1x8x160x160xf32>, %w1: tensor<16x8x3x3xf32>, %b1: tensor<16xf32>,
                %w2: tensor<16x1x3x3xf32>) -> tensor<1x16x80x80xf32> {
  %lo = hone.constant dense<0.0> : tensor<f32>
  %hi = hone.constant dense<6.0> : tensor<f32>
  %none = hone.none
  %c1 = hone.conv %x, %w1, %b1 {pads = [1, 1, 1, 1]} : (tensor<1x8x160x160xf32>, tensor<16x8x3x3xf32>, tensor<16xf32>) -> tensor<1x16x160x160xf32>
  %r1 = hone.relu %c1 : (tensor<1x16x160x160xf32>) -> tensor<1x16x160x160xf32>
  %c2 = hone.conv %r1, %w2, %none {group = 16 : i64, pads = [1, 1, 1, 1]} : (tensor<1x16x160x160xf32>, tensor<16x1x3x3xf32>, none) -> tensor<1x16x160x160xf32>
  %r2 = hone.clip %c2, %lo, %hi : (tensor<1x16x160x160xf32>, tensor<f32>, tensor<f32>) -> tensor<1x16x160x160xf32>
  %p:2 = hone.max_pool %r2 {kernel_shape = [2, 2], strides = [2, 2]} : (tensor<1x16x160x160xf32>) -> (tensor<1x16x80x80xf32>, tensor<1x16x80x80xi64>)
  return %p#0 : tensor<1x16x80x80xf32>
}
