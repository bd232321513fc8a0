// fc -> ReLU6 -> fc, float: the calibration tests' model.
func.func @main(%x: tensor<1x4xf32>) -> tensor<1x2xf32> {
  %w1 = arith.constant dense<[[1.0, 0.0, 0.0, 0.0], [0.0, 1.0, 1.0, 0.0], [0.5, 0.5, 0.5, 0.5]]> : tensor<3x4xf32>
  %h = qnn.fully_connected %x, %w1 : (tensor<1x4xf32>, tensor<3x4xf32>) -> tensor<1x3xf32>
  %r = qnn.clamp %h {min = 0.0 : f32, max = 6.0 : f32} : tensor<1x3xf32>
  %w2 = arith.constant dense<[[0.25, -0.5, 1.0], [1.0, 1.0, -1.0]]> : tensor<2x3xf32>
  %b2 = arith.constant dense<[0.5, -0.25]> : tensor<2xf32>
  %y = qnn.fully_connected %r, %w2, %b2 : (tensor<1x3xf32>, tensor<2x3xf32>, tensor<2xf32>) -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}
