// half_even qnn.rescale lowers to 32-bit integer and f32 arithmetic when no
// step can overflow it (twice the vector lanes of the i64 form), and keeps
// the i64 form otherwise; both agree with qnn-ref bit for bit.
// RUN: quant-compile %s --entry=narrow --emit-after=linalg -o - | FileCheck %s --check-prefix=NARROW
// RUN: quant-compile %s --entry=wide --emit-after=linalg -o - | FileCheck %s --check-prefix=WIDE
// RUN: %e2e-check %s %t
// RUN: %e2e-check %s %t --mcpu=x86-64
// Accumulator-sized inputs, so most outputs are not saturated:
// RUN: env GEN_OPTS="--int-min=-1000000 --int-max=1000000" %e2e-check %s %t
// Inputs at the i32 limits and the other boundary values:
// RUN: env PATTERNS="edges min max" GEN_OPTS="--int-min=-2147483648 --int-max=2147483647" %e2e-check %s %t

// Per-channel i32 -> i8 with output zero point (a conv's requantization).
// NARROW-LABEL: func.func @narrow(
// NARROW: arith.sitofp %{{.*}} : i32 to f32
// NARROW: arith.fptosi %{{.*}} : f32 to i32
// NARROW: arith.trunci %{{.*}} : i32 to i8
// NARROW-NOT: i64
func.func @narrow(%acc: tensor<3x40xi32>) -> tensor<3x40xi8> {
  %y = qnn.rescale %acc rounding half_even {axis = 0 : i64, output_zp = -128 : i32, scale = array<f32: 1.5e-4, 3.0e-9, 1.2e-4>, min = -128 : i64, max = 127 : i64} : tensor<3x40xi32> -> tensor<3x40xi8>
  return %y : tensor<3x40xi8>
}

// An i32 input with a zero point: x - zp may overflow 32 bits.
// WIDE-LABEL: func.func @wide(
// WIDE: arith.extsi %{{.*}} : i32 to i64
func.func @wide(%acc: tensor<4x9xi32>) -> tensor<4x9xi8> {
  %y = qnn.rescale %acc rounding half_even {input_zp = 3 : i32, output_zp = -5 : i32, scale = array<f32: 1.5e-4>, min = -100 : i64, max = 127 : i64} : tensor<4x9xi32> -> tensor<4x9xi8>
  return %y : tensor<4x9xi8>
}

// u8 input (zero point 128) to i8, and i16 output.
func.func @u8_and_i16(%x: tensor<2x33xi8>, %a: tensor<2x33xi32>) -> (tensor<2x33xi8>, tensor<2x33xi16>) {
  %y = qnn.rescale %x rounding half_even {input_unsigned, input_zp = 128 : i32, output_zp = 0 : i32, scale = array<f32: 1.0>, min = -128 : i64, max = 127 : i64} : tensor<2x33xi8> -> tensor<2x33xi8>
  %z = qnn.rescale %a rounding half_even {output_zp = 7 : i32, scale = array<f32: 0.001>, min = -32768 : i64, max = 32767 : i64} : tensor<2x33xi32> -> tensor<2x33xi16>
  return %y, %z : tensor<2x33xi8>, tensor<2x33xi16>
}

// An unsigned i32 input: values from 2^31 on do not fit a signed i32.
// RUN: quant-compile %s --entry=wide_unsigned --emit-after=linalg -o - | FileCheck %s --check-prefix=WIDEU
// WIDEU-LABEL: func.func @wide_unsigned(
// WIDEU: arith.extui %{{.*}} : i32 to i64
func.func @wide_unsigned(%acc: tensor<4x9xi32>) -> tensor<4x9xi8> {
  %y = qnn.rescale %acc rounding half_even {input_unsigned, scale = array<f32: 1.5e-8>, min = -128 : i64, max = 127 : i64} : tensor<4x9xi32> -> tensor<4x9xi8>
  return %y : tensor<4x9xi8>
}
