// ONNX models whose integer lowering needs operands of one width: 4-bit
// QONNX activations against 8-bit weights, and ConvInteger / MatMulInteger
// with uint8 weights whose centered codes need 16 bits (the conv input is
// centered at run time into i16). Imported, fused and lowered, compiled and
// compared with the reference interpreter on the imported graph (before
// the passes).
// RUN: quant-translate --import-onnx %quant_src_root/test/Target/ONNX/Inputs/qonnx-ops.onnx -o %t.qonnx.mlir
// RUN: quant-opt %t.qonnx.mlir --qnn-propagate-scales --qnn-fold-requant --qnn-lower-to-integer -canonicalize -cse -o %t.qonnx.int.mlir
// RUN: env REF_MODEL=%t.qonnx.mlir %e2e-check %t.qonnx.int.mlir %t.qonnx --mcpu=x86-64
// RUN: env REF_MODEL=%t.qonnx.mlir %e2e-check %t.qonnx.int.mlir %t.qonnx
// RUN: quant-translate --import-onnx %quant_src_root/test/Target/ONNX/Inputs/integer-ops.onnx -o %t.intops.mlir
// RUN: quant-opt %t.intops.mlir --qnn-propagate-scales --qnn-fold-requant --qnn-lower-to-integer -canonicalize -cse -o %t.intops.int.mlir
// RUN: env REF_MODEL=%t.intops.mlir %e2e-check %t.intops.int.mlir %t.intops --mcpu=x86-64
// RUN: env REF_MODEL=%t.intops.mlir %e2e-check %t.intops.int.mlir %t.intops
