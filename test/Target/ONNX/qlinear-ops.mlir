// RUN: quant-translate --import-onnx %S/Inputs/qlinear-ops.onnx | FileCheck %s
// RUN: quant-translate --import-onnx %S/Inputs/qlinear-ops.onnx | quant-opt | FileCheck %s
// RUN: quant-translate --import-onnx %S/Inputs/qlinear-matmul-per-row.onnx | FileCheck %s --check-prefix=ROW
// RUN: quant-translate --import-onnx %S/Inputs/qlinear-matmul-per-row.onnx | quant-opt | FileCheck %s --check-prefix=ROW

// QOperator form (scripts/make-onnx-test-models.py, qlinear_ops): the uint8
// graph input is reinterpreted as !quant.uniform (quant.scast), QLinearConv
// becomes a quantized qnn.conv2d with per-channel int8 weights and the
// int32 bias of scale x_scale * w_scale, MaxPool and Flatten keep the
// quantized type, QLinearMatMul (per-column b) a quantized qnn.matmul whose
// lhs already has the right type. The uint8 graph output is the storage of
// the quantized result.

// CHECK-LABEL: func.func @main
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x4x4xi8> {onnx.name = "x", onnx.unsigned})
// CHECK-SAME: -> (tensor<1x5xf32> {onnx.name = "y"}, tensor<1x5xi8> {onnx.name = "yq", onnx.unsigned})
// CHECK: %[[XQ:.*]] = quant.scast %[[X]] : tensor<1x2x4x4xi8> to tensor<1x2x4x4x!quant.uniform<u8:f32, 0.019999999552965164:100>>
// CHECK: %[[W:.*]] = qnn.constant dense<{{.*}}> : tensor<3x2x3x3xi8> -> tensor<3x2x3x3x!quant.uniform<i8:f32:0, {0.0099999997764825821,0.019999999552965164,0.004999999888241291}>>
// CHECK: %[[B:.*]] = qnn.constant dense<[279, -9, 335]> : tensor<3xi32> -> tensor<3x!quant.uniform<i32:f32:0, {1.9999999105930338E-4,3.9999998211860677E-4,9.9999995529651691E-5}>>
// CHECK: %[[C:.*]] = qnn.conv2d %[[XQ]], %[[W]], %[[B]] {padding = array<i64: 1, 1, 1, 1>} : ({{.*}}) -> tensor<1x3x4x4x!quant.uniform<u8:f32, 0.10000000149011612:10>>
// CHECK: %[[P:.*]] = qnn.max_pool2d %[[C]] {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : tensor<1x3x4x4x!quant.uniform<u8:f32, 0.10000000149011612:10>> -> tensor<1x3x2x2x!quant.uniform<u8:f32, 0.10000000149011612:10>>
// CHECK: %[[F:.*]] = qnn.reshape %[[P]] : tensor<1x3x2x2x!quant.uniform<u8:f32, 0.10000000149011612:10>> -> tensor<1x12x!quant.uniform<u8:f32, 0.10000000149011612:10>>
// CHECK: %[[MB:.*]] = qnn.constant dense<{{.*}}> : tensor<12x5xui8> -> tensor<12x5x!quant.uniform<u8:f32:1, {0.0099999997764825821:128,0.019999999552965164:128,0.029999999329447746:128,0.039999999105930328:128,0.05000000074505806:128}>>
// CHECK: %[[M:.*]] = qnn.matmul %[[F]], %[[MB]] : ({{.*}}) -> tensor<1x5x!quant.uniform<u8:f32, 2.500000e-01:3>>
// CHECK: %[[Y:.*]] = qnn.dequantize %[[M]] : tensor<1x5x!quant.uniform<u8:f32, 2.500000e-01:3>> -> tensor<1x5xf32>
// CHECK: %[[YQ:.*]] = quant.scast %[[M]] : tensor<1x5x!quant.uniform<u8:f32, 2.500000e-01:3>> to tensor<1x5xi8>
// CHECK: return %[[Y]], %[[YQ]] : tensor<1x5xf32>, tensor<1x5xi8>

// A per-row a_scale has no qnn.matmul form (the lhs must be per tensor):
// dequantize, float matmul, quantize.
// ROW-LABEL: func.func @main
// ROW-SAME: (%[[A:.*]]: tensor<2x4xi8> {onnx.name = "a", onnx.unsigned}) -> (tensor<2x3xi8> {onnx.name = "y", onnx.unsigned})
// ROW: %[[AQ:.*]] = quant.scast %[[A]] : tensor<2x4xi8> to tensor<2x4x!quant.uniform<u8:f32:0, {0.10000000149011612:1,0.20000000298023224:2}>>
// ROW: %[[B:.*]] = qnn.constant dense<{{\[}}[0, 1, 2], [3, 4, 5], [6, 7, 8], [9, 10, 11]]> : tensor<4x3xui8> -> tensor<4x3x!quant.uniform<u8:f32, 5.000000e-01>>
// ROW: %[[AF:.*]] = qnn.dequantize %[[AQ]] : {{.*}} -> tensor<2x4xf32>
// ROW: %[[BF:.*]] = qnn.dequantize %[[B]] : {{.*}} -> tensor<4x3xf32>
// ROW: %[[MF:.*]] = qnn.matmul %[[AF]], %[[BF]] : (tensor<2x4xf32>, tensor<4x3xf32>) -> tensor<2x3xf32>
// ROW: %[[YQ:.*]] = qnn.quantize %[[MF]] : tensor<2x3xf32> -> tensor<2x3x!quant.uniform<u8:f32, 1.000000e+00>>
// ROW: %[[Y:.*]] = quant.scast %[[YQ]] : tensor<2x3x!quant.uniform<u8:f32, 1.000000e+00>> to tensor<2x3xi8>
// ROW: return %[[Y]]
