// convert-qnn-to-linalg names each op it cannot lower, where it is, and
// why; quant-compile exits with 1.
// RUN: not quant-compile %s -o %t.o 2>&1 | FileCheck %s

// An integer-form op outside what code generation covers (a binarize of
// i64 values) has no code generation.
// CHECK: unsupported.mlir:[[@LINE+2]]:8: error: convert-qnn-to-linalg: cannot lower 'qnn.binarize': only f32 or integer (up to 32 bits) input to an i8 result (-1/+1 codes) has code generation; binary results need -qnn-lower-to-integer first
func.func @main(%x: tensor<2xi64>) -> tensor<2xi8> {
  %b = qnn.binarize %x : tensor<2xi64> -> tensor<2xi8>
  return %b : tensor<2xi8>
}
