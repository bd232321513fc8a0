// -convert-qnn-to-linalg: float and integer-form qnn ops to linalg /
// tensor / arith / math on tensors. Convolutions become one
// linalg.contract per kernel tap over strided slices of the zero-padded
// input, accumulating into the broadcast bias (groups as a [G, O/G, C/G]
// dimension); fully_connected / matmul one linalg.contract; elementwise,
// rescale, quantize and dequantize linalg.generic ops with explicit
// rounding; pooling the linalg pooling ops; data movement tensor ops.
// !quant.uniform tensors become their storage integers. Quantized-type
// form ops and non-f32 floats are reported with their location.
// RUN: quant-opt %s -split-input-file -verify-diagnostics -convert-qnn-to-linalg | FileCheck %s

// Stride 2, padding 1, 2x2 kernel: the input is zero-padded once, then each
// of the 4 taps is a contraction of the tap's [1, 3, 2] weight slice with
// a stride-2 slice of the padded input, chained through the accumulator
// that starts as the broadcast bias.
// CHECK-DAG: #[[$BIAS:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d1, d2)>
// CHECK-DAG: #[[$W:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d1, d2, d5)>
// CHECK-DAG: #[[$X:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d5, d3, d4)>
// CHECK-DAG: #[[$Y:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d3, d4)>
// CHECK-LABEL: func.func @conv(
// CHECK-SAME: %[[X:[^:]*]]: tensor<1x2x5x5xf32>, %[[W:[^:]*]]: tensor<3x2x2x2xf32>, %[[B:[^:]*]]: tensor<3xf32>
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[P:.*]] = tensor.pad %[[X]] low[0, 0, 1, 1] high[0, 0, 1, 1]
// CHECK: tensor.yield %[[ZERO]]
// CHECK: %[[PG:.*]] = tensor.expand_shape %[[P]] {{\[\[}}0], [1, 2], [3], [4]] output_shape [1, 1, 2, 7, 7]
// CHECK: %[[WG:.*]] = tensor.expand_shape %[[W]] {{\[\[}}0, 1], [2], [3], [4]] output_shape [1, 3, 2, 2, 2]
// CHECK: %[[BG:.*]] = tensor.expand_shape %[[B]]
// CHECK: %[[ACC:.*]] = linalg.generic {indexing_maps = [#[[$BIAS]], {{.*}}]{{.*}} ins(%[[BG]] : tensor<1x3xf32>) outs(%{{.*}} : tensor<1x1x3x3x3xf32>)
// CHECK: %[[X00:.*]] = tensor.extract_slice %[[PG]][0, 0, 0, 0, 0] [1, 1, 2, 3, 3] [1, 1, 1, 2, 2]
// CHECK: %[[W00:.*]] = tensor.extract_slice %[[WG]][0, 0, 0, 0, 0] [1, 3, 2, 1, 1] [1, 1, 1, 1, 1] : tensor<1x3x2x2x2xf32> to tensor<1x3x2xf32>
// CHECK: %[[T0:.*]] = linalg.contract indexing_maps = [#[[$W]], #[[$X]], #[[$Y]]] ins(%[[W00]], %[[X00]] : tensor<1x3x2xf32>, tensor<1x1x2x3x3xf32>) outs(%[[ACC]] : tensor<1x1x3x3x3xf32>)
// CHECK: tensor.extract_slice %[[PG]][0, 0, 0, 0, 1] [1, 1, 2, 3, 3] [1, 1, 1, 2, 2]
// CHECK: %[[T1:.*]] = linalg.contract {{.*}} outs(%[[T0]] :
// CHECK: tensor.extract_slice %[[PG]][0, 0, 0, 1, 0] [1, 1, 2, 3, 3] [1, 1, 1, 2, 2]
// CHECK: %[[T2:.*]] = linalg.contract {{.*}} outs(%[[T1]] :
// CHECK: tensor.extract_slice %[[PG]][0, 0, 0, 1, 1] [1, 1, 2, 3, 3] [1, 1, 1, 2, 2]
// CHECK: %[[T3:.*]] = linalg.contract {{.*}} outs(%[[T2]] :
// CHECK-NOT: linalg.contract
// CHECK: %[[R:.*]] = tensor.collapse_shape %[[T3]] {{\[\[}}0], [1, 2], [3], [4]] : tensor<1x1x3x3x3xf32> into tensor<1x3x3x3xf32>
// CHECK: return %[[R]]
func.func @conv(%x: tensor<1x2x5x5xf32>, %w: tensor<3x2x2x2xf32>, %b: tensor<3xf32>) -> tensor<1x3x3x3xf32> {
  %y = qnn.conv2d %x, %w, %b {strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>} : (tensor<1x2x5x5xf32>, tensor<3x2x2x2xf32>, tensor<3xf32>) -> tensor<1x3x3x3xf32>
  return %y : tensor<1x3x3x3xf32>
}

