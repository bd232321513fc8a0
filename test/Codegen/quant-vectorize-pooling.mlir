// -quant-vectorize-pooling: static linalg.pooling_nchw_max / _sum become
// loops over (n, c, output row) computing V outputs of a row at a time:
// the accumulator vector read from the init, one load per window tap
// (unrolled; a stride-s row keeps every s-th lane with one shuffle), the
// combine (maxsi / maximumf / addi / addf, the input sign- or
// float-extended for sums), one store. Blocks that may cross the end of a
// row lose their in_bounds flags. Shapes the pass does not cover are left
// to the loop lowering.
// RUN: quant-opt %s -split-input-file -quant-vectorize-pooling | FileCheck %s
// RUN: quant-opt %s -split-input-file -quant-vectorize-pooling="vector-bits=128" | FileCheck %s --check-prefix=V128

// i8 max, 2x2 stride 2, 4 output columns: V = 4 (the row, rounded up to a
// power of two). Each tap loads 8 input bytes (V * stride) and keeps
// lanes 0, 2, 4, 6. The last tap's load reaches past the 8-column row, so
// the block is not in bounds.
// CHECK-LABEL: func.func @max_i8_stride2(
// CHECK-SAME: %[[X:.*]]: tensor<1x2x8x8xi8>, %[[INIT:.*]]: tensor<1x2x4x4xi8>
// CHECK: scf.for %[[N:.*]] = {{.*}} iter_args(%{{.*}} = %[[INIT]])
// CHECK: scf.for %[[C:.*]] = %{{.*}} to %c2 step
// CHECK: scf.for %[[OY:.*]] = %{{.*}} to %c4 step {{.*}} iter_args(%[[OUT:.*]] = %{{.*}})
// CHECK: %[[ACC:.*]] = vector.transfer_read %[[OUT]][%[[N]], %[[C]], %[[OY]], %{{.*}}], %{{.*}} : tensor<1x2x4x4xi8>, vector<4xi8>
// CHECK: %[[R0:.*]] = vector.transfer_read %[[X]][%[[N]], %[[C]], %{{.*}}, %{{.*}}], %{{.*}} : tensor<1x2x8x8xi8>, vector<8xi8>
// CHECK: %[[P0:.*]] = vector.shuffle %[[R0]], %[[R0]] [0, 2, 4, 6] : vector<8xi8>, vector<8xi8>
// CHECK: %[[M0:.*]] = arith.maxsi %[[ACC]], %[[P0]] : vector<4xi8>
// CHECK: vector.shuffle
// CHECK: %[[M1:.*]] = arith.maxsi %[[M0]], %{{.*}} : vector<4xi8>
// CHECK: vector.shuffle
// CHECK: %[[M2:.*]] = arith.maxsi %[[M1]], %{{.*}} : vector<4xi8>
// CHECK: vector.shuffle
// CHECK: %[[M3:.*]] = arith.maxsi %[[M2]], %{{.*}} : vector<4xi8>
// CHECK-NOT: arith.maxsi
// CHECK: vector.transfer_write %[[M3]], %[[OUT]][%[[N]], %[[C]], %[[OY]], %{{.*}}] : vector<4xi8>, tensor<1x2x4x4xi8>
// CHECK-NOT: linalg.pooling_nchw_max
// CHECK: return
func.func @max_i8_stride2(%x: tensor<1x2x8x8xi8>, %init: tensor<1x2x4x4xi8>) -> tensor<1x2x4x4xi8> {
  %win = tensor.empty() : tensor<2x2xi8>
  %y = linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%x, %win : tensor<1x2x8x8xi8>, tensor<2x2xi8>) outs(%init : tensor<1x2x4x4xi8>) -> tensor<1x2x4x4xi8>
  return %y : tensor<1x2x4x4xi8>
}

// -----

