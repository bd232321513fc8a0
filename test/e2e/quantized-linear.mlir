// End-to-end conv2d / fully_connected / matmul in the quantized-type form
// (!quant.uniform operands and results, not the integer form): quant-run
// lowers them (qnn-lower-to-integer) and qnn-ref evaluates the op's
// definition: the integer accumulator of the centered codes, requantized
// half_even with the f32 scale (s_x * s_w) / s_y. Per-axis weights and
// per-axis results (which the lowering expands to dequantize -> float op ->
// quantize); their scales are powers of two, so the float path is exact and
// both roundings agree bit for bit.
// RUN: %e2e-check %s %t --mcpu=x86-64
// RUN: %e2e-check %s %t --mcpu=x86-64-v3
// RUN: %e2e-check %s %t

!x = !quant.uniform<u8:f32, 0.02:120>
!wa = !quant.uniform<i8:f32:0, {0.004, 0.002, 0.006, 0.003}>
!ba = !quant.uniform<i32:f32:0, {8.0e-05, 4.0e-05, 1.2e-04, 6.0e-05}>
!y = !quant.uniform<i8:f32, 0.05:-5>
!x2 = !quant.uniform<i8:f32, 0.015625:-3>
!w2 = !quant.uniform<i8:f32, 0.00390625:2>
!w2a = !quant.uniform<i8:f32:0, {0.00390625, 0.001953125, 0.0078125, 0.00390625}>
!b2a = !quant.uniform<i32:f32:0, {6.103515625e-05, 3.0517578125e-05, 1.220703125e-04, 6.103515625e-05}>
!y2a = !quant.uniform<i8:f32:1, {0.0625:-5, 0.125, 0.0625:3, 0.03125:10}>

// Per-channel weights and bias, per-tensor u8 input with a zero point
// (padding reads it), per-tensor result.
func.func @conv_weight_axis(%x: tensor<1x3x6x6x!x>) -> tensor<1x4x6x6x!y> {
  %w = qnn.constant dense<[[[[32, -62, 62], [-36, 76, 49], [114, 88, 62]], [[39, 109, 8], [-120, 88, -8], [71, 114, -64]], [[39, -114, 103], [-87, -99, -32], [-7, 95, -64]]], [[[-30, 12, -101], [19, -64, -124], [60, -72, -23]], [[-56, -81, 107], [95, 69, -28], [-87, 68, 77]], [[-109, -92, 31], [31, -14, -95], [-94, -127, 121]]], [[[96, -126, -74], [71, -72, 118], [124, -85, 96]], [[-85, -53, -47], [119, -77, 11], [97, 46, 33]], [[-75, -81, 113], [120, 49, -77], [120, 120, 101]]], [[[-29, -51, -122], [-35, -21, -85], [112, -90, -60]], [[-111, -43, -50], [82, 27, 23], [-127, 25, 46]], [[54, -41, -111], [-48, -37, 82], [-49, -4, 51]]]]> : tensor<4x3x3x3xi8> -> tensor<4x3x3x3x!wa>
  %b = qnn.constant dense<[-707, -1244, -29, -65]> : tensor<4xi32> -> tensor<4x!ba>
  %y = qnn.conv2d %x, %w, %b {padding = array<i64: 1, 1, 1, 1>} : (tensor<1x3x6x6x!x>, tensor<4x3x3x3x!wa>, tensor<4x!ba>) -> tensor<1x4x6x6x!y>
  return %y : tensor<1x4x6x6x!y>
}

// Everything per tensor, weights with a zero point, a u8 result, stride 2.
func.func @conv_per_tensor(%x: tensor<1x3x6x6x!x>) -> tensor<1x4x2x2x!quant.uniform<u8:f32, 0.03:128>> {
  %w = qnn.constant dense<[[[[32, -62, 62], [-36, 76, 49], [114, 88, 62]], [[39, 109, 8], [-120, 88, -8], [71, 114, -64]], [[39, -114, 103], [-87, -99, -32], [-7, 95, -64]]], [[[-30, 12, -101], [19, -64, -124], [60, -72, -23]], [[-56, -81, 107], [95, 69, -28], [-87, 68, 77]], [[-109, -92, 31], [31, -14, -95], [-94, -127, 121]]], [[[96, -126, -74], [71, -72, 118], [124, -85, 96]], [[-85, -53, -47], [119, -77, 11], [97, 46, 33]], [[-75, -81, 113], [120, 49, -77], [120, 120, 101]]], [[[-29, -51, -122], [-35, -21, -85], [112, -90, -60]], [[-111, -43, -50], [82, 27, 23], [-127, 25, 46]], [[54, -41, -111], [-48, -37, 82], [-49, -4, 51]]]]> : tensor<4x3x3x3xi8> -> tensor<4x3x3x3x!quant.uniform<i8:f32, 0.005:3>>
  %y = qnn.conv2d %x, %w {strides = array<i64: 2, 2>} : (tensor<1x3x6x6x!x>, tensor<4x3x3x3x!quant.uniform<i8:f32, 0.005:3>>) -> tensor<1x4x2x2x!quant.uniform<u8:f32, 0.03:128>>
  return %y : tensor<1x4x2x2x!quant.uniform<u8:f32, 0.03:128>>
}

