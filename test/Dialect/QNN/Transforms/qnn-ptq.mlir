// RUN: quant-opt %s -qnn-ptq | FileCheck %s

// Post-training quantization of a calibrated conv -> ReLU6 -> max pool down
// to the integer form. Scale propagation gives the pool the ReLU's
// parameters and the bias i32 codes at s_x * s_w, so nothing stays float
// between the input quantize and the output dequantize.
//   s_x = f32(1/255), s_w = f32(1/127) for both channels (max |w| = 1):
//   bias 0.1 / (s_x s_w) = 3238.4998 -> 3238, -0.2 -> -6477.
//   u8-style input zero point -128 moves 128 * sum(w codes) into the bias:
//   128 * (64 - 32 + 16 + 127) = 22400, 128 * (-127 + 64 + 32 + 95) = 8192.
// CHECK-LABEL: func.func @conv_pool
// CHECK-DAG: %[[B:.*]] = qnn.constant dense<[25638, 1715]> : tensor<2xi32>
// CHECK-DAG: %[[W:.*]] = qnn.constant dense<{{\[\[\[\[}}64, -32], [16, 127]]], {{\[\[\[}}-127, 64], [32, 95]]]]> : tensor<2x1x2x2xi8>
// CHECK: %[[C:.*]] = qnn.conv2d %{{.*}}, %[[W]], %[[B]] : ({{.*}}xi8>, tensor<2x1x2x2xi8>, tensor<2xi32>) -> tensor<1x2x4x4xi32>
// CHECK-NEXT: %[[R:.*]] = qnn.rescale %[[C]]
// CHECK-NEXT: %[[P:.*]] = qnn.max_pool2d %[[R]] {{.*}} : tensor<1x2x4x4xi8> -> tensor<1x2x2x2xi8>
// CHECK-NEXT: %[[S:.*]] = quant.scast %[[P]]
// CHECK-NEXT: %[[D:.*]] = qnn.dequantize %[[S]]
// CHECK-NEXT: return %[[D]]
func.func @conv_pool(%x: tensor<1x1x4x4xf32> {qnn.calib = array<f64: 0.0, 1.0>}) -> tensor<1x2x2x2xf32> {
  %w = arith.constant dense<[[[[0.5, -0.25], [0.125, 1.0]]], [[[-1.0, 0.5], [0.25, 0.75]]]]> : tensor<2x1x2x2xf32>
  %b = arith.constant dense<[0.1, -0.2]> : tensor<2xf32>
  %c = qnn.conv2d %x, %w, %b {padding = array<i64: 0, 0, 1, 1>} : (tensor<1x1x4x4xf32>, tensor<2x1x2x2xf32>, tensor<2xf32>) -> tensor<1x2x4x4xf32>
  %r = qnn.clamp %c {min = 0.0 : f32, max = 6.0 : f32, qnn.calib = array<f64: 0.0, 6.0>} : tensor<1x2x4x4xf32>
  %p = qnn.max_pool2d %r {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : tensor<1x2x4x4xf32> -> tensor<1x2x2x2xf32>
  return %p : tensor<1x2x2x2xf32>
}
