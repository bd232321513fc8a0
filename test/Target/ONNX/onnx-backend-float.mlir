// REQUIRES: onnx-testdata
// Float (and plain integer) models of the ONNX backend node tests
// (libonnx-testdata, %onnx_node is set in test/lit.cfg.py). Inputs that the
// tests feed as data but that the importer needs as constants (Reshape
// shapes, Clip bounds, Unsqueeze axes, Pad pads) are frozen from the tests'
// own input_N.pb files.

// RUN: quant-translate --import-onnx %onnx_node/test_conv_with_strides_padding/model.onnx | FileCheck %s --check-prefix=CONV
// CONV: func.func @main(%[[X:.*]]: tensor<1x1x7x5xf32> {onnx.name = "x"}, %[[W:.*]]: tensor<1x1x3x3xf32> {onnx.name = "W"}) -> (tensor<1x1x4x3xf32> {onnx.name = "y"})
// CONV: qnn.conv2d %[[X]], %[[W]] {padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x1x7x5xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x4x3xf32>

// RUN: quant-translate --import-onnx %onnx_node/test_conv_with_strides_and_asymmetric_padding/model.onnx | FileCheck %s --check-prefix=ASYM
// ASYM: qnn.conv2d %{{.*}}, %{{.*}} {padding = array<i64: 1, 0, 1, 0>, strides = array<i64: 2, 2>} : (tensor<1x1x7x5xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x4x2xf32>

// RUN: quant-translate --import-onnx %onnx_node/test_conv_with_autopad_same/model.onnx | FileCheck %s --check-prefix=SAME
// SAME: qnn.conv2d %{{.*}}, %{{.*}} {padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x1x5x5xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x3x3xf32>

// RUN: quant-translate --import-onnx %onnx_node/test_maxpool_2d_pads/model.onnx | FileCheck %s --check-prefix=MAXPOOL
// MAXPOOL: qnn.max_pool2d %{{.*}} {kernel = array<i64: 3, 3>, padding = array<i64: 2, 2, 2, 2>} : tensor<1x3x28x28xf32> -> tensor<1x3x30x30xf32>

// RUN: quant-translate --import-onnx %onnx_node/test_maxpool_2d_ceil/model.onnx | FileCheck %s --check-prefix=CEIL
// CEIL: qnn.max_pool2d %{{.*}} {ceil_mode, kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>} : tensor<1x1x4x4xf32> -> tensor<1x1x2x2xf32>

// RUN: quant-translate --import-onnx %onnx_node/test_maxpool_2d_dilations/model.onnx | FileCheck %s --check-prefix=DILATED
// DILATED: qnn.max_pool2d %{{.*}} {dilations = array<i64: 2, 2>, kernel = array<i64: 2, 2>} : tensor<1x1x4x4xf32> -> tensor<1x1x2x2xf32>

// Unsigned integers are pooled as !quant.uniform<u8> so they compare unsigned.
// RUN: quant-translate --import-onnx %onnx_node/test_maxpool_2d_uint8/model.onnx | FileCheck %s --check-prefix=UINT8
// UINT8: %[[Q:.*]] = quant.scast %{{.*}} : tensor<1x1x5x5xi8> to tensor<1x1x5x5x!quant.uniform<u8:f32, 1.000000e+00>>
// UINT8: %[[P:.*]] = qnn.max_pool2d %[[Q]] {kernel = array<i64: 5, 5>, padding = array<i64: 2, 2, 2, 2>} : tensor<1x1x5x5x!quant.uniform<u8:f32, 1.000000e+00>> -> tensor<1x1x5x5x!quant.uniform<u8:f32, 1.000000e+00>>
// UINT8: quant.scast %[[P]] : tensor<1x1x5x5x!quant.uniform<u8:f32, 1.000000e+00>> to tensor<1x1x5x5xi8>

// RUN: quant-translate --import-onnx %onnx_node/test_averagepool_2d_pads_count_include_pad/model.onnx | FileCheck %s --check-prefix=AVGPAD
// AVGPAD: qnn.avg_pool2d %{{.*}} {count_include_pad, kernel = array<i64: 3, 3>, padding = array<i64: 2, 2, 2, 2>} : tensor<1x3x28x28xf32> -> tensor<1x3x30x30xf32>

// RUN: quant-translate --import-onnx %onnx_node/test_averagepool_2d_same_lower/model.onnx | FileCheck %s --check-prefix=AVGLOWER
// AVGLOWER: qnn.avg_pool2d %{{.*}} {kernel = array<i64: 2, 2>, padding = array<i64: 1, 1, 0, 0>} : tensor<1x3x32x32xf32> -> tensor<1x3x32x32xf32>

