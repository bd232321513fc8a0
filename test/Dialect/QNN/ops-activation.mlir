// RUN: quant-opt %s | quant-opt | FileCheck %s
// RUN: quant-opt %s -emit-bytecode | quant-opt | FileCheck %s
// RUN: quant-opt %s -mlir-print-op-generic | quant-opt | FileCheck %s

// Round trip of the ops in QNNActivationOps.td (sub, div, leaky_relu,
// sigmoid) with every element-type combination their verifiers accept.

// CHECK-LABEL: func.func @sub_div_float
// CHECK-SAME: (%[[A:.*]]: tensor<1x8x4x4xf32>, %[[B:.*]]: tensor<8x1x1xf32>)
// CHECK: qnn.sub %[[A]], %[[B]] : (tensor<1x8x4x4xf32>, tensor<8x1x1xf32>) -> tensor<1x8x4x4xf32>
// CHECK: qnn.sub %[[B]], %[[A]] : (tensor<8x1x1xf32>, tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
// CHECK: qnn.div %[[A]], %[[B]] : (tensor<1x8x4x4xf32>, tensor<8x1x1xf32>) -> tensor<1x8x4x4xf32>
func.func @sub_div_float(%a: tensor<1x8x4x4xf32>, %b: tensor<8x1x1xf32>)
    -> (tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>) {
  %0 = qnn.sub %a, %b : (tensor<1x8x4x4xf32>, tensor<8x1x1xf32>) -> tensor<1x8x4x4xf32>
  %1 = qnn.sub %b, %a : (tensor<8x1x1xf32>, tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  %2 = qnn.div %a, %b : (tensor<1x8x4x4xf32>, tensor<8x1x1xf32>) -> tensor<1x8x4x4xf32>
  return %0, %1, %2 : tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>
}

// Broadcasting both ways, a rank-0 operand and dynamic sizes.
// CHECK-LABEL: func.func @sub_broadcast
// CHECK: qnn.sub %{{.*}}, %{{.*}} : (tensor<4x1xf16>, tensor<1x3xf16>) -> tensor<4x3xf16>
// CHECK: qnn.div %{{.*}}, %{{.*}} : (tensor<?x3xf16>, tensor<f16>) -> tensor<?x3xf16>
func.func @sub_broadcast(%a: tensor<4x1xf16>, %b: tensor<1x3xf16>, %d: tensor<?x3xf16>, %s: tensor<f16>)
    -> (tensor<4x3xf16>, tensor<?x3xf16>) {
  %0 = qnn.sub %a, %b : (tensor<4x1xf16>, tensor<1x3xf16>) -> tensor<4x3xf16>
  %1 = qnn.div %d, %s : (tensor<?x3xf16>, tensor<f16>) -> tensor<?x3xf16>
  return %0, %1 : tensor<4x3xf16>, tensor<?x3xf16>
}

// Affine operands, each with its own parameters.
// CHECK-LABEL: func.func @sub_div_affine
// CHECK: qnn.sub %{{.*}}, %{{.*}} : (tensor<2x4x!quant.uniform<i8:f32, 1.000000e-01>>, tensor<4x!quant.uniform<u8:f32, 2.000000e-01:128>>) -> tensor<2x4x!quant.uniform<i8:f32, 3.000000e-01:-2>>
// CHECK: qnn.div %{{.*}}, %{{.*}} : (tensor<2x4x!quant.uniform<i8:f32, 1.000000e-01>>, tensor<4x!quant.uniform<u8:f32, 2.000000e-01:128>>) -> tensor<2x4x!quant.uniform<i8:f32, 5.000000e-01>>
func.func @sub_div_affine(%a: tensor<2x4x!quant.uniform<i8:f32, 0.1>>, %b: tensor<4x!quant.uniform<u8:f32, 0.2:128>>)
    -> (tensor<2x4x!quant.uniform<i8:f32, 0.3:-2>>, tensor<2x4x!quant.uniform<i8:f32, 0.5>>) {
  %0 = qnn.sub %a, %b : (tensor<2x4x!quant.uniform<i8:f32, 0.1>>, tensor<4x!quant.uniform<u8:f32, 0.2:128>>) -> tensor<2x4x!quant.uniform<i8:f32, 0.3:-2>>
  %1 = qnn.div %a, %b : (tensor<2x4x!quant.uniform<i8:f32, 0.1>>, tensor<4x!quant.uniform<u8:f32, 0.2:128>>) -> tensor<2x4x!quant.uniform<i8:f32, 0.5>>
  return %0, %1 : tensor<2x4x!quant.uniform<i8:f32, 0.3:-2>>, tensor<2x4x!quant.uniform<i8:f32, 0.5>>
}

// The default alpha (0.01) is omitted when printed.
// CHECK-LABEL: func.func @leaky_relu
// CHECK: qnn.leaky_relu %{{.*}} : tensor<1x8xf32> -> tensor<1x8xf32>
// CHECK: qnn.leaky_relu %{{.*}} {alpha = 1.000000e-01 : f32} : tensor<1x8xf32> -> tensor<1x8xf32>
// CHECK: qnn.leaky_relu %{{.*}} {alpha = 2.000000e-01 : f32} : tensor<?x8x!quant.uniform<i8:f32, 1.000000e-01:3>> -> tensor<?x8x!quant.uniform<i8:f32, 5.000000e-02:-20>>
func.func @leaky_relu(%x: tensor<1x8xf32>, %q: tensor<?x8x!quant.uniform<i8:f32, 0.1:3>>)
    -> (tensor<1x8xf32>, tensor<1x8xf32>, tensor<?x8x!quant.uniform<i8:f32, 0.05:-20>>) {
  %0 = qnn.leaky_relu %x : tensor<1x8xf32> -> tensor<1x8xf32>
  %1 = qnn.leaky_relu %x {alpha = 0.1 : f32} : tensor<1x8xf32> -> tensor<1x8xf32>
  %2 = qnn.leaky_relu %q {alpha = 0.2 : f32} : tensor<?x8x!quant.uniform<i8:f32, 0.1:3>> -> tensor<?x8x!quant.uniform<i8:f32, 0.05:-20>>
  return %0, %1, %2 : tensor<1x8xf32>, tensor<1x8xf32>, tensor<?x8x!quant.uniform<i8:f32, 0.05:-20>>
}

// Sigmoid: the affine result may change storage (i8 in, u8 out).
// CHECK-LABEL: func.func @sigmoid
// CHECK: qnn.sigmoid %{{.*}} : tensor<2x3xbf16> -> tensor<2x3xbf16>
// CHECK: qnn.sigmoid %{{.*}} : tensor<4x!quant.uniform<i8:f32, 1.000000e-01>> -> tensor<4x!quant.uniform<u8:f32, 3.906250e-03>>
func.func @sigmoid(%x: tensor<2x3xbf16>, %q: tensor<4x!quant.uniform<i8:f32, 0.1>>)
    -> (tensor<2x3xbf16>, tensor<4x!quant.uniform<u8:f32, 0.00390625>>) {
  %0 = qnn.sigmoid %x : tensor<2x3xbf16> -> tensor<2x3xbf16>
  %1 = qnn.sigmoid %q : tensor<4x!quant.uniform<i8:f32, 0.1>> -> tensor<4x!quant.uniform<u8:f32, 0.00390625>>
  return %0, %1 : tensor<2x3xbf16>, tensor<4x!quant.uniform<u8:f32, 0.00390625>>
}