// -----

// Depthwise i8 -> i32: 4 groups of one channel; constant weights are
// permuted at compile time to the tap-major [taps][G][O/G][C/G] layout;
// the i8 operands go straight into the contraction (sign-extended by it),
// the accumulator is a zero i32 fill without a bias.
// CHECK-LABEL: func.func @depthwise_i8(
// CHECK-SAME: %[[X:[^:]*]]: tensor<1x4x3x3xi8>
// CHECK: %[[XG:.*]] = tensor.expand_shape %[[X]] {{\[\[}}0], [1, 2], [3], [4]] output_shape [1, 4, 1, 3, 3] : tensor<1x4x3x3xi8> into tensor<1x4x1x3x3xi8>
// CHECK: %[[WP:.*]] = arith.constant dense<{{\[\[\[\[}}1]], {{\[\[}}2]], {{\[\[}}3]], {{\[\[}}4]]]]> : tensor<1x4x1x1xi8>
// CHECK: %[[Z:.*]] = arith.constant 0 : i32
// CHECK: %[[ACC:.*]] = linalg.fill ins(%[[Z]] : i32) outs(%{{.*}} : tensor<1x4x1x3x3xi32>)
// CHECK: %[[WT:.*]] = tensor.extract_slice %[[WP]][0, 0, 0, 0] [1, 4, 1, 1] [1, 1, 1, 1] : tensor<1x4x1x1xi8> to tensor<4x1x1xi8>
// CHECK: %[[Y:.*]] = linalg.contract {{.*}} ins(%[[WT]], %{{.*}} : tensor<4x1x1xi8>, tensor<1x4x1x3x3xi8>) outs(%[[ACC]] : tensor<1x4x1x3x3xi32>)
// CHECK: tensor.collapse_shape %[[Y]] {{.*}} into tensor<1x4x3x3xi32>
func.func @depthwise_i8(%x: tensor<1x4x3x3xi8>) -> tensor<1x4x3x3xi32> {
  %w = arith.constant dense<[[[[1]]], [[[2]]], [[[3]]], [[[4]]]]> : tensor<4x1x1x1xi8>
  %y = qnn.conv2d %x, %w {groups = 4 : i64} : (tensor<1x4x3x3xi8>, tensor<4x1x1x1xi8>) -> tensor<1x4x3x3xi32>
  return %y : tensor<1x4x3x3xi32>
}

// -----

