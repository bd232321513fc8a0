// -quant-linear-kernels on integer-form / float qnn ops: which dot kind
// each target option selects (f32 FMA, i8 widened to i32, pmaddwd on i16
// pairs, vpdpbusd on u8 x s8 quadruples with the +128 packing and the bias
// correction, their portable emulation), the compile-time weight packing,
// GEMMs as 1x1 convolutions, the requantization fused into the output
// unpacking, reduction blocking under a weight budget, and the ops the
// pass must leave to the generic lowering.
// RUN: quant-opt %s -split-input-file -quant-linear-kernels="vector-bits=128" | FileCheck %s
// RUN: quant-opt %s -split-input-file -quant-linear-kernels="vector-bits=128 pmaddwd=true" | FileCheck %s --check-prefix=WD
// RUN: quant-opt %s -split-input-file -quant-linear-kernels="vector-bits=256 vnni=true" | FileCheck %s --check-prefix=VNNI
// RUN: quant-opt %s -split-input-file -quant-linear-kernels="vector-bits=512 vnni=true" | FileCheck %s --check-prefix=VNNI512
// RUN: quant-opt %s -split-input-file -quant-linear-kernels="vector-bits=256 vnni=true emulate=true" | FileCheck %s --check-prefix=EMU
// RUN: quant-opt %s -split-input-file -quant-linear-kernels="vector-bits=128 pmaddwd=true emulate=true" | FileCheck %s --check-prefix=EMU-WD
// RUN: quant-opt %s -split-input-file -quant-linear-kernels="vector-bits=128 weight-block-bytes=512" | FileCheck %s --check-prefix=BLOCK

// f32: weights packed at compile time as [K = (ky, kx, c)][4 lanes], the
// bias is the accumulators' initial value, one broadcast + FMA per pixel
// and step; 6 pixels per tile (the last 3 in a narrower tile); the NHWC
// accumulators return to NCHW through 4 x 4 shuffle transposes.
// CHECK-LABEL: func.func @conv_f32(
// CHECK-SAME: %[[X:.*]]: tensor<1x2x4x4xf32>
// CHECK: %[[NHWC:.*]] = linalg.generic {{.*}} ins(%[[X]] : tensor<1x2x4x4xf32>) outs(%{{.*}} : tensor<1x4x4x2xf32>)
// CHECK: %[[W:.*]] = arith.constant dense<[1.000000e+00, 1.100000e+01, 2.100000e+01, 3.100000e+01, 5.000000e+00, 1.500000e+01, 2.500000e+01, 3.500000e+01, 2.000000e+00, 1.200000e+01, {{.*}}, 3.800000e+01]> : tensor<32xf32>
// CHECK: %[[B:.*]] = arith.constant dense<[5.000000e-01, 1.500000e+00, 2.500000e+00, 3.500000e+00]> : tensor<4xf32>
// CHECK: %[[ACC:.*]] = vector.transfer_read %[[B]][%{{.*}}], %{{.*}} {in_bounds = [true]} : tensor<4xf32>, vector<4xf32>
// CHECK: scf.for {{.*}} iter_args(%{{.*}} = %[[ACC]], %{{.*}} = %[[ACC]], %{{.*}} = %[[ACC]], %{{.*}} = %[[ACC]], %{{.*}} = %[[ACC]], %{{.*}} = %[[ACC]]) -> (vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>)
// CHECK: %[[WV:.*]] = vector.transfer_read %[[W]][%{{.*}}], %{{.*}} {in_bounds = [true]} : tensor<32xf32>, vector<4xf32>
// CHECK: %[[A:.*]] = tensor.extract %[[NHWC]][%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}] : tensor<1x4x4x2xf32>
// CHECK: %[[AV:.*]] = vector.broadcast %[[A]] : f32 to vector<4xf32>
// CHECK: vector.fma %[[AV]], %[[WV]], %{{.*}} : vector<4xf32>
// CHECK: -> (vector<4xf32>, vector<4xf32>, vector<4xf32>) {
// CHECK: vector.fma
// CHECK: vector.shuffle %{{.*}}, %{{.*}} [0, 4, 1, 5] : vector<4xf32>, vector<4xf32>
// CHECK: vector.shuffle %{{.*}}, %{{.*}} [2, 6, 3, 7] : vector<4xf32>, vector<4xf32>
// CHECK: %[[Y:.*]] = tensor.expand_shape %{{.*}} {{\[\[}}0], [1], [2, 3]] output_shape [1, 4, 3, 3] : tensor<1x4x9xf32> into tensor<1x4x3x3xf32>
// CHECK-NOT: qnn.conv2d
// CHECK: return %[[Y]]
func.func @conv_f32(%x: tensor<1x2x4x4xf32>) -> tensor<1x4x3x3xf32> {
  %w = arith.constant dense<[[[[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]]],
                             [[[11.0, 12.0], [13.0, 14.0]], [[15.0, 16.0], [17.0, 18.0]]],
                             [[[21.0, 22.0], [23.0, 24.0]], [[25.0, 26.0], [27.0, 28.0]]],
                             [[[31.0, 32.0], [33.0, 34.0]], [[35.0, 36.0], [37.0, 38.0]]]]> : tensor<4x2x2x2xf32>
  %b = arith.constant dense<[0.5, 1.5, 2.5, 3.5]> : tensor<4xf32>
  %y = qnn.conv2d %x, %w, %b : (tensor<1x2x4x4xf32>, tensor<4x2x2x2xf32>, tensor<4xf32>) -> tensor<1x4x3x3xf32>
  return %y : tensor<1x4x3x3xf32>
}

