#!/usr/bin/env python3
"""Writes test/e2e/kernels.mlir, kernels-w7.mlir and kernels-float.mlir:
conv2d / fully_connected / matmul with constant weights, the shapes that
exercise the packed microkernels (quant-linear-kernels) and their edge
cases; kernels-w7.mlir has the integer cases with 7-bit weights, which take
pmaddubsw on x86 CPUs without VNNI.
Deterministic (seeded); run with /usr/bin/python3 from the repository root."""
import numpy as np

rng = np.random.default_rng(5)


def dense(a):
    return "dense<%s>" % str(a.tolist())


def ttype(shape, elt):
    return "tensor<%s%s>" % ("".join("%dx" % d for d in shape), elt)


# Weight range of i8(): the whole i8 range, or 7 bits for kernels-w7.mlir.
W_LO, W_HI = -128, 127


def i8(shape, lo=None, hi=None):
    lo = W_LO if lo is None else max(lo, W_LO)
    hi = W_HI if hi is None else min(hi, W_HI)
    return rng.integers(lo, hi + 1, size=shape).astype(np.int64)


def f32(shape):
    return (rng.uniform(-1, 1, size=shape).astype(np.float32)).astype(np.float64)


def fmt_f(a):
    return "dense<%s>" % str(a.tolist())


def prologue(name, xt, wt, wv, bt, yt, o, bias, elt, comment, use_bias=True):
    """The function signature, the weight constant and the bias ("const":
    a random constant, "arg": an argument, "none") of a test function; returns
    its lines and the op's operand list and operand types."""
    lines = ["// " + comment] if comment else []
    args = ["%%x: %s" % xt]
    if bias == "arg":
        args.append("%%b: %s" % bt)
    lines.append("func.func @%s(%s) -> %s {" % (name, ", ".join(args), yt))
    lines.append("  %%w = arith.constant %s : %s" %
                 (dense(wv) if elt == "i8" else fmt_f(wv), wt))
    operands, types = "%x, %w", xt + ", " + wt
    if bias == "const":
        bv = rng.integers(-(1 << 20), 1 << 20, size=(o,)) if elt == "i8" else f32((o,))
        lines.append("  %%b = arith.constant %s : %s" %
                     (dense(bv) if elt == "i8" else fmt_f(bv), bt))
    if bias != "none" and use_bias:
        operands += ", %b"
        types += ", " + bt
    return lines, operands, types


def conv(name, n, c, h, w, o, kh, kw, stride=(1, 1), dil=(1, 1),
         pad=(0, 0, 0, 0), bias="const", elt="i8", comment=""):
    oh = (h + pad[0] + pad[2] - dil[0] * (kh - 1) - 1) // stride[0] + 1
    ow = (w + pad[1] + pad[3] - dil[1] * (kw - 1) - 1) // stride[1] + 1
    acc = "i32" if elt == "i8" else "f32"
    xt, wt = ttype((n, c, h, w), elt), ttype((o, c, kh, kw), elt)
    bt, yt = ttype((o,), acc), ttype((n, o, oh, ow), acc)
    wv = i8((o, c, kh, kw)) if elt == "i8" else f32((o, c, kh, kw))
    lines, operands, types = prologue(name, xt, wt, wv, bt, yt, o, bias, elt,
                                      comment)
    attrs = []
    if stride != (1, 1):
        attrs.append("strides = array<i64: %d, %d>" % stride)
    if dil != (1, 1):
        attrs.append("dilations = array<i64: %d, %d>" % dil)
    if any(pad):
        attrs.append("padding = array<i64: %d, %d, %d, %d>" % pad)
    attr = " {%s}" % ", ".join(attrs) if attrs else ""
    lines.append("  %%y = qnn.conv2d %s%s : (%s) -> %s" % (operands, attr, types, yt))
    lines.append("  return %%y : %s" % yt)
    lines.append("}")
    return "\n".join(lines)


def fc(name, m, k, o, bias="const", elt="i8", matmul=False, comment=""):
    acc = "i32" if elt == "i8" else "f32"
    xt = ttype((m, k), elt)
    wshape = (k, o) if matmul else (o, k)
    wt, bt, yt = ttype(wshape, elt), ttype((o,), acc), ttype((m, o), acc)
    wv = i8(wshape) if elt == "i8" else f32(wshape)
    lines, operands, types = prologue(name, xt, wt, wv, bt, yt, o, bias, elt,
                                      comment, use_bias=not matmul)
    op = "qnn.matmul" if matmul else "qnn.fully_connected"
    lines.append("  %%y = %s %s : (%s) -> %s" % (op, operands, types, yt))
    lines.append("  return %%y : %s" % yt)
    lines.append("}")
    return "\n".join(lines)


