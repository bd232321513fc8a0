// Batch norm + binarize folded into integer thresholds on XNOR accumulators
// (qnn-fold-requant's threshold pattern), at the boundaries: ties where
// the accumulator lands exactly on the threshold (k > 0 and k < 0: the
// batch norm gives exactly beta = t = 0, which binarizes to +1), gamma = 0
// with beta == t (+1 everywhere), beta < t and beta > t, and a threshold
// just beyond an accumulator value. The compiled code of the folded graph
// is compared with qnn-ref on the graph *before* the passes, so a wrong
// fold cannot hide in its own reference.
// RUN: quant-opt %s --qnn-propagate-scales --qnn-fold-requant --qnn-lower-to-integer -canonicalize -cse -o %t.int.mlir
// RUN: FileCheck %s < %t.int.mlir
// RUN: env REF_MODEL=%s %e2e-check %t.int.mlir %t
// RUN: env REF_MODEL=%s %e2e-check %t.int.mlir %t --mcpu=x86-64
// RUN: %e2e-check %s %t

// CHECK-LABEL: func.func @thresholds(
// CHECK: %[[ACC:.*]] = qnn.matmul %{{.*}}, %{{.*}} {qnn.xnor} : (tensor<16x16xi8>, tensor<16x8xi8>) -> tensor<16x8xi32>
// CHECK: qnn.binarize %[[ACC]] {axis = 1 : i64, thresholds = array<f64: 2.000000e+00, -2.000000e+00, 0xFFF0000000000000, 0x7FF0000000000000, 0xFFF0000000000000, 0.000000e+00, 5.000000e+00, 0.000000e+00>}
// CHECK-NOT: qnn.batch_norm
func.func @thresholds(%x: tensor<16x16xf32>) -> tensor<16x8xf32> {
  %xb = qnn.binarize %x : tensor<16x16xf32> -> tensor<16x16x!qnn.binary<f32>>
  %xd = qnn.dequantize %xb : tensor<16x16x!qnn.binary<f32>> -> tensor<16x16xf32>
  %w = arith.constant dense<[[-1.1, -0.7, 1.1, -1.1, -0.7, 1.1, -0.3, 1.1], [0.7, -0.3, -1.1, 1.1, -1.1, -0.3, -0.7, -0.7], [1.1, 1.1, 0.7, 0.3, 0.3, -0.3, 0.3, 1.1], [1.1, 0.7, 1.1, 1.1, 1.1, -0.7, -0.7, -1.1], [1.1, -1.1, -1.1, 0.7, -0.3, 1.1, 0.3, 0.3], [0.3, -0.7, 0.7, -0.3, -0.7, 1.1, 1.1, -0.3], [0.3, -0.3, -0.3, 0.7, 0.3, -0.7, 0.7, -0.7], [0.7, 1.1, -1.1, 0.7, -0.7, 0.7, 1.1, 0.3], [1.1, 0.3, 1.1, -0.3, 0.7, 1.1, 1.1, 1.1], [0.3, -1.1, -0.7, 1.1, 0.7, 0.3, 0.3, 0.7], [0.7, 0.3, -1.1, -0.7, -1.1, 0.3, 0.3, 1.1], [-0.3, 0.7, -0.7, -0.3, 1.1, -1.1, 0.7, -0.3], [-1.1, -0.7, -0.7, 1.1, -1.1, 1.1, -0.7, 1.1], [0.7, 1.1, 0.7, 1.1, 0.3, 0.3, -0.3, 1.1], [1.1, -0.3, 1.1, 1.1, 0.3, -1.1, 0.3, -0.3], [-1.1, -0.7, -0.3, 1.1, -0.3, 0.3, -1.1, 0.3]]> : tensor<16x8xf32>
  %wb = qnn.binarize %w : tensor<16x8xf32> -> tensor<16x8x!qnn.binary<f32:1, {0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5}>>
  %wd = qnn.dequantize %wb : tensor<16x8x!qnn.binary<f32:1, {0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5}>> -> tensor<16x8xf32>
  %y = qnn.matmul %xd, %wd : (tensor<16x16xf32>, tensor<16x8xf32>) -> tensor<16x8xf32>
  %gamma = arith.constant dense<[1.0, -1.0, 0.0, 0.0, 0.0, 2.0, -0.5, 1.0]> : tensor<8xf32>
  %beta = arith.constant dense<[0.0, 0.0, 0.0, -0.5, 0.25, 0.5, -1.0, 0.0]> : tensor<8xf32>
  %mean = arith.constant dense<[1.0, 1.0, 0.0, 0.0, 0.0, 0.0, -1.0, 0.0]> : tensor<8xf32>
  %var = arith.constant dense<[1.0, 1.0, 1.0, 1.0, 1.0, 3.0, 0.25, 1.0]> : tensor<8xf32>
  %bn = qnn.batch_norm %y, %gamma, %beta, %mean, %var : (tensor<16x8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<16x8xf32>
  %ob = qnn.binarize %bn : tensor<16x8xf32> -> tensor<16x8x!qnn.binary<f32>>
  %od = qnn.dequantize %ob : tensor<16x8x!qnn.binary<f32>> -> tensor<16x8xf32>
  return %od : tensor<16x8xf32>
}
