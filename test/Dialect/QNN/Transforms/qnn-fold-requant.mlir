// RUN: quant-opt %s -qnn-fold-requant -split-input-file | FileCheck %s
// RUN: quant-opt %s -qnn-fold-requant="allow-double-rounding=true retype-producers=false" -split-input-file | FileCheck %s --check-prefix=LOOSE


// dequantize -> quantize: q_b = 2 q_a both ways (f32 two-step and one-step
// with M = 2), so it becomes one requantize.
// CHECK-LABEL: func.func @dq_q_exact
// CHECK-SAME: (%[[X:.*]]: tensor
// CHECK-NEXT: %[[R:.*]] = qnn.requantize %[[X]] rounding half_even : tensor<4x!quant.uniform<i8:f32, 5.000000e-01>> -> tensor<4x!quant.uniform<i8:f32, 2.500000e-01>>
// CHECK-NEXT: return %[[R]]
func.func @dq_q_exact(%x: tensor<4x!quant.uniform<i8:f32, 0.5>>) -> tensor<4x!quant.uniform<i8:f32, 0.25>> {
  %0 = qnn.dequantize %x : tensor<4x!quant.uniform<i8:f32, 0.5>> -> tensor<4xf32>
  %1 = qnn.quantize %0 : tensor<4xf32> -> tensor<4x!quant.uniform<i8:f32, 0.25>>
  return %1 : tensor<4x!quant.uniform<i8:f32, 0.25>>
}

// -----

// 0.1 -> 0.2: the exact ties q * 0.5 of the one-step form are not ties in
// ONNX Runtime's f32 two-step form (e.g. q = -109), so nothing changes.
// CHECK-LABEL: func.func @dq_q_inexact
// CHECK: qnn.dequantize
// CHECK: qnn.quantize
// CHECK-NOT: qnn.requantize
func.func @dq_q_inexact(%x: tensor<4x!quant.uniform<i8:f32, 0.1>>) -> tensor<4x!quant.uniform<i8:f32, 0.2>> {
  %0 = qnn.dequantize %x : tensor<4x!quant.uniform<i8:f32, 0.1>> -> tensor<4xf32>
  %1 = qnn.quantize %0 : tensor<4xf32> -> tensor<4x!quant.uniform<i8:f32, 0.2>>
  return %1 : tensor<4x!quant.uniform<i8:f32, 0.2>>
}

// -----

// i8 (0.5) -> i16 (0.25) -> i8 (1.0): the i16 step is exact, so the chain
// equals the direct requantization.
// CHECK-LABEL: func.func @requant_chain_exact
// CHECK-SAME: (%[[X:.*]]: tensor
// CHECK-NEXT: %[[R:.*]] = qnn.requantize %[[X]] rounding half_even : tensor<4x!quant.uniform<i8:f32, 5.000000e-01>> -> tensor<4x!quant.uniform<i8:f32, 1.000000e+00>>
// CHECK-NEXT: return %[[R]]
func.func @requant_chain_exact(%x: tensor<4x!quant.uniform<i8:f32, 0.5>>) -> tensor<4x!quant.uniform<i8:f32, 1.0>> {
  %0 = qnn.requantize %x rounding half_even : tensor<4x!quant.uniform<i8:f32, 0.5>> -> tensor<4x!quant.uniform<i16:f32, 0.25>>
  %1 = qnn.requantize %0 rounding half_even : tensor<4x!quant.uniform<i16:f32, 0.25>> -> tensor<4x!quant.uniform<i8:f32, 1.0>>
  return %1 : tensor<4x!quant.uniform<i8:f32, 1.0>>
}

// -----

// i8 (0.5) -> i8 (0.25) saturates codes beyond +-64, so the round trip back
// to 0.5 is not the identity: kept (folded only when double rounding is
// allowed, where it becomes the identity).
// CHECK-LABEL: func.func @requant_chain_saturating
// CHECK-COUNT-2: qnn.requantize
// LOOSE-LABEL: func.func @requant_chain_saturating
// LOOSE-SAME: (%[[X:.*]]: tensor
// LOOSE-NEXT: return %[[X]]
func.func @requant_chain_saturating(%x: tensor<4x!quant.uniform<i8:f32, 0.5>>) -> tensor<4x!quant.uniform<i8:f32, 0.5>> {
  %0 = qnn.requantize %x rounding half_even : tensor<4x!quant.uniform<i8:f32, 0.5>> -> tensor<4x!quant.uniform<i8:f32, 0.25>>
  %1 = qnn.requantize %0 rounding half_even : tensor<4x!quant.uniform<i8:f32, 0.25>> -> tensor<4x!quant.uniform<i8:f32, 0.5>>
  return %1 : tensor<4x!quant.uniform<i8:f32, 0.5>>
}

// -----