def qconv():
    # The integer form of a quantized conv: input zero point -3 padded
    # explicitly, zero-point terms in the bias, per-channel requantization
    # to a negative output zero point.
    sw = [0.25, 0.125, 0.5, 0.0625, 0.25, 1.0]
    wv = i8((6, 5, 3, 3), -127, 127)
    bv = rng.integers(-2000, 2000, size=(6,)) + 3 * wv.sum(axis=(1, 2, 3))
    scales = ", ".join(repr(0.5 * s / 16.0) for s in sw)
    return "\n".join([
        "// Integer form of a quantized conv: input zero point -3 (padded",
        "// explicitly), per-channel scales, output zero point -7.",
        "func.func @qconv_zp_per_channel(%x: tensor<1x5x7x6xi8>) -> tensor<1x6x7x6xi8> {",
        "  %%w = arith.constant %s : tensor<6x5x3x3xi8>" % dense(wv),
        "  %%b = arith.constant %s : tensor<6xi32>" % dense(bv),
        "  %p = qnn.pad %x {pads = array<i64: 0, 0, 1, 1, 0, 0, 1, 1>, value = -3.0 : f64} : tensor<1x5x7x6xi8> -> tensor<1x5x9x8xi8>",
        "  %a = qnn.conv2d %p, %w, %b : (tensor<1x5x9x8xi8>, tensor<6x5x3x3xi8>, tensor<6xi32>) -> tensor<1x6x7x6xi32>",
        "  %%y = qnn.rescale %%a rounding half_even {axis = 1 : i64, max = 127 : i64, min = -128 : i64, output_zp = -7 : i32, scale = array<f32: %s>} : tensor<1x6x7x6xi32> -> tensor<1x6x7x6xi8>" % scales,
        "  return %y : tensor<1x6x7x6xi8>",
        "}"])


def qfc():
    sw = [0.5, 0.25, 0.125, 1.0, 0.5, 0.25, 0.125]
    wv = i8((7, 37), -127, 127)
    bv = 11 * wv.sum(axis=1)
    scales = ", ".join(repr(0.25 * s / 8.0) for s in sw)
    return "\n".join([
        "// Integer form of a quantized fully connected layer: input zero",
        "// point -11 in the bias, per-channel scales, output zero point -2.",
        "func.func @qfc_zp_per_channel(%x: tensor<3x37xi8>) -> tensor<3x7xi8> {",
        "  %%w = arith.constant %s : tensor<7x37xi8>" % dense(wv),
        "  %%b = arith.constant %s : tensor<7xi32>" % dense(bv),
        "  %a = qnn.fully_connected %x, %w, %b : (tensor<3x37xi8>, tensor<7x37xi8>, tensor<7xi32>) -> tensor<3x7xi32>",
        "  %%y = qnn.rescale %%a rounding half_even {axis = 1 : i64, max = 127 : i64, min = -128 : i64, output_zp = -2 : i32, scale = array<f32: %s>} : tensor<3x7xi32> -> tensor<3x7xi8>" % scales,
        "  return %y : tensor<3x7xi8>",
        "}"])


HEADER = """// GENERATED by scripts/make-kernel-tests.py: conv2d / fully_connected /
// matmul with constant weights, the shapes that take the packed
// microkernels (quant-linear-kernels: VNNI on the host, pmaddwd on
// x86-64 and x86-64-v3) and their edge cases, compared %s with the
// naive reference (qnn-ref). A 512-byte cache budget splits every
// multi-tile reduction into blocks (partial sums kept in the output).
// RUN: %%e2e-check %%s %%t --mcpu=x86-64
// RUN: %%e2e-check %%s %%t --mcpu=x86-64-v3
// RUN: %%e2e-check %%s %%t
// RUN: %%e2e-check %%s %%t --weight-block-bytes=512
// RUN: %%e2e-check %%s %%t --weight-block-bytes=512 --mcpu=x86-64-v3
"""

