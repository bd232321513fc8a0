// RUN: quant-opt %s -split-input-file -verify-diagnostics

// One case per verifier rule of the data-movement and elementwise ops
// (QNNShapeOps.cpp, QNNElementwiseOps.cpp).
// Rules stated in ODS (dialects/QNN/QNNTypeConstraints.td: element kinds,
// ranks, array lengths, attribute ranges) are checked before the C++
// verifiers and report the generated messages ("operand #0 must be ...",
// "attribute 'x' failed to satisfy constraint: ..."); each constraint has
// a case here.

// reshape: only float, integer or quantized elements (QNN_ValueTensor).
func.func @reshape_element(%x: tensor<4xcomplex<f32>>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of float, integer or quantized values, but got 'tensor<4xcomplex<f32>>'}}
  %0 = qnn.reshape %x : tensor<4xcomplex<f32>> -> tensor<2x2xcomplex<f32>>
  return
}

// -----

// reshape: element count must be kept.
func.func @reshape_count(%x: tensor<2x6xf32>) {
  // expected-error @+1 {{changes the element count from 12 to 10}}
  %0 = qnn.reshape %x : tensor<2x6xf32> -> tensor<2x5xf32>
  return
}

// -----

// reshape: element type must be kept.
func.func @reshape_type(%x: tensor<2x6xf32>) {
  // expected-error @+1 {{expects the element type to be kept}}
  %0 = qnn.reshape %x : tensor<2x6xf32> -> tensor<12xf16>
  return
}

// -----

// reshape: a per-axis quantized axis may not be split or merged.
func.func @reshape_split_axis(%x: tensor<4x3x!quant.uniform<i8:f32:0, {1.0, 2.0, 3.0, 4.0}>>) {
  // expected-error @+1 {{splits or merges quantized axis 0}}
  %0 = qnn.reshape %x : tensor<4x3x!quant.uniform<i8:f32:0, {1.0, 2.0, 3.0, 4.0}>> -> tensor<2x6x!quant.uniform<i8:f32:0, {1.0, 2.0}>>
  return
}

// -----

// reshape: the quantized axis moves to where its slices went.
func.func @reshape_axis_moved(%x: tensor<1x3x4x!quant.uniform<i8:f32:1, {1.0, 2.0, 3.0}>>) {
  // expected-error @+1 {{quantized axis 1 moves to 0}}
  %0 = qnn.reshape %x : tensor<1x3x4x!quant.uniform<i8:f32:1, {1.0, 2.0, 3.0}>> -> tensor<3x4x!quant.uniform<i8:f32:1, {1.0, 2.0, 3.0, 4.0}>>
  return
}

// -----

// reshape: sub-channel tensors keep their shape.
func.func @reshape_subchannel(%x: tensor<2x4x!quant.uniform<i8:f32:{0:1, 1:2}, {{1.0, 2.0}, {3.0, 4.0}}>>) {
  // expected-error @+1 {{cannot reshape a sub-channel quantized tensor}}
  %0 = qnn.reshape %x : tensor<2x4x!quant.uniform<i8:f32:{0:1, 1:2}, {{1.0, 2.0}, {3.0, 4.0}}>> -> tensor<4x2x!quant.uniform<i8:f32:{0:1, 1:1}, {{1.0, 1.0}, {2.0, 2.0}, {3.0, 3.0}, {4.0, 4.0}}>>
  return
}

// -----

// transpose: one permutation entry per dimension.
func.func @transpose_size(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{expects a permutation of 2 entries and a rank-2 result, got 3 entries and rank 2}}
  %0 = qnn.transpose %x {permutation = array<i64: 0, 1, 2>} : tensor<2x3xf32> -> tensor<2x3xf32>
  return
}

// -----

// transpose: entries form a permutation.
func.func @transpose_not_perm(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{'permutation' is not a permutation of [0, 2)}}
  %0 = qnn.transpose %x {permutation = array<i64: 1, 1>} : tensor<2x3xf32> -> tensor<3x3xf32>
  return
}

// -----