// Per-tensor weights, per-channel result scales and zero points.
func.func @conv_result_axis(%x: tensor<1x3x6x6x!x2>) -> tensor<1x4x6x6x!y2a> {
  %w = qnn.constant dense<[[[[32, -62, 62], [-36, 76, 49], [114, 88, 62]], [[39, 109, 8], [-120, 88, -8], [71, 114, -64]], [[39, -114, 103], [-87, -99, -32], [-7, 95, -64]]], [[[-30, 12, -101], [19, -64, -124], [60, -72, -23]], [[-56, -81, 107], [95, 69, -28], [-87, 68, 77]], [[-109, -92, 31], [31, -14, -95], [-94, -127, 121]]], [[[96, -126, -74], [71, -72, 118], [124, -85, 96]], [[-85, -53, -47], [119, -77, 11], [97, 46, 33]], [[-75, -81, 113], [120, 49, -77], [120, 120, 101]]], [[[-29, -51, -122], [-35, -21, -85], [112, -90, -60]], [[-111, -43, -50], [82, 27, 23], [-127, 25, 46]], [[54, -41, -111], [-48, -37, 82], [-49, -4, 51]]]]> : tensor<4x3x3x3xi8> -> tensor<4x3x3x3x!w2>
  %b = qnn.constant dense<[-707, -1244, -29, -65]> : tensor<4xi32> -> tensor<4x!quant.uniform<i32:f32, 6.103515625e-05>>
  %y = qnn.conv2d %x, %w, %b {padding = array<i64: 1, 1, 1, 1>} : (tensor<1x3x6x6x!x2>, tensor<4x3x3x3x!w2>, tensor<4x!quant.uniform<i32:f32, 6.103515625e-05>>) -> tensor<1x4x6x6x!y2a>
  return %y : tensor<1x4x6x6x!y2a>
}

// Per-channel weights, bias and result; stride 2, asymmetric padding.
func.func @conv_both_axis(%x: tensor<1x3x6x6x!x2>) -> tensor<1x4x3x3x!y2a> {
  %w = qnn.constant dense<[[[[32, -62, 62], [-36, 76, 49], [114, 88, 62]], [[39, 109, 8], [-120, 88, -8], [71, 114, -64]], [[39, -114, 103], [-87, -99, -32], [-7, 95, -64]]], [[[-30, 12, -101], [19, -64, -124], [60, -72, -23]], [[-56, -81, 107], [95, 69, -28], [-87, 68, 77]], [[-109, -92, 31], [31, -14, -95], [-94, -127, 121]]], [[[96, -126, -74], [71, -72, 118], [124, -85, 96]], [[-85, -53, -47], [119, -77, 11], [97, 46, 33]], [[-75, -81, 113], [120, 49, -77], [120, 120, 101]]], [[[-29, -51, -122], [-35, -21, -85], [112, -90, -60]], [[-111, -43, -50], [82, 27, 23], [-127, 25, 46]], [[54, -41, -111], [-48, -37, 82], [-49, -4, 51]]]]> : tensor<4x3x3x3xi8> -> tensor<4x3x3x3x!w2a>
  %b = qnn.constant dense<[-707, -1244, -29, -65]> : tensor<4xi32> -> tensor<4x!b2a>
  %y = qnn.conv2d %x, %w, %b {strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 0, 0>} : (tensor<1x3x6x6x!x2>, tensor<4x3x3x3x!w2a>, tensor<4x!b2a>) -> tensor<1x4x3x3x!y2a>
  return %y : tensor<1x4x3x3x!y2a>
}

// Per-channel weights with a float result (acc * s_x * s_w[o]) and with
// the raw i32 accumulator.
func.func @conv_weight_axis_f32(%x: tensor<1x3x6x6x!x>) -> tensor<1x4x4x4xf32> {
  %w = qnn.constant dense<[[[[32, -62, 62], [-36, 76, 49], [114, 88, 62]], [[39, 109, 8], [-120, 88, -8], [71, 114, -64]], [[39, -114, 103], [-87, -99, -32], [-7, 95, -64]]], [[[-30, 12, -101], [19, -64, -124], [60, -72, -23]], [[-56, -81, 107], [95, 69, -28], [-87, 68, 77]], [[-109, -92, 31], [31, -14, -95], [-94, -127, 121]]], [[[96, -126, -74], [71, -72, 118], [124, -85, 96]], [[-85, -53, -47], [119, -77, 11], [97, 46, 33]], [[-75, -81, 113], [120, 49, -77], [120, 120, 101]]], [[[-29, -51, -122], [-35, -21, -85], [112, -90, -60]], [[-111, -43, -50], [82, 27, 23], [-127, 25, 46]], [[54, -41, -111], [-48, -37, 82], [-49, -4, 51]]]]> : tensor<4x3x3x3xi8> -> tensor<4x3x3x3x!wa>
  %b = qnn.constant dense<[-707, -1244, -29, -65]> : tensor<4xi32> -> tensor<4x!ba>
  %y = qnn.conv2d %x, %w, %b : (tensor<1x3x6x6x!x>, tensor<4x3x3x3x!wa>, tensor<4x!ba>) -> tensor<1x4x4x4xf32>
  return %y : tensor<1x4x4x4xf32>
}

