// RUN: quant-translate --import-onnx %S/Inputs/cnn-float.onnx | FileCheck %s
// RUN: quant-translate --import-onnx %S/Inputs/cnn-float.onnx | quant-opt | FileCheck %s
// RUN: quant-translate --import-onnx %S/Inputs/cnn-float.onnx --batch 4 --entry-name=cnn | FileCheck %s --check-prefix=BATCH
// RUN: quant-translate --import-onnx %S/Inputs/cnn-float.onnx -mlir-print-debuginfo | FileCheck %s --check-prefix=LOC

// A float CNN (scripts/make-onnx-test-models.py, cnn_float): Conv with bias,
// BatchNormalization, Relu, MaxPool, a depthwise Conv with SAME_UPPER
// padding, Clip(0, 6), AveragePool counting pads, GlobalAveragePool,
// Flatten, Gemm (transB) and Softmax. The input batch is symbolic ("N"):
// --batch gives its size (1 by default).

// CHECK-LABEL: func.func @main
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x8x8xf32> {onnx.name = "x"}) -> (tensor<1x10xf32> {onnx.name = "probs"})
// CHECK: %[[W1:.*]] = qnn.constant dense<{{.*}}> : tensor<4x3x3x3xf32> -> tensor<4x3x3x3xf32>
// CHECK: %[[B1:.*]] = qnn.constant dense<{{.*}}> : tensor<4xf32> -> tensor<4xf32>
// CHECK: %[[C1:.*]] = qnn.conv2d %[[X]], %[[W1]], %[[B1]] {padding = array<i64: 1, 1, 1, 1>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x8x8xf32>
// CHECK: %[[N1:.*]] = qnn.batch_norm %[[C1]], %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} {epsilon = 1.000000e-03 : f32} : (tensor<1x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4x8x8xf32>
// CHECK: %[[R1:.*]] = qnn.clamp %[[N1]] {max = 0x7F800000 : f32, min = 0.000000e+00 : f32} : tensor<1x4x8x8xf32>
// CHECK: %[[P1:.*]] = qnn.max_pool2d %[[R1]] {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : tensor<1x4x8x8xf32> -> tensor<1x4x4x4xf32>
// SAME_UPPER with stride 2 on 4: output 2, total padding 1, at the end.
// CHECK: %[[C2:.*]] = qnn.conv2d %[[P1]], %{{.*}} {groups = 4 : i64, padding = array<i64: 0, 0, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x4x4x4xf32>, tensor<8x1x3x3xf32>) -> tensor<1x8x2x2xf32>
// CHECK: %[[R2:.*]] = qnn.clamp %[[C2]] {max = 6.000000e+00 : f32, min = 0.000000e+00 : f32} : tensor<1x8x2x2xf32>
// CHECK: %[[P2:.*]] = qnn.avg_pool2d %[[R2]] {count_include_pad, kernel = array<i64: 3, 3>, padding = array<i64: 1, 1, 1, 1>} : tensor<1x8x2x2xf32> -> tensor<1x8x2x2xf32>
// CHECK: %[[G:.*]] = qnn.global_avg_pool %[[P2]] : tensor<1x8x2x2xf32> -> tensor<1x8x1x1xf32>
// CHECK: %[[F:.*]] = qnn.reshape %[[G]] : tensor<1x8x1x1xf32> -> tensor<1x8xf32>
// CHECK: %[[FC:.*]] = qnn.fully_connected %[[F]], %{{.*}}, %{{.*}} : (tensor<1x8xf32>, tensor<10x8xf32>, tensor<10xf32>) -> tensor<1x10xf32>
// CHECK: %[[S:.*]] = qnn.softmax %[[FC]] {axis = 1 : i64} : tensor<1x10xf32> -> tensor<1x10xf32>
// CHECK: return %[[S]] : tensor<1x10xf32>

// BATCH-LABEL: func.func @cnn
// BATCH-SAME: tensor<4x3x8x8xf32>
// BATCH-SAME: -> (tensor<4x10xf32>
// BATCH: qnn.conv2d {{.*}} -> tensor<4x4x8x8xf32>
// BATCH: qnn.fully_connected {{.*}} -> tensor<4x10xf32>

// Each op is located at its node (name, then op type); initializers at their
// own name.
// LOC-DAG: #[[CONV:.*]] = loc("Conv")
// LOC-DAG: loc("conv1"(#[[CONV]]))
// LOC-DAG: loc("dwconv"(#[[CONV]]))
// LOC-DAG: loc("w1")
// LOC-DAG: #[[SOFTMAX:.*]] = loc("Softmax")
// LOC-DAG: loc("softmax"(#[[SOFTMAX]]))