// An i32 accumulator has too many codes to enumerate: kept unless allowed.
// CHECK-LABEL: func.func @requant_chain_i32
// CHECK-COUNT-2: qnn.requantize
// LOOSE-LABEL: func.func @requant_chain_i32
// LOOSE: qnn.requantize %{{.*}} rounding half_even : tensor<4x!quant.uniform<i32:f32, 1.000000e-03>> -> tensor<4x!quant.uniform<i8:f32, 1.000000e+00>>
// LOOSE-NOT: qnn.requantize
func.func @requant_chain_i32(%x: tensor<4x!quant.uniform<i32:f32, 0.001>>) -> tensor<4x!quant.uniform<i8:f32, 1.0>> {
  %0 = qnn.requantize %x rounding half_even : tensor<4x!quant.uniform<i32:f32, 0.001>> -> tensor<4x!quant.uniform<i8:f32, 0.5>>
  %1 = qnn.requantize %0 rounding half_even : tensor<4x!quant.uniform<i8:f32, 0.5>> -> tensor<4x!quant.uniform<i8:f32, 1.0>>
  return %1 : tensor<4x!quant.uniform<i8:f32, 1.0>>
}

// -----

!x = !quant.uniform<u8:f32, 0.02:128>
!w = !quant.uniform<i8:f32:0, {0.5, 0.25}>
!b = !quant.uniform<i32:f32:0, {0.01, 0.005}>
!y = !quant.uniform<i8:f32, 0.1:-5>

// A QDQ conv (per-channel weights, int32 bias at s_x * s_w) becomes a
// quantized conv; the ReLU between stays a clamp on the quantized result.
// CHECK-LABEL: func.func @qdq_conv
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x4x4x!quant.uniform<u8:f32, 2.000000e-02:128>>
// CHECK: %[[W:.*]] = qnn.constant {{.*}} -> tensor<2x3x1x1x!quant.uniform<i8:f32:0
// CHECK: %[[B:.*]] = qnn.constant {{.*}} -> tensor<2x!quant.uniform<i32:f32:0
// CHECK: %[[C:.*]] = qnn.conv2d %[[X]], %[[W]], %[[B]] : {{.*}} -> tensor<1x2x4x4x!quant.uniform<i8:f32, 1.000000e-01:-5>>
// CHECK: %[[R:.*]] = qnn.clamp %[[C]] {{.*}} : tensor<1x2x4x4x!quant.uniform<i8:f32, 1.000000e-01:-5>>
// CHECK-NEXT: return %[[R]]
func.func @qdq_conv(%x: tensor<1x3x4x4x!x>) -> tensor<1x2x4x4x!y> {
  %wq = qnn.constant dense<1> : tensor<2x3x1x1xi8> -> tensor<2x3x1x1x!w>
  %bq = qnn.constant dense<[100, -7]> : tensor<2xi32> -> tensor<2x!b>
  %xf = qnn.dequantize %x : tensor<1x3x4x4x!x> -> tensor<1x3x4x4xf32>
  %wf = qnn.dequantize %wq : tensor<2x3x1x1x!w> -> tensor<2x3x1x1xf32>
  %bf = qnn.dequantize %bq : tensor<2x!b> -> tensor<2xf32>
  %c = qnn.conv2d %xf, %wf, %bf : (tensor<1x3x4x4xf32>, tensor<2x3x1x1xf32>, tensor<2xf32>) -> tensor<1x2x4x4xf32>
  %cq = qnn.quantize %c : tensor<1x2x4x4xf32> -> tensor<1x2x4x4x!y>
  %cf = qnn.dequantize %cq : tensor<1x2x4x4x!y> -> tensor<1x2x4x4xf32>
  %r = qnn.clamp %cf {min = 0.0 : f32, max = 6.0 : f32} : tensor<1x2x4x4xf32>
  %rq = qnn.quantize %r : tensor<1x2x4x4xf32> -> tensor<1x2x4x4x!y>
  return %rq : tensor<1x2x4x4x!y>
}

// -----

!x = !quant.uniform<u8:f32, 0.02:128>
!w = !quant.uniform<i8:f32:0, {0.5, 0.25}>
!bad = !quant.uniform<i32:f32:0, {0.01, 0.01}>

