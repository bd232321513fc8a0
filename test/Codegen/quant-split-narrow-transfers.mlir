// -quant-split-narrow-transfers on bufferized code: 1-D vector transfers
// that may cross the end of their row, on elements narrower than
// `native-mask-bits`, become in-bounds moves. Constant index: the row's
// last V elements and one constant shuffle (or nothing, wholly past the
// row; or power-of-two pieces moved as i64 / i32 / i16 lanes, a row
// shorter than the vector). Run-time index: an scf.if between the
// in-bounds move and a 2V-element stack buffer that shifts the row's end
// into place. Masked, in-bounds, strided transfers and short rows at a
// run-time index are left alone. (split-narrow-transfers.mlir runs the
// same pass end to end through quant-compile.)
// RUN: quant-opt %s -split-input-file -quant-split-narrow-transfers | FileCheck %s
// RUN: quant-opt %s -split-input-file -quant-split-narrow-transfers=native-mask-bits=0 | FileCheck %s --check-prefix=NOMASK
// RUN: quant-opt %s -split-input-file -quant-split-narrow-transfers=native-mask-bits=8 | FileCheck %s --check-prefix=BW

// i8 row of 36, 16 lanes at column 32 (4 inside): read columns 20..35 in
// bounds, keep lanes 12..15, the rest from the padding.
// CHECK-LABEL: func.func @const_read(
// CHECK-SAME: %[[M:[^:]*]]: memref<4x36xi8>, %[[I:[^:]*]]: index
// CHECK: %[[PAD:.*]] = arith.constant 7 : i8
// CHECK: %[[PADV:.*]] = vector.broadcast %[[PAD]] : i8 to vector<16xi8>
// CHECK: %[[C20:.*]] = arith.constant 20 : index
// CHECK: %[[END:.*]] = vector.transfer_read %[[M]][%[[I]], %[[C20]]], %[[PAD]] {in_bounds = [true]} : memref<4x36xi8>, vector<16xi8>
// CHECK: %[[V:.*]] = vector.shuffle %[[END]], %[[PADV]] [12, 13, 14, 15, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31] : vector<16xi8>, vector<16xi8>
// CHECK: return %[[V]]
// With AVX-512BW masks (native-mask-bits=8) the transfer stays.
// BW-LABEL: func.func @const_read(
// BW-NOT: vector.shuffle
// BW: vector.transfer_read %{{.*}}[%{{.*}}, %{{.*}}], %{{.*}} : memref<4x36xi8>, vector<16xi8>
// BW-NOT: vector.shuffle
// BW: return
func.func @const_read(%m: memref<4x36xi8>, %i: index) -> vector<16xi8> {
  %c32 = arith.constant 32 : index
  %pad = arith.constant 7 : i8
  %v = vector.transfer_read %m[%i, %c32], %pad : memref<4x36xi8>, vector<16xi8>
  return %v : vector<16xi8>
}

// -----

// The write: the row's last 16 bytes are read, the vector's first 4 lanes
// shuffled over their end, and the 16 bytes stored back in bounds.
// CHECK-LABEL: func.func @const_write(
// CHECK-SAME: %[[M:[^:]*]]: memref<4x36xi8>, %[[I:[^:]*]]: index, %[[V:[^:]*]]: vector<16xi8>
// CHECK: %[[C20:.*]] = arith.constant 20 : index
// CHECK: %[[END:.*]] = vector.transfer_read %[[M]][%[[I]], %[[C20]]], %{{.*}} {in_bounds = [true]} : memref<4x36xi8>, vector<16xi8>
// CHECK: %[[MERGED:.*]] = vector.shuffle %[[END]], %[[V]] [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 16, 17, 18, 19] : vector<16xi8>, vector<16xi8>
// CHECK: vector.transfer_write %[[MERGED]], %[[M]][%[[I]], %[[C20]]] {in_bounds = [true]} : vector<16xi8>, memref<4x36xi8>
// CHECK-NOT: vector.transfer_write
// CHECK: return
func.func @const_write(%m: memref<4x36xi8>, %i: index, %v: vector<16xi8>) {
  %c32 = arith.constant 32 : index
  vector.transfer_write %v, %m[%i, %c32] : vector<16xi8>, memref<4x36xi8>
  return
}

