// RUN: quant-opt %s -qnn-quantize-activations -split-input-file -verify-diagnostics | FileCheck %s
// RUN: quant-opt %s -qnn-quantize-activations="scheme=symmetric" -split-input-file -verify-diagnostics | FileCheck %s --check-prefix=SYM

// [0, 6] over i8: scale 6/255, zero point -128; [-1, 1]: scale 2/255 with
// the zero point rounded from 127.5 - 128 (the f32 scale is slightly above
// 2/255, so -0.5000001 rounds to -1).
// CHECK-LABEL: func.func @ranges
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK-NEXT: %[[QX:.*]] = qnn.quantize %[[X]] : tensor<4xf32> -> tensor<4x!quant.uniform<i8:f32, 0.0078431377187371254:-1>>
// CHECK-NEXT: %[[DX:.*]] = qnn.dequantize %[[QX]]
// CHECK-NEXT: %[[Y:.*]] = qnn.clamp %[[DX]]
// CHECK-NOT: qnn.calib
// CHECK-NEXT: %[[QY:.*]] = qnn.quantize %[[Y]] : tensor<4xf32> -> tensor<4x!quant.uniform<i8:f32, 0.023529412224888802:-128>>
// CHECK-NEXT: %[[DY:.*]] = qnn.dequantize %[[QY]]
// CHECK-NEXT: return %[[DY]]
// SYM-LABEL: func.func @ranges
// SYM: qnn.quantize %{{.*}} -> tensor<4x!quant.uniform<i8:f32, 0.0078431377187371254>>
// SYM: qnn.quantize %{{.*}} -> tensor<4x!quant.uniform<i8:f32, 0.047058824449777603>>
func.func @ranges(%x: tensor<4xf32> {qnn.calib = array<f64: -1.0, 1.0>}) -> tensor<4xf32> {
  %y = qnn.clamp %x {min = 0.0 : f32, max = 6.0 : f32, qnn.calib = array<f64: 0.0, 6.0>} : tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

func.func @malformed(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'qnn.calib' must be array<f64: min, max>, got array<f64: 1.000000e+00>}}
  %y = qnn.clamp %x {min = 0.0 : f32, max = 6.0 : f32, qnn.calib = array<f64: 1.0>} : tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

func.func @empty_range(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{calibrated range [2.000000e+00, 1.000000e+00] is not a finite interval}}
  %y = qnn.clamp %x {min = 0.0 : f32, max = 6.0 : f32, qnn.calib = array<f64: 2.0, 1.0>} : tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

func.func @not_float(%x: tensor<4x!quant.uniform<i8:f32, 0.5>>) -> tensor<4x!quant.uniform<i8:f32, 0.5>> {
  // expected-error @+1 {{'qnn.calib' on a value that is not a float tensor}}
  %y = qnn.clamp %x {min = 0.0 : f32, max = 6.0 : f32, qnn.calib = array<f64: 0.0, 6.0>} : tensor<4x!quant.uniform<i8:f32, 0.5>>
  return %y : tensor<4x!quant.uniform<i8:f32, 0.5>>
}
