// AArch64 end to end: the f32 kernel cases (kernels-float.mlir) and a
// small float CNN cross-compiled for aarch64-linux-gnu, linked with the C
// driver and run under qemu-aarch64, against qnn-ref. (The binary cases
// run the same way in xnor-kernels.mlir.)
// RUN: %aarch64-check %S/kernels-float.mlir %t.kernels
// RUN: env AARCH64_CPU=cortex-a72 %aarch64-check %s %t.cnn
func.func @cnn(%x: tensor<1x3x12x12xf32>) -> tensor<1x8x5x5xf32> {
  %w = arith.constant dense<[[[[0.1, -0.2, 0.3], [0.05, 0.0, -0.1], [0.2, 0.1, -0.3]], [[-0.1, 0.2, 0.1], [0.3, -0.2, 0.0], [0.1, 0.1, 0.1]], [[0.0, -0.3, 0.2], [0.1, 0.2, -0.1], [-0.2, 0.0, 0.3]]]]> : tensor<1x3x3x3xf32>
  %w8 = qnn.concat %w, %w, %w, %w, %w, %w, %w, %w {axis = 0 : i64} : (tensor<1x3x3x3xf32>, tensor<1x3x3x3xf32>, tensor<1x3x3x3xf32>, tensor<1x3x3x3xf32>, tensor<1x3x3x3xf32>, tensor<1x3x3x3xf32>, tensor<1x3x3x3xf32>, tensor<1x3x3x3xf32>) -> tensor<8x3x3x3xf32>
  %b = arith.constant dense<[0.1, -0.1, 0.2, -0.2, 0.3, -0.3, 0.0, 0.05]> : tensor<8xf32>
  %c = qnn.conv2d %x, %w8, %b : (tensor<1x3x12x12xf32>, tensor<8x3x3x3xf32>, tensor<8xf32>) -> tensor<1x8x10x10xf32>
  %r = qnn.clamp %c {min = 0.0 : f32, max = 6.0 : f32} : tensor<1x8x10x10xf32>
  %p = qnn.max_pool2d %r {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : tensor<1x8x10x10xf32> -> tensor<1x8x5x5xf32>
  return %p : tensor<1x8x5x5xf32>
}
