func.func @main(%x: tensor<1x4xf32>) -> tensor<1x4x!qnn.binary<f32>> {
  %b = qnn.binarize %x : tensor<1x4xf32> -> tensor<1x4x!qnn.binary<f32>>
  return %b : tensor<1x4x!qnn.binary<f32>>
}
