// End-to-end binary, ternary and codebook graphs in the quantized-type
// form: quant-run lowers them (qnn-lower-to-integer: i8 -1/+1 codes, XNOR
// integer conv / fc / matmul with i32 accumulators, integer thresholds) and
// qnn-ref evaluates the original graph on dequantized reals. Thresholds sit
// away from the values an accumulator can reach, so the f32 and exact
// comparisons agree; every binary intermediate is then exact.
// RUN: %e2e-check %s %t --mcpu=x86-64
// RUN: %e2e-check %s %t --mcpu=x86-64-v3
// RUN: %e2e-check %s %t

!bx = !qnn.binary<f32>
!bw8 = !qnn.binary<f32:0, {0.25, 0.5, 0.125, 1.0, 0.75, 0.3, 0.2, 0.6}>
!bw4 = !qnn.binary<f32:0, {0.5, 0.25, 0.1, 2.0}>

// A binarized MLP: float first layer on binary weights, batch norm folded
// into per-channel thresholds (some out of range: constant outputs), a
// hidden XNOR layer with a float bias, XNOR logits.
func.func @mlp(%x: tensor<3x16xf32>) -> tensor<3x4xf32> {
  %w0 = arith.constant dense<[[-0.829, -0.526, 0.603, 0.164, -0.812, -0.134, -0.042, -0.681], [0.469, -0.773, -0.218, 0.033, -0.139, 0.174, 0.476, 0.913], [-0.432, 0.297, 0.392, -0.415, -0.997, 0.947, -0.403, -0.372], [0.783, 0.17, -0.057, 0.547, -0.939, 0.414, -0.252, -0.818], [0.321, 0.863, -0.586, 0.26, -0.404, 0.484, 0.444, -0.563], [0.66, 0.315, 0.366, 0.64, -0.143, 0.517, 0.757, -0.795], [0.7, -0.212, -0.041, -0.707, 0.397, -0.416, 0.742, -0.449], [0.124, -0.201, 0.226, -0.607, -0.639, 0.494, 0.504, 0.134], [0.842, -0.588, 0.702, -0.662, 0.929, 0.247, 0.214, 0.941], [0.574, 0.58, -0.892, -0.261, -0.83, -0.613, -0.572, 0.717], [-0.746, -0.406, -0.014, 0.699, 0.93, 0.416, -0.573, 0.09], [0.412, -0.896, 0.36, -0.263, 0.179, 0.339, 0.338, 0.046], [0.109, -0.604, -0.01, -0.749, -0.039, 0.072, 0.548, -0.213], [-0.961, 0.055, -0.59, 0.483, -0.223, -0.239, 0.819, -0.214], [-0.302, -0.304, -0.038, -0.813, 0.093, 0.843, 0.126, 0.488], [0.894, 0.684, 0.488, 0.626, 0.64, -0.492, -0.036, -0.315]]> : tensor<16x8xf32>
  %b0 = qnn.binarize %w0 : tensor<16x8xf32> -> tensor<16x8x!qnn.binary<f32:1, {0.3, 0.25, 0.5, 0.125, 1.0, 0.2, 0.4, 0.6}>>
  %d0 = qnn.dequantize %b0 : tensor<16x8x!qnn.binary<f32:1, {0.3, 0.25, 0.5, 0.125, 1.0, 0.2, 0.4, 0.6}>> -> tensor<16x8xf32>
  %h0 = qnn.matmul %x, %d0 : (tensor<3x16xf32>, tensor<16x8xf32>) -> tensor<3x8xf32>
  %a0 = qnn.binarize %h0 {axis = 1 : i64, thresholds = array<f64: 0.0, 0.05, -0.1, 0.2, -0.03, 100.0, -100.0, 0.01>} : tensor<3x8xf32> -> tensor<3x8x!bx>
  %w1 = qnn.constant dense<[[true, false, true, true, false, false, true, false], [false, false, true, false, true, true, false, true], [true, true, true, false, false, true, false, false], [false, true, false, true, true, false, true, true], [true, true, false, false, true, false, false, true], [false, true, true, true, false, true, true, false], [true, false, false, true, true, true, false, false], [false, false, false, true, false, true, true, true]]> : tensor<8x8xi1> -> tensor<8x8x!bw8>
  %bias1 = arith.constant dense<[0.1, -0.2, 0.3, 0.05, -0.7, 0.0, 0.45, -0.15]> : tensor<8xf32>
  %h1 = qnn.fully_connected %a0, %w1, %bias1 : (tensor<3x8x!bx>, tensor<8x8x!bw8>, tensor<8xf32>) -> tensor<3x8xf32>
  %a1 = qnn.binarize %h1 {axis = 1 : i64, thresholds = array<f64: 0.33, -0.1, 0.07, 1.1, -2.2, 0.2, 0.0, 50.0>} : tensor<3x8xf32> -> tensor<3x8x!bx>
  %w2 = qnn.constant dense<[[true, false, true, true, false, false, true, false], [false, true, true, false, true, true, false, true], [true, true, false, false, false, true, false, true], [false, true, false, true, true, false, true, true]]> : tensor<4x8xi1> -> tensor<4x8x!bw4>
  %y = qnn.fully_connected %a1, %w2 : (tensor<3x8x!bx>, tensor<4x8x!bw4>) -> tensor<3x4xf32>
  return %y : tensor<3x4xf32>
}

