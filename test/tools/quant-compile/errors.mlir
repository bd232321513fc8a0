// Bad input and bad options: a diagnostic (with the source location where
// there is one), exit code 1, and no output file left behind.
// RUN: rm -f %t.o %t.h
// Ternary weights under float activations compile (to float constants)
// and agree with the reference interpreter.
// RUN: %e2e-check %S/Inputs/ternary.mlir %t.ternary

// RUN: not quant-compile %S/Inputs/binarize.mlir -o %t.o --header %t.h 2>&1 | FileCheck %s --check-prefix=BINARIZE
// RUN: test ! -e %t.o && test ! -e %t.h
// BINARIZE: binarize.mlir:2:8: error: convert-qnn-to-linalg: cannot lower 'qnn.binarize': only f32 or integer (up to 32 bits) input

// RUN: not quant-compile %S/Inputs/binarize.mlir --emit-after=linalg -o %t.o 2>&1 | FileCheck %s --check-prefix=BINARIZE
// RUN: test ! -e %t.o

// RUN: not quant-compile %S/Inputs/binary-output.mlir -o %t.o 2>&1 | FileCheck %s --check-prefix=BOUNDARY
// BOUNDARY: binary-output.mlir:1:1: error: output 0 has unsupported element type '!qnn.binary<f32>' (f32, integers and !quant.uniform are)

// RUN: not quant-compile %S/Inputs/dynamic.mlir -o %t.o 2>&1 | FileCheck %s --check-prefix=DYNAMIC
// DYNAMIC: dynamic.mlir:1:{{[0-9]+}}: error: input 0 must be a statically shaped tensor, got 'tensor<?x4xf32>'

// RUN: not quant-compile %S/Inputs/f16.mlir -o %t.o 2>&1 | FileCheck %s --check-prefix=F16
// F16: error: input 0 has unsupported element type 'f16'

// RUN: not quant-compile %S/Inputs/syntax.mlir -o %t.o 2>&1 | FileCheck %s --check-prefix=SYNTAX
// SYNTAX: syntax.mlir:2:{{[0-9]+}}: error:

// RUN: not quant-compile %S/Inputs/gemm.mlir --entry=nope -o %t.o 2>&1 | FileCheck %s --check-prefix=ENTRY
// ENTRY: error: no function '@nope' with a body (see --entry)

// RUN: not quant-compile %S/Inputs/gemm.mlir --emulate-cpu=cortex-a53 -o %t.o 2>&1 | FileCheck %s --check-prefix=EMULATE
// RUN: test ! -e %t.o
// EMULATE: error: unknown CPU 'cortex-a53' for target 'x86_64-unknown-linux-gnu'

// RUN: not quant-compile %S/Inputs/gemm.mlir --mcpu=x86-64 --mattr=+avx512f -o %t.o 2>&1 | FileCheck %s --check-prefix=MATTR
// MATTR: quant-compile: error: CPU 'x86-64' does not have feature 'avx512f' (forced by --mattr=+avx512f); pick a --mcpu that has it

// RUN: not quant-compile %S/Inputs/gemm.mlir --mattr=+warp-drive -o %t.o 2>&1 | FileCheck %s --check-prefix=FEATURE
// FEATURE: quant-compile: error: unknown feature 'warp-drive'

// RUN: not quant-compile %S/Inputs/gemm.mlir --mcpu=pentium9 -o %t.o 2>&1 | FileCheck %s --check-prefix=CPU
// CPU: quant-compile: error: unknown CPU 'pentium9'

// RUN: not quant-compile %S/Inputs/gemm.mlir --target-triple=z80-unknown-none -o %t.o 2>&1 | FileCheck %s --check-prefix=TRIPLE
// TRIPLE: quant-compile: error: unknown target triple

// RUN: not quant-compile %S/Inputs/gemm.mlir --emit-after=frobnicate -o %t.o 2>&1 | FileCheck %s --check-prefix=PHASE
// PHASE: quant-compile: error: unknown phase 'frobnicate' (phases: integer, linalg, vector, bufferize, loops, llvm)

// RUN: not quant-compile %S/Inputs/gemm.mlir -O7 -o %t.o 2>&1 | FileCheck %s --check-prefix=OPT
// OPT: quant-compile: error: -O7 is not an optimization level (0-3)

// RUN: not quant-compile %S/Inputs/gemm.mlir --name=2fast -o %t.o 2>&1 | FileCheck %s --check-prefix=NAME
// NAME: quant-compile: error: --name='2fast' is not a C identifier

// RUN: test ! -e %t.o
