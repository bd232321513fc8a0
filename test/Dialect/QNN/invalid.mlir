// RUN: quant-opt %s -split-input-file -verify-diagnostics

// Verifier and parser errors of the qnn element types and of the
// quantization ops (constant, quantize, dequantize, requantize, rescale),
// one case per rule. The other op groups: invalid-nn.mlir,
// invalid-shape.mlir.
// Rules stated in ODS (dialects/QNN/QNNTypeConstraints.td: element kinds,
// ranks, array lengths, attribute ranges) are checked before the C++
// verifiers and report the generated messages ("operand #0 must be ...",
// "attribute 'x' failed to satisfy constraint: ..."); each constraint has
// a case here.

//===----------------------------------------------------------------------===//
// Types
//===----------------------------------------------------------------------===//

// expected-error @+1 {{expected a float expressed type, got 'i8'}}
func.func @binary_int_expressed(%a: tensor<4x!qnn.binary<i8>>)

// -----

// expected-error @+1 {{binary alpha must be positive and finite, got -5.000000e-01}}
func.func @binary_negative_alpha(%a: tensor<4x!qnn.binary<f32, -0.5>>)

// -----

// expected-error @+1 {{binary alpha must be positive and finite, got 0.000000e+00}}
func.func @binary_zero_alpha(%a: tensor<4x!qnn.binary<f32:0, {0.5, 0.0}>>)

// -----

// expected-error @+1 {{per-axis binary type needs one alpha per slice}}
func.func @binary_axis_without_alphas(%a: tensor<4x!qnn.binary<f32:0>>)

// -----

// expected-error @+1 {{quantized axis must be non-negative}}
func.func @binary_negative_axis(%a: tensor<4x!qnn.binary<f32:-1, {0.5}>>)

// -----

// expected-error @+1 {{ternary scale must be positive and finite, got 0.000000e+00}}
func.func @ternary_zero_scale(%a: tensor<4x!qnn.ternary<f32, 0.0:0.5>>)

// -----

// expected-error @+1 {{per-axis ternary type needs scales per slice}}
func.func @ternary_axis_without_scales(%a: tensor<4x!qnn.ternary<f32:0>>)

// -----

// expected-error @+1 {{codebook table has 5 entries, more than 2^2}}
func.func @codebook_too_many(%a: tensor<4x!qnn.codebook<i2:f32, [1.0, 2.0, 3.0, 4.0, 5.0]>>)

// -----

// expected-error @+1 {{codebook table must not be empty}}
func.func @codebook_empty(%a: tensor<4x!qnn.codebook<i2:f32, []>>)

// -----

// expected-error @+1 {{codebook index width must be 1 to 16 bits, got 17}}
func.func @codebook_too_wide(%a: tensor<4x!qnn.codebook<i17:f32, [1.0]>>)

// -----

// expected-error @+1 {{expected a signless index type such as i4, got 'si4'}}
func.func @codebook_signed_index(%a: tensor<4x!qnn.codebook<si4:f32, [1.0]>>)

// -----

// expected-error @+1 {{codebook types are per tensor}}
func.func @codebook_per_axis(%a: tensor<4x!qnn.codebook<i2:f32:0, [1.0]>>)

// -----

// Upstream quant types: scales must be positive (the quant parser says so).
// expected-error @+1 {{scale 0.000000e+00 out of expressed type range}}
func.func @affine_zero_scale(%a: tensor<4x!quant.uniform<i8:f32, 0.0>>)

// -----

//===----------------------------------------------------------------------===//
// Quantization parameters against shapes (every qnn op checks them)
//===----------------------------------------------------------------------===//

func.func @zero_point_out_of_range(%x: tensor<4xf32>) {
  // expected-error @+1 {{result has zero point 200 outside the storage range [-128, 127]}}
  %0 = qnn.quantize %x : tensor<4xf32> -> tensor<4x!quant.uniform<i8:f32, 0.1:200>>
  return
}

// -----

func.func @unsigned_zero_point_negative(%x: tensor<4xf32>) {
  // expected-error @+1 {{result has zero point -1 outside the storage range [0, 255]}}
  %0 = qnn.quantize %x : tensor<4xf32> -> tensor<4x!quant.uniform<u8:f32, 0.1:-1>>
  return
}

