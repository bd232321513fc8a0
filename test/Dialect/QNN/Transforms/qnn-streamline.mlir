// RUN: quant-opt %s -qnn-streamline -split-input-file | FileCheck %s

// mul by a per-channel constant after fully_connected: W rows and b scale
// by [2, -1]; add of [10, 20] afterwards: b becomes [1*2 + 10, 3*-1 + 20].
// CHECK-LABEL: func.func @after_fc
// CHECK-SAME: (%[[X:.*]]: tensor<1x2xf32>)
// CHECK-DAG: %[[W:.*]] = arith.constant dense<{{\[\[}}2.000000e+00, 4.000000e+00], [-3.000000e+00, -4.000000e+00]]>
// CHECK-DAG: %[[B:.*]] = arith.constant dense<[1.200000e+01, 1.700000e+01]>
// CHECK: %[[Y:.*]] = qnn.fully_connected %[[X]], %[[W]], %[[B]]
// CHECK-NEXT: return %[[Y]]
func.func @after_fc(%x: tensor<1x2xf32>) -> tensor<1x2xf32> {
  %w = arith.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %b = arith.constant dense<[1.0, 3.0]> : tensor<2xf32>
  %s = arith.constant dense<[2.0, -1.0]> : tensor<2xf32>
  %a = arith.constant dense<[10.0, 20.0]> : tensor<2xf32>
  %y = qnn.fully_connected %x, %w, %b : (tensor<1x2xf32>, tensor<2x2xf32>, tensor<2xf32>) -> tensor<1x2xf32>
  %m = qnn.mul %y, %s : (tensor<1x2xf32>, tensor<2xf32>) -> tensor<1x2xf32>
  %z = qnn.add %a, %m : (tensor<2xf32>, tensor<1x2xf32>) -> tensor<1x2xf32>
  return %z : tensor<1x2xf32>
}

// -----

// Input normalization (x - 0.5) * 4 in front of an unpadded conv: the
// scale enters the weights (W * 4 = 4), the shift the bias
// (sum of W * 4 over the 2x2 window times -0.5 = -8).
// CHECK-LABEL: func.func @normalization_before_conv
// CHECK-SAME: (%[[X:.*]]: tensor<1x1x3x3xf32>)
// CHECK-DAG: %[[W:.*]] = arith.constant dense<4.000000e+00> : tensor<1x1x2x2xf32>
// CHECK-DAG: %[[B:.*]] = arith.constant dense<-8.000000e+00> : tensor<1xf32>
// CHECK: %[[Y:.*]] = qnn.conv2d %[[X]], %[[W]], %[[B]]
// CHECK-NEXT: return %[[Y]]
func.func @normalization_before_conv(%x: tensor<1x1x3x3xf32>) -> tensor<1x1x2x2xf32> {
  %shift = arith.constant dense<-0.5> : tensor<1xf32>
  %scale = arith.constant dense<4.0> : tensor<1x1x1x1xf32>
  %w = arith.constant dense<1.0> : tensor<1x1x2x2xf32>
  %s = qnn.add %x, %shift : (tensor<1x1x3x3xf32>, tensor<1xf32>) -> tensor<1x1x3x3xf32>
  %n = qnn.mul %s, %scale : (tensor<1x1x3x3xf32>, tensor<1x1x1x1xf32>) -> tensor<1x1x3x3xf32>
  %y = qnn.conv2d %n, %w : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
  return %y : tensor<1x1x2x2xf32>
}

// -----

// A shift in front of a padded conv is not absorbed (the padding reads 0,
// not the shifted value); the scale is.
// CHECK-LABEL: func.func @shift_before_padded_conv
// CHECK: qnn.add
// CHECK-NOT: qnn.mul
// CHECK: qnn.conv2d
func.func @shift_before_padded_conv(%x: tensor<1x1x3x3xf32>) -> tensor<1x1x4x4xf32> {
  %shift = arith.constant dense<-0.5> : tensor<1xf32>
  %scale = arith.constant dense<4.0> : tensor<1xf32>
  %w = arith.constant dense<1.0> : tensor<1x1x2x2xf32>
  %s = qnn.add %x, %shift : (tensor<1x1x3x3xf32>, tensor<1xf32>) -> tensor<1x1x3x3xf32>
  %n = qnn.mul %s, %scale : (tensor<1x1x3x3xf32>, tensor<1xf32>) -> tensor<1x1x3x3xf32>
  %y = qnn.conv2d %n, %w {padding = array<i64: 1, 1, 1, 1>} : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x4x4xf32>
  return %y : tensor<1x1x4x4xf32>
}

// -----

// A non-constant multiplier is left alone.
// CHECK-LABEL: func.func @runtime_scale
// CHECK: qnn.fully_connected
// CHECK: qnn.mul
func.func @runtime_scale(%x: tensor<1x2xf32>, %s: tensor<2xf32>) -> tensor<1x2xf32> {
  %w = arith.constant dense<1.0> : tensor<2x2xf32>
  %y = qnn.fully_connected %x, %w : (tensor<1x2xf32>, tensor<2x2xf32>) -> tensor<1x2xf32>
  %m = qnn.mul %y, %s : (tensor<1x2xf32>, tensor<2xf32>) -> tensor<1x2xf32>
  return %m : tensor<1x2xf32>
}