// transpose: result dimensions are the permuted input dimensions.
func.func @transpose_shape(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{result dimension 0 is 2 but input dimension 1 is 3}}
  %0 = qnn.transpose %x {permutation = array<i64: 1, 0>} : tensor<2x3xf32> -> tensor<2x3xf32>
  return
}

// -----

// transpose: per-tensor types are kept.
func.func @transpose_type(%x: tensor<2x3x!quant.uniform<i8:f32, 0.5>>) {
  // expected-error @+1 {{expects the element type to be kept}}
  %0 = qnn.transpose %x {permutation = array<i64: 1, 0>} : tensor<2x3x!quant.uniform<i8:f32, 0.5>> -> tensor<3x2x!quant.uniform<i8:f32, 0.25>>
  return
}

// -----

// transpose: a per-axis axis follows the permutation.
func.func @transpose_axis(%x: tensor<2x3x!quant.uniform<i8:f32:0, {0.5, 0.25}>>) {
  // expected-error @+1 {{quantized axis 0 moves to 1}}
  %0 = qnn.transpose %x {permutation = array<i64: 1, 0>} : tensor<2x3x!quant.uniform<i8:f32:0, {0.5, 0.25}>> -> tensor<3x2x!quant.uniform<i8:f32:0, {0.5, 0.25, 0.125}>>
  return
}

// -----

// transpose: sub-channel tensors are not transposed.
func.func @transpose_subchannel(%x: tensor<2x4x!quant.uniform<i8:f32:{0:1, 1:2}, {{1.0, 2.0}, {3.0, 4.0}}>>) {
  // expected-error @+1 {{cannot transpose a sub-channel quantized tensor}}
  %0 = qnn.transpose %x {permutation = array<i64: 1, 0>} : tensor<2x4x!quant.uniform<i8:f32:{0:1, 1:2}, {{1.0, 2.0}, {3.0, 4.0}}>> -> tensor<4x2x!quant.uniform<i8:f32:{0:2, 1:1}, {{1.0, 3.0}, {2.0, 4.0}}>>
  return
}

// -----

// concat: at least one input.
func.func @concat_empty() {
  // expected-error @+1 {{expects at least one input}}
  %0 = qnn.concat {axis = 0 : i64} : () -> tensor<2xf32>
  return
}

// -----

// concat: the axis is non-negative (QNN_NonNegativeI64Attr).
func.func @concat_negative_axis(%a: tensor<2xf32>) {
  // expected-error @+1 {{attribute 'axis' failed to satisfy constraint: 64-bit signless integer attribute whose value is non-negative}}
  %0 = qnn.concat %a {axis = -1 : i64} : (tensor<2xf32>) -> tensor<2xf32>
  return
}

// -----

// concat: axis in range.
func.func @concat_axis(%a: tensor<2xf32>) {
  // expected-error @+1 {{axis 1 is out of range for rank 1}}
  %0 = qnn.concat %a {axis = 1 : i64} : (tensor<2xf32>) -> tensor<2xf32>
  return
}

// -----

// concat: inputs have the result's rank.
func.func @concat_rank(%a: tensor<2xf32>, %b: tensor<2x2xf32>) {
  // expected-error @+1 {{input 1 has rank 2 but the result has rank 1}}
  %0 = qnn.concat %a, %b {axis = 0 : i64} : (tensor<2xf32>, tensor<2x2xf32>) -> tensor<4xf32>
  return
}

// -----

// concat: non-axis dimensions agree.
func.func @concat_dims(%a: tensor<2x3xf32>, %b: tensor<2x4xf32>) {
  // expected-error @+1 {{input 1 dimension 1 is 4 but the result's is 3}}
  %0 = qnn.concat %a, %b {axis = 0 : i64} : (tensor<2x3xf32>, tensor<2x4xf32>) -> tensor<4x3xf32>
  return
}

// -----

// concat: the axis sizes add up.
func.func @concat_sum(%a: tensor<2xf32>, %b: tensor<3xf32>) {
  // expected-error @+1 {{result dimension 0 is 6 but the inputs sum to 5}}
  %0 = qnn.concat %a, %b {axis = 0 : i64} : (tensor<2xf32>, tensor<3xf32>) -> tensor<6xf32>
  return
}