// fully_connected: run-time weights are transposed by linalg.transpose,
// constant weights at compile time; out[b, o] += in[b, k] * wT[k, o].
// CHECK-DAG: #[[$A:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-DAG: #[[$B:.*]] = affine_map<(d0, d1, d2) -> (d2, d1)>
// CHECK-DAG: #[[$C:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-LABEL: func.func @fully_connected(
// CHECK-SAME: %[[X:[^:]*]]: tensor<2x3xf32>, %[[W:[^:]*]]: tensor<4x3xf32>
// CHECK: %[[WT:.*]] = linalg.transpose ins(%[[W]] : tensor<4x3xf32>) outs(%{{.*}} : tensor<3x4xf32>) permutation = [1, 0]
// CHECK: %[[Z:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<2x4xf32>)
// CHECK: %[[A:.*]] = linalg.contract indexing_maps = [#[[$A]], #[[$B]], #[[$C]]] ins(%[[X]], %[[WT]] : tensor<2x3xf32>, tensor<3x4xf32>) outs(%[[Z]] : tensor<2x4xf32>)
// CHECK: %[[CT:.*]] = arith.constant dense<{{\[\[}}1.000000e+00, 4.000000e+00, 7.000000e+00, 1.000000e+01], [2.000000e+00, 5.000000e+00, 8.000000e+00, 1.100000e+01], [3.000000e+00, 6.000000e+00, 9.000000e+00, 1.200000e+01]]> : tensor<3x4xf32>
// CHECK-NOT: linalg.transpose
// CHECK: %[[B:.*]] = linalg.contract {{.*}} ins(%[[X]], %[[CT]] : tensor<2x3xf32>, tensor<3x4xf32>)
// CHECK: return %[[A]], %[[B]]
func.func @fully_connected(%x: tensor<2x3xf32>, %w: tensor<4x3xf32>) -> (tensor<2x4xf32>, tensor<2x4xf32>) {
  %c = arith.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0], [10.0, 11.0, 12.0]]> : tensor<4x3xf32>
  %a = qnn.fully_connected %x, %w : (tensor<2x3xf32>, tensor<4x3xf32>) -> tensor<2x4xf32>
  %b = qnn.fully_connected %x, %c : (tensor<2x3xf32>, tensor<4x3xf32>) -> tensor<2x4xf32>
  return %a, %b : tensor<2x4xf32>, tensor<2x4xf32>
}

// -----

// Numpy-broadcast batches [2, 1] x [3]: the unit batch dimension is
// collapsed away and each operand map drops the batch it lacks.
// CHECK-DAG: #[[$L:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d2, d4)>
// CHECK-DAG: #[[$R:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d1, d4, d3)>
// CHECK-DAG: #[[$O:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @matmul_broadcast(
// CHECK-SAME: %[[A:[^:]*]]: tensor<2x1x5x7xf32>, %[[B:[^:]*]]: tensor<3x7x9xf32>
// CHECK: %[[A3:.*]] = tensor.collapse_shape %[[A]] {{\[\[}}0], [1, 2], [3]] : tensor<2x1x5x7xf32> into tensor<2x5x7xf32>
// CHECK: linalg.contract indexing_maps = [#[[$L]], #[[$R]], #[[$O]]] ins(%[[A3]], %[[B]] : tensor<2x5x7xf32>, tensor<3x7x9xf32>) outs(%{{.*}} : tensor<2x3x5x9xf32>)
func.func @matmul_broadcast(%a: tensor<2x1x5x7xf32>, %b: tensor<3x7x9xf32>) -> tensor<2x3x5x9xf32> {
  %y = qnn.matmul %a, %b : (tensor<2x1x5x7xf32>, tensor<3x7x9xf32>) -> tensor<2x3x5x9xf32>
  return %y : tensor<2x3x5x9xf32>
}

// -----

// A per-channel operand [8, 1, 1] broadcast against [1, 8, 4, 5]: collapsed
// to [8] and read through (d0, d1, d2, d3) -> (d1).
// CHECK-DAG: #[[$ID:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[$CH:.*]] = affine_map<(d0, d1, d2, d3) -> (d1)>
// CHECK-LABEL: func.func @add_broadcast(
// CHECK-SAME: %[[A:[^:]*]]: tensor<1x8x4x5xf32>, %[[B:[^:]*]]: tensor<8x1x1xf32>
// CHECK: %[[B1:.*]] = tensor.collapse_shape %[[B]] {{\[\[}}0, 1, 2]] : tensor<8x1x1xf32> into tensor<8xf32>
// CHECK: linalg.generic {indexing_maps = [#[[$ID]], #[[$CH]], #[[$ID]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%[[A]], %[[B1]] : tensor<1x8x4x5xf32>, tensor<8xf32>)
// CHECK: ^bb0(%[[L:.*]]: f32, %[[R:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[S:.*]] = arith.addf %[[L]], %[[R]] : f32
// CHECK: linalg.yield %[[S]]
func.func @add_broadcast(%a: tensor<1x8x4x5xf32>, %b: tensor<8x1x1xf32>) -> tensor<1x8x4x5xf32> {
  %y = qnn.add %a, %b : (tensor<1x8x4x5xf32>, tensor<8x1x1xf32>) -> tensor<1x8x4x5xf32>
  return %y : tensor<1x8x4x5xf32>
}