// f32 max, 3x3 stride 1, 18 output columns, 256-bit vectors (V = 8): two
// in-bounds blocks (a loop over columns 0 and 8), then the block at column
// 16 without in_bounds; 9 taps each, no shuffle (stride 1).
// CHECK-LABEL: func.func @max_f32_stride1(
// CHECK: scf.for %[[OX:.*]] = %{{.*}} to %c16 step %c8 iter_args(%[[OUT:.*]] = %{{.*}})
// CHECK: vector.transfer_read %[[OUT]][%{{.*}}, %{{.*}}, %{{.*}}, %[[OX]]], %{{.*}} {in_bounds = [true]} : tensor<1x1x4x18xf32>, vector<8xf32>
// CHECK-COUNT-9: arith.maximumf %{{.*}}, %{{.*}} : vector<8xf32>
// CHECK: vector.transfer_write %{{.*}}, %[[OUT]][%{{.*}}, %{{.*}}, %{{.*}}, %[[OX]]] {in_bounds = [true]} : vector<8xf32>, tensor<1x1x4x18xf32>
// CHECK: %[[TAIL:.*]] = vector.transfer_read %{{.*}}[%{{.*}}, %{{.*}}, %{{.*}}, %c16{{.*}}], %{{.*}} : tensor<1x1x4x18xf32>, vector<8xf32>
// CHECK: vector.transfer_read {{.*}} : tensor<1x1x6x20xf32>, vector<8xf32>
// CHECK-COUNT-9: arith.maximumf
// CHECK: vector.transfer_write %{{.*}}, %{{.*}}[%{{.*}}, %{{.*}}, %{{.*}}, %c16{{.*}}] : vector<8xf32>, tensor<1x1x4x18xf32>
// CHECK-NOT: vector.shuffle
// CHECK-NOT: linalg.pooling_nchw_max
// CHECK: return
// 128-bit vectors: V = 4, four in-bounds blocks then the tail at 16.
// V128-LABEL: func.func @max_f32_stride1(
// V128: scf.for %{{.*}} = %{{.*}} to %c16 step %c4
// V128: arith.maximumf %{{.*}}, %{{.*}} : vector<4xf32>
// V128: vector.transfer_write %{{.*}}, %{{.*}}[%{{.*}}, %{{.*}}, %{{.*}}, %c16{{.*}}] : vector<4xf32>, tensor<1x1x4x18xf32>
func.func @max_f32_stride1(%x: tensor<1x1x6x20xf32>, %init: tensor<1x1x4x18xf32>) -> tensor<1x1x4x18xf32> {
  %win = tensor.empty() : tensor<3x3xf32>
  %y = linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %win : tensor<1x1x6x20xf32>, tensor<3x3xf32>) outs(%init : tensor<1x1x4x18xf32>) -> tensor<1x1x4x18xf32>
  return %y : tensor<1x1x4x18xf32>
}

// -----

// i8 sum into i32 (V counts i32 lanes: 8): each tap sign-extended, then
// added; the single block is in bounds.
// CHECK-LABEL: func.func @sum_i8_to_i32(
// CHECK: %[[ACC:.*]] = vector.transfer_read {{.*}} {in_bounds = [true]} : tensor<1x1x3x8xi32>, vector<8xi32>
// CHECK: %[[R:.*]] = vector.transfer_read {{.*}} {in_bounds = [true]} : tensor<1x1x4x9xi8>, vector<8xi8>
// CHECK: %[[E:.*]] = arith.extsi %[[R]] : vector<8xi8> to vector<8xi32>
// CHECK: arith.addi %[[ACC]], %[[E]] : vector<8xi32>
// CHECK-COUNT-3: arith.extsi
// CHECK: vector.transfer_write {{.*}} : vector<8xi32>, tensor<1x1x3x8xi32>
// CHECK-NOT: linalg.pooling_nchw_sum
// CHECK: return
func.func @sum_i8_to_i32(%x: tensor<1x1x4x9xi8>, %init: tensor<1x1x3x8xi32>) -> tensor<1x1x3x8xi32> {
  %win = tensor.empty() : tensor<2x2xi8>
  %y = linalg.pooling_nchw_sum {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %win : tensor<1x1x4x9xi8>, tensor<2x2xi8>) outs(%init : tensor<1x1x3x8xi32>) -> tensor<1x1x3x8xi32>
  return %y : tensor<1x1x3x8xi32>
}

// -----

