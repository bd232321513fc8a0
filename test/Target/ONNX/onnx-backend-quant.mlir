// REQUIRES: onnx-testdata
// Quantization models of the ONNX backend node tests (libonnx-testdata).
// These tests feed scales and zero points as graph inputs; the importer
// needs them constant, so they are frozen from the tests' input_N.pb files
// (each names its graph input), and the remaining inputs stay arguments.

// RUN: quant-translate --import-onnx %onnx_node/test_quantizelinear/model.onnx \
// RUN:   --freeze-input=%onnx_node/test_quantizelinear/test_data_set_0/input_1.pb \
// RUN:   --freeze-input=%onnx_node/test_quantizelinear/test_data_set_0/input_2.pb | FileCheck %s --check-prefix=QUANT
// QUANT: func.func @main(%[[X:.*]]: tensor<6xf32> {onnx.name = "x"}) -> (tensor<6xi8> {onnx.name = "y", onnx.unsigned})
// QUANT: %[[Q:.*]] = qnn.quantize %[[X]] : tensor<6xf32> -> tensor<6x!quant.uniform<u8:f32, 2.000000e+00:128>>
// QUANT: %[[S:.*]] = quant.scast %[[Q]] : tensor<6x!quant.uniform<u8:f32, 2.000000e+00:128>> to tensor<6xi8>
// QUANT: return %[[S]]

// RUN: quant-translate --import-onnx %onnx_node/test_quantizelinear_axis/model.onnx \
// RUN:   --freeze-input=%onnx_node/test_quantizelinear_axis/test_data_set_0/input_1.pb \
// RUN:   --freeze-input=%onnx_node/test_quantizelinear_axis/test_data_set_0/input_2.pb | FileCheck %s --check-prefix=QAXIS
// QAXIS: qnn.quantize %{{.*}} : tensor<1x3x3x2xf32> -> tensor<1x3x3x2x!quant.uniform<u8:f32:1, {2.000000e+00:84,4.000000e+00:24,5.000000e+00:196}>>

// RUN: quant-translate --import-onnx %onnx_node/test_dequantizelinear/model.onnx \
// RUN:   --freeze-input=%onnx_node/test_dequantizelinear/test_data_set_0/input_1.pb \
// RUN:   --freeze-input=%onnx_node/test_dequantizelinear/test_data_set_0/input_2.pb | FileCheck %s --check-prefix=DEQUANT
// DEQUANT: func.func @main(%[[X:.*]]: tensor<4xi8> {onnx.name = "x", onnx.unsigned}) -> (tensor<4xf32> {onnx.name = "y"})
// DEQUANT: %[[Q:.*]] = quant.scast %[[X]] : tensor<4xi8> to tensor<4x!quant.uniform<u8:f32, 2.000000e+00:128>>
// DEQUANT: qnn.dequantize %[[Q]] : tensor<4x!quant.uniform<u8:f32, 2.000000e+00:128>> -> tensor<4xf32>

// RUN: quant-translate --import-onnx %onnx_node/test_dequantizelinear_axis/model.onnx \
// RUN:   --freeze-input=%onnx_node/test_dequantizelinear_axis/test_data_set_0/input_1.pb \
// RUN:   --freeze-input=%onnx_node/test_dequantizelinear_axis/test_data_set_0/input_2.pb | FileCheck %s --check-prefix=DQAXIS
// DQAXIS: qnn.dequantize %{{.*}} : tensor<1x3x3x2x!quant.uniform<u8:f32:1, {2.000000e+00:84,4.000000e+00:24,5.000000e+00:196}>> -> tensor<1x3x3x2xf32>

// The weights stay an argument: quant.scast gives them their type.
// RUN: quant-translate --import-onnx %onnx_node/test_qlinearconv/model.onnx \
// RUN:   --freeze-input=%onnx_node/test_qlinearconv/test_data_set_0/input_1.pb \
// RUN:   --freeze-input=%onnx_node/test_qlinearconv/test_data_set_0/input_2.pb \
// RUN:   --freeze-input=%onnx_node/test_qlinearconv/test_data_set_0/input_4.pb \
// RUN:   --freeze-input=%onnx_node/test_qlinearconv/test_data_set_0/input_5.pb \
// RUN:   --freeze-input=%onnx_node/test_qlinearconv/test_data_set_0/input_6.pb \
// RUN:   --freeze-input=%onnx_node/test_qlinearconv/test_data_set_0/input_7.pb | FileCheck %s --check-prefix=QCONV
// QCONV: func.func @main(%[[X:.*]]: tensor<1x1x7x7xi8> {onnx.name = "x", onnx.unsigned}, %[[W:.*]]: tensor<1x1x1x1xi8> {onnx.name = "w", onnx.unsigned}) -> (tensor<1x1x7x7xi8> {onnx.name = "y", onnx.unsigned})
// QCONV: %[[XQ:.*]] = quant.scast %[[X]] : tensor<1x1x7x7xi8> to tensor<1x1x7x7x!quant.uniform<u8:f32, 0.0036920469719916582:132>>
// QCONV: %[[WQ:.*]] = quant.scast %[[W]] : tensor<1x1x1x1xi8> to tensor<1x1x1x1x!quant.uniform<u8:f32, 0.0017279457533732057:255>>
// QCONV: %[[Y:.*]] = qnn.conv2d %[[XQ]], %[[WQ]] : ({{.*}}) -> tensor<1x1x7x7x!quant.uniform<u8:f32, 0.0016268126200884581:123>>
// QCONV: quant.scast %[[Y]] : tensor<1x1x7x7x!quant.uniform<u8:f32, 0.0016268126200884581:123>> to tensor<1x1x7x7xi8>

