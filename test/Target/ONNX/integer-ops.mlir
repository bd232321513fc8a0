// RUN: quant-translate --import-onnx %S/Inputs/integer-ops.onnx | FileCheck %s
// RUN: quant-translate --import-onnx %S/Inputs/integer-ops.onnx | quant-opt | FileCheck %s

// ConvInteger and MatMulInteger (scripts/make-onnx-test-models.py,
// integer_ops): the operands become !quant.uniform with scale 1 and the
// ONNX zero points (per output channel for the conv weights, per column for
// the matmul rhs), so the i32 accumulator result of qnn.conv2d / qnn.matmul
// is sum((x - x_zp) * (w - w_zp)), the ONNX result.

// CHECK-LABEL: func.func @main
// CHECK-SAME: (%[[X:.*]]: tensor<1x1x5x5xi8> {onnx.name = "x", onnx.unsigned}, %[[A:.*]]: tensor<3x4xi8> {onnx.name = "a"})
// CHECK-SAME: -> (tensor<1x2x5x5xi32> {onnx.name = "c"}, tensor<3x2xi32> {onnx.name = "m"})
// CHECK: %[[XQ:.*]] = quant.scast %[[X]] : tensor<1x1x5x5xi8> to tensor<1x1x5x5x!quant.uniform<u8:f32, 1.000000e+00:7>>
// CHECK: %[[W:.*]] = qnn.constant dense<{{.*}}> : tensor<2x1x3x3xui8> -> tensor<2x1x3x3x!quant.uniform<u8:f32:0, {1.000000e+00:120,1.000000e+00:130}>>
// CHECK: %[[C:.*]] = qnn.conv2d %[[XQ]], %[[W]] {padding = array<i64: 1, 1, 1, 1>} : ({{.*}}) -> tensor<1x2x5x5xi32>
// CHECK: %[[AQ:.*]] = quant.scast %[[A]] : tensor<3x4xi8> to tensor<3x4x!quant.uniform<i8:f32, 1.000000e+00:-3>>
// CHECK: %[[B:.*]] = qnn.constant dense<{{.*}}> : tensor<4x2xi8> -> tensor<4x2x!quant.uniform<i8:f32:1, {1.000000e+00:1,1.000000e+00:-1}>>
// CHECK: %[[M:.*]] = qnn.matmul %[[AQ]], %[[B]] : ({{.*}}) -> tensor<3x2xi32>
// CHECK: return %[[C]], %[[M]] : tensor<1x2x5x5xi32>, tensor<3x2xi32>
