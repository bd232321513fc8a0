// The int8 QDQ Fashion-MNIST CNN (examples/fmnist-cnn-qdq.onnx) imported,
// fused and lowered to the integer form (1-channel first conv, per-channel
// rescales, explicit zero-point padding), then compiled for all three
// targets and compared with the reference interpreter on the lowered graph:
// bit-exact on every integer op, float only in the final dequantize.
// RUN: quant-translate --import-onnx %quant_src_root/examples/fmnist-cnn-qdq.onnx -o %t.qdq.mlir
// RUN: quant-opt %t.qdq.mlir --qnn-propagate-scales --qnn-fold-requant --qnn-lower-to-integer -canonicalize -cse -o %t.int.mlir
// RUN: %e2e-check %t.int.mlir %t --mcpu=x86-64
// RUN: %e2e-check %t.int.mlir %t --mcpu=x86-64-v3
// RUN: %e2e-check %t.int.mlir %t
