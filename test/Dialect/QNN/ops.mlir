// RUN: quant-opt %s | quant-opt | FileCheck %s
// RUN: quant-opt %s -emit-bytecode | quant-opt | FileCheck %s
// RUN: quant-opt %s -mlir-print-op-generic | quant-opt | FileCheck %s

// Round trip of the qnn element types and the quantization ops (constant,
// quantize, dequantize, requantize, rescale). The other op groups have
// their own round-trip files (ops-nn.mlir, ops-shape.mlir).

// CHECK-LABEL: func.func @binary_types
// CHECK-SAME: tensor<4x!qnn.binary<f32>>
// CHECK-SAME: tensor<4x!qnn.binary<f32, 2.500000e-01>>
// CHECK-SAME: tensor<2x3x!qnn.binary<f32:0, {5.000000e-01, 1.250000e-01}>>
// CHECK-SAME: tensor<2x!qnn.binary<f16>>
func.func @binary_types(%a: tensor<4x!qnn.binary<f32>>,
                        %b: tensor<4x!qnn.binary<f32, 0.25>>,
                        %c: tensor<2x3x!qnn.binary<f32:0, {0.5, 0.125}>>,
                        %d: tensor<2x!qnn.binary<f16, 1.0>>) {
  return
}

// CHECK-LABEL: func.func @ternary_types
// CHECK-SAME: tensor<4x!qnn.ternary<f32>>
// CHECK-SAME: tensor<4x!qnn.ternary<f32, 5.000000e-01>>
// CHECK-SAME: tensor<4x!qnn.ternary<f32, 2.500000e-01:7.500000e-01>>
// CHECK-SAME: tensor<2x2x!qnn.ternary<f32:1, {5.000000e-01, 2.500000e-01:1.250000e-01}>>
func.func @ternary_types(%a: tensor<4x!qnn.ternary<f32>>,
                         %b: tensor<4x!qnn.ternary<f32, 0.5>>,
                         %c: tensor<4x!qnn.ternary<f32, 0.25:0.75>>,
                         %d: tensor<2x2x!qnn.ternary<f32:1, {0.5, 0.25:0.125}>>) {
  return
}

// Scales that are not short decimals round-trip exactly.
// CHECK-LABEL: func.func @codebook_types
// CHECK-SAME: tensor<8x!qnn.codebook<i2:f32, [-5.000000e-01, -1.250000e-01, 1.250000e-01, 5.000000e-01]>>
// CHECK-SAME: tensor<8x!qnn.codebook<i4:f32, [1.000000e+00]>>
// CHECK-SAME: tensor<8x!qnn.codebook<i1:f32, [1.000000e-01, 0.33333333333333331]>>
func.func @codebook_types(%a: tensor<8x!qnn.codebook<i2:f32, [-0.5, -0.125, 0.125, 0.5]>>,
                          %b: tensor<8x!qnn.codebook<i4:f32, [1.0]>>,
                          %c: tensor<8x!qnn.codebook<i1:f32, [0.1, 0.33333333333333331]>>) {
  return
}

