// RUN: quant-translate --import-onnx %S/Inputs/external-data.onnx | FileCheck %s
// RUN: cd %S && quant-translate --import-onnx Inputs/external-data.onnx | FileCheck %s

// A weight stored in external-data.bin next to the model (scripts/
// make-onnx-test-models.py, external_data) is read relative to the model's
// directory, whatever the working directory.

// CHECK-LABEL: func.func @main
// CHECK: qnn.constant dense<{{\[}}[0.000000e+00, 1.000000e+00, 2.000000e+00, 3.000000e+00], [4.000000e+00, 5.000000e+00, 6.000000e+00, 7.000000e+00]]> : tensor<2x4xf32>
// CHECK: qnn.matmul %{{.*}}, %{{.*}} : (tensor<1x2xf32>, tensor<2x4xf32>) -> tensor<1x4xf32>