// -----

func.func @per_axis_zero_point_out_of_range(%q: tensor<2x4x!quant.uniform<i4:f32:0, {0.1:3, 0.2:8}>>) {
  // expected-error @+1 {{operand #0 has zero point 8 outside the storage range [-8, 7]}}
  %0 = qnn.dequantize %q : tensor<2x4x!quant.uniform<i4:f32:0, {0.1:3, 0.2:8}>> -> tensor<2x4xf32>
  return
}

// -----

func.func @axis_out_of_range(%x: tensor<4xf32>) {
  // expected-error @+1 {{result is quantized along axis 1 but has rank 1}}
  %0 = qnn.quantize %x : tensor<4xf32> -> tensor<4x!quant.uniform<i8:f32:1, {0.1, 0.2}>>
  return
}

// -----

func.func @axis_scale_count(%x: tensor<3x4xf32>) {
  // expected-error @+1 {{result has 3 slices along quantized axis 0 but its type has 2 scales}}
  %0 = qnn.quantize %x : tensor<3x4xf32> -> tensor<3x4x!quant.uniform<i8:f32:0, {0.1, 0.2}>>
  return
}

// -----

func.func @binary_axis_count(%x: tensor<3x4xf32>) {
  // expected-error @+1 {{result has 4 slices along quantized axis 1 but its type has 2 scales}}
  %0 = qnn.quantize %x : tensor<3x4xf32> -> tensor<3x4x!qnn.binary<f32:1, {0.5, 0.25}>>
  return
}

// -----

func.func @block_not_dividing(%x: tensor<2x5xf32>) {
  // expected-error @+1 {{result dimension 1 of size 5 is not a multiple of block size 2}}
  %0 = qnn.quantize %x : tensor<2x5xf32> -> tensor<2x5x!quant.uniform<i8:f32:{0:1, 1:2}, {{0.1, 0.2}, {0.3, 0.4}}>>
  return
}

// -----

func.func @block_scale_shape(%x: tensor<2x6xf32>) {
  // expected-error @+1 {{result needs 3 scale blocks along dimension 1, the type has 2}}
  %0 = qnn.quantize %x : tensor<2x6xf32> -> tensor<2x6x!quant.uniform<i8:f32:{0:1, 1:2}, {{0.1, 0.2}, {0.3, 0.4}}>>
  return
}

// -----

//===----------------------------------------------------------------------===//
// qnn.constant
//===----------------------------------------------------------------------===//

func.func @constant_shape() {
  // expected-error @+1 {{value shape does not match the result shape}}
  %0 = qnn.constant dense<1> : tensor<3xi8> -> tensor<4x!quant.uniform<i8:f32, 0.1>>
  return
}

// -----

func.func @constant_float_mismatch() {
  // expected-error @+1 {{value element type must equal the result element type}}
  %0 = qnn.constant dense<1.0> : tensor<4xf16> -> tensor<4xf32>
  return
}

// -----

func.func @constant_storage_width() {
  // expected-error @+1 {{value must hold i8 storage values for this element type}}
  %0 = qnn.constant dense<1> : tensor<4xi16> -> tensor<4x!quant.uniform<i8:f32, 0.1>>
  return
}

// -----

func.func @constant_signedness() {
  // expected-error @+1 {{value must hold i8 storage values for this element type}}
  %0 = qnn.constant dense<1> : tensor<4xsi8> -> tensor<4x!quant.uniform<u8:f32, 0.1>>
  return
}

// -----

func.func @constant_narrow_range() {
  // expected-error @+1 {{storage value -128 is outside the storage range [-127, 127]}}
  %0 = qnn.constant dense<[0, -128]> : tensor<2xi8> -> tensor<2x!quant.uniform<i8<-127:127>:f32, 0.1>>
  return
}

// -----

func.func @constant_ternary_value() {
  // expected-error @+1 {{ternary storage values must be -1, 0 or 1}}
  %0 = qnn.constant dense<[1, -2]> : tensor<2xi2> -> tensor<2x!qnn.ternary<f32, 0.5>>
  return
}

