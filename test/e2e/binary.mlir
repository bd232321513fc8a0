// Binarized layers, end to end: binarize -> dequantize is lowered to its
// float definition (x >= t ? +alpha : -alpha; a constant, e.g. binarized
// weights, folds at compile time) and the ops reading binary values read
// them dequantized (qnn-lower-to-integer), as the QONNX BNN example needs.
// Compared with qnn-ref on baseline x86-64 and the host.
// RUN: %e2e-check %s %t --mcpu=x86-64
// RUN: %e2e-check %s %t

// Per-tensor threshold 0 (sign with sign(0) = +1) and alpha 1.
func.func @sign_like(%x: tensor<3x17xf32>) -> tensor<3x17xf32> {
  %b = qnn.binarize %x : tensor<3x17xf32> -> tensor<3x17x!qnn.binary<f32>>
  %d = qnn.dequantize %b : tensor<3x17x!qnn.binary<f32>> -> tensor<3x17xf32>
  return %d : tensor<3x17xf32>
}

// Per-channel thresholds (a folded batch norm) and per-channel alphas.
func.func @thresholds(%x: tensor<1x3x4x4xf32>) -> tensor<1x3x4x4xf32> {
  %b = qnn.binarize %x {axis = 1 : i64, thresholds = array<f64: 0.25, -0.5, 0.0>} : tensor<1x3x4x4xf32> -> tensor<1x3x4x4x!qnn.binary<f32:1, {0.5, 2.0, 1.25}>>
  %d = qnn.dequantize %b : tensor<1x3x4x4x!qnn.binary<f32:1, {0.5, 2.0, 1.25}>> -> tensor<1x3x4x4xf32>
  return %d : tensor<1x3x4x4xf32>
}

// A binary MLP layer: binarized activations times binarized constant
// weights (alpha per output column), as imported from QONNX BipolarQuant.
func.func @binary_matmul(%x: tensor<2x8xf32>) -> tensor<2x3xf32> {
  %w = arith.constant dense<[[0.5, -0.1, 0.2], [-0.3, 0.4, -0.6], [0.7, 0.1, -0.2], [-0.4, -0.5, 0.3], [0.2, 0.6, 0.1], [-0.1, -0.2, -0.7], [0.9, 0.3, 0.4], [-0.6, 0.8, -0.3]]> : tensor<8x3xf32>
  %xb = qnn.binarize %x : tensor<2x8xf32> -> tensor<2x8x!qnn.binary<f32>>
  %wb = qnn.binarize %w : tensor<8x3xf32> -> tensor<8x3x!qnn.binary<f32:1, {0.5, 0.25, 0.75}>>
  %y = qnn.matmul %xb, %wb : (tensor<2x8x!qnn.binary<f32>>, tensor<8x3x!qnn.binary<f32:1, {0.5, 0.25, 0.75}>>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}
