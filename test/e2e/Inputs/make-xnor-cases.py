#!/usr/bin/env python3
"""Writes the binary conv / fc / matmul cases of test/e2e/xnor-kernels.mlir.

Each function binarizes a float input and applies binary layers whose
weights are random -1 / +1 (fixed seed), in the quantized-type form, so
qnn-ref evaluates the real-valued definition while the compiler takes the
XNOR / popcount kernels. Shapes cover reduction lengths that are not a
multiple of the 64-bit word (C = 3, 70, 130), exact words (64, 128, 256),
stride 2, dilation, +1, -1 and zero padding, odd maps, maps narrower than one
packing vector, batch 2, a GEMV and chained binary layers.
"""
import random

rng = random.Random(15)


def bools(n):
    return ", ".join("true" if rng.random() < 0.5 else "false" for _ in range(n))


def nested(shape):
    if len(shape) == 1:
        return "[" + bools(shape[0]) + "]"
    return "[" + ", ".join(nested(shape[1:]) for _ in range(shape[0])) + "]"


def ty(shape, elt):
    return "tensor<" + "x".join(str(d) for d in shape) + "x" + elt + ">"


def weights(name, shape, alpha):
    return (f"  %{name} = qnn.constant dense<{nested(shape)}> : {ty(shape, 'i1')}"
            f" -> {ty(shape, alpha)}\n")


def out_size(size, k, stride, dil, pad):
    return (size + pad - dil * (k - 1) - 1) // stride + 1


def conv_case(name, n, c, h, w, o, k, stride=1, dil=1, pad=0, pad_value=-1,
              alphas=None):
    oh = out_size(h, k, stride, dil, 2 * pad)
    ow = out_size(w, k, stride, dil, 2 * pad)
    alpha = ("!qnn.binary<f32:0, {" + ", ".join(alphas) + "}>"
             if alphas else "!qnn.binary<f32>")
    attrs = []
    if stride != 1:
        attrs.append(f"strides = array<i64: {stride}, {stride}>")
    if dil != 1:
        attrs.append(f"dilations = array<i64: {dil}, {dil}>")
    if pad:
        attrs.append(f"padding = array<i64: {pad}, {pad}, {pad}, {pad}>")
        attrs.append(f"pad_value = {pad_value} : i64")
    attr = " {" + ", ".join(attrs) + "}" if attrs else ""
    xs, ys = [n, c, h, w], [n, o, oh, ow]
    s = f"func.func @{name}(%x: {ty(xs, 'f32')}) -> {ty(ys, 'f32')} {{\n"
    s += f"  %a = qnn.binarize %x : {ty(xs, 'f32')} -> {ty(xs, '!bx')}\n"
    s += weights("w", [o, c, k, k], alpha)
    s += (f"  %y = qnn.conv2d %a, %w{attr} : ({ty(xs, '!bx')}, "
          f"{ty([o, c, k, k], alpha)}) -> {ty(ys, 'f32')}\n")
    s += f"  return %y : {ty(ys, 'f32')}\n}}\n"
    return s


def gemm_case(name, op, m, k, o):
    """fully_connected ([O, K] weights, alpha 0.5) or matmul ([K, O])."""
    fc = op == "fully_connected"
    ws, alpha = ([o, k], "!qnn.binary<f32, 0.5>") if fc else \
        ([k, o], "!qnn.binary<f32>")
    s = f"func.func @{name}(%x: {ty([m, k], 'f32')}) -> {ty([m, o], 'f32')} {{\n"
    s += f"  %a = qnn.binarize %x : {ty([m, k], 'f32')} -> {ty([m, k], '!bx')}\n"
    s += weights("w", ws, alpha)
    s += (f"  %y = qnn.{op} %a, %w : ({ty([m, k], '!bx')}, "
          f"{ty(ws, alpha)}) -> {ty([m, o], 'f32')}\n")
    s += f"  return %y : {ty([m, o], 'f32')}\n}}\n"
    return s


