// A value returned twice (as an ONNX graph listing one output twice
// imports): each result gets its own output buffer, both hold the value.
// quant-prepare-entry copies the later occurrences (results-to-out-params
// crashed on the shared buffer).
// RUN: %e2e-check %s %t
// RUN: %e2e-check %s %t --mcpu=x86-64

func.func @twice(%x: tensor<2x5xf32>) -> (tensor<2x5xf32>, tensor<2x5xf32>) {
  %0 = qnn.sign %x : tensor<2x5xf32>
  return %0, %0 : tensor<2x5xf32>, tensor<2x5xf32>
}

// The input itself returned twice, around another result.
func.func @input_twice(%x: tensor<7xf32>) -> (tensor<7xf32>, tensor<7xf32>, tensor<7xf32>) {
  %0 = qnn.sign %x : tensor<7xf32>
  return %x, %0, %x : tensor<7xf32>, tensor<7xf32>, tensor<7xf32>
}