// RUN: quant-translate --import-onnx %onnx_node/test_qlinearmatmul_3D/model.onnx \
// RUN:   --freeze-input=%onnx_node/test_qlinearmatmul_3D/test_data_set_0/input_1.pb \
// RUN:   --freeze-input=%onnx_node/test_qlinearmatmul_3D/test_data_set_0/input_2.pb \
// RUN:   --freeze-input=%onnx_node/test_qlinearmatmul_3D/test_data_set_0/input_3.pb \
// RUN:   --freeze-input=%onnx_node/test_qlinearmatmul_3D/test_data_set_0/input_4.pb \
// RUN:   --freeze-input=%onnx_node/test_qlinearmatmul_3D/test_data_set_0/input_5.pb \
// RUN:   --freeze-input=%onnx_node/test_qlinearmatmul_3D/test_data_set_0/input_6.pb \
// RUN:   --freeze-input=%onnx_node/test_qlinearmatmul_3D/test_data_set_0/input_7.pb | FileCheck %s --check-prefix=QMATMUL
// QMATMUL: func.func @main(%{{.*}}: tensor<2x2x4xi8> {onnx.name = "a", onnx.unsigned}) -> (tensor<2x2x3xi8> {onnx.name = "y", onnx.unsigned})
// QMATMUL: qnn.constant dense<{{.*}}> : tensor<2x4x3xui8> -> tensor<2x4x3x!quant.uniform<u8:f32, 0.0070500001311302185:114>>
// QMATMUL: qnn.matmul %{{.*}}, %{{.*}} : (tensor<2x2x4x!quant.uniform<u8:f32, 0.0065999999642372131:113>>, tensor<2x4x3x!quant.uniform<u8:f32, 0.0070500001311302185:114>>) -> tensor<2x2x3x!quant.uniform<u8:f32, 0.010700000450015068:118>>

// RUN: quant-translate --import-onnx %onnx_node/test_matmulinteger/model.onnx \
// RUN:   --freeze-input=%onnx_node/test_matmulinteger/test_data_set_0/input_2.pb \
// RUN:   --freeze-input=%onnx_node/test_matmulinteger/test_data_set_0/input_3.pb | FileCheck %s --check-prefix=MMINT
// MMINT: func.func @main(%[[A:.*]]: tensor<4x3xi8> {onnx.name = "A", onnx.unsigned}, %[[B:.*]]: tensor<3x2xi8> {onnx.name = "B", onnx.unsigned}) -> (tensor<4x2xi32> {onnx.name = "Y"})
// MMINT: %[[AQ:.*]] = quant.scast %[[A]] : tensor<4x3xi8> to tensor<4x3x!quant.uniform<u8:f32, 1.000000e+00:12>>
// MMINT: %[[BQ:.*]] = quant.scast %[[B]] : tensor<3x2xi8> to tensor<3x2x!quant.uniform<u8:f32, 1.000000e+00>>
// MMINT: qnn.matmul %[[AQ]], %[[BQ]] : ({{.*}}) -> tensor<4x2xi32>

// RUN: quant-translate --import-onnx %onnx_node/test_convinteger_with_padding/model.onnx \
// RUN:   --freeze-input=%onnx_node/test_convinteger_with_padding/test_data_set_0/input_2.pb | FileCheck %s --check-prefix=CONVINT
// CONVINT: %[[XQ:.*]] = quant.scast %{{.*}} : tensor<1x1x3x3xi8> to tensor<1x1x3x3x!quant.uniform<u8:f32, 1.000000e+00:1>>
// CONVINT: %[[WQ:.*]] = quant.scast %{{.*}} : tensor<1x1x2x2xi8> to tensor<1x1x2x2x!quant.uniform<u8:f32, 1.000000e+00>>
// CONVINT: qnn.conv2d %[[XQ]], %[[WQ]] {padding = array<i64: 1, 1, 1, 1>} : ({{.*}}) -> tensor<1x1x4x4xi32>

// Without frozen parameters the import names the non-constant scale.
// RUN: not quant-translate --import-onnx %onnx_node/test_qlinearconv/model.onnx 2>&1 | FileCheck %s --check-prefix=UNFROZEN
// UNFROZEN: error: node #0 (QLinearConv, output 'y'): scale 'x_scale' must be a constant (an initializer or a Constant node), not a computed value or graph input
