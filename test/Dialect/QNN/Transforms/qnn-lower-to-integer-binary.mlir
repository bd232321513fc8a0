// The binary part of -qnn-lower-to-integer: i8 -1/+1 codes, XNOR integer
// ops with i32 accumulators (qnn.xnor), integer thresholds computed with the
// f32 arithmetic they replace, float constants for weights of float ops.
// RUN: quant-opt %s -qnn-lower-to-integer -split-input-file | FileCheck %s

!bx = !qnn.binary<f32>
!bw = !qnn.binary<f32:0, {0.25, 0.1, 0.1, 0.5}>

// Per-channel thresholds on the accumulator. alpha = 0.25: f32(k) * 0.25 >=
// 0.3 first at k = 2. alpha = f32(0.1): f32(3) * f32(0.1) rounds up to
// 0.30000001192 >= 0.30000001 although the exact real 0.30000000447 is
// below it, so k = 3 (exact arithmetic would say 4). 100 and -100 lie
// outside [-4, 4]: constant -1 and +1.
// CHECK-LABEL: func.func @fc_threshold
// CHECK: %[[A:.*]] = qnn.binarize %arg0 {axis = 1 : i64, thresholds = array<f64: 5.000000e-01, -1.000000e+00, 0.000000e+00, 0xFFF0000000000000>} : tensor<1x4xf32> -> tensor<1x4xi8>
// CHECK: %[[W:.*]] = qnn.constant dense<{{\[}}[1, -1, 1, 1], [-1, -1, 1, -1], [1, 1, 1, -1], [-1, 1, -1, 1]]> : tensor<4x4xi8> -> tensor<4x4xi8>
// CHECK: %[[ACC:.*]] = qnn.fully_connected %[[A]], %[[W]] {qnn.xnor} : (tensor<1x4xi8>, tensor<4x4xi8>) -> tensor<1x4xi32>
// CHECK: %[[B:.*]] = qnn.binarize %[[ACC]] {axis = 1 : i64, thresholds = array<f64: 2.000000e+00, 3.000000e+00, 0x7FF0000000000000, 0xFFF0000000000000>} : tensor<1x4xi32> -> tensor<1x4xi8>
// CHECK: %[[S:.*]] = quant.scast %[[B]] : tensor<1x4xi8> to tensor<1x4x!quant.uniform<i8:f32, 1.000000e+00>>
// CHECK: %[[D:.*]] = qnn.dequantize %[[S]]
// CHECK: return %[[D]]
func.func @fc_threshold(%x: tensor<1x4xf32>) -> tensor<1x4xf32> {
  %a = qnn.binarize %x {axis = 1 : i64, thresholds = array<f64: 0.5, -1.0, 0.0, 0xFFF0000000000000>} : tensor<1x4xf32> -> tensor<1x4x!bx>
  %w = qnn.constant dense<[[true, false, true, true], [false, false, true, false], [true, true, true, false], [false, true, false, true]]> : tensor<4x4xi1> -> tensor<4x4x!bw>
  %y = qnn.fully_connected %a, %w : (tensor<1x4x!bx>, tensor<4x4x!bw>) -> tensor<1x4xf32>
  %b = qnn.binarize %y {axis = 1 : i64, thresholds = array<f64: 0.3, 0.30000001, 100.0, -100.0>} : tensor<1x4xf32> -> tensor<1x4x!bx>
  %r = qnn.dequantize %b : tensor<1x4x!bx> -> tensor<1x4xf32>
  return %r : tensor<1x4xf32>
}

// -----

!bx = !qnn.binary<f32>

