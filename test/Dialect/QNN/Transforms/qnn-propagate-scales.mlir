// RUN: quant-opt %s -qnn-propagate-scales -split-input-file 2>/dev/null | FileCheck %s
// RUN: quant-opt %s -qnn-propagate-scales="align-add=false quantize-bias=false accumulators=false" -split-input-file 2>/dev/null | FileCheck %s --check-prefix=OFF
// RUN: quant-opt %s -qnn-propagate-scales -qnn-fold-requant -canonicalize -split-input-file 2>/dev/null | FileCheck %s --check-prefix=FUSE

// Parameters move forward from a dequantize through reshape and transpose;
// each moved value gets a quantize -> dequantize pair with them.
// CHECK-LABEL: func.func @forward_chain
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x1x1x!quant.uniform<i8:f32, 5.000000e-01>>)
// CHECK-NEXT: %[[D:.*]] = qnn.dequantize %[[X]]
// CHECK-NEXT: %[[R:.*]] = qnn.reshape %[[D]] : tensor<1x4x1x1xf32> -> tensor<1x4xf32>
// CHECK-NEXT: %[[RQ:.*]] = qnn.quantize %[[R]] : tensor<1x4xf32> -> tensor<1x4x!quant.uniform<i8:f32, 5.000000e-01>>
// CHECK-NEXT: %[[RD:.*]] = qnn.dequantize %[[RQ]]
// CHECK-NEXT: %[[T:.*]] = qnn.transpose %[[RD]]
// CHECK-NEXT: %[[TQ:.*]] = qnn.quantize %[[T]] : tensor<4x1xf32> -> tensor<4x1x!quant.uniform<i8:f32, 5.000000e-01>>
// CHECK-NEXT: %[[TD:.*]] = qnn.dequantize %[[TQ]]
// CHECK-NEXT: return %[[TD]]
// Downstream, the groups fuse into data movement on codes.
// FUSE-LABEL: func.func @forward_chain
// FUSE-SAME: (%[[X:.*]]: tensor
// FUSE-NEXT: %[[R:.*]] = qnn.reshape %[[X]] : tensor<1x4x1x1x!quant.uniform<i8:f32, 5.000000e-01>> -> tensor<4x1x!quant.uniform<i8:f32, 5.000000e-01>>
// FUSE-NEXT: %[[D:.*]] = qnn.dequantize %[[R]]
// FUSE-NEXT: return %[[D]]
func.func @forward_chain(%x: tensor<1x4x1x1x!quant.uniform<i8:f32, 0.5>>) -> tensor<4x1xf32> {
  %d = qnn.dequantize %x : tensor<1x4x1x1x!quant.uniform<i8:f32, 0.5>> -> tensor<1x4x1x1xf32>
  %r = qnn.reshape %d : tensor<1x4x1x1xf32> -> tensor<1x4xf32>
  %t = qnn.transpose %r {permutation = array<i64: 1, 0>} : tensor<1x4xf32> -> tensor<4x1xf32>
  return %t : tensor<4x1xf32>
}

// -----

// Per-channel parameters follow their axis: axis 1 of 1x4x1x1 is axis 1 of
// 1x4 after the reshape and axis 0 of 4x1 after the transpose.
// CHECK-LABEL: func.func @forward_per_axis
// CHECK: %[[R:.*]] = qnn.reshape
// CHECK-NEXT: qnn.quantize %[[R]] : tensor<1x4xf32> -> tensor<1x4x!quant.uniform<i8:f32:1, {5.000000e-01,2.500000e-01,1.250000e-01,1.000000e+00}>>
// CHECK: %[[T:.*]] = qnn.transpose
// CHECK-NEXT: qnn.quantize %[[T]] : tensor<4x1xf32> -> tensor<4x1x!quant.uniform<i8:f32:0, {5.000000e-01,2.500000e-01,1.250000e-01,1.000000e+00}>>
func.func @forward_per_axis(%x: tensor<1x4x1x1x!quant.uniform<i8:f32:1, {0.5, 0.25, 0.125, 1.0}>>) -> tensor<4x1xf32> {
  %d = qnn.dequantize %x : tensor<1x4x1x1x!quant.uniform<i8:f32:1, {0.5, 0.25, 0.125, 1.0}>> -> tensor<1x4x1x1xf32>
  %r = qnn.reshape %d : tensor<1x4x1x1xf32> -> tensor<1x4xf32>
  %t = qnn.transpose %r {permutation = array<i64: 1, 0>} : tensor<1x4xf32> -> tensor<4x1xf32>
  return %t : tensor<4x1xf32>
}

// -----

