// qnn-ref refuses the quantized ops it does not model instead of computing
// on raw codes: the error names the op and the type, and the exit code is
// nonzero.
// RUN: qnn-ref %s --entry=requantize_double_round --make-inputs=%t.a
// RUN: not qnn-ref %s --entry=requantize_double_round -i %t.a0.npy --check %t.none.npy 2>&1 | FileCheck %s --check-prefix=ROUND
// RUN: qnn-ref %s --entry=dequantize_sub_channel --make-inputs=%t.b
// RUN: not qnn-ref %s --entry=dequantize_sub_channel -i %t.b0.npy --check %t.none.npy 2>&1 | FileCheck %s --check-prefix=BLOCK
// RUN: qnn-ref %s --entry=requantize_single_round --make-inputs=%t.c
// RUN: not qnn-ref %s --entry=requantize_single_round -i %t.c0.npy --check %t.none.npy 2>&1 | FileCheck %s --check-prefix=SINGLE

// ROUND: qnn-ref: error: qnn-ref cannot evaluate 'qnn.requantize' on tensor<4x!quant.uniform<i8:f32, 2.500000e-01:1>>: rounding double_round is not modelled (only half_even)
func.func @requantize_double_round(%x: tensor<4x!quant.uniform<i8:f32, 0.0625:-3>>) -> tensor<4x!quant.uniform<i8:f32, 0.25:1>> {
  %y = qnn.requantize %x rounding double_round : tensor<4x!quant.uniform<i8:f32, 0.0625:-3>> -> tensor<4x!quant.uniform<i8:f32, 0.25:1>>
  return %y : tensor<4x!quant.uniform<i8:f32, 0.25:1>>
}

// BLOCK: qnn-ref: error: qnn-ref cannot evaluate 'qnn.dequantize' on tensor<2x4x!quant.uniform<i8:f32:{0:1, 1:2}, {{.*}}>>: only per-tensor and per-axis !quant.uniform types are modelled
func.func @dequantize_sub_channel(%x: tensor<2x4x!quant.uniform<i8:f32:{0:1, 1:2}, {{1.0, 2.0}, {3.0, 4.0}}>>) -> tensor<2x4xf32> {
  %y = qnn.dequantize %x : tensor<2x4x!quant.uniform<i8:f32:{0:1, 1:2}, {{1.0, 2.0}, {3.0, 4.0}}>> -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}

// SINGLE: qnn-ref: error: qnn-ref cannot evaluate 'qnn.requantize' on tensor<2x3x!quant.uniform<u8:f32:1, {1.250000e-01:128,2.500000e-01:120,5.000000e-01:128}>>: rounding single_round is not modelled (only half_even)
func.func @requantize_single_round(%x: tensor<2x3x!quant.uniform<i8:f32, 0.0625>>) -> tensor<2x3x!quant.uniform<u8:f32:1, {0.125:128, 0.25:120, 0.5:128}>> {
  %y = qnn.requantize %x rounding single_round : tensor<2x3x!quant.uniform<i8:f32, 0.0625>> -> tensor<2x3x!quant.uniform<u8:f32:1, {0.125:128, 0.25:120, 0.5:128}>>
  return %y : tensor<2x3x!quant.uniform<u8:f32:1, {0.125:128, 0.25:120, 0.5:128}>>
}