// -----

// One i8 conv under each dot kind. K = (kx, c) = 2 x 3 channels.
//
// No dot option (Int32): weights [K][4 lanes] as i8, sign-extended per
// step; activations sign-extended and broadcast; muli + addi; 4 pixels
// per tile.
// CHECK-LABEL: func.func @conv_i8(
// CHECK: %[[NHWC:.*]] = linalg.generic {{.*}} outs(%{{.*}} : tensor<1x4x4x3xi8>)
// CHECK: %[[W:.*]] = arith.constant dense<[1, -1, 1, 2, 3, -3, 1, 0, 5, -5, 1, 2, 2, -2, 1, 0, 4, -4, 1, 2, 6, -6, 1, 2]> : tensor<24xi8>
// CHECK: %[[B:.*]] = arith.constant dense<[100, 200, 300, 400]> : tensor<4xi32>
// CHECK: vector.transfer_read %[[B]]
// CHECK: -> (vector<4xi32>, vector<4xi32>, vector<4xi32>, vector<4xi32>) {
// CHECK: %[[WV:.*]] = vector.transfer_read %[[W]][%{{.*}}], %{{.*}} {in_bounds = [true]} : tensor<24xi8>, vector<4xi8>
// CHECK: %[[WI:.*]] = arith.extsi %[[WV]] : vector<4xi8> to vector<4xi32>
// CHECK: %[[A:.*]] = tensor.extract %[[NHWC]]
// CHECK: %[[AI:.*]] = arith.extsi %[[A]] : i8 to i32
// CHECK: %[[AV:.*]] = vector.broadcast %[[AI]] : i32 to vector<4xi32>
// CHECK: %[[P:.*]] = arith.muli %[[AV]], %[[WI]] : vector<4xi32>
// CHECK: arith.addi %{{.*}}, %[[P]] : vector<4xi32>
// CHECK-NOT: llvm.call_intrinsic
// CHECK: tensor.expand_shape {{.*}} : tensor<1x4x12xi32> into tensor<1x4x4x3xi32>
// CHECK-NOT: qnn.conv2d
// CHECK: return
//
// pmaddwd: input widened to i16 and padded to an even channel count,
// weights as i16 pairs [K/2][4 lanes][2], one pair of activations
// broadcast as an i32, pmaddwd (sse2 at 128 bits) + addi.
// WD-LABEL: func.func @conv_i8(
// WD: %[[NHWC:.*]] = linalg.generic {{.*}} outs(%{{.*}} : tensor<1x4x4x3xi16>)
// WD: arith.extsi %{{.*}} : i8 to i16
// WD: %[[PAD:.*]] = tensor.pad %[[NHWC]] low[0, 0, 0, 0] high[0, 0, 0, 1]
// WD: tensor<1x4x4x3xi16> to tensor<1x4x4x4xi16>
// WD: %[[W:.*]] = arith.constant dense<[1, 3, -1, -3, 1, 1, 2, 0, 5, 0, -5, 0, 1, 0, 2, 0, 2, 4, -2, -4, 1, 1, 0, 2, 6, 0, -6, 0, 1, 0, 2, 0]> : tensor<32xi16>
// WD: arith.constant dense<[100, 200, 300, 400]> : tensor<4xi32>
// WD: %[[WV:.*]] = vector.transfer_read %[[W]][%{{.*}}], %{{.*}} {in_bounds = [true]} : tensor<32xi16>, vector<8xi16>
// WD: %[[PAIR:.*]] = vector.transfer_read %[[PAD]][{{.*}}], %{{.*}} {in_bounds = [true]} : tensor<1x4x4x4xi16>, vector<2xi16>
// WD: %[[PW:.*]] = vector.bitcast %[[PAIR]] : vector<2xi16> to vector<1xi32>
// WD: %[[S:.*]] = vector.extract %[[PW]][0] : i32 from vector<1xi32>
// WD: %[[BC:.*]] = vector.broadcast %[[S]] : i32 to vector<4xi32>
// WD: %[[A:.*]] = vector.bitcast %[[BC]] : vector<4xi32> to vector<8xi16>
// WD: %[[D:.*]] = llvm.call_intrinsic "llvm.x86.sse2.pmadd.wd"(%[[A]], %[[WV]]) : (vector<8xi16>, vector<8xi16>) -> vector<4xi32>
// WD: arith.addi %{{.*}}, %[[D]] : vector<4xi32>
// WD-NOT: qnn.conv2d
// WD: return
//
// vpdpbusd (256 bits: AVX-VNNI): activations xor 0x80 (+128 as u8), the
// channel padding holds 0x80 (code 0); weights as quadruples
// [K/4][8 lanes][4]; the bias is corrected by -128 * sum_k w (sums 21,
// -21, 6, 8) and padded to 8 lanes; vpdpbusd accumulates in place.
// VNNI-LABEL: func.func @conv_i8(
// VNNI: %[[NHWC:.*]] = linalg.generic {{.*}} outs(%{{.*}} : tensor<1x4x4x3xi8>)
// VNNI: %[[C80:.*]] = arith.constant -128 : i8
// VNNI: arith.xori %{{.*}}, %[[C80]] : i8
// VNNI: %[[PADV:.*]] = arith.constant -128 : i8
// VNNI: %[[PAD:.*]] = tensor.pad %[[NHWC]] low[0, 0, 0, 0] high[0, 0, 0, 1]
// VNNI: tensor.yield %[[PADV]] : i8
// VNNI: %[[W:.*]] = arith.constant dense<[1, 3, 5, 0, -1, -3, -5, 0, 1, 1, 1, 0, 2, 0, 2, 0, 0, 0, {{.*}}, 0, 2, 4, 6, 0, -2, -4, -6, 0, 1, 1, 1, 0, 0, 2, 2, 0, 0, {{.*}}]> : tensor<64xi8>
// VNNI: %[[B:.*]] = arith.constant dense<[-2588, 2888, -468, -624, 0, 0, 0, 0]> : tensor<8xi32>
// VNNI: vector.transfer_read %[[B]]
// VNNI: %[[WV:.*]] = vector.transfer_read %[[W]][%{{.*}}], %{{.*}} {in_bounds = [true]} : tensor<64xi8>, vector<32xi8>
// VNNI: %[[Q:.*]] = vector.transfer_read %[[PAD]][{{.*}}], %{{.*}} {in_bounds = [true]} : tensor<1x4x4x4xi8>, vector<4xi8>
// VNNI: vector.bitcast %[[Q]] : vector<4xi8> to vector<1xi32>
// VNNI: %[[A:.*]] = vector.bitcast %{{.*}} : vector<8xi32> to vector<32xi8>
// VNNI: llvm.call_intrinsic "llvm.x86.avx512.vpdpbusd.256"(%{{.*}}, %[[A]], %[[WV]]) : (vector<8xi32>, vector<32xi8>, vector<32xi8>) -> vector<8xi32>
// VNNI-NOT: arith.muli {{.*}} : vector
// VNNI-NOT: qnn.conv2d
// VNNI: return
//
// 512 bits (AVX-512 VNNI): 16 lanes, the zmm form.
// VNNI512-LABEL: func.func @conv_i8(
// VNNI512: arith.constant dense<[-2588, 2888, -468, -624, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]> : tensor<16xi32>
// VNNI512: llvm.call_intrinsic "llvm.x86.avx512.vpdpbusd.512"({{.*}}) : (vector<16xi32>, vector<64xi8>, vector<64xi8>) -> vector<16xi32>
//
// emulate: the same packing and correction, the dot as portable ops
// (u8 x s8 widened to i32, multiplied, groups of 4 summed).
// EMU-LABEL: func.func @conv_i8(
// EMU: arith.xori
// EMU: arith.constant dense<[-2588, 2888, -468, -624, 0, 0, 0, 0]> : tensor<8xi32>
// EMU-NOT: llvm.call_intrinsic
// EMU: %[[WV:.*]] = vector.transfer_read %{{.*}} : tensor<64xi8>, vector<32xi8>
// EMU: %[[A:.*]] = vector.bitcast %{{.*}} : vector<8xi32> to vector<32xi8>
// EMU: %[[AU:.*]] = arith.extui %[[A]] : vector<32xi8> to vector<32xi32>
// EMU: %[[WS:.*]] = arith.extsi %[[WV]] : vector<32xi8> to vector<32xi32>
// EMU: %[[P:.*]] = arith.muli %[[AU]], %[[WS]] : vector<32xi32>
// EMU: %[[P2:.*]] = vector.shape_cast %[[P]] : vector<32xi32> to vector<8x4xi32>
// EMU: vector.multi_reduction <add>, %[[P2]], %{{.*}} [1] : vector<8x4xi32> to vector<8xi32>
// EMU-NOT: llvm.call_intrinsic
// EMU: return
//
// EMU-WD-LABEL: func.func @conv_i8(
// EMU-WD: arith.constant dense<[1, 3, -1, -3, 1, 1, 2, 0, {{.*}}]> : tensor<32xi16>
// EMU-WD-NOT: llvm.call_intrinsic
// EMU-WD: %[[A:.*]] = vector.bitcast %{{.*}} : vector<4xi32> to vector<8xi16>
// EMU-WD: %[[AS:.*]] = arith.extsi %[[A]] : vector<8xi16> to vector<8xi32>
// EMU-WD: %[[WS:.*]] = arith.extsi %{{.*}} : vector<8xi16> to vector<8xi32>
// EMU-WD: %[[P:.*]] = arith.muli %[[AS]], %[[WS]] : vector<8xi32>
// EMU-WD: %[[P2:.*]] = vector.shape_cast %[[P]] : vector<8xi32> to vector<4x2xi32>
// EMU-WD: vector.multi_reduction <add>, %[[P2]], %{{.*}} [1] : vector<4x2xi32> to vector<4xi32>
// EMU-WD-NOT: llvm.call_intrinsic
// EMU-WD: return
func.func @conv_i8(%x: tensor<1x3x4x4xi8>) -> tensor<1x4x4x3xi32> {
  %w = arith.constant dense<[[[[1, 2]], [[3, 4]], [[5, 6]]],
                             [[[-1, -2]], [[-3, -4]], [[-5, -6]]],
                             [[[1, 1]], [[1, 1]], [[1, 1]]],
                             [[[2, 0]], [[0, 2]], [[2, 2]]]]> : tensor<4x3x1x2xi8>
  %b = arith.constant dense<[100, 200, 300, 400]> : tensor<4xi32>
  %y = qnn.conv2d %x, %w, %b : (tensor<1x3x4x4xi8>, tensor<4x3x1x2xi8>, tensor<4xi32>) -> tensor<1x4x4x3xi32>
  return %y : tensor<1x4x4x3xi32>
}