// Binary convolutions: padding reads -1 (pad_value), stride 2, a 1x1 conv
// after the thresholds, per-channel alphas and a float bias.
func.func @conv(%x: tensor<1x3x7x7xf32>) -> tensor<1x2x4x4xf32> {
  %a = qnn.binarize %x : tensor<1x3x7x7xf32> -> tensor<1x3x7x7x!bx>
  %w = arith.constant dense<[0.1, -0.2, 0.3, -0.4, 0.5, -0.6, 0.7, -0.8, 0.9, -1.0, 0.15, -0.25, 0.35, -0.45, 0.55, -0.65, 0.75, -0.85, 0.95, 0.05, -0.15, 0.25, -0.35, 0.45, -0.55, 0.65, -0.75]> : tensor<27xf32>
  %w4 = qnn.reshape %w : tensor<27xf32> -> tensor<1x3x3x3xf32>
  %wc = qnn.concat %w4, %w4, %w4, %w4 {axis = 0 : i64} : (tensor<1x3x3x3xf32>, tensor<1x3x3x3xf32>, tensor<1x3x3x3xf32>, tensor<1x3x3x3xf32>) -> tensor<4x3x3x3xf32>
  %wn = qnn.binarize %wc {axis = 0 : i64, thresholds = array<f64: 0.0, 0.2, -0.3, 0.5>} : tensor<4x3x3x3xf32> -> tensor<4x3x3x3x!qnn.binary<f32:0, {0.5, 0.25, 0.125, 0.75}>>
  %bias = arith.constant dense<[0.3, -0.6, 0.1, 0.0]> : tensor<4xf32>
  %c = qnn.conv2d %a, %wn, %bias {strides = array<i64: 2, 2>, padding = array<i64: 1, 1, 1, 1>, pad_value = -1 : i64} : (tensor<1x3x7x7x!bx>, tensor<4x3x3x3x!qnn.binary<f32:0, {0.5, 0.25, 0.125, 0.75}>>, tensor<4xf32>) -> tensor<1x4x4x4xf32>
  %t = qnn.binarize %c {axis = 1 : i64, thresholds = array<f64: 0.55, -0.3, 0.07, -1.1>} : tensor<1x4x4x4xf32> -> tensor<1x4x4x4x!bx>
  %w2 = qnn.constant dense<[[[[true]], [[false]], [[true]], [[true]]], [[[false]], [[true]], [[true]], [[false]]]]> : tensor<2x4x1x1xi1> -> tensor<2x4x1x1x!qnn.binary<f32, 0.375>>
  %y = qnn.conv2d %t, %w2 : (tensor<1x4x4x4x!bx>, tensor<2x4x1x1x!qnn.binary<f32, 0.375>>) -> tensor<1x2x4x4xf32>
  return %y : tensor<1x2x4x4xf32>
}

