func.func @main(%x: tensor<4xf16>) -> tensor<4xf16> {
  %y = qnn.clamp %x {min = 0.0 : f32, max = 1.0 : f32} : tensor<4xf16>
  return %y : tensor<4xf16>
}