// -----

// Wholly past the row: the read is the padding, the write disappears.
// CHECK-LABEL: func.func @past_row(
// CHECK: %[[PAD:.*]] = arith.constant 0 : i8
// CHECK-NOT: vector.transfer
// CHECK: %[[V:.*]] = vector.broadcast %[[PAD]] : i8 to vector<16xi8>
// CHECK-NOT: vector.transfer
// CHECK: return %[[V]]
func.func @past_row(%m: memref<4x36xi8>, %i: index, %v: vector<16xi8>) -> vector<16xi8> {
  %c40 = arith.constant 40 : index
  %pad = arith.constant 0 : i8
  %r = vector.transfer_read %m[%i, %c40], %pad : memref<4x36xi8>, vector<16xi8>
  vector.transfer_write %v, %m[%i, %c40] : vector<16xi8>, memref<4x36xi8>
  return %r : vector<16xi8>
}

// -----

// A row of 14 bytes under a 16-byte vector: 8 + 4 + 2 bytes, each moved
// as one i64 / i32 / i16 lane (bytes 0, 8 and 12).
// CHECK-LABEL: func.func @short_row(
// CHECK-SAME: %[[M:[^:]*]]: memref<2x14xi8>, %[[I:[^:]*]]: index, %[[V:[^:]*]]: vector<16xi8>
// CHECK: %[[P8:.*]] = vector.transfer_read %[[M]][%[[I]], %{{.*}}], %{{.*}} {in_bounds = [true]} : memref<2x14xi8>, vector<8xi8>
// CHECK: %[[W8:.*]] = vector.bitcast %[[P8]] : vector<8xi8> to vector<1xi64>
// CHECK: %[[S8:.*]] = vector.extract %[[W8]][0] : i64 from vector<1xi64>
// CHECK: vector.insert %[[S8]], %{{.*}} [0] : i64 into vector<2xi64>
// CHECK: %[[C8:.*]] = arith.constant 8 : index
// CHECK: %[[P4:.*]] = vector.transfer_read %[[M]][%[[I]], %[[C8]]], %{{.*}} {in_bounds = [true]} : memref<2x14xi8>, vector<4xi8>
// CHECK: vector.insert %{{.*}}, %{{.*}} [2] : i32 into vector<4xi32>
// CHECK: %[[C12:.*]] = arith.constant 12 : index
// CHECK: vector.transfer_read %[[M]][%[[I]], %[[C12]]], %{{.*}} {in_bounds = [true]} : memref<2x14xi8>, vector<2xi8>
// CHECK: vector.insert %{{.*}}, %{{.*}} [6] : i16 into vector<8xi16>
// CHECK: vector.extract %{{.*}}[0] : i64 from vector<2xi64>
// CHECK: vector.transfer_write %{{.*}}, %[[M]][%[[I]], %{{.*}}] {in_bounds = [true]} : vector<8xi8>, memref<2x14xi8>
// CHECK: vector.extract %{{.*}}[2] : i32 from vector<4xi32>
// CHECK: vector.transfer_write %{{.*}}, %[[M]][%[[I]], %{{.*}}] {in_bounds = [true]} : vector<4xi8>, memref<2x14xi8>
// CHECK: vector.extract %{{.*}}[6] : i16 from vector<8xi16>
// CHECK: vector.transfer_write %{{.*}}, %[[M]][%[[I]], %{{.*}}] {in_bounds = [true]} : vector<2xi8>, memref<2x14xi8>
// CHECK-NOT: vector.transfer_write
// CHECK: return
func.func @short_row(%m: memref<2x14xi8>, %i: index, %v: vector<16xi8>) -> vector<16xi8> {
  %c0 = arith.constant 0 : index
  %pad = arith.constant 0 : i8
  %r = vector.transfer_read %m[%i, %c0], %pad : memref<2x14xi8>, vector<16xi8>
  vector.transfer_write %v, %m[%i, %c0] : vector<16xi8>, memref<2x14xi8>
  return %r : vector<16xi8>
}

