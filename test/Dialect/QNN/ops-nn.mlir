// RUN: quant-opt %s | quant-opt | FileCheck %s
// RUN: quant-opt %s -emit-bytecode | quant-opt | FileCheck %s

// Round trip of the neural-network compute ops (QNNNNOps.td) with every
// element-type combination their verifiers accept.

//===----------------------------------------------------------------------===//
// conv2d
//===----------------------------------------------------------------------===//

// floor((32 + 1 + 1 - 1*(3 - 1) - 1) / 2) + 1 = 16.
// CHECK-LABEL: func.func @conv_float
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x32x32xf32>, %[[W:.*]]: tensor<8x3x3x3xf32>, %[[B:.*]]: tensor<8xf32>)
// CHECK: qnn.conv2d %[[X]], %[[W]], %[[B]] {padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x3x32x32xf32>, tensor<8x3x3x3xf32>, tensor<8xf32>) -> tensor<1x8x16x16xf32>
func.func @conv_float(%x: tensor<1x3x32x32xf32>, %w: tensor<8x3x3x3xf32>, %b: tensor<8xf32>) -> tensor<1x8x16x16xf32> {
  %y = qnn.conv2d %x, %w, %b {strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>}
       : (tensor<1x3x32x32xf32>, tensor<8x3x3x3xf32>, tensor<8xf32>) -> tensor<1x8x16x16xf32>
  return %y : tensor<1x8x16x16xf32>
}

// No bias, default attributes (omitted when printed).
// CHECK-LABEL: func.func @conv_no_bias
// CHECK-SAME: (%[[X:.*]]: tensor<2x4x5x5xf16>, %[[W:.*]]: tensor<6x4x3x3xf16>)
// CHECK: qnn.conv2d %[[X]], %[[W]] : (tensor<2x4x5x5xf16>, tensor<6x4x3x3xf16>) -> tensor<2x6x3x3xf16>
func.func @conv_no_bias(%x: tensor<2x4x5x5xf16>, %w: tensor<6x4x3x3xf16>) -> tensor<2x6x3x3xf16> {
  %y = qnn.conv2d %x, %w : (tensor<2x4x5x5xf16>, tensor<6x4x3x3xf16>) -> tensor<2x6x3x3xf16>
  return %y : tensor<2x6x3x3xf16>
}

