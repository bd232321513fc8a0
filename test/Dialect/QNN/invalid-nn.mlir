// RUN: quant-opt %s -split-input-file -verify-diagnostics

// One case per verifier rule of the neural-network compute ops
// (QNNNNOps.cpp), in the order the verifiers check them. The quantization
// cases match only the part of the message that does not name the operand,
// so that they hold whether the op verifier or a generic operand check
// reports them first.
// Rules stated in ODS (dialects/QNN/QNNTypeConstraints.td: element kinds,
// ranks, array lengths, attribute ranges) are checked before the C++
// verifiers and report the generated messages ("operand #0 must be ...",
// "attribute 'x' failed to satisfy constraint: ..."); each constraint has
// a case here.

// conv2d: the input must be rank 4.
func.func @conv_input_rank(%x: tensor<3x32x32xf32>, %w: tensor<8x3x3x3xf32>) {
  // expected-error @+1 {{operand #0 must be 4D tensor of floating-point or `!quant.uniform` or `!qnn.binary` or signless integer values, but got 'tensor<3x32x32xf32>'}}
  %y = qnn.conv2d %x, %w : (tensor<3x32x32xf32>, tensor<8x3x3x3xf32>) -> tensor<1x8x30x30xf32>
  return
}

// -----

// conv2d: the weight must be rank 4.
func.func @conv_weight_rank(%x: tensor<1x3x32x32xf32>, %w: tensor<8x27xf32>) {
  // expected-error @+1 {{operand #1 must be 4D tensor of floating-point or quantized (`!quant.uniform`, `!qnn.binary`, `!qnn.ternary` or `!qnn.codebook`) or signless integer values, but got 'tensor<8x27xf32>'}}
  %y = qnn.conv2d %x, %w : (tensor<1x3x32x32xf32>, tensor<8x27xf32>) -> tensor<1x8x30x30xf32>
  return
}

// -----

// conv2d: integer weights are signless (QNN_LinearWeightTypes).
func.func @conv_weight_unsigned(%x: tensor<1x3x32x32xi8>, %w: tensor<8x3x3x3xui8>) {
  // expected-error @+1 {{operand #1 must be 4D tensor of floating-point or quantized (`!quant.uniform`, `!qnn.binary`, `!qnn.ternary` or `!qnn.codebook`) or signless integer values, but got 'tensor<8x3x3x3xui8>'}}
  %y = qnn.conv2d %x, %w : (tensor<1x3x32x32xi8>, tensor<8x3x3x3xui8>) -> tensor<1x8x30x30xi32>
  return
}

// -----

// conv2d: the bias must be 1-D.
func.func @conv_bias_rank(%x: tensor<1x3x32x32xf32>, %w: tensor<8x3x3x3xf32>, %b: tensor<1x8xf32>) {
  // expected-error @+1 {{operand #2 must be 1D tensor of floating-point or `!quant.uniform` or 32-bit signless integer values, but got 'tensor<1x8xf32>'}}
  %y = qnn.conv2d %x, %w, %b : (tensor<1x3x32x32xf32>, tensor<8x3x3x3xf32>, tensor<1x8xf32>) -> tensor<1x8x30x30xf32>
  return
}

// -----

// conv2d: the result must be rank 4.
func.func @conv_result_rank(%x: tensor<1x3x32x32xf32>, %w: tensor<8x3x3x3xf32>) {
  // expected-error @+1 {{result #0 must be 4D tensor of floating-point or `!quant.uniform` or 32-bit signless integer values, but got 'tensor<8x30x30xf32>'}}
  %y = qnn.conv2d %x, %w : (tensor<1x3x32x32xf32>, tensor<8x3x3x3xf32>) -> tensor<8x30x30xf32>
  return
}

// -----

// conv2d: strides has two entries.
func.func @conv_strides_size(%x: tensor<1x3x32x32xf32>, %w: tensor<8x3x3x3xf32>) {
  // expected-error @+1 {{attribute 'strides' failed to satisfy constraint: i64 dense array attribute with exactly 2 elements whose value is positive}}
  %y = qnn.conv2d %x, %w {strides = array<i64: 1, 1, 1>} : (tensor<1x3x32x32xf32>, tensor<8x3x3x3xf32>) -> tensor<1x8x30x30xf32>
  return
}

// -----

// conv2d: strides are >= 1.
func.func @conv_strides_value(%x: tensor<1x3x32x32xf32>, %w: tensor<8x3x3x3xf32>) {
  // expected-error @+1 {{attribute 'strides' failed to satisfy constraint: i64 dense array attribute with exactly 2 elements whose value is positive}}
  %y = qnn.conv2d %x, %w {strides = array<i64: 1, 0>} : (tensor<1x3x32x32xf32>, tensor<8x3x3x3xf32>) -> tensor<1x8x30x30xf32>
  return
}

// -----

// conv2d: dilations has two entries.
func.func @conv_dilations_size(%x: tensor<1x3x32x32xf32>, %w: tensor<8x3x3x3xf32>) {
  // expected-error @+1 {{attribute 'dilations' failed to satisfy constraint: i64 dense array attribute with exactly 2 elements whose value is positive}}
  %y = qnn.conv2d %x, %w {dilations = array<i64: 2>} : (tensor<1x3x32x32xf32>, tensor<8x3x3x3xf32>) -> tensor<1x8x30x30xf32>
  return
}

// -----

// conv2d: dilations are >= 1.
func.func @conv_dilations_value(%x: tensor<1x3x32x32xf32>, %w: tensor<8x3x3x3xf32>) {
  // expected-error @+1 {{attribute 'dilations' failed to satisfy constraint: i64 dense array attribute with exactly 2 elements whose value is positive}}
  %y = qnn.conv2d %x, %w {dilations = array<i64: -1, 1>} : (tensor<1x3x32x32xf32>, tensor<8x3x3x3xf32>) -> tensor<1x8x30x30xf32>
  return
}

// -----

// conv2d: padding has four entries.
func.func @conv_padding_size(%x: tensor<1x3x32x32xf32>, %w: tensor<8x3x3x3xf32>) {
  // expected-error @+1 {{attribute 'padding' failed to satisfy constraint: i64 dense array attribute with exactly 4 elements whose value is non-negative}}
  %y = qnn.conv2d %x, %w {padding = array<i64: 1, 1>} : (tensor<1x3x32x32xf32>, tensor<8x3x3x3xf32>) -> tensor<1x8x32x32xf32>
  return
}

// -----

// conv2d: padding is >= 0.
func.func @conv_padding_value(%x: tensor<1x3x32x32xf32>, %w: tensor<8x3x3x3xf32>) {
  // expected-error @+1 {{attribute 'padding' failed to satisfy constraint: i64 dense array attribute with exactly 4 elements whose value is non-negative}}
  %y = qnn.conv2d %x, %w {padding = array<i64: 1, -1, 1, 1>} : (tensor<1x3x32x32xf32>, tensor<8x3x3x3xf32>) -> tensor<1x8x32x32xf32>
  return
}

// -----

// conv2d: groups >= 1 (the I64Attr is read as signed).
func.func @conv_groups_value(%x: tensor<1x4x8x8xf32>, %w: tensor<4x4x1x1xf32>) {
  // expected-error @+1 {{attribute 'groups' failed to satisfy constraint: 64-bit signless integer attribute whose value is positive}}
  %y = qnn.conv2d %x, %w {groups = -1 : i64} : (tensor<1x4x8x8xf32>, tensor<4x4x1x1xf32>) -> tensor<1x4x8x8xf32>
  return
}

// -----

// conv2d: groups divides the input channels.
func.func @conv_groups_input(%x: tensor<1x8x8x8xf32>, %w: tensor<6x2x1x1xf32>) {
  // expected-error @+1 {{expects 'groups' (3) to divide the input channels (8)}}
  %y = qnn.conv2d %x, %w {groups = 3 : i64} : (tensor<1x8x8x8xf32>, tensor<6x2x1x1xf32>) -> tensor<1x6x8x8xf32>
  return
}

// -----