def chain_case():
    # conv (C = 70) -> per-channel thresholds -> conv -> thresholds -> conv:
    # binary layers feeding binary layers.
    xs, h1, h2, ys = [1, 70, 9, 9], [1, 24, 9, 9], [1, 33, 5, 5], [1, 8, 5, 5]
    a1 = "!qnn.binary<f32:0, {" + ", ".join(
        f"{rng.uniform(0.1, 1.0):.3f}" for _ in range(24)) + "}>"
    s = f"func.func @chain(%x: {ty(xs, 'f32')}) -> {ty(ys, 'f32')} {{\n"
    s += f"  %a = qnn.binarize %x : {ty(xs, 'f32')} -> {ty(xs, '!bx')}\n"
    s += weights("w1", [24, 70, 3, 3], a1)
    s += (f"  %c1 = qnn.conv2d %a, %w1 {{padding = array<i64: 1, 1, 1, 1>, "
          f"pad_value = 1 : i64}} : ({ty(xs, '!bx')}, {ty([24, 70, 3, 3], a1)})"
          f" -> {ty(h1, 'f32')}\n")
    # Thresholds at odd multiples of alpha / 2 away from reachable values.
    t1 = ", ".join(f"{rng.choice([-7.5, -3.5, 0.5, 2.5, 9.5]) * 0.01:.4f}"
                   for _ in range(24))
    s += (f"  %b1 = qnn.binarize %c1 {{axis = 1 : i64, thresholds = "
          f"array<f64: {t1}>}} : {ty(h1, 'f32')} -> {ty(h1, '!bx')}\n")
    s += weights("w2", [33, 24, 3, 3], "!qnn.binary<f32>")
    s += (f"  %c2 = qnn.conv2d %b1, %w2 {{strides = array<i64: 2, 2>, "
          f"padding = array<i64: 1, 1, 1, 1>, pad_value = -1 : i64}} : "
          f"({ty(h1, '!bx')}, {ty([33, 24, 3, 3], '!qnn.binary<f32>')}) -> "
          f"{ty(h2, 'f32')}\n")
    s += (f"  %b2 = qnn.binarize %c2 : {ty(h2, 'f32')} -> {ty(h2, '!bx')}\n")
    s += weights("w3", [8, 33, 1, 1], "!qnn.binary<f32>")
    s += (f"  %y = qnn.conv2d %b2, %w3 : ({ty(h2, '!bx')}, "
          f"{ty([8, 33, 1, 1], '!qnn.binary<f32>')}) -> {ty(ys, 'f32')}\n")
    s += f"  return %y : {ty(ys, 'f32')}\n}}\n"
    return s


print("!bx = !qnn.binary<f32>\n")
print(conv_case("conv_c3_s2", 1, 3, 7, 7, 4, 3, stride=2, pad=1))
print(conv_case("conv_c70_pad_plus", 2, 70, 9, 11, 20, 3, pad=1, pad_value=1,
                alphas=[f"{0.05 * (i + 1):.2f}" for i in range(20)]))
print(conv_case("conv_c64_dilated", 1, 64, 10, 10, 16, 3, dil=2))
print(conv_case("conv_c130_s2", 1, 130, 8, 8, 9, 3, stride=2, pad=1))
print(conv_case("conv_c128_narrow", 1, 128, 3, 5, 32, 3, pad=1))
print(conv_case("conv_1x1_c256", 1, 256, 5, 5, 40, 1))
# Zero padding (pad_value 0: padded taps add nothing), corrected per
# border pixel.
print(conv_case("conv_c70_zero_pad", 2, 70, 9, 11, 13, 3, pad=1, pad_value=0))
print(conv_case("conv_c64_zero_pad_s2", 1, 64, 10, 9, 16, 3, stride=2, pad=1,
                pad_value=0))
print(conv_case("conv_c3_zero_pad2_dil", 1, 3, 8, 8, 5, 3, dil=2, pad=2,
                pad_value=0))
print(gemm_case("fc_k300", "fully_connected", 3, 300, 37))
print(gemm_case("gemv_k1000", "fully_connected", 1, 1000, 21))
print(gemm_case("matmul_k70", "matmul", 5, 70, 12))
print(chain_case())