// Dilation 2 and asymmetric padding: height floor((9 + 0 + 2 - 2*2 - 1) / 1) + 1
// = 7, width floor((9 + 1 + 0 - 3*2 - 1) / 2) + 1 = 2.
// CHECK-LABEL: func.func @conv_dilated
// CHECK: qnn.conv2d %{{.*}}, %{{.*}} {dilations = array<i64: 2, 3>, padding = array<i64: 0, 1, 2, 0>, strides = array<i64: 1, 2>} : (tensor<1x1x9x9xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x7x2xf32>
func.func @conv_dilated(%x: tensor<1x1x9x9xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x7x2xf32> {
  %y = qnn.conv2d %x, %w {dilations = array<i64: 2, 3>, padding = array<i64: 0, 1, 2, 0>, strides = array<i64: 1, 2>}
       : (tensor<1x1x9x9xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x7x2xf32>
  return %y : tensor<1x1x7x2xf32>
}

// Depthwise (groups = C) with channel multiplier 2, and a grouped conv.
// CHECK-LABEL: func.func @conv_depthwise
// CHECK: qnn.conv2d %{{.*}}, %{{.*}}, %{{.*}} {groups = 8 : i64, padding = array<i64: 1, 1, 1, 1>} : (tensor<1x8x7x7xf32>, tensor<16x1x3x3xf32>, tensor<16xf32>) -> tensor<1x16x7x7xf32>
// CHECK: qnn.conv2d %{{.*}}, %{{.*}} {groups = 2 : i64} : (tensor<1x8x7x7xf32>, tensor<4x4x1x1xf32>) -> tensor<1x4x7x7xf32>
func.func @conv_depthwise(%x: tensor<1x8x7x7xf32>, %w: tensor<16x1x3x3xf32>, %b: tensor<16xf32>,
                          %w2: tensor<4x4x1x1xf32>) -> (tensor<1x16x7x7xf32>, tensor<1x4x7x7xf32>) {
  %y = qnn.conv2d %x, %w, %b {groups = 8 : i64, padding = array<i64: 1, 1, 1, 1>}
       : (tensor<1x8x7x7xf32>, tensor<16x1x3x3xf32>, tensor<16xf32>) -> tensor<1x16x7x7xf32>
  %z = qnn.conv2d %x, %w2 {groups = 2 : i64} : (tensor<1x8x7x7xf32>, tensor<4x4x1x1xf32>) -> tensor<1x4x7x7xf32>
  return %y, %z : tensor<1x16x7x7xf32>, tensor<1x4x7x7xf32>
}

// Dynamic batch and spatial sizes skip the shape checks they take part in.
// CHECK-LABEL: func.func @conv_dynamic
// CHECK: qnn.conv2d %{{.*}}, %{{.*}} {padding = array<i64: 1, 1, 1, 1>} : (tensor<?x3x?x32xf32>, tensor<8x3x3x3xf32>) -> tensor<?x8x?x32xf32>
func.func @conv_dynamic(%x: tensor<?x3x?x32xf32>, %w: tensor<8x3x3x3xf32>) -> tensor<?x8x?x32xf32> {
  %y = qnn.conv2d %x, %w {padding = array<i64: 1, 1, 1, 1>} : (tensor<?x3x?x32xf32>, tensor<8x3x3x3xf32>) -> tensor<?x8x?x32xf32>
  return %y : tensor<?x8x?x32xf32>
}

// Per-tensor affine: bias scale 0.1 * 0.2 (0.020000000000000004 in double:
// within the relative tolerance), result with its own scale.
// CHECK-LABEL: func.func @conv_affine_per_tensor
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x4x4x!quant.uniform<i8:f32, 1.000000e-01:-3>>)
// CHECK: %[[W:.*]] = qnn.constant dense<{{.*}}> : tensor<3x2x3x3xi8> -> tensor<3x2x3x3x!quant.uniform<i8:f32, 2.000000e-01>>
// CHECK: %[[B:.*]] = qnn.constant dense<[10, -20, 30]> : tensor<3xi32> -> tensor<3x!quant.uniform<i32:f32, 2.000000e-02>>
// CHECK: qnn.conv2d %[[X]], %[[W]], %[[B]] : ({{.*}}) -> tensor<1x3x2x2x!quant.uniform<i8:f32, 5.000000e-02:4>>
func.func @conv_affine_per_tensor(%x: tensor<1x2x4x4x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x3x2x2x!quant.uniform<i8:f32, 0.05:4>> {
  %w = qnn.constant dense<1> : tensor<3x2x3x3xi8> -> tensor<3x2x3x3x!quant.uniform<i8:f32, 0.2>>
  %b = qnn.constant dense<[10, -20, 30]> : tensor<3xi32> -> tensor<3x!quant.uniform<i32:f32, 0.02>>
  %y = qnn.conv2d %x, %w, %b
       : (tensor<1x2x4x4x!quant.uniform<i8:f32, 0.1:-3>>, tensor<3x2x3x3x!quant.uniform<i8:f32, 0.2>>,
          tensor<3x!quant.uniform<i32:f32, 0.02>>) -> tensor<1x3x2x2x!quant.uniform<i8:f32, 0.05:4>>
  return %y : tensor<1x3x2x2x!quant.uniform<i8:f32, 0.05:4>>
}

// Per-channel affine weights along axis 0 with the matching per-channel i32
// bias (0.5 * {0.25, 0.125}); results: the i32 accumulator and f32.
// CHECK-LABEL: func.func @conv_affine_per_channel
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x4x4x!quant.uniform<i8:f32, 5.000000e-01:-3>>)
// CHECK: %[[W:.*]] = qnn.constant dense<{{.*}}> : tensor<2x2x1x1xi8> -> tensor<2x2x1x1x!quant.uniform<i8:f32:0, {2.500000e-01,1.250000e-01}>>
// CHECK: %[[B:.*]] = qnn.constant dense<[100, -7]> : tensor<2xi32> -> tensor<2x!quant.uniform<i32:f32:0, {1.250000e-01,6.250000e-02}>>
// CHECK: qnn.conv2d %[[X]], %[[W]], %[[B]] : ({{.*}}) -> tensor<1x2x4x4xi32>
// CHECK: qnn.conv2d %[[X]], %[[W]] : ({{.*}}) -> tensor<1x2x4x4xf32>
func.func @conv_affine_per_channel(%x: tensor<1x2x4x4x!quant.uniform<i8:f32, 0.5:-3>>) -> (tensor<1x2x4x4xi32>, tensor<1x2x4x4xf32>) {
  %w = qnn.constant dense<[[[[1]], [[-2]]], [[[3]], [[4]]]]> : tensor<2x2x1x1xi8> -> tensor<2x2x1x1x!quant.uniform<i8:f32:0, {0.25, 0.125}>>
  %b = qnn.constant dense<[100, -7]> : tensor<2xi32> -> tensor<2x!quant.uniform<i32:f32:0, {0.125, 0.0625}>>
  %y = qnn.conv2d %x, %w, %b
       : (tensor<1x2x4x4x!quant.uniform<i8:f32, 0.5:-3>>, tensor<2x2x1x1x!quant.uniform<i8:f32:0, {0.25, 0.125}>>,
          tensor<2x!quant.uniform<i32:f32:0, {0.125, 0.0625}>>) -> tensor<1x2x4x4xi32>
  %z = qnn.conv2d %x, %w
       : (tensor<1x2x4x4x!quant.uniform<i8:f32, 0.5:-3>>, tensor<2x2x1x1x!quant.uniform<i8:f32:0, {0.25, 0.125}>>) -> tensor<1x2x4x4xf32>
  return %y, %z : tensor<1x2x4x4xi32>, tensor<1x2x4x4xf32>
}

// Per-tensor weights with a per-channel bias whose scales all equal
// s_in * s_w: accepted.
// CHECK-LABEL: func.func @conv_affine_bias_per_channel
// CHECK: qnn.conv2d {{.*}} -> tensor<1x2x4x4x!quant.uniform<u8:f32, 1.000000e+00:128>>
func.func @conv_affine_bias_per_channel(%x: tensor<1x2x4x4x!quant.uniform<u8:f32, 0.5:128>>,
                                        %w: tensor<2x2x1x1x!quant.uniform<i8:f32, 0.25>>,
                                        %b: tensor<2x!quant.uniform<i32:f32:0, {0.125, 0.125}>>)
    -> tensor<1x2x4x4x!quant.uniform<u8:f32, 1.0:128>> {
  %y = qnn.conv2d %x, %w, %b
       : (tensor<1x2x4x4x!quant.uniform<u8:f32, 0.5:128>>, tensor<2x2x1x1x!quant.uniform<i8:f32, 0.25>>,
          tensor<2x!quant.uniform<i32:f32:0, {0.125, 0.125}>>) -> tensor<1x2x4x4x!quant.uniform<u8:f32, 1.0:128>>
  return %y : tensor<1x2x4x4x!quant.uniform<u8:f32, 1.0:128>>
}

// Depthwise affine conv, per channel.
// CHECK-LABEL: func.func @conv_affine_depthwise
// CHECK: qnn.conv2d {{.*}} {groups = 3 : i64, padding = array<i64: 1, 1, 1, 1>} : ({{.*}}) -> tensor<1x3x8x8x!quant.uniform<i8:f32, 1.000000e-01>>
func.func @conv_affine_depthwise(%x: tensor<1x3x8x8x!quant.uniform<i8:f32, 0.5>>,
                                 %w: tensor<3x1x3x3x!quant.uniform<i8:f32:0, {0.5, 0.25, 1.0}>>,
                                 %b: tensor<3x!quant.uniform<i32:f32:0, {0.25, 0.125, 0.5}>>)
    -> tensor<1x3x8x8x!quant.uniform<i8:f32, 0.1>> {
  %y = qnn.conv2d %x, %w, %b {groups = 3 : i64, padding = array<i64: 1, 1, 1, 1>}
       : (tensor<1x3x8x8x!quant.uniform<i8:f32, 0.5>>, tensor<3x1x3x3x!quant.uniform<i8:f32:0, {0.5, 0.25, 1.0}>>,
          tensor<3x!quant.uniform<i32:f32:0, {0.25, 0.125, 0.5}>>) -> tensor<1x3x8x8x!quant.uniform<i8:f32, 0.1>>
  return %y : tensor<1x3x8x8x!quant.uniform<i8:f32, 0.1>>
}

// XNOR-popcount: binary input and per-channel binary weights, padding reads -1.
// CHECK-LABEL: func.func @conv_binary
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x6x6x!qnn.binary<f32>>, %[[B:.*]]: tensor<2xf32>)
// CHECK: %[[W:.*]] = qnn.constant dense<{{.*}}> : tensor<2x4x3x3xi1> -> tensor<2x4x3x3x!qnn.binary<f32:0, {5.000000e-01, 2.500000e-01}>>
// CHECK: qnn.conv2d %[[X]], %[[W]], %[[B]] {pad_value = -1 : i64, padding = array<i64: 1, 1, 1, 1>} : (tensor<1x4x6x6x!qnn.binary<f32>>, tensor<2x4x3x3x!qnn.binary<f32:0, {5.000000e-01, 2.500000e-01}>>, tensor<2xf32>) -> tensor<1x2x6x6xf32>
// CHECK: qnn.conv2d %[[X]], %[[W]] : ({{.*}}) -> tensor<1x2x4x4xf32>
// CHECK: qnn.conv2d %[[X]], %[[W]] {pad_value = 0 : i64, padding = array<i64: 1, 1, 1, 1>} : ({{.*}}) -> tensor<1x2x6x6xf32>
func.func @conv_binary(%x: tensor<1x4x6x6x!qnn.binary<f32>>, %b: tensor<2xf32>) -> (tensor<1x2x6x6xf32>, tensor<1x2x4x4xf32>, tensor<1x2x6x6xf32>) {
  %w = qnn.constant dense<true> : tensor<2x4x3x3xi1> -> tensor<2x4x3x3x!qnn.binary<f32:0, {0.5, 0.25}>>
  %y = qnn.conv2d %x, %w, %b {padding = array<i64: 1, 1, 1, 1>, pad_value = -1 : i64}
       : (tensor<1x4x6x6x!qnn.binary<f32>>, tensor<2x4x3x3x!qnn.binary<f32:0, {0.5, 0.25}>>, tensor<2xf32>) -> tensor<1x2x6x6xf32>
  // Without padding no pad_value is needed.
  %z = qnn.conv2d %x, %w : (tensor<1x4x6x6x!qnn.binary<f32>>, tensor<2x4x3x3x!qnn.binary<f32:0, {0.5, 0.25}>>) -> tensor<1x2x4x4xf32>
  // Zero padding: pad_value 0 (padded taps add nothing).
  %u = qnn.conv2d %x, %w {padding = array<i64: 1, 1, 1, 1>, pad_value = 0 : i64} : (tensor<1x4x6x6x!qnn.binary<f32>>, tensor<2x4x3x3x!qnn.binary<f32:0, {0.5, 0.25}>>) -> tensor<1x2x6x6xf32>
  return %y, %z, %u : tensor<1x2x6x6xf32>, tensor<1x2x4x4xf32>, tensor<1x2x6x6xf32>
}

