// Bad calibration input or options: a diagnostic, exit code 1, no output.
// RUN: rm -f %t.o
// RUN: python3 %S/../../e2e/Inputs/make-npy.py %t.x5.npy 1,5 1,2,3,4,5
// RUN: not quant-compile %S/Inputs/mlp-float.mlir --calibrate=%t.x5.npy -o %t.o 2>&1 | FileCheck %s --check-prefix=COUNT
// COUNT: error: calibration: 5 sample elements for input 0 are not a whole number of model inputs of 4 elements
// RUN: test ! -e %t.o

// RUN: python3 %S/../../e2e/Inputs/make-npy.py %t.x4.npy 4 1,2,3,4
// RUN: not quant-compile %S/Inputs/mlp-float.mlir --calibrate=%t.x4.npy,%t.x4.npy -o %t.o 2>&1 | FileCheck %s --check-prefix=INPUTS
// INPUTS: error: calibration: the model has 1 inputs but 2 sample files were given
// RUN: test ! -e %t.o

// RUN: not quant-compile %S/Inputs/mlp-float.mlir --calibrate=%t.missing.npy -o %t.o 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: error: calibration: {{.*}}missing.npy
// RUN: test ! -e %t.o

// RUN: not quant-compile %S/Inputs/mlp-float.mlir --calibrate=%t.x4.npy --calibration=kl -o %t.o 2>&1 | FileCheck %s --check-prefix=METHOD
// METHOD: quant-compile: error: unknown --calibration='kl' (minmax, percentile, mse, entropy)

// RUN: not quant-compile %S/Inputs/mlp-float.mlir --emit-after=calibration -o %t.o 2>&1 | FileCheck %s --check-prefix=NEEDS
// NEEDS: quant-compile: error: --emit-after=calibration needs --calibrate

// RUN: not quant-compile %S/Inputs/mlp-float.mlir --calibrate=%t.x4.npy --quantize='weight-bits=99' -o %t.o 2>&1 | FileCheck %s --check-prefix=PTQ
// PTQ: error:
// RUN: test ! -e %t.o

// An integer model has no float activations to calibrate.
// RUN: not quant-compile %S/../../e2e/integer.mlir --entry=rescale_half_even --calibrate=%t.x4.npy -o %t.o 2>&1 | FileCheck %s --check-prefix=INT
// INT: error: calibration: samples of input 0 are f32, the model expects i32