// RUN: quant-translate --import-onnx %onnx_node/test_gemm_all_attributes/model.onnx | FileCheck %s --check-prefix=GEMM
// GEMM: %[[AT:.*]] = qnn.transpose %{{.*}} {permutation = array<i64: 1, 0>} : tensor<4x3xf32> -> tensor<3x4xf32>
// GEMM: %[[FC:.*]] = qnn.fully_connected %[[AT]], %{{.*}} : (tensor<3x4xf32>, tensor<5x4xf32>) -> tensor<3x5xf32>
// GEMM: %[[ALPHA:.*]] = qnn.constant dense<2.500000e-01> : tensor<1xf32> -> tensor<1xf32>
// GEMM: %[[Y:.*]] = qnn.mul %[[FC]], %[[ALPHA]]
// GEMM: %[[BETA:.*]] = qnn.constant dense<3.500000e-01> : tensor<1xf32> -> tensor<1xf32>
// GEMM: %[[C:.*]] = qnn.mul %{{.*}}, %[[BETA]] : (tensor<1x5xf32>, tensor<1xf32>) -> tensor<1x5xf32>
// GEMM: qnn.add %[[Y]], %[[C]] : (tensor<3x5xf32>, tensor<1x5xf32>) -> tensor<3x5xf32>

// RUN: quant-translate --import-onnx %onnx_node/test_gemm_transposeA/model.onnx | FileCheck %s --check-prefix=GEMMBIAS
// GEMMBIAS: %[[B:.*]] = qnn.reshape %{{.*}} : tensor<1x4xf32> -> tensor<4xf32>
// GEMMBIAS: qnn.fully_connected %{{.*}}, %{{.*}}, %[[B]] : (tensor<3x6xf32>, tensor<4x6xf32>, tensor<4xf32>) -> tensor<3x4xf32>

// RUN: quant-translate --import-onnx %onnx_node/test_matmul_3d/model.onnx | FileCheck %s --check-prefix=MATMUL
// MATMUL: qnn.matmul %{{.*}}, %{{.*}} : (tensor<2x3x4xf32>, tensor<2x4x3xf32>) -> tensor<2x3x3xf32>

// RUN: quant-translate --import-onnx %onnx_node/test_batchnorm_example/model.onnx | FileCheck %s --check-prefix=BN
// BN: qnn.batch_norm %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} : (tensor<2x3x4x5xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x3x4x5xf32>

// RUN: quant-translate --import-onnx %onnx_node/test_softmax_axis_0/model.onnx | FileCheck %s --check-prefix=SOFTMAX
// SOFTMAX: qnn.softmax %{{.*}} {axis = 0 : i64} : tensor<3x4x5xf32> -> tensor<3x4x5xf32>

// RUN: quant-translate --import-onnx %onnx_node/test_clip_splitbounds/model.onnx \
// RUN:   --freeze-input=%onnx_node/test_clip_splitbounds/test_data_set_0/input_1.pb \
// RUN:   --freeze-input=%onnx_node/test_clip_splitbounds/test_data_set_0/input_2.pb | FileCheck %s --check-prefix=CLIP
// CLIP: func.func @main(%{{.*}}: tensor<3xf32> {onnx.name = "x"}) -> (tensor<3xf32> {onnx.name = "y"})
// CLIP: qnn.clamp %{{.*}} {max = 5.000000e+00 : f32, min = -5.000000e+00 : f32} : tensor<3xf32>

// RUN: quant-translate --import-onnx %onnx_node/test_reshape_negative_dim/model.onnx \
// RUN:   --freeze-input=%onnx_node/test_reshape_negative_dim/test_data_set_0/input_1.pb | FileCheck %s --check-prefix=RESHAPE
// RESHAPE: qnn.reshape %{{.*}} : tensor<2x3x4xf32> -> tensor<2x6x2xf32>

// RUN: quant-translate --import-onnx %onnx_node/test_unsqueeze_two_axes/model.onnx \
// RUN:   --freeze-input=axes=%onnx_node/test_unsqueeze_two_axes/test_data_set_0/input_1.pb | FileCheck %s --check-prefix=UNSQUEEZE
// UNSQUEEZE: qnn.reshape %{{.*}} : tensor<3x4x5xf32> -> tensor<3x1x4x5x1xf32>

// RUN: quant-translate --import-onnx %onnx_node/test_flatten_negative_axis2/model.onnx | FileCheck %s --check-prefix=FLATTEN
// FLATTEN: qnn.reshape %{{.*}} : tensor<2x3x4x5xf32> -> tensor<6x20xf32>

// RUN: quant-translate --import-onnx %onnx_node/test_transpose_default/model.onnx | FileCheck %s --check-prefix=TRANSPOSE
// TRANSPOSE: qnn.transpose %{{.*}} {permutation = array<i64: 2, 1, 0>} : tensor<2x3x4xf32> -> tensor<4x3x2xf32>

