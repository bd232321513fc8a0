// Malformed models from the fuzzing campaign (test/Target/ONNX/Inputs/bad,
// written by scripts/make-onnx-test-models.py). Each crashed ONNX shape
// inference or the importer; now each fails with exit code 1 and one
// diagnostic naming the tensor, node or graph value, checked before ONNX
// inference runs (ONNXValidate.cpp) where ONNX would crash.

// Raw data shorter than the dims need (heap corruption in Pad inference).
// RUN: not quant-translate --import-onnx %S/Inputs/bad/short-raw-data.onnx -o %t.mlir 2>&1 | FileCheck %s --check-prefix=RAW
// RUN: not test -e %t.mlir
// RAW: short-raw-data.onnx: error: initializer: tensor 'pads' has 60 bytes of raw data for shape [8] of int64, which needs 64
// RAW-NOT: note

// The tensor of a Constant node, typed data.
// RUN: not quant-translate --import-onnx %S/Inputs/bad/constant-data-count.onnx -o %t.mlir 2>&1 | FileCheck %s --check-prefix=CONSTANT
// CONSTANT: constant-data-count.onnx: error: node 'const' (Constant, #0): attribute 'value': tensor 'c' has 3 values in float_data for shape [4] of float, which needs 4

// Strides of 0 (a division by zero in pooling / conv inference) or below.
// RUN: not quant-translate --import-onnx %S/Inputs/bad/maxpool-zero-stride.onnx -o %t.mlir 2>&1 | FileCheck %s --check-prefix=STRIDE0
// STRIDE0: maxpool-zero-stride.onnx: error: node 'pool' (MaxPool, #0): 'strides' entries must be in [1, 2147483647], got 0
// RUN: not quant-translate --import-onnx %S/Inputs/bad/conv-negative-stride.onnx -o %t.mlir 2>&1 | FileCheck %s --check-prefix=STRIDENEG
// STRIDENEG: conv-negative-stride.onnx: error: node 'conv' (Conv, #0): 'strides' entries must be in [1, 2147483647], got -2
// RUN: not quant-translate --import-onnx %S/Inputs/bad/huge-pads.onnx -o %t.mlir 2>&1 | FileCheck %s --check-prefix=HUGEPADS
// HUGEPADS: huge-pads.onnx: error: node 'pool' (AveragePool, #0): 'pads' entries must be in [0, 2147483647], got 2147483648

// A weight of higher rank than the Conv's input (found by fuzz-onnx-import:
// an out-of-bounds read in libonnx's Conv inference, which the importer now
// makes fail cleanly, see ONNXSchemas.cpp).
// RUN: not quant-translate --import-onnx %S/Inputs/bad/conv-weight-rank.onnx -o %t.mlir 2>&1 | FileCheck %s --check-prefix=WRANK
// RUN: not test -e %t.mlir
// WRANK: conv-weight-rank.onnx: error: node 'conv' (Conv, #0): needs a kernel_shape of 2 entries >= 1
// WRANK: conv-weight-rank.onnx: note: strict ONNX shape inference had failed too: {{.*}}the input has rank 4 but the weight has rank 5

// A Reshape shape whose element count overflows int64 (found by
// fuzz-onnx-import: signed overflow in the importer).
// RUN: not quant-translate --import-onnx %S/Inputs/bad/reshape-overflow.onnx -o %t.mlir 2>&1 | FileCheck %s --check-prefix=RESHAPEOVF
// RUN: not test -e %t.mlir
// RESHAPEOVF: reshape-overflow.onnx: error: node 'reshape' (Reshape, #0): cannot reshape 'tensor<1x2x4x4xf32>' to 2-D shape with a dimension or element count beyond 2147483648

// Unsupported operators are rejected before ONNX inference runs (so no
// note about strict inference failing follows).
// RUN: not quant-translate --import-onnx %S/Inputs/bad/layernorm-axis.onnx -o %t.mlir 2>&1 | FileCheck %s --check-prefix=LAYERNORM
// LAYERNORM: layernorm-axis.onnx: error: node 'ln' (LayerNormalization, #0): unsupported operator 'LayerNormalization'
// LAYERNORM-NOT: note

// A graph output passing the graph input through with another rank.
// RUN: not quant-translate --import-onnx %S/Inputs/bad/output-rank.onnx -o %t.mlir 2>&1 | FileCheck %s --check-prefix=OUTRANK
// OUTRANK: output-rank.onnx: error: graph output 'x' passes through the graph input or initializer of that name, of shape [1, 2, 4, 4], but declares shape [1, 2] (-1: unknown)

// Float axes (were read as integers out of bounds).
// RUN: not quant-translate --import-onnx %S/Inputs/bad/unsqueeze-float-axes.onnx -o %t.mlir 2>&1 | FileCheck %s --check-prefix=AXES
// AXES: unsqueeze-float-axes.onnx: error: node 'unsqueeze' (Unsqueeze, #0): axes input 'axes' must hold integers, got float

// A 2^33-element pooling result (quant-compile ran for minutes on it).
// RUN: not quant-translate --import-onnx %S/Inputs/bad/huge-pool.onnx -o %t.mlir 2>&1 | FileCheck %s --check-prefix=HUGE
// RUN: not quant-compile %S/Inputs/bad/huge-pool.onnx -o %t.o 2>&1 | FileCheck %s --check-prefix=HUGE
// HUGE: huge-pool.onnx: error: node 'pool' (AveragePool, #0): 'qnn.avg_pool2d' result has shape [1, 2, 65539, 65539], more elements than the supported 2147483648
