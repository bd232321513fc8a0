// RUN: quant-opt %s -canonicalize -split-input-file | FileCheck %s

// Folds and canonicalizations of the qnn ops. Every one must be exact: the
// negative cases check that lossy rewrites are not done.

!a8 = !quant.uniform<i8:f32, 0.5:-3>
!b8 = !quant.uniform<i8:f32, 0.25>

// CHECK-LABEL: func.func @quantize_of_dequantize
// CHECK-SAME: (%[[Q:.*]]: tensor<4x!quant.uniform<i8:f32, 5.000000e-01:-3>>)
// CHECK-NEXT: return %[[Q]]
func.func @quantize_of_dequantize(%q: tensor<4x!a8>) -> tensor<4x!a8> {
  %0 = qnn.dequantize %q : tensor<4x!a8> -> tensor<4xf32>
  %1 = qnn.quantize %0 : tensor<4xf32> -> tensor<4x!a8>
  return %1 : tensor<4x!a8>
}

// A different target type is a requantization: not a fold.
// CHECK-LABEL: func.func @quantize_of_dequantize_other_type
// CHECK: qnn.dequantize
// CHECK: qnn.quantize
func.func @quantize_of_dequantize_other_type(%q: tensor<4x!a8>) -> tensor<4x!b8> {
  %0 = qnn.dequantize %q : tensor<4x!a8> -> tensor<4xf32>
  %1 = qnn.quantize %0 : tensor<4xf32> -> tensor<4x!b8>
  return %1 : tensor<4x!b8>
}

// dequantize(quantize(x)) rounds: never folded.
// CHECK-LABEL: func.func @dequantize_of_quantize
// CHECK: %[[Q:.*]] = qnn.quantize
// CHECK: %[[D:.*]] = qnn.dequantize %[[Q]]
// CHECK: return %[[D]]
func.func @dequantize_of_quantize(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = qnn.quantize %x : tensor<4xf32> -> tensor<4x!a8>
  %1 = qnn.dequantize %0 : tensor<4x!a8> -> tensor<4xf32>
  return %1 : tensor<4xf32>
}

// Constant quantization: x / 0.5 rounded half to even, + zp -3, saturated
// to [-128, 127]: 0.25 -> 0 - 3, 0.75 -> 2 - 3, -1.25 -> -2 - 3,
// 100 -> 200 - 3 -> 127, -100 -> -203 -> -128, 1.0 -> -1.
// CHECK-LABEL: func.func @quantize_constant
// CHECK: %[[C:.*]] = qnn.constant dense<[-3, -1, -5, 127, -128, -1]> : tensor<6xi8> -> tensor<6x!quant.uniform<i8:f32, 5.000000e-01:-3>>
// CHECK-NEXT: return %[[C]]
func.func @quantize_constant() -> tensor<6x!a8> {
  %c = qnn.constant dense<[0.25, 0.75, -1.25, 100.0, -100.0, 1.0]> : tensor<6xf32> -> tensor<6xf32>
  %q = qnn.quantize %c : tensor<6xf32> -> tensor<6x!a8>
  return %q : tensor<6x!a8>
}

// Per-axis: each row uses its own scale and zero point; u8 storage.
// CHECK-LABEL: func.func @quantize_constant_per_axis
// CHECK: qnn.constant dense<{{\[}}[128, 130], [0, 255]]> : tensor<2x2xui8>
func.func @quantize_constant_per_axis() -> tensor<2x2x!quant.uniform<u8:f32:0, {1.0:128, 0.5:0}>> {
  %c = qnn.constant dense<[[0.5, 2.0], [-1.0, 300.0]]> : tensor<2x2xf32> -> tensor<2x2xf32>
  %q = qnn.quantize %c : tensor<2x2xf32> -> tensor<2x2x!quant.uniform<u8:f32:0, {1.0:128, 0.5:0}>>
  return %q : tensor<2x2x!quant.uniform<u8:f32:0, {1.0:128, 0.5:0}>>
}

// CHECK-LABEL: func.func @requantize_identity
// CHECK-SAME: (%[[Q:.*]]: tensor
// CHECK-NEXT: return %[[Q]]
func.func @requantize_identity(%q: tensor<4x!a8>) -> tensor<4x!a8> {
  %0 = qnn.requantize %q rounding half_even : tensor<4x!a8> -> tensor<4x!a8>
  return %0 : tensor<4x!a8>
}

// CHECK-LABEL: func.func @requantize_kept
// CHECK: qnn.requantize
func.func @requantize_kept(%q: tensor<4x!a8>) -> tensor<4x!b8> {
  %0 = qnn.requantize %q rounding half_even : tensor<4x!a8> -> tensor<4x!b8>
  return %0 : tensor<4x!b8>
}

