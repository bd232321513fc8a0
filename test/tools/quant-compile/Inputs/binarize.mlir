func.func @main(%x: tensor<1x4xi64>) -> tensor<1x4xi8> {
  %b = qnn.binarize %x : tensor<1x4xi64> -> tensor<1x4xi8>
  return %b : tensor<1x4xi8>
}