// Backward from a quantize: the argument is quantized with the parameters
// the quantize after the transpose asks for, axis 0 mapped back to axis 1.
// CHECK-LABEL: func.func @backward_per_axis
// CHECK-SAME: (%[[X:.*]]: tensor<1x4xf32>)
// CHECK-NEXT: %[[Q:.*]] = qnn.quantize %[[X]] : tensor<1x4xf32> -> tensor<1x4x!quant.uniform<i8:f32:1, {5.000000e-01,2.500000e-01,1.250000e-01,1.000000e+00}>>
// CHECK-NEXT: %[[D:.*]] = qnn.dequantize %[[Q]]
// CHECK-NEXT: %[[T:.*]] = qnn.transpose %[[D]]
// CHECK-NEXT: %[[TQ:.*]] = qnn.quantize %[[T]] : tensor<4x1xf32> -> tensor<4x1x!quant.uniform<i8:f32:0, {5.000000e-01,2.500000e-01,1.250000e-01,1.000000e+00}>>
// CHECK-NEXT: return %[[TQ]]
func.func @backward_per_axis(%x: tensor<1x4xf32>) -> tensor<4x1x!quant.uniform<i8:f32:0, {0.5, 0.25, 0.125, 1.0}>> {
  %t = qnn.transpose %x {permutation = array<i64: 1, 0>} : tensor<1x4xf32> -> tensor<4x1xf32>
  %q = qnn.quantize %t : tensor<4x1xf32> -> tensor<4x1x!quant.uniform<i8:f32:0, {0.5, 0.25, 0.125, 1.0}>>
  return %q : tensor<4x1x!quant.uniform<i8:f32:0, {0.5, 0.25, 0.125, 1.0}>>
}

// -----

// Backward parameters reroute only the uses that asked for them: the
// softmax still reads the unrounded clamp. Clamp is forward-only, so the
// argument stays float.
// CHECK-LABEL: func.func @backward_only_asking_uses
// CHECK-SAME: (%[[X:.*]]: tensor<1x4xf32>)
// CHECK-NEXT: %[[Y:.*]] = qnn.clamp %[[X]]
// CHECK-NEXT: %[[YQ:.*]] = qnn.quantize %[[Y]] : tensor<1x4xf32> -> tensor<1x4x!quant.uniform<i8:f32, 2.500000e-01>>
// CHECK-NEXT: %[[YD:.*]] = qnn.dequantize %[[YQ]]
// CHECK-NEXT: %[[R:.*]] = qnn.reshape %[[YD]]
// CHECK-NEXT: %[[RQ:.*]] = qnn.quantize %[[R]]
// CHECK-NEXT: %[[S:.*]] = qnn.softmax %[[Y]]
// CHECK-NEXT: return %[[RQ]], %[[S]]
func.func @backward_only_asking_uses(%x: tensor<1x4xf32>) -> (tensor<4x!quant.uniform<i8:f32, 0.25>>, tensor<1x4xf32>) {
  %y = qnn.clamp %x {min = 0.0 : f32, max = 6.0 : f32} : tensor<1x4xf32>
  %r = qnn.reshape %y : tensor<1x4xf32> -> tensor<4xf32>
  %q = qnn.quantize %r : tensor<4xf32> -> tensor<4x!quant.uniform<i8:f32, 0.25>>
  %s = qnn.softmax %y : tensor<1x4xf32> -> tensor<1x4xf32>
  return %q, %s : tensor<4x!quant.uniform<i8:f32, 0.25>>, tensor<1x4xf32>
}

// -----