// -----

// concat: one element kind.
func.func @concat_kinds(%a: tensor<2xf32>, %b: tensor<3x!quant.uniform<i8:f32, 0.5>>) {
  // expected-error @+1 {{input 0 is float but the result is affine}}
  %0 = qnn.concat %a, %b {axis = 0 : i64} : (tensor<2xf32>, tensor<3x!quant.uniform<i8:f32, 0.5>>) -> tensor<5x!quant.uniform<i8:f32, 0.5>>
  return
}

// -----

// concat: per-tensor affine inputs share the storage type.
func.func @concat_storage(%a: tensor<2x!quant.uniform<u8:f32, 0.5>>, %b: tensor<3x!quant.uniform<i8:f32, 0.5>>) {
  // expected-error @+1 {{input 0 storage or expressed type differs from the result's}}
  %0 = qnn.concat %a, %b {axis = 0 : i64} : (tensor<2x!quant.uniform<u8:f32, 0.5>>, tensor<3x!quant.uniform<i8:f32, 0.5>>) -> tensor<5x!quant.uniform<i8:f32, 0.5>>
  return
}

// -----

// concat: along a per-axis quantized axis, inputs are per-axis on it too.
func.func @concat_peraxis_input(%a: tensor<1x2x!quant.uniform<i8:f32, 0.5>>, %b: tensor<1x2x!quant.uniform<i8:f32:0, {0.25}>>) {
  // expected-error @+1 {{input 0 must be quantized along the concat axis 0 like the result}}
  %0 = qnn.concat %a, %b {axis = 0 : i64} : (tensor<1x2x!quant.uniform<i8:f32, 0.5>>, tensor<1x2x!quant.uniform<i8:f32:0, {0.25}>>) -> tensor<2x2x!quant.uniform<i8:f32:0, {0.5, 0.25}>>
  return
}

// -----

// concat: ... and the result's parameters are their concatenation.
func.func @concat_peraxis_params(%a: tensor<1x2x!quant.uniform<i8:f32:0, {0.5}>>, %b: tensor<1x2x!quant.uniform<i8:f32:0, {0.25}>>) {
  // expected-error @+1 {{result parameters along axis 0 are not the concatenation of the inputs'}}
  %0 = qnn.concat %a, %b {axis = 0 : i64} : (tensor<1x2x!quant.uniform<i8:f32:0, {0.5}>>, tensor<1x2x!quant.uniform<i8:f32:0, {0.25}>>) -> tensor<2x2x!quant.uniform<i8:f32:0, {0.25, 0.5}>>
  return
}

// -----

// concat: other quantized inputs have the result's type.
func.func @concat_binary(%a: tensor<2x!qnn.binary<f32>>, %b: tensor<2x!qnn.binary<f32, 0.5>>) {
  // expected-error @+1 {{input 1 has element type '!qnn.binary<f32, 5.000000e-01>' but the result has '!qnn.binary<f32>'}}
  %0 = qnn.concat %a, %b {axis = 0 : i64} : (tensor<2x!qnn.binary<f32>>, tensor<2x!qnn.binary<f32, 0.5>>) -> tensor<4x!qnn.binary<f32>>
  return
}

// -----

// pad: rank kept.
func.func @pad_rank(%x: tensor<4xf32>) {
  // expected-error @+1 {{expects a rank-1 result, got rank 2}}
  %0 = qnn.pad %x {pads = array<i64: 0, 0>} : tensor<4xf32> -> tensor<4x1xf32>
  return
}

// -----

// pad: 2*rank pads.
func.func @pad_count(%x: tensor<4xf32>) {
  // expected-error @+1 {{expects 2 entries in 'pads', got 1}}
  %0 = qnn.pad %x {pads = array<i64: 1>} : tensor<4xf32> -> tensor<5xf32>
  return
}

// -----

// pad: pads are non-negative.
func.func @pad_negative(%x: tensor<4xf32>) {
  // expected-error @+1 {{attribute 'pads' failed to satisfy constraint: i64 dense array attribute whose value is non-negative}}
  %0 = qnn.pad %x {pads = array<i64: -1, 0>} : tensor<4xf32> -> tensor<3xf32>
  return
}

