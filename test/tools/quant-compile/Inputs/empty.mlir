// A model whose tensors have no elements (ONNX test_reshape_allowzero_*).
func.func @main(%arg0: tensor<0x3x4xf32>) -> tensor<3x4x0xf32> {
  %0 = qnn.reshape %arg0 : tensor<0x3x4xf32> -> tensor<3x4x0xf32>
  return %0 : tensor<3x4x0xf32>
}
