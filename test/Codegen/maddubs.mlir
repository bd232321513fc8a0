// pmaddubsw kernels for x86 CPUs without VNNI. pmaddubsw multiplies u8
// activations (the packing adds 128, as for VNNI) by s8 weights and adds
// adjacent products into a saturating i16: it is exact only when every
// weight pair's positive part sums to at most 128 and its negative part to
// at least -128 (255 * 128 = 32640). @extreme sits on that bound (pairs
// (127, 1), (64, 64), (-128, 0), (-64, -64), (-128, 127)) with activations
// of 126 or 127 (u8 254 or 255), so every pair reaches its largest sum;
// @over has one pair (127, 2), whose sum 255 * 129 would saturate, so the
// op must keep pmaddwd. Both are compared bit-exactly with qnn-ref on the
// host and the SSSE3 (x86-64-v2), AVX2 (znver2) and emulated AVX-512BW
// (skylake-avx512) kernels. sum_k w of channel 0 is 512, so its corrected
// bias is b0 - 128 * 512.
// RUN: quant-compile %s --entry=extreme --mcpu=x86-64-v3 --emit-after=linalg -o - | FileCheck %s --check-prefixes=IR,AVX2
// RUN: quant-compile %s --entry=extreme --mcpu=x86-64-v2 --emit-after=linalg -o - | FileCheck %s --check-prefixes=IR,SSSE3
// RUN: quant-compile %s --entry=extreme --mcpu=x86-64-v3 --emulate-cpu=skylake-avx512 --emit-after=linalg -o - | FileCheck %s --check-prefixes=IR,EMU
// RUN: quant-compile %s --entry=extreme --mcpu=x86-64 --emit-after=linalg -o - | FileCheck %s --check-prefix=SSE2
// RUN: quant-compile %s --entry=over --mcpu=x86-64-v3 --emit-after=linalg -o - | FileCheck %s --check-prefix=OVER
// RUN: quant-compile %s --entry=extreme --mcpu=znver2 --emit=asm -o - | FileCheck %s --check-prefix=ASM
// RUN: %e2e-check %s %t
// RUN: %e2e-check %s %t --mcpu=x86-64-v2
// RUN: %e2e-check %s %t --mcpu=znver2
// RUN: %e2e-check %s %t --mcpu=x86-64-v3 --emulate-cpu=skylake-avx512

// IR-LABEL: func.func @extreme(
// IR: arith.constant dense<[-66507, {{.*}}]> : tensor<{{8|16}}xi32>
// IR: %[[BIAS:.*]] = arith.constant -128 : i8
// IR: arith.xori %{{.*}}, %[[BIAS]] : i8
// AVX2: %[[S:.*]] = llvm.call_intrinsic "llvm.x86.avx2.pmadd.ub.sw"({{.*}}) : (vector<32xi8>, vector<32xi8>) -> vector<16xi16>
// AVX2: llvm.call_intrinsic "llvm.x86.avx2.pmadd.wd"(%[[S]], %{{.*}}) : (vector<16xi16>, vector<16xi16>) -> vector<8xi32>
// SSSE3: %[[S:.*]] = llvm.call_intrinsic "llvm.x86.ssse3.pmadd.ub.sw.128"({{.*}}) : (vector<16xi8>, vector<16xi8>) -> vector<8xi16>
// SSSE3: llvm.call_intrinsic "llvm.x86.sse2.pmadd.wd"(%[[S]], %{{.*}}) : (vector<8xi16>, vector<8xi16>) -> vector<4xi32>
// EMU-NOT: llvm.call_intrinsic
// EMU: arith.extui %{{.*}} : vector<64xi8> to vector<64xi32>
// EMU: vector.multi_reduction <add>, %{{.*}}, %{{.*}} [1] : vector<16x4xi32> to vector<16xi32>

// x86-64 has no pmaddubsw (an SSSE3 instruction): pmaddwd on i16.
// SSE2-LABEL: func.func @extreme(
// SSE2-NOT: pmadd.ub.sw
// SSE2: llvm.call_intrinsic "llvm.x86.sse2.pmadd.wd"
// SSE2-NOT: pmadd.ub.sw

// OVER-LABEL: func.func @over(
// OVER-NOT: pmadd.ub.sw
// OVER: llvm.call_intrinsic "llvm.x86.avx2.pmadd.wd"
// OVER-NOT: pmadd.ub.sw

// ASM-LABEL: model_run_with_workspace:
// ASM: vpmaddubsw {{.*}}%ymm
// ASM: vpmaddwd {{.*}}%ymm
func.func @extreme(%x: tensor<1x8x4x5xi8>) -> tensor<1x8x4x5xi32> {
  %a = qnn.int_clamp %x {min = 126 : i64, max = 127 : i64} : tensor<1x8x4x5xi8>
  %w = arith.constant dense<[[[[127]], [[1]], [[1]], [[127]], [[64]], [[64]], [[127]], [[1]]], [[[-128]], [[0]], [[-64]], [[-64]], [[0]], [[-128]], [[-100]], [[-28]]], [[[-128]], [[127]], [[127]], [[-128]], [[127]], [[-128]], [[-128]], [[127]]], [[[-8]], [[20]], [[63]], [[-29]], [[45]], [[-47]], [[-20]], [[36]]], [[[-33]], [[21]], [[-6]], [[1]], [[56]], [[40]], [[43]], [[6]]], [[[61]], [[61]], [[-47]], [[-38]], [[-25]], [[6]], [[41]], [[-3]]], [[[61]], [[-19]], [[54]], [[11]], [[28]], [[-34]], [[11]], [[38]]], [[[49]], [[47]], [[59]], [[-48]], [[35]], [[-5]], [[23]], [[-29]]]]> : tensor<8x8x1x1xi8>
  %b = arith.constant dense<[-971, -834, 945, 791, -394, -141, -519, -705]> : tensor<8xi32>
  %y = qnn.conv2d %a, %w, %b : (tensor<1x8x4x5xi8>, tensor<8x8x1x1xi8>, tensor<8xi32>) -> tensor<1x8x4x5xi32>
  return %y : tensor<1x8x4x5xi32>
}

func.func @over(%x: tensor<1x8x4x5xi8>) -> tensor<1x8x4x5xi32> {
  %a = qnn.int_clamp %x {min = 126 : i64, max = 127 : i64} : tensor<1x8x4x5xi8>
  %w = arith.constant dense<[[[[127]], [[1]], [[1]], [[127]], [[64]], [[64]], [[127]], [[1]]], [[[-128]], [[0]], [[-64]], [[-64]], [[0]], [[-128]], [[-100]], [[-28]]], [[[-128]], [[127]], [[127]], [[-128]], [[127]], [[-128]], [[-128]], [[127]]], [[[127]], [[2]], [[0]], [[0]], [[1]], [[1]], [[-3]], [[5]]], [[[-33]], [[21]], [[-6]], [[1]], [[56]], [[40]], [[43]], [[6]]], [[[61]], [[61]], [[-47]], [[-38]], [[-25]], [[6]], [[41]], [[-3]]], [[[61]], [[-19]], [[54]], [[11]], [[28]], [[-34]], [[11]], [[38]]], [[[49]], [[47]], [[59]], [[-48]], [[35]], [[-5]], [[23]], [[-29]]]]> : tensor<8x8x1x1xi8>
  %y = qnn.conv2d %a, %w : (tensor<1x8x4x5xi8>, tensor<8x8x1x1xi8>) -> tensor<1x8x4x5xi32>
  return %y : tensor<1x8x4x5xi32>
}