// -----

// pad: result size is input plus pads.
func.func @pad_size(%x: tensor<4xf32>) {
  // expected-error @+1 {{result dimension 0 is 5 but input 4 + pads 1 + 1 = 6}}
  %0 = qnn.pad %x {pads = array<i64: 1, 1>} : tensor<4xf32> -> tensor<5xf32>
  return
}

// -----

// pad: edge and reflect modes take no value.
func.func @pad_mode_value(%x: tensor<4xf32>) {
  // expected-error @+1 {{takes a padding value only in constant mode, got 1.000000e+00 in edge mode}}
  %0 = qnn.pad %x mode edge {pads = array<i64: 1, 1>, value = 1.0 : f64} : tensor<4xf32> -> tensor<6xf32>
  return
}

// -----

// pad: an empty dimension has no edge.
func.func @pad_edge_empty(%x: tensor<0x2xf32>) {
  // expected-error @+1 {{cannot pad the empty dimension 0 in edge mode}}
  %0 = qnn.pad %x mode edge {pads = array<i64: 1, 0, 0, 0>} : tensor<0x2xf32> -> tensor<1x2xf32>
  return
}

// -----

// pad: reflect pads stay below the dimension size.
func.func @pad_reflect_size(%x: tensor<3xf32>) {
  // expected-error @+1 {{reflects at most 2 elements of dimension 0 (size 3), got pads 0 and 3}}
  %0 = qnn.pad %x mode reflect {pads = array<i64: 0, 3>} : tensor<3xf32> -> tensor<6xf32>
  return
}

// -----

// pad: element type kept.
func.func @pad_type(%x: tensor<4xf32>) {
  // expected-error @+1 {{expects the element type to be kept}}
  %0 = qnn.pad %x {pads = array<i64: 1, 1>} : tensor<4xf32> -> tensor<6xf16>
  return
}

// -----

// pad: the value must be exactly representable (0.2 is not a multiple of
// the scale 0.5).
func.func @pad_value(%x: tensor<4x!quant.uniform<i8:f32, 0.5:-3>>) {
  // expected-error @+1 {{padding value 2.000000e-01 is not exactly representable}}
  %0 = qnn.pad %x {pads = array<i64: 1, 1>, value = 0.2 : f64} : tensor<4x!quant.uniform<i8:f32, 0.5:-3>> -> tensor<6x!quant.uniform<i8:f32, 0.5:-3>>
  return
}

// -----

// pad: binary values have no zero.
func.func @pad_binary_zero(%x: tensor<4x!qnn.binary<f32>>) {
  // expected-error @+1 {{padding value 0.000000e+00 is not exactly representable}}
  %0 = qnn.pad %x {pads = array<i64: 1, 1>} : tensor<4x!qnn.binary<f32>> -> tensor<6x!qnn.binary<f32>>
  return
}

// -----

// pad: a value outside the storage range is not representable.
func.func @pad_value_range(%x: tensor<4x!quant.uniform<i8:f32, 0.5>>) {
  // expected-error @+1 {{padding value 1.000000e+02 is not exactly representable}}
  %0 = qnn.pad %x {pads = array<i64: 1, 1>, value = 100.0 : f64} : tensor<4x!quant.uniform<i8:f32, 0.5>> -> tensor<6x!quant.uniform<i8:f32, 0.5>>
  return
}

// -----

// add: shapes broadcast.
func.func @add_broadcast(%a: tensor<2x3xf32>, %b: tensor<2xf32>) {
  // expected-error @+1 {{operand shapes 'tensor<2x3xf32>' and 'tensor<2xf32>' do not broadcast}}
  %0 = qnn.add %a, %b : (tensor<2x3xf32>, tensor<2xf32>) -> tensor<2x3xf32>
  return
}

// -----

// add: the result has the broadcast shape.
func.func @add_result(%a: tensor<2x3xf32>, %b: tensor<3xf32>) {
  // expected-error @+1 {{result shape does not match the broadcast of the operands}}
  %0 = qnn.add %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return
}