// conv2d: groups divides the output channels.
func.func @conv_groups_output(%x: tensor<1x4x8x8xf32>, %w: tensor<3x2x1x1xf32>) {
  // expected-error @+1 {{expects 'groups' (2) to divide the output channels (weight dimension 0: 3)}}
  %y = qnn.conv2d %x, %w {groups = 2 : i64} : (tensor<1x4x8x8xf32>, tensor<3x2x1x1xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

// conv2d: weight dimension 1 is C / groups.
func.func @conv_weight_channels(%x: tensor<1x4x8x8xf32>, %w: tensor<4x4x1x1xf32>) {
  // expected-error @+1 {{expects weight dimension 1 = input channels / groups = 4 / 2 = 2, got 4}}
  %y = qnn.conv2d %x, %w {groups = 2 : i64} : (tensor<1x4x8x8xf32>, tensor<4x4x1x1xf32>) -> tensor<1x4x8x8xf32>
  return
}

// -----

// conv2d: the kernel is not empty.
func.func @conv_empty_kernel(%x: tensor<1x4x8x8xf32>, %w: tensor<4x4x0x1xf32>) {
  // expected-error @+1 {{expects a nonempty kernel, got weight type 'tensor<4x4x0x1xf32>'}}
  %y = qnn.conv2d %x, %w : (tensor<1x4x8x8xf32>, tensor<4x4x0x1xf32>) -> tensor<1x4x9x8xf32>
  return
}

// -----

// conv2d: one bias per output channel.
func.func @conv_bias_size(%x: tensor<1x3x32x32xf32>, %w: tensor<8x3x3x3xf32>, %b: tensor<4xf32>) {
  // expected-error @+1 {{expects bias size = output channels = 8, got 4}}
  %y = qnn.conv2d %x, %w, %b : (tensor<1x3x32x32xf32>, tensor<8x3x3x3xf32>, tensor<4xf32>) -> tensor<1x8x30x30xf32>
  return
}

// -----

// conv2d: the batch carries over.
func.func @conv_result_batch(%x: tensor<1x3x32x32xf32>, %w: tensor<8x3x3x3xf32>) {
  // expected-error @+1 {{expects result batch 1, got 2}}
  %y = qnn.conv2d %x, %w : (tensor<1x3x32x32xf32>, tensor<8x3x3x3xf32>) -> tensor<2x8x30x30xf32>
  return
}

// -----

// conv2d: result channels = O.
func.func @conv_result_channels(%x: tensor<1x3x32x32xf32>, %w: tensor<8x3x3x3xf32>) {
  // expected-error @+1 {{expects result channels = weight dimension 0 = 8, got 3}}
  %y = qnn.conv2d %x, %w : (tensor<1x3x32x32xf32>, tensor<8x3x3x3xf32>) -> tensor<1x3x30x30xf32>
  return
}

// -----

// conv2d: output height per the window formula.
func.func @conv_result_height(%x: tensor<1x3x32x32xf32>, %w: tensor<8x3x3x3xf32>) {
  // expected-error @+1 {{expects result height 16 = floor((32 + 1 + 1 - 1*(3 - 1) - 1) / 2) + 1, got 15}}
  %y = qnn.conv2d %x, %w {strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>}
       : (tensor<1x3x32x32xf32>, tensor<8x3x3x3xf32>) -> tensor<1x8x15x16xf32>
  return
}

// -----

// conv2d: output width per the window formula, with dilation and asymmetric padding.
func.func @conv_result_width(%x: tensor<1x1x9x9xf32>, %w: tensor<1x1x3x3xf32>) {
  // expected-error @+1 {{expects result width 2 = floor((9 + 1 + 0 - 3*(3 - 1) - 1) / 2) + 1, got 3}}
  %y = qnn.conv2d %x, %w {dilations = array<i64: 2, 3>, padding = array<i64: 0, 1, 2, 0>, strides = array<i64: 1, 2>}
       : (tensor<1x1x9x9xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x7x3xf32>
  return
}

// -----

// conv2d: the dilated kernel must fit the padded input.
func.func @conv_kernel_too_large(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x3x3xf32>) {
  // expected-error @+1 {{expects the dilated kernel height (5) to fit the padded input height (4)}}
  %y = qnn.conv2d %x, %w {dilations = array<i64: 2, 1>} : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x1x2xf32>
  return
}

// -----

// conv2d: window arithmetic does not overflow.
func.func @conv_overflow(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x3x3xf32>) {
  // expected-error @+1 {{window height computation overflows 64 bits}}
  %y = qnn.conv2d %x, %w {dilations = array<i64: 9223372036854775807, 1>} : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x1x2xf32>
  return
}

// -----

// conv2d: quantization parameters fit the operand shapes.
func.func @conv_weight_slices(%x: tensor<1x2x4x4x!quant.uniform<i8:f32, 0.5>>, %w: tensor<2x2x1x1x!quant.uniform<i8:f32:0, {0.25, 0.125, 0.5}>>) {
  // expected-error @+1 {{has 2 slices along quantized axis 0 but its type has 3 scales}}
  %y = qnn.conv2d %x, %w : (tensor<1x2x4x4x!quant.uniform<i8:f32, 0.5>>, tensor<2x2x1x1x!quant.uniform<i8:f32:0, {0.25, 0.125, 0.5}>>) -> tensor<1x2x4x4xf32>
  return
}

// -----

// conv2d: the bias quantization fits too.
func.func @conv_bias_slices(%x: tensor<1x2x4x4x!quant.uniform<i8:f32, 0.5>>, %w: tensor<2x2x1x1x!quant.uniform<i8:f32, 0.25>>,
                            %b: tensor<2x!quant.uniform<i32:f32:0, {0.125}>>) {
  // expected-error @+1 {{has 2 slices along quantized axis 0 but its type has 1 scales}}
  %y = qnn.conv2d %x, %w, %b : (tensor<1x2x4x4x!quant.uniform<i8:f32, 0.5>>, tensor<2x2x1x1x!quant.uniform<i8:f32, 0.25>>, tensor<2x!quant.uniform<i32:f32:0, {0.125}>>) -> tensor<1x2x4x4xf32>
  return
}

// -----

// conv2d: integer operands (the integer form) are narrow signless integers.
func.func @conv_integer_wide(%x: tensor<1x2x4x4xi32>, %w: tensor<2x2x1x1xi8>) {
  // expected-error @+1 {{expects signless integer input and weight of at most 16 bits, got 'i32' and 'i8'}}
  %y = qnn.conv2d %x, %w : (tensor<1x2x4x4xi32>, tensor<2x2x1x1xi8>) -> tensor<1x2x4x4xi32>
  return
}

// -----

// conv2d: an integer conv has an i32 bias ...
func.func @conv_integer_bias(%x: tensor<1x2x4x4xi8>, %w: tensor<2x2x1x1xi8>, %b: tensor<2xf32>) {
  // expected-error @+1 {{expects an i32 bias for integer operands, got 'f32'}}
  %y = qnn.conv2d %x, %w, %b : (tensor<1x2x4x4xi8>, tensor<2x2x1x1xi8>, tensor<2xf32>) -> tensor<1x2x4x4xi32>
  return
}

// -----

// conv2d: ... and an i32 result.
func.func @conv_integer_result(%x: tensor<1x2x4x4xi8>, %w: tensor<2x2x1x1xi8>) {
  // expected-error @+1 {{expects an i32 result for integer operands, got 'f32'}}
  %y = qnn.conv2d %x, %w : (tensor<1x2x4x4xi8>, tensor<2x2x1x1xi8>) -> tensor<1x2x4x4xf32>
  return
}

// -----

// conv2d: ternary activations have no meaning here.
func.func @conv_ternary_input(%x: tensor<1x2x4x4x!qnn.ternary<f32>>, %w: tensor<2x2x1x1x!qnn.ternary<f32>>) {
  // expected-error @+1 {{operand #0 must be 4D tensor of floating-point or `!quant.uniform` or `!qnn.binary` or signless integer values, but got 'tensor<1x2x4x4x!qnn.ternary<f32>>'}}
  %y = qnn.conv2d %x, %w : (tensor<1x2x4x4x!qnn.ternary<f32>>, tensor<2x2x1x1x!qnn.ternary<f32>>) -> tensor<1x2x4x4xf32>
  return
}

// -----

// conv2d: an affine input is quantized per tensor.
func.func @conv_per_axis_input(%x: tensor<1x2x4x4x!quant.uniform<i8:f32:1, {0.5, 0.25}>>, %w: tensor<2x2x1x1x!quant.uniform<i8:f32, 0.25>>) {
  // expected-error @+1 {{expects a per-tensor affine input}}
  %y = qnn.conv2d %x, %w : (tensor<1x2x4x4x!quant.uniform<i8:f32:1, {0.5, 0.25}>>, tensor<2x2x1x1x!quant.uniform<i8:f32, 0.25>>) -> tensor<1x2x4x4xf32>
  return
}

// -----

// conv2d: float input with affine weights (dequantize them first).
func.func @conv_float_affine(%x: tensor<1x2x4x4xf32>, %w: tensor<2x2x1x1x!quant.uniform<i8:f32, 0.25>>) {
  // expected-error @+1 {{expects float, binary, ternary or codebook weight elements for a float input, got '!quant.uniform<i8:f32, 2.500000e-01>' (affine)}}
  %y = qnn.conv2d %x, %w : (tensor<1x2x4x4xf32>, tensor<2x2x1x1x!quant.uniform<i8:f32, 0.25>>) -> tensor<1x2x4x4xf32>
  return
}

// -----

// conv2d: affine input with float weights.
func.func @conv_affine_float(%x: tensor<1x2x4x4x!quant.uniform<i8:f32, 0.5>>, %w: tensor<2x2x1x1xf32>) {
  // expected-error @+1 {{expects affine weight elements for an affine input, got 'f32' (float)}}
  %y = qnn.conv2d %x, %w : (tensor<1x2x4x4x!quant.uniform<i8:f32, 0.5>>, tensor<2x2x1x1xf32>) -> tensor<1x2x4x4xf32>
  return
}

// -----

// conv2d: XNOR-popcount needs binary weights.
func.func @conv_binary_ternary(%x: tensor<1x2x4x4x!qnn.binary<f32>>, %w: tensor<2x2x1x1x!qnn.ternary<f32>>) {
  // expected-error @+1 {{expects binary weight elements for a binary input (XNOR-popcount needs binary weights), got '!qnn.ternary<f32>' (ternary)}}
  %y = qnn.conv2d %x, %w : (tensor<1x2x4x4x!qnn.binary<f32>>, tensor<2x2x1x1x!qnn.ternary<f32>>) -> tensor<1x2x4x4xf32>
  return
}

// -----

// conv2d: sub-channel (block) weights are not per tensor or per channel.
func.func @conv_sub_channel(%x: tensor<1x2x4x4x!quant.uniform<i8:f32, 0.5>>, %w: tensor<2x2x1x1x!quant.uniform<i8:f32:{0:1, 1:2}, {{{{0.5}}}, {{{0.25}}}}>>) {
  // expected-error @+1 {{expects weight quantized per tensor or per axis, got the sub-channel type}}
  %y = qnn.conv2d %x, %w : (tensor<1x2x4x4x!quant.uniform<i8:f32, 0.5>>, tensor<2x2x1x1x!quant.uniform<i8:f32:{0:1, 1:2}, {{{{0.5}}}, {{{0.25}}}}>>) -> tensor<1x2x4x4xf32>
  return
}

// -----

// conv2d: per-axis affine weights vary along the output channels.
func.func @conv_weight_axis(%x: tensor<1x2x4x4x!quant.uniform<i8:f32, 0.5>>, %w: tensor<2x2x1x1x!quant.uniform<i8:f32:1, {0.25, 0.125}>>) {
  // expected-error @+1 {{expects per-axis weight quantized along axis 0 (output channels), got axis 1}}
  %y = qnn.conv2d %x, %w : (tensor<1x2x4x4x!quant.uniform<i8:f32, 0.5>>, tensor<2x2x1x1x!quant.uniform<i8:f32:1, {0.25, 0.125}>>) -> tensor<1x2x4x4xf32>
  return
}

// -----

// conv2d: so do per-axis binary weights.
func.func @conv_binary_weight_axis(%x: tensor<1x2x4x4xf32>, %w: tensor<2x2x1x1x!qnn.binary<f32:1, {0.25, 0.125}>>) {
  // expected-error @+1 {{expects per-axis weight quantized along axis 0 (output channels), got axis 1}}
  %y = qnn.conv2d %x, %w : (tensor<1x2x4x4xf32>, tensor<2x2x1x1x!qnn.binary<f32:1, {0.25, 0.125}>>) -> tensor<1x2x4x4xf32>
  return
}

// -----

// conv2d: weights express the input's float type.
func.func @conv_weight_expressed(%x: tensor<1x2x4x4xf32>, %w: tensor<2x2x1x1x!qnn.binary<f16>>) {
  // expected-error @+1 {{expects weight elements expressing 'f32' like the input, got '!qnn.binary<f16>'}}
  %y = qnn.conv2d %x, %w : (tensor<1x2x4x4xf32>, tensor<2x2x1x1x!qnn.binary<f16>>) -> tensor<1x2x4x4xf32>
  return
}

// -----

// conv2d: a float input takes a float bias.
func.func @conv_float_bias_kind(%x: tensor<1x2x4x4xf32>, %w: tensor<2x2x1x1xf32>, %b: tensor<2x!quant.uniform<i32:f32, 0.1>>) {
  // expected-error @+1 {{expects a float bias for a float input, got '!quant.uniform<i32:f32, 1.000000e-01>'}}
  %y = qnn.conv2d %x, %w, %b : (tensor<1x2x4x4xf32>, tensor<2x2x1x1xf32>, tensor<2x!quant.uniform<i32:f32, 0.1>>) -> tensor<1x2x4x4xf32>
  return
}

// -----

// conv2d: of the same float type.
func.func @conv_float_bias_type(%x: tensor<1x2x4x4xf32>, %w: tensor<2x2x1x1xf32>, %b: tensor<2xf16>) {
  // expected-error @+1 {{expects bias elements expressing 'f32' like the input, got 'f16'}}
  %y = qnn.conv2d %x, %w, %b : (tensor<1x2x4x4xf32>, tensor<2x2x1x1xf32>, tensor<2xf16>) -> tensor<1x2x4x4xf32>
  return
}

// -----

// conv2d: a binary input takes a float bias too.
func.func @conv_binary_bias(%x: tensor<1x2x4x4x!qnn.binary<f32>>, %w: tensor<2x2x1x1x!qnn.binary<f32>>, %b: tensor<2xi32>) {
  // expected-error @+1 {{expects a float bias for a binary input, got 'i32'}}
  %y = qnn.conv2d %x, %w, %b : (tensor<1x2x4x4x!qnn.binary<f32>>, tensor<2x2x1x1x!qnn.binary<f32>>, tensor<2xi32>) -> tensor<1x2x4x4xf32>
  return
}

// -----

// conv2d: an affine input takes a !quant.uniform bias.
func.func @conv_affine_float_bias(%x: tensor<1x2x4x4x!quant.uniform<i8:f32, 0.5>>, %w: tensor<2x2x1x1x!quant.uniform<i8:f32, 0.25>>, %b: tensor<2xf32>) {
  // expected-error @+1 {{expects a bias of per-tensor or per-channel !quant.uniform type with i32 storage for an affine input, got 'f32'}}
  %y = qnn.conv2d %x, %w, %b : (tensor<1x2x4x4x!quant.uniform<i8:f32, 0.5>>, tensor<2x2x1x1x!quant.uniform<i8:f32, 0.25>>, tensor<2xf32>) -> tensor<1x2x4x4xf32>
  return
}

// -----

// conv2d: with i32 storage.
func.func @conv_bias_storage(%x: tensor<1x2x4x4x!quant.uniform<i8:f32, 0.5>>, %w: tensor<2x2x1x1x!quant.uniform<i8:f32, 0.25>>, %b: tensor<2x!quant.uniform<i16:f32, 0.125>>) {
  // expected-error @+1 {{expects i32 bias storage, got i16 in '!quant.uniform<i16:f32, 1.250000e-01>'}}
  %y = qnn.conv2d %x, %w, %b : (tensor<1x2x4x4x!quant.uniform<i8:f32, 0.5>>, tensor<2x2x1x1x!quant.uniform<i8:f32, 0.25>>, tensor<2x!quant.uniform<i16:f32, 0.125>>) -> tensor<1x2x4x4xf32>
  return
}

// -----

// conv2d: signed i32 storage.
func.func @conv_bias_unsigned(%x: tensor<1x2x4x4x!quant.uniform<i8:f32, 0.5>>, %w: tensor<2x2x1x1x!quant.uniform<i8:f32, 0.25>>, %b: tensor<2x!quant.uniform<u32:f32, 0.125>>) {
  // expected-error @+1 {{expects i32 bias storage, got u32}}
  %y = qnn.conv2d %x, %w, %b : (tensor<1x2x4x4x!quant.uniform<i8:f32, 0.5>>, tensor<2x2x1x1x!quant.uniform<i8:f32, 0.25>>, tensor<2x!quant.uniform<u32:f32, 0.125>>) -> tensor<1x2x4x4xf32>
  return
}

// -----

// conv2d: zero point 0.
func.func @conv_bias_zero_point(%x: tensor<1x2x4x4x!quant.uniform<i8:f32, 0.5>>, %w: tensor<2x2x1x1x!quant.uniform<i8:f32, 0.25>>, %b: tensor<2x!quant.uniform<i32:f32, 0.125:7>>) {
  // expected-error @+1 {{expects bias zero point 0, got 7}}
  %y = qnn.conv2d %x, %w, %b : (tensor<1x2x4x4x!quant.uniform<i8:f32, 0.5>>, tensor<2x2x1x1x!quant.uniform<i8:f32, 0.25>>, tensor<2x!quant.uniform<i32:f32, 0.125:7>>) -> tensor<1x2x4x4xf32>
  return
}

// -----

// conv2d: bias scale = input scale * weight scale (relative tolerance 1e-6).
func.func @conv_bias_scale(%x: tensor<1x2x4x4x!quant.uniform<i8:f32, 0.5>>, %w: tensor<2x2x1x1x!quant.uniform<i8:f32, 0.25>>, %b: tensor<2x!quant.uniform<i32:f32, 0.1250002>>) {
  // expected-error @+1 {{expects bias scale input scale * weight scale = 0.5 * 0.25 = 0.125 (relative tolerance 1e-06), got 0.1250002}}
  %y = qnn.conv2d %x, %w, %b : (tensor<1x2x4x4x!quant.uniform<i8:f32, 0.5>>, tensor<2x2x1x1x!quant.uniform<i8:f32, 0.25>>, tensor<2x!quant.uniform<i32:f32, 0.1250002>>) -> tensor<1x2x4x4xf32>
  return
}

// -----

// conv2d: per channel where the weights are per channel.
func.func @conv_bias_scale_per_channel(%x: tensor<1x2x4x4x!quant.uniform<i8:f32, 0.5>>, %w: tensor<2x2x1x1x!quant.uniform<i8:f32:0, {0.25, 0.125}>>, %b: tensor<2x!quant.uniform<i32:f32, 0.125>>) {
  // expected-error @+1 {{expects bias scale input scale * weight scale = 0.5 * 0.125 = 0.0625 for channel 1 (relative tolerance 1e-06), got 0.125}}
  %y = qnn.conv2d %x, %w, %b : (tensor<1x2x4x4x!quant.uniform<i8:f32, 0.5>>, tensor<2x2x1x1x!quant.uniform<i8:f32:0, {0.25, 0.125}>>, tensor<2x!quant.uniform<i32:f32, 0.125>>) -> tensor<1x2x4x4xf32>
  return
}

// -----

// conv2d: per-channel weight and bias scales come in equal numbers (dynamic O hides it from the shape check).
func.func @conv_bias_scale_count(%x: tensor<1x2x4x4x!quant.uniform<i8:f32, 0.5>>, %w: tensor<?x2x1x1x!quant.uniform<i8:f32:0, {0.25, 0.125}>>, %b: tensor<?x!quant.uniform<i32:f32:0, {0.125, 0.0625, 0.5}>>) {
  // expected-error @+1 {{has 2 weight scales but 3 bias scales}}
  %y = qnn.conv2d %x, %w, %b : (tensor<1x2x4x4x!quant.uniform<i8:f32, 0.5>>, tensor<?x2x1x1x!quant.uniform<i8:f32:0, {0.25, 0.125}>>, tensor<?x!quant.uniform<i32:f32:0, {0.125, 0.0625, 0.5}>>) -> tensor<1x?x4x4xf32>
  return
}

// -----

// conv2d: the bias expresses the input's float type.
func.func @conv_bias_expressed(%x: tensor<1x2x4x4x!quant.uniform<i8:f32, 0.5>>, %w: tensor<2x2x1x1x!quant.uniform<i8:f32, 0.25>>, %b: tensor<2x!quant.uniform<i32:f16, 0.125>>) {
  // expected-error @+1 {{expects bias elements expressing 'f32' like the input, got '!quant.uniform<i32:f16, 1.250000e-01>'}}
  %y = qnn.conv2d %x, %w, %b : (tensor<1x2x4x4x!quant.uniform<i8:f32, 0.5>>, tensor<2x2x1x1x!quant.uniform<i8:f32, 0.25>>, tensor<2x!quant.uniform<i32:f16, 0.125>>) -> tensor<1x2x4x4xf32>
  return
}

// -----

// conv2d: a float input gives a float result.
func.func @conv_float_result(%x: tensor<1x2x4x4xf32>, %w: tensor<2x2x1x1x!qnn.ternary<f32>>) {
  // expected-error @+1 {{expects a float result for a float input, got '!quant.uniform<i8:f32, 1.000000e-01>'}}
  %y = qnn.conv2d %x, %w : (tensor<1x2x4x4xf32>, tensor<2x2x1x1x!qnn.ternary<f32>>) -> tensor<1x2x4x4x!quant.uniform<i8:f32, 0.1>>
  return
}

// -----

// conv2d: so does a binary input.
func.func @conv_binary_result(%x: tensor<1x2x4x4x!qnn.binary<f32>>, %w: tensor<2x2x1x1x!qnn.binary<f32>>) {
  // expected-error @+1 {{expects a float result for a binary input, got 'i32'}}
  %y = qnn.conv2d %x, %w : (tensor<1x2x4x4x!qnn.binary<f32>>, tensor<2x2x1x1x!qnn.binary<f32>>) -> tensor<1x2x4x4xi32>
  return
}

// -----

// conv2d: an affine input gives a float, affine or i32 result.
func.func @conv_affine_result(%x: tensor<1x2x4x4x!quant.uniform<i8:f32, 0.5>>, %w: tensor<2x2x1x1x!quant.uniform<i8:f32, 0.25>>) {
  // expected-error @+1 {{result #0 must be 4D tensor of floating-point or `!quant.uniform` or 32-bit signless integer values, but got 'tensor<1x2x4x4xi16>'}}
  %y = qnn.conv2d %x, %w : (tensor<1x2x4x4x!quant.uniform<i8:f32, 0.5>>, tensor<2x2x1x1x!quant.uniform<i8:f32, 0.25>>) -> tensor<1x2x4x4xi16>
  return
}

// -----

// conv2d: the result expresses the input's float type.
func.func @conv_result_expressed(%x: tensor<1x2x4x4x!quant.uniform<i8:f32, 0.5>>, %w: tensor<2x2x1x1x!quant.uniform<i8:f32, 0.25>>) {
  // expected-error @+1 {{expects result elements expressing 'f32' like the input, got 'f16'}}
  %y = qnn.conv2d %x, %w : (tensor<1x2x4x4x!quant.uniform<i8:f32, 0.5>>, tensor<2x2x1x1x!quant.uniform<i8:f32, 0.25>>) -> tensor<1x2x4x4xf16>
  return
}

// -----

// conv2d: pad_value only for binary inputs.
func.func @conv_pad_value_float(%x: tensor<1x2x4x4xf32>, %w: tensor<2x2x3x3xf32>) {
  // expected-error @+1 {{expects no 'pad_value' for a float input (padding reads zero), got 1}}
  %y = qnn.conv2d %x, %w {padding = array<i64: 1, 1, 1, 1>, pad_value = 1 : i64} : (tensor<1x2x4x4xf32>, tensor<2x2x3x3xf32>) -> tensor<1x2x4x4xf32>
  return
}

// -----

// conv2d: pad_value is +1, -1 or 0.
func.func @conv_pad_value_two(%x: tensor<1x2x4x4x!qnn.binary<f32>>, %w: tensor<2x2x3x3x!qnn.binary<f32>>) {
  // expected-error @+1 {{attribute 'pad_value' failed to satisfy constraint: 64-bit signless integer attribute whose minimum value is -1 whose maximum value is 1}}
  %y = qnn.conv2d %x, %w {padding = array<i64: 1, 1, 1, 1>, pad_value = 2 : i64} : (tensor<1x2x4x4x!qnn.binary<f32>>, tensor<2x2x3x3x!qnn.binary<f32>>) -> tensor<1x2x4x4xf32>
  return
}

// -----

// conv2d: a padded binary conv needs pad_value.
func.func @conv_pad_value_missing(%x: tensor<1x2x4x4x!qnn.binary<f32>>, %w: tensor<2x2x3x3x!qnn.binary<f32>>) {
  // expected-error @+1 {{expects 'pad_value' (+1, -1 or 0) for a binary input with nonzero padding}}
  %y = qnn.conv2d %x, %w {padding = array<i64: 0, 0, 1, 0>} : (tensor<1x2x4x4x!qnn.binary<f32>>, tensor<2x2x3x3x!qnn.binary<f32>>) -> tensor<1x2x3x2xf32>
  return
}

// -----

// matmul: the lhs has rank >= 2.
func.func @matmul_lhs_rank(%a: tensor<8xf32>, %b: tensor<8x16xf32>) {
  // expected-error @+1 {{operand #0 must be rank >= 2 tensor of floating-point or `!quant.uniform` or `!qnn.binary` or signless integer values, but got 'tensor<8xf32>'}}
  %y = qnn.matmul %a, %b : (tensor<8xf32>, tensor<8x16xf32>) -> tensor<1x16xf32>
  return
}

// -----

// matmul: the rhs has rank >= 2.
func.func @matmul_rhs_rank(%a: tensor<4x8xf32>, %b: tensor<8xf32>) {
  // expected-error @+1 {{operand #1 must be rank >= 2 tensor of floating-point or quantized (`!quant.uniform`, `!qnn.binary`, `!qnn.ternary` or `!qnn.codebook`) or signless integer values, but got 'tensor<8xf32>'}}
  %y = qnn.matmul %a, %b : (tensor<4x8xf32>, tensor<8xf32>) -> tensor<4x1xf32>
  return
}

// -----

// matmul: the result has rank >= 2.
func.func @matmul_result_rank(%a: tensor<1x8xf32>, %b: tensor<8x1xf32>) {
  // expected-error @+1 {{result #0 must be rank >= 2 tensor of floating-point or `!quant.uniform` or 32-bit signless integer values, but got 'tensor<1xf32>'}}
  %y = qnn.matmul %a, %b : (tensor<1x8xf32>, tensor<8x1xf32>) -> tensor<1xf32>
  return
}

// -----

// matmul: the K dimensions agree.
func.func @matmul_k(%a: tensor<4x8xf32>, %b: tensor<6x16xf32>) {
  // expected-error @+1 {{expects the lhs K (dimension 1: 8) to equal the rhs K (dimension 0: 6)}}
  %y = qnn.matmul %a, %b : (tensor<4x8xf32>, tensor<6x16xf32>) -> tensor<4x16xf32>
  return
}

// -----

// matmul: the result rank is the broadcast batch rank + 2.
func.func @matmul_result_batch_rank(%a: tensor<2x4x8xf32>, %b: tensor<8x16xf32>) {
  // expected-error @+1 {{expects a result of rank 3 (broadcast batch dimensions, M, N), got 'tensor<4x16xf32>'}}
  %y = qnn.matmul %a, %b : (tensor<2x4x8xf32>, tensor<8x16xf32>) -> tensor<4x16xf32>
  return
}

// -----

// matmul: batch dimensions broadcast numpy-style.
func.func @matmul_broadcast(%a: tensor<3x4x8xf32>, %b: tensor<2x8x16xf32>) {
  // expected-error @+1 {{cannot broadcast the batch dimensions 3 (lhs) and 2 (rhs) to result dimension 0}}
  %y = qnn.matmul %a, %b : (tensor<3x4x8xf32>, tensor<2x8x16xf32>) -> tensor<3x4x16xf32>
  return
}

// -----

// matmul: the result batch is the broadcast one.
func.func @matmul_result_batch(%a: tensor<3x1x4x8xf32>, %b: tensor<5x8x16xf32>) {
  // expected-error @+1 {{expects result dimension 1 = broadcast batch dimension 5, got 1}}
  %y = qnn.matmul %a, %b : (tensor<3x1x4x8xf32>, tensor<5x8x16xf32>) -> tensor<3x1x4x16xf32>
  return
}

// -----

// matmul: result M from the lhs.
func.func @matmul_m(%a: tensor<4x8xf32>, %b: tensor<8x16xf32>) {
  // expected-error @+1 {{expects result M = 4, got 5}}
  %y = qnn.matmul %a, %b : (tensor<4x8xf32>, tensor<8x16xf32>) -> tensor<5x16xf32>
  return
}

// -----

// matmul: result N from the rhs.
func.func @matmul_n(%a: tensor<4x8xf32>, %b: tensor<8x16xf32>) {
  // expected-error @+1 {{expects result N = 16, got 8}}
  %y = qnn.matmul %a, %b : (tensor<4x8xf32>, tensor<8x16xf32>) -> tensor<4x8xf32>
  return
}

// -----

// matmul: quantization parameters fit the rhs shape.
func.func @matmul_rhs_slices(%a: tensor<4x8xf32>, %b: tensor<8x2x!qnn.binary<f32:1, {0.5, 0.25, 1.0}>>) {
  // expected-error @+1 {{has 2 slices along quantized axis 1 but its type has 3 scales}}
  %y = qnn.matmul %a, %b : (tensor<4x8xf32>, tensor<8x2x!qnn.binary<f32:1, {0.5, 0.25, 1.0}>>) -> tensor<4x2xf32>
  return
}

// -----

// matmul: per-axis rhs along the last (N) dimension.
func.func @matmul_rhs_axis(%a: tensor<4x2x!quant.uniform<i8:f32, 0.1>>, %b: tensor<2x3x!quant.uniform<i8:f32:0, {0.1, 0.2}>>) {
  // expected-error @+1 {{expects per-axis rhs quantized along axis 1 (N, the last dimension), got axis 0}}
  %y = qnn.matmul %a, %b : (tensor<4x2x!quant.uniform<i8:f32, 0.1>>, tensor<2x3x!quant.uniform<i8:f32:0, {0.1, 0.2}>>) -> tensor<4x3xf32>
  return
}

// -----

// matmul: element rules of conv2d (binary lhs needs a binary rhs).
func.func @matmul_binary_float(%a: tensor<4x8x!qnn.binary<f32>>, %b: tensor<8x3xf32>) {
  // expected-error @+1 {{expects binary rhs elements for a binary lhs (XNOR-popcount needs binary weights), got 'f32' (float)}}
  %y = qnn.matmul %a, %b : (tensor<4x8x!qnn.binary<f32>>, tensor<8x3xf32>) -> tensor<4x3xf32>
  return
}

// -----

// matmul: codebook activations have no meaning here.
func.func @matmul_codebook_lhs(%a: tensor<4x8x!qnn.codebook<i1:f32, [0.0, 1.0]>>, %b: tensor<8x3xf32>) {
  // expected-error @+1 {{operand #0 must be rank >= 2 tensor of floating-point or `!quant.uniform` or `!qnn.binary` or signless integer values, but got 'tensor<4x8x!qnn.codebook<i1:f32, [0.000000e+00, 1.000000e+00]>>'}}
  %y = qnn.matmul %a, %b : (tensor<4x8x!qnn.codebook<i1:f32, [0.0, 1.0]>>, tensor<8x3xf32>) -> tensor<4x3xf32>
  return
}

// -----

// fully_connected: input [B, K].
func.func @fc_input_rank(%x: tensor<1x1x64xf32>, %w: tensor<10x64xf32>) {
  // expected-error @+1 {{operand #0 must be 2D tensor of floating-point or `!quant.uniform` or `!qnn.binary` or signless integer values, but got 'tensor<1x1x64xf32>'}}
  %y = qnn.fully_connected %x, %w : (tensor<1x1x64xf32>, tensor<10x64xf32>) -> tensor<1x10xf32>
  return
}

// -----

// fully_connected: weight [O, K].
func.func @fc_weight_rank(%x: tensor<1x64xf32>, %w: tensor<640xf32>) {
  // expected-error @+1 {{operand #1 must be 2D tensor of floating-point or quantized (`!quant.uniform`, `!qnn.binary`, `!qnn.ternary` or `!qnn.codebook`) or signless integer values, but got 'tensor<640xf32>'}}
  %y = qnn.fully_connected %x, %w : (tensor<1x64xf32>, tensor<640xf32>) -> tensor<1x10xf32>
  return
}

// -----

// fully_connected: bias [O].
func.func @fc_bias_rank(%x: tensor<1x64xf32>, %w: tensor<10x64xf32>, %b: tensor<1x10xf32>) {
  // expected-error @+1 {{operand #2 must be 1D tensor of floating-point or `!quant.uniform` or 32-bit signless integer values, but got 'tensor<1x10xf32>'}}
  %y = qnn.fully_connected %x, %w, %b : (tensor<1x64xf32>, tensor<10x64xf32>, tensor<1x10xf32>) -> tensor<1x10xf32>
  return
}

// -----

// fully_connected: result [B, O].
func.func @fc_result_rank(%x: tensor<1x64xf32>, %w: tensor<10x64xf32>) {
  // expected-error @+1 {{result #0 must be 2D tensor of floating-point or `!quant.uniform` or 32-bit signless integer values, but got 'tensor<10xf32>'}}
  %y = qnn.fully_connected %x, %w : (tensor<1x64xf32>, tensor<10x64xf32>) -> tensor<10xf32>
  return
}

// -----

// fully_connected: the K dimensions agree.
func.func @fc_k(%x: tensor<1x64xf32>, %w: tensor<10x32xf32>) {
  // expected-error @+1 {{expects the input K (64) to equal the weight K (32)}}
  %y = qnn.fully_connected %x, %w : (tensor<1x64xf32>, tensor<10x32xf32>) -> tensor<1x10xf32>
  return
}

// -----

// fully_connected: one bias per output feature.
func.func @fc_bias_size(%x: tensor<1x64xf32>, %w: tensor<10x64xf32>, %b: tensor<8xf32>) {
  // expected-error @+1 {{expects bias size = output features = 10, got 8}}
  %y = qnn.fully_connected %x, %w, %b : (tensor<1x64xf32>, tensor<10x64xf32>, tensor<8xf32>) -> tensor<1x10xf32>
  return
}

// -----

// fully_connected: the batch carries over.
func.func @fc_result_batch(%x: tensor<2x64xf32>, %w: tensor<10x64xf32>) {
  // expected-error @+1 {{expects result batch 2, got 1}}
  %y = qnn.fully_connected %x, %w : (tensor<2x64xf32>, tensor<10x64xf32>) -> tensor<1x10xf32>
  return
}

// -----

// fully_connected: result features = O.
func.func @fc_result_features(%x: tensor<2x64xf32>, %w: tensor<10x64xf32>) {
  // expected-error @+1 {{expects result features = weight dimension 0 = 10, got 64}}
  %y = qnn.fully_connected %x, %w : (tensor<2x64xf32>, tensor<10x64xf32>) -> tensor<2x64xf32>
  return
}

// -----

// fully_connected: per-axis weights along axis 0.
func.func @fc_weight_axis(%x: tensor<1x2xf32>, %w: tensor<2x2x!qnn.ternary<f32:1, {0.5, 0.25}>>) {
  // expected-error @+1 {{expects per-axis weight quantized along axis 0 (output features), got axis 1}}
  %y = qnn.fully_connected %x, %w : (tensor<1x2xf32>, tensor<2x2x!qnn.ternary<f32:1, {0.5, 0.25}>>) -> tensor<1x2xf32>
  return
}

// -----

// fully_connected: bias scale per output feature.
func.func @fc_bias_scale(%x: tensor<2x4x!quant.uniform<i8:f32, 0.25>>, %w: tensor<3x4x!quant.uniform<i8:f32:0, {0.5, 1.0, 2.0}>>,
                         %b: tensor<3x!quant.uniform<i32:f32:0, {0.125, 0.25, 0.25}>>) {
  // expected-error @+1 {{expects bias scale input scale * weight scale = 0.25 * 2 = 0.5 for channel 2 (relative tolerance 1e-06), got 0.25}}
  %y = qnn.fully_connected %x, %w, %b : (tensor<2x4x!quant.uniform<i8:f32, 0.25>>, tensor<3x4x!quant.uniform<i8:f32:0, {0.5, 1.0, 2.0}>>, tensor<3x!quant.uniform<i32:f32:0, {0.125, 0.25, 0.25}>>) -> tensor<2x3xf32>
  return
}

// -----

// max_pool2d: rank-4 input.
func.func @max_pool_input_rank(%x: tensor<8x32x32xf32>) {
  // expected-error @+1 {{operand #0 must be 4D tensor of float, integer or quantized values, but got 'tensor<8x32x32xf32>'}}
  %y = qnn.max_pool2d %x {kernel = array<i64: 2, 2>} : tensor<8x32x32xf32> -> tensor<8x31x31xf32>
  return
}

// -----

// max_pool2d: rank-4 result.
func.func @max_pool_result_rank(%x: tensor<1x8x32x32xf32>) {
  // expected-error @+1 {{result #0 must be 4D tensor of float, integer or quantized values, but got 'tensor<8x31x31xf32>'}}
  %y = qnn.max_pool2d %x {kernel = array<i64: 2, 2>} : tensor<1x8x32x32xf32> -> tensor<8x31x31xf32>
  return
}

// -----

// max_pool2d: kernel has two entries.
func.func @max_pool_kernel_size(%x: tensor<1x8x32x32xf32>) {
  // expected-error @+1 {{attribute 'kernel' failed to satisfy constraint: i64 dense array attribute with exactly 2 elements whose value is positive}}
  %y = qnn.max_pool2d %x {kernel = array<i64: 2>} : tensor<1x8x32x32xf32> -> tensor<1x8x31x31xf32>
  return
}

// -----

// max_pool2d: kernel entries >= 1.
func.func @max_pool_kernel_value(%x: tensor<1x8x32x32xf32>) {
  // expected-error @+1 {{attribute 'kernel' failed to satisfy constraint: i64 dense array attribute with exactly 2 elements whose value is positive}}
  %y = qnn.max_pool2d %x {kernel = array<i64: 2, 0>} : tensor<1x8x32x32xf32> -> tensor<1x8x31x33xf32>
  return
}

// -----

// max_pool2d: strides >= 1.
func.func @max_pool_strides(%x: tensor<1x8x32x32xf32>) {
  // expected-error @+1 {{attribute 'strides' failed to satisfy constraint: i64 dense array attribute with exactly 2 elements whose value is positive}}
  %y = qnn.max_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 0, 1>} : tensor<1x8x32x32xf32> -> tensor<1x8x31x31xf32>
  return
}

// -----

// max_pool2d: dilations has two entries.
func.func @max_pool_dilations(%x: tensor<1x8x32x32xf32>) {
  // expected-error @+1 {{attribute 'dilations' failed to satisfy constraint: i64 dense array attribute with exactly 2 elements whose value is positive}}
  %y = qnn.max_pool2d %x {kernel = array<i64: 2, 2>, dilations = array<i64: 1, 1, 1>} : tensor<1x8x32x32xf32> -> tensor<1x8x31x31xf32>
  return
}

// -----

// max_pool2d: padding is >= 0.
func.func @max_pool_padding_value(%x: tensor<1x8x32x32xf32>) {
  // expected-error @+1 {{attribute 'padding' failed to satisfy constraint: i64 dense array attribute with exactly 4 elements whose value is non-negative}}
  %y = qnn.max_pool2d %x {kernel = array<i64: 2, 2>, padding = array<i64: 0, 0, 0, -1>} : tensor<1x8x32x32xf32> -> tensor<1x8x31x30xf32>
  return
}

// -----

// max_pool2d: padding is smaller than the dilated kernel.
func.func @max_pool_padding_kernel(%x: tensor<1x8x32x32xf32>) {
  // expected-error @+1 {{expects padding smaller than the dilated kernel, got right padding 5 for kernel width 5}}
  %y = qnn.max_pool2d %x {kernel = array<i64: 3, 3>, dilations = array<i64: 2, 2>, padding = array<i64: 4, 4, 4, 5>} : tensor<1x8x32x32xf32> -> tensor<1x8x36x37xf32>
  return
}

// -----

// max_pool2d: the batch carries over.
func.func @max_pool_batch(%x: tensor<1x8x32x32xf32>) {
  // expected-error @+1 {{expects result batch 1, got 2}}
  %y = qnn.max_pool2d %x {kernel = array<i64: 2, 2>} : tensor<1x8x32x32xf32> -> tensor<2x8x31x31xf32>
  return
}

// -----

// max_pool2d: the channels carry over.
func.func @max_pool_channels(%x: tensor<1x8x32x32xf32>) {
  // expected-error @+1 {{expects result channels 8, got 4}}
  %y = qnn.max_pool2d %x {kernel = array<i64: 2, 2>} : tensor<1x8x32x32xf32> -> tensor<1x4x31x31xf32>
  return
}

// -----

// max_pool2d: output size with floor.
func.func @max_pool_floor(%x: tensor<1x1x7x7xf32>) {
  // expected-error @+1 {{expects result height 3 = floor((7 + 0 + 0 - 1*(2 - 1) - 1) / 2) + 1, got 4}}
  %y = qnn.max_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : tensor<1x1x7x7xf32> -> tensor<1x1x4x3xf32>
  return
}

// -----

// max_pool2d: output size with ceil_mode.
func.func @max_pool_ceil(%x: tensor<1x1x7x7xf32>) {
  // expected-error @+1 {{expects result width 4 = ceil((7 + 0 + 0 - 1*(2 - 1) - 1) / 2) + 1, got 3}}
  %y = qnn.max_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, ceil_mode} : tensor<1x1x7x7xf32> -> tensor<1x1x4x3xf32>
  return
}

// -----

// max_pool2d: with ceil_mode, a window that would start in the end padding is dropped.
func.func @max_pool_ceil_drop(%x: tensor<1x1x6x6xf32>) {
  // expected-error @+1 {{expects result height 2 = ceil((6 + 0 + 1 - 1*(2 - 1) - 1) / 3) + 1 - 1 (the last window would start in the end padding), got 3}}
  %y = qnn.max_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 3, 3>, padding = array<i64: 0, 0, 1, 1>, ceil_mode} : tensor<1x1x6x6xf32> -> tensor<1x1x3x3xf32>
  return
}

