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

// Every method produces a working object.
// RUN: quant-compile %S/Inputs/mlp-float.mlir --calibrate=%t.x.npy --calibration=mse -o %t.mse.o
// RUN: quant-compile %S/Inputs/mlp-float.mlir --calibrate=%t.x.npy --calibration=entropy -o %t.entropy.o
// RUN: test -s %t.mse.o && test -s %t.entropy.o