// -----

func.func @constant_codebook_index() {
  // expected-error @+1 {{codebook index 3 is outside the table of 3 entries}}
  %0 = qnn.constant dense<[0, 3]> : tensor<2xui2> -> tensor<2x!qnn.codebook<i2:f32, [-1.0, 0.0, 1.0]>>
  return
}

// -----

func.func @constant_binary_width() {
  // expected-error @+1 {{value must hold i1 storage values for this element type}}
  %0 = qnn.constant dense<1> : tensor<2xi8> -> tensor<2x!qnn.binary<f32>>
  return
}

// -----

//===----------------------------------------------------------------------===//
// qnn.quantize / qnn.dequantize
//===----------------------------------------------------------------------===//

func.func @quantize_shape(%x: tensor<4xf32>) {
  // expected-error @+1 {{input and result shapes differ}}
  %0 = qnn.quantize %x : tensor<4xf32> -> tensor<5x!quant.uniform<i8:f32, 0.1>>
  return
}

// -----

func.func @quantize_int_input(%x: tensor<4xi32>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of floating-point values, but got 'tensor<4xi32>'}}
  %0 = qnn.quantize %x : tensor<4xi32> -> tensor<4x!quant.uniform<i8:f32, 0.1>>
  return
}

// -----

func.func @quantize_to_float(%x: tensor<4xf32>) {
  // expected-error @+1 {{result #0 must be ranked tensor of quantized (`!quant.uniform`, `!qnn.binary`, `!qnn.ternary` or `!qnn.codebook`) values, but got 'tensor<4xf16>'}}
  %0 = qnn.quantize %x : tensor<4xf32> -> tensor<4xf16>
  return
}

// -----

func.func @quantize_expressed_mismatch(%x: tensor<4xf16>) {
  // expected-error @+1 {{expresses 'f32', not the float type 'f16'}}
  %0 = qnn.quantize %x : tensor<4xf16> -> tensor<4x!quant.uniform<i8:f32, 0.1>>
  return
}

// -----

func.func @dequantize_float_input(%x: tensor<4xf32>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of quantized (`!quant.uniform`, `!qnn.binary`, `!qnn.ternary` or `!qnn.codebook`) values, but got 'tensor<4xf32>'}}
  %0 = qnn.dequantize %x : tensor<4xf32> -> tensor<4xf32>
  return
}

// -----

func.func @dequantize_binary_expressed(%b: tensor<4x!qnn.binary<f16>>) {
  // expected-error @+1 {{expresses 'f16', not the float type 'f32'}}
  %0 = qnn.dequantize %b : tensor<4x!qnn.binary<f16>> -> tensor<4xf32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// qnn.requantize
//===----------------------------------------------------------------------===//

func.func @requantize_binary(%b: tensor<4x!qnn.binary<f32>>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of `!quant.uniform` values, but got 'tensor<4x!qnn.binary<f32>>'}}
  %0 = qnn.requantize %b rounding half_even : tensor<4x!qnn.binary<f32>> -> tensor<4x!quant.uniform<i8:f32, 0.1>>
  return
}

// -----

func.func @requantize_expressed(%q: tensor<4x!quant.uniform<i8:f32, 0.1>>) {
  // expected-error @+1 {{input and result express different float types}}
  %0 = qnn.requantize %q rounding half_even : tensor<4x!quant.uniform<i8:f32, 0.1>> -> tensor<4x!quant.uniform<i8:f16, 0.1>>
  return
}

// -----

func.func @requantize_shape(%q: tensor<4x!quant.uniform<i8:f32, 0.1>>) {
  // expected-error @+1 {{input and result shapes differ}}
  %0 = qnn.requantize %q rounding half_even : tensor<4x!quant.uniform<i8:f32, 0.1>> -> tensor<2x2x!quant.uniform<i8:f32, 0.2>>
  return
}

// -----