// CHECK-LABEL: func.func @global_avg_pool_of_one
// CHECK-SAME: (%[[X:.*]]: tensor
// CHECK-NEXT: return %[[X]]
func.func @global_avg_pool_of_one(%x: tensor<1x8x1x1x!a8>) -> tensor<1x8x1x1x!a8> {
  %0 = qnn.global_avg_pool %x : tensor<1x8x1x1x!a8> -> tensor<1x8x1x1x!a8>
  return %0 : tensor<1x8x1x1x!a8>
}

// CHECK-LABEL: func.func @reshape_chain
// CHECK-SAME: (%[[X:.*]]: tensor
// CHECK-NEXT: %[[R:.*]] = qnn.reshape %[[X]] : tensor<2x6xf32> -> tensor<12xf32>
// CHECK-NEXT: return %[[R]]
func.func @reshape_chain(%x: tensor<2x6xf32>) -> tensor<12xf32> {
  %0 = qnn.reshape %x : tensor<2x6xf32> -> tensor<3x4xf32>
  %1 = qnn.reshape %0 : tensor<3x4xf32> -> tensor<12xf32>
  return %1 : tensor<12xf32>
}

// CHECK-LABEL: func.func @reshape_round_trip
// CHECK-SAME: (%[[X:.*]]: tensor
// CHECK-NEXT: return %[[X]]
func.func @reshape_round_trip(%x: tensor<2x6xf32>) -> tensor<2x6xf32> {
  %0 = qnn.reshape %x : tensor<2x6xf32> -> tensor<3x4xf32>
  %1 = qnn.reshape %0 : tensor<3x4xf32> -> tensor<2x6xf32>
  return %1 : tensor<2x6xf32>
}

// Reshaping a quantized constant reshapes its storage values.
// CHECK-LABEL: func.func @reshape_constant
// CHECK: %[[C:.*]] = qnn.constant dense<{{\[}}[1, 2], [3, 4]]> : tensor<2x2xi8> -> tensor<2x2x!quant.uniform<i8:f32, 2.500000e-01>>
// CHECK-NEXT: return %[[C]]
func.func @reshape_constant() -> tensor<2x2x!b8> {
  %c = qnn.constant dense<[1, 2, 3, 4]> : tensor<4xi8> -> tensor<4x!b8>
  %0 = qnn.reshape %c : tensor<4x!b8> -> tensor<2x2x!b8>
  return %0 : tensor<2x2x!b8>
}

