// The bundled example CNN (examples/cnn-float.mlir: conv, batch norm,
// ReLU/ReLU6, max pooling, concat, global average pooling, reshape,
// fully connected, softmax) end to end on all three targets.
// RUN: %e2e-check %quant_src_root/examples/cnn-float.mlir %t --mcpu=x86-64
// RUN: %e2e-check %quant_src_root/examples/cnn-float.mlir %t --mcpu=x86-64-v3
// RUN: %e2e-check %quant_src_root/examples/cnn-float.mlir %t
