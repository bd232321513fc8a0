// RUN: quant-opt %s -qnn-lower-to-integer -split-input-file -verify-diagnostics
// RUN: not quant-opt %s -qnn-lower-to-integer=rounding=bogus 2>&1 | FileCheck %s --check-prefix=BOGUS

// BOGUS: unknown rounding mode 'bogus' (expected half_even, double_round or single_round)

// A fixed-point requantization needs the ratio below 2^30 (the TOSA
// multiplier/shift range): 2^30 / 1 has none.
func.func @ratio_too_large(%x: tensor<4x!quant.uniform<i8:f32, 1073741824.0>>) -> tensor<4x!quant.uniform<i32:f32, 1.0>> {
  // expected-error @+1 {{requantization scale has no single_round multiplier/shift}}
  %r = qnn.requantize %x rounding single_round : tensor<4x!quant.uniform<i8:f32, 1073741824.0>> -> tensor<4x!quant.uniform<i32:f32, 1.0>>
  return %r : tensor<4x!quant.uniform<i32:f32, 1.0>>
}

// -----

// Runtime weights with per-channel zero points cannot be centered by one
// rescale, and a float matmul has no i32 result: the error is reported (it
// used to be swallowed by the handler that silences the float form's
// verification).
func.func @runtime_weights_per_channel_zp(%a: tensor<2x3x!quant.uniform<i8:f32, 1.0>>, %b: tensor<3x2x!quant.uniform<i8:f32:1, {1.0:1, 1.0:2}>>) -> tensor<2x2xi32> {
  // expected-error @+1 {{'qnn.matmul' op has no integer lowering and no valid float form}}
  %y = qnn.matmul %a, %b : (tensor<2x3x!quant.uniform<i8:f32, 1.0>>, tensor<3x2x!quant.uniform<i8:f32:1, {1.0:1, 1.0:2}>>) -> tensor<2x2xi32>
  return %y : tensor<2x2xi32>
}
