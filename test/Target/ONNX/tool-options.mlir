// quant-translate options: -o writes the module (and nothing on failure),
// --entry-name, --batch, --freeze-input errors, a missing translation flag
// and --help.

// RUN: rm -f %t.mlir
// RUN: quant-translate --import-onnx %S/Inputs/cnn-float.onnx -o %t.mlir --entry-name=net --batch=2
// RUN: quant-opt %t.mlir | FileCheck %s --check-prefix=OUT
// OUT: func.func @net(%{{.*}}: tensor<2x3x8x8xf32> {onnx.name = "x"}) -> (tensor<2x10xf32> {onnx.name = "probs"})

// RUN: not quant-translate %S/Inputs/cnn-float.onnx 2>&1 | FileCheck %s --check-prefix=NOMODE
// NOMODE: quant-translate: error: no translation given (use --import-onnx)

// RUN: not quant-translate --import-onnx %S/Inputs/cnn-float.onnx --batch=0 2>&1 | FileCheck %s --check-prefix=BATCH
// BATCH: error: the batch size must be at least 1, got 0

// RUN: not quant-translate --import-onnx %S/Inputs/cnn-float.onnx --freeze-input=%S/Inputs/missing.pb 2>&1 | FileCheck %s --check-prefix=NOFILE
// NOFILE: error: cannot read frozen input '{{.*}}missing.pb': No such file or directory
// RUN: not quant-translate --import-onnx %S/Inputs/cnn-float.onnx --freeze-input=%S/Inputs/external-data.bin 2>&1 | FileCheck %s --check-prefix=NOTPROTO
// NOTPROTO: error: frozen input '{{.*}}external-data.bin' is not a serialized ONNX TensorProto

// Inputs/scale.pb holds a tensor named 's'; NAME= overrides the name.
// RUN: not quant-translate --import-onnx %S/Inputs/cnn-float.onnx --freeze-input=%S/Inputs/scale.pb 2>&1 | FileCheck %s --check-prefix=NOTINPUT
// NOTINPUT: error: frozen input 's' is not a graph input
// RUN: not quant-translate --import-onnx %S/Inputs/cnn-float.onnx --freeze-input=x=%S/Inputs/scale.pb --freeze-input=x=%S/Inputs/scale.pb 2>&1 | FileCheck %s --check-prefix=TWICE
// TWICE: error: graph input 'x' is frozen twice or already constant

// Freezing the graph input that holds a scale makes the model importable.
// RUN: quant-translate --import-onnx %S/Inputs/bad/non-constant-scale.onnx --freeze-input=%S/Inputs/scale.pb | FileCheck %s --check-prefix=FROZEN
// FROZEN: func.func @main(%[[X:.*]]: tensor<1x2x4x4xf32> {onnx.name = "x"}) -> (tensor<1x2x4x4xi8> {onnx.name = "y", onnx.unsigned})
// FROZEN: qnn.quantize %[[X]] : tensor<1x2x4x4xf32> -> tensor<1x2x4x4x!quant.uniform<u8:f32, 5.000000e-01>>

// RUN: quant-translate --help | FileCheck %s --check-prefix=HELP
// HELP: --batch=<long>
// HELP: --entry-name=<string>
// HELP: --freeze-input=<[name=]file.pb>
// HELP: --import-onnx
