// A C program links the object file quant-compile emits, through the
// generated header only, compiled as C (clang) and as C++ (extern "C"
// safe); its output matches the reference evaluator, and the variant that
// takes a caller-provided workspace (filled with garbage) gives the same.
// RUN: rm -rf %t && mkdir -p %t
// RUN: quant-compile %s -o %t/model.o --header %t/model.h --name=model
// RUN: FileCheck %s --check-prefix=HEADER < %t/model.h
// RUN: %clang -std=c99 -O2 -Wall -Wextra -Werror -DMODEL_HEADER='"%t/model.h"' %S/Inputs/npy-driver.c %t/model.o -o %t/driver-c
// RUN: %clang -x c++ -std=c++17 -O2 -Wall -Werror -DMODEL_HEADER='"%t/model.h"' %S/Inputs/npy-driver.c -x none %t/model.o -o %t/driver-cxx
// RUN: qnn-ref %s --make-inputs=%t/in --seed=3
// RUN: %t/driver-c %t/in0.npy %t/in1.npy %t/out-c.npy | FileCheck %s --check-prefix=OUT
// RUN: %t/driver-cxx %t/in0.npy %t/in1.npy %t/out-cxx.npy
// RUN: qnn-ref %s -i %t/in0.npy -i %t/in1.npy --check %t/out-c.npy
// RUN: qnn-ref %s -i %t/in0.npy -i %t/in1.npy --check %t/out-cxx.npy

// HEADER: #ifndef MODEL_H
// HEADER: extern "C" {
// HEADER: #define MODEL_NUM_INPUTS 2
// HEADER: #define MODEL_NUM_OUTPUTS 1
// HEADER: /* Input 0: tensor<1x3x10x10xf32> */
// HEADER: #define MODEL_INPUT0_SIZE 300
// HEADER: static const int64_t model_input0_shape[4] = {1, 3, 10, 10};
// HEADER: /* Input 1: tensor<8xf32> */
// HEADER: /* Output 0: tensor<1x8xf32> */
// HEADER: #define MODEL_WORKSPACE_SIZE {{[1-9][0-9]*}} /* bytes */
// HEADER: int model_run(const float *input0, const float *input1, float *output0);
// HEADER: int model_run_with_workspace(const float *input0, const float *input1, float *output0, void *workspace);

// OUT: f32: 2 inputs, output0 rank 2, 8 elements, shape[0] = 1

func.func @main(%x: tensor<1x3x10x10xf32>, %shift: tensor<8xf32>) -> tensor<1x8xf32> {
  %w = arith.constant dense<[[[[0.5]], [[-0.25]], [[0.125]]], [[[-1.0]], [[0.75]], [[0.0]]], [[[0.3]], [[0.2]], [[0.1]]], [[[-0.6]], [[0.4]], [[-0.2]]], [[[0.9]], [[-0.9]], [[0.45]]], [[[0.05]], [[0.15]], [[-0.35]]], [[[-0.8]], [[-0.1]], [[0.6]]], [[[0.7]], [[0.0]], [[-0.7]]]]> : tensor<8x3x1x1xf32>
  %c = qnn.conv2d %x, %w : (tensor<1x3x10x10xf32>, tensor<8x3x1x1xf32>) -> tensor<1x8x10x10xf32>
  %g = qnn.global_avg_pool %c : tensor<1x8x10x10xf32> -> tensor<1x8x1x1xf32>
  %f = qnn.reshape %g : tensor<1x8x1x1xf32> -> tensor<1x8xf32>
  %y = qnn.add %f, %shift : (tensor<1x8xf32>, tensor<8xf32>) -> tensor<1x8xf32>
  return %y : tensor<1x8xf32>
}
