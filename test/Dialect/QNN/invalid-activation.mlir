// RUN: quant-opt %s -split-input-file -verify-diagnostics

// One case per verifier rule of the ops in QNNActivationOps.td, in the
// order the verifiers check them.
// Rules stated in ODS (dialects/QNN/QNNTypeConstraints.td: element kinds,
// ranks, array lengths, attribute ranges) are checked before the C++
// verifiers and report the generated messages ("operand #0 must be ...",
// "attribute 'x' failed to satisfy constraint: ..."); each constraint has
// a case here.

// sub: the result has the larger operand rank.
func.func @sub_rank(%a: tensor<2x3xf32>, %b: tensor<3xf32>) {
  // expected-error @+1 {{expects a result of rank 2 (the larger operand rank), got 'tensor<6xf32>'}}
  %0 = qnn.sub %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<6xf32>
  return
}

// -----

// sub: sizes that differ and are not 1 do not broadcast.
func.func @sub_no_broadcast(%a: tensor<2x3xf32>, %b: tensor<2xf32>) {
  // expected-error @+1 {{cannot broadcast dimension 1: lhs 3 and rhs 2 differ and neither is 1}}
  %0 = qnn.sub %a, %b : (tensor<2x3xf32>, tensor<2xf32>) -> tensor<2x3xf32>
  return
}

// -----

// div: the result size is the broadcast size.
func.func @div_result_size(%a: tensor<4x1xf32>, %b: tensor<1x3xf32>) {
  // expected-error @+1 {{expects result dimension 1 3 (broadcast of 1 and 3), got 1}}
  %0 = qnn.div %a, %b : (tensor<4x1xf32>, tensor<1x3xf32>) -> tensor<4x1xf32>
  return
}

// -----

// div: a dynamic operand size still fixes nothing against a static non-1.
func.func @div_dynamic(%a: tensor<?x3xf32>, %b: tensor<5x3xf32>) {
  // expected-error @+1 {{expects result dimension 0 5, got 4}}
  %0 = qnn.div %a, %b : (tensor<?x3xf32>, tensor<5x3xf32>) -> tensor<4x3xf32>
  return
}

// -----

// sub: per-axis parameters must fit the operand shape.
func.func @sub_axis(%a: tensor<2x3x!quant.uniform<i8:f32:1, {0.1, 0.2}>>, %b: tensor<2x3x!quant.uniform<i8:f32, 0.1>>) {
  // expected-error @+1 {{has 3 slices along quantized axis 1 but its type has 2 scales}}
  %0 = qnn.sub %a, %b : (tensor<2x3x!quant.uniform<i8:f32:1, {0.1, 0.2}>>, tensor<2x3x!quant.uniform<i8:f32, 0.1>>) -> tensor<2x3x!quant.uniform<i8:f32, 0.1>>
  return
}

// -----

// sub: float operands and result share one type.
func.func @sub_mixed_float(%a: tensor<4xf32>, %b: tensor<4xf16>) {
  // expected-error @+1 {{expects operands and result of one float type, got 'f32', 'f16' and 'f32'}}
  %0 = qnn.sub %a, %b : (tensor<4xf32>, tensor<4xf16>) -> tensor<4xf32>
  return
}

// -----

// div: integers have no meaning here.
func.func @div_integer(%a: tensor<4xi32>, %b: tensor<4xi32>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of floating-point or `!quant.uniform` values, but got 'tensor<4xi32>'}}
  %0 = qnn.div %a, %b : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  return
}

// -----

// sub: an affine lhs needs affine rhs and result.
func.func @sub_affine_float(%a: tensor<4x!quant.uniform<i8:f32, 0.1>>, %b: tensor<4xf32>) {
  // expected-error @+1 {{expects all operands and the result affine when lhs is, got 'f32'}}
  %0 = qnn.sub %a, %b : (tensor<4x!quant.uniform<i8:f32, 0.1>>, tensor<4xf32>) -> tensor<4x!quant.uniform<i8:f32, 0.1>>
  return
}

// -----

// div: all affine types express the same float type.
func.func @div_expressed(%a: tensor<4x!quant.uniform<i8:f32, 0.1>>, %b: tensor<4x!quant.uniform<i8:f16, 0.1>>) {
  // expected-error @+1 {{expects every element type to express 'f32', got '!quant.uniform<i8:f16, 1.000000e-01>'}}
  %0 = qnn.div %a, %b : (tensor<4x!quant.uniform<i8:f32, 0.1>>, tensor<4x!quant.uniform<i8:f16, 0.1>>) -> tensor<4x!quant.uniform<i8:f32, 0.1>>
  return
}

