// Integer kernels at the edges of their ranges: every input at its minimum,
// at its maximum, and drawn from the boundary values (qnn-ref
// --pattern=edges: lo, lo + 1, -1, 0, 1, hi - 1, hi), so accumulators
// reach the i32 limits. K = 131071 is the longest i8 reduction whose
// products (at most 128 * 128 = 2^14 each) cannot overflow i32; one more
// and the sum wraps around modulo 2^32 (the integer form's definition,
// as ONNX Runtime's MatMulInteger), in every kernel (pmaddwd, pmaddubsw,
// VNNI, scalar) alike. Compared bit-exactly with qnn-ref.
// RUN: env PATTERNS="min max edges" %e2e-check %s %t
// RUN: env PATTERNS="min max" %e2e-check %s %t --mcpu=x86-64

// Run-time weights (no packed kernel).
func.func @k_bound(%x: tensor<1x131071xi8>, %w: tensor<131071x3xi8>) -> tensor<1x3xi32> {
  %y = qnn.matmul %x, %w : (tensor<1x131071xi8>, tensor<131071x3xi8>) -> tensor<1x3xi32>
  return %y : tensor<1x3xi32>
}

// Constant weights at -128: the packed kernels with the largest products.
func.func @k_bound_const(%x: tensor<2x131071xi8>) -> tensor<2x17xi32> {
  %w = arith.constant dense<-128> : tensor<131071x17xi8>
  %y = qnn.matmul %x, %w : (tensor<2x131071xi8>, tensor<131071x17xi8>) -> tensor<2x17xi32>
  return %y : tensor<2x17xi32>
}

// Constant weights at 127 (the exact pmaddubsw path where it applies).
func.func @k_bound_const_pos(%x: tensor<3x131071xi8>) -> tensor<3x9xi32> {
  %w = arith.constant dense<127> : tensor<9x131071xi8>
  %y = qnn.fully_connected %x, %w : (tensor<3x131071xi8>, tensor<9x131071xi8>) -> tensor<3x9xi32>
  return %y : tensor<3x9xi32>
}

// K = 131073: the sums of the min and max patterns wrap around.
func.func @k_over(%x: tensor<1x131073xi8>, %w: tensor<131073x3xi8>) -> tensor<1x3xi32> {
  %y = qnn.matmul %x, %w : (tensor<1x131073xi8>, tensor<131073x3xi8>) -> tensor<1x3xi32>
  return %y : tensor<1x3xi32>
}

func.func @k_over_const(%x: tensor<2x131073xi8>) -> tensor<2x5xi32> {
  %w = arith.constant dense<-128> : tensor<131073x5xi8>
  %y = qnn.matmul %x, %w : (tensor<2x131073xi8>, tensor<131073x5xi8>) -> tensor<2x5xi32>
  return %y : tensor<2x5xi32>
}

// i16 codes: a pmaddwd pair of (-32768)^2 products is 2^31, which wraps.
func.func @i16_pairs(%x: tensor<2x64xi16>) -> tensor<2x8xi32> {
  %w = arith.constant dense<-32768> : tensor<64x8xi16>
  %y = qnn.matmul %x, %w : (tensor<2x64xi16>, tensor<64x8xi16>) -> tensor<2x8xi32>
  return %y : tensor<2x8xi32>
}

// A conv with a bias at the i32 limit and i8 taps at the extremes.
func.func @conv_bias_limit(%x: tensor<1x16x6x6xi8>) -> tensor<1x4x4x4xi32> {
  %w = arith.constant dense<-128> : tensor<4x16x3x3xi8>
  %b = arith.constant dense<[2147483647, -2147483648, 0, 2147000000]> : tensor<4xi32>
  %y = qnn.conv2d %x, %w, %b : (tensor<1x16x6x6xi8>, tensor<4x16x3x3xi8>, tensor<4xi32>) -> tensor<1x4x4x4xi32>
  return %y : tensor<1x4x4x4xi32>
}