// -----

// max_pool2d: the window fits the padded input.
func.func @max_pool_too_small(%x: tensor<1x1x2x8xf32>) {
  // expected-error @+1 {{expects the dilated kernel height (3) to fit the padded input height (2)}}
  %y = qnn.max_pool2d %x {kernel = array<i64: 3, 3>} : tensor<1x1x2x8xf32> -> tensor<1x1x1x6xf32>
  return
}

// -----

// max_pool2d: quantization parameters fit the shapes.
func.func @max_pool_slices(%x: tensor<1x2x4x4x!qnn.binary<f32:2, {0.5, 0.25, 1.0, 2.0}>>) {
  // expected-error @+1 {{has 3 slices along quantized axis 2 but its type has 4 scales}}
  %y = qnn.max_pool2d %x {kernel = array<i64: 2, 2>} : tensor<1x2x4x4x!qnn.binary<f32:2, {0.5, 0.25, 1.0, 2.0}>> -> tensor<1x2x3x3x!qnn.binary<f32:2, {0.5, 0.25, 1.0, 2.0}>>
  return
}

// -----

// max_pool2d: same element type in and out.
func.func @max_pool_element(%x: tensor<1x1x4x4x!quant.uniform<i8:f32, 0.1>>) {
  // expected-error @+1 {{expects the result element type to equal the input element type '!quant.uniform<i8:f32, 1.000000e-01>', got '!quant.uniform<i8:f32, 2.000000e-01>'}}
  %y = qnn.max_pool2d %x {kernel = array<i64: 2, 2>} : tensor<1x1x4x4x!quant.uniform<i8:f32, 0.1>> -> tensor<1x1x3x3x!quant.uniform<i8:f32, 0.2>>
  return
}