// -----

// A conv with a whole 16-channel block under vpdpbusd: the input is packed
// by vector rows (16 channel rows read, xor 0x80 as vectors, transposed),
// into a buffer filled with the padding code 0x80.
// VNNI-LABEL: func.func @conv_vnni_rows(
// VNNI-SAME: %[[X:.*]]: tensor<1x16x3x3xi8>
// VNNI: %[[FILL:.*]] = linalg.fill ins(%{{.*}} : i8) outs(%{{.*}} : tensor<1x5x5x16xi8>)
// VNNI: %[[ROW:.*]] = vector.transfer_read %[[X]][{{.*}}], %{{.*}} : tensor<1x16x3x3xi8>, vector<16xi8>
// VNNI: arith.xori %[[ROW]], %{{.*}} : vector<16xi8>
// VNNI: vector.shuffle
// VNNI: vector.transfer_write %{{.*}} : vector<16xi8>, tensor<1x5x5x16xi8>
// VNNI: llvm.call_intrinsic "llvm.x86.avx512.vpdpbusd.256"
// VNNI-NOT: qnn.conv2d
// VNNI: return
func.func @conv_vnni_rows(%x: tensor<1x16x3x3xi8>) -> tensor<1x8x3x3xi32> {
  %w = arith.constant dense<1> : tensor<8x16x3x3xi8>
  %y = qnn.conv2d %x, %w {padding = array<i64: 1, 1, 1, 1>} : (tensor<1x16x3x3xi8>, tensor<8x16x3x3xi8>) -> tensor<1x8x3x3xi32>
  return %y : tensor<1x8x3x3xi32>
}

