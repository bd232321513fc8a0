// The matmul microkernel per target: AVX-512 FMAs on zmm registers (Zen 5),
// AVX2 FMAs on ymm (x86-64-v3), SSE multiply + add without FMA and without
// libm calls (baseline x86-64); the output is computed in the caller's
// buffer (no malloc), NEON fmla (AArch64).
// RUN: quant-compile %S/Inputs/gemm.mlir --emit=asm --mcpu=znver5 -o - | FileCheck %s --check-prefix=AVX512
// RUN: quant-compile %S/Inputs/gemm.mlir --emit=asm --mcpu=x86-64-v3 -o - | FileCheck %s --check-prefix=AVX2
// RUN: quant-compile %S/Inputs/gemm.mlir --emit=asm --mcpu=x86-64 -o - | FileCheck %s --check-prefix=SSE
// RUN: quant-compile %S/Inputs/gemm.mlir --emit=asm --target-triple=aarch64-linux-gnu -o - | FileCheck %s --check-prefix=NEON

// AVX512-LABEL: model_run:
// AVX512-NOT: malloc
// AVX512: vfmadd{{[0-9]+}}ps {{.*}}%zmm
// AVX512-NOT: call{{.*}}malloc

// AVX2-LABEL: model_run:
// AVX2: vfmadd{{[0-9]+}}ps {{.*}}%ymm
// AVX2-NOT: zmm

// SSE-LABEL: model_run:
// SSE-NOT: vfmadd
// SSE: mulps
// SSE: addps
// SSE-NOT: fmaf

// NEON-LABEL: model_run:
// NEON: fmla v{{[0-9]+}}.4s