// The bias scale of channel 1 is not s_x * s_w = 0.005: not fused.
// CHECK-LABEL: func.func @qdq_conv_bad_bias
// CHECK: qnn.conv2d %{{.*}}, %{{.*}}, %{{.*}} : (tensor<1x3x4x4xf32>, tensor<2x3x1x1xf32>, tensor<2xf32>)
func.func @qdq_conv_bad_bias(%x: tensor<1x3x4x4x!x>, %wq: tensor<2x3x1x1x!w>, %bq: tensor<2x!bad>) -> tensor<1x2x4x4x!quant.uniform<i8:f32, 0.1>> {
  %xf = qnn.dequantize %x : tensor<1x3x4x4x!x> -> tensor<1x3x4x4xf32>
  %wf = qnn.dequantize %wq : tensor<2x3x1x1x!w> -> tensor<2x3x1x1xf32>
  %bf = qnn.dequantize %bq : tensor<2x!bad> -> tensor<2xf32>
  %c = qnn.conv2d %xf, %wf, %bf : (tensor<1x3x4x4xf32>, tensor<2x3x1x1xf32>, tensor<2xf32>) -> tensor<1x2x4x4xf32>
  %cq = qnn.quantize %c : tensor<1x2x4x4xf32> -> tensor<1x2x4x4x!quant.uniform<i8:f32, 0.1>>
  return %cq : tensor<1x2x4x4x!quant.uniform<i8:f32, 0.1>>
}

// -----

// A final fully_connected whose result stays float takes the quantized
// operands directly.
// CHECK-LABEL: func.func @qdq_fc_float_result
// CHECK-SAME: (%[[X:.*]]: tensor<1x8x!quant.uniform<i8:f32, 5.000000e-01>>, %[[W:.*]]: tensor<4x8x!quant.uniform<i8:f32, 2.500000e-01>>)
// CHECK-NEXT: %[[Y:.*]] = qnn.fully_connected %[[X]], %[[W]] : (tensor<1x8x!quant.uniform<i8:f32, 5.000000e-01>>, tensor<4x8x!quant.uniform<i8:f32, 2.500000e-01>>) -> tensor<1x4xf32>
// CHECK-NEXT: return %[[Y]]
func.func @qdq_fc_float_result(%x: tensor<1x8x!quant.uniform<i8:f32, 0.5>>, %w: tensor<4x8x!quant.uniform<i8:f32, 0.25>>) -> tensor<1x4xf32> {
  %xf = qnn.dequantize %x : tensor<1x8x!quant.uniform<i8:f32, 0.5>> -> tensor<1x8xf32>
  %wf = qnn.dequantize %w : tensor<4x8x!quant.uniform<i8:f32, 0.25>> -> tensor<4x8xf32>
  %y = qnn.fully_connected %xf, %wf : (tensor<1x8xf32>, tensor<4x8xf32>) -> tensor<1x4xf32>
  return %y : tensor<1x4xf32>
}

// -----

