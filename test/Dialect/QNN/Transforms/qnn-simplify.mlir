// RUN: quant-opt %quant_src_root/examples/cnn-float.mlir --qnn-simplify | FileCheck %s
// RUN: quant-opt %quant_src_root/examples/cnn-float.mlir --qnn-simplify="strict-batch-norm=true" | FileCheck %s

// The bundled example: both batch norms fold into their convolutions and
// nothing else changes shape.
// CHECK-LABEL: func.func @cnn
// CHECK-NOT: qnn.batch_norm
// CHECK: %[[C1:.*]] = qnn.conv2d %{{.*}} -> tensor<1x8x28x28xf32>
// CHECK: qnn.clamp %[[C1]] {max = 6.000000e+00 : f32, min = 0.000000e+00 : f32}
// CHECK: qnn.conv2d {{.*}} -> tensor<1x16x14x14xf32>
// CHECK: qnn.concat
// CHECK: qnn.fully_connected
// CHECK: qnn.softmax
// CHECK-NOT: qnn.batch_norm
