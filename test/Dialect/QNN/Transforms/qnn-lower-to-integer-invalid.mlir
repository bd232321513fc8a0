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
