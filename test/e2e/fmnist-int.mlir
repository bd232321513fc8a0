// The int8 QDQ Fashion-MNIST CNN (examples/fmnist-cnn-qdq.onnx) imported,
// fused and lowered to the integer form (1-channel first conv, per-channel
// rescales, explicit zero-point padding), then compiled for all three
// targets and compared with the reference interpreter on the imported QDQ
// graph *before* the passes (so a wrong rewrite cannot hide in its own
// reference; the outputs are the final dequantize's floats).
// RUN: quant-translate --import-onnx %quant_src_root/examples/fmnist-cnn-qdq.onnx -o %t.qdq.mlir
// RUN: quant-opt %t.qdq.mlir --qnn-propagate-scales --qnn-fold-requant --qnn-lower-to-integer -canonicalize -cse -o %t.int.mlir
// RUN: env REF_MODEL=%t.qdq.mlir %e2e-check %t.int.mlir %t --mcpu=x86-64
// RUN: env REF_MODEL=%t.qdq.mlir %e2e-check %t.int.mlir %t --mcpu=x86-64-v3
// RUN: env REF_MODEL=%t.qdq.mlir %e2e-check %t.int.mlir %t
