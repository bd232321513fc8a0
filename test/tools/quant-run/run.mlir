// quant-run: .npy inputs and outputs, --bench statistics, and errors.
// RUN: qnn-ref %s --make-inputs=%t.in --seed=5
// RUN: quant-run %s -i %t.in0.npy -o %t.out.npy --bench 5 --warmup 1 | FileCheck %s --check-prefix=BENCH
// RUN: qnn-ref %s -i %t.in0.npy --check %t.out.npy
// BENCH: bench: runs=5 min_us={{[0-9.]+}} median_us={{[0-9.]+}} mean_us={{[0-9.]+}}

// Random inputs are enough to time a layer.
// RUN: quant-run %s --random-inputs --bench 2 | FileCheck %s --check-prefix=BENCH2
// BENCH2: bench: runs=2

// --per-sample: @row on each row of @main's (2, 5) input, stacked, is
// @main's result.
// RUN: quant-run %s --entry=row --per-sample -i %t.in0.npy -o %t.rows.npy
// RUN: qnn-ref %s -i %t.in0.npy --check %t.rows.npy
// RUN: not quant-run %s --entry=row --per-sample --random-inputs 2>&1 | FileCheck %s --check-prefix=PERSAMPLE
// PERSAMPLE: quant-run: error: --per-sample needs one -i file per input
// RUN: not quant-run %s --entry=row --per-sample -i %t.rows.npy 2>&1 | FileCheck %s --check-prefix=SAMPLESHAPE
// SAMPLESHAPE: quant-run: error: input 0 ('{{.*}}.rows.npy') is f32 (2, 3), the model expects f32 (5) per sample

// RUN: not quant-run %s 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: quant-run: error: the model has 1 inputs: give one -i file each, or --random-inputs

// RUN: not quant-run %s -i %t.out.npy 2>&1 | FileCheck %s --check-prefix=SHAPE
// SHAPE: quant-run: error: input 0 ('{{.*}}.out.npy') is f32 (2, 3), the model expects f32 (2, 5)

// RUN: not quant-run %s -i %t.in0.npy -o %t.a.npy -o %t.b.npy 2>&1 | FileCheck %s --check-prefix=OUTPUTS
// OUTPUTS: quant-run: error: the model has 1 outputs but 2 -o files were given

// RUN: not quant-run %s -i %t.missing.npy 2>&1 | FileCheck %s --check-prefix=NOFILE
// NOFILE: quant-run: error: cannot open '{{.*}}missing.npy'

// RUN: not quant-run %s --random-inputs --mcpu=x86-64 --mattr=+avx512f 2>&1 | FileCheck %s --check-prefix=MATTR
// MATTR: quant-run: error: CPU 'x86-64' does not have feature 'avx512f'

func.func @main(%x: tensor<2x5xf32>) -> tensor<2x3xf32> {
  %w = arith.constant dense<[[1.0, 2.0, 3.0, 4.0, 5.0], [-1.0, 0.5, 0.25, 0.0, 2.0], [0.1, 0.2, 0.3, 0.4, 0.5]]> : tensor<3x5xf32>
  %y = qnn.fully_connected %x, %w : (tensor<2x5xf32>, tensor<3x5xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

func.func @row(%x: tensor<5xf32>) -> tensor<3xf32> {
  %w = arith.constant dense<[[1.0, 2.0, 3.0, 4.0, 5.0], [-1.0, 0.5, 0.25, 0.0, 2.0], [0.1, 0.2, 0.3, 0.4, 0.5]]> : tensor<3x5xf32>
  %x2 = qnn.reshape %x : tensor<5xf32> -> tensor<1x5xf32>
  %y = qnn.fully_connected %x2, %w : (tensor<1x5xf32>, tensor<3x5xf32>) -> tensor<1x3xf32>
  %y1 = qnn.reshape %y : tensor<1x3xf32> -> tensor<3xf32>
  return %y1 : tensor<3xf32>
}
