// RUN: quant-opt %s -qnn-lower-to-integer -split-input-file | FileCheck %s
// RUN: quant-opt %s -qnn-lower-to-integer=rounding=single_round -split-input-file | FileCheck %s --check-prefix=SINGLE

// u8 input (zero point 128) is read as signed codes q - 128 with zero point
// 0, so no input correction enters the bias; per-channel scales become the
// rescale's f32 scales (0.02 * 0.5 / 0.1 and 0.02 * 0.25 / 0.1 in f32), and
// ReLU6 narrows its bounds to [q(0), q(6)] = [-5, 55].
// CHECK-LABEL: func.func @conv_u8_relu6
// CHECK-SAME: (%[[ARG:.*]]: tensor<1x3x4x4x!quant.uniform<u8:f32, 2.000000e-02:128>>)
// CHECK: %[[RAW:.*]] = quant.scast %[[ARG]] : {{.*}} to tensor<1x3x4x4xi8>
// CHECK: %[[X:.*]] = qnn.rescale %[[RAW]] rounding half_even {input_unsigned, input_zp = 128 : i32, max = 127 : i64, min = -128 : i64, scale = array<f32: 1.000000e+00>}
// CHECK: %[[W:.*]] = qnn.constant dense<{{.*}}> : tensor<2x3x1x1xi8> -> tensor<2x3x1x1xi8>
// CHECK: %[[B:.*]] = qnn.constant dense<[100, -7]> : tensor<2xi32> -> tensor<2xi32>
// CHECK: %[[ACC:.*]] = qnn.conv2d %[[X]], %[[W]], %[[B]] : {{.*}} -> tensor<1x2x4x4xi32>
// CHECK: %[[Y:.*]] = qnn.rescale %[[ACC]] rounding half_even {axis = 1 : i64, max = 55 : i64, min = -5 : i64, output_zp = -5 : i32, scale = array<f32: 0.099999994, 0.049999997>} : tensor<1x2x4x4xi32> -> tensor<1x2x4x4xi8>
// CHECK: %[[P:.*]] = qnn.max_pool2d %[[Y]]
// CHECK: %[[R:.*]] = quant.scast %[[P]] : tensor<1x2x2x2xi8> to tensor<1x2x2x2x!quant.uniform<i8:f32, 1.000000e-01:-5>>
// CHECK-NEXT: return %[[R]]
!x = !quant.uniform<u8:f32, 0.02:128>
!w = !quant.uniform<i8:f32:0, {0.5, 0.25}>
!b = !quant.uniform<i32:f32:0, {0.01, 0.005}>
!y = !quant.uniform<i8:f32, 0.1:-5>
func.func @conv_u8_relu6(%x: tensor<1x3x4x4x!x>) -> tensor<1x2x2x2x!y> {
  %w = qnn.constant dense<[[[[1]], [[-2]], [[3]]], [[[4]], [[5]], [[-6]]]]> : tensor<2x3x1x1xi8> -> tensor<2x3x1x1x!w>
  %b = qnn.constant dense<[100, -7]> : tensor<2xi32> -> tensor<2x!b>
  %c = qnn.conv2d %x, %w, %b : (tensor<1x3x4x4x!x>, tensor<2x3x1x1x!w>, tensor<2x!b>) -> tensor<1x2x4x4x!y>
  %r = qnn.clamp %c {min = 0.0 : f32, max = 6.0 : f32} : tensor<1x2x4x4x!y>
  %p = qnn.max_pool2d %r {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : tensor<1x2x4x4x!y> -> tensor<1x2x2x2x!y>
  return %p : tensor<1x2x2x2x!y>
}

// -----

// Input zero point 3 with padding: the input is padded with 3 (real 0)
// explicitly, and -3 * sum(w) = -3 * 10 = -30 becomes the bias.
// CHECK-LABEL: func.func @conv_input_zero_point
// CHECK: %[[X:.*]] = quant.scast
// CHECK: %[[W:.*]] = qnn.constant dense<{{\[\[\[\[}}1, 2], [3, 4]]]]> : tensor<1x1x2x2xi8>
// CHECK: %[[B:.*]] = qnn.constant dense<-30> : tensor<1xi32>
// CHECK: %[[XP:.*]] = qnn.pad %[[X]] {pads = array<i64: 0, 0, 1, 1, 0, 0, 1, 1>, value = 3.000000e+00 : f64} : tensor<1x1x3x3xi8> -> tensor<1x1x5x5xi8>
// CHECK: %[[ACC:.*]] = qnn.conv2d %[[XP]], %[[W]], %[[B]] : (tensor<1x1x5x5xi8>
// CHECK: qnn.rescale %[[ACC]] rounding half_even {max = 127 : i64, min = -128 : i64, scale = array<f32: 1.250000e-01>}
func.func @conv_input_zero_point(%x: tensor<1x1x3x3x!quant.uniform<i8:f32, 0.5:3>>) -> tensor<1x1x4x4x!quant.uniform<i8:f32, 1.0>> {
  %w = qnn.constant dense<[[[[1, 2], [3, 4]]]]> : tensor<1x1x2x2xi8> -> tensor<1x1x2x2x!quant.uniform<i8:f32, 0.25>>
  %c = qnn.conv2d %x, %w {padding = array<i64: 1, 1, 1, 1>} : (tensor<1x1x3x3x!quant.uniform<i8:f32, 0.5:3>>, tensor<1x1x2x2x!quant.uniform<i8:f32, 0.25>>) -> tensor<1x1x4x4x!quant.uniform<i8:f32, 1.0>>
  return %c : tensor<1x1x4x4x!quant.uniform<i8:f32, 1.0>>
}

// -----

// u8 weights with zero point 0: w - zw needs 9 bits, so the centered
// weights are i16; the result stays float: the i32 accumulator is
// dequantized at scale 0.5 * 0.25.
// CHECK-LABEL: func.func @fc_u8_weights_float_result
// CHECK: %[[W:.*]] = qnn.constant dense<{{\[\[}}0, 255]]> : tensor<1x2xi16>
// CHECK: %[[ACC:.*]] = qnn.fully_connected %{{.*}}, %[[W]] : (tensor<1x2xi8>, tensor<1x2xi16>) -> tensor<1x1xi32>
// CHECK: %[[Q:.*]] = quant.scast %[[ACC]] : tensor<1x1xi32> to tensor<1x1x!quant.uniform<i32:f32, 1.250000e-01>>
// CHECK: %[[F:.*]] = qnn.dequantize %[[Q]]
// CHECK-NEXT: return %[[F]]
func.func @fc_u8_weights_float_result(%x: tensor<1x2x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x1xf32> {
  %w = qnn.constant dense<[[0, 255]]> : tensor<1x2xui8> -> tensor<1x2x!quant.uniform<u8:f32, 0.25>>
  %y = qnn.fully_connected %x, %w : (tensor<1x2x!quant.uniform<i8:f32, 0.5>>, tensor<1x2x!quant.uniform<u8:f32, 0.25>>) -> tensor<1x1xf32>
  return %y : tensor<1x1xf32>
}

// -----

// An i32 result is the accumulator itself (ConvInteger / MatMulInteger).
// CHECK-LABEL: func.func @matmul_i32_result
// CHECK: %[[ACC:.*]] = qnn.matmul %{{.*}}, %{{.*}} : (tensor<2x3xi8>, tensor<3x2xi8>) -> tensor<2x2xi32>
// CHECK-NEXT: return %[[ACC]]
func.func @matmul_i32_result(%x: tensor<2x3x!quant.uniform<i8:f32, 0.5>>) -> tensor<2x2xi32> {
  %w = qnn.constant dense<1> : tensor<3x2xi8> -> tensor<3x2x!quant.uniform<i8:f32, 0.5>>
  %y = qnn.matmul %x, %w : (tensor<2x3x!quant.uniform<i8:f32, 0.5>>, tensor<3x2x!quant.uniform<i8:f32, 0.5>>) -> tensor<2x2xi32>
  return %y : tensor<2x2xi32>
}

// -----

// A matmul whose input zero point is not 0 has no bias to carry the
// correction: its input is centered at run time (q - z, exact in i16) and
// the weights are widened to match.
// CHECK-LABEL: func.func @matmul_zero_point_centered
// CHECK: %[[XC:.*]] = qnn.rescale %{{.*}} rounding half_even {input_zp = 1 : i32, max = 32767 : i64, min = -32768 : i64, scale = array<f32: 1.000000e+00>} : tensor<2x3xi8> -> tensor<2x3xi16>
// CHECK: %[[W:.*]] = qnn.constant dense<1> : tensor<3x2xi16> -> tensor<3x2xi16>
// CHECK: %[[ACC:.*]] = qnn.matmul %[[XC]], %[[W]] : (tensor<2x3xi16>, tensor<3x2xi16>) -> tensor<2x2xi32>
// CHECK: qnn.rescale %[[ACC]] rounding half_even {max = 127 : i64, min = -128 : i64, scale = array<f32: 2.500000e-01>}
func.func @matmul_zero_point_centered(%x: tensor<2x3x!quant.uniform<i8:f32, 0.5:1>>) -> tensor<2x2x!quant.uniform<i8:f32, 1.0>> {
  %w = qnn.constant dense<1> : tensor<3x2xi8> -> tensor<3x2x!quant.uniform<i8:f32, 0.5>>
  %y = qnn.matmul %x, %w : (tensor<2x3x!quant.uniform<i8:f32, 0.5:1>>, tensor<3x2x!quant.uniform<i8:f32, 0.5>>) -> tensor<2x2x!quant.uniform<i8:f32, 1.0>>
  return %y : tensor<2x2x!quant.uniform<i8:f32, 1.0>>
}

// -----

// requantize -> rescale with M = f32(0.5 / 0.2); the u8 result is
// materialized back at the boundary (q + 128, read unsigned).
// CHECK-LABEL: func.func @requantize_to_u8
// CHECK: %[[R:.*]] = qnn.rescale %{{.*}} rounding half_even {input_zp = 2 : i32, max = 127 : i64, min = -128 : i64, output_zp = -118 : i32, scale = array<f32: 2.500000e+00>}
// CHECK: %[[U:.*]] = qnn.rescale %[[R]] rounding half_even {max = 255 : i64, min = 0 : i64, output_unsigned, output_zp = 128 : i32, scale = array<f32: 1.000000e+00>}
// CHECK: %[[Q:.*]] = quant.scast %[[U]] : tensor<4xi8> to tensor<4x!quant.uniform<u8:f32, 2.000000e-01:10>>
// CHECK-NEXT: return %[[Q]]
func.func @requantize_to_u8(%x: tensor<4x!quant.uniform<i8:f32, 0.5:2>>) -> tensor<4x!quant.uniform<u8:f32, 0.2:10>> {
  %r = qnn.requantize %x rounding half_even : tensor<4x!quant.uniform<i8:f32, 0.5:2>> -> tensor<4x!quant.uniform<u8:f32, 0.2:10>>
  return %r : tensor<4x!quant.uniform<u8:f32, 0.2:10>>
}

// -----

// A clamp whose input has another user cannot narrow the producer's
// bounds: it becomes an identity rescale with the clamped bounds.
// CHECK-LABEL: func.func @clamp_shared_input
// CHECK: %[[R:.*]] = qnn.rescale %{{.*}} rounding half_even {max = 127 : i64, min = -128 : i64, scale = array<f32: 2.000000e+00>}
// CHECK: %[[C:.*]] = qnn.rescale %[[R]] rounding half_even {max = 127 : i64, min = 0 : i64, scale = array<f32: 1.000000e+00>}
func.func @clamp_shared_input(%x: tensor<4x!quant.uniform<i8:f32, 0.5>>) -> (tensor<4x!quant.uniform<i8:f32, 0.25>>, tensor<4x!quant.uniform<i8:f32, 0.25>>) {
  %r = qnn.requantize %x rounding half_even : tensor<4x!quant.uniform<i8:f32, 0.5>> -> tensor<4x!quant.uniform<i8:f32, 0.25>>
  %c = qnn.clamp %r {min = 0.0 : f32, max = 100.0 : f32} : tensor<4x!quant.uniform<i8:f32, 0.25>>
  return %r, %c : tensor<4x!quant.uniform<i8:f32, 0.25>>, tensor<4x!quant.uniform<i8:f32, 0.25>>
}

// -----

// Concat: the input with other parameters is rescaled to the result's.
// CHECK-LABEL: func.func @concat_mixed_scales
// CHECK-DAG: %[[A:.*]] = quant.scast %arg0
// CHECK-DAG: %[[B0:.*]] = quant.scast %arg1
// CHECK: %[[B:.*]] = qnn.rescale %[[B0]] rounding half_even {max = 127 : i64, min = -128 : i64, scale = array<f32: 2.000000e+00>}
// CHECK: qnn.concat %[[A]], %[[B]] {axis = 0 : i64} : (tensor<2xi8>, tensor<2xi8>) -> tensor<4xi8>
func.func @concat_mixed_scales(%a: tensor<2x!quant.uniform<i8:f32, 0.5>>, %b: tensor<2x!quant.uniform<i8:f32, 1.0>>) -> tensor<4x!quant.uniform<i8:f32, 0.5>> {
  %c = qnn.concat %a, %b {axis = 0 : i64} : (tensor<2x!quant.uniform<i8:f32, 0.5>>, tensor<2x!quant.uniform<i8:f32, 1.0>>) -> tensor<4x!quant.uniform<i8:f32, 0.5>>
  return %c : tensor<4x!quant.uniform<i8:f32, 0.5>>
}

// -----

// A clamp whose bounds cover every code (ReLU6 on a type calibrated to
// [0, 6]: q(0) = -128, q(6) = 127) lowers to nothing.
// CHECK-LABEL: func.func @clamp_covering
// CHECK-SAME: (%[[X:.*]]: tensor
// CHECK-NEXT: return %[[X]]
func.func @clamp_covering(%x: tensor<4x!quant.uniform<i8:f32, 0.023529412224888802:-128>>) -> tensor<4x!quant.uniform<i8:f32, 0.023529412224888802:-128>> {
  %c = qnn.clamp %x {min = 0.0 : f32, max = 6.0 : f32} : tensor<4x!quant.uniform<i8:f32, 0.023529412224888802:-128>>
  return %c : tensor<4x!quant.uniform<i8:f32, 0.023529412224888802:-128>>
}

// -----

// Fixed-point epilogues: the ratio (0.5 * 0.25) / 1 = 0.125 becomes TOSA's
// multiplier 2^30 with shift 33 (2^30 * 2^-33 = 0.125). A requantize keeps
// its own mode: 0.5 / 0.3 = 5/3 is 1789569707 * 2^-30 (round(5/6 * 2^31)).
// SINGLE-LABEL: func.func @fixed_point
// SINGLE: qnn.rescale %{{.*}} rounding single_round {max = 127 : i64, min = -128 : i64, multiplier = array<i32: 1073741824>, shift = array<i8: 33>} : tensor<1x1x4x4xi32> -> tensor<1x1x4x4xi8>
// SINGLE: qnn.rescale %{{.*}} rounding double_round {input_zp = 2 : i32, max = 127 : i64, min = -128 : i64, multiplier = array<i32: 1789569707>, shift = array<i8: 30>}
// CHECK-LABEL: func.func @fixed_point
// CHECK: qnn.rescale %{{.*}} rounding half_even {{.*}}scale = array<f32: 1.250000e-01>
// CHECK: qnn.rescale %{{.*}} rounding double_round
func.func @fixed_point(%x: tensor<1x1x3x3x!quant.uniform<i8:f32, 0.5>>, %y: tensor<4x!quant.uniform<i8:f32, 0.5:2>>) -> (tensor<1x1x4x4x!quant.uniform<i8:f32, 1.0>>, tensor<4x!quant.uniform<i8:f32, 0.3>>) {
  %w = qnn.constant dense<[[[[1, 2], [3, 4]]]]> : tensor<1x1x2x2xi8> -> tensor<1x1x2x2x!quant.uniform<i8:f32, 0.25>>
  %c = qnn.conv2d %x, %w {padding = array<i64: 1, 1, 1, 1>} : (tensor<1x1x3x3x!quant.uniform<i8:f32, 0.5>>, tensor<1x1x2x2x!quant.uniform<i8:f32, 0.25>>) -> tensor<1x1x4x4x!quant.uniform<i8:f32, 1.0>>
  %r = qnn.requantize %y rounding double_round : tensor<4x!quant.uniform<i8:f32, 0.5:2>> -> tensor<4x!quant.uniform<i8:f32, 0.3>>
  return %c, %r : tensor<1x1x4x4x!quant.uniform<i8:f32, 1.0>>, tensor<4x!quant.uniform<i8:f32, 0.3>>
}

// -----

// Runtime weights (ONNX MatMulInteger / ConvInteger / QLinearConv with the
// weights as a graph input): both operands are centered at run time, q - z
// into i16 (exact), and the integer op runs on those; an i32 result is the
// accumulator itself.
// CHECK-LABEL: func.func @matmul_runtime_weights
// CHECK: %[[A:.*]] = qnn.rescale %{{.*}} rounding half_even {input_unsigned, input_zp = 128 : i32
// CHECK: %[[B:.*]] = qnn.rescale %{{.*}} rounding half_even {input_unsigned, input_zp = 128 : i32
// CHECK: %[[AC:.*]] = qnn.rescale %[[A]] rounding half_even {input_zp = -116 : i32, max = 32767 : i64, min = -32768 : i64, scale = array<f32: 1.000000e+00>} : tensor<4x3xi8> -> tensor<4x3xi16>
// CHECK: %[[BC:.*]] = qnn.rescale %[[B]] rounding half_even {input_zp = -128 : i32, max = 32767 : i64, min = -32768 : i64, scale = array<f32: 1.000000e+00>} : tensor<3x2xi8> -> tensor<3x2xi16>
// CHECK: %[[Y:.*]] = qnn.matmul %[[AC]], %[[BC]] : (tensor<4x3xi16>, tensor<3x2xi16>) -> tensor<4x2xi32>
// CHECK: return %[[Y]]
func.func @matmul_runtime_weights(%a: tensor<4x3xi8>, %b: tensor<3x2xi8>) -> tensor<4x2xi32> {
  %aq = quant.scast %a : tensor<4x3xi8> to tensor<4x3x!quant.uniform<u8:f32, 1.0:12>>
  %bq = quant.scast %b : tensor<3x2xi8> to tensor<3x2x!quant.uniform<u8:f32, 1.0>>
  %y = qnn.matmul %aq, %bq : (tensor<4x3x!quant.uniform<u8:f32, 1.0:12>>, tensor<3x2x!quant.uniform<u8:f32, 1.0>>) -> tensor<4x2xi32>
  return %y : tensor<4x2xi32>
}

// -----

// A padded conv with runtime weights and a requantized result: the
// centered input pads with 0 (the real zero), no explicit qnn.pad.
// CHECK-LABEL: func.func @conv_runtime_weights
// CHECK: %[[X:.*]] = qnn.rescale %{{.*}} {input_zp = 3 : i32, max = 32767 : i64, min = -32768 : i64, scale = array<f32: 1.000000e+00>} : tensor<1x1x3x3xi8> -> tensor<1x1x3x3xi16>
// CHECK: %[[W:.*]] = qnn.rescale %{{.*}} {input_zp = -1 : i32, max = 32767 : i64, min = -32768 : i64, scale = array<f32: 1.000000e+00>} : tensor<1x1x2x2xi8> -> tensor<1x1x2x2xi16>
// CHECK-NOT: qnn.pad
// CHECK: %[[ACC:.*]] = qnn.conv2d %[[X]], %[[W]] {padding = array<i64: 1, 1, 1, 1>} : (tensor<1x1x3x3xi16>, tensor<1x1x2x2xi16>) -> tensor<1x1x4x4xi32>
// CHECK: qnn.rescale %[[ACC]] rounding half_even {max = 127 : i64, min = -128 : i64, output_zp = 2 : i32, scale = array<f32: 2.500000e-01>} : tensor<1x1x4x4xi32> -> tensor<1x1x4x4xi8>
func.func @conv_runtime_weights(%x: tensor<1x1x3x3x!quant.uniform<i8:f32, 0.5:3>>, %w: tensor<1x1x2x2x!quant.uniform<i8:f32, 1.0:-1>>) -> tensor<1x1x4x4x!quant.uniform<i8:f32, 2.0:2>> {
  %y = qnn.conv2d %x, %w {padding = array<i64: 1, 1, 1, 1>} : (tensor<1x1x3x3x!quant.uniform<i8:f32, 0.5:3>>, tensor<1x1x2x2x!quant.uniform<i8:f32, 1.0:-1>>) -> tensor<1x1x4x4x!quant.uniform<i8:f32, 2.0:2>>
  return %y : tensor<1x1x4x4x!quant.uniform<i8:f32, 2.0:2>>
}

// -----

// Edge and reflect padding copy codes: the mode carries over and no pad
// value is set (a constant pad of this tensor would read the zero point 5).
// CHECK-LABEL: func.func @pad_modes
// CHECK: qnn.pad %{{.*}} mode reflect {pads = array<i64: 1, 2>} : tensor<4xi8> -> tensor<7xi8>
// CHECK: qnn.pad %{{.*}} {pads = array<i64: 1, 2>, value = 5.000000e+00 : f64} : tensor<4xi8> -> tensor<7xi8>
func.func @pad_modes(%x: tensor<4x!quant.uniform<i8:f32, 0.5:5>>) -> (tensor<7x!quant.uniform<i8:f32, 0.5:5>>, tensor<7x!quant.uniform<i8:f32, 0.5:5>>) {
  %r = qnn.pad %x mode reflect {pads = array<i64: 1, 2>} : tensor<4x!quant.uniform<i8:f32, 0.5:5>> -> tensor<7x!quant.uniform<i8:f32, 0.5:5>>
  %c = qnn.pad %x {pads = array<i64: 1, 2>} : tensor<4x!quant.uniform<i8:f32, 0.5:5>> -> tensor<7x!quant.uniform<i8:f32, 0.5:5>>
  return %r, %c : tensor<7x!quant.uniform<i8:f32, 0.5:5>>, tensor<7x!quant.uniform<i8:f32, 0.5:5>>
}