// -----

// max_pool2d: elements without an order are rejected.
func.func @max_pool_complex(%x: tensor<1x1x4x4xcomplex<f32>>) {
  // expected-error @+1 {{operand #0 must be 4D tensor of float, integer or quantized values, but got 'tensor<1x1x4x4xcomplex<f32>>'}}
  %y = qnn.max_pool2d %x {kernel = array<i64: 2, 2>} : tensor<1x1x4x4xcomplex<f32>> -> tensor<1x1x3x3xcomplex<f32>>
  return
}

// -----

// max_pool2d_indices: the window rules of max_pool2d.
func.func @max_pool_indices_padding(%x: tensor<1x1x4x4xf32>) {
  // expected-error @+1 {{expects padding smaller than the dilated kernel, got top padding 2 for kernel height 2}}
  %i = qnn.max_pool2d_indices %x {kernel = array<i64: 2, 2>, padding = array<i64: 2, 0, 0, 0>} : tensor<1x1x4x4xf32> -> tensor<1x1x5x3xi64>
  return
}

// -----

// max_pool2d_indices: float or integer input (quantized values have no
// index semantics of their own: pool their storage integers).
func.func @max_pool_indices_affine(%x: tensor<1x1x4x4x!quant.uniform<i8:f32, 0.5>>) {
  // expected-error @+1 {{operand #0 must be 4D tensor of floating-point or signless integer values, but got 'tensor<1x1x4x4x!quant.uniform<i8:f32, 5.000000e-01>>'}}
  %i = qnn.max_pool2d_indices %x {kernel = array<i64: 2, 2>} : tensor<1x1x4x4x!quant.uniform<i8:f32, 0.5>> -> tensor<1x1x3x3xi64>
  return
}

