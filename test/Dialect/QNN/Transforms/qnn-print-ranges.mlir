// RUN: quant-opt %s -qnn-propagate-scales -qnn-print-ranges -split-input-file -verify-diagnostics

// Annotations written by hand (on float operands, which propagation leaves
// alone) are reported as they are.
func.func @annotated(%x: tensor<1x4xf32>, %w: tensor<2x4xf32>) -> tensor<1x2xf32> {
  // expected-remark @+1 {{accumulator needs 19 bits (range [-123456, 234567]), uses i32}}
  %y = qnn.fully_connected %x, %w {qnn.acc_bits = 19 : i64, qnn.acc_range = array<i64: -123456, 234567>, qnn.acc_type = i32} : (tensor<1x4xf32>, tensor<2x4xf32>) -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}

// -----

// The conv of qnn-propagate-scales.mlir: parameters of every dequantize
// (the i32 bias one inserted at the bias), then the accumulator.
func.func @conv(%x: tensor<1x1x3x3x!quant.uniform<u8:f32, 0.5:128>>) -> tensor<1x2x2x2xf32> {
  // expected-remark @+1 {{dequantize from u8 scale 0.5 zero point 128, reals [-64, 63.5]}}
  %d = qnn.dequantize %x : tensor<1x1x3x3x!quant.uniform<u8:f32, 0.5:128>> -> tensor<1x1x3x3xf32>
  %wc = qnn.constant dense<[[[[1, 2], [-3, 4]]], [[[127, -128], [0, 5]]]]> : tensor<2x1x2x2xi8> -> tensor<2x1x2x2x!quant.uniform<i8:f32:0, {0.25, 0.125}>>
  // expected-remark @+1 {{dequantize from i8 per axis 0: scales [0.25, 0.125], zero points [0, 0]}}
  %w = qnn.dequantize %wc : tensor<2x1x2x2x!quant.uniform<i8:f32:0, {0.25, 0.125}>> -> tensor<2x1x2x2xf32>
  // expected-remark @+1 {{dequantize from i32 per axis 0: scales [0.125, 0.0625], zero points [0, 0]}}
  %b = arith.constant dense<[1.0, -2.0]> : tensor<2xf32>
  // expected-remark @+1 {{accumulator needs 17 bits (range [-33184, 33148]), uses i32}}
  %y = qnn.conv2d %d, %w, %b : (tensor<1x1x3x3xf32>, tensor<2x1x2x2xf32>, tensor<2xf32>) -> tensor<1x2x2x2xf32>
  return %y : tensor<1x2x2x2xf32>
}

// -----

// A pair inserted by propagation carries the location of the value it
// quantizes: i8 with zero point -3 at 0.5 covers (-128 + 3) * 0.5 = -62.5
// to (127 + 3) * 0.5 = 65. The existing quantize after the transpose is
// reported too.
func.func @moved(%x: tensor<2x2x!quant.uniform<i8:f32, 0.5:-3>>) -> tensor<4x!quant.uniform<i8:f32, 0.5:-3>> {
  // expected-remark @+1 {{dequantize from i8 scale 0.5 zero point -3, reals [-62.5, 65]}}
  %d = qnn.dequantize %x : tensor<2x2x!quant.uniform<i8:f32, 0.5:-3>> -> tensor<2x2xf32>
  // expected-remark @+2 {{quantize to i8 scale 0.5 zero point -3, reals [-62.5, 65]}}
  // expected-remark @+1 {{dequantize from i8 scale 0.5 zero point -3, reals [-62.5, 65]}}
  %t = qnn.transpose %d {permutation = array<i64: 1, 0>} : tensor<2x2xf32> -> tensor<2x2xf32>
  %r = qnn.reshape %t : tensor<2x2xf32> -> tensor<4xf32>
  // expected-remark @+1 {{quantize to i8 scale 0.5 zero point -3, reals [-62.5, 65]}}
  %q = qnn.quantize %r : tensor<4xf32> -> tensor<4x!quant.uniform<i8:f32, 0.5:-3>>
  return %q : tensor<4x!quant.uniform<i8:f32, 0.5:-3>>
}
