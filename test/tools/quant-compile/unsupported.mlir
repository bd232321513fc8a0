// convert-qnn-to-linalg names each op it cannot lower, where it is, and
// why; quant-compile exits with 1.
// RUN: not quant-compile %s -o %t.o 2>&1 | FileCheck %s

// A quantized-type-form op that the integer lowering keeps (a codebook
// constant) has no code generation.
// CHECK: unsupported.mlir:[[@LINE+3]]:8: error: convert-qnn-to-linalg: cannot lower 'qnn.constant': binary, ternary and codebook tensors have no code generation yet
// CHECK: unsupported.mlir:[[@LINE+3]]:8: error: convert-qnn-to-linalg: cannot lower 'qnn.dequantize': binary, ternary and codebook tensors have no code generation yet
func.func @main(%x: tensor<2xf32>) -> tensor<2xf32> {
  %c = qnn.constant dense<[0, 1]> : tensor<2xi2> -> tensor<2x!qnn.codebook<i2:f32, [0.5, 1.5]>>
  %d = qnn.dequantize %c : tensor<2x!qnn.codebook<i2:f32, [0.5, 1.5]>> -> tensor<2xf32>
  %y = qnn.add %x, %d : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return %y : tensor<2xf32>
}
