// End-to-end ops defined on real values, in the quantized-type form
// (!quant.uniform operands and results): quant-run lowers them
// (qnn-lower-to-integer: dequantize, float op, quantize; requantize, clamp,
// concat and pad on codes) and qnn-ref evaluates the op's definition on the
// dequantized reals and quantizes the result half_even. Scales are powers
// of two and average-pool divisors cannot produce a tie that one side
// rounds differently, so integer outputs agree bit for bit; softmax and
// sigmoid (exp differs between libm and the compiled code) return reals
// dequantized from their codes, compared within one quantization step.
// RUN: env REF_OPTS=--atol=0.004 %e2e-check %s %t --mcpu=x86-64
// RUN: env REF_OPTS=--atol=0.004 %e2e-check %s %t --mcpu=x86-64-v3
// RUN: env REF_OPTS=--atol=0.004 %e2e-check %s %t

!a = !quant.uniform<i8:f32, 0.0625:-3>
!b = !quant.uniform<i8:f32, 0.125:5>
!c = !quant.uniform<i8:f32, 0.125:2>
!u = !quant.uniform<u8:f32, 0.00390625>

// Broadcasting add of two scales into a third (saturates at both ends).
func.func @add(%x: tensor<1x4x3x3x!a>, %y: tensor<4x1x1x!b>) -> tensor<1x4x3x3x!c> {
  %z = qnn.add %x, %y : (tensor<1x4x3x3x!a>, tensor<4x1x1x!b>) -> tensor<1x4x3x3x!c>
  return %z : tensor<1x4x3x3x!c>
}

func.func @mul(%x: tensor<2x8x!a>, %y: tensor<2x8x!b>) -> tensor<2x8x!quant.uniform<i8:f32, 0.03125:-1>> {
  %z = qnn.mul %x, %y : (tensor<2x8x!a>, tensor<2x8x!b>) -> tensor<2x8x!quant.uniform<i8:f32, 0.03125:-1>>
  return %z : tensor<2x8x!quant.uniform<i8:f32, 0.03125:-1>>
}

func.func @sub(%x: tensor<2x8x!a>, %y: tensor<8x!b>) -> tensor<2x8x!c> {
  %z = qnn.sub %x, %y : (tensor<2x8x!a>, tensor<8x!b>) -> tensor<2x8x!c>
  return %z : tensor<2x8x!c>
}

// ReLU6-like bounds on the reals: codes 0 and 6 / 0.0625 + zp.
func.func @clamp(%x: tensor<2x16x!a>) -> tensor<2x16x!a> {
  %z = qnn.clamp %x {min = 0.0 : f32, max = 3.0 : f32} : tensor<2x16x!a>
  return %z : tensor<2x16x!a>
}

func.func @leaky_relu(%x: tensor<2x16x!a>) -> tensor<2x16x!b> {
  %z = qnn.leaky_relu %x {alpha = 2.500000e-01 : f32} : tensor<2x16x!a> -> tensor<2x16x!b>
  return %z : tensor<2x16x!b>
}

// Divisor 9 everywhere (count_include_pad), output scale half the input's:
// no sum / 9 lands on a rounding tie.
func.func @avg_pool_pad(%x: tensor<1x2x5x5x!a>) -> tensor<1x2x5x5x!quant.uniform<i8:f32, 0.03125:1>> {
  %z = qnn.avg_pool2d %x {kernel = array<i64: 3, 3>, padding = array<i64: 1, 1, 1, 1>, count_include_pad} : tensor<1x2x5x5x!a> -> tensor<1x2x5x5x!quant.uniform<i8:f32, 0.03125:1>>
  return %z : tensor<1x2x5x5x!quant.uniform<i8:f32, 0.03125:1>>
}

// Divisor 4: exact in both, ties round half to even in both.
func.func @avg_pool_stride(%x: tensor<1x2x4x6x!a>) -> tensor<1x2x2x3x!b> {
  %z = qnn.avg_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : tensor<1x2x4x6x!a> -> tensor<1x2x2x3x!b>
  return %z : tensor<1x2x2x3x!b>
}

func.func @global_avg_pool(%x: tensor<1x3x4x4x!a>) -> tensor<1x3x1x1x!c> {
  %z = qnn.global_avg_pool %x : tensor<1x3x4x4x!a> -> tensor<1x3x1x1x!c>
  return %z : tensor<1x3x1x1x!c>
}

// Inputs with other parameters than the result are requantized half_even.
func.func @concat(%x: tensor<1x2x3x!a>, %y: tensor<1x3x3x!b>) -> tensor<1x5x3x!b> {
  %z = qnn.concat %x, %y {axis = 1 : i64} : (tensor<1x2x3x!a>, tensor<1x3x3x!b>) -> tensor<1x5x3x!b>
  return %z : tensor<1x5x3x!b>
}

// The border holds the code of 0.5 (0.5 / 0.0625 - 3 = 5).
func.func @pad(%x: tensor<1x2x2x2x!a>) -> tensor<1x2x4x4x!a> {
  %z = qnn.pad %x {pads = array<i64: 0, 0, 1, 1, 0, 0, 1, 1>, value = 5.000000e-01 : f64} : tensor<1x2x2x2x!a> -> tensor<1x2x4x4x!a>
  return %z : tensor<1x2x4x4x!a>
}

func.func @requantize(%x: tensor<4x8x!a>) -> tensor<4x8x!quant.uniform<u8:f32, 0.25:128>> {
  %z = qnn.requantize %x rounding half_even : tensor<4x8x!a> -> tensor<4x8x!quant.uniform<u8:f32, 0.25:128>>
  return %z : tensor<4x8x!quant.uniform<u8:f32, 0.25:128>>
}

func.func @max_pool(%x: tensor<1x2x4x4x!a>) -> tensor<1x2x2x2x!a> {
  %z = qnn.max_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : tensor<1x2x4x4x!a> -> tensor<1x2x2x2x!a>
  return %z : tensor<1x2x2x2x!a>
}

func.func @softmax(%x: tensor<2x10x!a>) -> tensor<2x10xf32> {
  %z = qnn.softmax %x {axis = -1 : i64} : tensor<2x10x!a> -> tensor<2x10x!u>
  %r = qnn.dequantize %z : tensor<2x10x!u> -> tensor<2x10xf32>
  return %r : tensor<2x10xf32>
}

func.func @sigmoid(%x: tensor<2x10x!a>) -> tensor<2x10xf32> {
  %z = qnn.sigmoid %x : tensor<2x10x!a> -> tensor<2x10x!u>
  %r = qnn.dequantize %z : tensor<2x10x!u> -> tensor<2x10xf32>
  return %r : tensor<2x10xf32>
}
