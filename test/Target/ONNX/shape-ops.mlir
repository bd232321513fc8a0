// RUN: quant-translate --import-onnx %S/Inputs/shape-ops.onnx | FileCheck %s
// RUN: quant-translate --import-onnx %S/Inputs/shape-ops.onnx | quant-opt | FileCheck %s

// Data movement at opset 13 (scripts/make-onnx-test-models.py, shape_ops):
// Transpose, Reshape by a Constant node holding [1, -1], Unsqueeze and
// Squeeze with constant axes inputs (all qnn.reshape), a Constant node with
// value_floats, Concat, Pad with constant pads and value, Identity (no op).

// CHECK-LABEL: func.func @main
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x6xf32> {onnx.name = "x"}) -> (tensor<1x31xf32> {onnx.name = "y"})
// CHECK: %[[T:.*]] = qnn.transpose %[[X]] {permutation = array<i64: 0, 2, 1>} : tensor<1x4x6xf32> -> tensor<1x6x4xf32>
// CHECK: %[[R:.*]] = qnn.reshape %[[T]] : tensor<1x6x4xf32> -> tensor<1x24xf32>
// CHECK: %[[U:.*]] = qnn.reshape %[[R]] : tensor<1x24xf32> -> tensor<1x1x24xf32>
// CHECK: %[[S:.*]] = qnn.reshape %[[U]] : tensor<1x1x24xf32> -> tensor<1x24xf32>
// CHECK: %[[E:.*]] = qnn.constant dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00]> : tensor<4xf32> -> tensor<4xf32>
// CHECK: %[[E2:.*]] = qnn.reshape %[[E]] : tensor<4xf32> -> tensor<1x4xf32>
// CHECK: %[[C:.*]] = qnn.concat %[[S]], %[[E2]] {axis = 1 : i64} : (tensor<1x24xf32>, tensor<1x4xf32>) -> tensor<1x28xf32>
// CHECK: %[[P:.*]] = qnn.pad %[[C]] {pads = array<i64: 0, 1, 0, 2>, value = -1.500000e+00 : f64} : tensor<1x28xf32> -> tensor<1x31xf32>
// CHECK: return %[[P]] : tensor<1x31xf32>
