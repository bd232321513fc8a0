// End-to-end float pooling on baseline x86-64 and the host;
// |got - ref| <= 1e-5 + 1e-5 |ref|.
// RUN: %e2e-check %s %t --mcpu=x86-64
// RUN: %e2e-check %s %t
// Boundary values, signed zeros, denormals, +-inf and NaN (propagated):
// RUN: env PATTERNS=edges GEN_OPTS=--nonfinite %e2e-check %s %t

func.func @max_2x2(%x: tensor<1x3x8x9xf32>) -> tensor<1x3x4x4xf32> {
  %y = qnn.max_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : tensor<1x3x8x9xf32> -> tensor<1x3x4x4xf32>
  return %y : tensor<1x3x4x4xf32>
}

// 3x3 stride 2 with padding: padded positions never win.
func.func @max_3x3_pad(%x: tensor<2x4x7x7xf32>) -> tensor<2x4x4x4xf32> {
  %y = qnn.max_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>} : tensor<2x4x7x7xf32> -> tensor<2x4x4x4xf32>
  return %y : tensor<2x4x4x4xf32>
}

// ceil_mode: the last window hangs over the end.
func.func @max_ceil(%x: tensor<1x2x10x11xf32>) -> tensor<1x2x5x6xf32> {
  %y = qnn.max_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, ceil_mode} : tensor<1x2x10x11xf32> -> tensor<1x2x5x6xf32>
  return %y : tensor<1x2x5x6xf32>
}

// Dilation 2 with padding.
func.func @max_dilated(%x: tensor<1x2x10x11xf32>) -> tensor<1x2x8x9xf32> {
  %y = qnn.max_pool2d %x {kernel = array<i64: 3, 3>, dilations = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>} : tensor<1x2x10x11xf32> -> tensor<1x2x8x9xf32>
  return %y : tensor<1x2x8x9xf32>
}

// Average pooling: padded zeros excluded from the divisor (ONNX default)
// and included (count_include_pad).
func.func @avg_pad(%x: tensor<1x3x7x7xf32>) -> (tensor<1x3x4x4xf32>, tensor<1x3x4x4xf32>) {
  %a = qnn.avg_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>} : tensor<1x3x7x7xf32> -> tensor<1x3x4x4xf32>
  %b = qnn.avg_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, count_include_pad} : tensor<1x3x7x7xf32> -> tensor<1x3x4x4xf32>
  return %a, %b : tensor<1x3x4x4xf32>, tensor<1x3x4x4xf32>
}

// ceil_mode with count_include_pad: the overhang beyond the padding never
// counts (PyTorch).
func.func @avg_ceil(%x: tensor<1x2x6x7xf32>) -> tensor<1x2x4x4xf32> {
  %y = qnn.avg_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, ceil_mode, count_include_pad} : tensor<1x2x6x7xf32> -> tensor<1x2x4x4xf32>
  return %y : tensor<1x2x4x4xf32>
}

func.func @global_avg(%x: tensor<2x5x7x3xf32>) -> tensor<2x5x1x1xf32> {
  %y = qnn.global_avg_pool %x : tensor<2x5x7x3xf32> -> tensor<2x5x1x1xf32>
  return %y : tensor<2x5x1x1xf32>
}
