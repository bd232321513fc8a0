// What the binary part of -qnn-lower-to-integer cannot lower: an error at
// the op (quant-opt exits with 1).
// RUN: quant-opt %s -qnn-lower-to-integer -split-input-file -verify-diagnostics
// RUN: not quant-opt %s -qnn-lower-to-integer -split-input-file -o /dev/null 2>/dev/null

// Binary values have no integer form at function boundaries.
// expected-error @+1 {{has a 'tensor<1x4x!qnn.binary<f32>>' argument: binary, ternary and codebook values have no integer form at function boundaries}}
func.func @binary_argument(%x: tensor<1x4x!qnn.binary<f32>>) -> tensor<1x4xf32> {
  %d = qnn.dequantize %x : tensor<1x4x!qnn.binary<f32>> -> tensor<1x4xf32>
  return %d : tensor<1x4xf32>
}

// -----

func.func @binary_result(%x: tensor<1x4xf32>) -> tensor<1x4x!qnn.binary<f32>> {
  %b = qnn.binarize %x : tensor<1x4xf32> -> tensor<1x4x!qnn.binary<f32>>
  // expected-error @+1 {{returns binary, ternary or codebook values, which have no integer form at function boundaries}}
  return %b : tensor<1x4x!qnn.binary<f32>>
}

// -----

// Codebook indices computed at run time.
func.func @runtime_codebook(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{quantizes to '!qnn.codebook<i2:f32, [-5.000000e-01, 0.000000e+00, 2.500000e-01, 1.000000e+00]>' at run time, which has no integer lowering}}
  %q = qnn.quantize %x : tensor<4xf32> -> tensor<4x!qnn.codebook<i2:f32, [-0.5, 0.0, 0.25, 1.0]>>
  %d = qnn.dequantize %q : tensor<4x!qnn.codebook<i2:f32, [-0.5, 0.0, 0.25, 1.0]>> -> tensor<4xf32>
  return %d : tensor<4xf32>
}

// -----

// One input alpha per accumulator: per-axis binary conv inputs are not.
func.func @per_axis_input(%x: tensor<1x2x3x3xf32>) -> tensor<1x1x1x1xf32> {
  %b = qnn.binarize %x : tensor<1x2x3x3xf32> -> tensor<1x2x3x3x!qnn.binary<f32:1, {0.5, 0.25}>>
  %w = qnn.constant dense<true> : tensor<1x2x3x3xi1> -> tensor<1x2x3x3x!qnn.binary<f32>>
  // expected-error @+1 {{has a per-axis binary input}}
  %y = qnn.conv2d %b, %w : (tensor<1x2x3x3x!qnn.binary<f32:1, {0.5, 0.25}>>, tensor<1x2x3x3x!qnn.binary<f32>>) -> tensor<1x1x1x1xf32>
  return %y : tensor<1x1x1x1xf32>
}

// -----

// Ternary quantization at run time (constants fold).
func.func @runtime_ternary(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{quantizes to '!qnn.ternary<f32, 5.000000e-01>' at run time, which has no integer lowering}}
  %q = qnn.quantize %x : tensor<4xf32> -> tensor<4x!qnn.ternary<f32, 0.5>>
  %d = qnn.dequantize %q : tensor<4x!qnn.ternary<f32, 0.5>> -> tensor<4xf32>
  return %d : tensor<4xf32>
}