func.func @conv_weight_axis_i32(%x: tensor<1x3x6x6x!x>) -> tensor<1x4x4x4xi32> {
  %w = qnn.constant dense<[[[[32, -62, 62], [-36, 76, 49], [114, 88, 62]], [[39, 109, 8], [-120, 88, -8], [71, 114, -64]], [[39, -114, 103], [-87, -99, -32], [-7, 95, -64]]], [[[-30, 12, -101], [19, -64, -124], [60, -72, -23]], [[-56, -81, 107], [95, 69, -28], [-87, 68, 77]], [[-109, -92, 31], [31, -14, -95], [-94, -127, 121]]], [[[96, -126, -74], [71, -72, 118], [124, -85, 96]], [[-85, -53, -47], [119, -77, 11], [97, 46, 33]], [[-75, -81, 113], [120, 49, -77], [120, 120, 101]]], [[[-29, -51, -122], [-35, -21, -85], [112, -90, -60]], [[-111, -43, -50], [82, 27, 23], [-127, 25, 46]], [[54, -41, -111], [-48, -37, 82], [-49, -4, 51]]]]> : tensor<4x3x3x3xi8> -> tensor<4x3x3x3x!wa>
  %y = qnn.conv2d %x, %w : (tensor<1x3x6x6x!x>, tensor<4x3x3x3x!wa>) -> tensor<1x4x4x4xi32>
  return %y : tensor<1x4x4x4xi32>
}

// fully_connected with per-channel weights and result.
func.func @fc_axis(%x: tensor<2x12x!quant.uniform<i8:f32, 0.03125:-4>>) -> tensor<2x5x!quant.uniform<i8:f32:1, {0.25:1, 0.125, 0.25:-2, 0.0625, 0.125:7}>> {
  %w = qnn.constant dense<[[80, -55, -86, -35, -95, 91, -9, 3, -96, 40, 7, -7], [-4, 48, -98, 15, -89, 81, -54, 59, -50, -70, 93, -38], [18, -12, 31, -10, 34, -36, 98, 18, -73, 50, 91, 99], [-6, -25, -91, 10, -77, -47, -13, 31, 56, -8, -63, -13], [-30, 79, 39, -77, -21, 75, -19, -22, -55, -80, 60, -62]]> : tensor<5x12xi8> -> tensor<5x12x!quant.uniform<i8:f32:0, {0.0078125, 0.015625, 0.0078125, 0.00390625, 0.015625}>>
  %y = qnn.fully_connected %x, %w : (tensor<2x12x!quant.uniform<i8:f32, 0.03125:-4>>, tensor<5x12x!quant.uniform<i8:f32:0, {0.0078125, 0.015625, 0.0078125, 0.00390625, 0.015625}>>) -> tensor<2x5x!quant.uniform<i8:f32:1, {0.25:1, 0.125, 0.25:-2, 0.0625, 0.125:7}>>
  return %y : tensor<2x5x!quant.uniform<i8:f32:1, {0.25:1, 0.125, 0.25:-2, 0.0625, 0.125:7}>>
}

// Batched matmul, right-hand side quantized per column (its last axis),
// per-tensor result.
func.func @matmul_axis(%a: tensor<2x3x8x!quant.uniform<i8:f32, 0.02:5>>) -> tensor<2x3x5x!quant.uniform<i8:f32, 0.04:-1>> {
  %b = qnn.constant dense<[[80, -55, -86, -35, -95], [91, -9, 3, -96, 40], [7, -7, -4, 48, -98], [15, -89, 81, -54, 59], [-50, -70, 93, -38, 18], [-12, 31, -10, 34, -36], [98, 18, -73, 50, 91], [99, -6, -25, -91, 10]]> : tensor<8x5xi8> -> tensor<8x5x!quant.uniform<i8:f32:1, {0.01, 0.02, 0.015, 0.005, 0.012}>>
  %y = qnn.matmul %a, %b : (tensor<2x3x8x!quant.uniform<i8:f32, 0.02:5>>, tensor<8x5x!quant.uniform<i8:f32:1, {0.01, 0.02, 0.015, 0.005, 0.012}>>) -> tensor<2x3x5x!quant.uniform<i8:f32, 0.04:-1>>
  return %y : tensor<2x3x5x!quant.uniform<i8:f32, 0.04:-1>>
}