// Weight-only quantization: float input with binary, ternary and codebook
// weights, float bias and result.
// CHECK-LABEL: func.func @conv_weight_only
// CHECK: qnn.conv2d %{{.*}}, %{{.*}}, %{{.*}} : (tensor<1x2x4x4xf32>, tensor<3x2x1x1x!qnn.binary<f32, 2.500000e-01>>, tensor<3xf32>) -> tensor<1x3x4x4xf32>
// CHECK: qnn.conv2d %{{.*}}, %{{.*}} : (tensor<1x2x4x4xf32>, tensor<3x2x1x1x!qnn.ternary<f32, 2.500000e-01:7.500000e-01>>) -> tensor<1x3x4x4xf32>
// CHECK: qnn.conv2d %{{.*}}, %{{.*}} : (tensor<1x2x4x4xf32>, tensor<3x2x1x1x!qnn.ternary<f32:0, {5.000000e-01, 2.500000e-01:1.250000e-01, 1.000000e+00}>>) -> tensor<1x3x4x4xf32>
// CHECK: qnn.conv2d %{{.*}}, %{{.*}} : (tensor<1x2x4x4xf32>, tensor<3x2x1x1x!qnn.codebook<i2:f32, [-5.000000e-01, -1.250000e-01, 1.250000e-01, 5.000000e-01]>>) -> tensor<1x3x4x4xf32>
func.func @conv_weight_only(%x: tensor<1x2x4x4xf32>, %b: tensor<3xf32>) -> (tensor<1x3x4x4xf32>, tensor<1x3x4x4xf32>, tensor<1x3x4x4xf32>, tensor<1x3x4x4xf32>) {
  %wb = qnn.constant dense<false> : tensor<3x2x1x1xi1> -> tensor<3x2x1x1x!qnn.binary<f32, 0.25>>
  %wt = qnn.constant dense<[[[[1]], [[0]]], [[[-1]], [[1]]], [[[0]], [[0]]]]> : tensor<3x2x1x1xi2> -> tensor<3x2x1x1x!qnn.ternary<f32, 0.25:0.75>>
  %wp = qnn.constant dense<1> : tensor<3x2x1x1xi2> -> tensor<3x2x1x1x!qnn.ternary<f32:0, {0.5, 0.25:0.125, 1.0}>>
  %wc = qnn.constant dense<[[[[3]], [[0]]], [[[1]], [[2]]], [[[0]], [[3]]]]> : tensor<3x2x1x1xi2> -> tensor<3x2x1x1x!qnn.codebook<i2:f32, [-0.5, -0.125, 0.125, 0.5]>>
  %y0 = qnn.conv2d %x, %wb, %b : (tensor<1x2x4x4xf32>, tensor<3x2x1x1x!qnn.binary<f32, 0.25>>, tensor<3xf32>) -> tensor<1x3x4x4xf32>
  %y1 = qnn.conv2d %x, %wt : (tensor<1x2x4x4xf32>, tensor<3x2x1x1x!qnn.ternary<f32, 0.25:0.75>>) -> tensor<1x3x4x4xf32>
  %y2 = qnn.conv2d %x, %wp : (tensor<1x2x4x4xf32>, tensor<3x2x1x1x!qnn.ternary<f32:0, {0.5, 0.25:0.125, 1.0}>>) -> tensor<1x3x4x4xf32>
  %y3 = qnn.conv2d %x, %wc : (tensor<1x2x4x4xf32>, tensor<3x2x1x1x!qnn.codebook<i2:f32, [-0.5, -0.125, 0.125, 0.5]>>) -> tensor<1x3x4x4xf32>
  return %y0, %y1, %y2, %y3 : tensor<1x3x4x4xf32>, tensor<1x3x4x4xf32>, tensor<1x3x4x4xf32>, tensor<1x3x4x4xf32>
}