// -----

// max_pool2d_indices: i64 indices.
func.func @max_pool_indices_type(%x: tensor<1x1x4x4xf32>) {
  // expected-error @+1 {{result #0 must be 4D tensor of 64-bit signless integer values, but got 'tensor<1x1x3x3xi32>'}}
  %i = qnn.max_pool2d_indices %x {kernel = array<i64: 2, 2>} : tensor<1x1x4x4xf32> -> tensor<1x1x3x3xi32>
  return
}

// -----

// avg_pool2d: rank-4 input.
func.func @avg_pool_rank(%x: tensor<8x16x16xf32>) {
  // expected-error @+1 {{operand #0 must be 4D tensor of floating-point or `!quant.uniform` values, but got 'tensor<8x16x16xf32>'}}
  %y = qnn.avg_pool2d %x {kernel = array<i64: 2, 2>} : tensor<8x16x16xf32> -> tensor<8x15x15xf32>
  return
}

// -----

// avg_pool2d: strides has two entries.
func.func @avg_pool_strides(%x: tensor<1x8x16x16xf32>) {
  // expected-error @+1 {{attribute 'strides' failed to satisfy constraint: i64 dense array attribute with exactly 2 elements whose value is positive}}
  %y = qnn.avg_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2>} : tensor<1x8x16x16xf32> -> tensor<1x8x8x8xf32>
  return
}

