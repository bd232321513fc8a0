// End-to-end ops that ONNX graphs need beyond the quantized path: plain
// integer arithmetic (int_add, int_sub, int_mul, int_div, int_clamp;
// wrap-around, truncating and unsigned forms), edge and reflect padding,
// and max_pool2d_indices (row- and column-major flat indices, ties to the
// first element). Compared with qnn-ref: integers bit-exact, floats within
// 1e-5 relative. i8 inputs cover their whole range (so sums and products
// wrap), i32 ones +-2^20 (products wrap).
// RUN: %e2e-check %s %t --mcpu=x86-64
// RUN: %e2e-check %s %t
// Boundary values, signed zeros, denormals, +-inf and NaN (propagated):
// RUN: env PATTERNS=edges GEN_OPTS=--nonfinite %e2e-check %s %t

// Signed i8 with broadcasting.
func.func @int8_signed(%a: tensor<3x4x5xi8>, %b: tensor<4x1xi8>)
    -> (tensor<3x4x5xi8>, tensor<3x4x5xi8>, tensor<3x4x5xi8>, tensor<3x4x5xi8>) {
  %0 = qnn.int_add %a, %b : (tensor<3x4x5xi8>, tensor<4x1xi8>) -> tensor<3x4x5xi8>
  %1 = qnn.int_sub %b, %a : (tensor<4x1xi8>, tensor<3x4x5xi8>) -> tensor<3x4x5xi8>
  %2 = qnn.int_mul %a, %b : (tensor<3x4x5xi8>, tensor<4x1xi8>) -> tensor<3x4x5xi8>
  %3 = qnn.int_div %a, %b : (tensor<3x4x5xi8>, tensor<4x1xi8>) -> tensor<3x4x5xi8>
  return %0, %1, %2, %3 : tensor<3x4x5xi8>, tensor<3x4x5xi8>, tensor<3x4x5xi8>, tensor<3x4x5xi8>
}

// Unsigned (ONNX uint8): division and clamping read the bits as unsigned.
func.func @uint8(%a: tensor<6x7xi8>, %b: tensor<6x7xi8>)
    -> (tensor<6x7xi8>, tensor<6x7xi8>, tensor<6x7xi8>) {
  %0 = qnn.int_add %a, %b {is_unsigned} : (tensor<6x7xi8>, tensor<6x7xi8>) -> tensor<6x7xi8>
  %1 = qnn.int_div %a, %b {is_unsigned} : (tensor<6x7xi8>, tensor<6x7xi8>) -> tensor<6x7xi8>
  %2 = qnn.int_clamp %a {min = 20 : i64, max = 200 : i64, is_unsigned} : tensor<6x7xi8>
  return %0, %1, %2 : tensor<6x7xi8>, tensor<6x7xi8>, tensor<6x7xi8>
}

// i32: products wrap around modulo 2^32; division by a scalar.
func.func @int32(%a: tensor<4x9xi32>, %b: tensor<9xi32>, %s: tensor<i32>)
    -> (tensor<4x9xi32>, tensor<4x9xi32>, tensor<4x9xi32>) {
  %0 = qnn.int_mul %a, %b : (tensor<4x9xi32>, tensor<9xi32>) -> tensor<4x9xi32>
  %1 = qnn.int_div %a, %s : (tensor<4x9xi32>, tensor<i32>) -> tensor<4x9xi32>
  %2 = qnn.int_clamp %a {min = -1000 : i64, max = 5000 : i64} : tensor<4x9xi32>
  return %0, %1, %2 : tensor<4x9xi32>, tensor<4x9xi32>, tensor<4x9xi32>
}

// Edge and reflect padding, float and integer, up to size - 1 for reflect.
func.func @pad_modes(%x: tensor<1x3x4x5xf32>, %q: tensor<3x4xi8>)
    -> (tensor<1x3x7x9xf32>, tensor<1x3x7x9xf32>, tensor<6x7xi8>, tensor<6x7xi8>) {
  %0 = qnn.pad %x mode edge {pads = array<i64: 0, 0, 1, 2, 0, 0, 2, 2>} : tensor<1x3x4x5xf32> -> tensor<1x3x7x9xf32>
  %1 = qnn.pad %x mode reflect {pads = array<i64: 0, 0, 3, 4, 0, 0, 0, 0>} : tensor<1x3x4x5xf32> -> tensor<1x3x7x9xf32>
  %2 = qnn.pad %q mode edge {pads = array<i64: 2, 0, 1, 3>} : tensor<3x4xi8> -> tensor<6x7xi8>
  %3 = qnn.pad %q mode reflect {pads = array<i64: 1, 2, 2, 1>} : tensor<3x4xi8> -> tensor<6x7xi8>
  return %0, %1, %2, %3 : tensor<1x3x7x9xf32>, tensor<1x3x7x9xf32>, tensor<6x7xi8>, tensor<6x7xi8>
}

// Indices next to the maximum: padding, strides, dilations, ceil mode.
func.func @max_indices(%x: tensor<2x3x7x8xf32>)
    -> (tensor<2x3x4x4xf32>, tensor<2x3x4x4xi64>, tensor<2x3x4x4xi64>) {
  %y = qnn.max_pool2d %x {kernel = array<i64: 3, 2>, strides = array<i64: 2, 2>, padding = array<i64: 1, 0, 1, 1>} : tensor<2x3x7x8xf32> -> tensor<2x3x4x4xf32>
  %i = qnn.max_pool2d_indices %x {kernel = array<i64: 3, 2>, strides = array<i64: 2, 2>, padding = array<i64: 1, 0, 1, 1>} : tensor<2x3x7x8xf32> -> tensor<2x3x4x4xi64>
  %c = qnn.max_pool2d_indices %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, dilations = array<i64: 1, 2>, ceil_mode, column_major} : tensor<2x3x7x8xf32> -> tensor<2x3x4x4xi64>
  return %y, %i, %c : tensor<2x3x4x4xf32>, tensor<2x3x4x4xi64>, tensor<2x3x4x4xi64>
}

// i8 values tie often: the first maximum in row-major window order wins.
func.func @max_indices_ties(%x: tensor<1x2x6x6xi8>) -> tensor<1x2x5x5xi64> {
  %i = qnn.max_pool2d_indices %x {kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>, padding = array<i64: 1, 1, 0, 0>} : tensor<1x2x6x6xi8> -> tensor<1x2x5x5xi64>
  return %i : tensor<1x2x5x5xi64>
}
