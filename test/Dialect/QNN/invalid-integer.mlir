// RUN: quant-opt %s -split-input-file -verify-diagnostics

// One case per verifier rule of the ops in QNNIntegerOps.td, in the order
// the verifiers check them.
// Rules stated in ODS (dialects/QNN/QNNTypeConstraints.td: element kinds,
// ranks, array lengths, attribute ranges) are checked before the C++
// verifiers and report the generated messages ("operand #0 must be ...",
// "attribute 'x' failed to satisfy constraint: ..."); each constraint has
// a case here.

// int_add: sizes that differ and are not 1 do not broadcast.
func.func @add_no_broadcast(%a: tensor<2x3xi8>, %b: tensor<2xi8>) {
  // expected-error @+1 {{cannot broadcast dimension 1: lhs 3 and rhs 2 differ and neither is 1}}
  %0 = qnn.int_add %a, %b : (tensor<2x3xi8>, tensor<2xi8>) -> tensor<2x3xi8>
  return
}

// -----

// int_mul: integers only (floats have qnn.mul).
func.func @mul_float(%a: tensor<3xf32>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of 8-, 16-, 32- or 64-bit signless integer values, but got 'tensor<3xf32>'}}
  %0 = qnn.int_mul %a, %a : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return
}

// -----

// int_sub: no booleans.
func.func @sub_bool(%a: tensor<3xi1>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of 8-, 16-, 32- or 64-bit signless integer values, but got 'tensor<3xi1>'}}
  %0 = qnn.int_sub %a, %a : (tensor<3xi1>, tensor<3xi1>) -> tensor<3xi1>
  return
}

// -----

// int_div: one integer type.
func.func @div_mixed(%a: tensor<3xi8>, %b: tensor<3xi32>) {
  // expected-error @+1 {{expects operands and result of one integer type, got 'i8', 'i32' and 'i32'}}
  %0 = qnn.int_div %a, %b : (tensor<3xi8>, tensor<3xi32>) -> tensor<3xi32>
  return
}

// -----

// int_clamp: integers only.
func.func @clamp_float(%a: tensor<3xf32>) {
  // expected-error @+1 {{operand #0 must be ranked tensor of 8-, 16-, 32- or 64-bit signless integer values, but got 'tensor<3xf32>'}}
  %0 = qnn.int_clamp %a {min = 0 : i64, max = 1 : i64} : tensor<3xf32>
  return
}

// -----

// int_clamp: unsigned bounds inside the unsigned range.
func.func @clamp_unsigned_range(%a: tensor<3xi8>) {
  // expected-error @+1 {{expects bounds in [0, 255] for unsigned 8-bit values, got [-1, 10]}}
  %0 = qnn.int_clamp %a {min = -1 : i64, max = 10 : i64, is_unsigned} : tensor<3xi8>
  return
}

// -----

// int_clamp: signed bounds inside the signed range.
func.func @clamp_signed_range(%a: tensor<3xi8>) {
  // expected-error @+1 {{expects bounds in [-128, 127] for signed 8-bit values, got [0, 200]}}
  %0 = qnn.int_clamp %a {min = 0 : i64, max = 200 : i64} : tensor<3xi8>
  return
}

// -----

// int_clamp: min <= max.
func.func @clamp_order(%a: tensor<3xi16>) {
  // expected-error @+1 {{expects min <= max, got 7 > 3}}
  %0 = qnn.int_clamp %a {min = 7 : i64, max = 3 : i64} : tensor<3xi16>
  return
}