// -----

// GEMMs are 1x1 convs of a 1 x M image: fully_connected ([O][K] weights)
// and matmul ([K][O] weights) with the same product pack identically; the
// [M][O] result is the accumulator tensor itself (no transposes). A
// run-time bias is added to the constant part at run time.
// CHECK-LABEL: func.func @fc(
// CHECK-SAME: %[[X:.*]]: tensor<3x5xi8>, %[[BIAS:.*]]: tensor<4xi32>
// CHECK: %[[X4:.*]] = tensor.expand_shape %[[X]] {{\[\[}}0, 1, 2], [3]] output_shape [1, 1, 3, 5] : tensor<3x5xi8> into tensor<1x1x3x5xi8>
// CHECK: %[[W:.*]] = arith.constant dense<[1, 6, -1, 11, 2, 7, -2, 12, 3, 8, -3, 13, 4, 9, -4, 14, 5, 10, -5, 15]> : tensor<20xi8>
// CHECK: %[[B0:.*]] = arith.constant dense<0> : tensor<4xi32>
// CHECK: %[[B:.*]] = linalg.generic {{.*}} ins(%[[BIAS]], %[[B0]] : tensor<4xi32>, tensor<4xi32>)
// CHECK: arith.addi
// CHECK: vector.transfer_read %[[B]]
// CHECK: -> (vector<4xi32>, vector<4xi32>, vector<4xi32>) {
// CHECK: vector.transfer_read %[[W]]
// CHECK: tensor.extract %[[X4]]
// CHECK-NOT: vector.shuffle
// CHECK: %[[Y:.*]] = tensor.expand_shape %{{.*}} {{\[\[}}0, 1]] output_shape [3, 4] : tensor<12xi32> into tensor<3x4xi32>
// CHECK-NOT: qnn.fully_connected
// CHECK: return %[[Y]]
func.func @fc(%x: tensor<3x5xi8>, %b: tensor<4xi32>) -> tensor<3x4xi32> {
  %w = arith.constant dense<[[1, 2, 3, 4, 5], [6, 7, 8, 9, 10], [-1, -2, -3, -4, -5], [11, 12, 13, 14, 15]]> : tensor<4x5xi8>
  %y = qnn.fully_connected %x, %w, %b : (tensor<3x5xi8>, tensor<4x5xi8>, tensor<4xi32>) -> tensor<3x4xi32>
  return %y : tensor<3x4xi32>
}

