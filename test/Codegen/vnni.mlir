// The VNNI int8 kernels, tested on every x86 host. vpdpbusd multiplies u8
// activations by s8 weights: the packing adds 128 to each activation (xor
// 0x80, with the padding code 0 stored as 0x80) and the bias is corrected
// by -128 * sum_k w at compile time (here sum_k w = 3 * 16 * 9 = 432).
// Text checks: the packing, the correction and the instructions for
// AVX-512 VNNI (znver4, zmm) and AVX-VNNI (alderlake, VEX ymm). Execution:
// --emulate-cpu plans the kernels for that CPU and writes vpdpbusd as
// portable vector ops (widen, multiply, add groups of four), so the
// packing, the correction and the tiling of a CPU the host is not run and
// are compared with qnn-ref here.
// RUN: quant-compile %s --mcpu=znver4 --emit-after=linalg -o - | FileCheck %s --check-prefixes=IR,NATIVE
// RUN: quant-compile %s --mcpu=x86-64-v3 --emulate-cpu=znver4 --emit-after=linalg -o - | FileCheck %s --check-prefixes=IR,EMU
// RUN: quant-compile %s --mcpu=znver4 --emit=asm -o - | FileCheck %s --check-prefix=ZMM
// RUN: quant-compile %s --mcpu=alderlake --emit=asm -o - | FileCheck %s --check-prefix=YMM
// RUN: quant-compile %s --mcpu=x86-64-v3 --emulate-cpu=znver4 --emit=asm -o - | FileCheck %s --check-prefix=EMU-ASM
// RUN: %e2e-check %s %t --emulate-cpu=znver4
// RUN: %e2e-check %S/../e2e/kernels.mlir %t --emulate-cpu=znver4
// RUN: %e2e-check %S/../e2e/kernels.mlir %t --emulate-cpu=alderlake
// RUN: %e2e-check %S/../e2e/conv-rescale.mlir %t --emulate-cpu=znver4

// IR-LABEL: func.func @main(
// IR: arith.constant dense<-55296> : tensor<32xi32>
// IR: %[[BIAS:.*]] = arith.constant dense<-128> : vector<16xi8>
// IR: linalg.fill ins(%c-128_i8 : i8)
// IR: arith.xori %{{.*}}, %[[BIAS]] : vector<16xi8>
// NATIVE: llvm.call_intrinsic "llvm.x86.avx512.vpdpbusd.512"({{.*}}) : (vector<16xi32>, vector<64xi8>, vector<64xi8>) -> vector<16xi32>
// EMU-NOT: llvm.call_intrinsic
// EMU: arith.extui %{{.*}} : vector<64xi8> to vector<64xi32>
// EMU: arith.extsi %{{.*}} : vector<64xi8> to vector<64xi32>
// EMU: vector.multi_reduction <add>, %{{.*}}, %{{.*}} [1] : vector<16x4xi32> to vector<16xi32>

// ZMM-LABEL: model_run_with_workspace:
// ZMM: vpdpbusd {{.*}}%zmm
// YMM-LABEL: model_run_with_workspace:
// YMM: {vex} vpdpbusd {{.*}}%ymm
// YMM-NOT: %zmm
// EMU-ASM-LABEL: model_run_with_workspace:
// EMU-ASM-NOT: vpdpbusd
// EMU-ASM-NOT: %zmm
func.func @main(%x: tensor<1x16x8x8xi8>) -> tensor<1x32x8x8xi32> {
  %w = arith.constant dense<3> : tensor<32x16x3x3xi8>
  %y = qnn.conv2d %x, %w {padding = array<i64: 1, 1, 1, 1>} : (tensor<1x16x8x8xi8>, tensor<32x16x3x3xi8>) -> tensor<1x32x8x8xi32>
  return %y : tensor<1x32x8x8xi32>
}
