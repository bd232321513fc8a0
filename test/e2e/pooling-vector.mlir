// Pooling rows computed V outputs at a time (quant-vectorize-pooling):
// i8 and f32, stride 1 and 2, rows with whole vector blocks plus a masked
// tail, rows shorter than one vector, dilation and padding; on the host
// (AVX-512: V = 64 i8 / 16 f32), x86-64-v3 and x86-64. Integer outputs
// bit-exact, float within 1e-5 + 1e-5 |ref| of qnn-ref.
// RUN: %e2e-check %s %t
// Boundary values, signed zeros, denormals, +-inf and NaN (propagated):
// RUN: env PATTERNS=edges GEN_OPTS=--nonfinite %e2e-check %s %t
// RUN: %e2e-check %s %t --mcpu=x86-64-v3
// RUN: %e2e-check %s %t --mcpu=x86-64

// The example CNN's first pooling: one masked block per row.
func.func @max_i8_2x2(%x: tensor<1x8x28x28xi8>) -> tensor<1x8x14x14xi8> {
  %y = qnn.max_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : tensor<1x8x28x28xi8> -> tensor<1x8x14x14xi8>
  return %y : tensor<1x8x14x14xi8>
}

// Long rows, stride 2: two (AVX-512) or four (AVX2) in-bounds blocks of
// 64 / 32 i8, then a masked tail of 22 / 22.
func.func @max_i8_wide_s2(%x: tensor<2x2x5x300xi8>) -> tensor<2x2x2x150xi8> {
  %y = qnn.max_pool2d %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : tensor<2x2x5x300xi8> -> tensor<2x2x2x150xi8>
  return %y : tensor<2x2x2x150xi8>
}

// Stride 1 with padding (padded positions never win), 3x3 window.
func.func @max_i8_3x3_pad(%x: tensor<1x3x9x140xi8>) -> tensor<1x3x9x140xi8> {
  %y = qnn.max_pool2d %x {kernel = array<i64: 3, 3>, padding = array<i64: 1, 1, 1, 1>} : tensor<1x3x9x140xi8> -> tensor<1x3x9x140xi8>
  return %y : tensor<1x3x9x140xi8>
}

// f32: dilation 2, stride 2, a block that ends exactly at the row end.
func.func @max_f32_dilated(%x: tensor<1x2x11x68xf32>) -> tensor<1x2x3x32xf32> {
  %y = qnn.max_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 3, 2>, dilations = array<i64: 2, 2>} : tensor<1x2x11x68xf32> -> tensor<1x2x3x32xf32>
  return %y : tensor<1x2x3x32xf32>
}

// f32 average (a sum pooling, then the divisor), stride 1 and 3.
func.func @avg_f32(%x: tensor<1x3x8x40xf32>) -> (tensor<1x3x6x38xf32>, tensor<1x3x2x13xf32>) {
  %a = qnn.avg_pool2d %x {kernel = array<i64: 3, 3>} : tensor<1x3x8x40xf32> -> tensor<1x3x6x38xf32>
  %b = qnn.avg_pool2d %x {kernel = array<i64: 3, 3>, strides = array<i64: 3, 3>} : tensor<1x3x8x40xf32> -> tensor<1x3x2x13xf32>
  return %a, %b : tensor<1x3x6x38xf32>, tensor<1x3x2x13xf32>
}