//===----------------------------------------------------------------------===//
// matmul
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @matmul_float
// CHECK-SAME: (%[[A:.*]]: tensor<2x4x8xf32>, %[[B:.*]]: tensor<8x16xf32>)
// CHECK: qnn.matmul %[[A]], %[[B]] : (tensor<2x4x8xf32>, tensor<8x16xf32>) -> tensor<2x4x16xf32>
func.func @matmul_float(%a: tensor<2x4x8xf32>, %b: tensor<8x16xf32>) -> tensor<2x4x16xf32> {
  %y = qnn.matmul %a, %b : (tensor<2x4x8xf32>, tensor<8x16xf32>) -> tensor<2x4x16xf32>
  return %y : tensor<2x4x16xf32>
}

// Batch dimensions broadcast numpy-style: [3, 1] with [5] gives [3, 5]; a
// dynamic batch dimension against 1 stays dynamic.
// CHECK-LABEL: func.func @matmul_broadcast
// CHECK: qnn.matmul %{{.*}}, %{{.*}} : (tensor<3x1x4x8xf32>, tensor<5x8x2xf32>) -> tensor<3x5x4x2xf32>
// CHECK: qnn.matmul %{{.*}}, %{{.*}} : (tensor<?x4x8xf32>, tensor<1x8x?xf32>) -> tensor<?x4x?xf32>
// CHECK: qnn.matmul %{{.*}}, %{{.*}} : (tensor<?x4x8xf32>, tensor<6x8x2xf32>) -> tensor<6x4x2xf32>
func.func @matmul_broadcast(%a: tensor<3x1x4x8xf32>, %b: tensor<5x8x2xf32>, %c: tensor<?x4x8xf32>,
                            %d: tensor<1x8x?xf32>, %e: tensor<6x8x2xf32>)
    -> (tensor<3x5x4x2xf32>, tensor<?x4x?xf32>, tensor<6x4x2xf32>) {
  %y = qnn.matmul %a, %b : (tensor<3x1x4x8xf32>, tensor<5x8x2xf32>) -> tensor<3x5x4x2xf32>
  %z = qnn.matmul %c, %d : (tensor<?x4x8xf32>, tensor<1x8x?xf32>) -> tensor<?x4x?xf32>
  %u = qnn.matmul %c, %e : (tensor<?x4x8xf32>, tensor<6x8x2xf32>) -> tensor<6x4x2xf32>
  return %y, %z, %u : tensor<3x5x4x2xf32>, tensor<?x4x?xf32>, tensor<6x4x2xf32>
}

