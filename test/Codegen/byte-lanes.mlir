// No lane-by-lane byte moves on the x86 CPUs users have. Without AVX-512BW
// there is no masked i8 load or store; a partial i8 vector (the end of a
// row in the layout packing, the pooling rows, the requantized conv
// output) used to become one vpinsrb / vpextrb per lane with a branch
// each, and the int8 example CNN ran ten times slower than the float one
// on AVX2-only CPUs. A few single-byte moves remain (a 1-byte piece of a
// row end, LLVM's own store of a 10-element result): the bound catches the
// chains, which count in the hundreds.
// RUN: %S/count-byte-lanes.sh 24 %quant_src_root/examples/fmnist-cnn-qdq.onnx --mcpu=znver2
// RUN: %S/count-byte-lanes.sh 24 %quant_src_root/examples/fmnist-cnn-qop.onnx --mcpu=znver3
// RUN: %S/count-byte-lanes.sh 24 %quant_src_root/examples/fmnist-cnn-qdq.onnx --mcpu=haswell
// RUN: %S/count-byte-lanes.sh 24 %quant_src_root/examples/fmnist-cnn-qop.onnx --mcpu=skylake
// RUN: %S/count-byte-lanes.sh 24 %quant_src_root/examples/fmnist-cnn-qdq.onnx --mcpu=x86-64-v3
// RUN: %S/count-byte-lanes.sh 8 %S/../e2e/kernels.mlir --mcpu=znver2
// RUN: %S/count-byte-lanes.sh 8 %S/../e2e/kernels.mlir --mcpu=skylake
// RUN: %S/count-byte-lanes.sh 8 %S/../e2e/pooling-vector.mlir --mcpu=znver3
// RUN: %S/count-byte-lanes.sh 8 %S/../e2e/conv-rescale.mlir --mcpu=haswell
// RUN: %S/count-byte-lanes.sh 8 %S/split-narrow-transfers.mlir --mcpu=x86-64-v3
