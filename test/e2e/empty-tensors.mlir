// End-to-end tensors without elements at the C interface (ONNX allows a 0
// in any dimension): inputs and outputs of shapes like 3x4x0, 0x3x4 and
// 2x0, passed through data movement, elementwise ops and a concat with a
// non-empty operand, against qnn-ref. An empty argument takes a pointer
// that is never dereferenced.
// RUN: %e2e-check %s %t --mcpu=x86-64
// RUN: %e2e-check %s %t

// ONNX test_reshape_allowzero_reordered.
func.func @reshape(%x: tensor<0x3x4xf32>) -> tensor<3x4x0xf32> {
  %y = qnn.reshape %x : tensor<0x3x4xf32> -> tensor<3x4x0xf32>
  return %y : tensor<3x4x0xf32>
}

// The empty operand contributes nothing to the concat; the empty results
// sit between non-empty ones in the signature.
func.func @concat(%a: tensor<2x0xf32>, %b: tensor<2x3xf32>, %c: tensor<3x2x0xi8>) -> (tensor<2x0xf32>, tensor<2x3xf32>, tensor<3x2x0xi8>) {
  %y = qnn.concat %a, %b {axis = 1 : i64} : (tensor<2x0xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %r = qnn.sign %a : tensor<2x0xf32>
  %z = qnn.add %y, %b : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %t = qnn.transpose %c {permutation = array<i64: 1, 0, 2>} : tensor<3x2x0xi8> -> tensor<2x3x0xi8>
  %u = qnn.reshape %t : tensor<2x3x0xi8> -> tensor<3x2x0xi8>
  return %r, %z, %u : tensor<2x0xf32>, tensor<2x3xf32>, tensor<3x2x0xi8>
}