// -----

// mul: per-axis operands are not supported.
func.func @mul_peraxis(%a: tensor<2x!quant.uniform<i8:f32:0, {0.5, 0.25}>>, %b: tensor<2x!quant.uniform<i8:f32, 0.5>>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of floating-point or per-tensor `!quant.uniform` values, but got 'tensor<2x!quant.uniform<i8:f32:0, {5.000000e-01,2.500000e-01}>>'}}
  %0 = qnn.mul %a, %b : (tensor<2x!quant.uniform<i8:f32:0, {0.5, 0.25}>>, tensor<2x!quant.uniform<i8:f32, 0.5>>) -> tensor<2x!quant.uniform<i8:f32, 0.5>>
  return
}

// -----

// add: no mixing float and quantized.
func.func @add_mixed(%a: tensor<2xf32>, %b: tensor<2x!quant.uniform<i8:f32, 0.5>>) {
  // expected-error @+1 {{mixes float and quantized operands}}
  %0 = qnn.add %a, %b : (tensor<2xf32>, tensor<2x!quant.uniform<i8:f32, 0.5>>) -> tensor<2xf32>
  return
}

// -----

// add: one float type.
func.func @add_float_types(%a: tensor<2xf32>, %b: tensor<2xf16>) {
  // expected-error @+1 {{expects one float type}}
  %0 = qnn.add %a, %b : (tensor<2xf32>, tensor<2xf16>) -> tensor<2xf32>
  return
}

// -----

// add: one expressed type.
func.func @add_expressed(%a: tensor<2x!quant.uniform<i8:f16, 0.5>>, %b: tensor<2x!quant.uniform<i8:f32, 0.5>>) {
  // expected-error @+1 {{operands and result express different float types}}
  %0 = qnn.add %a, %b : (tensor<2x!quant.uniform<i8:f16, 0.5>>, tensor<2x!quant.uniform<i8:f32, 0.5>>) -> tensor<2x!quant.uniform<i8:f32, 0.5>>
  return
}

// -----

// clamp: no NaN bounds.
func.func @clamp_nan(%x: tensor<2xf32>) {
  // expected-error @+1 {{bounds must not be NaN}}
  %0 = qnn.clamp %x {min = 0x7FC00000 : f32, max = 1.0 : f32} : tensor<2xf32>
  return
}

// -----

// clamp: min <= max.
func.func @clamp_order(%x: tensor<2xf32>) {
  // expected-error @+1 {{expects min <= max, got 6.000000e+00 > 0.000000e+00}}
  %0 = qnn.clamp %x {min = 6.0 : f32, max = 0.0 : f32} : tensor<2xf32>
  return
}

// -----

// clamp: float or affine values only.
func.func @clamp_binary(%x: tensor<2x!qnn.binary<f32>>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of floating-point or `!quant.uniform` values, but got 'tensor<2x!qnn.binary<f32>>'}}
  %0 = qnn.clamp %x {min = 0.0 : f32, max = 1.0 : f32} : tensor<2x!qnn.binary<f32>>
  return
}

// -----

// sign: float only.
func.func @sign_quantized(%x: tensor<2x!quant.uniform<i8:f32, 0.5>>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of floating-point values, but got 'tensor<2x!quant.uniform<i8:f32, 5.000000e-01>>'}}
  %0 = qnn.sign %x : tensor<2x!quant.uniform<i8:f32, 0.5>>
  return
}

// -----

// binarize: same shape.
func.func @binarize_shape(%x: tensor<2xf32>) {
  // expected-error @+1 {{input and result shapes differ}}
  %0 = qnn.binarize %x : tensor<2xf32> -> tensor<3x!qnn.binary<f32>>
  return
}

// -----

// binarize: float, affine or (integer form) integer input.
func.func @binarize_input(%x: tensor<2x!qnn.ternary<f32, 0.5>>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of floating-point or `!quant.uniform` or signless integer values, but got 'tensor<2x!qnn.ternary<f32, 5.000000e-01>>'}}
  %0 = qnn.binarize %x : tensor<2x!qnn.ternary<f32, 0.5>> -> tensor<2x!qnn.binary<f32>>
  return
}

