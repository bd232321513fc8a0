// Bad models (test/Target/ONNX/Inputs/bad, written by
// scripts/make-onnx-test-models.py): each fails with exit code 1 and one
// diagnostic that names the node (name, op type, index) and the reason,
// and leaves no output file behind.

// RUN: rm -f %t.mlir
// RUN: not quant-translate --import-onnx %S/Inputs/bad/truncated.onnx -o %t.mlir 2>&1 | FileCheck %s --check-prefix=TRUNCATED
// RUN: not test -e %t.mlir
// TRUNCATED: truncated.onnx: error: '{{.*}}truncated.onnx' is not a valid ONNX model (the protobuf ModelProto does not parse or has no graph)

// RUN: not quant-translate --import-onnx %S/Inputs/bad/random.onnx -o %t.mlir 2>&1 | FileCheck %s --check-prefix=RANDOM
// RUN: not test -e %t.mlir
// RANDOM: random.onnx: error: '{{.*}}random.onnx' is not a valid ONNX model

// RUN: not quant-translate --import-onnx %S/Inputs/bad/missing.onnx -o %t.mlir 2>&1 | FileCheck %s --check-prefix=MISSING
// RUN: not test -e %t.mlir
// MISSING: missing.onnx: error: cannot open '{{.*}}missing.onnx': No such file or directory

// RUN: not quant-translate --import-onnx %S/Inputs/bad/unsupported-op.onnx -o %t.mlir 2>&1 | FileCheck %s --check-prefix=UNKNOWNOP
// RUN: not test -e %t.mlir
// UNKNOWNOP: unsupported-op.onnx: error: node 'act' (Tanh, #0): unsupported operator 'Tanh'
// UNKNOWNOP-NOT: error

// RUN: not quant-translate --import-onnx %S/Inputs/bad/missing-initializer.onnx -o %t.mlir 2>&1 | FileCheck %s --check-prefix=NOINIT
// RUN: not test -e %t.mlir
// NOINIT: missing-initializer.onnx: error: node 'conv1' (Conv, #0): input 'W' is neither a graph input, an initializer nor the output of an earlier node

// RUN: not quant-translate --import-onnx %S/Inputs/bad/zero-scale.onnx -o %t.mlir 2>&1 | FileCheck %s --check-prefix=ZEROSCALE
// RUN: not test -e %t.mlir
// ZEROSCALE: zero-scale.onnx: error: node 'quant' (QuantizeLinear, #0): scale 's' must be positive and finite, got 0 (zero scale)

// The strict ONNX shape inference error follows as a note.
// RUN: not quant-translate --import-onnx %S/Inputs/bad/wrong-zero-point-type.onnx -o %t.mlir 2>&1 | FileCheck %s --check-prefix=ZPTYPE
// RUN: not test -e %t.mlir
// ZPTYPE: wrong-zero-point-type.onnx: error: node 'dq' (DequantizeLinear, #0): zero point 'zp' has type uint8, expected int8 (the type of the quantized tensor)
// ZPTYPE-NEXT: wrong-zero-point-type.onnx: note: strict ONNX shape inference had failed too: {{.*}}x_zero_point has inconsistent type tensor(uint8)

// RUN: not quant-translate --import-onnx %S/Inputs/bad/non-constant-scale.onnx -o %t.mlir 2>&1 | FileCheck %s --check-prefix=NONCONST
// RUN: not test -e %t.mlir
// NONCONST: non-constant-scale.onnx: error: node 'quant' (QuantizeLinear, #0): scale 's' must be a constant (an initializer or a Constant node), not a computed value or graph input

// RUN: not quant-translate --import-onnx %S/Inputs/bad/pad-reflect.onnx -o %t.mlir 2>&1 | FileCheck %s --check-prefix=REFLECT
// RUN: not test -e %t.mlir
// REFLECT: pad-reflect.onnx: error: node 'pad' (Pad, #0): reflect pads of dimension 2 must be smaller than its size 4, got 4

// RUN: not quant-translate --import-onnx %S/Inputs/bad/maxpool-indices-3d.onnx -o %t.mlir 2>&1 | FileCheck %s --check-prefix=INDICES3D
// RUN: not test -e %t.mlir
// INDICES3D: maxpool-indices-3d.onnx: error: node 'pool3d' (MaxPool, #0): the Indices output is only supported for 2-D windows, got 3-D

// RUN: not quant-translate --import-onnx %S/Inputs/bad/quant-rounding.onnx -o %t.mlir 2>&1 | FileCheck %s --check-prefix=ROUNDING
// RUN: not test -e %t.mlir
// ROUNDING: quant-rounding.onnx: error: node 'q4' (Quant, #0): rounding_mode 'FLOOR' is not supported (only ROUND)

// RUN: not quant-translate --import-onnx %S/Inputs/bad/dynamic-dim.onnx -o %t.mlir 2>&1 | FileCheck %s --check-prefix=DYNAMIC
// RUN: not test -e %t.mlir
// DYNAMIC: dynamic-dim.onnx: error: graph input 'x' has a dynamic dimension 1; fix it with --input-shape (--batch sizes only the first)

// RUN: not quant-translate --import-onnx %S/Inputs/bad/checker-error.onnx -o %t.mlir 2>&1 | FileCheck %s --check-prefix=CHECKER
// RUN: not test -e %t.mlir
// CHECKER: checker-error.onnx: error: the ONNX checker rejects the model: Unrecognized attribute: alpha for operator Relu ==> Context: Bad node spec for node. Name: relu OpType: Relu{{$}}

// A qnn verifier failure is reported as the node's.
// RUN: not quant-translate --import-onnx %S/Inputs/bad/verifier-error.onnx -o %t.mlir 2>&1 | FileCheck %s --check-prefix=VERIFIER
// RUN: not test -e %t.mlir
// VERIFIER: verifier-error.onnx: error: node 'pool' (MaxPool, #0): 'qnn.max_pool2d' op expects padding smaller than the dilated kernel, got top padding 2 for kernel height 2

// RUN: not quant-translate --import-onnx %S/Inputs/bad/matmulinteger-per-row.onnx -o %t.mlir 2>&1 | FileCheck %s --check-prefix=PERROW
// RUN: not test -e %t.mlir
// PERROW: matmulinteger-per-row.onnx: error: node 'mmi' (MatMulInteger, #0): per-row zero points of A are not supported (qnn.matmul needs a per-tensor lhs)

// RUN: not quant-translate --import-onnx %S/Inputs/bad/external-escape.onnx -o %t.mlir 2>&1 | FileCheck %s --check-prefix=ESCAPE
// RUN: not test -e %t.mlir
// ESCAPE: external-escape.onnx: error: tensor 'w' has external data outside the model directory: '../external-data.bin'

// A failed import does not touch an existing output file either.
// RUN: echo keep > %t.mlir
// RUN: not quant-translate --import-onnx %S/Inputs/bad/zero-scale.onnx -o %t.mlir
// RUN: FileCheck %s --check-prefix=KEPT < %t.mlir
// KEPT: keep