// -----

// clamp = max then min with the bounds; sign = two compares and selects.
// CHECK-LABEL: func.func @clamp_sign(
// CHECK: %[[LO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[HI:.*]] = arith.constant 6.000000e+00 : f32
// CHECK: linalg.generic
// CHECK: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[M:.*]] = arith.maximumf %[[IN]], %[[LO]] : f32
// CHECK: %[[C:.*]] = arith.minimumf %[[M]], %[[HI]] : f32
// CHECK: linalg.yield %[[C]]
// CHECK: linalg.generic
// CHECK: %[[GT:.*]] = arith.cmpf ogt
// CHECK: %[[LT:.*]] = arith.cmpf olt
// CHECK: %[[NEG:.*]] = arith.select %[[LT]]
// CHECK: %[[SG:.*]] = arith.select %[[GT]], %{{.*}}, %[[NEG]] : f32
// CHECK: linalg.yield %[[SG]]
func.func @clamp_sign(%a: tensor<4x33xf32>) -> (tensor<4x33xf32>, tensor<4x33xf32>) {
  %r = qnn.clamp %a {min = 0.0 : f32, max = 6.0 : f32} : tensor<4x33xf32>
  %s = qnn.sign %a : tensor<4x33xf32>
  return %r, %s : tensor<4x33xf32>, tensor<4x33xf32>
}

// -----

// softmax over the last axis: row maximum (from -inf), exp(x - max), row
// sum, divide.
// CHECK-LABEL: func.func @softmax(
// CHECK-SAME: %[[X:[^:]*]]: tensor<3x10xf32>
// CHECK: %[[NINF:.*]] = arith.constant 0xFF800000 : f32
// CHECK: %[[MAX0:.*]] = linalg.fill ins(%[[NINF]] : f32) outs(%{{.*}} : tensor<3xf32>)
// CHECK: %[[MAX:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]} ins(%[[X]] : tensor<3x10xf32>) outs(%[[MAX0]] : tensor<3xf32>)
// CHECK: arith.maximumf
// CHECK: %[[E:.*]] = linalg.generic {{.*}} ins(%[[X]], %[[MAX]] : tensor<3x10xf32>, tensor<3xf32>)
// CHECK: %[[D:.*]] = arith.subf
// CHECK: math.exp %[[D]] : f32
// CHECK: %[[SUM:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]} ins(%[[E]] : tensor<3x10xf32>)
// CHECK: arith.addf
// CHECK: linalg.generic {{.*}} ins(%[[E]], %[[SUM]] : tensor<3x10xf32>, tensor<3xf32>)
// CHECK: arith.divf
func.func @softmax(%x: tensor<3x10xf32>) -> tensor<3x10xf32> {
  %y = qnn.softmax %x : tensor<3x10xf32> -> tensor<3x10xf32>
  return %y : tensor<3x10xf32>
}

// -----

