// RUN: quant-translate --import-onnx %S/Inputs/elementwise-ops.onnx | FileCheck %s
// RUN: quant-translate --import-onnx %S/Inputs/elementwise-ops.onnx | quant-opt | FileCheck %s

// Elementwise ops (scripts/make-onnx-test-models.py, elementwise_ops):
// broadcasting Add/Mul/Sub/Div (by a constant), LeakyRelu, Sigmoid, Sign,
// MatMul by a vector (reshaped to a matrix and back), and Gemm with
// transA, alpha 0.5 and beta 2 (transposes, fully_connected, products by
// constants, add).

// CHECK-LABEL: func.func @main
// CHECK-SAME: (%[[A:.*]]: tensor<3x4xf32> {onnx.name = "a"}, %[[AT:.*]]: tensor<4x3xf32> {onnx.name = "at"})
// CHECK-SAME: -> (tensor<3xf32> {onnx.name = "mv"}, tensor<3x5xf32> {onnx.name = "gemm"})
// CHECK: %[[BIAS:.*]] = qnn.constant {{.*}} : tensor<4xf32> -> tensor<4xf32>
// CHECK: %[[ADD:.*]] = qnn.add %[[A]], %[[BIAS]] : (tensor<3x4xf32>, tensor<4xf32>) -> tensor<3x4xf32>
// CHECK: %[[GAIN:.*]] = qnn.constant {{.*}} : tensor<3x1xf32> -> tensor<3x1xf32>
// CHECK: %[[MUL:.*]] = qnn.mul %[[ADD]], %[[GAIN]] : (tensor<3x4xf32>, tensor<3x1xf32>) -> tensor<3x4xf32>
// CHECK: %[[SUB:.*]] = qnn.sub %[[MUL]], %[[A]] : (tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<3x4xf32>
// CHECK: %[[DIVISOR:.*]] = qnn.constant dense<[2.000000e+00, 4.000000e+00, 8.000000e+00, 1.600000e+01]> : tensor<4xf32> -> tensor<4xf32>
// CHECK: %[[DIV:.*]] = qnn.div %[[SUB]], %[[DIVISOR]] : (tensor<3x4xf32>, tensor<4xf32>) -> tensor<3x4xf32>
// CHECK: %[[LR:.*]] = qnn.leaky_relu %[[DIV]] {alpha = 2.000000e-01 : f32} : tensor<3x4xf32> -> tensor<3x4xf32>
// CHECK: %[[SIG:.*]] = qnn.sigmoid %[[LR]] : tensor<3x4xf32> -> tensor<3x4xf32>
// CHECK: %[[SIGN:.*]] = qnn.sign %[[SIG]] : tensor<3x4xf32>
// CHECK: %[[V:.*]] = qnn.constant {{.*}} : tensor<4xf32> -> tensor<4xf32>
// CHECK: %[[V2:.*]] = qnn.reshape %[[V]] : tensor<4xf32> -> tensor<4x1xf32>
// CHECK: %[[MM:.*]] = qnn.matmul %[[SIGN]], %[[V2]] : (tensor<3x4xf32>, tensor<4x1xf32>) -> tensor<3x1xf32>
// CHECK: %[[MV:.*]] = qnn.reshape %[[MM]] : tensor<3x1xf32> -> tensor<3xf32>
// CHECK: %[[GW:.*]] = qnn.constant {{.*}} : tensor<4x5xf32> -> tensor<4x5xf32>
// CHECK: %[[ATT:.*]] = qnn.transpose %[[AT]] {permutation = array<i64: 1, 0>} : tensor<4x3xf32> -> tensor<3x4xf32>
// CHECK: %[[GWT:.*]] = qnn.transpose %[[GW]] {permutation = array<i64: 1, 0>} : tensor<4x5xf32> -> tensor<5x4xf32>
// CHECK: %[[GC:.*]] = qnn.constant {{.*}} : tensor<5xf32> -> tensor<5xf32>
// CHECK: %[[FC:.*]] = qnn.fully_connected %[[ATT]], %[[GWT]] : (tensor<3x4xf32>, tensor<5x4xf32>) -> tensor<3x5xf32>
// CHECK: %[[ALPHA:.*]] = qnn.constant dense<5.000000e-01> : tensor<1xf32> -> tensor<1xf32>
// CHECK: %[[SCALED:.*]] = qnn.mul %[[FC]], %[[ALPHA]] : (tensor<3x5xf32>, tensor<1xf32>) -> tensor<3x5xf32>
// CHECK: %[[BETA:.*]] = qnn.constant dense<2.000000e+00> : tensor<1xf32> -> tensor<1xf32>
// CHECK: %[[C:.*]] = qnn.mul %[[GC]], %[[BETA]] : (tensor<5xf32>, tensor<1xf32>) -> tensor<5xf32>
// CHECK: %[[GEMM:.*]] = qnn.add %[[SCALED]], %[[C]] : (tensor<3x5xf32>, tensor<5xf32>) -> tensor<3x5xf32>
// CHECK: return %[[MV]], %[[GEMM]] : tensor<3xf32>, tensor<3x5xf32>