def int_cases():
  return [
    conv("conv_c3_o17", 1, 3, 9, 9, 17, 3, 3, pad=(1, 1, 1, 1),
         comment="C = 3 (channels padded to the dot depth), O = 17 (odd)."),
    conv("conv_stride2_dil", 1, 6, 11, 10, 20, 3, 3, stride=(2, 2), dil=(1, 2),
         pad=(1, 2, 0, 1), bias="arg",
         comment="Stride 2, dilation, asymmetric padding, run-time bias."),
    conv("conv_1x1_k67", 1, 67, 5, 7, 33, 1, 1, bias="none",
         comment="1x1, K = 67, no bias."),
    conv("conv_batch2", 2, 8, 6, 6, 64, 3, 3, pad=(1, 1, 1, 1),
         comment="Batch 2, 64 channels (full 4-vector blocks)."),
    conv("conv_wide", 1, 16, 12, 12, 80, 3, 1, pad=(1, 0, 1, 0),
         comment="80 channels: one 4-vector block and one 1-vector block."),
    fc("fc_k67_n33", 7, 67, 33, comment="K not a multiple of 4, odd N, M not a multiple of the row tile."),
    fc("fc_bias_arg", 13, 64, 100, bias="arg", comment="Run-time bias."),
    fc("fc_m1", 1, 130, 10, comment="Batch 1 (a single row tile)."),
    fc("matmul_const", 13, 67, 70, matmul=True, comment="matmul with constant rhs [K][N]."),
    conv("conv_extremes", 1, 4, 5, 5, 16, 3, 3, pad=(1, 1, 1, 1),
         comment="Random weights over the whole i8 range (with -128)."),
    qconv(),
    qfc(),
    conv("conv_c16_w20", 1, 16, 7, 20, 20, 3, 3, pad=(1, 1, 1, 1),
         comment="C = 16, W = 20: vector input packing with a partial column "
         "block; P = 140 and O = 20 are not multiples of the transpose block."),
    conv("conv_c32_s2_batch2", 2, 32, 9, 17, 16, 3, 3, stride=(2, 2),
         pad=(1, 1, 1, 1), bias="arg",
         comment="Two channel blocks, stride 2, batch 2 (per-image offsets)."),
    conv("conv_c16_nopad", 1, 16, 5, 33, 24, 3, 3,
         comment="No padding: the partial column block (1 column) must not "
         "store past its row."),
  ]


ints = int_cases()
floats = [
    conv("fconv_c3_o17", 1, 3, 9, 9, 17, 3, 3, pad=(1, 1, 1, 1), elt="f32"),
    conv("fconv_stride2", 1, 6, 11, 10, 20, 3, 3, stride=(2, 2), pad=(1, 2, 0, 1),
         bias="arg", elt="f32"),
    fc("ffc", 7, 67, 33, elt="f32"),
    fc("fmatmul", 13, 67, 70, elt="f32", matmul=True),
    conv("fconv_c16_w20", 1, 16, 7, 20, 20, 3, 3, pad=(1, 1, 1, 1), elt="f32"),
    conv("fconv_c32_s2_batch2", 2, 32, 9, 17, 16, 3, 3, stride=(2, 2),
         pad=(1, 1, 1, 1), elt="f32"),
    fc("ffc_m1", 1, 130, 100, elt="f32",
       comment="A GEMV: wider channel groups (6 vectors with 16 registers), "
       "13 or 7 blocks leave a partial group."),
]

with open("test/e2e/kernels.mlir", "w") as f:
    f.write(HEADER % "bit-exactly")
    f.write("\n" + "\n\n".join(ints) + "\n")
HEADER_W7 = """// GENERATED by scripts/make-kernel-tests.py: the integer cases of
// kernels.mlir with 7-bit weights (-64..63), which keep pmaddubsw's i16 pair
// sums exact, so x86 CPUs without VNNI take the pmaddubsw kernels (SSSE3 on
// x86-64-v2, AVX2 on x86-64-v3 / znver2, AVX-512BW emulated for
// skylake-avx512); x86-64 (no SSSE3) keeps pmaddwd. Compared bit-exactly
// with the naive reference (qnn-ref).
// RUN: %%e2e-check %%s %%t --mcpu=x86-64-v2
// RUN: %%e2e-check %%s %%t --mcpu=x86-64-v3
// RUN: %%e2e-check %%s %%t --mcpu=znver2 --weight-block-bytes=512
// RUN: %%e2e-check %%s %%t --mcpu=x86-64-v3 --emulate-cpu=skylake-avx512
"""
W_LO, W_HI = -64, 63
with open("test/e2e/kernels-w7.mlir", "w") as f:
    f.write(HEADER_W7 % ())
    f.write("\n" + "\n\n".join(int_cases()) + "\n")
with open("test/e2e/kernels-float.mlir", "w") as f:
    f.write(HEADER % "within 1e-5 + 1e-5 |ref|")
    f.write("\n" + "\n\n".join(floats) + "\n")