// -----

// avg_pool2d: padding has four entries.
func.func @avg_pool_padding_size(%x: tensor<1x8x16x16xf32>) {
  // expected-error @+1 {{attribute 'padding' failed to satisfy constraint: i64 dense array attribute with exactly 4 elements whose value is non-negative}}
  %y = qnn.avg_pool2d %x {kernel = array<i64: 3, 3>, padding = array<i64: 1, 1>} : tensor<1x8x16x16xf32> -> tensor<1x8x16x16xf32>
  return
}

// -----

// avg_pool2d: padding is smaller than the kernel.
func.func @avg_pool_padding_kernel(%x: tensor<1x8x16x16xf32>) {
  // expected-error @+1 {{expects padding smaller than the kernel, got top padding 3 for kernel height 3}}
  %y = qnn.avg_pool2d %x {kernel = array<i64: 3, 3>, padding = array<i64: 3, 1, 1, 1>} : tensor<1x8x16x16xf32> -> tensor<1x8x18x16xf32>
  return
}

// -----

// avg_pool2d: output size per the window formula.
func.func @avg_pool_size(%x: tensor<1x8x16x16xf32>) {
  // expected-error @+1 {{expects result width 9 = ceil((16 + 1 + 1 - 1*(3 - 1) - 1) / 2) + 1, got 8}}
  %y = qnn.avg_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, ceil_mode}
       : tensor<1x8x16x16xf32> -> tensor<1x8x9x8xf32>
  return
}

