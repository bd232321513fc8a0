// quant-run reads ONNX models directly: the importer, then the QDQ graph
// fused into integer ops (qnn-propagate-scales, qnn-fold-requant) before
// the codegen pipeline; the result is the same as importing with
// quant-translate and running the imported MLIR with --fold-qdq.
// RUN: qnn-ref %S/Inputs/fmnist-input.mlir --make-inputs=%t.in --seed=3
// RUN: quant-run %quant_src_root/examples/fmnist-cnn-qdq.onnx -i %t.in0.npy -o %t.direct.npy
// RUN: quant-translate --import-onnx %quant_src_root/examples/fmnist-cnn-qdq.onnx -o %t.mlir
// RUN: quant-run %t.mlir --fold-qdq -i %t.in0.npy -o %t.manual.npy
// RUN: cmp %t.direct.npy %t.manual.npy

// uint8 graph inputs are u8 buffers (the importer marks them onnx.unsigned).
// RUN: quant-run %quant_src_root/test/Target/ONNX/Inputs/integer-ops.onnx --random-inputs -o %t.c.npy -o %t.m.npy
// RUN: not quant-run %quant_src_root/test/Target/ONNX/Inputs/integer-ops.onnx -i %t.in0.npy --random-inputs 2>&1 | FileCheck %s --check-prefix=U8
// U8: quant-run: error: input 0 ('{{.*}}.in0.npy') is f32 (1, 1, 28, 28), the model expects u8 (1, 1, 5, 5)

// Errors name the ONNX node; exit code 1, no output written.
// RUN: rm -f %t.out.npy
// RUN: not quant-run %quant_src_root/test/Target/ONNX/Inputs/bad/unsupported-op.onnx --random-inputs -o %t.out.npy 2>&1 | FileCheck %s --check-prefix=BADOP
// RUN: test ! -e %t.out.npy
// BADOP: unsupported-op.onnx: error: node 'act' (Tanh, #0): unsupported operator 'Tanh'
// BADOP-NOT: error

// A MatMul and a Gemm without rows compile (the linear kernels leave them
// to the generic lowering) and give empty outputs.
// RUN: quant-run %quant_src_root/test/Target/ONNX/Inputs/empty-matmul.onnx --random-inputs -o %t.em.npy -o %t.eg.npy
// RUN: FileCheck %s --check-prefix=EMPTY < %t.em.npy
// RUN: FileCheck %s --check-prefix=EMPTY < %t.eg.npy
// EMPTY: 'shape': (0, 3)