// Same-scale ops: max pool and reshape in QDQ form run on quantized values.
// CHECK-LABEL: func.func @qdq_same_scale
// CHECK-SAME: (%[[X:.*]]: tensor
// CHECK-NEXT: %[[P:.*]] = qnn.max_pool2d %[[X]] {{.*}} -> tensor<1x2x2x2x!quant.uniform<i8:f32, 5.000000e-01>>
// CHECK-NEXT: %[[R:.*]] = qnn.reshape %[[P]] : tensor<1x2x2x2x!quant.uniform<i8:f32, 5.000000e-01>> -> tensor<1x8x!quant.uniform<i8:f32, 5.000000e-01>>
// CHECK-NEXT: return %[[R]]
func.func @qdq_same_scale(%x: tensor<1x2x4x4x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x8x!quant.uniform<i8:f32, 0.5>> {
  %xf = qnn.dequantize %x : tensor<1x2x4x4x!quant.uniform<i8:f32, 0.5>> -> tensor<1x2x4x4xf32>
  %p = qnn.max_pool2d %xf {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : tensor<1x2x4x4xf32> -> tensor<1x2x2x2xf32>
  %pq = qnn.quantize %p : tensor<1x2x2x2xf32> -> tensor<1x2x2x2x!quant.uniform<i8:f32, 0.5>>
  %pf = qnn.dequantize %pq : tensor<1x2x2x2x!quant.uniform<i8:f32, 0.5>> -> tensor<1x2x2x2xf32>
  %r = qnn.reshape %pf : tensor<1x2x2x2xf32> -> tensor<1x8xf32>
  %rq = qnn.quantize %r : tensor<1x8xf32> -> tensor<1x8x!quant.uniform<i8:f32, 0.5>>
  return %rq : tensor<1x8x!quant.uniform<i8:f32, 0.5>>
}

// -----

// A requantize after a single-use fully_connected is absorbed by retyping
// it (one rounding instead of two); kept with retype-producers=false.
// CHECK-LABEL: func.func @absorb_requantize
// CHECK-NEXT: %[[Y:.*]] = qnn.fully_connected {{.*}} -> tensor<1x4x!quant.uniform<i8:f32, 1.000000e+00>>
// CHECK-NEXT: return %[[Y]]
// LOOSE-LABEL: func.func @absorb_requantize
// LOOSE: qnn.requantize
func.func @absorb_requantize(%x: tensor<1x8x!quant.uniform<i8:f32, 0.5>>, %w: tensor<4x8x!quant.uniform<i8:f32, 0.25>>) -> tensor<1x4x!quant.uniform<i8:f32, 1.0>> {
  %y = qnn.fully_connected %x, %w : (tensor<1x8x!quant.uniform<i8:f32, 0.5>>, tensor<4x8x!quant.uniform<i8:f32, 0.25>>) -> tensor<1x4x!quant.uniform<i8:f32, 0.5>>
  %r = qnn.requantize %y rounding half_even : tensor<1x4x!quant.uniform<i8:f32, 0.5>> -> tensor<1x4x!quant.uniform<i8:f32, 1.0>>
  return %r : tensor<1x4x!quant.uniform<i8:f32, 1.0>>
}

// -----

// ONNX Runtime's QDQ models put the quantize after the ReLU
// (conv -> relu -> Q). Quantization commutes with clamp and max pooling
// (q is monotone), so the quantize moves onto the conv, which then fuses.
// CHECK-LABEL: func.func @qdq_conv_relu_q
// CHECK: %[[C:.*]] = qnn.conv2d %{{.*}}, %{{.*}} : {{.*}} -> tensor<1x2x4x4x!quant.uniform<i8:f32, 1.000000e-01:-5>>
// CHECK: %[[R:.*]] = qnn.clamp %[[C]] {{.*}} : tensor<1x2x4x4x!quant.uniform<i8:f32, 1.000000e-01:-5>>
// CHECK: %[[P:.*]] = qnn.max_pool2d %[[R]] {{.*}} -> tensor<1x2x2x2x!quant.uniform<i8:f32, 1.000000e-01:-5>>
// CHECK-NEXT: return %[[P]]
func.func @qdq_conv_relu_q(%x: tensor<1x3x4x4x!quant.uniform<i8:f32, 0.5>>, %w: tensor<2x3x1x1x!quant.uniform<i8:f32, 0.25>>) -> tensor<1x2x2x2x!quant.uniform<i8:f32, 0.1:-5>> {
  %xf = qnn.dequantize %x : tensor<1x3x4x4x!quant.uniform<i8:f32, 0.5>> -> tensor<1x3x4x4xf32>
  %wf = qnn.dequantize %w : tensor<2x3x1x1x!quant.uniform<i8:f32, 0.25>> -> tensor<2x3x1x1xf32>
  %c = qnn.conv2d %xf, %wf : (tensor<1x3x4x4xf32>, tensor<2x3x1x1xf32>) -> tensor<1x2x4x4xf32>
  %r = qnn.clamp %c {min = 0.0 : f32, max = 6.0 : f32} : tensor<1x2x4x4xf32>
  %p = qnn.max_pool2d %r {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : tensor<1x2x4x4xf32> -> tensor<1x2x2x2xf32>
  %q = qnn.quantize %p : tensor<1x2x2x2xf32> -> tensor<1x2x2x2x!quant.uniform<i8:f32, 0.1:-5>>
  return %q : tensor<1x2x2x2x!quant.uniform<i8:f32, 0.1:-5>>
}

// -----

// A float conv with zero padding on dequantized binary activations (what
// QONNX / PyTorch exports of binary convs are) becomes the binary conv
// with pad_value 0: the padded taps add nothing, as before.
// CHECK-LABEL: func.func @binary_conv_zero_padding
// CHECK: %[[C:.*]] = qnn.conv2d %{{.*}}, %{{.*}} {pad_value = 0 : i64, padding = array<i64: 1, 1, 1, 1>} : (tensor<1x3x5x5x!qnn.binary<f32>>, tensor<2x3x3x3x!qnn.binary<f32, 5.000000e-01>>) -> tensor<1x2x5x5xf32>
// CHECK: return %[[C]]
func.func @binary_conv_zero_padding(%x: tensor<1x3x5x5xf32>) -> tensor<1x2x5x5xf32> {
  %a = qnn.binarize %x : tensor<1x3x5x5xf32> -> tensor<1x3x5x5x!qnn.binary<f32>>
  %ad = qnn.dequantize %a : tensor<1x3x5x5x!qnn.binary<f32>> -> tensor<1x3x5x5xf32>
  %w = qnn.constant dense<true> : tensor<2x3x3x3xi1> -> tensor<2x3x3x3x!qnn.binary<f32, 0.5>>
  %wd = qnn.dequantize %w : tensor<2x3x3x3x!qnn.binary<f32, 0.5>> -> tensor<2x3x3x3xf32>
  %y = qnn.conv2d %ad, %wd {padding = array<i64: 1, 1, 1, 1>} : (tensor<1x3x5x5xf32>, tensor<2x3x3x3xf32>) -> tensor<1x2x5x5xf32>
  return %y : tensor<1x2x5x5xf32>
}
