// Cross-compiling the example CNN to AArch64 gives an AArch64 ELF object
// exporting model_run.
// RUN: quant-compile %quant_src_root/examples/cnn-float.mlir --entry=cnn --target-triple=aarch64-linux-gnu -o %t.o
// RUN: llvm-objdump -f %t.o | FileCheck %s
// RUN: llvm-nm %t.o | FileCheck %s --check-prefix=SYMS
// CHECK: file format elf64-littleaarch64
// CHECK: architecture: aarch64
// SYMS: T model_run