// CHECK-LABEL: func.func @constants
func.func @constants() {
  // CHECK: qnn.constant dense<{{\[}}-3, 7]> : tensor<2xi8> -> tensor<2x!quant.uniform<i8:f32, 5.000000e-02>>
  %0 = qnn.constant dense<[-3, 7]> : tensor<2xi8> -> tensor<2x!quant.uniform<i8:f32, 0.05>>
  // CHECK: qnn.constant dense<[0, 255]> : tensor<2xui8> -> tensor<2x!quant.uniform<u8:f32, 1.000000e-01:128>>
  %1 = qnn.constant dense<[0, 255]> : tensor<2xui8> -> tensor<2x!quant.uniform<u8:f32, 0.1:128>>
  // CHECK: qnn.constant dense<{{\[}}[true, false], [false, true]]> : tensor<2x2xi1> -> tensor<2x2x!qnn.binary<f32:0, {5.000000e-01, 2.500000e-01}>>
  %2 = qnn.constant dense<[[true, false], [false, true]]> : tensor<2x2xi1> -> tensor<2x2x!qnn.binary<f32:0, {0.5, 0.25}>>
  // CHECK: qnn.constant dense<[1, 0, -1]> : tensor<3xi2> -> tensor<3x!qnn.ternary<f32, 2.500000e-01:7.500000e-01>>
  %3 = qnn.constant dense<[1, 0, -1]> : tensor<3xi2> -> tensor<3x!qnn.ternary<f32, 0.25:0.75>>
  // CHECK: qnn.constant dense<[3, 0, 2]> : tensor<3xui2> -> tensor<3x!qnn.codebook
  %4 = qnn.constant dense<[3, 0, 2]> : tensor<3xui2> -> tensor<3x!qnn.codebook<i2:f32, [-0.5, -0.125, 0.125, 0.5]>>
  // CHECK: qnn.constant dense<1.500000e+00> : tensor<2xf32> -> tensor<2xf32>
  %5 = qnn.constant dense<1.5> : tensor<2xf32> -> tensor<2xf32>
  // Per-axis affine weights (per output channel) with an i32 bias.
  // CHECK: qnn.constant dense<1> : tensor<2x3xi8> -> tensor<2x3x!quant.uniform<i8:f32:0, {1.000000e-01,2.000000e-01:1}>>
  %6 = qnn.constant dense<1> : tensor<2x3xi8> -> tensor<2x3x!quant.uniform<i8:f32:0, {0.1, 0.2:1}>>
  // Sub-channel (blocked) quantization: blocks of 2 along axis 1.
  // CHECK: qnn.constant dense<0> : tensor<2x4xi8> -> tensor<2x4x!quant.uniform<i8:f32:{0:1, 1:2}
  %7 = qnn.constant dense<0> : tensor<2x4xi8> -> tensor<2x4x!quant.uniform<i8:f32:{0:1, 1:2}, {{0.1, 0.2}, {0.3, 0.4}}>>
  return
}

// CHECK-LABEL: func.func @quantize_dequantize
// CHECK-SAME: (%[[X:.*]]: tensor<2x4xf32>)
func.func @quantize_dequantize(%x: tensor<2x4xf32>) -> tensor<2x4xf32> {
  // CHECK: %[[Q:.*]] = qnn.quantize %[[X]] : tensor<2x4xf32> -> tensor<2x4x!quant.uniform<i8:f32, 1.000000e-01:-3>>
  %q = qnn.quantize %x : tensor<2x4xf32> -> tensor<2x4x!quant.uniform<i8:f32, 0.1:-3>>
  // CHECK: qnn.dequantize %[[Q]] : tensor<2x4x!quant.uniform<i8:f32, 1.000000e-01:-3>> -> tensor<2x4xf32>
  %d = qnn.dequantize %q : tensor<2x4x!quant.uniform<i8:f32, 0.1:-3>> -> tensor<2x4xf32>
  // CHECK: qnn.quantize %[[X]] : tensor<2x4xf32> -> tensor<2x4x!quant.uniform<i8:f32:1, {1.000000e-01,2.000000e-01,3.000000e-01,4.000000e-01}>>
  %pa = qnn.quantize %x : tensor<2x4xf32> -> tensor<2x4x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3, 0.4}>>
  // CHECK: qnn.quantize %[[X]] : tensor<2x4xf32> -> tensor<2x4x!quant.uniform<i4:f32:{0:1, 1:2}
  %sc = qnn.quantize %x : tensor<2x4xf32> -> tensor<2x4x!quant.uniform<i4:f32:{0:1, 1:2}, {{0.1, 0.2}, {0.3, 0.4}}>>
  // CHECK: qnn.quantize %[[X]] : tensor<2x4xf32> -> tensor<2x4x!qnn.binary<f32:0, {5.000000e-01, 2.500000e-01}>>
  %b = qnn.quantize %x : tensor<2x4xf32> -> tensor<2x4x!qnn.binary<f32:0, {0.5, 0.25}>>
  // CHECK: qnn.quantize %[[X]] : tensor<2x4xf32> -> tensor<2x4x!qnn.ternary<f32, 5.000000e-01>>
  %t = qnn.quantize %x : tensor<2x4xf32> -> tensor<2x4x!qnn.ternary<f32, 0.5>>
  // CHECK: qnn.quantize %[[X]] : tensor<2x4xf32> -> tensor<2x4x!qnn.codebook<i1:f32, [-1.000000e+00, 1.000000e+00]>>
  %c = qnn.quantize %x : tensor<2x4xf32> -> tensor<2x4x!qnn.codebook<i1:f32, [-1.0, 1.0]>>
  // CHECK: qnn.dequantize %{{.*}} : tensor<2x4x!qnn.ternary<f32, 5.000000e-01>> -> tensor<2x4xf32>
  %td = qnn.dequantize %t : tensor<2x4x!qnn.ternary<f32, 0.5>> -> tensor<2x4xf32>
  return %d : tensor<2x4xf32>
}

