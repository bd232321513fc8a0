// RUN: quant-translate --import-onnx %S/Inputs/conv-variants.onnx | FileCheck %s
// RUN: quant-translate --import-onnx %S/Inputs/conv-variants.onnx | quant-opt | FileCheck %s

// Conv padding modes (scripts/make-onnx-test-models.py, conv_variants) on a
// 7x7 input with 3x3 weights: VALID, SAME_LOWER with stride 2 (output 4,
// total padding 2 split evenly), dilation 2 with asymmetric pads [top 0,
// left 1, bottom 2, right 1], and a grouped conv with kernel_shape and
// strides [1, 2]. One graph output each.

// CHECK-LABEL: func.func @main
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x7x7xf32> {onnx.name = "x"})
// CHECK-SAME: -> (tensor<1x2x5x5xf32> {onnx.name = "valid"}, tensor<1x2x4x4xf32> {onnx.name = "same_lower"}, tensor<1x2x5x5xf32> {onnx.name = "dilated"}, tensor<1x4x6x3xf32> {onnx.name = "grouped"})
// CHECK: %[[W:.*]] = qnn.constant {{.*}} -> tensor<2x2x3x3xf32>
// CHECK: %[[V:.*]] = qnn.conv2d %[[X]], %[[W]] : (tensor<1x2x7x7xf32>, tensor<2x2x3x3xf32>) -> tensor<1x2x5x5xf32>
// CHECK: %[[S:.*]] = qnn.conv2d %[[X]], %[[W]] {padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x2x7x7xf32>, tensor<2x2x3x3xf32>) -> tensor<1x2x4x4xf32>
// CHECK: %[[D:.*]] = qnn.conv2d %[[X]], %[[W]] {dilations = array<i64: 2, 2>, padding = array<i64: 0, 1, 2, 1>} : (tensor<1x2x7x7xf32>, tensor<2x2x3x3xf32>) -> tensor<1x2x5x5xf32>
// CHECK: %[[WG:.*]] = qnn.constant {{.*}} -> tensor<4x1x2x2xf32>
// CHECK: %[[G:.*]] = qnn.conv2d %[[X]], %[[WG]] {groups = 2 : i64, strides = array<i64: 1, 2>} : (tensor<1x2x7x7xf32>, tensor<4x1x2x2xf32>) -> tensor<1x4x6x3xf32>
// CHECK: return %[[V]], %[[S]], %[[D]], %[[G]]