// -----

// Run-time column: in-bounds fast path when j + 16 <= 36; otherwise the
// row's last 16 bytes and 16 padding bytes go to one 32-byte stack buffer
// (allocated once per function), read back from min(j - 20, 16). The
// write merges the vector into the buffer copy of the row's end.
// CHECK-LABEL: func.func @runtime_index(
// CHECK-SAME: %[[M:[^:]*]]: memref<4x36xi8>, %[[I:[^:]*]]: index, %[[J:[^:]*]]: index, %[[V:[^:]*]]: vector<16xi8>
// CHECK: %[[BUF:.*]] = memref.alloca() : memref<32xi8>
// CHECK: %[[END:.*]] = arith.addi %[[J]], %{{.*}} : index
// CHECK: %[[FITS:.*]] = arith.cmpi ule, %[[END]], %{{.*}} : index
// CHECK: %[[R:.*]] = scf.if %[[FITS]] -> (vector<16xi8>) {
// CHECK: %[[FAST:.*]] = vector.transfer_read %[[M]][%[[I]], %[[J]]], %{{.*}} {in_bounds = [true]}
// CHECK: scf.yield %[[FAST]]
// CHECK: } else {
// CHECK: %[[TAIL:.*]] = vector.transfer_read %[[M]][%[[I]], %{{.*}}], %{{.*}} {in_bounds = [true]}
// CHECK: %[[PADV:.*]] = vector.broadcast
// CHECK: vector.transfer_write %[[TAIL]], %[[BUF]][%{{.*}}] {in_bounds = [true]} : vector<16xi8>, memref<32xi8>
// CHECK: vector.transfer_write %[[PADV]], %[[BUF]][%{{.*}}] {in_bounds = [true]} : vector<16xi8>, memref<32xi8>
// CHECK: %[[SH:.*]] = arith.subi %[[J]], %{{.*}} : index
// CHECK: %[[SHC:.*]] = arith.minui %[[SH]], %{{.*}} : index
// CHECK: %[[SLOW:.*]] = vector.transfer_read %[[BUF]][%[[SHC]]], %{{.*}} {in_bounds = [true]} : memref<32xi8>, vector<16xi8>
// CHECK: scf.yield %[[SLOW]]
// CHECK: scf.if %{{.*}} {
// CHECK: vector.transfer_write %[[V]], %[[M]][%[[I]], %[[J]]] {in_bounds = [true]}
// CHECK: } else {
// CHECK: %[[OLD:.*]] = vector.transfer_read %[[M]]
// CHECK: vector.transfer_write %[[OLD]], %[[BUF]]
// CHECK: vector.transfer_write %[[V]], %[[BUF]][%{{.*}}] {in_bounds = [true]}
// CHECK: %[[NEW:.*]] = vector.transfer_read %[[BUF]]
// CHECK: vector.transfer_write %[[NEW]], %[[M]][%[[I]], %{{.*}}] {in_bounds = [true]}
// CHECK-NOT: memref.alloca
// CHECK: return %[[R]]
func.func @runtime_index(%m: memref<4x36xi8>, %i: index, %j: index, %v: vector<16xi8>) -> vector<16xi8> {
  %pad = arith.constant 0 : i8
  %r = vector.transfer_read %m[%i, %j], %pad : memref<4x36xi8>, vector<16xi8>
  vector.transfer_write %v, %m[%i, %j] : vector<16xi8>, memref<4x36xi8>
  return %r : vector<16xi8>
}

// -----

