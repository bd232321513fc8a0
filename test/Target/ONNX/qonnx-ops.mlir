// RUN: quant-translate --import-onnx %S/Inputs/qonnx-ops.onnx | FileCheck %s
// RUN: quant-translate --import-onnx %S/Inputs/qonnx-ops.onnx | quant-opt | FileCheck %s

// QONNX (scripts/make-onnx-test-models.py, qonnx_ops): Quant becomes
// qnn.quantize to a !quant.uniform of the node's bit width (4-bit unsigned
// activations; 3-bit signed narrow [-3, 3] weights per output channel)
// followed by qnn.dequantize; BipolarQuant (qonnx and finn domains)
// qnn.binarize to !qnn.binary with the scale as alpha, per tensor or per
// channel, followed by qnn.dequantize.

// CHECK-LABEL: func.func @main
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x4x4xf32> {onnx.name = "x"})
// CHECK-SAME: -> (tensor<1x2x4x4xf32> {onnx.name = "bin"}, tensor<1x2x4x4xf32> {onnx.name = "bin_ch"})
// CHECK: %[[XQ:.*]] = qnn.quantize %[[X]] : tensor<1x3x4x4xf32> -> tensor<1x3x4x4x!quant.uniform<u4:f32, 1.250000e-01>>
// CHECK: %[[XD:.*]] = qnn.dequantize %[[XQ]] : tensor<1x3x4x4x!quant.uniform<u4:f32, 1.250000e-01>> -> tensor<1x3x4x4xf32>
// CHECK: %[[W:.*]] = qnn.constant dense<{{.*}}> : tensor<2x3x1x1xf32> -> tensor<2x3x1x1xf32>
// CHECK: %[[WQ:.*]] = qnn.quantize %[[W]] : tensor<2x3x1x1xf32> -> tensor<2x3x1x1x!quant.uniform<i3<-3:3>:f32:0, {5.000000e-01,2.500000e-01}>>
// CHECK: %[[WD:.*]] = qnn.dequantize %[[WQ]] : {{.*}} -> tensor<2x3x1x1xf32>
// CHECK: %[[C:.*]] = qnn.conv2d %[[XD]], %[[WD]] : (tensor<1x3x4x4xf32>, tensor<2x3x1x1xf32>) -> tensor<1x2x4x4xf32>
// CHECK: %[[B:.*]] = qnn.binarize %[[C]] : tensor<1x2x4x4xf32> -> tensor<1x2x4x4x!qnn.binary<f32>>
// CHECK: %[[BD:.*]] = qnn.dequantize %[[B]] : tensor<1x2x4x4x!qnn.binary<f32>> -> tensor<1x2x4x4xf32>
// CHECK: %[[BC:.*]] = qnn.binarize %[[C]] : tensor<1x2x4x4xf32> -> tensor<1x2x4x4x!qnn.binary<f32:1, {5.000000e-01, 2.000000e+00}>>
// CHECK: %[[BCD:.*]] = qnn.dequantize %[[BC]] : tensor<1x2x4x4x!qnn.binary<f32:1, {5.000000e-01, 2.000000e+00}>> -> tensor<1x2x4x4xf32>
// CHECK: return %[[BD]], %[[BCD]]