func.func @requantize_unknown_rounding(%q: tensor<4x!quant.uniform<i8:f32, 0.1>>) {
  // expected-error @+2 {{expected ::mlir::qnn::RoundingMode to be one of: half_even, double_round, single_round}}
  // expected-error @+1 {{failed to parse QNN_RoundingModeAttr parameter}}
  %0 = qnn.requantize %q rounding truncate : tensor<4x!quant.uniform<i8:f32, 0.1>> -> tensor<4x!quant.uniform<i8:f32, 0.2>>
  return
}

// -----

//===----------------------------------------------------------------------===//
// qnn.rescale
//===----------------------------------------------------------------------===//

func.func @rescale_float(%x: tensor<4xf32>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of signless integer of at most 48 bits values, but got 'tensor<4xf32>'}}
  %0 = qnn.rescale %x rounding half_even {scale = array<f32: 0.5>, min = -128 : i64, max = 127 : i64} : tensor<4xf32> -> tensor<4xi8>
  return
}

// -----

func.func @rescale_too_wide(%x: tensor<4xi64>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of signless integer of at most 48 bits values, but got 'tensor<4xi64>'}}
  %0 = qnn.rescale %x rounding half_even {scale = array<f32: 0.5>, min = -128 : i64, max = 127 : i64} : tensor<4xi64> -> tensor<4xi8>
  return
}

// -----

func.func @rescale_shape(%x: tensor<4xi32>) {
  // expected-error @+1 {{input and result shapes differ}}
  %0 = qnn.rescale %x rounding half_even {scale = array<f32: 0.5>, min = -128 : i64, max = 127 : i64} : tensor<4xi32> -> tensor<5xi8>
  return
}

// -----

func.func @rescale_input_zp(%x: tensor<4xi8>) {
  // expected-error @+1 {{input_zp 200 is outside the input range [-128, 127]}}
  %0 = qnn.rescale %x rounding half_even {input_zp = 200 : i32, scale = array<f32: 0.5>, min = -128 : i64, max = 127 : i64} : tensor<4xi8> -> tensor<4xi8>
  return
}

// -----

func.func @rescale_output_zp(%x: tensor<4xi32>) {
  // expected-error @+1 {{output_zp -1 is outside the result range [0, 255]}}
  %0 = qnn.rescale %x rounding half_even {output_zp = -1 : i32, output_unsigned, scale = array<f32: 0.5>, min = 0 : i64, max = 255 : i64} : tensor<4xi32> -> tensor<4xi8>
  return
}

// -----

func.func @rescale_empty_bounds(%x: tensor<4xi32>) {
  // expected-error @+1 {{saturation bounds are empty: min 10 > max 5}}
  %0 = qnn.rescale %x rounding half_even {scale = array<f32: 0.5>, min = 10 : i64, max = 5 : i64} : tensor<4xi32> -> tensor<4xi8>
  return
}

// -----

func.func @rescale_bounds_range(%x: tensor<4xi32>) {
  // expected-error @+1 {{saturation bounds [0, 255] exceed the result range [-128, 127]}}
  %0 = qnn.rescale %x rounding half_even {scale = array<f32: 0.5>, min = 0 : i64, max = 255 : i64} : tensor<4xi32> -> tensor<4xi8>
  return
}

// -----

func.func @rescale_half_even_needs_scale(%x: tensor<4xi32>) {
  // expected-error @+1 {{rounding half_even takes an f32 'scale' and no 'multiplier'/'shift'}}
  %0 = qnn.rescale %x rounding half_even {multiplier = array<i32: 1073741824>, shift = array<i8: 31>, min = -128 : i64, max = 127 : i64} : tensor<4xi32> -> tensor<4xi8>
  return
}

// -----

func.func @rescale_fixed_point_needs_multiplier(%x: tensor<4xi32>) {
  // expected-error @+1 {{fixed-point rounding takes 'multiplier' and 'shift' and no 'scale'}}
  %0 = qnn.rescale %x rounding double_round {scale = array<f32: 0.5>, min = -128 : i64, max = 127 : i64} : tensor<4xi32> -> tensor<4xi8>
  return
}

// -----

func.func @rescale_count_mismatch(%x: tensor<4xi32>) {
  // expected-error @+1 {{has 2 multipliers but 1 shifts}}
  %0 = qnn.rescale %x rounding single_round {multiplier = array<i32: 1, 2>, shift = array<i8: 31>, axis = 0 : i64, min = -128 : i64, max = 127 : i64} : tensor<4xi32> -> tensor<4xi8>
  return
}

