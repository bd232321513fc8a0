// RUN: quant-translate --import-onnx %S/Inputs/pool-pad.onnx | FileCheck %s
// RUN: quant-translate --import-onnx %S/Inputs/pool-pad.onnx | quant-opt | FileCheck %s

// scripts/make-onnx-test-models.py, pool_pad: 1-D pooling as 2-D with a
// unit height; 3-D pooling as a (H, W) pool on [N, C*D, H, W], then a
// kD x 1 pool over D on [N, C, D, OH*OW] (ceil mode and padding per
// dimension); MaxPool's Indices output (storage_order 1) as
// qnn.max_pool2d_indices; edge and reflect Pad; BatchNormalization in
// training mode from the batch mean and biased variance (global_avg_pool
// over [1, C, N*H*W, 1]) with the running statistics
// input * momentum + batch * (1 - momentum).

// CHECK-LABEL: func.func @main
// CHECK-SAME: (%[[X1:.*]]: tensor<1x2x9xf32> {onnx.name = "x1"}, %[[X3:.*]]: tensor<1x2x5x4x6xf32> {onnx.name = "x3"}, %[[X:.*]]: tensor<2x3x4x5xf32> {onnx.name = "x"})
// CHECK: %[[R1:.*]] = qnn.reshape %[[X1]] : tensor<1x2x9xf32> -> tensor<1x2x1x9xf32>
// CHECK: %[[P1:.*]] = qnn.max_pool2d %[[R1]] {kernel = array<i64: 1, 3>, padding = array<i64: 0, 1, 0, 1>, strides = array<i64: 1, 2>} : tensor<1x2x1x9xf32> -> tensor<1x2x1x5xf32>
// CHECK: %[[M1:.*]] = qnn.reshape %[[P1]] : tensor<1x2x1x5xf32> -> tensor<1x2x5xf32>
// CHECK: %[[PLANES:.*]] = qnn.reshape %[[X3]] : tensor<1x2x5x4x6xf32> -> tensor<1x10x4x6xf32>
// CHECK: %[[HW:.*]] = qnn.avg_pool2d %[[PLANES]] {ceil_mode, kernel = array<i64: 3, 2>, padding = array<i64: 0, 1, 1, 0>, strides = array<i64: 1, 2>} : tensor<1x10x4x6xf32> -> tensor<1x10x3x4xf32>
// CHECK: %[[DEPTH:.*]] = qnn.reshape %[[HW]] : tensor<1x10x3x4xf32> -> tensor<1x2x5x12xf32>
// CHECK: %[[D:.*]] = qnn.avg_pool2d %[[DEPTH]] {ceil_mode, kernel = array<i64: 2, 1>, padding = array<i64: 1, 0, 0, 0>, strides = array<i64: 2, 1>} : tensor<1x2x5x12xf32> -> tensor<1x2x3x12xf32>
// CHECK: %[[A3:.*]] = qnn.reshape %[[D]] : tensor<1x2x3x12xf32> -> tensor<1x2x3x3x4xf32>
// CHECK: %[[IDX:.*]] = qnn.max_pool2d_indices %[[X]] {column_major, kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : tensor<2x3x4x5xf32> -> tensor<2x3x2x2xi64>
// CHECK: %[[MP:.*]] = qnn.max_pool2d %[[X]] {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : tensor<2x3x4x5xf32> -> tensor<2x3x2x2xf32>
// CHECK: %[[EDGE:.*]] = qnn.pad %[[X]] mode edge {pads = array<i64: 0, 0, 1, 2, 0, 0, 2, 1>} : tensor<2x3x4x5xf32> -> tensor<2x3x7x8xf32>
// CHECK: %[[REFLECT:.*]] = qnn.pad %[[X]] mode reflect {pads = array<i64: 0, 0, 1, 2, 0, 0, 2, 1>} : tensor<2x3x4x5xf32> -> tensor<2x3x7x8xf32>
// CHECK: %[[S:.*]] = qnn.constant {{.*}} : tensor<3xf32> -> tensor<3xf32>
// CHECK: %[[BIAS:.*]] = qnn.constant {{.*}} : tensor<3xf32> -> tensor<3xf32>
// CHECK: %[[MEAN:.*]] = qnn.constant {{.*}} : tensor<3xf32> -> tensor<3xf32>
// CHECK: %[[VAR:.*]] = qnn.constant {{.*}} : tensor<3xf32> -> tensor<3xf32>
// CHECK: %[[T:.*]] = qnn.transpose %[[X]] {permutation = array<i64: 1, 0, 2, 3>} : tensor<2x3x4x5xf32> -> tensor<3x2x4x5xf32>
// CHECK: %[[TR:.*]] = qnn.reshape %[[T]] : tensor<3x2x4x5xf32> -> tensor<1x3x40x1xf32>
// CHECK: %[[BM4:.*]] = qnn.global_avg_pool %[[TR]] : tensor<1x3x40x1xf32> -> tensor<1x3x1x1xf32>
// CHECK: %[[BMEAN:.*]] = qnn.reshape %[[BM4]] : tensor<1x3x1x1xf32> -> tensor<3xf32>
// CHECK: %[[BMB:.*]] = qnn.reshape %[[BMEAN]] : tensor<3xf32> -> tensor<3x1x1xf32>
// CHECK: %[[CENTERED:.*]] = qnn.sub %[[X]], %[[BMB]] : (tensor<2x3x4x5xf32>, tensor<3x1x1xf32>) -> tensor<2x3x4x5xf32>
// CHECK: %[[SQ:.*]] = qnn.mul %[[CENTERED]], %[[CENTERED]]
// CHECK: qnn.global_avg_pool
// CHECK: %[[BVAR:.*]] = qnn.reshape %{{.*}} : tensor<1x3x1x1xf32> -> tensor<3xf32>
// CHECK: %[[BN:.*]] = qnn.batch_norm %[[X]], %[[S]], %[[BIAS]], %[[BMEAN]], %[[BVAR]]
// CHECK: %[[KEEP:.*]] = qnn.constant dense<8.000000e-01> : tensor<1xf32> -> tensor<1xf32>
// CHECK: %[[TAKE:.*]] = qnn.constant dense<0.199999988> : tensor<1xf32> -> tensor<1xf32>
// CHECK: %[[OLDM:.*]] = qnn.mul %[[MEAN]], %[[KEEP]]
// CHECK: %[[NEWM:.*]] = qnn.mul %[[BMEAN]], %[[TAKE]]
// CHECK: %[[RMEAN:.*]] = qnn.add %[[OLDM]], %[[NEWM]] : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
// CHECK: %[[OLDV:.*]] = qnn.mul %[[VAR]], %[[KEEP]]
// CHECK: %[[NEWV:.*]] = qnn.mul %[[BVAR]], %[[TAKE]]
// CHECK: %[[RVAR:.*]] = qnn.add %[[OLDV]], %[[NEWV]]
// CHECK: return %[[M1]], %[[A3]], %[[MP]], %[[IDX]], %[[EDGE]], %[[REFLECT]], %[[BN]], %[[RMEAN]], %[[RVAR]]
