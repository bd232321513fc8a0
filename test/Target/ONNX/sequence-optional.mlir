// --input-shape: a sequence graph input of static length becomes one
// argument per element (onnx.sequence_index), a sequence output one result
// per element; an optional input is compiled as present; a tensor input's
// dynamic non-batch dimension is fixed. Errors name the input and the rule.

// RUN: quant-translate --import-onnx %S/Inputs/sequence-optional.onnx --input-shape='s=[2x3,4]' --input-shape=x=1x5x4 | FileCheck %s
// CHECK-LABEL: func.func @main(
// CHECK-SAME: %[[S0:[^:]*]]: tensor<2x3xi8> {onnx.name = "s", onnx.sequence_index = 0 : i64, onnx.unsigned}
// CHECK-SAME: %[[S1:[^:]*]]: tensor<4xi8> {onnx.name = "s", onnx.sequence_index = 1 : i64, onnx.unsigned}
// CHECK-SAME: %[[O:[^:]*]]: tensor<2x3xf32> {onnx.name = "o"}
// CHECK-SAME: %[[X:[^:]*]]: tensor<1x5x4xf32> {onnx.name = "x"}
// CHECK-SAME: -> (tensor<2x3xi8> {onnx.name = "s_out", onnx.sequence_index = 0 : i64, onnx.unsigned}, tensor<4xi8> {onnx.name = "s_out", onnx.sequence_index = 1 : i64, onnx.unsigned}, tensor<2x3xf32> {onnx.name = "o_out"}, tensor<1x5x4xf32> {onnx.name = "y"})
// CHECK: %[[Y:.*]] = qnn.clamp %[[X]]
// CHECK: return %[[S0]], %[[S1]], %[[O]], %[[Y]]

// An empty sequence has no arguments or results; --batch sizes what
// --input-shape leaves dynamic.
// RUN: quant-translate --import-onnx %S/Inputs/sequence-optional.onnx --input-shape='s=[]' --input-shape=x=2x5x4 | FileCheck %s --check-prefix=EMPTY
// EMPTY: func.func @main(%{{.*}}: tensor<2x3xf32> {onnx.name = "o"}, %{{.*}}: tensor<2x5x4xf32> {onnx.name = "x"}) -> (tensor<2x3xf32> {onnx.name = "o_out"}, tensor<2x5x4xf32> {onnx.name = "y"})

// The compiled C interface takes one buffer per element.
// RUN: quant-compile %S/Inputs/sequence-optional.onnx --input-shape='s=[2x3,4]' --input-shape=x=1x5x4 -o %t.o --header %t.h
// RUN: FileCheck %s --check-prefix=HEADER < %t.h
// HEADER: int model_run(const uint8_t *input0, const uint8_t *input1, const float *input2, const float *input3, uint8_t *output0, uint8_t *output1, float *output2, float *output3);

// RUN: not quant-translate --import-onnx %S/Inputs/sequence-optional.onnx --input-shape=x=1x5x4 2>&1 | FileCheck %s --check-prefix=NOSEQ
// NOSEQ: error: graph input 's' is a sequence, whose length is only known at run time; give it with --input-shape=s=[D0xD1,...]
// RUN: not quant-translate --import-onnx %S/Inputs/sequence-optional.onnx --input-shape='s=[2]' 2>&1 | FileCheck %s --check-prefix=DYNAMIC
// DYNAMIC: error: graph input 'x' has a dynamic dimension 1; fix it with --input-shape (--batch sizes only the first)
// RUN: not quant-translate --import-onnx %S/Inputs/sequence-optional.onnx --input-shape=s=2x3 2>&1 | FileCheck %s --check-prefix=NOTLIST
// NOTLIST: error: graph input 's' is a sequence: give its element shapes as [D0xD1,...]
// RUN: not quant-translate --import-onnx %S/Inputs/sequence-optional.onnx --input-shape='o=[2x3]' 2>&1 | FileCheck %s --check-prefix=LIST
// LIST: error: graph input 'o' is a tensor: give one shape, not a list
// RUN: not quant-translate --import-onnx %S/Inputs/sequence-optional.onnx --input-shape=o=2x4 2>&1 | FileCheck %s --check-prefix=DIM
// DIM: error: dimension 1 of graph input 'o' is 3, but --input-shape gives 4
// RUN: not quant-translate --import-onnx %S/Inputs/sequence-optional.onnx --input-shape=x=1x5 2>&1 | FileCheck %s --check-prefix=RANK
// RANK: error: graph input 'x' has rank 3, but --input-shape gives 2 dimensions
// RUN: not quant-translate --import-onnx %S/Inputs/sequence-optional.onnx --input-shape=nope=1 2>&1 | FileCheck %s --check-prefix=NAME
// NAME: error: --input-shape names 'nope', not a graph input
// RUN: not quant-translate --import-onnx %S/Inputs/sequence-optional.onnx --input-shape=x=1xAx4 2>&1 | FileCheck %s --check-prefix=SYNTAX
// RUN: not quant-translate --import-onnx %S/Inputs/sequence-optional.onnx --input-shape='s=[2x3' 2>&1 | FileCheck %s --check-prefix=SYNTAX
// SYNTAX: error: invalid --input-shape '{{.*}}': expected NAME=D0xD1x... for a tensor or NAME=[D0xD1,...] for a sequence
// RUN: not quant-translate --import-onnx %S/Inputs/sequence-optional.onnx --input-shape=x=1x5x4 --input-shape=x=1x5x4 2>&1 | FileCheck %s --check-prefix=TWICE
// TWICE: error: --input-shape gives graph input 'x' twice

// Only Identity passes sequences: ONNX type inference rejects a Relu of one.
// RUN: not quant-translate --import-onnx %S/Inputs/bad/sequence-relu.onnx --input-shape='s=[3]' 2>&1 | FileCheck %s --check-prefix=RELU
// RELU: sequence-relu.onnx: error: ONNX shape inference fails: {{.*}}type case mismatch