// Affine lhs, per-axis rhs along its last (N) dimension; affine, f32 and i32
// results.
// CHECK-LABEL: func.func @matmul_affine
// CHECK: qnn.matmul %{{.*}}, %{{.*}} : (tensor<4x8x!quant.uniform<i8:f32, 1.000000e-01>>, tensor<8x3x!quant.uniform<i8:f32:1, {1.000000e-01,2.000000e-01,3.000000e-01}>>) -> tensor<4x3x!quant.uniform<i8:f32, 2.500000e-01:-1>>
// CHECK: qnn.matmul {{.*}} -> tensor<4x3xf32>
// CHECK: qnn.matmul {{.*}} -> tensor<4x3xi32>
func.func @matmul_affine(%a: tensor<4x8x!quant.uniform<i8:f32, 0.1>>,
                         %b: tensor<8x3x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3}>>)
    -> (tensor<4x3x!quant.uniform<i8:f32, 0.25:-1>>, tensor<4x3xf32>, tensor<4x3xi32>) {
  %y = qnn.matmul %a, %b : (tensor<4x8x!quant.uniform<i8:f32, 0.1>>, tensor<8x3x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3}>>) -> tensor<4x3x!quant.uniform<i8:f32, 0.25:-1>>
  %z = qnn.matmul %a, %b : (tensor<4x8x!quant.uniform<i8:f32, 0.1>>, tensor<8x3x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3}>>) -> tensor<4x3xf32>
  %u = qnn.matmul %a, %b : (tensor<4x8x!quant.uniform<i8:f32, 0.1>>, tensor<8x3x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3}>>) -> tensor<4x3xi32>
  return %y, %z, %u : tensor<4x3x!quant.uniform<i8:f32, 0.25:-1>>, tensor<4x3xf32>, tensor<4x3xi32>
}

// Weight-only and binary matmuls.
// CHECK-LABEL: func.func @matmul_weight_only
// CHECK: qnn.matmul %{{.*}}, %{{.*}} : (tensor<2x4xf32>, tensor<4x3x!qnn.binary<f32:1, {5.000000e-01, 2.500000e-01, 1.000000e+00}>>) -> tensor<2x3xf32>
// CHECK: qnn.matmul %{{.*}}, %{{.*}} : (tensor<2x4xf32>, tensor<4x3x!qnn.codebook<i1:f32, [-1.000000e+00, 1.000000e+00]>>) -> tensor<2x3xf32>
// CHECK: qnn.matmul %{{.*}}, %{{.*}} : (tensor<2x4x!qnn.binary<f32>>, tensor<4x3x!qnn.binary<f32:1, {5.000000e-01, 2.500000e-01, 1.000000e+00}>>) -> tensor<2x3xf32>
func.func @matmul_weight_only(%a: tensor<2x4xf32>, %w: tensor<4x3x!qnn.binary<f32:1, {0.5, 0.25, 1.0}>>,
                              %c: tensor<4x3x!qnn.codebook<i1:f32, [-1.0, 1.0]>>, %s: tensor<2x4x!qnn.binary<f32>>)
    -> (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>) {
  %y = qnn.matmul %a, %w : (tensor<2x4xf32>, tensor<4x3x!qnn.binary<f32:1, {0.5, 0.25, 1.0}>>) -> tensor<2x3xf32>
  %z = qnn.matmul %a, %c : (tensor<2x4xf32>, tensor<4x3x!qnn.codebook<i1:f32, [-1.0, 1.0]>>) -> tensor<2x3xf32>
  %u = qnn.matmul %s, %w : (tensor<2x4x!qnn.binary<f32>>, tensor<4x3x!qnn.binary<f32:1, {0.5, 0.25, 1.0}>>) -> tensor<2x3xf32>
  return %y, %z, %u : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>
}

//===----------------------------------------------------------------------===//
// fully_connected
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @fc_float
// CHECK-SAME: (%[[X:.*]]: tensor<1x64xf32>, %[[W:.*]]: tensor<10x64xf32>, %[[B:.*]]: tensor<10xf32>,
// CHECK: qnn.fully_connected %[[X]], %[[W]], %[[B]] : (tensor<1x64xf32>, tensor<10x64xf32>, tensor<10xf32>) -> tensor<1x10xf32>
// CHECK: qnn.fully_connected %{{.*}}, %[[W]] : (tensor<?x64xf32>, tensor<10x64xf32>) -> tensor<?x10xf32>
func.func @fc_float(%x: tensor<1x64xf32>, %w: tensor<10x64xf32>, %b: tensor<10xf32>, %d: tensor<?x64xf32>)
    -> (tensor<1x10xf32>, tensor<?x10xf32>) {
  %y = qnn.fully_connected %x, %w, %b : (tensor<1x64xf32>, tensor<10x64xf32>, tensor<10xf32>) -> tensor<1x10xf32>
  %z = qnn.fully_connected %d, %w : (tensor<?x64xf32>, tensor<10x64xf32>) -> tensor<?x10xf32>
  return %y, %z : tensor<1x10xf32>, tensor<?x10xf32>
}