// RUN: quant-translate --import-onnx %onnx_node/test_concat_3d_axis_negative_2/model.onnx | FileCheck %s --check-prefix=CONCAT
// CONCAT: qnn.concat %{{.*}}, %{{.*}} {axis = 1 : i64} : (tensor<2x2x2xf32>, tensor<2x2x2xf32>) -> tensor<2x4x2xf32>

// RUN: quant-translate --import-onnx %onnx_node/test_leakyrelu_default/model.onnx | FileCheck %s --check-prefix=LEAKY
// LEAKY: qnn.leaky_relu %{{.*}} : tensor<3x4x5xf32> -> tensor<3x4x5xf32>

// RUN: quant-translate --import-onnx %onnx_node/test_sigmoid/model.onnx | FileCheck %s --check-prefix=SIGMOID
// SIGMOID: qnn.sigmoid %{{.*}} : tensor<3x4x5xf32> -> tensor<3x4x5xf32>

// RUN: quant-translate --import-onnx %onnx_node/test_sub_bcast/model.onnx | FileCheck %s --check-prefix=SUB
// SUB: qnn.sub %{{.*}}, %{{.*}} : (tensor<3x4x5xf32>, tensor<5xf32>) -> tensor<3x4x5xf32>

// Integer arithmetic: plain integer ops, unsigned for uint8.
// RUN: quant-translate --import-onnx %onnx_node/test_add_uint8/model.onnx | FileCheck %s --check-prefix=ADDU8
// ADDU8: qnn.int_add %{{.*}}, %{{.*}} {is_unsigned} : (tensor<3x4x5xi8>, tensor<3x4x5xi8>) -> tensor<3x4x5xi8>
// RUN: quant-translate --import-onnx %onnx_node/test_clip_default_int8_min/model.onnx \
// RUN:   --freeze-input=%onnx_node/test_clip_default_int8_min/test_data_set_0/input_1.pb | FileCheck %s --check-prefix=CLIPI8
// CLIPI8: qnn.int_clamp %{{.*}} {max = 127 : i64, min = 0 : i64} : tensor<3x4x5xi8>

// 3-D pooling: (H, W) first, then D.
// RUN: quant-translate --import-onnx %onnx_node/test_maxpool_3d_default/model.onnx | FileCheck %s --check-prefix=POOL3D
// POOL3D: %[[P:.*]] = qnn.reshape %{{.*}} : tensor<1x3x32x32x32xf32> -> tensor<1x96x32x32xf32>
// POOL3D: %[[HW:.*]] = qnn.max_pool2d %[[P]] {kernel = array<i64: 2, 2>} : tensor<1x96x32x32xf32> -> tensor<1x96x31x31xf32>
// POOL3D: %[[D:.*]] = qnn.reshape %[[HW]] : tensor<1x96x31x31xf32> -> tensor<1x3x32x961xf32>
// POOL3D: %[[Y:.*]] = qnn.max_pool2d %[[D]] {kernel = array<i64: 2, 1>} : tensor<1x3x32x961xf32> -> tensor<1x3x31x961xf32>
// POOL3D: qnn.reshape %[[Y]] : tensor<1x3x31x961xf32> -> tensor<1x3x31x31x31xf32>

// RUN: quant-translate --import-onnx %onnx_node/test_reflect_pad/model.onnx \
// RUN:   --freeze-input=%onnx_node/test_reflect_pad/test_data_set_0/input_1.pb | FileCheck %s --check-prefix=REFLECT
// REFLECT: qnn.pad %{{.*}} mode reflect {pads = array<i64: 0, 0, 1, 1, 0, 0, 1, 1>} : tensor<1x3x4x5xi32> -> tensor<1x3x6x7xi32>

// RUN: quant-translate --import-onnx %onnx_node/test_maxpool_with_argmax_2d_precomputed_strides/model.onnx | FileCheck %s --check-prefix=ARGMAX
// ARGMAX: qnn.max_pool2d_indices %{{.*}} {column_major, kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : tensor<1x1x5x5xf32> -> tensor<1x1x2x2xi64>

// Unsupported forms are errors naming the node.
// RUN: not quant-translate --import-onnx %onnx_node/test_div/model.onnx 2>&1 | FileCheck %s --check-prefix=DIV
// DIV: error: node #0 (Div, output 'z'): divisor 'y' must be a constant (an initializer or a Constant node), not a computed value or graph input

// Opset 1: accepted because GlobalAveragePool is defined in opset 1 as in
// opset 10 (no newer version before it).
// RUN: quant-translate --import-onnx %onnx_node/test_globalaveragepool/model.onnx | FileCheck %s --check-prefix=GAP1
// GAP1: qnn.global_avg_pool %{{.*}} : tensor<1x3x5x5xf32> -> tensor<1x3x1x1xf32>
