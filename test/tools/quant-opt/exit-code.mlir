// RUN: not quant-opt %s 2>&1 | FileCheck %s
// RUN: not quant-opt %s -o %t.out 2>&1 | FileCheck %s
// RUN: not test -e %t.out
// RUN: quant-opt --help | FileCheck %s --check-prefix=HELP

// Bad input: a diagnostic with file, line and column, exit code 1, and no
// output file. --help lists the qnn passes and pipelines.

// CHECK: exit-code.mlir:[[@LINE+5]]:8: error: 'qnn.quantize' op result has zero point 300 outside the storage range [0, 255]
// HELP-DAG: --qnn-fold-batch-norm
// HELP-DAG: --qnn-quantize-weights
// HELP-DAG: --qnn-simplify
func.func @f(%x: tensor<4xf32>) {
  %0 = qnn.quantize %x : tensor<4xf32> -> tensor<4x!quant.uniform<u8:f32, 0.1:300>>
  return
}
