// -quant-tile-and-vectorize on the linalg.contract ops convert-qnn-to-linalg
// writes: the M x N register tile (N two vector registers of accumulators,
// M `m-tile` rows of the operand N does not index), reductions by 1 (4 for
// i8 with `vnni`), peeled remainders (a partial N tile as masked
// transfers), one vector.contract per tile, and the accumulator tile
// hoisted out of the reduction loop into a vector iter_arg. Contractions
// with dynamic shapes and other linalg ops are left alone.
//
// RUN: quant-opt %s -split-input-file -quant-tile-and-vectorize | FileCheck %s
// RUN: quant-opt %s -split-input-file -quant-tile-and-vectorize="vector-bits=512 m-tile=8" | FileCheck %s --check-prefix=WIDE
// RUN: quant-opt %s -split-input-file -quant-tile-and-vectorize="vnni=true" | FileCheck %s --check-prefix=VNNI

#a = affine_map<(m, n, k) -> (m, k)>
#b = affine_map<(m, n, k) -> (k, n)>
#c = affine_map<(m, n, k) -> (m, n)>

// 256-bit vectors, f32: 6 x 16 tiles (two 8-lane registers per row); the
// accumulator is read once before the reduction loop and written once
// after it.
// CHECK-LABEL: func.func @matmul(
// CHECK-SAME: %[[A:.*]]: tensor<12x8xf32>, %[[B:.*]]: tensor<8x32xf32>, %[[ACC:.*]]: tensor<12x32xf32>
// CHECK: scf.for %[[M:.*]] = %{{.*}} to %{{.*}} step %c6 iter_args(%{{.*}} = %[[ACC]]) -> (tensor<12x32xf32>)
// CHECK: scf.for %[[N:.*]] = %{{.*}} to %{{.*}} step %c16 iter_args(%[[T:.*]] = %{{.*}}) -> (tensor<12x32xf32>)
// CHECK: %[[TILE:.*]] = tensor.extract_slice %[[T]][%[[M]], %[[N]]] [6, 16] [1, 1]
// CHECK: %[[INIT:.*]] = vector.transfer_read %[[TILE]]{{.*}} : tensor<6x16xf32>, vector<6x16xf32>
// CHECK: %[[SUM:.*]] = scf.for %[[K:.*]] = %{{.*}} to %{{.*}} step %c1 iter_args(%[[V:.*]] = %[[INIT]]) -> (vector<6x16xf32>)
// CHECK: tensor.extract_slice %[[A]][%[[M]], %[[K]]] [6, 1] [1, 1]
// CHECK: tensor.extract_slice %[[B]][%[[K]], %[[N]]] [1, 16] [1, 1]
// CHECK-NOT: tensor<12x32xf32>
// CHECK: %[[R:.*]] = vector.contract {{.*}}, %[[V]] : vector<6x1xf32>, vector<1x16xf32> into vector<6x16xf32>
// CHECK: scf.yield %[[R]] : vector<6x16xf32>
// CHECK: vector.transfer_write %[[SUM]], %[[TILE]]
// CHECK-NOT: linalg.contract
// CHECK: return
//
// 512-bit vectors, m-tile 8: a 32-wide N tile covers N (no N loop), and M
// = 12 peels into an 8-row tile and a 4-row remainder.
// WIDE-LABEL: func.func @matmul(
// WIDE-NOT: step %c16
// WIDE: vector.contract {{.*}} : vector<8x1xf32>, vector<1x32xf32> into vector<8x32xf32>
// WIDE: vector.contract {{.*}} : vector<4x1xf32>, vector<1x32xf32> into vector<4x32xf32>
// WIDE-NOT: linalg.contract
// WIDE: return
func.func @matmul(%a: tensor<12x8xf32>, %b: tensor<8x32xf32>, %acc: tensor<12x32xf32>) -> tensor<12x32xf32> {
  %0 = linalg.contract indexing_maps = [#a, #b, #c] ins(%a, %b : tensor<12x8xf32>, tensor<8x32xf32>) outs(%acc : tensor<12x32xf32>) -> tensor<12x32xf32>
  return %0 : tensor<12x32xf32>
}

// -----

#a = affine_map<(m, n, k) -> (m, k)>
#b = affine_map<(m, n, k) -> (k, n)>
#c = affine_map<(m, n, k) -> (m, n)>

// 13 x 20: the M loop runs 0..12 and peels row 12; the N remainder (4
// columns) is a whole 8-lane register with masked transfers (constant
// mask [rows, 4]); every tile is static.
// CHECK-LABEL: func.func @peeled(
// CHECK-DAG: %[[MASK1:.*]] = vector.constant_mask [1, 4] : vector<1x8xi1>
// CHECK-DAG: %[[MASK6:.*]] = vector.constant_mask [6, 4] : vector<6x8xi1>
// CHECK: scf.for %{{.*}} = %{{.*}} to %c12 step %c6
// CHECK: vector.contract {{.*}} : vector<6x1xf32>, vector<1x16xf32> into vector<6x16xf32>
// CHECK: tensor.extract_slice {{.*}} [6, 4] [1, 1] : tensor<13x20xf32> to tensor<6x4xf32>
// CHECK: vector.transfer_read {{.*}}, %[[MASK6]] {{.*}} : tensor<6x4xf32>, vector<6x8xf32>
// CHECK: vector.contract {{.*}} : vector<6x1xf32>, vector<1x8xf32> into vector<6x8xf32>
// CHECK: vector.transfer_write {{.*}} : vector<6x8xf32>, tensor<6x4xf32>
// CHECK: tensor.extract_slice %{{.*}}[12, 0] [1, 16] [1, 1] : tensor<13x20xf32> to tensor<1x16xf32>
// CHECK: vector.contract {{.*}} : vector<1x1xf32>, vector<1x16xf32> into vector<1x16xf32>
// CHECK: vector.contract {{.*}} : vector<1x1xf32>, vector<1x8xf32> into vector<1x8xf32>
// CHECK-NOT: vector.mask
// CHECK-NOT: linalg.contract
// CHECK: return
func.func @peeled(%a: tensor<13x5xf32>, %b: tensor<5x20xf32>, %acc: tensor<13x20xf32>) -> tensor<13x20xf32> {
  %0 = linalg.contract indexing_maps = [#a, #b, #c] ins(%a, %b : tensor<13x5xf32>, tensor<5x20xf32>) outs(%acc : tensor<13x20xf32>) -> tensor<13x20xf32>
  return %0 : tensor<13x20xf32>
}

// -----

#a = affine_map<(m, n, k) -> (m, k)>
#b = affine_map<(m, n, k) -> (k, n)>
#c = affine_map<(m, n, k) -> (m, n)>

// i8 x i8 -> i32: lanes count i32 accumulators (8 per 256 bits). The
// reduction is tiled by 1, or by 4 (one vpdpbusd depth) with vnni.
// CHECK-LABEL: func.func @matmul_i8(
// CHECK: scf.for %{{.*}} = %{{.*}} to %c16 step %c1 iter_args(%{{.*}}) -> (vector<6x16xi32>)
// CHECK: vector.contract {{.*}} : vector<6x1xi8>, vector<1x16xi8> into vector<6x16xi32>
// VNNI-LABEL: func.func @matmul_i8(
// VNNI: scf.for %{{.*}} = %{{.*}} to %c16 step %c4 iter_args(%{{.*}}) -> (vector<6x16xi32>)
// VNNI: vector.contract {{.*}} : vector<6x4xi8>, vector<4x16xi8> into vector<6x16xi32>
// VNNI-NOT: linalg.contract
// VNNI: return
func.func @matmul_i8(%a: tensor<6x16xi8>, %b: tensor<16x32xi8>, %acc: tensor<6x32xi32>) -> tensor<6x32xi32> {
  %0 = linalg.contract indexing_maps = [#a, #b, #c] ins(%a, %b : tensor<6x16xi8>, tensor<16x32xi8>) outs(%acc : tensor<6x32xi32>) -> tensor<6x32xi32>
  return %0 : tensor<6x32xi32>
}

// -----

// With vnni, a reduction that 4 does not divide stays tiled by 1; f32
// operands are never tiled by 4.
// VNNI-LABEL: func.func @vnni_not_applicable(
// VNNI: vector.contract {{.*}} : vector<6x1xi8>, vector<1x16xi8> into vector<6x16xi32>
// VNNI: vector.contract {{.*}} : vector<6x1xf32>, vector<1x16xf32> into vector<6x16xf32>
// VNNI-NOT: vector<6x4x
// VNNI: return
#a = affine_map<(m, n, k) -> (m, k)>
#b = affine_map<(m, n, k) -> (k, n)>
#c = affine_map<(m, n, k) -> (m, n)>
func.func @vnni_not_applicable(%a: tensor<6x6xi8>, %b: tensor<6x16xi8>, %acc: tensor<6x16xi32>,
                               %fa: tensor<6x8xf32>, %fb: tensor<8x16xf32>, %facc: tensor<6x16xf32>) -> (tensor<6x16xi32>, tensor<6x16xf32>) {
  %0 = linalg.contract indexing_maps = [#a, #b, #c] ins(%a, %b : tensor<6x6xi8>, tensor<6x16xi8>) outs(%acc : tensor<6x16xi32>) -> tensor<6x16xi32>
  %1 = linalg.contract indexing_maps = [#a, #b, #c] ins(%fa, %fb : tensor<6x8xf32>, tensor<8x16xf32>) outs(%facc : tensor<6x16xf32>) -> tensor<6x16xf32>
  return %0, %1 : tensor<6x16xi32>, tensor<6x16xf32>
}

// -----

// One tap of a grouped conv ([G][O/G][C/G] x [N][G][C/G][OH][OW]): N is
// OW (7 columns: one masked 8-lane register), M the O/G output channels
// (3, whole), groups and output rows are loops, the C/G reduction a loop
// of steps of 1 (C/G = 4: one step of 4 with vnni).
// CHECK-LABEL: func.func @conv_tap(
// CHECK: %[[MASK:.*]] = vector.constant_mask [1, 1, 3, 1, 7] : vector<1x1x3x1x8xi1>
// CHECK: scf.for %[[G:.*]] = %{{.*}} to %c2 step %c1
// CHECK: scf.for %[[Y:.*]] = %{{.*}} to %c7 step %c1
// CHECK: tensor.extract_slice %{{.*}}[0, %[[G]], 0, %[[Y]], 0] [1, 1, 3, 1, 7]
// CHECK: vector.transfer_read {{.*}}, %[[MASK]] {{.*}} : tensor<1x1x3x1x7xi32>, vector<1x1x3x1x8xi32>
// CHECK: scf.for %{{.*}} = %{{.*}} to %c4 step %c1 iter_args(%{{.*}}) -> (vector<1x1x3x1x8xi32>)
// CHECK: vector.contract {{.*}} : vector<1x3x1xi8>, vector<1x1x1x1x8xi8> into vector<1x1x3x1x8xi32>
// CHECK-NOT: linalg.contract
// CHECK: return
// VNNI-LABEL: func.func @conv_tap(
// VNNI-NOT: step %c4
// VNNI: vector.contract {{.*}} : vector<1x3x4xi8>, vector<1x1x4x1x8xi8> into vector<1x1x3x1x8xi32>
#lhs = affine_map<(g, n, o, y, x, c) -> (g, o, c)>
#rhs = affine_map<(g, n, o, y, x, c) -> (n, g, c, y, x)>
#out = affine_map<(g, n, o, y, x, c) -> (n, g, o, y, x)>
func.func @conv_tap(%w: tensor<2x3x4xi8>, %x: tensor<1x2x4x7x7xi8>, %acc: tensor<1x2x3x7x7xi32>) -> tensor<1x2x3x7x7xi32> {
  %0 = linalg.contract indexing_maps = [#lhs, #rhs, #out] ins(%w, %x : tensor<2x3x4xi8>, tensor<1x2x4x7x7xi8>) outs(%acc : tensor<1x2x3x7x7xi32>) -> tensor<1x2x3x7x7xi32>
  return %0 : tensor<1x2x3x7x7xi32>
}

// -----

// Left alone: a contraction with a dynamic dimension, and linalg ops that
// are not linalg.contract.
// CHECK-LABEL: func.func @left_alone(
// CHECK-NOT: scf.for
// CHECK-NOT: vector.contract
// CHECK: linalg.contract {{.*}} outs(%{{.*}} : tensor<?x32xf32>)
// CHECK: linalg.matmul
// CHECK: linalg.generic
// CHECK-NOT: vector.contract
// CHECK: return
#a = affine_map<(m, n, k) -> (m, k)>
#b = affine_map<(m, n, k) -> (k, n)>
#c = affine_map<(m, n, k) -> (m, n)>
#id = affine_map<(m, n) -> (m, n)>
func.func @left_alone(%a: tensor<?x8xf32>, %b: tensor<8x32xf32>, %acc: tensor<?x32xf32>,
                      %sa: tensor<12x8xf32>, %sacc: tensor<12x32xf32>) -> (tensor<?x32xf32>, tensor<12x32xf32>, tensor<12x32xf32>) {
  %0 = linalg.contract indexing_maps = [#a, #b, #c] ins(%a, %b : tensor<?x8xf32>, tensor<8x32xf32>) outs(%acc : tensor<?x32xf32>) -> tensor<?x32xf32>
  %1 = linalg.matmul ins(%sa, %b : tensor<12x8xf32>, tensor<8x32xf32>) outs(%sacc : tensor<12x32xf32>) -> tensor<12x32xf32>
  %2 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]} ins(%1 : tensor<12x32xf32>) outs(%sacc : tensor<12x32xf32>) {
  ^bb0(%in: f32, %out: f32):
    %s = arith.addf %in, %out : f32
    linalg.yield %s : f32
  } -> tensor<12x32xf32>
  return %0, %1, %2 : tensor<?x32xf32>, tensor<12x32xf32>, tensor<12x32xf32>
}
