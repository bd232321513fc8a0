// End-to-end softmax (numerically stable, polynomial exp) and batch norm;
// |got - ref| <= 1e-5 + 1e-5 |ref|.
// RUN: %e2e-check %s %t --mcpu=x86-64
// RUN: %e2e-check %s %t
// Boundary values, signed zeros, denormals, +-inf and NaN (propagated):
// RUN: env PATTERNS=edges GEN_OPTS=--nonfinite %e2e-check %s %t
// Baseline x86-64 has no rounding instruction: the exp's floor is expanded
// rather than left to libm (the object must not need -lm).
// RUN: quant-compile %s --entry=softmax_last --mcpu=x86-64 -o %t.o
// RUN: llvm-nm %t.o | FileCheck %s --check-prefix=NM
// NM-NOT: floor
// NM: U malloc
// NM-NOT: floor

func.func @softmax_last(%x: tensor<3x10xf32>) -> tensor<3x10xf32> {
  // Large logits: only the max-subtraction keeps exp finite.
  %s = arith.constant dense<80.0> : tensor<1xf32>
  %big = qnn.mul %x, %s : (tensor<3x10xf32>, tensor<1xf32>) -> tensor<3x10xf32>
  %y = qnn.softmax %big : tensor<3x10xf32> -> tensor<3x10xf32>
  return %y : tensor<3x10xf32>
}

func.func @softmax_axis1(%x: tensor<2x7x5xf32>) -> tensor<2x7x5xf32> {
  %y = qnn.softmax %x {axis = 1 : i64} : tensor<2x7x5xf32> -> tensor<2x7x5xf32>
  return %y : tensor<2x7x5xf32>
}

func.func @batch_norm(%x: tensor<2x3x4x5xf32>) -> tensor<2x3x4x5xf32> {
  %g = arith.constant dense<[1.5, -0.5, 2.0]> : tensor<3xf32>
  %b = arith.constant dense<[0.1, 0.2, -0.3]> : tensor<3xf32>
  %m = arith.constant dense<[0.05, -0.1, 0.0]> : tensor<3xf32>
  %v = arith.constant dense<[0.5, 2.0, 0.01]> : tensor<3xf32>
  %y = qnn.batch_norm %x, %g, %b, %m, %v {epsilon = 1.0e-03 : f32} : (tensor<2x3x4x5xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x3x4x5xf32>
  return %y : tensor<2x3x4x5xf32>
}