// -----

// binarize: integer input is signless (the integer form).
func.func @binarize_unsigned_input(%x: tensor<2xui8>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of floating-point or `!quant.uniform` or signless integer values, but got 'tensor<2xui8>'}}
  %0 = qnn.binarize %x : tensor<2xui8> -> tensor<2xi8>
  return
}

// -----

// binarize: the result is binary (or i8 codes in the integer form).
func.func @binarize_result(%x: tensor<2xf32>) {
  // expected-error @+1 {{result #0 must be ranked tensor of `!qnn.binary` or 8-bit signless integer values, but got 'tensor<2x!quant.uniform<i8:f32, 5.000000e-01>>'}}
  %0 = qnn.binarize %x : tensor<2xf32> -> tensor<2x!quant.uniform<i8:f32, 0.5>>
  return
}

// -----

// binarize: integer input gives i8 codes.
func.func @binarize_int_to_binary(%x: tensor<2xi32>) {
  // expected-error @+1 {{expects an i8 result for integer input}}
  %0 = qnn.binarize %x : tensor<2xi32> -> tensor<2x!qnn.binary<f32>>
  return
}

// -----

// binarize: affine input is compared on reals; the integer form reads codes.
func.func @binarize_affine_to_i8(%x: tensor<2x!quant.uniform<i8:f32, 0.5>>) {
  // expected-error @+1 {{expects float or integer input for an i8 (integer form) result}}
  %0 = qnn.binarize %x : tensor<2x!quant.uniform<i8:f32, 0.5>> -> tensor<2xi8>
  return
}

// -----

// binarize: the result expresses the input's float type.
func.func @binarize_expressed(%x: tensor<2xf16>) {
  // expected-error @+1 {{result expresses 'f32' but the input expresses 'f16'}}
  %0 = qnn.binarize %x : tensor<2xf16> -> tensor<2x!qnn.binary<f32>>
  return
}

// -----

// binarize: finite threshold.
func.func @binarize_threshold(%x: tensor<2xf32>) {
  // expected-error @+1 {{threshold must be finite}}
  %0 = qnn.binarize %x {threshold = 0x7F800000 : f32} : tensor<2xf32> -> tensor<2x!qnn.binary<f32>>
  return
}

// -----

// binarize: per-channel thresholds come with an axis.
func.func @binarize_thresholds_axis(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{'thresholds' and 'axis' go together}}
  %0 = qnn.binarize %x {thresholds = array<f64: 0.0, 1.0, 2.0>} : tensor<2x3xf32> -> tensor<2x3x!qnn.binary<f32>>
  return
}

// -----

// binarize: one threshold or one per slice, not both.
func.func @binarize_both(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{takes either 'threshold' or 'thresholds'}}
  %0 = qnn.binarize %x {threshold = 1.0 : f32, axis = 1 : i64, thresholds = array<f64: 0.0, 1.0, 2.0>} : tensor<2x3xf32> -> tensor<2x3x!qnn.binary<f32>>
  return
}

// -----

// binarize: axis in range.
func.func @binarize_axis_range(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{axis 2 is out of range for rank 2}}
  %0 = qnn.binarize %x {axis = 2 : i64, thresholds = array<f64: 0.0, 1.0, 2.0>} : tensor<2x3xf32> -> tensor<2x3x!qnn.binary<f32>>
  return
}

// -----

// binarize: one threshold per slice.
func.func @binarize_count(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{has 2 thresholds but dimension 1 has size 3}}
  %0 = qnn.binarize %x {axis = 1 : i64, thresholds = array<f64: 0.0, 1.0>} : tensor<2x3xf32> -> tensor<2x3x!qnn.binary<f32>>
  return
}

// -----

// binarize: no NaN thresholds.
func.func @binarize_nan(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{thresholds must not be NaN}}
  %0 = qnn.binarize %x {axis = 1 : i64, thresholds = array<f64: 0.0, 0x7FF8000000000000, 2.0>} : tensor<2x3xf32> -> tensor<2x3x!qnn.binary<f32>>
  return
}
