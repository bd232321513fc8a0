// End-to-end data movement (float): reshape, transpose, concat, pad.
// RUN: %e2e-check %s %t --mcpu=x86-64
// RUN: %e2e-check %s %t

func.func @reshape(%x: tensor<2x3x4xf32>) -> (tensor<4x6xf32>, tensor<24xf32>, tensor<1x2x1x12xf32>) {
  %a = qnn.reshape %x : tensor<2x3x4xf32> -> tensor<4x6xf32>
  %b = qnn.reshape %x : tensor<2x3x4xf32> -> tensor<24xf32>
  %c = qnn.reshape %b : tensor<24xf32> -> tensor<1x2x1x12xf32>
  return %a, %b, %c : tensor<4x6xf32>, tensor<24xf32>, tensor<1x2x1x12xf32>
}

func.func @transpose(%x: tensor<1x3x5x7xf32>) -> tensor<1x5x7x3xf32> {
  %y = qnn.transpose %x {permutation = array<i64: 0, 2, 3, 1>} : tensor<1x3x5x7xf32> -> tensor<1x5x7x3xf32>
  return %y : tensor<1x5x7x3xf32>
}

func.func @concat(%a: tensor<1x2x3x3xf32>, %b: tensor<1x5x3x3xf32>, %c: tensor<1x1x3x3xf32>) -> (tensor<1x8x3x3xf32>, tensor<1x2x3x6xf32>) {
  %y = qnn.concat %a, %b, %c {axis = 1 : i64} : (tensor<1x2x3x3xf32>, tensor<1x5x3x3xf32>, tensor<1x1x3x3xf32>) -> tensor<1x8x3x3xf32>
  %z = qnn.concat %a, %a {axis = 3 : i64} : (tensor<1x2x3x3xf32>, tensor<1x2x3x3xf32>) -> tensor<1x2x3x6xf32>
  return %y, %z : tensor<1x8x3x3xf32>, tensor<1x2x3x6xf32>
}

// Asymmetric padding with a nonzero value.
func.func @pad(%x: tensor<1x2x3x4xf32>) -> tensor<2x2x6x5xf32> {
  %y = qnn.pad %x {pads = array<i64: 1, 0, 2, 0, 0, 0, 1, 1>, value = 0.5 : f64} : tensor<1x2x3x4xf32> -> tensor<2x2x6x5xf32>
  return %y : tensor<2x2x6x5xf32>
}
