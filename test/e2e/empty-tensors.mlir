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

// Linear ops without rows: the kernel passes leave them to the generic
// lowering (the kernel plan divided by the zero row count), whose tiling
// leaves them to the scalar loops.
func.func @linear(%x: tensor<0x4xf32>, %q: tensor<0x4xi8>) -> (tensor<0x3xf32>, tensor<0x3xf32>, tensor<0x3xi32>) {
  %w = arith.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0], [1.0, 0.5, 0.25]]> : tensor<4x3xf32>
  %m = qnn.matmul %x, %w : (tensor<0x4xf32>, tensor<4x3xf32>) -> tensor<0x3xf32>
  %wt = arith.constant dense<[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [9.0, 1.0, 0.5, 0.25]]> : tensor<3x4xf32>
  %b = arith.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf32>
  %f = qnn.fully_connected %x, %wt, %b : (tensor<0x4xf32>, tensor<3x4xf32>, tensor<3xf32>) -> tensor<0x3xf32>
  %wi = arith.constant dense<[[1, -2, 3, -4], [5, -6, 7, -8], [9, -10, 11, -12]]> : tensor<3x4xi8>
  %i = qnn.fully_connected %q, %wi : (tensor<0x4xi8>, tensor<3x4xi8>) -> tensor<0x3xi32>
  return %m, %f, %i : tensor<0x3xf32>, tensor<0x3xf32>, tensor<0x3xi32>
}