// -----

func.func @rescale_negative_multiplier(%x: tensor<4xi32>) {
  // expected-error @+1 {{attribute 'multiplier' failed to satisfy constraint: i32 dense array attribute whose value is non-negative}}
  %0 = qnn.rescale %x rounding single_round {multiplier = array<i32: -5>, shift = array<i8: 31>, min = -128 : i64, max = 127 : i64} : tensor<4xi32> -> tensor<4xi8>
  return
}

// -----

func.func @rescale_shift_range(%x: tensor<4xi32>) {
  // expected-error @+1 {{shift must be in [0, 62], got 63}}
  %0 = qnn.rescale %x rounding double_round {multiplier = array<i32: 1073741824>, shift = array<i8: 63>, min = -128 : i64, max = 127 : i64} : tensor<4xi32> -> tensor<4xi8>
  return
}

// -----

func.func @rescale_bad_scale(%x: tensor<4xi32>) {
  // expected-error @+1 {{scale must be positive and finite, got 0}}
  %0 = qnn.rescale %x rounding half_even {scale = array<f32: 0.0>, min = -128 : i64, max = 127 : i64} : tensor<4xi32> -> tensor<4xi8>
  return
}

// -----

func.func @rescale_no_scale(%x: tensor<4xi32>) {
  // expected-error @+1 {{needs at least one scale}}
  %0 = qnn.rescale %x rounding half_even {scale = array<f32>, min = -128 : i64, max = 127 : i64} : tensor<4xi32> -> tensor<4xi8>
  return
}

// -----

func.func @rescale_axis_range(%x: tensor<4xi32>) {
  // expected-error @+1 {{axis 1 is out of range for rank 1}}
  %0 = qnn.rescale %x rounding half_even {scale = array<f32: 0.5>, axis = 1 : i64, min = -128 : i64, max = 127 : i64} : tensor<4xi32> -> tensor<4xi8>
  return
}

// -----

func.func @rescale_axis_count(%x: tensor<4x2xi32>) {
  // expected-error @+1 {{has 2 scales but dimension 0 has size 4}}
  %0 = qnn.rescale %x rounding half_even {scale = array<f32: 0.5, 0.25>, axis = 0 : i64, min = -128 : i64, max = 127 : i64} : tensor<4x2xi32> -> tensor<4x2xi8>
  return
}

// -----

func.func @rescale_per_channel_without_axis(%x: tensor<4x2xi32>) {
  // expected-error @+1 {{has 2 scales but no 'axis' to apply them along}}
  %0 = qnn.rescale %x rounding half_even {scale = array<f32: 0.5, 0.25>, min = -128 : i64, max = 127 : i64} : tensor<4x2xi32> -> tensor<4x2xi8>
  return
}

// -----

func.func @rescale_missing_bounds(%x: tensor<4xi32>) {
  // expected-error @+1 {{requires attribute 'max'}}
  %0 = qnn.rescale %x rounding half_even {scale = array<f32: 0.5>, min = -128 : i64} : tensor<4xi32> -> tensor<4xi8>
  return
}

// -----

//===----------------------------------------------------------------------===//
// Shared op invariants and malformed IR
//===----------------------------------------------------------------------===//

func.func @unknown_attribute(%x: tensor<4xf32>) {
  // A misspelled attribute is an error, not silently ignored.
  // expected-error @+1 {{'qnn.quantize' op has unknown attribute 'rounding_mode'}}
  %0 = qnn.quantize %x {rounding_mode = 1 : i32} : tensor<4xf32> -> tensor<4x!quant.uniform<i8:f32, 0.1>>
  return
}

// -----

func.func @missing_type(%x: tensor<4xf32>) {
  // expected-error @+1 {{expected ':'}}
  %0 = qnn.quantize %x
  return
}

// -----

func.func @unknown_op(%x: tensor<4xf32>) {
  // expected-error @+1 {{custom op 'qnn.frobnicate' is unknown}}
  %0 = qnn.frobnicate %x : tensor<4xf32>
  return
}