// Per-channel affine weights along axis 0 and the matching i32 bias.
// CHECK-LABEL: func.func @fc_affine
// CHECK: qnn.fully_connected %{{.*}}, %{{.*}}, %{{.*}} : (tensor<2x4x!quant.uniform<i8:f32, 2.500000e-01:5>>, tensor<3x4x!quant.uniform<i8<-127:127>:f32:0, {5.000000e-01,1.000000e+00,2.000000e+00}>>, tensor<3x!quant.uniform<i32:f32:0, {1.250000e-01,2.500000e-01,5.000000e-01}>>) -> tensor<2x3x!quant.uniform<i8:f32, 1.000000e+00>>
func.func @fc_affine(%x: tensor<2x4x!quant.uniform<i8:f32, 0.25:5>>,
                     %w: tensor<3x4x!quant.uniform<i8<-127:127>:f32:0, {0.5, 1.0, 2.0}>>,
                     %b: tensor<3x!quant.uniform<i32:f32:0, {0.125, 0.25, 0.5}>>)
    -> tensor<2x3x!quant.uniform<i8:f32, 1.0>> {
  %y = qnn.fully_connected %x, %w, %b
       : (tensor<2x4x!quant.uniform<i8:f32, 0.25:5>>, tensor<3x4x!quant.uniform<i8<-127:127>:f32:0, {0.5, 1.0, 2.0}>>,
          tensor<3x!quant.uniform<i32:f32:0, {0.125, 0.25, 0.5}>>) -> tensor<2x3x!quant.uniform<i8:f32, 1.0>>
  return %y : tensor<2x3x!quant.uniform<i8:f32, 1.0>>
}

// Per-channel ternary weights with float input.
// CHECK-LABEL: func.func @fc_ternary
// CHECK: qnn.fully_connected %{{.*}}, %{{.*}}, %{{.*}} : (tensor<1x4xf32>, tensor<2x4x!qnn.ternary<f32:0, {5.000000e-01, 2.500000e-01}>>, tensor<2xf32>) -> tensor<1x2xf32>
func.func @fc_ternary(%x: tensor<1x4xf32>, %b: tensor<2xf32>) -> tensor<1x2xf32> {
  %w = qnn.constant dense<[[1, 0, -1, 1], [0, 0, 1, -1]]> : tensor<2x4xi2> -> tensor<2x4x!qnn.ternary<f32:0, {0.5, 0.25}>>
  %y = qnn.fully_connected %x, %w, %b : (tensor<1x4xf32>, tensor<2x4x!qnn.ternary<f32:0, {0.5, 0.25}>>, tensor<2xf32>) -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @max_pool_float
// CHECK: qnn.max_pool2d %{{.*}} {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : tensor<1x8x32x32xf32> -> tensor<1x8x16x16xf32>
// CHECK: qnn.max_pool2d %{{.*}} {dilations = array<i64: 2, 2>, kernel = array<i64: 3, 3>, padding = array<i64: 4, 4, 4, 4>} : tensor<1x8x32x32xf32> -> tensor<1x8x36x36xf32>
func.func @max_pool_float(%x: tensor<1x8x32x32xf32>) -> (tensor<1x8x16x16xf32>, tensor<1x8x36x36xf32>) {
  %y = qnn.max_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : tensor<1x8x32x32xf32> -> tensor<1x8x16x16xf32>
  // Dilated kernel 5: padding up to 4 is allowed.
  %z = qnn.max_pool2d %x {kernel = array<i64: 3, 3>, dilations = array<i64: 2, 2>, padding = array<i64: 4, 4, 4, 4>}
       : tensor<1x8x32x32xf32> -> tensor<1x8x36x36xf32>
  return %y, %z : tensor<1x8x16x16xf32>, tensor<1x8x36x36xf32>
}

// ceil_mode: height 7, kernel 2, stride 2 gives ceil(5 / 2) + 1 = 4 (floor
// gives 3). Width 6, kernel 2, stride 3, bottom/right padding 1: ceil(5 / 3)
// + 1 = 3, but the third window would start at 6, in the end padding, so 2.
// CHECK-LABEL: func.func @max_pool_ceil
// CHECK: qnn.max_pool2d %{{.*}} {ceil_mode, kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : tensor<1x1x7x7xf32> -> tensor<1x1x4x4xf32>
// CHECK: qnn.max_pool2d %{{.*}} {ceil_mode, kernel = array<i64: 2, 2>, padding = array<i64: 0, 0, 1, 1>, strides = array<i64: 3, 3>} : tensor<1x1x6x6xf32> -> tensor<1x1x2x2xf32>
func.func @max_pool_ceil(%x: tensor<1x1x7x7xf32>, %u: tensor<1x1x6x6xf32>) -> (tensor<1x1x4x4xf32>, tensor<1x1x2x2xf32>) {
  %y = qnn.max_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, ceil_mode} : tensor<1x1x7x7xf32> -> tensor<1x1x4x4xf32>
  %z = qnn.max_pool2d %u {kernel = array<i64: 2, 2>, strides = array<i64: 3, 3>, padding = array<i64: 0, 0, 1, 1>, ceil_mode}
       : tensor<1x1x6x6xf32> -> tensor<1x1x2x2xf32>
  return %y, %z : tensor<1x1x4x4xf32>, tensor<1x1x2x2xf32>
}

// Where the maximum is: flat input indices (i64), row- or column-major,
// of float or integer input.
// CHECK-LABEL: func.func @max_pool_indices
// CHECK: qnn.max_pool2d_indices %{{.*}} {kernel = array<i64: 2, 2>, padding = array<i64: 1, 1, 0, 0>} : tensor<2x3x5x5xf32> -> tensor<2x3x5x5xi64>
// CHECK: qnn.max_pool2d_indices %{{.*}} {ceil_mode, column_major, kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : tensor<1x1x7x7xi8> -> tensor<1x1x4x4xi64>
func.func @max_pool_indices(%x: tensor<2x3x5x5xf32>, %q: tensor<1x1x7x7xi8>) -> (tensor<2x3x5x5xi64>, tensor<1x1x4x4xi64>) {
  %i = qnn.max_pool2d_indices %x {kernel = array<i64: 2, 2>, padding = array<i64: 1, 1, 0, 0>} : tensor<2x3x5x5xf32> -> tensor<2x3x5x5xi64>
  %j = qnn.max_pool2d_indices %q {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, ceil_mode, column_major} : tensor<1x1x7x7xi8> -> tensor<1x1x4x4xi64>
  return %i, %j : tensor<2x3x5x5xi64>, tensor<1x1x4x4xi64>
}