// -----

// CHECK-LABEL: func.func @matmul(
// CHECK: %[[W:.*]] = arith.constant dense<[1, 6, -1, 11, 2, 7, -2, 12, 3, 8, -3, 13, 4, 9, -4, 14, 5, 10, -5, 15]> : tensor<20xi8>
// CHECK: %[[B:.*]] = arith.constant dense<0> : tensor<4xi32>
// CHECK-NOT: linalg.generic
// CHECK: vector.transfer_read %[[B]]
// CHECK: vector.transfer_read %[[W]]
// CHECK: arith.muli
// CHECK: tensor.expand_shape %{{.*}} {{\[\[}}0, 1]] output_shape [3, 4] : tensor<12xi32> into tensor<3x4xi32>
// CHECK-NOT: qnn.matmul
// CHECK: return
func.func @matmul(%x: tensor<3x5xi8>) -> tensor<3x4xi32> {
  %w = arith.constant dense<[[1, 6, -1, 11], [2, 7, -2, 12], [3, 8, -3, 13], [4, 9, -4, 14], [5, 10, -5, 15]]> : tensor<5x4xi8>
  %y = qnn.matmul %x, %w : (tensor<3x5xi8>, tensor<5x4xi8>) -> tensor<3x4xi32>
  return %y : tensor<3x4xi32>
}

