// --help lists the tools' own options, not the hundreds libLLVM and libMLIR
// register (those stay usable and appear under --help-hidden).
// RUN: quant-compile --help | FileCheck %s --check-prefix=COMPILE
// RUN: quant-run --help | FileCheck %s --check-prefix=JIT
// RUN: quant-translate --help | FileCheck %s --check-prefix=TRANSLATE
// RUN: quant-compile --help-hidden | FileCheck %s --check-prefix=HIDDEN
// COMPILE: --calibrate=
// COMPILE: --emit-after=
// COMPILE-NOT: amdgpu
// COMPILE-NOT: polly
// COMPILE: --help
// JIT-NOT: x86-
// JIT: --bench=
// JIT-NOT: polly
// TRANSLATE: --import-onnx
// TRANSLATE-NOT: polly
// HIDDEN: --x86-
