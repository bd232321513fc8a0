// RUN: quant-opt %s -qnn-fold-batch-norm -split-input-file | FileCheck %s
// RUN: quant-opt %s -qnn-fold-batch-norm="strict=true" -split-input-file -verify-diagnostics -o /dev/null

// k = gamma / sqrt(var + eps) = [4/2, 0.5/1] = [2, 0.5]
// W' = W * k per row; b' = (b - mean) * k + beta = [0.5, 0.5].
// CHECK-LABEL: func.func @fc
// CHECK-SAME: (%[[X:.*]]: tensor<1x2xf32>)
// CHECK-DAG: %[[W:.*]] = arith.constant dense<{{\[}}[2.000000e+00, 4.000000e+00], [1.500000e+00, 2.000000e+00]]> : tensor<2x2xf32>
// CHECK-DAG: %[[B:.*]] = arith.constant dense<5.000000e-01> : tensor<2xf32>
// CHECK: %[[Y:.*]] = qnn.fully_connected %[[X]], %[[W]], %[[B]]
// CHECK-NOT: qnn.batch_norm
// CHECK: return %[[Y]]
func.func @fc(%x: tensor<1x2xf32>) -> tensor<1x2xf32> {
  %w = arith.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %b = arith.constant dense<1.0> : tensor<2xf32>
  %gamma = arith.constant dense<[4.0, 0.5]> : tensor<2xf32>
  %beta = arith.constant dense<[0.5, 0.0]> : tensor<2xf32>
  %mean = arith.constant dense<[1.0, 0.0]> : tensor<2xf32>
  %var = arith.constant dense<[3.0, 0.0]> : tensor<2xf32>
  %y = qnn.fully_connected %x, %w, %b : (tensor<1x2xf32>, tensor<2x2xf32>, tensor<2xf32>) -> tensor<1x2xf32>
  %z = qnn.batch_norm %y, %gamma, %beta, %mean, %var {epsilon = 1.0 : f32}
      : (tensor<1x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2xf32>
  return %z : tensor<1x2xf32>
}

// -----

// A conv without bias gets one; its attributes are kept.
// CHECK-LABEL: func.func @conv_no_bias
// CHECK-DAG: %[[W:.*]] = arith.constant dense<{{\[}}[{{\[}}[2.000000e+00]]], [{{\[}}[1.000000e+00]]]]> : tensor<2x1x1x1xf32>
// CHECK-DAG: %[[B:.*]] = arith.constant dense<[-1.500000e+00, 0.000000e+00]> : tensor<2xf32>
// CHECK: qnn.conv2d %{{.*}}, %[[W]], %[[B]] {strides = array<i64: 2, 2>}
// CHECK-NOT: qnn.batch_norm
func.func @conv_no_bias(%x: tensor<1x1x4x4xf32>) -> tensor<1x2x2x2xf32> {
  %w = arith.constant dense<[[[[1.0]]], [[[2.0]]]]> : tensor<2x1x1x1xf32>
  %gamma = arith.constant dense<[4.0, 0.5]> : tensor<2xf32>
  %beta = arith.constant dense<[0.5, 0.0]> : tensor<2xf32>
  %mean = arith.constant dense<[1.0, 0.0]> : tensor<2xf32>
  %var = arith.constant dense<[3.0, 0.0]> : tensor<2xf32>
  %y = qnn.conv2d %x, %w {strides = array<i64: 2, 2>} : (tensor<1x1x4x4xf32>, tensor<2x1x1x1xf32>) -> tensor<1x2x2x2xf32>
  %z = qnn.batch_norm %y, %gamma, %beta, %mean, %var {epsilon = 1.0 : f32}
      : (tensor<1x2x2x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x2x2xf32>
  return %z : tensor<1x2x2x2xf32>
}

// -----

// Parameters that are not constants: nothing folds.
// CHECK-LABEL: func.func @dynamic_params
// CHECK: qnn.conv2d
// CHECK: qnn.batch_norm
func.func @dynamic_params(%x: tensor<1x1x4x4xf32>, %gamma: tensor<2xf32>) -> tensor<1x2x4x4xf32> {
  %w = arith.constant dense<1.0> : tensor<2x1x1x1xf32>
  %c = arith.constant dense<1.0> : tensor<2xf32>
  %y = qnn.conv2d %x, %w : (tensor<1x1x4x4xf32>, tensor<2x1x1x1xf32>) -> tensor<1x2x4x4xf32>
  // expected-error @+1 {{batch_norm could not be folded}}
  %z = qnn.batch_norm %y, %gamma, %c, %c, %c
      : (tensor<1x2x4x4xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x4x4xf32>
  return %z : tensor<1x2x4x4xf32>
}

// -----

// The conv result has another user: folding would change it.
// CHECK-LABEL: func.func @shared_producer
// CHECK: %[[Y:.*]] = qnn.conv2d
// CHECK: qnn.batch_norm %[[Y]]
func.func @shared_producer(%x: tensor<1x1x4x4xf32>) -> (tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>) {
  %w = arith.constant dense<1.0> : tensor<2x1x1x1xf32>
  %c = arith.constant dense<1.0> : tensor<2xf32>
  %y = qnn.conv2d %x, %w : (tensor<1x1x4x4xf32>, tensor<2x1x1x1xf32>) -> tensor<1x2x4x4xf32>
  // expected-error @+1 {{batch_norm could not be folded}}
  %z = qnn.batch_norm %y, %c, %c, %c, %c
      : (tensor<1x2x4x4xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x4x4xf32>
  return %y, %z : tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>
}

// -----

// A batch norm in front of a binarization becomes per-channel thresholds
// on the XNOR layer's output (k = gamma / sqrt(var + eps)):
//   c0: k = 2/2 = 1 > 0:  y >= 0.25 + (0 - 1)/1 = -0.75
//   c1: k = -1/1 < 0:     y <= 1 + (0 - 0.5)/(-1) = 1.5, i.e. -y >= -1.5:
//                         weight bits and bias of channel 1 are negated
//   c2: k = 0:            beta = -0.5 < 0, always -1: threshold +inf
// CHECK-LABEL: func.func @bn_into_threshold
// CHECK: %[[W:.*]] = qnn.constant dense<{{\[\[}}true, false, true, true], [true, true, false, true], [true, true, true, true]]>
// CHECK: %[[B:.*]] = arith.constant dense<[5.000000e-01, 1.000000e+00, 2.000000e+00]>
// CHECK: %[[Y:.*]] = qnn.fully_connected %{{.*}}, %[[W]], %[[B]]
// CHECK-NOT: qnn.batch_norm
// CHECK: qnn.binarize %[[Y]] {axis = 1 : i64, thresholds = array<f64: -7.500000e-01, -1.500000e+00, 0x7FF0000000000000>}
!bw = !qnn.binary<f32:0, {0.5, 0.25, 1.0}>
func.func @bn_into_threshold(%x: tensor<1x4x!qnn.binary<f32>>) -> tensor<1x3x!qnn.binary<f32>> {
  %w = qnn.constant dense<[[true, false, true, true], [false, false, true, false], [true, true, true, true]]> : tensor<3x4xi1> -> tensor<3x4x!bw>
  %b = arith.constant dense<[0.5, -1.0, 2.0]> : tensor<3xf32>
  %y = qnn.fully_connected %x, %w, %b : (tensor<1x4x!qnn.binary<f32>>, tensor<3x4x!bw>, tensor<3xf32>) -> tensor<1x3xf32>
  %g = arith.constant dense<[2.0, -1.0, 0.0]> : tensor<3xf32>
  %be = arith.constant dense<[1.0, 0.5, -0.5]> : tensor<3xf32>
  %m = arith.constant dense<[0.25, 1.0, 3.0]> : tensor<3xf32>
  %v = arith.constant dense<[3.0, 0.0, 0.0]> : tensor<3xf32>
  %n = qnn.batch_norm %y, %g, %be, %m, %v {epsilon = 1.0 : f32} : (tensor<1x3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<1x3xf32>
  %s = qnn.binarize %n : tensor<1x3xf32> -> tensor<1x3x!qnn.binary<f32>>
  return %s : tensor<1x3x!qnn.binary<f32>>
}

// -----

// Positive scales need no producer: the threshold t = 0.5 moves to
// mean + (t - beta) / k = 1 + (0.5 - 0) / 0.5 = 2 and 0 + (0.5 - 1) / 1 = -0.5.
// CHECK-LABEL: func.func @bn_threshold_positive
// CHECK-SAME: (%[[X:.*]]: tensor<2x2xf32>)
// CHECK-NEXT: %[[S:.*]] = qnn.binarize %[[X]] {axis = 1 : i64, thresholds = array<f64: 2.000000e+00, -5.000000e-01>}
// CHECK-NEXT: return %[[S]]
func.func @bn_threshold_positive(%x: tensor<2x2xf32>) -> tensor<2x2x!qnn.binary<f32>> {
  %g = arith.constant dense<[0.5, 1.0]> : tensor<2xf32>
  %be = arith.constant dense<[0.0, 1.0]> : tensor<2xf32>
  %m = arith.constant dense<[1.0, 0.0]> : tensor<2xf32>
  %v = arith.constant dense<[0.0, 0.0]> : tensor<2xf32>
  %n = qnn.batch_norm %x, %g, %be, %m, %v {epsilon = 1.0 : f32} : (tensor<2x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<2x2xf32>
  %s = qnn.binarize %n {threshold = 0.5 : f32} : tensor<2x2xf32> -> tensor<2x2x!qnn.binary<f32>>
  return %s : tensor<2x2x!qnn.binary<f32>>
}

// -----

// A negative scale with no producer to negate: left alone.
// CHECK-LABEL: func.func @bn_threshold_negative_no_producer
// CHECK: qnn.batch_norm
// CHECK: qnn.binarize
func.func @bn_threshold_negative_no_producer(%x: tensor<2x2xf32>) -> tensor<2x2x!qnn.binary<f32>> {
  %g = arith.constant dense<[-0.5, 1.0]> : tensor<2xf32>
  %be = arith.constant dense<[0.0, 1.0]> : tensor<2xf32>
  %m = arith.constant dense<[1.0, 0.0]> : tensor<2xf32>
  %v = arith.constant dense<[0.0, 0.0]> : tensor<2xf32>
  // expected-error @+1 {{batch_norm could not be folded}}
  %n = qnn.batch_norm %x, %g, %be, %m, %v {epsilon = 1.0 : f32} : (tensor<2x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<2x2xf32>
  %s = qnn.binarize %n : tensor<2x2xf32> -> tensor<2x2x!qnn.binary<f32>>
  return %s : tensor<2x2x!qnn.binary<f32>>
}

// -----

// A negative scale behind a matmul whose weights are a binarized constant
// read through dequantize (the QONNX import form): the flipped column's
// bits are inverted exactly (w = 0 stays +1 before, so it becomes -1; the
// negated floats would binarize to +1 again) and its threshold negated:
// k = -1 / sqrt(0 + 1): y <= 1 + (0 - 0) / -1 = 1, i.e. -y >= -1.
// CHECK-LABEL: func.func @bn_threshold_negative_matmul
// CHECK: %[[W:.*]] = qnn.constant dense<{{\[}}[false, false], [true, true]]> : tensor<2x2xi1> -> tensor<2x2x!qnn.binary<f32:1, {5.000000e-01, 2.500000e-01}>>
// CHECK: %[[D:.*]] = qnn.dequantize %[[W]]
// CHECK: %[[Y:.*]] = qnn.matmul %{{.*}}, %[[D]]
// CHECK-NOT: qnn.batch_norm
// CHECK: qnn.binarize %[[Y]] {axis = 1 : i64, thresholds = array<f64: -1.000000e+00, 0.000000e+00>}
func.func @bn_threshold_negative_matmul(%x: tensor<1x2xf32>) -> tensor<1x2x!qnn.binary<f32>> {
  %wf = arith.constant dense<[[0.0, -0.5], [-1.0, 2.0]]> : tensor<2x2xf32>
  %wb = qnn.binarize %wf : tensor<2x2xf32> -> tensor<2x2x!qnn.binary<f32:1, {0.5, 0.25}>>
  %wd = qnn.dequantize %wb : tensor<2x2x!qnn.binary<f32:1, {0.5, 0.25}>> -> tensor<2x2xf32>
  %y = qnn.matmul %x, %wd : (tensor<1x2xf32>, tensor<2x2xf32>) -> tensor<1x2xf32>
  %g = arith.constant dense<[-1.0, 1.0]> : tensor<2xf32>
  %be = arith.constant dense<[0.0, 0.0]> : tensor<2xf32>
  %m = arith.constant dense<[1.0, 0.0]> : tensor<2xf32>
  %v = arith.constant dense<[0.0, 0.0]> : tensor<2xf32>
  %n = qnn.batch_norm %y, %g, %be, %m, %v {epsilon = 1.0 : f32} : (tensor<1x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2xf32>
  %s = qnn.binarize %n : tensor<1x2xf32> -> tensor<1x2x!qnn.binary<f32>>
  return %s : tensor<1x2x!qnn.binary<f32>>
}
