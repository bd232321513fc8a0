// End-to-end integer-form ops (i8 operands, i32 accumulators, rescale) and
// quantized graphs that the pipeline lowers to integers first. Compiled for
// baseline x86-64, x86-64-v3 (AVX2) and the host, compared bit-exactly with
// the naive reference (qnn-ref). Bias and i32 inputs stay in +-2^20.
// RUN: %e2e-check %s %t --mcpu=x86-64
// RUN: %e2e-check %s %t --mcpu=x86-64-v3
// RUN: %e2e-check %s %t

// One input channel (the first layer of an image model).
func.func @conv_c1(%x: tensor<1x1x10x10xi8>, %w: tensor<8x1x3x3xi8>, %b: tensor<8xi32>) -> tensor<1x8x8x8xi32> {
  %y = qnn.conv2d %x, %w, %b : (tensor<1x1x10x10xi8>, tensor<8x1x3x3xi8>, tensor<8xi32>) -> tensor<1x8x8x8xi32>
  return %y : tensor<1x8x8x8xi32>
}

// Odd channel counts, stride 2, asymmetric padding (pads with 0).
func.func @conv_stride2(%x: tensor<1x5x9x11xi8>, %w: tensor<7x5x3x3xi8>, %b: tensor<7xi32>) -> tensor<1x7x5x6xi32> {
  %y = qnn.conv2d %x, %w, %b {strides = array<i64: 2, 2>, padding = array<i64: 1, 2, 1, 0>} : (tensor<1x5x9x11xi8>, tensor<7x5x3x3xi8>, tensor<7xi32>) -> tensor<1x7x5x6xi32>
  return %y : tensor<1x7x5x6xi32>
}

// K = 67 channels (not a multiple of any vector width), 1x1 kernel, N = 33.
func.func @conv_1x1(%x: tensor<1x67x5x7xi8>, %w: tensor<33x67x1x1xi8>) -> tensor<1x33x5x7xi32> {
  %y = qnn.conv2d %x, %w : (tensor<1x67x5x7xi8>, tensor<33x67x1x1xi8>) -> tensor<1x33x5x7xi32>
  return %y : tensor<1x33x5x7xi32>
}

// Depthwise with channel multiplier 2.
func.func @conv_depthwise(%x: tensor<1x4x8x8xi8>, %w: tensor<8x1x3x3xi8>, %b: tensor<8xi32>) -> tensor<1x8x8x8xi32> {
  %y = qnn.conv2d %x, %w, %b {groups = 4 : i64, padding = array<i64: 1, 1, 1, 1>} : (tensor<1x4x8x8xi8>, tensor<8x1x3x3xi8>, tensor<8xi32>) -> tensor<1x8x8x8xi32>
  return %y : tensor<1x8x8x8xi32>
}

// Grouped, dilated.
func.func @conv_groups(%x: tensor<1x8x9x9xi8>, %w: tensor<6x4x3x3xi8>) -> tensor<1x6x5x5xi32> {
  %y = qnn.conv2d %x, %w {groups = 2 : i64, dilations = array<i64: 2, 2>} : (tensor<1x8x9x9xi8>, tensor<6x4x3x3xi8>) -> tensor<1x6x5x5xi32>
  return %y : tensor<1x6x5x5xi32>
}

// Constant weights (the form the integer lowering produces).
func.func @conv_const_weights(%x: tensor<1x2x4x4xi8>) -> tensor<1x3x4x4xi32> {
  %w = arith.constant dense<[[[[127, -128, 3]], [[-1, 0, 5]]], [[[7, 7, 7]], [[-7, -7, -7]]], [[[100, -100, 1]], [[2, -3, 4]]]]> : tensor<3x2x1x3xi8>
  %b = arith.constant dense<[-5, 0, 1000]> : tensor<3xi32>
  %y = qnn.conv2d %x, %w, %b {padding = array<i64: 0, 1, 0, 1>} : (tensor<1x2x4x4xi8>, tensor<3x2x1x3xi8>, tensor<3xi32>) -> tensor<1x3x4x4xi32>
  return %y : tensor<1x3x4x4xi32>
}

func.func @fc(%x: tensor<3x67xi8>, %w: tensor<10x67xi8>, %b: tensor<10xi32>) -> tensor<3x10xi32> {
  %y = qnn.fully_connected %x, %w, %b : (tensor<3x67xi8>, tensor<10x67xi8>, tensor<10xi32>) -> tensor<3x10xi32>
  return %y : tensor<3x10xi32>
}

func.func @matmul(%a: tensor<13x67xi8>, %b: tensor<67x70xi8>) -> tensor<13x70xi32> {
  %y = qnn.matmul %a, %b : (tensor<13x67xi8>, tensor<67x70xi8>) -> tensor<13x70xi32>
  return %y : tensor<13x70xi32>
}

// The three rounding modes, per tensor and per channel, with zero points
// and saturation bounds narrower than the storage range.
func.func @rescale_half_even(%acc: tensor<4x9xi32>) -> tensor<4x9xi8> {
  %y = qnn.rescale %acc rounding half_even {input_zp = 3 : i32, output_zp = -5 : i32, scale = array<f32: 1.5e-4>, min = -100 : i64, max = 127 : i64} : tensor<4x9xi32> -> tensor<4x9xi8>
  return %y : tensor<4x9xi8>
}

func.func @rescale_double_round(%acc: tensor<4x9xi32>) -> tensor<4x9xi8> {
  %y = qnn.rescale %acc rounding double_round {input_zp = 0 : i32, output_zp = -3 : i32, multiplier = array<i32: 1518500250, 1073741824, 2147483647, 1>, shift = array<i8: 45, 40, 50, 20>, axis = 0 : i64, min = -128 : i64, max = 127 : i64} : tensor<4x9xi32> -> tensor<4x9xi8>
  return %y : tensor<4x9xi8>
}

func.func @rescale_single_round(%acc: tensor<4x9xi32>) -> tensor<4x9xi8> {
  %y = qnn.rescale %acc rounding single_round {output_zp = 5 : i32, multiplier = array<i32: 1073741824, 1518500250, 12345, 0>, shift = array<i8: 41, 45, 20, 31>, axis = 0 : i64, min = 5 : i64, max = 127 : i64} : tensor<4x9xi32> -> tensor<4x9xi8>
  return %y : tensor<4x9xi8>
}

func.func @rescale_unsigned(%x: tensor<2x16xi8>) -> tensor<2x16xi8> {
  %y = qnn.rescale %x rounding half_even {input_unsigned, input_zp = 128 : i32, output_zp = 0 : i32, scale = array<f32: 1.0>, min = -128 : i64, max = 127 : i64} : tensor<2x16xi8> -> tensor<2x16xi8>
  return %y : tensor<2x16xi8>
}