// -----

// avg_pool2d: float in, the same float out.
func.func @avg_pool_float(%x: tensor<1x8x16x16xf32>) {
  // expected-error @+1 {{expects the result element type to equal the float input element type 'f32', got 'f16'}}
  %y = qnn.avg_pool2d %x {kernel = array<i64: 2, 2>} : tensor<1x8x16x16xf32> -> tensor<1x8x15x15xf16>
  return
}

// -----

// avg_pool2d: affine in, affine out.
func.func @avg_pool_affine_float(%x: tensor<1x8x16x16x!quant.uniform<i8:f32, 0.1>>) {
  // expected-error @+1 {{expects an affine result for an affine input, got 'f32'}}
  %y = qnn.avg_pool2d %x {kernel = array<i64: 2, 2>} : tensor<1x8x16x16x!quant.uniform<i8:f32, 0.1>> -> tensor<1x8x15x15xf32>
  return
}

// -----

// avg_pool2d: the storage type stays.
func.func @avg_pool_storage(%x: tensor<1x8x16x16x!quant.uniform<i8:f32, 0.1>>) {
  // expected-error @+1 {{expects the result storage type of the input (i8), got u8}}
  %y = qnn.avg_pool2d %x {kernel = array<i64: 2, 2>} : tensor<1x8x16x16x!quant.uniform<i8:f32, 0.1>> -> tensor<1x8x15x15x!quant.uniform<u8:f32, 0.1:128>>
  return
}

// -----

// avg_pool2d: so does the expressed type.
func.func @avg_pool_expressed(%x: tensor<1x8x16x16x!quant.uniform<i8:f32, 0.1>>) {
  // expected-error @+1 {{expects the result to express 'f32' like the input, got 'f16'}}
  %y = qnn.avg_pool2d %x {kernel = array<i64: 2, 2>} : tensor<1x8x16x16x!quant.uniform<i8:f32, 0.1>> -> tensor<1x8x15x15x!quant.uniform<i8:f16, 0.1>>
  return
}

// -----

// avg_pool2d: binary values have no binary mean.
func.func @avg_pool_binary(%x: tensor<1x8x16x16x!qnn.binary<f32>>) {
  // expected-error @+1 {{operand #0 must be 4D tensor of floating-point or `!quant.uniform` values, but got 'tensor<1x8x16x16x!qnn.binary<f32>>'}}
  %y = qnn.avg_pool2d %x {kernel = array<i64: 2, 2>} : tensor<1x8x16x16x!qnn.binary<f32>> -> tensor<1x8x15x15x!qnn.binary<f32>>
  return
}

// -----

// avg_pool2d: nor do codebook values.
func.func @avg_pool_codebook(%x: tensor<1x8x16x16x!qnn.codebook<i1:f32, [0.0, 1.0]>>) {
  // expected-error @+1 {{operand #0 must be 4D tensor of floating-point or `!quant.uniform` values, but got 'tensor<1x8x16x16x!qnn.codebook<i1:f32, [0.000000e+00, 1.000000e+00]>>'}}
  %y = qnn.avg_pool2d %x {kernel = array<i64: 2, 2>} : tensor<1x8x16x16x!qnn.codebook<i1:f32, [0.0, 1.0]>> -> tensor<1x8x15x15xf32>
  return
}

// -----

// global_avg_pool: rank-4 input.
func.func @gap_input_rank(%x: tensor<64x7x7xf32>) {
  // expected-error @+1 {{operand #0 must be 4D tensor of floating-point or `!quant.uniform` values, but got 'tensor<64x7x7xf32>'}}
  %y = qnn.global_avg_pool %x : tensor<64x7x7xf32> -> tensor<64x1x1xf32>
  return
}

// -----

// global_avg_pool: rank-4 result.
func.func @gap_result_rank(%x: tensor<1x64x7x7xf32>) {
  // expected-error @+1 {{result #0 must be 4D tensor of floating-point or `!quant.uniform` values, but got 'tensor<1x64xf32>'}}
  %y = qnn.global_avg_pool %x : tensor<1x64x7x7xf32> -> tensor<1x64xf32>
  return
}

// -----

// global_avg_pool: the batch carries over.
func.func @gap_batch(%x: tensor<1x64x7x7xf32>) {
  // expected-error @+1 {{expects result batch 1, got 2}}
  %y = qnn.global_avg_pool %x : tensor<1x64x7x7xf32> -> tensor<2x64x1x1xf32>
  return
}

// -----

// global_avg_pool: the channels carry over.
func.func @gap_channels(%x: tensor<1x64x7x7xf32>) {
  // expected-error @+1 {{expects result channels 64, got 32}}
  %y = qnn.global_avg_pool %x : tensor<1x64x7x7xf32> -> tensor<1x32x1x1xf32>
  return
}

// -----

// global_avg_pool: the height becomes 1.
func.func @gap_height(%x: tensor<1x64x7x7xf32>) {
  // expected-error @+1 {{expects result height 1, got 7}}
  %y = qnn.global_avg_pool %x : tensor<1x64x7x7xf32> -> tensor<1x64x7x1xf32>
  return
}

// -----