// The three rounding modes of qnn.rescale, i32 -> i8:
// half_even: f32 product, round half to even with the 1.5 * 2^23 trick
// (only below 2^23), clamp to [min - zp, max - zp], convert, + zp;
// double_round (TFLite, shift 38: 2^-7 after the doubling high multiply):
// (x * m + nudge) / 2^31, then a rounding right shift by 7, clamp;
// single_round (TOSA): (x * m + 2^37) >> 38, clamp.
// CHECK-LABEL: func.func @rescales(
// CHECK: %[[SCALE:.*]] = arith.constant 5.000000e-01 : f32
// CHECK: linalg.generic
// CHECK: %[[F:.*]] = arith.sitofp %{{.*}} : i32 to f32
// CHECK: %[[P:.*]] = arith.mulf %[[F]], %[[SCALE]] : f32
// CHECK: %[[MAGIC:.*]] = arith.constant 0x4B400000 : f32
// CHECK: %[[T:.*]] = arith.addf %[[P]], %[[MAGIC]] : f32
// CHECK: arith.subf %[[T]], %[[MAGIC]] : f32
// CHECK: arith.constant -1.250000e+02 : f32
// CHECK: arith.constant 1.300000e+02 : f32
// CHECK: arith.fptosi %{{.*}} : f32 to i32
// CHECK: %[[ZP:.*]] = arith.constant -3 : i32
// CHECK: %[[Q:.*]] = arith.addi %{{.*}}, %[[ZP]] : i32
// CHECK: arith.trunci %[[Q]] : i32 to i8
// CHECK: %[[M:.*]] = arith.constant 1518500250 : i64
// CHECK: %[[EXP:.*]] = arith.constant 7 : i64
// CHECK: linalg.generic
// CHECK: %[[PROD:.*]] = arith.muli %{{.*}}, %[[M]] : i64
// CHECK: arith.constant -1073741823 : i64
// CHECK: arith.constant 1073741824 : i64
// CHECK: %[[N:.*]] = arith.addi %[[PROD]], %{{.*}} : i64
// CHECK: %[[H:.*]] = arith.divsi %[[N]], %{{.*}} : i64
// CHECK: arith.shrsi %[[H]], %[[EXP]] : i64
// CHECK: arith.trunci %{{.*}} : i64 to i8
// CHECK: %[[S:.*]] = arith.constant 38 : i64
// CHECK: linalg.generic
// CHECK: %[[PROD2:.*]] = arith.muli %{{.*}}, %{{.*}} : i64
// CHECK: %[[SUM:.*]] = arith.addi %[[PROD2]], %{{.*}} : i64
// CHECK: arith.shrsi %[[SUM]], %[[S]] : i64
// CHECK: arith.trunci %{{.*}} : i64 to i8
// CHECK-NOT: qnn.rescale
func.func @rescales(%acc: tensor<4x9xi32>) -> (tensor<4x9xi8>, tensor<4x9xi8>, tensor<4x9xi8>) {
  %a = qnn.rescale %acc rounding half_even {scale = array<f32: 0.5>, output_zp = -3 : i32, min = -128 : i64, max = 127 : i64} : tensor<4x9xi32> -> tensor<4x9xi8>
  %b = qnn.rescale %acc rounding double_round {multiplier = array<i32: 1518500250>, shift = array<i8: 38>, min = -128 : i64, max = 127 : i64} : tensor<4x9xi32> -> tensor<4x9xi8>
  %c = qnn.rescale %acc rounding single_round {multiplier = array<i32: 1518500250>, shift = array<i8: 38>, min = -128 : i64, max = 127 : i64} : tensor<4x9xi32> -> tensor<4x9xi8>
  return %a, %b, %c : tensor<4x9xi8>, tensor<4x9xi8>, tensor<4x9xi8>
}

// -----

// quantize (ONNX QuantizeLinear: x / scale in f32, ties to even, + zp,
// saturate) to i8 storage, and dequantize back.
// CHECK-LABEL: func.func @quantize_dequantize(
// CHECK-SAME: %[[X:[^:]*]]: tensor<2x8xf32>) -> tensor<2x8xf32>
// CHECK: %[[SC:.*]] = arith.constant 0.00999999977 : f32
// CHECK: %[[ZP:.*]] = arith.constant 5 : i64
// CHECK: %[[Q:.*]] = linalg.generic {{.*}} ins(%[[X]] : tensor<2x8xf32>) outs(%{{.*}} : tensor<2x8xi8>)
// CHECK: arith.divf %{{.*}}, %[[SC]] : f32
// CHECK: arith.fptosi %{{.*}} : f32 to i64
// CHECK: arith.addi %{{.*}}, %[[ZP]] : i64
// CHECK: arith.trunci %{{.*}} : i64 to i8
// CHECK: linalg.generic {{.*}} ins(%[[Q]] : tensor<2x8xi8>) outs(%{{.*}} : tensor<2x8xf32>)
// CHECK: arith.extsi %{{.*}} : i8 to i64
// CHECK: arith.subi
// CHECK: arith.sitofp %{{.*}} : i64 to f32
// CHECK: arith.mulf
// CHECK-NOT: quant.uniform
func.func @quantize_dequantize(%x: tensor<2x8xf32>) -> tensor<2x8xf32> {
  %q = qnn.quantize %x : tensor<2x8xf32> -> tensor<2x8x!quant.uniform<i8:f32, 0.01:5>>
  %d = qnn.dequantize %q : tensor<2x8x!quant.uniform<i8:f32, 0.01:5>> -> tensor<2x8xf32>
  return %d : tensor<2x8xf32>
}

