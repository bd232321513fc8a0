// -quant-xnor-kernels on integer-form qnn ops marked qnn.xnor: the packing
// loop nest, the xor / popcount tile and K - 2 popcount; nibble mode's
// lookups and byte sums; and the ops the pass must leave alone.
// RUN: quant-opt %s --quant-xnor-kernels | FileCheck %s
// RUN: quant-opt %s --quant-xnor-kernels="nibble-lookup=true" | FileCheck %s --check-prefix=NIBBLE
// RUN: quant-opt %s --quant-xnor-kernels="nibble-lookup=true emulate=true" | FileCheck %s --check-prefix=EMULATE

// CHECK-LABEL: func.func @conv(
// Packing (rows of 7: vectors of 4 pixels): per channel a compare, a
// select of its bit and an or into its byte; the bytes are interleaved
// into words.
// CHECK: %[[M:.*]] = arith.cmpi sgt, %{{.*}}, %{{.*}} : vector<4xi8>
// CHECK: %[[B:.*]] = arith.select %[[M]], %{{.*}}, %{{.*}} : vector<4xi1>, vector<4xi8>
// CHECK: arith.ori %{{.*}}, %[[B]] : vector<4xi8>
// CHECK: vector.interleave %{{.*}}, %{{.*}} : vector<4xi8> -> vector<8xi8>
// CHECK: vector.interleave %{{.*}}, %{{.*}} : vector<4xi32> -> vector<8xi32>
// The tile: xor, popcount, accumulate; then K - 2 popcount (K = 70 * 9).
// CHECK: %[[X:.*]] = arith.xori %{{.*}}, %{{.*}} : vector<4xi64>
// CHECK: %[[P:.*]] = math.ctpop %[[X]] : vector<4xi64>
// CHECK: arith.addi %{{.*}}, %[[P]] : vector<4xi64>
// CHECK: %[[K:.*]] = arith.constant dense<630> : vector<4xi64>
// CHECK-NOT: qnn.conv2d
// CHECK: return

// NIBBLE-LABEL: func.func @conv(
// NIBBLE: %[[LUT:.*]] = arith.constant dense<[0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4, 0, 1,
// NIBBLE: %[[T:.*]] = vector.bitcast %{{.*}} : vector<4xi64> to vector<32xi8>
// NIBBLE: llvm.call_intrinsic "llvm.x86.avx2.pshuf.b"(%[[LUT]], %[[T]])
// NIBBLE: llvm.call_intrinsic "llvm.x86.avx2.psad.bw"
// NIBBLE-NOT: math.ctpop

// EMULATE-LABEL: func.func @conv(
// EMULATE-NOT: llvm.call_intrinsic
// EMULATE: math.ctpop %{{.*}} : vector<32xi8>
// EMULATE: vector.multi_reduction <add>, %{{.*}}, %{{.*}} [1] : vector<4x8xi64> to vector<4xi64>
func.func @conv(%x: tensor<1x70x6x7xi8>) -> tensor<1x5x4x5xi32> {
  %w = arith.constant dense<-1> : tensor<5x70x3x3xi8>
  %y = qnn.conv2d %x, %w {qnn.xnor} : (tensor<1x70x6x7xi8>, tensor<5x70x3x3xi8>) -> tensor<1x5x4x5xi32>
  return %y : tensor<1x5x4x5xi32>
}

// A GEMM packs 64 codes per word with one compare and a bitcast.
// CHECK-LABEL: func.func @fc(
// CHECK: %[[M:.*]] = arith.cmpi sgt, %{{.*}}, %{{.*}} : vector<64xi8>
// CHECK: vector.bitcast %[[M]] : vector<64xi1> to vector<1xi64>
// CHECK: math.ctpop
// CHECK-NOT: qnn.fully_connected
func.func @fc(%x: tensor<3x100xi8>) -> tensor<3x10xi32> {
  %w = arith.constant dense<1> : tensor<10x100xi8>
  %y = qnn.fully_connected %x, %w {qnn.xnor} : (tensor<3x100xi8>, tensor<10x100xi8>) -> tensor<3x10xi32>
  return %y : tensor<3x10xi32>
}

