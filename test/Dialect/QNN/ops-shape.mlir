// RUN: quant-opt %s | quant-opt | FileCheck %s
// RUN: quant-opt %s -emit-bytecode | quant-opt | FileCheck %s
// RUN: quant-opt %s -mlir-print-op-generic | quant-opt | FileCheck %s

// Round trip of the data-movement ops (reshape, transpose, concat, pad) and
// the elementwise ops (add, mul, clamp, sign, binarize) on every element
// kind they accept.

!a8 = !quant.uniform<i8:f32, 0.5:-3>
!u8 = !quant.uniform<u8:f32, 0.25:128>
!pc = !quant.uniform<i8:f32:1, {0.5, 0.25, 0.125}>
!pc0 = !quant.uniform<i8:f32:0, {0.5, 0.25, 0.125}>

// CHECK-LABEL: func.func @reshape
// CHECK: qnn.reshape %{{.*}} : tensor<1x64x1x1xf32> -> tensor<1x64xf32>
// CHECK: qnn.reshape %{{.*}} : tensor<2x6x!quant.uniform<i8:f32, 5.000000e-01:-3>> -> tensor<3x4x!quant.uniform<i8:f32, 5.000000e-01:-3>>
// CHECK: qnn.reshape %{{.*}} : tensor<1x3x2x2x!quant.uniform<i8:f32:1, {{.*}}>> -> tensor<3x4x!quant.uniform<i8:f32:0, {{.*}}>>
// CHECK: qnn.reshape %{{.*}} : tensor<3x2x2x!qnn.binary<f32:0, {{.*}}>> -> tensor<3x4x!qnn.binary<f32:0, {{.*}}>>
func.func @reshape(%f: tensor<1x64x1x1xf32>, %q: tensor<2x6x!a8>,
                   %p: tensor<1x3x2x2x!pc>,
                   %b: tensor<3x2x2x!qnn.binary<f32:0, {1.0, 2.0, 3.0}>>) {
  %0 = qnn.reshape %f : tensor<1x64x1x1xf32> -> tensor<1x64xf32>
  %1 = qnn.reshape %q : tensor<2x6x!a8> -> tensor<3x4x!a8>
  %2 = qnn.reshape %p : tensor<1x3x2x2x!pc> -> tensor<3x4x!pc0>
  %3 = qnn.reshape %b : tensor<3x2x2x!qnn.binary<f32:0, {1.0, 2.0, 3.0}>> -> tensor<3x4x!qnn.binary<f32:0, {1.0, 2.0, 3.0}>>
  return
}

// CHECK-LABEL: func.func @transpose
// CHECK: qnn.transpose %{{.*}} {permutation = array<i64: 0, 2, 3, 1>} : tensor<1x8x4x4xf32> -> tensor<1x4x4x8xf32>
// CHECK: qnn.transpose %{{.*}} {permutation = array<i64: 1, 0>} : tensor<2x3x!quant.uniform<i8:f32:1, {{.*}}>> -> tensor<3x2x!quant.uniform<i8:f32:0, {{.*}}>>
func.func @transpose(%f: tensor<1x8x4x4xf32>, %p: tensor<2x3x!pc>) {
  %0 = qnn.transpose %f {permutation = array<i64: 0, 2, 3, 1>} : tensor<1x8x4x4xf32> -> tensor<1x4x4x8xf32>
  %1 = qnn.transpose %p {permutation = array<i64: 1, 0>} : tensor<2x3x!pc> -> tensor<3x2x!pc0>
  return
}