// A pad value that the parameters cannot represent (0.3 with scale 0.5)
// stops propagation.
// CHECK-LABEL: func.func @pad_nonzero_value
// CHECK: %[[P:.*]] = qnn.pad
// CHECK-NEXT: return %[[P]]
func.func @pad_nonzero_value(%x: tensor<1x1x2x2x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x1x4x4xf32> {
  %d = qnn.dequantize %x : tensor<1x1x2x2x!quant.uniform<i8:f32, 0.5>> -> tensor<1x1x2x2xf32>
  %p = qnn.pad %d {pads = array<i64: 0, 0, 1, 1, 0, 0, 1, 1>, value = 0.3 : f64} : tensor<1x1x2x2xf32> -> tensor<1x1x4x4xf32>
  return %p : tensor<1x1x4x4xf32>
}

// -----

// Conflict: 0.5 comes forward, 0.25 is asked backward. One requantize, after
// the pool, where the tensor has 64 elements instead of 256; it replaces the
// quantize to 0.25.
// CHECK-LABEL: func.func @max_pool_conflict
// CHECK-SAME: (%[[X:.*]]: tensor
// CHECK-NEXT: %[[D:.*]] = qnn.dequantize %[[X]]
// CHECK-NEXT: %[[P:.*]] = qnn.max_pool2d %[[D]]
// CHECK-NEXT: %[[Q:.*]] = qnn.quantize %[[P]] : tensor<1x4x4x4xf32> -> tensor<1x4x4x4x!quant.uniform<i8:f32, 5.000000e-01>>
// CHECK-NEXT: %[[R:.*]] = qnn.requantize %[[Q]] rounding half_even : tensor<1x4x4x4x!quant.uniform<i8:f32, 5.000000e-01>> -> tensor<1x4x4x4x!quant.uniform<i8:f32, 2.500000e-01>>
// CHECK-NEXT: return %[[R]]
// CHECK-NOT: qnn.requantize
// FUSE-LABEL: func.func @max_pool_conflict
// FUSE-SAME: (%[[X:.*]]: tensor
// FUSE-NEXT: %[[P:.*]] = qnn.max_pool2d %[[X]] {{.*}} -> tensor<1x4x4x4x!quant.uniform<i8:f32, 5.000000e-01>>
// FUSE-NEXT: %[[R:.*]] = qnn.requantize %[[P]]
// FUSE-NEXT: return %[[R]]
func.func @max_pool_conflict(%x: tensor<1x4x8x8x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.25>> {
  %d = qnn.dequantize %x : tensor<1x4x8x8x!quant.uniform<i8:f32, 0.5>> -> tensor<1x4x8x8xf32>
  %p = qnn.max_pool2d %d {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : tensor<1x4x8x8xf32> -> tensor<1x4x4x4xf32>
  %q = qnn.quantize %p : tensor<1x4x4x4xf32> -> tensor<1x4x4x4x!quant.uniform<i8:f32, 0.25>>
  return %q : tensor<1x4x4x4x!quant.uniform<i8:f32, 0.25>>
}

// -----

// The same conflict around a pad: the requantize goes before it (16
// elements instead of 36) and reads the quantized input directly.
// CHECK-LABEL: func.func @pad_conflict
// CHECK-SAME: (%[[X:.*]]: tensor
// CHECK-NEXT: %[[R:.*]] = qnn.requantize %[[X]] rounding half_even : tensor<1x1x4x4x!quant.uniform<i8:f32, 5.000000e-01>> -> tensor<1x1x4x4x!quant.uniform<i8:f32, 2.500000e-01>>
// CHECK-NEXT: %[[D:.*]] = qnn.dequantize %[[R]]
// CHECK-NEXT: %[[P:.*]] = qnn.pad %[[D]]
// CHECK-NEXT: %[[Q:.*]] = qnn.quantize %[[P]] : tensor<1x1x6x6xf32> -> tensor<1x1x6x6x!quant.uniform<i8:f32, 2.500000e-01>>
// CHECK-NEXT: return %[[Q]]
func.func @pad_conflict(%x: tensor<1x1x4x4x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x1x6x6x!quant.uniform<i8:f32, 0.25>> {
  %d = qnn.dequantize %x : tensor<1x1x4x4x!quant.uniform<i8:f32, 0.5>> -> tensor<1x1x4x4xf32>
  %p = qnn.pad %d {pads = array<i64: 0, 0, 1, 1, 0, 0, 1, 1>} : tensor<1x1x4x4xf32> -> tensor<1x1x6x6xf32>
  %q = qnn.quantize %p : tensor<1x1x6x6xf32> -> tensor<1x1x6x6x!quant.uniform<i8:f32, 0.25>>
  return %q : tensor<1x1x6x6x!quant.uniform<i8:f32, 0.25>>
}

// -----

// A value read at its own parameters by one quantize and, through a
// reshape, at other ones by another: one requantize on the second branch
// (equal sizes: after the reshape), and the existing quantize is reused for
// the QDQ pair of the transpose.
// CHECK-LABEL: func.func @fanout
// CHECK: %[[T:.*]] = qnn.transpose
// CHECK-NEXT: %[[TQ:.*]] = qnn.quantize %[[T]] : tensor<2x2xf32> -> tensor<2x2x!quant.uniform<i8:f32, 5.000000e-01>>
// CHECK-NEXT: %[[TD:.*]] = qnn.dequantize %[[TQ]]
// CHECK-NEXT: %[[R:.*]] = qnn.reshape %[[TD]]
// CHECK-NEXT: %[[RQ:.*]] = qnn.quantize %[[R]] : tensor<4xf32> -> tensor<4x!quant.uniform<i8:f32, 5.000000e-01>>
// CHECK-NEXT: %[[RR:.*]] = qnn.requantize %[[RQ]] rounding half_even : {{.*}} -> tensor<4x!quant.uniform<i8:f32, 2.500000e-01>>
// CHECK-NEXT: return %[[TQ]], %[[RR]]
func.func @fanout(%x: tensor<2x2x!quant.uniform<i8:f32, 0.5>>) -> (tensor<2x2x!quant.uniform<i8:f32, 0.5>>, tensor<4x!quant.uniform<i8:f32, 0.25>>) {
  %d = qnn.dequantize %x : tensor<2x2x!quant.uniform<i8:f32, 0.5>> -> tensor<2x2xf32>
  %t = qnn.transpose %d {permutation = array<i64: 1, 0>} : tensor<2x2xf32> -> tensor<2x2xf32>
  %q1 = qnn.quantize %t : tensor<2x2xf32> -> tensor<2x2x!quant.uniform<i8:f32, 0.5>>
  %r = qnn.reshape %t : tensor<2x2xf32> -> tensor<4xf32>
  %q2 = qnn.quantize %r : tensor<4xf32> -> tensor<4x!quant.uniform<i8:f32, 0.25>>
  return %q1, %q2 : tensor<2x2x!quant.uniform<i8:f32, 0.5>>, tensor<4x!quant.uniform<i8:f32, 0.25>>
}

// -----

// Concat inputs at 0.5 (8 elements) and 0.25 (4 elements): the smaller
// input is requantized to 0.5 and the result carries 0.5.
// CHECK-LABEL: func.func @concat_conflict
// CHECK-SAME: (%[[A:.*]]: tensor<1x8x!quant.uniform<i8:f32, 5.000000e-01>>, %[[B:.*]]: tensor<1x4x!quant.uniform<i8:f32, 2.500000e-01>>)
// CHECK-NEXT: %[[DA:.*]] = qnn.dequantize %[[A]]
// CHECK-NEXT: %[[RB:.*]] = qnn.requantize %[[B]] rounding half_even : tensor<1x4x!quant.uniform<i8:f32, 2.500000e-01>> -> tensor<1x4x!quant.uniform<i8:f32, 5.000000e-01>>
// CHECK-NEXT: %[[DB:.*]] = qnn.dequantize %[[RB]]
// CHECK-NEXT: %[[C:.*]] = qnn.concat %[[DA]], %[[DB]]
// CHECK-NEXT: %[[CQ:.*]] = qnn.quantize %[[C]] : tensor<1x12xf32> -> tensor<1x12x!quant.uniform<i8:f32, 5.000000e-01>>
// CHECK-NEXT: %[[CD:.*]] = qnn.dequantize %[[CQ]]
// CHECK-NEXT: return %[[CD]]
func.func @concat_conflict(%a: tensor<1x8x!quant.uniform<i8:f32, 0.5>>, %b: tensor<1x4x!quant.uniform<i8:f32, 0.25>>) -> tensor<1x12xf32> {
  %da = qnn.dequantize %a : tensor<1x8x!quant.uniform<i8:f32, 0.5>> -> tensor<1x8xf32>
  %db = qnn.dequantize %b : tensor<1x4x!quant.uniform<i8:f32, 0.25>> -> tensor<1x4xf32>
  %c = qnn.concat %da, %db {axis = 1 : i64} : (tensor<1x8xf32>, tensor<1x4xf32>) -> tensor<1x12xf32>
  return %c : tensor<1x12xf32>
}

// -----

// Inputs that agree give the result their parameters, with no requantize.
// CHECK-LABEL: func.func @concat_agree
// CHECK-NOT: qnn.requantize
// CHECK: %[[C:.*]] = qnn.concat
// CHECK-NEXT: qnn.quantize %[[C]] : tensor<1x8xf32> -> tensor<1x8x!quant.uniform<i8:f32, 5.000000e-01>>
func.func @concat_agree(%a: tensor<1x4x!quant.uniform<i8:f32, 0.5>>, %b: tensor<1x4x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x8xf32> {
  %da = qnn.dequantize %a : tensor<1x4x!quant.uniform<i8:f32, 0.5>> -> tensor<1x4xf32>
  %db = qnn.dequantize %b : tensor<1x4x!quant.uniform<i8:f32, 0.5>> -> tensor<1x4xf32>
  %c = qnn.concat %da, %db {axis = 1 : i64} : (tensor<1x4xf32>, tensor<1x4xf32>) -> tensor<1x8xf32>
  return %c : tensor<1x8xf32>
}

// -----

// The concat result is quantized to 0.5 by the model: only the input at
// 0.25 is requantized.
// CHECK-LABEL: func.func @concat_output_fixed
// CHECK-SAME: (%[[A:.*]]: tensor{{.*}}, %[[B:.*]]: tensor
// CHECK-NEXT: %[[DA:.*]] = qnn.dequantize %[[A]]
// CHECK-NEXT: %[[RB:.*]] = qnn.requantize %[[B]] rounding half_even : {{.*}} -> tensor<1x4x!quant.uniform<i8:f32, 5.000000e-01>>
// CHECK-NEXT: %[[DB:.*]] = qnn.dequantize %[[RB]]
// CHECK-NEXT: %[[C:.*]] = qnn.concat %[[DA]], %[[DB]]
// CHECK-NEXT: %[[Q:.*]] = qnn.quantize %[[C]] : tensor<1x12xf32> -> tensor<1x12x!quant.uniform<i8:f32, 5.000000e-01>>
// CHECK-NEXT: return %[[Q]]
func.func @concat_output_fixed(%a: tensor<1x8x!quant.uniform<i8:f32, 0.5>>, %b: tensor<1x4x!quant.uniform<i8:f32, 0.25>>) -> tensor<1x12x!quant.uniform<i8:f32, 0.5>> {
  %da = qnn.dequantize %a : tensor<1x8x!quant.uniform<i8:f32, 0.5>> -> tensor<1x8xf32>
  %db = qnn.dequantize %b : tensor<1x4x!quant.uniform<i8:f32, 0.25>> -> tensor<1x4xf32>
  %c = qnn.concat %da, %db {axis = 1 : i64} : (tensor<1x8xf32>, tensor<1x4xf32>) -> tensor<1x12xf32>
  %q = qnn.quantize %c : tensor<1x12xf32> -> tensor<1x12x!quant.uniform<i8:f32, 0.5>>
  return %q : tensor<1x12x!quant.uniform<i8:f32, 0.5>>
}

// -----

// Add inputs with different scales: the broadcast side (4 elements) is
// requantized to the scale of the 16-element side. Not with align-add=false.
// CHECK-LABEL: func.func @add_conflict
// CHECK-SAME: (%[[A:.*]]: tensor{{.*}}, %[[B:.*]]: tensor
// CHECK-NEXT: %[[DA:.*]] = qnn.dequantize %[[A]]
// CHECK-NEXT: %[[RB:.*]] = qnn.requantize %[[B]] rounding half_even : tensor<4x1x1x!quant.uniform<i8:f32, 2.500000e-01>> -> tensor<4x1x1x!quant.uniform<i8:f32, 5.000000e-01>>
// CHECK-NEXT: %[[DB:.*]] = qnn.dequantize %[[RB]]
// CHECK-NEXT: %[[S:.*]] = qnn.add %[[DA]], %[[DB]]
// CHECK-NEXT: return %[[S]]
// OFF-LABEL: func.func @add_conflict
// OFF-NOT: qnn.requantize
func.func @add_conflict(%a: tensor<1x4x2x2x!quant.uniform<i8:f32, 0.5>>, %b: tensor<4x1x1x!quant.uniform<i8:f32, 0.25>>) -> tensor<1x4x2x2xf32> {
  %da = qnn.dequantize %a : tensor<1x4x2x2x!quant.uniform<i8:f32, 0.5>> -> tensor<1x4x2x2xf32>
  %db = qnn.dequantize %b : tensor<4x1x1x!quant.uniform<i8:f32, 0.25>> -> tensor<4x1x1xf32>
  %s = qnn.add %da, %db : (tensor<1x4x2x2xf32>, tensor<4x1x1xf32>) -> tensor<1x4x2x2xf32>
  return %s : tensor<1x4x2x2xf32>
}

// -----

// Per-channel bias and accumulator of a conv: u8 input at 0.5 (zero point
// 128, so x - z in [-128, 127]), weights per channel {0.25, 0.125}.
//   bias: 1.0 / (0.5 * 0.25) = 8, -2.0 / (0.5 * 0.125) = -32
//   channel 0, w = [1, 2, -3, 4]:     max 127*1 + 127*2 + 128*3 + 127*4 = 1273 (+8)
//                                     min -128 - 256 - 381 - 512 = -1277
//   channel 1, w = [127, -128, 0, 5]: max 127*127 + 128*128 + 127*5 = 33148
//                                     min -16256 - 16256 - 640 = -33152 (-32)
//   range [-33184, 33148]: 17 bits, i32.
// CHECK-LABEL: func.func @conv_bias_per_channel
// CHECK-SAME: (%[[X:.*]]: tensor
// CHECK-NEXT: %[[D:.*]] = qnn.dequantize %[[X]]
// CHECK-NEXT: %[[WC:.*]] = qnn.constant
// CHECK-NEXT: %[[W:.*]] = qnn.dequantize %[[WC]]
// CHECK-NEXT: %[[BC:.*]] = qnn.constant dense<[8, -32]> : tensor<2xi32> -> tensor<2x!quant.uniform<i32:f32:0, {1.250000e-01,6.250000e-02}>>
// CHECK-NEXT: %[[B:.*]] = qnn.dequantize %[[BC]] : tensor<2x!quant.uniform<i32:f32:0, {1.250000e-01,6.250000e-02}>> -> tensor<2xf32>
// CHECK-NEXT: %[[Y:.*]] = qnn.conv2d %[[D]], %[[W]], %[[B]] {qnn.acc_bits = 17 : i64, qnn.acc_range = array<i64: -33184, 33148>, qnn.acc_type = i32}
// CHECK-NEXT: return %[[Y]]
// OFF-LABEL: func.func @conv_bias_per_channel
// OFF: arith.constant dense<[1.000000e+00, -2.000000e+00]>
// OFF-NOT: qnn.acc_bits
// FUSE-LABEL: func.func @conv_bias_per_channel
// FUSE: qnn.conv2d %{{.*}}, %{{.*}}, %{{.*}} {{.*}} : (tensor<1x1x3x3x!quant.uniform<u8:f32, 5.000000e-01:128>>, tensor<2x1x2x2x!quant.uniform<i8:f32:0, {2.500000e-01,1.250000e-01}>>, tensor<2x!quant.uniform<i32:f32:0, {1.250000e-01,6.250000e-02}>>) -> tensor<1x2x2x2xf32>
func.func @conv_bias_per_channel(%x: tensor<1x1x3x3x!quant.uniform<u8:f32, 0.5:128>>) -> tensor<1x2x2x2xf32> {
  %d = qnn.dequantize %x : tensor<1x1x3x3x!quant.uniform<u8:f32, 0.5:128>> -> tensor<1x1x3x3xf32>
  %wc = qnn.constant dense<[[[[1, 2], [-3, 4]]], [[[127, -128], [0, 5]]]]> : tensor<2x1x2x2xi8> -> tensor<2x1x2x2x!quant.uniform<i8:f32:0, {0.25, 0.125}>>
  %w = qnn.dequantize %wc : tensor<2x1x2x2x!quant.uniform<i8:f32:0, {0.25, 0.125}>> -> tensor<2x1x2x2xf32>
  %b = arith.constant dense<[1.0, -2.0]> : tensor<2xf32>
  %y = qnn.conv2d %d, %w, %b : (tensor<1x1x3x3xf32>, tensor<2x1x2x2xf32>, tensor<2xf32>) -> tensor<1x2x2x2xf32>
  return %y : tensor<1x2x2x2xf32>
}

// -----

// Ties round half to even at scale 0.5 * 0.5 = 0.25:
//   0.625 -> 2.5 -> 2, 0.875 -> 3.5 -> 4, -0.625 -> -2.5 -> -2, 1.0 -> 4.
// Accumulator with x - z in [-128, 127]: row [-128, 127] gives
// 128*128 + 127*127 = 32513 (+4) and -127*128 - 128*127 = -32512: 16 bits,
// so i16 although the bit-growth bound (8 + 8 + 1, plus the bias) is 18.
// CHECK-LABEL: func.func @fc_bias_ties
// CHECK: %[[BC:.*]] = qnn.constant dense<[2, 4, -2, 4]> : tensor<4xi32> -> tensor<4x!quant.uniform<i32:f32, 2.500000e-01>>
// CHECK-NEXT: %[[B:.*]] = qnn.dequantize %[[BC]]
// CHECK-NEXT: qnn.fully_connected %{{.*}}, %{{.*}}, %[[B]] {qnn.acc_bits = 16 : i64, qnn.acc_range = array<i64: -32512, 32517>, qnn.acc_type = i16}
func.func @fc_bias_ties(%x: tensor<1x2x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x4xf32> {
  %d = qnn.dequantize %x : tensor<1x2x!quant.uniform<i8:f32, 0.5>> -> tensor<1x2xf32>
  %wc = qnn.constant dense<[[1, -1], [2, 3], [0, 0], [-128, 127]]> : tensor<4x2xi8> -> tensor<4x2x!quant.uniform<i8:f32, 0.5>>
  %w = qnn.dequantize %wc : tensor<4x2x!quant.uniform<i8:f32, 0.5>> -> tensor<4x2xf32>
  %b = qnn.constant dense<[0.625, 0.875, -0.625, 1.0]> : tensor<4xf32> -> tensor<4xf32>
  %y = qnn.fully_connected %d, %w, %b : (tensor<1x2xf32>, tensor<4x2xf32>, tensor<4xf32>) -> tensor<1x4xf32>
  return %y : tensor<1x4xf32>
}

// -----

// Bias 1024 at scale 2^-10 * 2^-12 = 2^-22 is code 2^32, beyond int32:
// the weight scale of channel 0 doubles twice (2^-10), its codes
// [10, -6, 2, 127] become [2.5, -1.5, 0.5, 31.75] -> [2, -2, 0, 32], and
// the bias code is 2^30 = 1073741824. Channel 1: 3 / 2^-11 = 6144.
// CHECK-LABEL: func.func @fc_bias_overflow
// CHECK: %[[WC:.*]] = qnn.constant dense<{{\[}}[2, -2, 0, 32], [1, 2, 3, 4]]> : tensor<2x4xi8> -> tensor<2x4x!quant.uniform<i8:f32:0, {9.765625E-4,5.000000e-01}>>
// CHECK-NEXT: %[[W:.*]] = qnn.dequantize %[[WC]]
// CHECK-NEXT: %[[BC:.*]] = qnn.constant dense<[1073741824, 6144]> : tensor<2xi32> -> tensor<2x!quant.uniform<i32:f32:0, {9.5367431640625E-7,4.8828125E-4}>>
// CHECK-NEXT: %[[B:.*]] = qnn.dequantize %[[BC]]
// CHECK-NEXT: qnn.fully_connected %{{.*}}, %[[W]], %[[B]] {qnn.acc_bits = 32 : i64, qnn.acc_range = array<i64: -4606, 1073746398>, qnn.acc_type = i32}
func.func @fc_bias_overflow(%x: tensor<1x4x!quant.uniform<i8:f32, 0.0009765625>>) -> tensor<1x2xf32> {
  %d = qnn.dequantize %x : tensor<1x4x!quant.uniform<i8:f32, 0.0009765625>> -> tensor<1x4xf32>
  %wc = qnn.constant dense<[[10, -6, 2, 127], [1, 2, 3, 4]]> : tensor<2x4xi8> -> tensor<2x4x!quant.uniform<i8:f32:0, {0.000244140625, 0.5}>>
  %w = qnn.dequantize %wc : tensor<2x4x!quant.uniform<i8:f32:0, {0.000244140625, 0.5}>> -> tensor<2x4xf32>
  %b = arith.constant dense<[1024.0, 3.0]> : tensor<2xf32>
  %y = qnn.fully_connected %d, %w, %b : (tensor<1x4xf32>, tensor<2x4xf32>, tensor<2xf32>) -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}

// -----

// A bias already at i32 with scale s_x * s_w stays; a dequantized i8 bias
// (codes [3, -5] at 0.5: reals 1.5, -2.5) is re-expressed at 0.5 * 0.25:
// 12, -20.
// Accumulators (x - z in [-128, 127], rows [1, 2] and [3, 4]): row 1
// reaches 127*3 + 127*4 = 889 and -128*7 = -896, then the biases -7 / -20.
// CHECK-LABEL: func.func @bias_forms
// CHECK: %[[B1:.*]] = qnn.constant dense<[7, -7]> : tensor<2xi32>
// CHECK-NEXT: %[[D1:.*]] = qnn.dequantize %[[B1]]
// CHECK-NEXT: qnn.fully_connected %{{.*}}, %{{.*}}, %[[D1]] {qnn.acc_bits = 11 : i64, qnn.acc_range = array<i64: -903, 889>, qnn.acc_type = i16}
// CHECK-NOT: tensor<2xi8>
// CHECK: %[[B2:.*]] = qnn.constant dense<[12, -20]> : tensor<2xi32> -> tensor<2x!quant.uniform<i32:f32, 1.250000e-01>>
// CHECK-NEXT: %[[D2:.*]] = qnn.dequantize %[[B2]]
// CHECK-NEXT: qnn.fully_connected %{{.*}}, %{{.*}}, %[[D2]] {qnn.acc_bits = 11 : i64, qnn.acc_range = array<i64: -916, 889>, qnn.acc_type = i16}
func.func @bias_forms(%x: tensor<1x2x!quant.uniform<i8:f32, 0.5>>) -> (tensor<1x2xf32>, tensor<1x2xf32>) {
  %d = qnn.dequantize %x : tensor<1x2x!quant.uniform<i8:f32, 0.5>> -> tensor<1x2xf32>
  %wc = qnn.constant dense<[[1, 2], [3, 4]]> : tensor<2x2xi8> -> tensor<2x2x!quant.uniform<i8:f32, 0.25>>
  %w = qnn.dequantize %wc : tensor<2x2x!quant.uniform<i8:f32, 0.25>> -> tensor<2x2xf32>
  %b1c = qnn.constant dense<[7, -7]> : tensor<2xi32> -> tensor<2x!quant.uniform<i32:f32, 0.125>>
  %b1 = qnn.dequantize %b1c : tensor<2x!quant.uniform<i32:f32, 0.125>> -> tensor<2xf32>
  %y1 = qnn.fully_connected %d, %w, %b1 : (tensor<1x2xf32>, tensor<2x2xf32>, tensor<2xf32>) -> tensor<1x2xf32>
  %b2c = qnn.constant dense<[3, -5]> : tensor<2xi8> -> tensor<2x!quant.uniform<i8:f32, 0.5>>
  %b2 = qnn.dequantize %b2c : tensor<2x!quant.uniform<i8:f32, 0.5>> -> tensor<2xf32>
  %y2 = qnn.fully_connected %d, %w, %b2 : (tensor<1x2xf32>, tensor<2x2xf32>, tensor<2xf32>) -> tensor<1x2xf32>
  return %y1, %y2 : tensor<1x2xf32>, tensor<1x2xf32>
}

// -----

// XNOR layer: +-1 inputs and weights, K = 64, so the accumulator is in
// [-64, 64]: 8 bits, i16.
// CHECK-LABEL: func.func @binary_fc
// CHECK: qnn.fully_connected {{.*}} {qnn.acc_bits = 8 : i64, qnn.acc_range = array<i64: -64, 64>, qnn.acc_type = i16}
func.func @binary_fc(%x: tensor<1x64x!qnn.binary<f32>>) -> tensor<1x2xf32> {
  %d = qnn.dequantize %x : tensor<1x64x!qnn.binary<f32>> -> tensor<1x64xf32>
  %wc = qnn.constant dense<true> : tensor<2x64xi1> -> tensor<2x64x!qnn.binary<f32:0, {0.5, 0.25}>>
  %w = qnn.dequantize %wc : tensor<2x64x!qnn.binary<f32:0, {0.5, 0.25}>> -> tensor<2x64xf32>
  %y = qnn.fully_connected %d, %w : (tensor<1x64xf32>, tensor<2x64xf32>) -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}

// -----

// 4-bit input and runtime 4-bit weights, K = 16: products in [-56, 64]
// ((-8)(-8) = 64, -8 * 7 = -56), sums in [-896, 1024]: 12 bits, i16.
// CHECK-LABEL: func.func @low_bit
// CHECK: qnn.fully_connected {{.*}} {qnn.acc_bits = 12 : i64, qnn.acc_range = array<i64: -896, 1024>, qnn.acc_type = i16}
func.func @low_bit(%x: tensor<1x16x!quant.uniform<i4:f32, 0.5>>, %w: tensor<3x16x!quant.uniform<i4:f32, 0.25>>) -> tensor<1x3xf32> {
  %d = qnn.dequantize %x : tensor<1x16x!quant.uniform<i4:f32, 0.5>> -> tensor<1x16xf32>
  %dw = qnn.dequantize %w : tensor<3x16x!quant.uniform<i4:f32, 0.25>> -> tensor<3x16xf32>
  %y = qnn.fully_connected %d, %dw : (tensor<1x16xf32>, tensor<3x16xf32>) -> tensor<1x3xf32>
  return %y : tensor<1x3xf32>
}

// -----

// matmul with a constant right-hand side, per column: x - 10 in [-10, 245].
//   column [1, 3, -5]: max 245 + 735 + 50 = 1030, min -10 - 30 - 1225 = -1265
//   column [-2, 4, 6]: max 20 + 980 + 1470 = 2470, min -490 - 40 - 60 = -590
// CHECK-LABEL: func.func @matmul_columns
// CHECK: qnn.matmul {{.*}} {qnn.acc_bits = 13 : i64, qnn.acc_range = array<i64: -1265, 2470>, qnn.acc_type = i16}
func.func @matmul_columns(%x: tensor<2x3x!quant.uniform<u8:f32, 0.5:10>>) -> tensor<2x2xf32> {
  %d = qnn.dequantize %x : tensor<2x3x!quant.uniform<u8:f32, 0.5:10>> -> tensor<2x3xf32>
  %wc = qnn.constant dense<[[1, -2], [3, 4], [-5, 6]]> : tensor<3x2xi8> -> tensor<3x2x!quant.uniform<i8:f32:1, {0.5, 0.25}>>
  %w = qnn.dequantize %wc : tensor<3x2x!quant.uniform<i8:f32:1, {0.5, 0.25}>> -> tensor<3x2xf32>
  %y = qnn.matmul %d, %w : (tensor<2x3xf32>, tensor<3x2xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

// Ops already on quantized types are annotated too: [3, -7] against
// [-128, 127] gives [-1273, 1277], plus the bias code 100.
// CHECK-LABEL: func.func @quantized_form
// CHECK: qnn.fully_connected {{.*}} {qnn.acc_bits = 12 : i64, qnn.acc_range = array<i64: -1273, 1377>, qnn.acc_type = i16}
func.func @quantized_form(%x: tensor<1x2x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x1x!quant.uniform<i8:f32, 1.0>> {
  %w = qnn.constant dense<[[3, -7]]> : tensor<1x2xi8> -> tensor<1x2x!quant.uniform<i8:f32, 0.25>>
  %b = qnn.constant dense<[100]> : tensor<1xi32> -> tensor<1x!quant.uniform<i32:f32, 0.125>>
  %y = qnn.fully_connected %x, %w, %b : (tensor<1x2x!quant.uniform<i8:f32, 0.5>>, tensor<1x2x!quant.uniform<i8:f32, 0.25>>, tensor<1x!quant.uniform<i32:f32, 0.125>>) -> tensor<1x1x!quant.uniform<i8:f32, 1.0>>
  return %y : tensor<1x1x!quant.uniform<i8:f32, 1.0>>
}