// -----

// !quant.uniform signatures become storage integers; quant.scast goes.
// CHECK-LABEL: func.func @scast(
// CHECK-SAME: %[[X:[^:]*]]: tensor<4xi8>) -> tensor<4xi8>
// CHECK-NEXT: return %[[X]] : tensor<4xi8>
func.func @scast(%x: tensor<4x!quant.uniform<i8:f32, 0.5>>) -> tensor<4xi8> {
  %s = quant.scast %x : tensor<4x!quant.uniform<i8:f32, 0.5>> to tensor<4xi8>
  return %s : tensor<4xi8>
}

// -----

// Max pooling pads with -inf and starts from -inf (the minimum integer for
// i8); average pooling is a sum pooling divided by the window counts;
// global average pooling a reduction divided by H * W.
// CHECK-LABEL: func.func @pools(
// CHECK-SAME: %[[X:[^:]*]]: tensor<1x2x8x8xf32>, %[[I:[^:]*]]: tensor<1x2x8x8xi8>, %[[F:[^:]*]]: tensor<1x3x8x40xf32>
// CHECK: %[[NINF:.*]] = arith.constant 0xFF800000 : f32
// CHECK: %[[P:.*]] = tensor.pad %[[X]] low[0, 0, 1, 1] high[0, 0, 0, 0]
// CHECK: tensor.yield %[[NINF]] : f32
// CHECK: %[[PS:.*]] = tensor.extract_slice %[[P]][0, 0, 0, 0] [1, 2, 8, 8] [1, 1, 1, 1]
// CHECK: %[[M0:.*]] = linalg.fill ins(%[[NINF]] : f32)
// CHECK: linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%[[PS]], %{{.*}} : tensor<1x2x8x8xf32>, tensor<2x2xf32>) outs(%[[M0]] : tensor<1x2x4x4xf32>)
// CHECK: %[[MIN:.*]] = arith.constant -128 : i8
// CHECK: %[[I0:.*]] = linalg.fill ins(%[[MIN]] : i8)
// CHECK: linalg.pooling_nchw_max {{.*}} ins(%[[I]], %{{.*}} : tensor<1x2x8x8xi8>, tensor<2x2xi8>) outs(%[[I0]] : tensor<1x2x4x4xi8>)
// CHECK: %[[SUM:.*]] = linalg.pooling_nchw_sum {{.*}} ins(%[[F]], %{{.*}} : tensor<1x3x8x40xf32>, tensor<3x3xf32>)
// CHECK: %[[CNT:.*]] = arith.constant dense<9.000000e+00> : tensor<6x38xf32>
// CHECK: linalg.generic {{.*}} ins(%[[SUM]], %[[CNT]] : tensor<1x3x6x38xf32>, tensor<6x38xf32>)
// CHECK: arith.divf
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "reduction", "reduction"]} ins(%[[F]] : tensor<1x3x8x40xf32>) outs(%{{.*}} : tensor<1x3xf32>)
// CHECK: %[[HW:.*]] = arith.constant 3.200000e+02 : f32
// CHECK: arith.divf %{{.*}}, %[[HW]] : f32
// CHECK: tensor.expand_shape {{.*}} output_shape [1, 3, 1, 1]
func.func @pools(%x: tensor<1x2x8x8xf32>, %i: tensor<1x2x8x8xi8>, %f: tensor<1x3x8x40xf32>) -> (tensor<1x2x4x4xf32>, tensor<1x2x4x4xi8>, tensor<1x3x6x38xf32>, tensor<1x3x1x1xf32>) {
  %m = qnn.max_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 0, 0>} : tensor<1x2x8x8xf32> -> tensor<1x2x4x4xf32>
  %mi = qnn.max_pool2d %i {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : tensor<1x2x8x8xi8> -> tensor<1x2x4x4xi8>
  %a = qnn.avg_pool2d %f {kernel = array<i64: 3, 3>} : tensor<1x3x8x40xf32> -> tensor<1x3x6x38xf32>
  %g = qnn.global_avg_pool %f : tensor<1x3x8x40xf32> -> tensor<1x3x1x1xf32>
  return %m, %mi, %a, %g : tensor<1x2x4x4xf32>, tensor<1x2x4x4xi8>, tensor<1x3x6x38xf32>, tensor<1x3x1x1xf32>
}