// CHECK-LABEL: func.func @dynamic_shapes
func.func @dynamic_shapes(%x: tensor<?x4xf32>) -> tensor<?x4x!quant.uniform<u8:f32, 0.02:128>> {
  // CHECK: qnn.quantize %{{.*}} : tensor<?x4xf32> -> tensor<?x4x!quant.uniform<u8:f32, 2.000000e-02:128>>
  %q = qnn.quantize %x : tensor<?x4xf32> -> tensor<?x4x!quant.uniform<u8:f32, 0.02:128>>
  return %q : tensor<?x4x!quant.uniform<u8:f32, 0.02:128>>
}

// CHECK-LABEL: func.func @requantize
func.func @requantize(%a: tensor<8x!quant.uniform<i32:f32, 0.001>>,
                      %b: tensor<2x3x!quant.uniform<i8:f32:0, {0.1, 0.2}>>) {
  // CHECK: qnn.requantize %{{.*}} rounding half_even : tensor<8x!quant.uniform<i32:f32, 1.000000e-03>> -> tensor<8x!quant.uniform<i8:f32, 5.000000e-02:2>>
  %0 = qnn.requantize %a rounding half_even : tensor<8x!quant.uniform<i32:f32, 0.001>> -> tensor<8x!quant.uniform<i8:f32, 0.05:2>>
  // CHECK: qnn.requantize %{{.*}} rounding double_round
  %1 = qnn.requantize %a rounding double_round : tensor<8x!quant.uniform<i32:f32, 0.001>> -> tensor<8x!quant.uniform<u8:f32, 0.05:128>>
  // Per-axis in, per-tensor out.
  // CHECK: qnn.requantize %{{.*}} rounding single_round : tensor<2x3x!quant.uniform<i8:f32:0, {1.000000e-01,2.000000e-01}>> -> tensor<2x3x!quant.uniform<i8:f32, 2.000000e-01>>
  %2 = qnn.requantize %b rounding single_round : tensor<2x3x!quant.uniform<i8:f32:0, {0.1, 0.2}>> -> tensor<2x3x!quant.uniform<i8:f32, 0.2>>
  return
}

// CHECK-LABEL: func.func @rescale
func.func @rescale(%acc: tensor<4x8xi32>, %u: tensor<8xi8>) {
  // CHECK: qnn.rescale %{{.*}} rounding double_round {max = 127 : i64, min = -128 : i64, multiplier = array<i32: 1518500250>, output_zp = -3 : i32, shift = array<i8: 38>} : tensor<4x8xi32> -> tensor<4x8xi8>
  %0 = qnn.rescale %acc rounding double_round {input_zp = 0 : i32, output_zp = -3 : i32, multiplier = array<i32: 1518500250>, shift = array<i8: 38>, min = -128 : i64, max = 127 : i64} : tensor<4x8xi32> -> tensor<4x8xi8>
  // Per-channel along axis 0, ReLU folded into the bounds.
  // CHECK: qnn.rescale %{{.*}} rounding single_round {axis = 0 : i64, max = 127 : i64, min = 5 : i64, multiplier = array<i32: 1073741824, 1518500250, 1, 0>, output_zp = 5 : i32, shift = array<i8: 31, 38, 0, 62>}
  %1 = qnn.rescale %acc rounding single_round {output_zp = 5 : i32, multiplier = array<i32: 1073741824, 1518500250, 1, 0>, shift = array<i8: 31, 38, 0, 62>, axis = 0 : i64, min = 5 : i64, max = 127 : i64} : tensor<4x8xi32> -> tensor<4x8xi8>
  // ONNX Runtime mode: f32 scale; unsigned result.
  // CHECK: qnn.rescale %{{.*}} rounding half_even {max = 255 : i64, min = 0 : i64, output_unsigned, output_zp = 128 : i32, scale = array<f32: 2.500000e-01>}
  %2 = qnn.rescale %acc rounding half_even {output_zp = 128 : i32, scale = array<f32: 0.25>, min = 0 : i64, max = 255 : i64, output_unsigned} : tensor<4x8xi32> -> tensor<4x8xi8>
  // Unsigned input with its zero point.
  // CHECK: qnn.rescale %{{.*}} rounding half_even {input_unsigned, input_zp = 200 : i32
  %3 = qnn.rescale %u rounding half_even {input_zp = 200 : i32, input_unsigned, scale = array<f32: 0.5>, min = -128 : i64, max = 127 : i64} : tensor<8xi8> -> tensor<8xi8>
  return
}
