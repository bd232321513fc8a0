#!/usr/bin/env python3
"""Writes examples/cnn-float.mlir: a small float CNN for 1x28x28 images
(Fashion-MNIST shape) in the qnn dialect, with batch norms, ReLU/ReLU6, max
pooling, a concat of two branches, global average pooling and a fully
connected classifier. Weights are deterministic pseudo-random values (fixed
seed, plain Python): the model exercises the compiler, it is not trained.
"""

import random
import sys

rng = random.Random(20261123)


def tensor(shape, scale=0.5, lo=None):
    n = 1
    for d in shape:
        n *= d
    if lo is not None:
        vals = [rng.uniform(lo, lo + scale) for _ in range(n)]
    else:
        vals = [rng.gauss(0.0, scale) for _ in range(n)]

    def nest(vals, shape):
        if len(shape) == 1:
            return "[" + ", ".join("%.6g" % v for v in vals) + "]"
        step = len(vals) // shape[0]
        return "[" + ", ".join(nest(vals[i * step:(i + 1) * step], shape[1:])
                               for i in range(shape[0])) + "]"

    ty = "tensor<%sxf32>" % "x".join(str(d) for d in shape)
    return "arith.constant dense<%s> : %s" % (nest(vals, shape), ty), ty


lines = []
counter = [0]


def const(name, shape, **kw):
    text, ty = tensor(shape, **kw)
    lines.append("    %%%s = %s" % (name, text))
    return "%" + name, ty


def bn(x, xty, c):
    g, gt = const("g%d" % counter[0], [c], scale=0.5, lo=0.75)
    b, _ = const("b%d" % counter[0], [c], scale=0.1)
    m, _ = const("m%d" % counter[0], [c], scale=0.2)
    v, _ = const("v%d" % counter[0], [c], scale=0.5, lo=0.5)
    counter[0] += 1
    name = "%%bn%d" % counter[0]
    lines.append("    %s = qnn.batch_norm %s, %s, %s, %s, %s {epsilon = 1.0e-05 : f32}"
                 " : (%s, %s, %s, %s, %s) -> %s" % (name, x, g, b, m, v, xty, gt, gt, gt, gt, xty))
    return name


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "examples/cnn-float.mlir"
    w1, w1t = const("w1", [8, 1, 3, 3], scale=0.4)
    b1, b1t = const("bias1", [8], scale=0.05)
    w2, w2t = const("w2", [16, 8, 3, 3], scale=0.15)
    w3, w3t = const("w3", [8, 8, 1, 1], scale=0.3)
    b3, b3t = const("bias3", [8], scale=0.05)
    wf, wft = const("wfc", [10, 24], scale=0.3)
    bf, bft = const("bfc", [10], scale=0.05)
    t1 = "tensor<1x8x28x28xf32>"
    lines.append("    %%c1 = qnn.conv2d %%x, %s, %s {padding = array<i64: 1, 1, 1, 1>}"
                 " : (tensor<1x1x28x28xf32>, %s, %s) -> %s" % (w1, b1, w1t, b1t, t1))
    n1 = bn("%c1", t1, 8)
    lines.append("    %%r1 = qnn.clamp %s {min = 0.0 : f32, max = 6.0 : f32} : %s" % (n1, t1))
    t1p = "tensor<1x8x14x14xf32>"
    lines.append("    %%p1 = qnn.max_pool2d %%r1 {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>}"
                 " : %s -> %s" % (t1, t1p))
    t2 = "tensor<1x16x14x14xf32>"
    lines.append("    %%c2 = qnn.conv2d %%p1, %s {padding = array<i64: 1, 1, 1, 1>}"
                 " : (%s, %s) -> %s" % (w2, t1p, w2t, t2))
    n2 = bn("%c2", t2, 16)
    lines.append("    %%r2 = qnn.clamp %s {min = 0.0 : f32, max = 0x7F800000 : f32} : %s" % (n2, t2))
    lines.append("    %%c3 = qnn.conv2d %%p1, %s, %s : (%s, %s, %s) -> %s" % (w3, b3, t1p, w3t, b3t, t1p))
    lines.append("    %%r3 = qnn.clamp %%c3 {min = 0.0 : f32, max = 0x7F800000 : f32} : %s" % t1p)
    t4 = "tensor<1x24x14x14xf32>"
    lines.append("    %%cat = qnn.concat %%r2, %%r3 {axis = 1 : i64} : (%s, %s) -> %s" % (t2, t1p, t4))
    t4p = "tensor<1x24x7x7xf32>"
    lines.append("    %%p2 = qnn.max_pool2d %%cat {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>}"
                 " : %s -> %s" % (t4, t4p))
    lines.append("    %%gap = qnn.global_avg_pool %%p2 : %s -> tensor<1x24x1x1xf32>" % t4p)
    lines.append("    %flat = qnn.reshape %gap : tensor<1x24x1x1xf32> -> tensor<1x24xf32>")
    lines.append("    %%fc = qnn.fully_connected %%flat, %s, %s : (tensor<1x24xf32>, %s, %s) -> tensor<1x10xf32>"
                 % (wf, bf, wft, bft))
    lines.append("    %prob = qnn.softmax %fc {axis = 1 : i64} : tensor<1x10xf32> -> tensor<1x10xf32>")
    lines.append("    return %prob : tensor<1x10xf32>")
    with open(out, "w") as f:
        f.write("// A small float CNN for 1x28x28 inputs (Fashion-MNIST shape), written by\n")
        f.write("// scripts/make-example.py with deterministic untrained weights.\n")
        f.write("module {\n  func.func @cnn(%x: tensor<1x1x28x28xf32>) -> tensor<1x10xf32> {\n")
        f.write("\n".join(lines))
        f.write("\n  }\n}\n")


main()