// A float bias: the thresholds search f32(f32(k) * 0.5) + 0.3 >= t (k in
// [-2, 2]): t = 0.8 gives k = 1, t = 0.79 too, t = 0.81 gives k = 2. The
// float result stays for its other user (dequantize of the accumulator
// plus the bias, the arithmetic the thresholds reproduce).
// CHECK-LABEL: func.func @bias_threshold
// CHECK: %[[ACC:.*]] = qnn.fully_connected %{{.*}}, %{{.*}} {qnn.xnor} : (tensor<1x2xi8>, tensor<3x2xi8>) -> tensor<1x3xi32>
// CHECK: %[[S:.*]] = quant.scast %[[ACC]] : tensor<1x3xi32> to tensor<1x3x!quant.uniform<i32:f32, 5.000000e-01>>
// CHECK: %[[D:.*]] = qnn.dequantize %[[S]]
// CHECK: %[[Y:.*]] = qnn.add %[[D]], %{{.*}} : (tensor<1x3xf32>, tensor<3xf32>) -> tensor<1x3xf32>
// CHECK: qnn.binarize %[[ACC]] {axis = 1 : i64, thresholds = array<f64: 1.000000e+00, 1.000000e+00, 2.000000e+00>} : tensor<1x3xi32> -> tensor<1x3xi8>
// CHECK: return %[[Y]]
func.func @bias_threshold(%x: tensor<1x2xf32>) -> (tensor<1x3xf32>, tensor<1x3xf32>) {
  %a = qnn.binarize %x : tensor<1x2xf32> -> tensor<1x2x!bx>
  %w = qnn.constant dense<true> : tensor<3x2xi1> -> tensor<3x2x!qnn.binary<f32, 0.5>>
  %bias = arith.constant dense<0.3> : tensor<3xf32>
  %y = qnn.fully_connected %a, %w, %bias : (tensor<1x2x!bx>, tensor<3x2x!qnn.binary<f32, 0.5>>, tensor<3xf32>) -> tensor<1x3xf32>
  %b = qnn.binarize %y {axis = 1 : i64, thresholds = array<f64: 0.8, 0.79, 0.81>} : tensor<1x3xf32> -> tensor<1x3x!bx>
  %r = qnn.dequantize %b : tensor<1x3x!bx> -> tensor<1x3xf32>
  return %y, %r : tensor<1x3xf32>, tensor<1x3xf32>
}

// -----

// Zero padding (pad_value 0) stays the integer conv's own padding: padded
// taps read 0 and add nothing.
// CHECK-LABEL: func.func @conv_zero_pad
// CHECK-NOT: qnn.pad
// CHECK: qnn.conv2d %{{.*}}, %{{.*}} {padding = array<i64: 1, 1, 1, 1>, qnn.xnor} : (tensor<1x2x4x4xi8>, tensor<3x2x3x3xi8>) -> tensor<1x3x4x4xi32>
func.func @conv_zero_pad(%x: tensor<1x2x4x4xf32>) -> tensor<1x3x4x4xf32> {
  %a = qnn.binarize %x : tensor<1x2x4x4xf32> -> tensor<1x2x4x4x!qnn.binary<f32, 0.5>>
  %w = qnn.constant dense<true> : tensor<3x2x3x3xi1> -> tensor<3x2x3x3x!qnn.binary<f32>>
  %y = qnn.conv2d %a, %w {padding = array<i64: 1, 1, 1, 1>, pad_value = 0 : i64} : (tensor<1x2x4x4x!qnn.binary<f32, 0.5>>, tensor<3x2x3x3x!qnn.binary<f32>>) -> tensor<1x3x4x4xf32>
  return %y : tensor<1x3x4x4xf32>
}

// -----

// A binary conv pads with pad_value explicitly, so the integer conv reads
// only -1 / +1.
// CHECK-LABEL: func.func @conv_pad
// CHECK: %[[A:.*]] = qnn.binarize %arg0 : tensor<1x2x4x4xf32> -> tensor<1x2x4x4xi8>
// CHECK: %[[P:.*]] = qnn.pad %[[A]] {pads = array<i64: 0, 0, 1, 1, 0, 0, 1, 1>, value = -1.000000e+00 : f64} : tensor<1x2x4x4xi8> -> tensor<1x2x6x6xi8>
// CHECK: %[[C:.*]] = qnn.conv2d %[[P]], %{{.*}} {qnn.xnor} : (tensor<1x2x6x6xi8>, tensor<3x2x3x3xi8>) -> tensor<1x3x4x4xi32>
// CHECK: quant.scast %[[C]] : tensor<1x3x4x4xi32> to tensor<1x3x4x4x!quant.uniform<i32:f32:1, {1.250000e-01,2.500000e-01,5.000000e-01}>>
func.func @conv_pad(%x: tensor<1x2x4x4xf32>) -> tensor<1x3x4x4xf32> {
  %a = qnn.binarize %x : tensor<1x2x4x4xf32> -> tensor<1x2x4x4x!qnn.binary<f32, 0.5>>
  %w = qnn.constant dense<true> : tensor<3x2x3x3xi1> -> tensor<3x2x3x3x!qnn.binary<f32:0, {0.25, 0.5, 1.0}>>
  %y = qnn.conv2d %a, %w {padding = array<i64: 1, 1, 1, 1>, pad_value = -1 : i64} : (tensor<1x2x4x4x!qnn.binary<f32, 0.5>>, tensor<3x2x3x3x!qnn.binary<f32:0, {0.25, 0.5, 1.0}>>) -> tensor<1x3x4x4xf32>
  return %y : tensor<1x3x4x4xf32>
}

// -----

