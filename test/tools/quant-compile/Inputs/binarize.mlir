func.func @main(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  %b = qnn.binarize %x : tensor<1x4xf32> -> tensor<1x4x!qnn.binary<f32>>
  %d = qnn.dequantize %b : tensor<1x4x!qnn.binary<f32>> -> tensor<1x4xf32>
  return %d : tensor<1x4xf32>
}
