// Binary conv2d / fully_connected / matmul on the XNOR / popcount kernels
// (-quant-xnor-kernels), bit-exact against qnn-ref's real-valued
// evaluation of the same graphs. The cases (written by
// Inputs/make-xnor-cases.py with fixed random weights) cover C = 3, 70,
// 130 (words with tails), 64, 128, 256 (whole words), stride 2, dilation,
// +1 / -1 padding, odd maps, maps narrower than one packing vector,
// batch 2, a GEMV and chained binary layers. Every counting path runs:
// nibble tables on AVX2 (host, znver2) and emulated AVX-512BW
// (skylake-avx512: the tables as portable byte popcounts), math.ctpop on
// SSE2 (x86-64) and SSE4.2 (x86-64-v2), and vpopcntq's 512-bit plan
// (znver4, emulated).
// RUN: %python %S/Inputs/make-xnor-cases.py > %t.mlir
// RUN: %e2e-check %t.mlir %t
// RUN: %e2e-check %t.mlir %t --mcpu=x86-64
// RUN: %e2e-check %t.mlir %t --mcpu=x86-64-v2
// RUN: %e2e-check %t.mlir %t --mcpu=znver2
// RUN: %e2e-check %t.mlir %t --mcpu=x86-64-v3 --emulate-cpu=znver4
// RUN: %e2e-check %t.mlir %t --mcpu=x86-64-v3 --emulate-cpu=skylake-avx512
// AArch64 (math.ctpop: cnt + uaddlp), run under qemu-aarch64:
// RUN: %aarch64-check %t.mlir %t.aarch64
//
// The kernels are what runs (no int8 GEMM is left), with the per-target
// instructions in the hot loops:
// RUN: quant-compile %t.mlir --entry=conv_c70_pad_plus --mcpu=znver2 --emit-after=linalg -o - | FileCheck %s --check-prefix=NIBBLE
// RUN: quant-compile %t.mlir --entry=conv_c70_pad_plus --mcpu=znver4 --emit-after=linalg -o - | FileCheck %s --check-prefix=CTPOP
// RUN: quant-compile %t.mlir --entry=chain --mcpu=znver4 --emit=asm -o - | FileCheck %s --check-prefix=ZNVER4
// RUN: quant-compile %t.mlir --entry=chain --mcpu=znver2 --emit=asm -o - | FileCheck %s --check-prefix=ZNVER2
// RUN: quant-compile %t.mlir --entry=chain --target-triple=aarch64-linux-gnu --mcpu=generic --emit=asm -o - | FileCheck %s --check-prefix=AARCH64

// NIBBLE-LABEL: func.func @conv_c70_pad_plus(
// NIBBLE-NOT: linalg.contract
// NIBBLE: llvm.call_intrinsic "llvm.x86.avx2.pshuf.b"
// NIBBLE: llvm.call_intrinsic "llvm.x86.avx2.psad.bw"
// NIBBLE-NOT: linalg.contract

// CTPOP-LABEL: func.func @conv_c70_pad_plus(
// CTPOP-NOT: linalg.contract
// CTPOP: %[[X:.*]] = arith.xori %{{.*}}, %{{.*}} : vector<8xi64>
// CTPOP: math.ctpop %[[X]] : vector<8xi64>
// CTPOP-NOT: linalg.contract

// ZNVER4: vpopcntq {{.*}}%zmm
// ZNVER4-NOT: {{[[:space:]]}}popcnt{{[lq]}} %
// ZNVER2: vpshufb {{.*}}%ymm
// ZNVER2: vpsadbw
// ZNVER2-NOT: {{[[:space:]]}}popcnt{{[lq]}} %
// AARCH64: cnt v{{[0-9]+}}.16b
