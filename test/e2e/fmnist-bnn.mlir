// The QONNX binarized MLP (examples/fmnist-bnn-qonnx.onnx) imported, fused
// and lowered to the integer form: float first layer on dequantized binary
// weights, XNOR matmuls on i8 -1/+1 codes with i32 accumulators, batch norm
// + sign as integer thresholds on the accumulators. Compared with qnn-ref
// on the imported graph before the passes (folded thresholds included) on
// three targets, then compiled to an object, run on the 256 reference images and compared with PyTorch's
// logits: every argmax agrees and every logit is within 1e-4 (the float
// first layer sums in another order than PyTorch; a flipped binary
// activation would move a logit by 2 alpha >= 0.12).
// REQUIRES: python-numpy
// RUN: rm -rf %t && mkdir -p %t
// RUN: quant-translate --import-onnx %quant_src_root/examples/fmnist-bnn-qonnx.onnx -o %t/bnn.mlir
// RUN: quant-opt %t/bnn.mlir --qnn-propagate-scales --qnn-fold-requant --qnn-lower-to-integer -canonicalize -cse -o %t/bnn.int.mlir
// RUN: FileCheck %s < %t/bnn.int.mlir
// RUN: env REF_MODEL=%t/bnn.mlir %e2e-check %t/bnn.int.mlir %t/e --mcpu=x86-64
// RUN: env REF_MODEL=%t/bnn.mlir %e2e-check %t/bnn.int.mlir %t/e --mcpu=x86-64-v3
// RUN: env REF_MODEL=%t/bnn.mlir %e2e-check %t/bnn.int.mlir %t/e
// RUN: quant-compile %t/bnn.int.mlir -o %t/bnn.o --header %t/bnn.h --name=model
// RUN: %clang -std=c99 -O2 -Wall -Werror -DMODEL_HEADER='"%t/bnn.h"' %S/Inputs/batch-driver.c %t/bnn.o -o %t/driver
// RUN: %python %S/Inputs/bnn-check.py prepare %quant_src_root/examples/fmnist-bnn-ref.npz %t/images.npy
// RUN: %t/driver %t/images.npy 256 %t/logits.npy
// RUN: %python %S/Inputs/bnn-check.py compare %quant_src_root/examples/fmnist-bnn-ref.npz %t/logits.npy 1e-4 | FileCheck %s --check-prefix=ACC

// CHECK: qnn.matmul %{{.*}}, %{{.*}} : (tensor<1x784xf32>, tensor<784x128xf32>) -> tensor<1x128xf32>
// CHECK: %[[A1:.*]] = qnn.binarize %{{.*}} {axis = 1 : i64, thresholds = array<f64: {{.*}}>} : tensor<1x128xf32> -> tensor<1x128xi8>
// CHECK: %[[ACC2:.*]] = qnn.matmul %[[A1]], %{{.*}} {qnn.xnor} : (tensor<1x128xi8>, tensor<128x128xi8>) -> tensor<1x128xi32>
// CHECK: %[[A2:.*]] = qnn.binarize %[[ACC2]] {axis = 1 : i64, thresholds = array<f64: {{.*}}>} : tensor<1x128xi32> -> tensor<1x128xi8>
// CHECK: %[[ACC3:.*]] = qnn.matmul %[[A2]], %{{.*}} {qnn.xnor} : (tensor<1x128xi8>, tensor<128x10xi8>) -> tensor<1x10xi32>
// CHECK: quant.scast %[[ACC3]] : tensor<1x10xi32> to tensor<1x10x!quant.uniform<i32:f32:1, {{.*}}>>
// CHECK-NOT: !qnn.binary

// ACC: samples: 256
// ACC: argmax agreement: 256/256
// ACC: within atol 0.0001: 256/256