// -----

// i16 x i16 -> i32 takes pmaddwd directly (no widening of the input, only
// the channel padding); 3 outputs are padded to 4 lanes and sliced off.
// Without pmaddwd there is no i16 kernel.
// WD-LABEL: func.func @fc_i16(
// WD-SAME: %[[X:.*]]: tensor<2x3xi16>
// WD-NOT: linalg.generic
// WD: %[[X4:.*]] = tensor.expand_shape %[[X]] {{\[\[}}0, 1, 2], [3]] output_shape [1, 1, 2, 3] : tensor<2x3xi16> into tensor<1x1x2x3xi16>
// WD: %[[PAD:.*]] = tensor.pad %[[X4]] low[0, 0, 0, 0] high[0, 0, 0, 1]
// WD: arith.constant dense<[1000, -1000, 2, 3, -5, -6, 0, 0, 32767, 0, 4, 0, -7, 0, 0, 0]> : tensor<16xi16>
// WD: vector.transfer_read %[[PAD]]{{.*}} : tensor<1x1x2x4xi16>, vector<2xi16>
// WD: llvm.call_intrinsic "llvm.x86.sse2.pmadd.wd"
// WD: %[[M:.*]] = tensor.expand_shape %{{.*}} {{\[\[}}0, 1]] output_shape [2, 4] : tensor<8xi32> into tensor<2x4xi32>
// WD: %[[Y:.*]] = tensor.extract_slice %[[M]][0, 0] [2, 3] [1, 1] : tensor<2x4xi32> to tensor<2x3xi32>
// WD-NOT: qnn.fully_connected
// WD: return %[[Y]]
// CHECK-LABEL: func.func @fc_i16(
// CHECK-NOT: scf.for
// CHECK: qnn.fully_connected
// CHECK-NOT: scf.for
// CHECK: return
func.func @fc_i16(%x: tensor<2x3xi16>) -> tensor<2x3xi32> {
  %w = arith.constant dense<[[1000, -1000, 32767], [2, 3, 4], [-5, -6, -7]]> : tensor<3x3xi16>
  %y = qnn.fully_connected %x, %w : (tensor<2x3xi16>, tensor<3x3xi16>) -> tensor<2x3xi32>
  return %y : tensor<2x3xi32>
}

// -----

// A conv whose only user is a half_even qnn.rescale (per output channel):
// each transposed channel row is requantized (f32 product, round half to
// even, clamp, + output zero point) and stored as i8; no i32 result tensor
// and no qnn.rescale remain.
// CHECK-LABEL: func.func @conv_rescale(
// CHECK-NOT: tensor<1x4x12xi32>
// CHECK: %[[RES:.*]] = tensor.empty() : tensor<1x4x12xi8>
// CHECK: %[[SCALES:.*]] = arith.constant dense<[5.000000e-01, 2.500000e-01, 1.250000e-01, 6.250000e-02]> : tensor<4xf32>
// CHECK: vector.shuffle
// CHECK: %[[S:.*]] = tensor.extract %[[SCALES]][%{{.*}}] : tensor<4xf32>
// CHECK: %[[SV:.*]] = vector.broadcast %[[S]] : f32 to vector<4xf32>
// CHECK: %[[F:.*]] = arith.sitofp %{{.*}} : vector<4xi32> to vector<4xf32>
// CHECK: arith.mulf %[[F]], %[[SV]] : vector<4xf32>
// CHECK: arith.fptosi %{{.*}} : vector<4xf32> to vector<4xi32>
// CHECK: %[[ZP:.*]] = arith.constant dense<-3> : vector<4xi32>
// CHECK: %[[Q:.*]] = arith.addi %{{.*}}, %[[ZP]] : vector<4xi32>
// CHECK: %[[Q8:.*]] = arith.trunci %[[Q]] : vector<4xi32> to vector<4xi8>
// CHECK: vector.transfer_write %[[Q8]], %{{.*}} : vector<4xi8>, tensor<1x4x12xi8>
// CHECK: %[[Y:.*]] = tensor.expand_shape %{{.*}} : tensor<1x4x12xi8> into tensor<1x4x4x3xi8>
// CHECK-NOT: qnn.rescale
// CHECK-NOT: qnn.conv2d
// CHECK: return %[[Y]]
func.func @conv_rescale(%x: tensor<1x3x4x4xi8>) -> tensor<1x4x4x3xi8> {
  %w = arith.constant dense<3> : tensor<4x3x1x2xi8>
  %a = qnn.conv2d %x, %w : (tensor<1x3x4x4xi8>, tensor<4x3x1x2xi8>) -> tensor<1x4x4x3xi32>
  %y = qnn.rescale %a rounding half_even {axis = 1 : i64, scale = array<f32: 0.5, 0.25, 0.125, 0.0625>, output_zp = -3 : i32, min = -128 : i64, max = 127 : i64} : tensor<1x4x4x3xi32> -> tensor<1x4x4x3xi8>
  return %y : tensor<1x4x4x3xi8>
}

