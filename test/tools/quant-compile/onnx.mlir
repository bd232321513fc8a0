// quant-compile reads ONNX models: the C header describes the graph inputs
// (uint8 ones as uint8_t buffers) and outputs.
// RUN: quant-compile %quant_src_root/test/Target/ONNX/Inputs/integer-ops.onnx -o %t.o --header %t.h
// RUN: FileCheck %s --check-prefix=HEADER < %t.h
// HEADER: typedef uint8_t model_input0_t;
// HEADER: typedef int8_t model_input1_t;
// HEADER: int model_run(const uint8_t *input0, const int8_t *input1, int32_t *output0, int32_t *output1);

// --batch sizes a dynamic batch dimension, as in quant-translate.
// RUN: quant-compile %quant_src_root/test/Target/ONNX/Inputs/cnn-float.onnx --batch=2 -o %t.cnn.o --header %t.cnn.h
// RUN: FileCheck %s --check-prefix=BATCH < %t.cnn.h
// BATCH: static const int64_t model_input0_shape[4] = {2,

// The QDQ example becomes integer code (no float conv left).
// RUN: quant-compile %quant_src_root/examples/fmnist-cnn-qdq.onnx --emit-after=integer -o - | FileCheck %s --check-prefix=INTEGER
// INTEGER-NOT: qnn.conv2d {{.*}}xf32>
// INTEGER: qnn.conv2d {{.*}} -> tensor<1x{{[0-9]+}}x28x28xi32>
// INTEGER: qnn.rescale

// Errors: one diagnostic naming the node, exit code 1, no output left.
// RUN: rm -f %t.bad.o %t.bad.h
// RUN: not quant-compile %quant_src_root/test/Target/ONNX/Inputs/bad/unsupported-op.onnx -o %t.bad.o --header %t.bad.h 2>&1 | FileCheck %s --check-prefix=BADOP
// RUN: test ! -e %t.bad.o && test ! -e %t.bad.h
// BADOP: unsupported-op.onnx: error: node 'act' (Tanh, #0): unsupported operator 'Tanh'
// BADOP-NOT: error

// RUN: not quant-compile %quant_src_root/test/Target/ONNX/Inputs/bad/truncated.onnx -o %t.bad.o 2>&1 | FileCheck %s --check-prefix=TRUNCATED
// RUN: test ! -e %t.bad.o
// TRUNCATED: truncated.onnx: error: '{{.*}}truncated.onnx' is not a valid ONNX model

// RUN: not quant-compile %quant_src_root/test/Target/ONNX/Inputs/cnn-float.onnx --batch=0 -o %t.bad.o 2>&1 | FileCheck %s --check-prefix=BATCH0
// BATCH0: error: the batch size must be at least 1, got 0

// Boundary tensors without elements (ONNX test_reshape_allowzero_*) compile;
// the header says their pointers are not used (test/e2e/empty-tensors.mlir
// runs them).
// RUN: quant-compile %S/Inputs/empty.mlir -o %t.empty.o --header %t.empty.h
// RUN: FileCheck %s --check-prefix=EMPTY < %t.empty.h
// EMPTY: /* Input 0: tensor<0x3x4xf32> (no elements: the pointer is never used and may be NULL) */
// EMPTY: #define MODEL_INPUT0_SIZE 0
// EMPTY: static const int64_t model_output0_shape[3] = {3, 4, 0};
// EMPTY: int model_run(const float *input0, float *output0);
