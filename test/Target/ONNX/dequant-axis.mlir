// RUN: quant-translate --import-onnx %S/Inputs/dequant-axis.onnx | FileCheck %s
// RUN: quant-translate --import-onnx %S/Inputs/dequant-axis.onnx | quant-opt | FileCheck %s

// Per-axis quantization (scripts/make-onnx-test-models.py, dequant_axis):
// DequantizeLinear of an int8 initializer along axis 0 (a storage constant
// of per-axis type), of a uint8 graph input along axis 1 (quant.scast), and
// QuantizeLinear along axis -1 (= 1) with the same parameters, whose uint8
// graph output is the storage again.

// CHECK-LABEL: func.func @main
// CHECK-SAME: (%[[XQ:.*]]: tensor<2x3xi8> {onnx.name = "xq", onnx.unsigned}) -> (tensor<4x3xf32> {onnx.name = "wd"}, tensor<2x3xi8> {onnx.name = "xr", onnx.unsigned})
// CHECK: %[[W:.*]] = qnn.constant dense<{{\[}}[-6, -5, -4], [-3, -2, -1], [0, 1, 2], [3, 4, 5]]> : tensor<4x3xi8> -> tensor<4x3x!quant.uniform<i8:f32:0, {5.000000e-01,2.500000e-01:1,1.250000e-01:-1,1.000000e+00:2}>>
// CHECK: %[[WD:.*]] = qnn.dequantize %[[W]] : tensor<4x3x!quant.uniform<i8:f32:0, {5.000000e-01,2.500000e-01:1,1.250000e-01:-1,1.000000e+00:2}>> -> tensor<4x3xf32>
// CHECK: %[[X:.*]] = quant.scast %[[XQ]] : tensor<2x3xi8> to tensor<2x3x!quant.uniform<u8:f32:1, {1.000000e+00,2.000000e+00:128,4.000000e+00:255}>>
// CHECK: %[[XD:.*]] = qnn.dequantize %[[X]] : tensor<2x3x!quant.uniform<u8:f32:1, {1.000000e+00,2.000000e+00:128,4.000000e+00:255}>> -> tensor<2x3xf32>
// CHECK: %[[XR:.*]] = qnn.quantize %[[XD]] : tensor<2x3xf32> -> tensor<2x3x!quant.uniform<u8:f32:1, {1.000000e+00,2.000000e+00:128,4.000000e+00:255}>>
// CHECK: %[[OUT:.*]] = quant.scast %[[XR]] : tensor<2x3x!quant.uniform<u8:f32:1, {1.000000e+00,2.000000e+00:128,4.000000e+00:255}>> to tensor<2x3xi8>
// CHECK: return %[[WD]], %[[OUT]] : tensor<4x3xf32>, tensor<2x3xi8>
