// RUN: quant-translate --import-onnx %S/Inputs/qdq-conv.onnx | FileCheck %s
// RUN: quant-translate --import-onnx %S/Inputs/qdq-conv.onnx | quant-opt | FileCheck %s

// QDQ form (scripts/make-onnx-test-models.py, qdq_conv): QuantizeLinear /
// DequantizeLinear pairs on the activations (uint8 per tensor), int8
// weights dequantized per output channel, an int32 bias dequantized per
// channel with scale x_scale * w_scale. Imported literally: qnn.quantize /
// qnn.dequantize around a float conv (fusing them is a later pass), the
// weights and bias as storage constants of !quant.uniform type. The f32
// scales of the model appear as their exact double values.

// CHECK-LABEL: func.func @main
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x6x6xf32> {onnx.name = "x"}) -> (tensor<1x4x6x6xf32> {onnx.name = "y"})
// CHECK: %[[XQ:.*]] = qnn.quantize %[[X]] : tensor<1x3x6x6xf32> -> tensor<1x3x6x6x!quant.uniform<u8:f32, 0.019999999552965164:128>>
// CHECK: %[[XD:.*]] = qnn.dequantize %[[XQ]] : tensor<1x3x6x6x!quant.uniform<u8:f32, 0.019999999552965164:128>> -> tensor<1x3x6x6xf32>
// CHECK: %[[WQ:.*]] = qnn.constant dense<"0x{{[0-9A-F]+}}"> : tensor<4x3x3x3xi8> -> tensor<4x3x3x3x!quant.uniform<i8:f32:0, {0.0052520320750772953,0.0055702528916299343,0.0058501986786723137,0.0056215166114270687}>>
// CHECK: %[[WD:.*]] = qnn.dequantize %[[WQ]] : {{.*}} -> tensor<4x3x3x3xf32>
// CHECK: %[[BQ:.*]] = qnn.constant dense<[77, -216, 1737, 379]> : tensor<4xi32> -> tensor<4x!quant.uniform<i32:f32:0, {1.0504064266569912E-4,1.1140505375806242E-4,1.170039686257951E-4,1.1243033077334985E-4}>>
// CHECK: %[[BD:.*]] = qnn.dequantize %[[BQ]] : {{.*}} -> tensor<4xf32>
// CHECK: %[[C:.*]] = qnn.conv2d %[[XD]], %[[WD]], %[[BD]] {padding = array<i64: 1, 1, 1, 1>} : (tensor<1x3x6x6xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x6x6xf32>
// CHECK: %[[R:.*]] = qnn.clamp %[[C]] {max = 0x7F800000 : f32, min = 0.000000e+00 : f32}
// CHECK: %[[YQ:.*]] = qnn.quantize %[[R]] : tensor<1x4x6x6xf32> -> tensor<1x4x6x6x!quant.uniform<u8:f32, 0.05000000074505806>>
// CHECK: %[[Y:.*]] = qnn.dequantize %[[YQ]] : tensor<1x4x6x6x!quant.uniform<u8:f32, 0.05000000074505806>> -> tensor<1x4x6x6xf32>
// CHECK: return %[[Y]]
