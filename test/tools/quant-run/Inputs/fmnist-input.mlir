// The input signature of the Fashion-MNIST example, for qnn-ref
// --make-inputs in ../onnx.mlir.
func.func @main(%x: tensor<1x1x28x28xf32>) -> tensor<1x1x28x28xf32> {
  return %x : tensor<1x1x28x28xf32>
}