// CHECK-LABEL: func.func @concat
// CHECK: qnn.concat %{{.*}}, %{{.*}} {axis = 1 : i64} : (tensor<1x8x4x4xf32>, tensor<1x4x4x4xf32>) -> tensor<1x12x4x4xf32>
// CHECK: qnn.concat %{{.*}}, %{{.*}} {axis = 0 : i64} : (tensor<2x!quant.uniform<i8:f32, 5.000000e-01:-3>>, tensor<3x!quant.uniform<i8:f32, 1.000000e+00>>) -> tensor<5x!quant.uniform<i8:f32, 5.000000e-01:-3>>
// CHECK: qnn.concat %{{.*}}, %{{.*}} {axis = 0 : i64} : (tensor<1x2x!quant.uniform<i8:f32:0, {5.000000e-01}>>, tensor<2x2x!quant.uniform<i8:f32:0, {2.500000e-01,1.250000e-01}>>) -> tensor<3x2x!quant.uniform<i8:f32:0, {{.*}}>>
func.func @concat(%a: tensor<1x8x4x4xf32>, %b: tensor<1x4x4x4xf32>,
                  %c: tensor<2x!a8>, %d: tensor<3x!quant.uniform<i8:f32, 1.0>>,
                  %e: tensor<1x2x!quant.uniform<i8:f32:0, {0.5}>>,
                  %g: tensor<2x2x!quant.uniform<i8:f32:0, {0.25, 0.125}>>) {
  %0 = qnn.concat %a, %b {axis = 1 : i64} : (tensor<1x8x4x4xf32>, tensor<1x4x4x4xf32>) -> tensor<1x12x4x4xf32>
  %1 = qnn.concat %c, %d {axis = 0 : i64} : (tensor<2x!a8>, tensor<3x!quant.uniform<i8:f32, 1.0>>) -> tensor<5x!a8>
  %2 = qnn.concat %e, %g {axis = 0 : i64} : (tensor<1x2x!quant.uniform<i8:f32:0, {0.5}>>, tensor<2x2x!quant.uniform<i8:f32:0, {0.25, 0.125}>>) -> tensor<3x2x!pc0>
  return
}

// CHECK-LABEL: func.func @pad
// CHECK: qnn.pad %{{.*}} {pads = array<i64: 0, 0, 1, 1, 0, 0, 1, 1>} : tensor<1x8x4x4xf32> -> tensor<1x8x6x6xf32>
// CHECK: qnn.pad %{{.*}} {pads = array<i64: 1, 2>, value = 1.500000e+00 : f64} : tensor<4x!quant.uniform<i8:f32, 5.000000e-01:-3>> -> tensor<7x!quant.uniform<i8:f32, 5.000000e-01:-3>>
// CHECK: qnn.pad %{{.*}} {pads = array<i64: 1, 1>, value = -1.000000e+00 : f64} : tensor<4x!qnn.binary<f32>> -> tensor<6x!qnn.binary<f32>>
func.func @pad(%f: tensor<1x8x4x4xf32>, %q: tensor<4x!a8>, %b: tensor<4x!qnn.binary<f32>>) {
  %0 = qnn.pad %f {pads = array<i64: 0, 0, 1, 1, 0, 0, 1, 1>} : tensor<1x8x4x4xf32> -> tensor<1x8x6x6xf32>
  %1 = qnn.pad %q {pads = array<i64: 1, 2>, value = 1.5 : f64} : tensor<4x!a8> -> tensor<7x!a8>
  %2 = qnn.pad %b {pads = array<i64: 1, 1>, value = -1.0 : f64} : tensor<4x!qnn.binary<f32>> -> tensor<6x!qnn.binary<f32>>
  return
}

// Edge and reflect modes (reflect pads up to size - 1).
// CHECK-LABEL: func.func @pad_modes
// CHECK: qnn.pad %{{.*}} mode edge {pads = array<i64: 0, 2, 0, 3>} : tensor<2x1xi32> -> tensor<2x6xi32>
// CHECK: qnn.pad %{{.*}} mode reflect {pads = array<i64: 1, 0, 1, 0>} : tensor<2x1xi32> -> tensor<4x1xi32>
// CHECK: qnn.pad %{{.*}} {pads = array<i64: 1, 0, 1, 0>} : tensor<2x1xi32> -> tensor<4x1xi32>
func.func @pad_modes(%x: tensor<2x1xi32>) {
  %0 = qnn.pad %x mode edge {pads = array<i64: 0, 2, 0, 3>} : tensor<2x1xi32> -> tensor<2x6xi32>
  %1 = qnn.pad %x mode reflect {pads = array<i64: 1, 0, 1, 0>} : tensor<2x1xi32> -> tensor<4x1xi32>
  %2 = qnn.pad %x mode constant {pads = array<i64: 1, 0, 1, 0>} : tensor<2x1xi32> -> tensor<4x1xi32>
  return
}