// Left alone: no qnn.xnor; weights other than -1 / +1; groups.
// CHECK-LABEL: func.func @not_binary(
// CHECK-NOT: math.ctpop
// CHECK: qnn.fully_connected
// CHECK: qnn.fully_connected
// CHECK: qnn.conv2d
// CHECK-NOT: math.ctpop
// CHECK: return
func.func @not_binary(%x: tensor<2x8xi8>, %c: tensor<1x2x4x4xi8>) -> (tensor<2x3xi32>, tensor<2x3xi32>, tensor<1x2x4x4xi32>) {
  %w = arith.constant dense<1> : tensor<3x8xi8>
  %a = qnn.fully_connected %x, %w : (tensor<2x8xi8>, tensor<3x8xi8>) -> tensor<2x3xi32>
  %w2 = arith.constant dense<[[1, 1, 1, 1, 1, 1, 1, 0], [1, 1, 1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1, 1, 1]]> : tensor<3x8xi8>
  %b = qnn.fully_connected %x, %w2 {qnn.xnor} : (tensor<2x8xi8>, tensor<3x8xi8>) -> tensor<2x3xi32>
  %w3 = arith.constant dense<1> : tensor<2x1x3x3xi8>
  %d = qnn.conv2d %c, %w3 {qnn.xnor, groups = 2 : i64, padding = array<i64: 1, 1, 1, 1>} : (tensor<1x2x4x4xi8>, tensor<2x1x3x3xi8>) -> tensor<1x2x4x4xi32>
  return %a, %b, %d : tensor<2x3xi32>, tensor<2x3xi32>, tensor<1x2x4x4xi32>
}

// A +1 qnn.pad before the conv is absorbed by the packing: the packed
// tensor starts as the pad words (all 64 bits of word 0 and the 6 channel
// bits of word 1 set), the interior is packed from the pad's input.
// CHECK-LABEL: func.func @padded(
// CHECK-NOT: qnn.pad
// CHECK: arith.constant dense<[-1, 63]> : tensor<2xi64>
// CHECK: linalg.generic
// CHECK: math.ctpop
// CHECK-NOT: qnn.pad
// CHECK: return
func.func @padded(%x: tensor<1x70x5x5xi8>) -> tensor<1x3x5x5xi32> {
  %p = qnn.pad %x {pads = array<i64: 0, 0, 1, 1, 0, 0, 1, 1>, value = 1.0} : tensor<1x70x5x5xi8> -> tensor<1x70x7x7xi8>
  %w = arith.constant dense<1> : tensor<3x70x3x3xi8>
  %y = qnn.conv2d %p, %w {qnn.xnor} : (tensor<1x70x7x7xi8>, tensor<3x70x3x3xi8>) -> tensor<1x3x5x5xi32>
  return %y : tensor<1x3x5x5xi32>
}

// Zero padding (the conv's own): the border packs as 0 bits and a
// correction adds, per border pixel pattern, the weight sums of the padded
// taps. A 3x3 window over a 4x4 map with padding 1 has 8 border patterns.
// CHECK-LABEL: func.func @zero_padded(
// CHECK: math.ctpop
// CHECK: %[[PIX:.*]] = arith.constant dense<[0, 1, 2, 3, 4, 7, 8, 11, 12, 13, 14, 15]> : tensor<12xi32>
// CHECK: %[[PAT:.*]] = arith.constant dense<[0, 1, 1, 2, 3, 4, 3, 4, 5, 6, 6, 7]> : tensor<12xi32>
// CHECK: tensor.extract %[[PIX]]
// CHECK-NOT: qnn.conv2d
// CHECK: return
func.func @zero_padded(%x: tensor<1x2x4x4xi8>) -> tensor<1x3x4x4xi32> {
  %w = arith.constant dense<1> : tensor<3x2x3x3xi8>
  %y = qnn.conv2d %x, %w {qnn.xnor, padding = array<i64: 1, 1, 1, 1>} : (tensor<1x2x4x4xi8>, tensor<3x2x3x3xi8>) -> tensor<1x3x4x4xi32>
  return %y : tensor<1x3x4x4xi32>
}