// Both matmul operands binarized at run time (alpha per tensor and per
// column), max pooling and a reshape on binary codes.
func.func @runtime_operands(%a: tensor<5x12xf32>, %b: tensor<12x7xf32>, %p: tensor<1x2x4x4xf32>) -> (tensor<5x7xf32>, tensor<1x8xf32>) {
  %ba = qnn.binarize %a {threshold = 0.1 : f32} : tensor<5x12xf32> -> tensor<5x12x!qnn.binary<f32, 0.5>>
  %bb = qnn.quantize %b : tensor<12x7xf32> -> tensor<12x7x!qnn.binary<f32:1, {1.0, 0.5, 0.25, 2.0, 0.75, 1.5, 0.125}>>
  %y = qnn.matmul %ba, %bb : (tensor<5x12x!qnn.binary<f32, 0.5>>, tensor<12x7x!qnn.binary<f32:1, {1.0, 0.5, 0.25, 2.0, 0.75, 1.5, 0.125}>>) -> tensor<5x7xf32>
  %bp = qnn.binarize %p : tensor<1x2x4x4xf32> -> tensor<1x2x4x4x!qnn.binary<f32:1, {0.5, 2.0}>>
  %m = qnn.max_pool2d %bp {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : tensor<1x2x4x4x!qnn.binary<f32:1, {0.5, 2.0}>> -> tensor<1x2x2x2x!qnn.binary<f32:1, {0.5, 2.0}>>
  %r = qnn.reshape %m : tensor<1x2x2x2x!qnn.binary<f32:1, {0.5, 2.0}>> -> tensor<1x2x4x!qnn.binary<f32:1, {0.5, 2.0}>>
  %t = qnn.transpose %r {permutation = array<i64: 0, 2, 1>} : tensor<1x2x4x!qnn.binary<f32:1, {0.5, 2.0}>> -> tensor<1x4x2x!qnn.binary<f32:2, {0.5, 2.0}>>
  %d = qnn.dequantize %t : tensor<1x4x2x!qnn.binary<f32:2, {0.5, 2.0}>> -> tensor<1x4x2xf32>
  %f = qnn.reshape %d : tensor<1x4x2xf32> -> tensor<1x8xf32>
  return %y, %f : tensor<5x7xf32>, tensor<1x8xf32>
}

// Weight-only ternary (symmetric and TTQ) and codebook weights under float
// activations: dequantized into float constants at compile time.
func.func @ternary_codebook(%x: tensor<2x6xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>) {
  %t = qnn.constant dense<[[1, 0, -1, 1, -1, 0], [0, 0, 1, -1, 1, 1], [-1, 1, 0, 0, -1, 1]]> : tensor<3x6xi2> -> tensor<3x6x!qnn.ternary<f32, 0.25>>
  %y0 = qnn.fully_connected %x, %t : (tensor<2x6xf32>, tensor<3x6x!qnn.ternary<f32, 0.25>>) -> tensor<2x3xf32>
  %tt = qnn.constant dense<[[1, 0, -1, 1, -1, 0], [0, 0, 1, -1, 1, 1], [-1, 1, 0, 0, -1, 1]]> : tensor<3x6xi2> -> tensor<3x6x!qnn.ternary<f32:0, {0.5:0.25, 0.125:0.75, 1.0:2.0}>>
  %y1 = qnn.fully_connected %x, %tt : (tensor<2x6xf32>, tensor<3x6x!qnn.ternary<f32:0, {0.5:0.25, 0.125:0.75, 1.0:2.0}>>) -> tensor<2x3xf32>
  %c = qnn.constant dense<[[0, 1, 2, 3, 3, 2], [1, 1, 0, 0, 2, 3], [3, 0, 1, 2, 0, 1]]> : tensor<3x6xi2> -> tensor<3x6x!qnn.codebook<i2:f32, [-0.5, -0.125, 0.125, 0.5]>>
  %cd = qnn.dequantize %c : tensor<3x6x!qnn.codebook<i2:f32, [-0.5, -0.125, 0.125, 0.5]>> -> tensor<3x6xf32>
  %cw = qnn.transpose %cd {permutation = array<i64: 1, 0>} : tensor<3x6xf32> -> tensor<6x3xf32>
  %y2 = qnn.matmul %x, %cw : (tensor<2x6xf32>, tensor<6x3xf32>) -> tensor<2x3xf32>
  return %y0, %y1, %y2 : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>
}

// binarize of affine values compares the storage codes with integer
// thresholds computed from the dequantize arithmetic: exact for every
// threshold, including ones between two codes' reals.
func.func @affine_threshold(%x: tensor<2x8xf32>) -> tensor<2x8xf32> {
  %q = qnn.quantize %x : tensor<2x8xf32> -> tensor<2x8x!quant.uniform<i8:f32, 0.01:5>>
  %b = qnn.binarize %q {axis = 1 : i64, thresholds = array<f64: 0.013, -0.2, 0.0, 0.5, -0.05, 0.3, 2.0, -2.0>} : tensor<2x8x!quant.uniform<i8:f32, 0.01:5>> -> tensor<2x8x!bx>
  %d = qnn.dequantize %b : tensor<2x8x!bx> -> tensor<2x8xf32>
  return %d : tensor<2x8xf32>
}

// The integer form directly: i32 and f32 inputs, fractional and infinite
// thresholds, one threshold or one per slice.
func.func @integer_form(%acc: tensor<3x4xi32>, %x: tensor<3x4xf32>) -> (tensor<3x4xi8>, tensor<3x4xi8>, tensor<3x4xi8>) {
  %a = qnn.binarize %acc {axis = 1 : i64, thresholds = array<f64: 3.5, -7.0, 0x7FF0000000000000, 0xFFF0000000000000>} : tensor<3x4xi32> -> tensor<3x4xi8>
  %b = qnn.binarize %acc {threshold = 12345.5 : f32} : tensor<3x4xi32> -> tensor<3x4xi8>
  %c = qnn.binarize %x {axis = 0 : i64, thresholds = array<f64: 0.1, -0.30000001, 0.7>} : tensor<3x4xf32> -> tensor<3x4xi8>
  return %a, %b, %c : tensor<3x4xi8>, tensor<3x4xi8>, tensor<3x4xi8>
}