// Max keeps the element type: affine, per-channel binary, dynamic batch.
// CHECK-LABEL: func.func @max_pool_quantized
// CHECK: qnn.max_pool2d %{{.*}} {kernel = array<i64: 2, 2>} : tensor<?x2x4x4x!quant.uniform<i8:f32, 1.000000e-01:3>> -> tensor<?x2x3x3x!quant.uniform<i8:f32, 1.000000e-01:3>>
// CHECK: qnn.max_pool2d %{{.*}} {kernel = array<i64: 2, 2>} : tensor<1x2x4x4x!qnn.binary<f32:1, {5.000000e-01, 2.500000e-01}>> -> tensor<1x2x3x3x!qnn.binary<f32:1, {5.000000e-01, 2.500000e-01}>>
func.func @max_pool_quantized(%x: tensor<?x2x4x4x!quant.uniform<i8:f32, 0.1:3>>, %b: tensor<1x2x4x4x!qnn.binary<f32:1, {0.5, 0.25}>>)
    -> (tensor<?x2x3x3x!quant.uniform<i8:f32, 0.1:3>>, tensor<1x2x3x3x!qnn.binary<f32:1, {0.5, 0.25}>>) {
  %y = qnn.max_pool2d %x {kernel = array<i64: 2, 2>} : tensor<?x2x4x4x!quant.uniform<i8:f32, 0.1:3>> -> tensor<?x2x3x3x!quant.uniform<i8:f32, 0.1:3>>
  %z = qnn.max_pool2d %b {kernel = array<i64: 2, 2>} : tensor<1x2x4x4x!qnn.binary<f32:1, {0.5, 0.25}>> -> tensor<1x2x3x3x!qnn.binary<f32:1, {0.5, 0.25}>>
  return %y, %z : tensor<?x2x3x3x!quant.uniform<i8:f32, 0.1:3>>, tensor<1x2x3x3x!qnn.binary<f32:1, {0.5, 0.25}>>
}

// CHECK-LABEL: func.func @avg_pool
// CHECK: qnn.avg_pool2d %{{.*}} {kernel = array<i64: 3, 3>, padding = array<i64: 1, 1, 1, 1>} : tensor<1x8x16x16xf32> -> tensor<1x8x16x16xf32>
// CHECK: qnn.avg_pool2d %{{.*}} {ceil_mode, count_include_pad, kernel = array<i64: 3, 3>, padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : tensor<1x8x16x16xf32> -> tensor<1x8x9x9xf32>
func.func @avg_pool(%x: tensor<1x8x16x16xf32>) -> (tensor<1x8x16x16xf32>, tensor<1x8x9x9xf32>) {
  %y = qnn.avg_pool2d %x {kernel = array<i64: 3, 3>, padding = array<i64: 1, 1, 1, 1>} : tensor<1x8x16x16xf32> -> tensor<1x8x16x16xf32>
  // ceil((16 + 2 - 3) / 2) + 1 = 9; the ninth window starts at 16 < 16 + 1.
  %z = qnn.avg_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, ceil_mode, count_include_pad}
       : tensor<1x8x16x16xf32> -> tensor<1x8x9x9xf32>
  return %y, %z : tensor<1x8x16x16xf32>, tensor<1x8x9x9xf32>
}

// Affine average pooling may change scale and zero point, not storage.
// CHECK-LABEL: func.func @avg_pool_affine
// CHECK: qnn.avg_pool2d %{{.*}} {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : tensor<1x4x8x8x!quant.uniform<u8:f32, 5.000000e-02:128>> -> tensor<1x4x4x4x!quant.uniform<u8:f32, 2.500000e-02:100>>
func.func @avg_pool_affine(%x: tensor<1x4x8x8x!quant.uniform<u8:f32, 0.05:128>>) -> tensor<1x4x4x4x!quant.uniform<u8:f32, 0.025:100>> {
  %y = qnn.avg_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>}
       : tensor<1x4x8x8x!quant.uniform<u8:f32, 0.05:128>> -> tensor<1x4x4x4x!quant.uniform<u8:f32, 0.025:100>>
  return %y : tensor<1x4x4x4x!quant.uniform<u8:f32, 0.025:100>>
}

// CHECK-LABEL: func.func @global_avg_pool
// CHECK: qnn.global_avg_pool %{{.*}} : tensor<1x64x7x7xf32> -> tensor<1x64x1x1xf32>
// CHECK: qnn.global_avg_pool %{{.*}} : tensor<?x3x?x?x!quant.uniform<i8:f32, 1.000000e-01>> -> tensor<?x3x1x1x!quant.uniform<i8:f32, 2.000000e-02:-5>>
func.func @global_avg_pool(%x: tensor<1x64x7x7xf32>, %q: tensor<?x3x?x?x!quant.uniform<i8:f32, 0.1>>)
    -> (tensor<1x64x1x1xf32>, tensor<?x3x1x1x!quant.uniform<i8:f32, 0.02:-5>>) {
  %y = qnn.global_avg_pool %x : tensor<1x64x7x7xf32> -> tensor<1x64x1x1xf32>
  %z = qnn.global_avg_pool %q : tensor<?x3x?x?x!quant.uniform<i8:f32, 0.1>> -> tensor<?x3x1x1x!quant.uniform<i8:f32, 0.02:-5>>
  return %y, %z : tensor<1x64x1x1xf32>, tensor<?x3x1x1x!quant.uniform<i8:f32, 0.02:-5>>
}