// -----

// Not fused: a double_round rescale, and a half_even rescale that is not
// the conv's only user. The conv is still rewritten; its i32 result feeds
// the rescales.
// CHECK-LABEL: func.func @conv_rescale_not_fused(
// CHECK: %[[A:.*]] = tensor.expand_shape %{{.*}} : tensor<1x4x12xi32> into tensor<1x4x4x3xi32>
// CHECK: qnn.rescale %[[A]] rounding double_round
// CHECK: %[[B:.*]] = tensor.expand_shape %{{.*}} : tensor<1x4x12xi32> into tensor<1x4x4x3xi32>
// CHECK: qnn.rescale %[[B]] rounding half_even
// CHECK-NOT: qnn.conv2d
// CHECK: return %{{.*}}, %{{.*}}, %[[B]]
func.func @conv_rescale_not_fused(%x: tensor<1x3x4x4xi8>) -> (tensor<1x4x4x3xi8>, tensor<1x4x4x3xi8>, tensor<1x4x4x3xi32>) {
  %w = arith.constant dense<3> : tensor<4x3x1x2xi8>
  %a = qnn.conv2d %x, %w : (tensor<1x3x4x4xi8>, tensor<4x3x1x2xi8>) -> tensor<1x4x4x3xi32>
  %y = qnn.rescale %a rounding double_round {multiplier = array<i32: 1518500250>, shift = array<i8: 38>, min = -128 : i64, max = 127 : i64} : tensor<1x4x4x3xi32> -> tensor<1x4x4x3xi8>
  %b = qnn.conv2d %x, %w : (tensor<1x3x4x4xi8>, tensor<4x3x1x2xi8>) -> tensor<1x4x4x3xi32>
  %z = qnn.rescale %b rounding half_even {scale = array<f32: 0.5>, min = -128 : i64, max = 127 : i64} : tensor<1x4x4x3xi32> -> tensor<1x4x4x3xi8>
  return %y, %z, %b : tensor<1x4x4x3xi8>, tensor<1x4x4x3xi8>, tensor<1x4x4x3xi32>
}

// -----