// CHECK-LABEL: func.func @elementwise
// CHECK: qnn.add %{{.*}}, %{{.*}} : (tensor<1x8x4x4xf32>, tensor<8x1x1xf32>) -> tensor<1x8x4x4xf32>
// CHECK: qnn.mul %{{.*}}, %{{.*}} : (tensor<4x!quant.uniform<i8:f32, 5.000000e-01:-3>>, tensor<1x!quant.uniform<u8:f32, 2.500000e-01:128>>) -> tensor<4x!quant.uniform<u8:f32, 2.500000e-01:128>>
// CHECK: qnn.clamp %{{.*}} {max = 6.000000e+00 : f32, min = 0.000000e+00 : f32} : tensor<4x!quant.uniform<i8:f32, 5.000000e-01:-3>>
// CHECK: qnn.sign %{{.*}} : tensor<1x8x4x4xf32>
// CHECK: qnn.binarize %{{.*}} {threshold = 5.000000e-01 : f32} : tensor<4x!quant.uniform<i8:f32, 5.000000e-01:-3>> -> tensor<4x!qnn.binary<f32>>
// CHECK: qnn.binarize %{{.*}} {axis = 1 : i64, thresholds = array<f64: 5.000000e-01, 0xFFF0000000000000, 0x7FF0000000000000, -1.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00>} : tensor<1x8x4x4xf32> -> tensor<1x8x4x4x!qnn.binary<f32>>
// CHECK: qnn.binarize %{{.*}} {axis = 1 : i64, thresholds = array<f64: 3.000000e+00, -7.000000e+00>} : tensor<1x2xi32> -> tensor<1x2xi8>
// CHECK: qnn.binarize %{{.*}} : tensor<1x8x4x4xf32> -> tensor<1x8x4x4xi8>
func.func @elementwise(%a: tensor<1x8x4x4xf32>, %b: tensor<8x1x1xf32>,
                       %q: tensor<4x!a8>, %u: tensor<1x!u8>, %acc: tensor<1x2xi32>) {
  %0 = qnn.add %a, %b : (tensor<1x8x4x4xf32>, tensor<8x1x1xf32>) -> tensor<1x8x4x4xf32>
  %1 = qnn.mul %q, %u : (tensor<4x!a8>, tensor<1x!u8>) -> tensor<4x!u8>
  %2 = qnn.clamp %q {min = 0.0 : f32, max = 6.0 : f32} : tensor<4x!a8>
  %3 = qnn.sign %a : tensor<1x8x4x4xf32>
  %4 = qnn.binarize %q {threshold = 0.5 : f32} : tensor<4x!a8> -> tensor<4x!qnn.binary<f32>>
  %5 = qnn.binarize %a {axis = 1 : i64, thresholds = array<f64: 0.5, 0xFFF0000000000000, 0x7FF0000000000000, -1.0, 0.0, 0.0, 0.0, 0.0>} : tensor<1x8x4x4xf32> -> tensor<1x8x4x4x!qnn.binary<f32>>
  %6 = qnn.binarize %acc {axis = 1 : i64, thresholds = array<f64: 3.0, -7.0>} : tensor<1x2xi32> -> tensor<1x2xi8>
  %7 = qnn.binarize %a : tensor<1x8x4x4xf32> -> tensor<1x8x4x4xi8>
  return
}
