// End-to-end float fully_connected and matmul (numpy-broadcast batches),
// with sizes that are not multiples of any vector width, on baseline
// x86-64, x86-64-v3 and the host; |got - ref| <= 1e-5 + 1e-5 |ref|.
// RUN: %e2e-check %s %t --mcpu=x86-64
// RUN: %e2e-check %s %t --mcpu=x86-64-v3
// RUN: %e2e-check %s %t

// Runtime weights (transposed at run time), bias, K = 67.
func.func @fc(%x: tensor<3x67xf32>, %w: tensor<10x67xf32>, %b: tensor<10xf32>) -> tensor<3x10xf32> {
  %y = qnn.fully_connected %x, %w, %b : (tensor<3x67xf32>, tensor<10x67xf32>, tensor<10xf32>) -> tensor<3x10xf32>
  return %y : tensor<3x10xf32>
}

// Constant weights (transposed at compile time), 37 outputs, batch 1.
func.func @fc_const(%x: tensor<1x5xf32>) -> tensor<1x37xf32> {
  %c = arith.constant dense<[[ 0.61 ,  0.616,  0.031, -0.428, -0.892], [-0.233, -0.183, -0.909, -0.902,  0.998], [ 0.305, -0.531, -0.13 ,  0.948,  0.795], [ 0.688, -0.215, -0.014,  0.353, -0.878], [ 0.111, -0.457,  0.759, -0.872,  0.358], [ 0.74 , -0.545,  0.791,  0.744, -0.963], [ 0.415, -0.998,  0.007, -0.127, -0.593], [-0.35 ,  0.612, -0.367, -0.702,  0.397], [-0.103,  0.598, -0.529, -0.36 ,  0.6  ], [ 0.014,  0.013, -0.528, -0.971,  0.866], [-0.828,  0.69 , -0.264,  0.902, -0.201], [ 0.873,  0.112, -0.52 ,  0.483,  0.349], [ 0.368, -0.072, -0.556,  0.282, -0.786], [ 0.384,  0.271, -0.247,  0.597, -0.612], [-0.219,  0.596, -0.239,  0.427,  0.225], [ 0.882,  0.983,  0.447,  0.618, -0.694], [ 0.426,  0.695, -0.198,  0.107, -0.041], [ 0.917, -0.365, -0.196, -0.998, -0.16 ], [ 0.263,  0.87 ,  0.847, -0.345,  0.978], [-0.625,  0.647, -0.685, -0.19 , -0.853], [ 0.716,  0.658, -0.72 ,  0.054, -0.484], [-0.016,  0.106, -0.787,  0.729, -0.443], [-0.106, -0.885, -0.995, -0.61 , -0.317], [ 0.856,  0.779, -0.039, -0.09 ,  0.334], [ 0.718, -0.325,  0.587, -0.202,  0.188], [ 0.475,  0.003,  0.382,  0.395, -0.989], [-0.922, -0.702, -0.573, -0.594, -0.902], [-0.566,  0.202,  0.772, -0.301, -0.267], [-0.167,  0.361,  0.571,  0.882, -0.249], [ 0.414, -0.317,  0.648, -0.539,  0.742], [ 0.01 ,  0.451,  0.07 , -0.368, -0.011], [-0.899, -0.914,  0.06 , -0.046,  0.666], [-0.96 ,  0.114, -0.019,  0.196,  0.459], [ 0.049,  0.126, -0.016,  0.23 , -0.504], [ 0.105,  0.345, -0.618,  0.981,  0.493], [ 0.911, -0.412, -0.113, -0.477, -0.907], [-0.967, -0.507,  0.723, -0.673,  0.379]]> : tensor<37x5xf32>
  %y = qnn.fully_connected %x, %c : (tensor<1x5xf32>, tensor<37x5xf32>) -> tensor<1x37xf32>
  return %y : tensor<1x37xf32>
}

// 2-D matmul, 13 x 67 x 70 (one full and one partial register tile).
func.func @matmul2d(%a: tensor<13x67xf32>, %b: tensor<67x70xf32>) -> tensor<13x70xf32> {
  %y = qnn.matmul %a, %b : (tensor<13x67xf32>, tensor<67x70xf32>) -> tensor<13x70xf32>
  return %y : tensor<13x70xf32>
}

// Batch dimensions broadcast on both sides: [2,1,5,7] x [3,7,9].
func.func @batched(%a: tensor<2x1x5x7xf32>, %b: tensor<3x7x9xf32>) -> tensor<2x3x5x9xf32> {
  %y = qnn.matmul %a, %b : (tensor<2x1x5x7xf32>, tensor<3x7x9xf32>) -> tensor<2x3x5x9xf32>
  return %y : tensor<2x3x5x9xf32>
}

// Rank 3 times rank 2 (shared right-hand side).
func.func @shared_rhs(%a: tensor<4x6x33xf32>, %b: tensor<33x17xf32>) -> tensor<4x6x17xf32> {
  %y = qnn.matmul %a, %b : (tensor<4x6x33xf32>, tensor<33x17xf32>) -> tensor<4x6x17xf32>
  return %y : tensor<4x6x17xf32>
}