// global_avg_pool: the width becomes 1.
func.func @gap_width(%x: tensor<1x64x7x7xf32>) {
  // expected-error @+1 {{expects result width 1, got 7}}
  %y = qnn.global_avg_pool %x : tensor<1x64x7x7xf32> -> tensor<1x64x1x7xf32>
  return
}

// -----

// global_avg_pool: float or affine only.
func.func @gap_ternary(%x: tensor<1x64x7x7x!qnn.ternary<f32>>) {
  // expected-error @+1 {{operand #0 must be 4D tensor of floating-point or `!quant.uniform` values, but got 'tensor<1x64x7x7x!qnn.ternary<f32>>'}}
  %y = qnn.global_avg_pool %x : tensor<1x64x7x7x!qnn.ternary<f32>> -> tensor<1x64x1x1xf32>
  return
}

// -----

// global_avg_pool: integers are rejected.
func.func @gap_integer(%x: tensor<1x64x7x7xi8>) {
  // expected-error @+1 {{operand #0 must be 4D tensor of floating-point or `!quant.uniform` values, but got 'tensor<1x64x7x7xi8>'}}
  %y = qnn.global_avg_pool %x : tensor<1x64x7x7xi8> -> tensor<1x64x1x1xi8>
  return
}

// -----

// global_avg_pool: quantization parameters fit the result shape.
func.func @gap_slices(%x: tensor<1x2x7x7x!quant.uniform<i8:f32:2, {0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1}>>) {
  // expected-error @+1 {{has 1 slices along quantized axis 2 but its type has 7 scales}}
  %y = qnn.global_avg_pool %x : tensor<1x2x7x7x!quant.uniform<i8:f32:2, {0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1}>> -> tensor<1x2x1x1x!quant.uniform<i8:f32:2, {0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1}>>
  return
}

// -----

// batch_norm: the input has a channel dimension.
func.func @bn_rank(%x: tensor<8xf32>, %p: tensor<8xf32>) {
  // expected-error @+1 {{operand #0 must be rank >= 2 tensor of 32-bit float or 16-bit float or bfloat16 type values, but got 'tensor<8xf32>'}}
  %y = qnn.batch_norm %x, %p, %p, %p, %p : (tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  return
}

// -----

// batch_norm: float only (fold it before quantizing).
func.func @bn_affine(%x: tensor<1x8x!quant.uniform<i8:f32, 0.1>>, %p: tensor<8xf32>) {
  // expected-error @+1 {{operand #0 must be rank >= 2 tensor of 32-bit float or 16-bit float or bfloat16 type values, but got 'tensor<1x8x!quant.uniform<i8:f32, 1.000000e-01>>'}}
  %y = qnn.batch_norm %x, %p, %p, %p, %p : (tensor<1x8x!quant.uniform<i8:f32, 0.1>>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x8x!quant.uniform<i8:f32, 0.1>>
  return
}

// -----

// batch_norm: f64 is not among the supported float types.
func.func @bn_f64(%x: tensor<1x8xf64>, %p: tensor<8xf64>) {
  // expected-error @+1 {{operand #0 must be rank >= 2 tensor of 32-bit float or 16-bit float or bfloat16 type values, but got 'tensor<1x8xf64>'}}
  %y = qnn.batch_norm %x, %p, %p, %p, %p : (tensor<1x8xf64>, tensor<8xf64>, tensor<8xf64>, tensor<8xf64>, tensor<8xf64>) -> tensor<1x8xf64>
  return
}

// -----

// batch_norm: parameters have the input's float type.
func.func @bn_param_type(%x: tensor<1x8xf32>, %p: tensor<8xf32>, %v: tensor<8xf16>) {
  // expected-error @+1 {{expects variance elements of the input type 'f32', got 'f16'}}
  %y = qnn.batch_norm %x, %p, %p, %p, %v : (tensor<1x8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf16>) -> tensor<1x8xf32>
  return
}

// -----

// batch_norm: parameters are 1-D.
func.func @bn_param_rank(%x: tensor<1x8xf32>, %p: tensor<8xf32>, %s: tensor<1x8xf32>) {
  // expected-error @+1 {{operand #1 must be 1D tensor of 32-bit float or 16-bit float or bfloat16 type values, but got 'tensor<1x8xf32>'}}
  %y = qnn.batch_norm %x, %s, %p, %p, %p : (tensor<1x8xf32>, tensor<1x8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x8xf32>
  return
}

// -----

// batch_norm: one parameter per channel.
func.func @bn_param_size(%x: tensor<1x8x4x4xf32>, %p: tensor<8xf32>, %m: tensor<4xf32>) {
  // expected-error @+1 {{expects mean size = input channels = 8, got 4}}
  %y = qnn.batch_norm %x, %p, %p, %m, %p : (tensor<1x8x4x4xf32>, tensor<8xf32>, tensor<8xf32>, tensor<4xf32>, tensor<8xf32>) -> tensor<1x8x4x4xf32>
  return
}

// -----

// batch_norm: the result type is the input type.
func.func @bn_result(%x: tensor<?x8xf32>, %p: tensor<8xf32>) {
  // expected-error @+1 {{expects the result type to equal the input type 'tensor<?x8xf32>', got 'tensor<2x8xf32>'}}
  %y = qnn.batch_norm %x, %p, %p, %p, %p : (tensor<?x8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<2x8xf32>
  return
}

// -----

// batch_norm: epsilon > 0.
func.func @bn_epsilon(%x: tensor<1x8xf32>, %p: tensor<8xf32>) {
  // expected-error @+1 {{expects a positive finite epsilon, got 0}}
  %y = qnn.batch_norm %x, %p, %p, %p, %p {epsilon = 0.0 : f32} : (tensor<1x8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x8xf32>
  return
}

// -----

// batch_norm: a negative epsilon is no better.
func.func @bn_epsilon_negative(%x: tensor<1x8xf32>, %p: tensor<8xf32>) {
  // expected-error @+1 {{expects a positive finite epsilon, got -0.5}}
  %y = qnn.batch_norm %x, %p, %p, %p, %p {epsilon = -0.5 : f32} : (tensor<1x8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x8xf32>
  return
}

// -----

// softmax: axis < rank.
func.func @softmax_axis(%x: tensor<1x10xf32>) {
  // expected-error @+1 {{expects 'axis' in [-2, 2) for an input of rank 2, got 2}}
  %y = qnn.softmax %x {axis = 2 : i64} : tensor<1x10xf32> -> tensor<1x10xf32>
  return
}

// -----

// softmax: axis >= -rank.
func.func @softmax_axis_negative(%x: tensor<1x10xf32>) {
  // expected-error @+1 {{expects 'axis' in [-2, 2) for an input of rank 2, got -3}}
  %y = qnn.softmax %x {axis = -3 : i64} : tensor<1x10xf32> -> tensor<1x10xf32>
  return
}

// -----

// softmax: same shape.
func.func @softmax_shape(%x: tensor<1x10xf32>) {
  // expected-error @+1 {{input and result shapes differ}}
  %y = qnn.softmax %x : tensor<1x10xf32> -> tensor<1x9xf32>
  return
}

// -----

// softmax: float in, the same float out.
func.func @softmax_float(%x: tensor<1x10xf32>) {
  // expected-error @+1 {{expects the result element type to equal the float input element type 'f32', got 'bf16'}}
  %y = qnn.softmax %x : tensor<1x10xf32> -> tensor<1x10xbf16>
  return
}

// -----

// softmax: affine in, affine out.
func.func @softmax_affine_float(%x: tensor<1x10x!quant.uniform<i8:f32, 0.1>>) {
  // expected-error @+1 {{expects an affine result for an affine input, got 'f32'}}
  %y = qnn.softmax %x : tensor<1x10x!quant.uniform<i8:f32, 0.1>> -> tensor<1x10xf32>
  return
}

// -----

// softmax: expressing the same float type.
func.func @softmax_expressed(%x: tensor<1x10x!quant.uniform<i8:f32, 0.1>>) {
  // expected-error @+1 {{expects the result to express 'f32' like the input, got 'f16'}}
  %y = qnn.softmax %x : tensor<1x10x!quant.uniform<i8:f32, 0.1>> -> tensor<1x10x!quant.uniform<u8:f16, 0.00390625>>
  return
}

// -----

// softmax: binary input is rejected.
func.func @softmax_binary(%x: tensor<1x10x!qnn.binary<f32>>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of floating-point or `!quant.uniform` values, but got 'tensor<1x10x!qnn.binary<f32>>'}}
  %y = qnn.softmax %x : tensor<1x10x!qnn.binary<f32>> -> tensor<1x10xf32>
  return
}

// -----

// softmax: quantization parameters fit the shapes.
func.func @softmax_slices(%x: tensor<1x10x!quant.uniform<i8:f32:1, {0.1, 0.2}>>) {
  // expected-error @+1 {{has 10 slices along quantized axis 1 but its type has 2 scales}}
  %y = qnn.softmax %x : tensor<1x10x!quant.uniform<i8:f32:1, {0.1, 0.2}>> -> tensor<1x10x!quant.uniform<i8:f32, 0.1>>
  return
}
