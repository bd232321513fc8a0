// The e2e suite's int8 and float kernel cases compiled for --mcpu=skylake
// (an AVX2 CPU without AVX-512 that users have), bit-exact against qnn-ref.
// REQUIRES: host-avx2
// RUN: %e2e-check %S/kernels.mlir %t --mcpu=skylake
// RUN: %e2e-check %S/kernels-float.mlir %t --mcpu=skylake
// RUN: %e2e-check %S/conv-rescale.mlir %t --mcpu=skylake
// RUN: %e2e-check %S/pooling-vector.mlir %t --mcpu=skylake
// RUN: %e2e-check %S/quantized-linear.mlir %t --mcpu=skylake
// RUN: quant-translate --import-onnx %quant_src_root/examples/fmnist-cnn-qdq.onnx -o %t.qdq.mlir
// RUN: quant-opt %t.qdq.mlir --qnn-propagate-scales --qnn-fold-requant --qnn-lower-to-integer -canonicalize -cse -o %t.int.mlir
// RUN: %e2e-check %t.int.mlir %t --mcpu=skylake
// RUN: %e2e-check %S/../Codegen/split-narrow-transfers.mlir %t --mcpu=skylake
// RUN: %e2e-check %quant_src_root/examples/cnn-float.mlir %t --mcpu=skylake