// The row is the subview's (16 bytes, not the buffer's 36): column 10 of
// it keeps lanes 10..15 of the subview's row.
// CHECK-LABEL: func.func @subview_row(
// CHECK: %[[S:.*]] = memref.subview
// CHECK: %[[R:.*]] = vector.transfer_read %[[S]][%{{.*}}, %{{.*}}], %{{.*}} {in_bounds = [true]} : memref<1x16xi8, strided<[36, 1], offset: ?>>, vector<16xi8>
// CHECK: vector.shuffle %[[R]], %{{.*}} [10, 11, 12, 13, 14, 15, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31]
func.func @subview_row(%m: memref<4x36xi8>, %i: index) -> vector<16xi8> {
  %c0 = arith.constant 0 : index
  %c10 = arith.constant 10 : index
  %pad = arith.constant 0 : i8
  %s = memref.subview %m[%i, 4] [1, 16] [1, 1] : memref<4x36xi8> to memref<1x16xi8, strided<[36, 1], offset: ?>>
  %v = vector.transfer_read %s[%c0, %c10], %pad : memref<1x16xi8, strided<[36, 1], offset: ?>>, vector<16xi8>
  return %v : vector<16xi8>
}

// -----

// Left alone: an in-bounds transfer, a masked one, i32 lanes (AVX2 masks
// them; split only with native-mask-bits=0), a 14-byte row at a run-time
// index, a row with stride 2.
// CHECK-LABEL: func.func @left_alone(
// CHECK-NOT: vector.shuffle
// CHECK-NOT: scf.if
// CHECK: vector.transfer_read %{{.*}}[%{{.*}}, %{{.*}}], %{{.*}} {in_bounds = [true]} : memref<4x36xi8>, vector<16xi8>
// CHECK-NOT: vector.shuffle
// CHECK: vector.transfer_read %{{[^{]*}} : memref<4x36xi8>, vector<16xi8>
// CHECK-NOT: vector.shuffle
// CHECK: vector.transfer_read %{{[^{]*}} : memref<4x36xi32>, vector<8xi32>
// CHECK-NOT: vector.shuffle
// CHECK: vector.transfer_read %{{[^{]*}} : memref<2x14xi8>, vector<16xi8>
// CHECK-NOT: vector.shuffle
// CHECK: vector.transfer_read %{{[^{]*}} : memref<4x18xi8, strided<[36, 2]>>, vector<16xi8>
// CHECK-NOT: vector.shuffle
// CHECK-NOT: scf.if
// CHECK: return
// NOMASK-LABEL: func.func @left_alone(
// NOMASK: %[[C28:.*]] = arith.constant 28 : index
// NOMASK: %[[E:.*]] = vector.transfer_read %{{.*}}[%{{.*}}, %[[C28]]], %{{.*}} {in_bounds = [true]} : memref<4x36xi32>, vector<8xi32>
// NOMASK: vector.shuffle %[[E]], %{{.*}} [4, 5, 6, 7, 12, 13, 14, 15] : vector<8xi32>, vector<8xi32>
// NOMASK: vector.transfer_read %{{.*}} : memref<2x14xi8>, vector<16xi8>
// NOMASK-NOT: scf.if
// NOMASK: return
func.func @left_alone(%m: memref<4x36xi8>, %w: memref<4x36xi32>, %s: memref<2x14xi8>, %i: index, %j: index, %mask: vector<16xi1>) -> (vector<16xi8>, vector<16xi8>, vector<8xi32>, vector<16xi8>, vector<16xi8>) {
  %c32 = arith.constant 32 : index
  %c10 = arith.constant 10 : index
  %pad = arith.constant 0 : i8
  %p32 = arith.constant 0 : i32
  %a = vector.transfer_read %m[%i, %j], %pad {in_bounds = [true]} : memref<4x36xi8>, vector<16xi8>
  %b = vector.transfer_read %m[%i, %c32], %pad, %mask : memref<4x36xi8>, vector<16xi8>
  %c = vector.transfer_read %w[%i, %c32], %p32 : memref<4x36xi32>, vector<8xi32>
  %d = vector.transfer_read %s[%i, %j], %pad : memref<2x14xi8>, vector<16xi8>
  %sv = memref.subview %m[0, 0] [4, 18] [1, 2] : memref<4x36xi8> to memref<4x18xi8, strided<[36, 2]>>
  %e = vector.transfer_read %sv[%i, %c10], %pad : memref<4x18xi8, strided<[36, 2]>>, vector<16xi8>
  return %a, %b, %c, %d, %e : vector<16xi8>, vector<16xi8>, vector<8xi32>, vector<16xi8>, vector<16xi8>
}
