// RUN: quant-opt %s -qnn-ptq -split-input-file | FileCheck %s

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

// -----

// A float CNN with every op the issue names (conv with bias, batch norm,
// ReLU, max pool, a concat of two branches, fully connected): after PTQ the
// graph is integer from the input quantize to the logits' dequantize, with
// one rescale per requantizing op (two convs) plus one for the concat input
// whose scale differs (the pooled branch, [0, 3] vs [0, 6]): three in all.
// CHECK-LABEL: func.func @cnn
// CHECK-COUNT-1: qnn.quantize
// CHECK-NOT: qnn.batch_norm
// CHECK: %[[C1:.*]] = qnn.conv2d {{.*}} -> tensor<1x2x6x6xi32>
// CHECK-NEXT: %[[R1:.*]] = qnn.rescale %[[C1]]
// CHECK-NEXT: %[[P:.*]] = qnn.max_pool2d %[[R1]]
// CHECK-NEXT: %[[C2:.*]] = qnn.conv2d %[[P]], {{.*}} -> tensor<1x2x3x3xi32>
// CHECK-NEXT: %[[R2:.*]] = qnn.rescale %[[C2]]
// CHECK-NEXT: %[[R3:.*]] = qnn.rescale %[[P]] rounding half_even {input_zp = -128 : i32, {{.*}}scale = array<f32: 5.000000e-01>}
// CHECK-NEXT: %[[CAT:.*]] = qnn.concat %[[R3]], %[[R2]] {axis = 1 : i64} : (tensor<1x2x3x3xi8>, tensor<1x2x3x3xi8>) -> tensor<1x4x3x3xi8>
// CHECK-NEXT: %[[F:.*]] = qnn.reshape %[[CAT]]
// CHECK-NEXT: %[[Y:.*]] = qnn.fully_connected %[[F]], {{.*}} -> tensor<1x3xi32>
// CHECK-NEXT: %[[YQ:.*]] = quant.scast %[[Y]]
// CHECK-NEXT: %[[YF:.*]] = qnn.dequantize %[[YQ]]
// CHECK-NEXT: return %[[YF]]
func.func @cnn(%x: tensor<1x1x6x6xf32> {qnn.calib = array<f64: 0.0, 1.0>}) -> tensor<1x3xf32> {
  %w1 = arith.constant dense<[[[[0.5, -0.25], [0.125, 1.0]]], [[[-1.0, 0.5], [0.25, 0.75]]]]> : tensor<2x1x2x2xf32>
  %b1 = arith.constant dense<[0.1, -0.2]> : tensor<2xf32>
  %c1 = qnn.conv2d %x, %w1, %b1 {padding = array<i64: 0, 0, 1, 1>} : (tensor<1x1x6x6xf32>, tensor<2x1x2x2xf32>, tensor<2xf32>) -> tensor<1x2x6x6xf32>
  %g = arith.constant dense<[1.5, 0.5]> : tensor<2xf32>
  %be = arith.constant dense<[0.0, 0.1]> : tensor<2xf32>
  %m = arith.constant dense<[0.2, -0.1]> : tensor<2xf32>
  %v = arith.constant dense<[1.0, 4.0]> : tensor<2xf32>
  %n1 = qnn.batch_norm %c1, %g, %be, %m, %v {epsilon = 1.0e-5 : f32} : (tensor<1x2x6x6xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x6x6xf32>
  %r1 = qnn.clamp %n1 {min = 0.0 : f32, max = 0x7F800000 : f32, qnn.calib = array<f64: 0.0, 3.0>} : tensor<1x2x6x6xf32>
  %p1 = qnn.max_pool2d %r1 {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : tensor<1x2x6x6xf32> -> tensor<1x2x3x3xf32>
  %w2 = arith.constant dense<0.25> : tensor<2x2x1x1xf32>
  %c2 = qnn.conv2d %p1, %w2 : (tensor<1x2x3x3xf32>, tensor<2x2x1x1xf32>) -> tensor<1x2x3x3xf32>
  %r2 = qnn.clamp %c2 {min = 0.0 : f32, max = 6.0 : f32, qnn.calib = array<f64: 0.0, 6.0>} : tensor<1x2x3x3xf32>
  %cat = qnn.concat %p1, %r2 {axis = 1 : i64, qnn.calib = array<f64: 0.0, 6.0>} : (tensor<1x2x3x3xf32>, tensor<1x2x3x3xf32>) -> tensor<1x4x3x3xf32>
  %f = qnn.reshape %cat : tensor<1x4x3x3xf32> -> tensor<1x36xf32>
  %w3 = arith.constant dense<0.1> : tensor<3x36xf32>
  %b3 = arith.constant dense<[0.5, -0.5, 0.0]> : tensor<3xf32>
  %y = qnn.fully_connected %f, %w3, %b3 : (tensor<1x36xf32>, tensor<3x36xf32>, tensor<3xf32>) -> tensor<1x3xf32>
  return %y : tensor<1x3xf32>
}
