func.func @main(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = qnn.clamp %x {min = 0.0 : f32} : tensor<4xf32>
  return %y : tensor<4xf32>
}