// CHECK-LABEL: func.func @transpose_identity
// CHECK-SAME: (%[[X:.*]]: tensor
// CHECK-NEXT: return %[[X]]
func.func @transpose_identity(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = qnn.transpose %x {permutation = array<i64: 0, 1>} : tensor<2x3xf32> -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// NCHW -> NHWC -> NCHW is the identity.
// CHECK-LABEL: func.func @transpose_inverse
// CHECK-SAME: (%[[X:.*]]: tensor
// CHECK-NEXT: return %[[X]]
func.func @transpose_inverse(%x: tensor<1x8x4x5xf32>) -> tensor<1x8x4x5xf32> {
  %0 = qnn.transpose %x {permutation = array<i64: 0, 2, 3, 1>} : tensor<1x8x4x5xf32> -> tensor<1x4x5x8xf32>
  %1 = qnn.transpose %0 {permutation = array<i64: 0, 3, 1, 2>} : tensor<1x4x5x8xf32> -> tensor<1x8x4x5xf32>
  return %1 : tensor<1x8x4x5xf32>
}

// CHECK-LABEL: func.func @transpose_compose
// CHECK-SAME: (%[[X:.*]]: tensor
// CHECK-NEXT: %[[T:.*]] = qnn.transpose %[[X]] {permutation = array<i64: 2, 0, 1>} : tensor<2x3x4xf32> -> tensor<4x2x3xf32>
// CHECK-NEXT: return %[[T]]
func.func @transpose_compose(%x: tensor<2x3x4xf32>) -> tensor<4x2x3xf32> {
  %0 = qnn.transpose %x {permutation = array<i64: 1, 2, 0>} : tensor<2x3x4xf32> -> tensor<3x4x2xf32>
  %1 = qnn.transpose %0 {permutation = array<i64: 1, 2, 0>} : tensor<3x4x2xf32> -> tensor<4x2x3xf32>
  return %1 : tensor<4x2x3xf32>
}

// Moving only size-1 dimensions keeps the memory order: a reshape.
// CHECK-LABEL: func.func @transpose_unit_dims
// CHECK: qnn.reshape %{{.*}} : tensor<1x8x1x1xf32> -> tensor<1x1x1x8xf32>
// CHECK-NOT: qnn.transpose
func.func @transpose_unit_dims(%x: tensor<1x8x1x1xf32>) -> tensor<1x1x1x8xf32> {
  %0 = qnn.transpose %x {permutation = array<i64: 0, 2, 3, 1>} : tensor<1x8x1x1xf32> -> tensor<1x1x1x8xf32>
  return %0 : tensor<1x1x1x8xf32>
}

// A real transpose stays.
// CHECK-LABEL: func.func @transpose_kept
// CHECK: qnn.transpose
func.func @transpose_kept(%x: tensor<1x8x2x1xf32>) -> tensor<1x2x1x8xf32> {
  %0 = qnn.transpose %x {permutation = array<i64: 0, 2, 3, 1>} : tensor<1x8x2x1xf32> -> tensor<1x2x1x8xf32>
  return %0 : tensor<1x2x1x8xf32>
}

// CHECK-LABEL: func.func @concat_single
// CHECK-SAME: (%[[X:.*]]: tensor
// CHECK-NEXT: return %[[X]]
func.func @concat_single(%x: tensor<2x!a8>) -> tensor<2x!a8> {
  %0 = qnn.concat %x {axis = 0 : i64} : (tensor<2x!a8>) -> tensor<2x!a8>
  return %0 : tensor<2x!a8>
}

// CHECK-LABEL: func.func @pad_zero
// CHECK-SAME: (%[[X:.*]]: tensor
// CHECK-NEXT: return %[[X]]
func.func @pad_zero(%x: tensor<1x2x3x3xf32>) -> tensor<1x2x3x3xf32> {
  %0 = qnn.pad %x {pads = array<i64: 0, 0, 0, 0, 0, 0, 0, 0>} : tensor<1x2x3x3xf32> -> tensor<1x2x3x3xf32>
  return %0 : tensor<1x2x3x3xf32>
}

// CHECK-LABEL: func.func @clamp_unbounded_float
// CHECK-SAME: (%[[X:.*]]: tensor
// CHECK-NEXT: return %[[X]]
func.func @clamp_unbounded_float(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = qnn.clamp %x {min = 0xFF800000 : f32, max = 0x7F800000 : f32} : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// i8 with scale 0.5 and zero point -3 represents [-62.5, 65]: a clamp to
// [-62.5, 65] changes nothing, a clamp to [-62, 65] (or ReLU) does.
// CHECK-LABEL: func.func @clamp_covering_range
// CHECK-SAME: (%[[X:.*]]: tensor
// CHECK-NEXT: %[[C:.*]] = qnn.clamp %[[X]] {max = 6.500000e+01 : f32, min = -6.200000e+01 : f32}
// CHECK-NEXT: return %[[X]], %[[C]]
func.func @clamp_covering_range(%x: tensor<4x!a8>) -> (tensor<4x!a8>, tensor<4x!a8>) {
  %0 = qnn.clamp %x {min = -62.5 : f32, max = 65.0 : f32} : tensor<4x!a8>
  %1 = qnn.clamp %x {min = -62.0 : f32, max = 65.0 : f32} : tensor<4x!a8>
  return %0, %1 : tensor<4x!a8>, tensor<4x!a8>
}

// ReLU6 after ReLU is ReLU6.
// CHECK-LABEL: func.func @clamp_chain
// CHECK-SAME: (%[[X:.*]]: tensor
// CHECK-NEXT: %[[C:.*]] = qnn.clamp %[[X]] {max = 6.000000e+00 : f32, min = 0.000000e+00 : f32}
// CHECK-NEXT: return %[[C]]
func.func @clamp_chain(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = qnn.clamp %x {min = 0.0 : f32, max = 0x7F800000 : f32} : tensor<4xf32>
  %1 = qnn.clamp %0 {min = -1.0 : f32, max = 6.0 : f32} : tensor<4xf32>
  return %1 : tensor<4xf32>
}

// Disjoint intervals are left alone.
// CHECK-LABEL: func.func @clamp_disjoint
// CHECK-COUNT-2: qnn.clamp
func.func @clamp_disjoint(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = qnn.clamp %x {min = 0.0 : f32, max = 1.0 : f32} : tensor<4xf32>
  %1 = qnn.clamp %0 {min = 2.0 : f32, max = 3.0 : f32} : tensor<4xf32>
  return %1 : tensor<4xf32>
}