// Reduction blocking: the 4 x 8 x 3 x 3 f32 weights (1152 bytes) exceed a
// 512-byte budget, so the 8 channel steps of every tap split into blocks
// of 3: the first block over all pixel tiles starts at the bias, then a
// loop over the other blocks restarts every tile from its partial sums in
// the output. With the default budget there is one block.
// BLOCK-LABEL: func.func @blocked(
// BLOCK: %[[W:.*]] = arith.constant dense<2.500000e-01> : tensor<288xf32>
// BLOCK: %[[B:.*]] = arith.constant dense<0.000000e+00> : tensor<4xf32>
// BLOCK: vector.transfer_read %[[B]]
// BLOCK: scf.for %{{.*}} = %c0{{(_[0-9]+)?}} to %c3{{(_[0-9]+)?}} step %c1{{(_[0-9]+)?}} iter_args({{.*}}) -> (vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>) {
// BLOCK: vector.transfer_read %[[W]]
// BLOCK: scf.for %[[FROM:.*]] = %c3{{(_[0-9]+)?}} to %c8{{(_[0-9]+)?}} step %c3{{(_[0-9]+)?}} iter_args(%[[OUT:.*]] = %{{.*}}) -> (tensor<64xf32>) {
// BLOCK: %[[TO:.*]] = arith.minui %{{.*}}, %c8{{(_[0-9]+)?}} : index
// BLOCK: %[[P:.*]] = vector.transfer_read %{{.*}}[%{{.*}}], %{{.*}} {in_bounds = [true]} : tensor<64xf32>, vector<4xf32>
// BLOCK: iter_args(%{{.*}} = %[[P]],
// BLOCK: scf.for %{{.*}} = %[[FROM]] to %[[TO]] step
// BLOCK: vector.fma
// BLOCK-NOT: qnn.conv2d
// BLOCK: return
// CHECK-LABEL: func.func @blocked(
// CHECK-NOT: arith.minui
// CHECK: scf.for %{{.*}} = %c0{{(_[0-9]+)?}} to %c8{{(_[0-9]+)?}} step %c1{{(_[0-9]+)?}} iter_args({{.*}}) -> (vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>, vector<4xf32>) {
// CHECK-NOT: arith.minui
// CHECK: return
func.func @blocked(%x: tensor<1x8x4x4xf32>) -> tensor<1x4x4x4xf32> {
  %w = arith.constant dense<0.25> : tensor<4x8x3x3xf32>
  %y = qnn.conv2d %x, %w {padding = array<i64: 1, 1, 1, 1>} : (tensor<1x8x4x4xf32>, tensor<4x8x3x3xf32>) -> tensor<1x4x4x4xf32>
  return %y : tensor<1x4x4x4xf32>
}

// -----

// Left alone: grouped conv, run-time weights, an i16 weight of -32768
// (pmaddwd could overflow).
// CHECK-LABEL: func.func @left_alone(
// CHECK-NOT: scf.for
// CHECK: qnn.conv2d %{{.*}}, %{{.*}} {groups = 2 : i64}
// CHECK: qnn.conv2d %{{.*}}, %{{.*}} :
// CHECK: qnn.fully_connected
// CHECK-NOT: scf.for
// CHECK: return
// WD-LABEL: func.func @left_alone(
// WD-NOT: llvm.call_intrinsic
// WD: qnn.conv2d %{{.*}}, %{{.*}} {groups = 2 : i64}
// WD: qnn.conv2d %{{.*}}, %{{.*}} :
// WD: qnn.fully_connected
// WD-NOT: llvm.call_intrinsic
// WD: return
// VNNI-LABEL: func.func @left_alone(
// VNNI-NOT: llvm.call_intrinsic
// VNNI: qnn.conv2d %{{.*}}, %{{.*}} {groups = 2 : i64}
// VNNI: qnn.conv2d %{{.*}}, %{{.*}} :
// VNNI-NOT: llvm.call_intrinsic
// VNNI: return
func.func @left_alone(%x: tensor<1x4x5x5xi8>, %wa: tensor<4x4x3x3xi8>, %y: tensor<2x3xi16>) -> (tensor<1x4x3x3xi32>, tensor<1x4x3x3xi32>, tensor<2x2xi32>) {
  %wg = arith.constant dense<1> : tensor<4x2x3x3xi8>
  %g = qnn.conv2d %x, %wg {groups = 2 : i64} : (tensor<1x4x5x5xi8>, tensor<4x2x3x3xi8>) -> tensor<1x4x3x3xi32>
  %r = qnn.conv2d %x, %wa : (tensor<1x4x5x5xi8>, tensor<4x4x3x3xi8>) -> tensor<1x4x3x3xi32>
  %wm = arith.constant dense<[[-32768, 1, 2], [3, 4, 5]]> : tensor<2x3xi16>
  %m = qnn.fully_connected %y, %wm : (tensor<2x3xi16>, tensor<2x3xi16>) -> tensor<2x2xi32>
  return %g, %r, %m : tensor<1x4x3x3xi32>, tensor<1x4x3x3xi32>, tensor<2x2xi32>
}