// Float activations with binary, ternary and codebook weights: the weights
// become float constants (+-alpha, the scaled sign, the table entries).
// CHECK-LABEL: func.func @weight_only
// CHECK-DAG: arith.constant dense<{{\[}}[2.500000e-01, -2.500000e-01], [-5.000000e-01, 5.000000e-01]]> : tensor<2x2xf32>
// CHECK-DAG: arith.constant dense<{{\[}}[7.500000e-01, 0.000000e+00], [-2.500000e-01, 0.000000e+00]]> : tensor<2x2xf32>
// CHECK-DAG: arith.constant dense<{{\[}}[-5.000000e-01, 1.000000e+00], [2.500000e-01, 2.500000e-01]]> : tensor<2x2xf32>
// CHECK-NOT: qnn.binarize
// CHECK-NOT: qnn.dequantize
// CHECK: return
func.func @weight_only(%x: tensor<1x2xf32>) -> (tensor<1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>) {
  %wf = arith.constant dense<[[0.3, -0.1], [-2.0, 0.0]]> : tensor<2x2xf32>
  %wb = qnn.binarize %wf : tensor<2x2xf32> -> tensor<2x2x!qnn.binary<f32:0, {0.25, 0.5}>>
  %y0 = qnn.fully_connected %x, %wb : (tensor<1x2xf32>, tensor<2x2x!qnn.binary<f32:0, {0.25, 0.5}>>) -> tensor<1x2xf32>
  %wt = qnn.constant dense<[[1, 0], [-1, 0]]> : tensor<2x2xi2> -> tensor<2x2x!qnn.ternary<f32, 0.25:0.75>>
  %y1 = qnn.fully_connected %x, %wt : (tensor<1x2xf32>, tensor<2x2x!qnn.ternary<f32, 0.25:0.75>>) -> tensor<1x2xf32>
  %wc = qnn.constant dense<[[0, 3], [2, 2]]> : tensor<2x2xi2> -> tensor<2x2x!qnn.codebook<i2:f32, [-0.5, 0.0, 0.25, 1.0]>>
  %wd = qnn.dequantize %wc : tensor<2x2x!qnn.codebook<i2:f32, [-0.5, 0.0, 0.25, 1.0]>> -> tensor<2x2xf32>
  %y2 = qnn.matmul %x, %wd : (tensor<1x2xf32>, tensor<2x2xf32>) -> tensor<1x2xf32>
  return %y0, %y1, %y2 : tensor<1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>
}

// -----

!bx = !qnn.binary<f32>

// binarize of affine values compares the storage codes: f32(q + 3) * 0.5
// >= 0.75 first at q = -1. Binary x binary matmul at run time: alpha 0.5
// times the column alphas.
// CHECK-LABEL: func.func @affine_and_runtime
// CHECK: %[[Q:.*]] = quant.scast %arg0 : tensor<4x!quant.uniform<i8:f32, 5.000000e-01:-3>> to tensor<4xi8>
// CHECK: qnn.binarize %[[Q]] {axis = 0 : i64, thresholds = array<f64: -1.000000e+00, -1.000000e+00, -1.000000e+00, -1.000000e+00>} : tensor<4xi8> -> tensor<4xi8>
// CHECK: %[[L:.*]] = qnn.binarize %arg1 : tensor<2x3xf32> -> tensor<2x3xi8>
// CHECK: %[[R:.*]] = qnn.binarize %arg2 : tensor<3x2xf32> -> tensor<3x2xi8>
// CHECK: %[[M:.*]] = qnn.matmul %[[L]], %[[R]] {qnn.xnor} : (tensor<2x3xi8>, tensor<3x2xi8>) -> tensor<2x2xi32>
// CHECK: quant.scast %[[M]] : tensor<2x2xi32> to tensor<2x2x!quant.uniform<i32:f32:1, {5.000000e-01,1.250000e-01}>>
func.func @affine_and_runtime(%q: tensor<4x!quant.uniform<i8:f32, 0.5:-3>>, %l: tensor<2x3xf32>, %r: tensor<3x2xf32>) -> (tensor<4xf32>, tensor<2x2xf32>) {
  %b = qnn.binarize %q {threshold = 0.75 : f32} : tensor<4x!quant.uniform<i8:f32, 0.5:-3>> -> tensor<4x!bx>
  %d = qnn.dequantize %b : tensor<4x!bx> -> tensor<4xf32>
  %bl = qnn.binarize %l : tensor<2x3xf32> -> tensor<2x3x!qnn.binary<f32, 0.5>>
  %br = qnn.quantize %r : tensor<3x2xf32> -> tensor<3x2x!qnn.binary<f32:1, {1.0, 0.25}>>
  %m = qnn.matmul %bl, %br : (tensor<2x3x!qnn.binary<f32, 0.5>>, tensor<3x2x!qnn.binary<f32:1, {1.0, 0.25}>>) -> tensor<2x2xf32>
  return %d, %m : tensor<4xf32>, tensor<2x2xf32>
}
