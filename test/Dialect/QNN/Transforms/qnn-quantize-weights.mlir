// RUN: quant-opt %s -split-input-file --qnn-quantize-weights="scheme=symmetric-narrow" | FileCheck %s --check-prefix=NARROW
// RUN: quant-opt %s -split-input-file --qnn-quantize-weights="scheme=affine granularity=tensor" | FileCheck %s --check-prefix=AFFINE
// RUN: quant-opt %s -split-input-file --qnn-quantize-weights="scheme=pow2 bits=4" | FileCheck %s --check-prefix=POW2
// RUN: quant-opt %s -split-input-file --qnn-quantize-weights="scheme=binary" | FileCheck %s --check-prefix=BINARY
// RUN: quant-opt %s -split-input-file --qnn-quantize-weights="scheme=ternary granularity=tensor" | FileCheck %s --check-prefix=TERNARY
// RUN: quant-opt %s -split-input-file --qnn-quantize-weights="scheme=kmeans bits=2 granularity=tensor" | FileCheck %s --check-prefix=KMEANS
// RUN: quant-opt %s -split-input-file --qnn-quantize-weights="scheme=symmetric bits=4 granularity=group group-size=2" | FileCheck %s --check-prefix=GROUP
// RUN: quant-opt %s --qnn-quantize-weights="scheme=binary report=%t.json" -o /dev/null
// RUN: FileCheck %s --check-prefix=REPORT < %t.json

// Row 0 max|W| = 1 (scale 1/127), row 1 max|W| = 2 (scale 2/127).
// NARROW-LABEL: func.func @fc
// NARROW: %[[C:.*]] = qnn.constant dense<{{\[}}[127, -64, 32, 0], [-127, 8, 32, 64]]> : tensor<2x4xi8> -> tensor<2x4x!quant.uniform<i8<-127:127>:f32:0, {0.0078740157186985015,0.015748031437397003}>>
// NARROW: %[[D:.*]] = qnn.dequantize %[[C]]
// NARROW: qnn.fully_connected %{{.*}}, %[[D]]
// NARROW-NOT: arith.constant

// [-2, 1] onto [-128, 127]: scale 3/255, zero point round(-128 + 2/scale) = 42.
// AFFINE-LABEL: func.func @fc
// AFFINE: qnn.constant dense<{{\[}}[127, 0, 63, 42], [-128, 53, 84, 127]]> : tensor<2x4xi8> -> tensor<2x4x!quant.uniform<i8:f32, 0.011764706112444401:42>>

// Row 0 is exact at 2^-2; row 1 is best at 2^-1 (saturating 1.0 at 2^-2 would hurt more).
// POW2-LABEL: func.func @fc
// POW2: qnn.constant dense<{{\[}}[4, -2, 1, 0], [-4, 0, 1, 2]]> : tensor<2x4xi4> -> tensor<2x4x!quant.uniform<i4:f32:0, {2.500000e-01,5.000000e-01}>>

// alpha = mean|W| per row: 1.75/4 and 3.625/4.
// BINARY-LABEL: func.func @fc
// BINARY: qnn.constant dense<{{\[}}[true, false, true, true], [false, true, true, true]]> : tensor<2x4xi1> -> tensor<2x4x!qnn.binary<f32:0, {4.375000e-01, 9.062500e-01}>>

// Delta = 0.7 * 0.671875; the five kept weights have mean |W| = 1.
// TERNARY-LABEL: func.func @fc
// TERNARY: qnn.constant dense<{{\[}}[1, -1, 0, 0], [-1, 0, 1, 1]]> : tensor<2x4xi2> -> tensor<2x4x!qnn.ternary<f32>>

// KMEANS-LABEL: func.func @fc
// KMEANS: qnn.constant dense<{{\[}}[3, 1, 2, 2], [0, 2, 2, 3]]> : tensor<2x4xui2> -> tensor<2x4x!qnn.codebook<i2:f32, [-2.000000e+00, -5.000000e-01, 2.187500e-01, 1.000000e+00]>>

// GROUP-LABEL: func.func @fc
// GROUP: qnn.constant dense<{{\[}}[7, -4, 7, 0], [-7, 0, 4, 7]]> : tensor<2x4xi4> -> tensor<2x4x!quant.uniform<i4:f32:{0:1, 1:2}, {{\{}}{0.13333334, 0.0333333351}, {0.266666681, 0.13333334}}>>

// REPORT: "op": "qnn.fully_connected"
// REPORT: "scheme": "binary"
// REPORT: "slices": 2
// REPORT: "sqnr_db": 4.154
func.func @fc(%x: tensor<1x4xf32>) -> tensor<1x2xf32> {
  %w = arith.constant dense<[[1.0, -0.5, 0.25, 0.0], [-2.0, 0.125, 0.5, 1.0]]> : tensor<2x4xf32>
  %y = qnn.fully_connected %x, %w : (tensor<1x4xf32>, tensor<2x4xf32>) -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}

// -----

// Conv weights are quantized per output channel (axis 0); the bias is not a
// weight and stays float.
// NARROW-LABEL: func.func @conv
// NARROW: %[[B:.*]] = arith.constant dense<5.000000e-01> : tensor<2xf32>
// NARROW: qnn.constant {{.*}} -> tensor<2x2x1x1x!quant.uniform<i8<-127:127>:f32:0, {0.0039370078593492508,0.031496062874794006}>>
// NARROW: qnn.conv2d %{{.*}}, %{{.*}}, %[[B]]
// REPORT: "op": "qnn.conv2d"
func.func @conv(%x: tensor<1x2x3x4xf32>) -> tensor<1x2x3x4xf32> {
  %w = arith.constant dense<[[[[0.5]], [[-0.25]]], [[[4.0]], [[1.0]]]]> : tensor<2x2x1x1xf32>
  %b = arith.constant dense<0.5> : tensor<2xf32>
  %y = qnn.conv2d %x, %w, %b : (tensor<1x2x3x4xf32>, tensor<2x2x1x1xf32>, tensor<2xf32>) -> tensor<1x2x3x4xf32>
  return %y : tensor<1x2x3x4xf32>
}

// -----

// A matmul right-hand side is quantized along its last (N) axis; a
// non-constant weight is left alone.
// NARROW-LABEL: func.func @matmul
// NARROW: qnn.constant {{.*}} -> tensor<2x3x!quant.uniform<i8<-127:127>:f32:1,
// NARROW: qnn.matmul %{{.*}}, %arg1
func.func @matmul(%x: tensor<4x2xf32>, %y: tensor<3x5xf32>) -> (tensor<4x3xf32>, tensor<4x5xf32>) {
  %w = arith.constant dense<[[1.0, 2.0, 3.0], [-1.0, -2.0, -3.0]]> : tensor<2x3xf32>
  %a = qnn.matmul %x, %w : (tensor<4x2xf32>, tensor<2x3xf32>) -> tensor<4x3xf32>
  %z = arith.constant dense<1.0> : tensor<4x3xf32>
  %b = qnn.matmul %z, %y : (tensor<4x3xf32>, tensor<3x5xf32>) -> tensor<4x5xf32>
  return %a, %b : tensor<4x3xf32>, tensor<4x5xf32>
}