//===----------------------------------------------------------------------===//
// batch_norm
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @batch_norm
// CHECK-SAME: (%[[X:.*]]: tensor<1x8x4x4xf32>, %[[S:.*]]: tensor<8xf32>, %[[B:.*]]: tensor<8xf32>, %[[M:.*]]: tensor<8xf32>, %[[V:.*]]: tensor<8xf32>
// CHECK: qnn.batch_norm %[[X]], %[[S]], %[[B]], %[[M]], %[[V]] {epsilon = 1.000000e-03 : f32} : (tensor<1x8x4x4xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x8x4x4xf32>
// CHECK: qnn.batch_norm %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} : (tensor<?x3xbf16>, tensor<3xbf16>, tensor<3xbf16>, tensor<3xbf16>, tensor<3xbf16>) -> tensor<?x3xbf16>
func.func @batch_norm(%x: tensor<1x8x4x4xf32>, %s: tensor<8xf32>, %b: tensor<8xf32>, %m: tensor<8xf32>, %v: tensor<8xf32>,
                      %h: tensor<?x3xbf16>, %p: tensor<3xbf16>) -> (tensor<1x8x4x4xf32>, tensor<?x3xbf16>) {
  %y = qnn.batch_norm %x, %s, %b, %m, %v {epsilon = 1.0e-03 : f32}
       : (tensor<1x8x4x4xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<1x8x4x4xf32>
  %z = qnn.batch_norm %h, %p, %p, %p, %p
       : (tensor<?x3xbf16>, tensor<3xbf16>, tensor<3xbf16>, tensor<3xbf16>, tensor<3xbf16>) -> tensor<?x3xbf16>
  return %y, %z : tensor<1x8x4x4xf32>, tensor<?x3xbf16>
}

//===----------------------------------------------------------------------===//
// softmax
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @softmax
// CHECK: qnn.softmax %{{.*}} : tensor<1x10xf32> -> tensor<1x10xf32>
// CHECK: qnn.softmax %{{.*}} {axis = -3 : i64} : tensor<2x3x4xf16> -> tensor<2x3x4xf16>
// CHECK: qnn.softmax %{{.*}} {axis = 1 : i64} : tensor<1x10x!quant.uniform<i8:f32, 1.000000e-01>> -> tensor<1x10x!quant.uniform<u8:f32, 3.906250e-03>>
func.func @softmax(%x: tensor<1x10xf32>, %h: tensor<2x3x4xf16>, %q: tensor<1x10x!quant.uniform<i8:f32, 0.1>>)
    -> (tensor<1x10xf32>, tensor<2x3x4xf16>, tensor<1x10x!quant.uniform<u8:f32, 0.00390625>>) {
  %y = qnn.softmax %x {axis = -1 : i64} : tensor<1x10xf32> -> tensor<1x10xf32>
  %z = qnn.softmax %h {axis = -3 : i64} : tensor<2x3x4xf16> -> tensor<2x3x4xf16>
  %u = qnn.softmax %q {axis = 1 : i64} : tensor<1x10x!quant.uniform<i8:f32, 0.1>> -> tensor<1x10x!quant.uniform<u8:f32, 0.00390625>>
  return %y, %z, %u : tensor<1x10xf32>, tensor<2x3x4xf16>, tensor<1x10x!quant.uniform<u8:f32, 0.00390625>>
}

// The integer form: i8 operands, i32 bias and accumulator.
// CHECK-LABEL: func.func @integer_form
// CHECK: qnn.conv2d %{{.*}}, %{{.*}}, %{{.*}} {padding = array<i64: 1, 1, 1, 1>} : (tensor<1x2x4x4xi8>, tensor<3x2x3x3xi8>, tensor<3xi32>) -> tensor<1x3x4x4xi32>
// CHECK: qnn.fully_connected %{{.*}}, %{{.*}} : (tensor<2x8xi8>, tensor<4x8xi8>) -> tensor<2x4xi32>
// CHECK: qnn.matmul %{{.*}}, %{{.*}} : (tensor<2x8xi8>, tensor<8x4xi8>) -> tensor<2x4xi32>
func.func @integer_form(%x: tensor<1x2x4x4xi8>, %w: tensor<3x2x3x3xi8>, %b: tensor<3xi32>,
                        %a: tensor<2x8xi8>, %fw: tensor<4x8xi8>, %mw: tensor<8x4xi8>) {
  %0 = qnn.conv2d %x, %w, %b {padding = array<i64: 1, 1, 1, 1>} : (tensor<1x2x4x4xi8>, tensor<3x2x3x3xi8>, tensor<3xi32>) -> tensor<1x3x4x4xi32>
  %1 = qnn.fully_connected %a, %fw : (tensor<2x8xi8>, tensor<4x8xi8>) -> tensor<2x4xi32>
  %2 = qnn.matmul %a, %mw : (tensor<2x8xi8>, tensor<8x4xi8>) -> tensor<2x4xi32>
  return
}
