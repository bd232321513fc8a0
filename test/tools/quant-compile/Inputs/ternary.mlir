func.func @main(%x: tensor<1x3xf32>) -> tensor<1x2xf32> {
  %c = qnn.constant dense<[[1, 0, -1], [0, 1, 1]]> : tensor<2x3xi2> -> tensor<2x3x!qnn.ternary<f32, 0.25>>
  %w = qnn.dequantize %c : tensor<2x3x!qnn.ternary<f32, 0.25>> -> tensor<2x3xf32>
  %y = qnn.fully_connected %x, %w : (tensor<1x3xf32>, tensor<2x3xf32>) -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}
