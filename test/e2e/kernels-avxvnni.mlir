// The int8 kernels on a 256-bit target with AVX-VNNI and no AVX-512
// (alderlake): VEX vpdpbusd on ymm registers, executed natively. Every case
// of kernels.mlir, bit-exact against qnn-ref. (The same kernels run on any
// host through --emulate-cpu: test/Codegen/vnni.mlir.)
// REQUIRES: host-avxvnni
// RUN: %e2e-check %S/kernels.mlir %t --mcpu=alderlake
func.func @main(%x: tensor<1x16x8x8xi8>) -> tensor<1x32x8x8xi32> {
  %w = arith.constant dense<3> : tensor<32x16x3x3xi8>
  %y = qnn.conv2d %x, %w {padding = array<i64: 1, 1, 1, 1>} : (tensor<1x16x8x8xi8>, tensor<32x16x3x3xi8>) -> tensor<1x32x8x8xi32>
  return %y : tensor<1x32x8x8xi32>
}