// -----

// Data movement: reshape through collapse / expand, transpose, concat as
// insert_slice ops, pad with its value.
// CHECK-LABEL: func.func @shapes(
// CHECK-SAME: %[[X:[^:]*]]: tensor<2x3x4xf32>, %[[Y:[^:]*]]: tensor<2x3x2xf32>
// CHECK: %[[FLAT:.*]] = tensor.collapse_shape %[[X]] {{\[\[}}0, 1, 2]] : tensor<2x3x4xf32> into tensor<24xf32>
// CHECK: %[[R:.*]] = tensor.expand_shape %[[FLAT]] {{\[\[}}0, 1]] output_shape [6, 4] : tensor<24xf32> into tensor<6x4xf32>
// CHECK: %[[T:.*]] = linalg.transpose ins(%[[X]] : tensor<2x3x4xf32>) outs(%{{.*}} : tensor<4x2x3xf32>) permutation = [2, 0, 1]
// CHECK: %[[C0:.*]] = tensor.insert_slice %[[X]] into %{{.*}}[0, 0, 0] [2, 3, 4] [1, 1, 1] : tensor<2x3x4xf32> into tensor<2x3x6xf32>
// CHECK: %[[C:.*]] = tensor.insert_slice %[[Y]] into %[[C0]][0, 0, 4] [2, 3, 2] [1, 1, 1] : tensor<2x3x2xf32> into tensor<2x3x6xf32>
// CHECK: %[[V:.*]] = arith.constant -3.000000e+00 : f32
// CHECK: %[[P:.*]] = tensor.pad %[[X]] low[0, 1, 0] high[0, 1, 0]
// CHECK: tensor.yield %[[V]] : f32
// CHECK: return %[[R]], %[[T]], %[[C]], %[[P]]
func.func @shapes(%x: tensor<2x3x4xf32>, %y: tensor<2x3x2xf32>) -> (tensor<6x4xf32>, tensor<4x2x3xf32>, tensor<2x3x6xf32>, tensor<2x5x4xf32>) {
  %r = qnn.reshape %x : tensor<2x3x4xf32> -> tensor<6x4xf32>
  %t = qnn.transpose %x {permutation = array<i64: 2, 0, 1>} : tensor<2x3x4xf32> -> tensor<4x2x3xf32>
  %c = qnn.concat %x, %y {axis = 2 : i64} : (tensor<2x3x4xf32>, tensor<2x3x2xf32>) -> tensor<2x3x6xf32>
  %p = qnn.pad %x {pads = array<i64: 0, 1, 0, 0, 1, 0>, value = -3.0 : f64} : tensor<2x3x4xf32> -> tensor<2x5x4xf32>
  return %r, %t, %c, %p : tensor<6x4xf32>, tensor<4x2x3xf32>, tensor<2x3x6xf32>, tensor<2x5x4xf32>
}

// -----

// Not lowered: the quantized-type form (run -qnn-lower-to-integer first)
// and floats other than f32.
func.func @quantized_form(%x: tensor<4x!quant.uniform<i8:f32, 0.5>>) -> tensor<4x!quant.uniform<i8:f32, 0.5>> {
  // expected-error @+1 {{convert-qnn-to-linalg: cannot lower 'qnn.add': operands of quantized type belong to the quantized-type form: run -qnn-lower-to-integer first}}
  %y = qnn.add %x, %x : (tensor<4x!quant.uniform<i8:f32, 0.5>>, tensor<4x!quant.uniform<i8:f32, 0.5>>) -> tensor<4x!quant.uniform<i8:f32, 0.5>>
  return %y : tensor<4x!quant.uniform<i8:f32, 0.5>>
}

// -----

func.func @f16(%x: tensor<4xf16>) -> tensor<4xf16> {
  // expected-error @+1 {{convert-qnn-to-linalg: cannot lower 'qnn.add': float element type f16 is not supported (f32 only)}}
  %y = qnn.add %x, %x : (tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
  return %y : tensor<4xf16>
}
