// RUN: quant-opt %s -qnn-propagate-scales=remarks=true -split-input-file -verify-diagnostics

// An 8-bit layer with runtime weights and K = 2^17 terms: products reach
// (-128)(-128) = 2^14, so the sum reaches 2^31, one past int32; the lower
// end is -127*128 * 2^17 = -2130706432.
func.func @accumulator_overflow(%x: tensor<1x131072x!quant.uniform<i8:f32, 0.5>>, %w: tensor<2x131072x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x2xf32> {
  %d = qnn.dequantize %x : tensor<1x131072x!quant.uniform<i8:f32, 0.5>> -> tensor<1x131072xf32>
  %dw = qnn.dequantize %w : tensor<2x131072x!quant.uniform<i8:f32, 0.5>> -> tensor<2x131072xf32>
  // expected-error @+1 {{accumulator needs 33 bits (range [-2130706432, 2147483648]), more than i32 holds}}
  %y = qnn.fully_connected %d, %dw : (tensor<1x131072xf32>, tensor<2x131072xf32>) -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}

// -----

// The bias 1024 needs code 2^32 at scale 2^-10 * 2^-12, and runtime weights
// cannot be requantized.
func.func @bias_overflow_runtime_weights(%x: tensor<1x4x!quant.uniform<i8:f32, 0.0009765625>>, %w: tensor<1x4x!quant.uniform<i8:f32, 0.000244140625>>) -> tensor<1x1xf32> {
  %d = qnn.dequantize %x : tensor<1x4x!quant.uniform<i8:f32, 0.0009765625>> -> tensor<1x4xf32>
  %dw = qnn.dequantize %w : tensor<1x4x!quant.uniform<i8:f32, 0.000244140625>> -> tensor<1x4xf32>
  %b = arith.constant dense<1024.0> : tensor<1xf32>
  // expected-error @+2 {{bias 1024 of channel 0 overflows int32 at scale 2.384185791015625e-07 and the weights are not a qnn.constant whose scale could be enlarged}}
  // expected-remark @+1 {{accumulator range [-65024, 65536] needs 18 bits; bit-growth bound 8 + 8 + ceil(log2 4) = 18 bits; i32}}
  %y = qnn.fully_connected %d, %dw, %b : (tensor<1x4xf32>, tensor<1x4xf32>, tensor<1xf32>) -> tensor<1x1xf32>
  return %y : tensor<1x1xf32>
}

// -----

// Per-tensor weights: 600 / 2^-22 = 2516582400 overflows, so the one weight
// scale doubles (codes 4, -4 -> 2, -2) and the bias codes are
// 600 * 2^21 = 1258291200 and -1 * 2^21 = -2097152. The accumulator then
// spans 127*2 + 128*2 = 510 above the larger bias and 510 below the
// smaller one.
func.func @bias_overflow_per_tensor(%x: tensor<1x2x!quant.uniform<i8:f32, 0.0009765625>>) -> tensor<1x2xf32> {
  %d = qnn.dequantize %x : tensor<1x2x!quant.uniform<i8:f32, 0.0009765625>> -> tensor<1x2xf32>
  %wc = qnn.constant dense<[[4, -4], [4, -4]]> : tensor<2x2xi8> -> tensor<2x2x!quant.uniform<i8:f32, 0.000244140625>>
  %w = qnn.dequantize %wc : tensor<2x2x!quant.uniform<i8:f32, 0.000244140625>> -> tensor<2x2xf32>
  %b = arith.constant dense<[600.0, -1.0]> : tensor<2xf32>
  // expected-remark @+2 {{bias 600 overflows int32 at scale 2.384185791015625e-07: weight scale enlarged 2x to 0.00048828125}}
  // expected-remark @+1 {{accumulator range [-2097662, 1258291710] needs 32 bits (from the weight values); bit-growth bound max(8 + 8 + ceil(log2 2), 32) + 1 = 33 bits; i32}}
  %y = qnn.fully_connected %d, %w, %b : (tensor<1x2xf32>, tensor<2x2xf32>, tensor<2xf32>) -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}

// -----

// Per-channel weights: only channel 0 grows (4x, see qnn-propagate-scales.mlir).
func.func @bias_overflow_per_channel(%x: tensor<1x4x!quant.uniform<i8:f32, 0.0009765625>>) -> tensor<1x2xf32> {
  %d = qnn.dequantize %x : tensor<1x4x!quant.uniform<i8:f32, 0.0009765625>> -> tensor<1x4xf32>
  %wc = qnn.constant dense<[[10, -6, 2, 127], [1, 2, 3, 4]]> : tensor<2x4xi8> -> tensor<2x4x!quant.uniform<i8:f32:0, {0.000244140625, 0.5}>>
  %w = qnn.dequantize %wc : tensor<2x4x!quant.uniform<i8:f32:0, {0.000244140625, 0.5}>> -> tensor<2x4xf32>
  %b = arith.constant dense<[1024.0, 3.0]> : tensor<2xf32>
  // expected-remark @+2 {{bias 1024 overflows int32 at scale 2.384185791015625e-07: weight scale of channel 0 enlarged 4x to 0.0009765625}}
  // expected-remark @+1 {{accumulator range [-4606, 1073746398] needs 32 bits}}
  %y = qnn.fully_connected %d, %w, %b : (tensor<1x4xf32>, tensor<2x4xf32>, tensor<2xf32>) -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}

// -----

// Each inserted requantize is reported where it goes.
func.func @requantize_remarks(%x: tensor<1x4x8x8x!quant.uniform<i8:f32, 0.5>>, %a: tensor<1x8x!quant.uniform<i8:f32, 0.5>>, %b: tensor<1x4x!quant.uniform<u8:f32, 0.25:128>>) -> (tensor<1x4x4x4x!quant.uniform<i8:f32, 0.25>>, tensor<1x12xf32>) {
  %d = qnn.dequantize %x : tensor<1x4x8x8x!quant.uniform<i8:f32, 0.5>> -> tensor<1x4x8x8xf32>
  %p = qnn.max_pool2d %d {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : tensor<1x4x8x8xf32> -> tensor<1x4x4x4xf32>
  // expected-remark @+1 {{requantize 64 elements from '!quant.uniform<i8:f32, 5.000000e-01>' to '!quant.uniform<i8:f32, 2.500000e-01>': forward and backward parameters differ}}
  %q = qnn.quantize %p : tensor<1x4x4x4xf32> -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.25>>
  %da = qnn.dequantize %a : tensor<1x8x!quant.uniform<i8:f32, 0.5>> -> tensor<1x8xf32>
  %db = qnn.dequantize %b : tensor<1x4x!quant.uniform<u8:f32, 0.25:128>> -> tensor<1x4xf32>
  // expected-remark @+1 {{requantize 4 elements from '!quant.uniform<u8:f32, 2.500000e-01:128>' to '!quant.uniform<i8:f32, 5.000000e-01>': concat inputs have different parameters}}
  %c = qnn.concat %da, %db {axis = 1 : i64} : (tensor<1x8xf32>, tensor<1x4xf32>) -> tensor<1x12xf32>
  return %q, %c : tensor<1x4x4x4x!quant.uniform<i8:f32, 0.25>>, tensor<1x12xf32>
}
