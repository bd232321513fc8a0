// RUN: quant-opt %s | quant-opt | FileCheck %s
// RUN: quant-opt %s -emit-bytecode | quant-opt | FileCheck %s
// RUN: quant-opt %s -mlir-print-op-generic | quant-opt | FileCheck %s

// Round trip of the plain integer ops in QNNIntegerOps.td (int_add,
// int_sub, int_mul, int_div, int_clamp), signed and unsigned, with
// broadcasting.

// CHECK-LABEL: func.func @binary
// CHECK-SAME: (%[[A:.*]]: tensor<3x4xi8>, %[[B:.*]]: tensor<4xi8>)
// CHECK: qnn.int_add %[[A]], %[[B]] {is_unsigned} : (tensor<3x4xi8>, tensor<4xi8>) -> tensor<3x4xi8>
// CHECK: qnn.int_sub %[[B]], %[[A]] : (tensor<4xi8>, tensor<3x4xi8>) -> tensor<3x4xi8>
// CHECK: qnn.int_mul %[[A]], %[[A]] : (tensor<3x4xi8>, tensor<3x4xi8>) -> tensor<3x4xi8>
// CHECK: qnn.int_div %[[A]], %[[B]] {is_unsigned} : (tensor<3x4xi8>, tensor<4xi8>) -> tensor<3x4xi8>
func.func @binary(%a: tensor<3x4xi8>, %b: tensor<4xi8>)
    -> (tensor<3x4xi8>, tensor<3x4xi8>, tensor<3x4xi8>, tensor<3x4xi8>) {
  %0 = qnn.int_add %a, %b {is_unsigned} : (tensor<3x4xi8>, tensor<4xi8>) -> tensor<3x4xi8>
  %1 = qnn.int_sub %b, %a : (tensor<4xi8>, tensor<3x4xi8>) -> tensor<3x4xi8>
  %2 = qnn.int_mul %a, %a : (tensor<3x4xi8>, tensor<3x4xi8>) -> tensor<3x4xi8>
  %3 = qnn.int_div %a, %b {is_unsigned} : (tensor<3x4xi8>, tensor<4xi8>) -> tensor<3x4xi8>
  return %0, %1, %2, %3 : tensor<3x4xi8>, tensor<3x4xi8>, tensor<3x4xi8>, tensor<3x4xi8>
}

// 64-bit values, a rank-0 operand and dynamic sizes.
// CHECK-LABEL: func.func @wide
// CHECK: qnn.int_div %{{.*}}, %{{.*}} : (tensor<?x3xi64>, tensor<i64>) -> tensor<?x3xi64>
func.func @wide(%a: tensor<?x3xi64>, %s: tensor<i64>) -> tensor<?x3xi64> {
  %0 = qnn.int_div %a, %s : (tensor<?x3xi64>, tensor<i64>) -> tensor<?x3xi64>
  return %0 : tensor<?x3xi64>
}

// CHECK-LABEL: func.func @clamp
// CHECK: qnn.int_clamp %{{.*}} {max = 5 : i64, min = -5 : i64} : tensor<3xi8>
// CHECK: qnn.int_clamp %{{.*}} {is_unsigned, max = 255 : i64, min = 10 : i64} : tensor<3xi8>
// CHECK: qnn.int_clamp %{{.*}} {max = 9223372036854775807 : i64, min = -9223372036854775808 : i64} : tensor<2xi64>
func.func @clamp(%a: tensor<3xi8>, %b: tensor<2xi64>) -> (tensor<3xi8>, tensor<3xi8>, tensor<2xi64>) {
  %0 = qnn.int_clamp %a {min = -5 : i64, max = 5 : i64} : tensor<3xi8>
  %1 = qnn.int_clamp %a {min = 10 : i64, max = 255 : i64, is_unsigned} : tensor<3xi8>
  %2 = qnn.int_clamp %b {min = -9223372036854775808 : i64, max = 9223372036854775807 : i64} : tensor<2xi64>
  return %0, %1, %2 : tensor<3xi8>, tensor<3xi8>, tensor<2xi64>
}