// f32 sum with stride 3 and dilation 2 (2x2 window): taps at columns
// 3 ox + {0, 2}, rows 3 oy + {0, 2}; each load spans V * 3 = 12 floats
// (V = 4 for 4 outputs) and keeps lanes 0, 3, 6, 9.
// CHECK-LABEL: func.func @sum_f32_strided_dilated(
// CHECK: %[[R:.*]] = vector.transfer_read {{.*}} : tensor<1x1x8x13xf32>, vector<12xf32>
// CHECK: %[[P:.*]] = vector.shuffle %[[R]], %[[R]] [0, 3, 6, 9] : vector<12xf32>, vector<12xf32>
// CHECK: arith.addf %{{.*}}, %[[P]] : vector<4xf32>
// CHECK-COUNT-3: arith.addf {{.*}} : vector<4xf32>
// CHECK-NOT: linalg.pooling_nchw_sum
// CHECK: return
func.func @sum_f32_strided_dilated(%x: tensor<1x1x8x13xf32>, %init: tensor<1x1x2x4xf32>) -> tensor<1x1x2x4xf32> {
  %win = tensor.empty() : tensor<2x2xf32>
  %y = linalg.pooling_nchw_sum {dilations = dense<2> : tensor<2xi64>, strides = dense<3> : tensor<2xi64>} ins(%x, %win : tensor<1x1x8x13xf32>, tensor<2x2xf32>) outs(%init : tensor<1x1x2x4xf32>) -> tensor<1x1x2x4xf32>
  return %y : tensor<1x1x2x4xf32>
}

// -----

// Left alone: a max pooling whose accumulator type differs from the input
// (only sums extend), a one-column output (a global pooling), a window of
// more than 64 taps, a dynamic shape, and NHWC pooling.
// CHECK-LABEL: func.func @left_alone(
// CHECK-NOT: scf.for
// CHECK: linalg.pooling_nchw_max {{.*}} outs(%{{.*}} : tensor<1x1x3x8xi32>)
// CHECK: linalg.pooling_nchw_max {{.*}} outs(%{{.*}} : tensor<1x4x1x1xf32>)
// CHECK: linalg.pooling_nchw_sum {{.*}} outs(%{{.*}} : tensor<1x1x2x2xf32>)
// CHECK: linalg.pooling_nchw_max {{.*}} outs(%{{.*}} : tensor<?x1x3x8xf32>)
// CHECK: linalg.pooling_nhwc_max
// CHECK-NOT: scf.for
// CHECK: return
func.func @left_alone(%a: tensor<1x1x4x9xi8>, %ai: tensor<1x1x3x8xi32>,
                      %g: tensor<1x4x7x7xf32>, %gi: tensor<1x4x1x1xf32>,
                      %b: tensor<1x1x10x10xf32>, %bi: tensor<1x1x2x2xf32>,
                      %d: tensor<?x1x4x9xf32>, %di: tensor<?x1x3x8xf32>,
                      %h: tensor<1x4x9x2xf32>, %hi: tensor<1x3x8x2xf32>)
    -> (tensor<1x1x3x8xi32>, tensor<1x4x1x1xf32>, tensor<1x1x2x2xf32>, tensor<?x1x3x8xf32>, tensor<1x3x8x2xf32>) {
  %w2 = tensor.empty() : tensor<2x2xf32>
  %w2i = tensor.empty() : tensor<2x2xi8>
  %w7 = tensor.empty() : tensor<7x7xf32>
  %w9 = tensor.empty() : tensor<9x9xf32>
  %0 = linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%a, %w2i : tensor<1x1x4x9xi8>, tensor<2x2xi8>) outs(%ai : tensor<1x1x3x8xi32>) -> tensor<1x1x3x8xi32>
  %1 = linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%g, %w7 : tensor<1x4x7x7xf32>, tensor<7x7xf32>) outs(%gi : tensor<1x4x1x1xf32>) -> tensor<1x4x1x1xf32>
  %2 = linalg.pooling_nchw_sum {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%b, %w9 : tensor<1x1x10x10xf32>, tensor<9x9xf32>) outs(%bi : tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
  %3 = linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%d, %w2 : tensor<?x1x4x9xf32>, tensor<2x2xf32>) outs(%di : tensor<?x1x3x8xf32>) -> tensor<?x1x3x8xf32>
  %4 = linalg.pooling_nhwc_max {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%h, %w2 : tensor<1x4x9x2xf32>, tensor<2x2xf32>) outs(%hi : tensor<1x3x8x2xf32>) -> tensor<1x3x8x2xf32>
  return %0, %1, %2, %3, %4 : tensor<1x1x3x8xi32>, tensor<1x4x1x1xf32>, tensor<1x1x2x2xf32>, tensor<?x1x3x8xf32>, tensor<1x3x8x2xf32>
}
