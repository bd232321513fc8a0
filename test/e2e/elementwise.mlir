// End-to-end float add / mul / sub / div (numpy broadcasting), clamp, sign,
// leaky_relu and sigmoid on
// baseline x86-64 and the host; |got - ref| <= 1e-5 + 1e-5 |ref|.
// RUN: %e2e-check %s %t --mcpu=x86-64
// RUN: %e2e-check %s %t
// Boundary values, signed zeros, denormals, +-inf and NaN (propagated):
// RUN: env PATTERNS=edges GEN_OPTS=--nonfinite %e2e-check %s %t

// Per-channel operand [8, 1, 1] against [1, 8, 4, 5].
func.func @add_channel(%a: tensor<1x8x4x5xf32>, %b: tensor<8x1x1xf32>) -> tensor<1x8x4x5xf32> {
  %y = qnn.add %a, %b : (tensor<1x8x4x5xf32>, tensor<8x1x1xf32>) -> tensor<1x8x4x5xf32>
  return %y : tensor<1x8x4x5xf32>
}

// Both operands broadcast: [3, 1, 7] * [1, 5, 1].
func.func @mul_both(%a: tensor<3x1x7xf32>, %b: tensor<1x5x1xf32>) -> tensor<3x5x7xf32> {
  %y = qnn.mul %a, %b : (tensor<3x1x7xf32>, tensor<1x5x1xf32>) -> tensor<3x5x7xf32>
  return %y : tensor<3x5x7xf32>
}

// A scalar-shaped constant.
func.func @mul_scalar(%a: tensor<2x3x5xf32>) -> tensor<2x3x5xf32> {
  %s = arith.constant dense<-1.5> : tensor<1xf32>
  %y = qnn.mul %a, %s : (tensor<2x3x5xf32>, tensor<1xf32>) -> tensor<2x3x5xf32>
  return %y : tensor<2x3x5xf32>
}

// ReLU6 and a narrow clamp.
func.func @clamps(%a: tensor<4x33xf32>) -> (tensor<4x33xf32>, tensor<4x33xf32>) {
  %s = arith.constant dense<8.0> : tensor<1xf32>
  %big = qnn.mul %a, %s : (tensor<4x33xf32>, tensor<1xf32>) -> tensor<4x33xf32>
  %r6 = qnn.clamp %big {min = 0.0 : f32, max = 6.0 : f32} : tensor<4x33xf32>
  %c = qnn.clamp %a {min = -0.25 : f32, max = 0.5 : f32} : tensor<4x33xf32>
  return %r6, %c : tensor<4x33xf32>, tensor<4x33xf32>
}

// Sign, including exact zeros from a ReLU.
func.func @sign(%a: tensor<3x17xf32>) -> tensor<3x17xf32> {
  %r = qnn.clamp %a {min = 0.0 : f32, max = 1.0 : f32} : tensor<3x17xf32>
  %m = arith.constant dense<0.25> : tensor<1xf32>
  %d = qnn.add %r, %m : (tensor<3x17xf32>, tensor<1xf32>) -> tensor<3x17xf32>
  %n = arith.constant dense<-0.5> : tensor<1xf32>
  %e = qnn.add %d, %n : (tensor<3x17xf32>, tensor<1xf32>) -> tensor<3x17xf32>
  %s = qnn.sign %e : tensor<3x17xf32>
  %z = qnn.sign %r : tensor<3x17xf32>
  %y = qnn.add %s, %z : (tensor<3x17xf32>, tensor<3x17xf32>) -> tensor<3x17xf32>
  return %y : tensor<3x17xf32>
}

// sub and div with broadcasting (a constant, nonzero divisor as ONNX models
// have), leaky_relu and sigmoid.
func.func @sub_div(%a: tensor<2x4x5xf32>, %b: tensor<4x1xf32>) -> (tensor<2x4x5xf32>, tensor<2x4x5xf32>) {
  %d = arith.constant dense<[0.5, -2.0, 3.0, 0.125, -0.75]> : tensor<5xf32>
  %s = qnn.sub %a, %b : (tensor<2x4x5xf32>, tensor<4x1xf32>) -> tensor<2x4x5xf32>
  %q = qnn.div %s, %d : (tensor<2x4x5xf32>, tensor<5xf32>) -> tensor<2x4x5xf32>
  %r = qnn.sub %b, %a : (tensor<4x1xf32>, tensor<2x4x5xf32>) -> tensor<2x4x5xf32>
  return %q, %r : tensor<2x4x5xf32>, tensor<2x4x5xf32>
}

func.func @activations(%a: tensor<3x37xf32>) -> (tensor<3x37xf32>, tensor<3x37xf32>) {
  %s = arith.constant dense<6.0> : tensor<1xf32>
  %big = qnn.mul %a, %s : (tensor<3x37xf32>, tensor<1xf32>) -> tensor<3x37xf32>
  %l = qnn.leaky_relu %big {alpha = 0.1 : f32} : tensor<3x37xf32> -> tensor<3x37xf32>
  %g = qnn.sigmoid %big : tensor<3x37xf32> -> tensor<3x37xf32>
  return %l, %g : tensor<3x37xf32>, tensor<3x37xf32>
}
