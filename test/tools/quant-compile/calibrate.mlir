// quant-compile --calibrate: the float model runs natively on three samples
// and its activations get ranges computed by hand from them.
//   samples x: [1, 2, -1, 0], [-2, 0.5, 3, 1], [0, 0, 0, 4]
//   ReLU6(fc1): [1, 1, 1], [0, 3.5, 1.25], [0, 0, 2]
// fc1 itself (its only user is the clamp) and the returned fc2 stay
// uncalibrated.
// RUN: python3 %S/../../e2e/Inputs/make-npy.py %t.x.npy 3,1,4 1,2,-1,0,-2,0.5,3,1,0,0,0,4
// RUN: quant-compile %S/Inputs/mlp-float.mlir --calibrate=%t.x.npy --emit-after=calibration -o - | FileCheck %s --check-prefix=MINMAX
// MINMAX: func.func @main(%{{.*}}: tensor<1x4xf32> {qnn.calib = array<f64: -2.000000e+00, 4.000000e+00>})
// MINMAX: %[[H:.*]] = qnn.fully_connected
// MINMAX-NOT: qnn.calib
// MINMAX-SAME: -> tensor<1x3xf32>
// MINMAX: qnn.clamp %[[H]] {max = 6.000000e+00 : f32, min = 0.000000e+00 : f32, qnn.calib = array<f64: 0.000000e+00, 3.500000e+00>}
// MINMAX: %[[Y:.*]] = qnn.fully_connected
// MINMAX-NOT: qnn.calib
// MINMAX: return %[[Y]]

// Moving average over batches of one sample, momentum 0.5:
//   x min -1 -> -1.5 -> -0.75, max 2 -> 2.5 -> 3.25;
//   ReLU6 min 1 -> 0.5 -> 0.25, max 1 -> 2.25 -> 2.125.
// RUN: quant-compile %S/Inputs/mlp-float.mlir --calibrate=%t.x.npy --calibration-batch=1 --calibration-ema=0.5 --emit-after=calibration -o - | FileCheck %s --check-prefix=EMA
// EMA: qnn.calib = array<f64: -7.500000e-01, 3.250000e+00>
// EMA: qnn.calib = array<f64: 2.500000e-01, 2.125000e+00>

// The 100th percentile keeps everything (the threshold is the top bin edge).
// RUN: quant-compile %S/Inputs/mlp-float.mlir --calibrate=%t.x.npy --calibration=percentile --calibration-percentile=100 --emit-after=calibration -o - | FileCheck %s --check-prefix=MINMAX

// Calibrated and quantized (qnn-ptq): the integer form, whose compiled code
// matches the reference interpreter bit for bit.
// RUN: quant-compile %S/Inputs/mlp-float.mlir --calibrate=%t.x.npy --emit-after=integer -o %t.int.mlir
// RUN: FileCheck %s --check-prefix=INT < %t.int.mlir
// INT: qnn.quantize %{{.*}} : tensor<1x4xf32> -> tensor<1x4x!quant.uniform<i8:f32
// INT: qnn.fully_connected {{.*}} : (tensor<1x4xi8>, tensor<3x4xi8>, tensor<3xi32>) -> tensor<1x3xi32>
// INT: qnn.rescale
// INT: qnn.fully_connected {{.*}} -> tensor<1x2xi32>
// INT: qnn.dequantize
// RUN: %e2e-check %t.int.mlir %t
// The same compiled integer form against qnn-ref on the graphs *before*
// the passes: bit-exact against the quantized-type graph qnn-ptq makes of
// the calibrated one, within the quantization error of the float graph.
// RUN: quant-compile %S/Inputs/mlp-float.mlir --calibrate=%t.x.npy --emit-after=calibration -o %t.calib.mlir
// RUN: quant-opt %t.calib.mlir --qnn-ptq -o %t.ptq.mlir
// RUN: env REF_MODEL=%t.ptq.mlir %e2e-check %t.int.mlir %t
// RUN: env REF_MODEL=%t.calib.mlir REF_OPTS="--atol=0.05 --rtol=0.05" %e2e-check %t.int.mlir %t

// Samples in [-1, 1] plus one outlier at 40 (Inputs/outlier-samples.py):
// min/max keeps 40; MSE, entropy and the 99.9th percentile move the top
// below it (entropy and the percentile clip it to the bulk; with a single
// outlier in 1024 values MSE keeps nearly all of it), so a method that
// silently fell back to min/max fails here. The numerics of each method
// are unit-tested (unittests/Quantization/CalibrationTest.cpp).
// RUN: %python %S/Inputs/outlier-samples.py %t.outliers.npy
// RUN: quant-compile %S/Inputs/mlp-float.mlir --calibrate=%t.outliers.npy --calibration=minmax --emit-after=calibration -o %t.c-minmax.mlir
// RUN: %python %S/Inputs/check-calib.py %t.c-minmax.mlir -1 -0.99 40 40
// RUN: quant-compile %S/Inputs/mlp-float.mlir --calibrate=%t.outliers.npy --calibration=mse --emit-after=calibration -o %t.c-mse.mlir
// RUN: %python %S/Inputs/check-calib.py %t.c-mse.mlir -1 -0.99 1 39.9
// RUN: quant-compile %S/Inputs/mlp-float.mlir --calibrate=%t.outliers.npy --calibration=entropy --emit-after=calibration -o %t.c-entropy.mlir
// RUN: %python %S/Inputs/check-calib.py %t.c-entropy.mlir -1 -0.99 1 20
// RUN: quant-compile %S/Inputs/mlp-float.mlir --calibrate=%t.outliers.npy --calibration=percentile --calibration-percentile=99.9 --emit-after=calibration -o %t.c-pct.mlir
// RUN: %python %S/Inputs/check-calib.py %t.c-pct.mlir -1 0 0.5 2

// Every method produces an integer form that runs and matches qnn-ref on
// its quantized-type graph.
// RUN: quant-compile %S/Inputs/mlp-float.mlir --calibrate=%t.outliers.npy --calibration=mse --emit-after=integer -o %t.mse.int.mlir
// RUN: quant-opt %t.c-mse.mlir --qnn-ptq -o %t.mse.ptq.mlir
// RUN: env REF_MODEL=%t.mse.ptq.mlir %e2e-check %t.mse.int.mlir %t.mse
// RUN: quant-compile %S/Inputs/mlp-float.mlir --calibrate=%t.outliers.npy --calibration=entropy --emit-after=integer -o %t.entropy.int.mlir
// RUN: quant-opt %t.c-entropy.mlir --qnn-ptq -o %t.entropy.ptq.mlir
// RUN: env REF_MODEL=%t.entropy.ptq.mlir %e2e-check %t.entropy.int.mlir %t.entropy