// -----

// leaky_relu: alpha must be finite.
func.func @leaky_alpha(%x: tensor<4xf32>) {
  // expected-error @+1 {{expects a finite 'alpha', got INF}}
  %0 = qnn.leaky_relu %x {alpha = 0x7F800000 : f32} : tensor<4xf32> -> tensor<4xf32>
  return
}

// -----

// leaky_relu: the shape is kept.
func.func @leaky_shape(%x: tensor<4xf32>) {
  // expected-error @+1 {{input and result shapes differ: 'tensor<4xf32>' vs 'tensor<5xf32>'}}
  %0 = qnn.leaky_relu %x : tensor<4xf32> -> tensor<5xf32>
  return
}

// -----

// leaky_relu: float input, the same float result.
func.func @leaky_float(%x: tensor<4xf32>) {
  // expected-error @+1 {{expects the result element type to equal the float input element type 'f32', got 'f16'}}
  %0 = qnn.leaky_relu %x : tensor<4xf32> -> tensor<4xf16>
  return
}

// -----

// leaky_relu: binary values have no negative side to scale.
func.func @leaky_binary(%x: tensor<4x!qnn.binary<f32>>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of floating-point or `!quant.uniform` values, but got 'tensor<4x!qnn.binary<f32>>'}}
  %0 = qnn.leaky_relu %x : tensor<4x!qnn.binary<f32>> -> tensor<4x!qnn.binary<f32>>
  return
}

// -----

// leaky_relu: an affine input gives an affine result.
func.func @leaky_affine_float(%x: tensor<4x!quant.uniform<i8:f32, 0.1>>) {
  // expected-error @+1 {{expects an affine result for an affine input, got 'f32'}}
  %0 = qnn.leaky_relu %x : tensor<4x!quant.uniform<i8:f32, 0.1>> -> tensor<4xf32>
  return
}

// -----

// leaky_relu: the result expresses the input's float type.
func.func @leaky_expressed(%x: tensor<4x!quant.uniform<i8:f32, 0.1>>) {
  // expected-error @+1 {{expects the result to express 'f32' like the input, got '!quant.uniform<i8:f16, 1.000000e-01>'}}
  %0 = qnn.leaky_relu %x : tensor<4x!quant.uniform<i8:f32, 0.1>> -> tensor<4x!quant.uniform<i8:f16, 0.1>>
  return
}

// -----

// leaky_relu: the storage type is kept.
func.func @leaky_storage(%x: tensor<4x!quant.uniform<i8:f32, 0.1>>) {
  // expected-error @+1 {{expects the result storage type 'i8' of the input, got '!quant.uniform<i16:f32, 1.000000e-01>'}}
  %0 = qnn.leaky_relu %x : tensor<4x!quant.uniform<i8:f32, 0.1>> -> tensor<4x!quant.uniform<i16:f32, 0.1>>
  return
}

// -----

// leaky_relu: and so is its signedness.
func.func @leaky_signedness(%x: tensor<4x!quant.uniform<i8:f32, 0.1>>) {
  // expected-error @+1 {{expects the result storage signedness of the input, got '!quant.uniform<u8:f32, 1.000000e-01:128>'}}
  %0 = qnn.leaky_relu %x : tensor<4x!quant.uniform<i8:f32, 0.1>> -> tensor<4x!quant.uniform<u8:f32, 0.1:128>>
  return
}

// -----

// sigmoid: the shape is kept.
func.func @sigmoid_shape(%x: tensor<2x3xf32>) {
  // expected-error @+1 {{input and result shapes differ: 'tensor<2x3xf32>' vs 'tensor<3x2xf32>'}}
  %0 = qnn.sigmoid %x : tensor<2x3xf32> -> tensor<3x2xf32>
  return
}

// -----

// sigmoid: integers have no meaning here.
func.func @sigmoid_integer(%x: tensor<4xi8>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of floating-point or `!quant.uniform` values, but got 'tensor<4xi8>'}}
  %0 = qnn.sigmoid %x : tensor<4xi8> -> tensor<4xi8>
  return
}

// -----

// sigmoid: an affine input gives an affine result.
func.func @sigmoid_affine_float(%x: tensor<4x!quant.uniform<i8:f32, 0.1>>) {
  // expected-error @+1 {{expects an affine result for an affine input, got 'f32'}}
  %0 = qnn.sigmoid %x : tensor<4x!quant.uniform<i8:f32, 0.1>> -> tensor<4xf32>
  return
}
