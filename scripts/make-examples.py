#!/usr/bin/python3
"""Trains the bundled example models on Fashion-MNIST and writes them to
examples/ as ONNX files (run with Debian's python3-torch, python3-onnx and
python3-numpy, and the dataset-fashion-mnist package):

  fmnist-cnn.onnx          float CNN (conv-relu-pool x2, fully connected)
  fmnist-cnn-qdq.onnx      the same, int8 QDQ form (u8 activations with
                           calibrated min/max, s8 per-channel symmetric
                           weights, s32 biases at s_x * s_w)
  fmnist-cnn-qop.onnx      the same, QOperator form (QLinearConv,
                           QLinearMatMul; ReLU is the u8 saturation at zp 0)
  fmnist-bnn-qonnx.onnx    a binarized MLP in QONNX form (BipolarQuant on
                           weights and activations, batch norms), as Brevitas
                           and FINN export it
  fmnist-bnn-ref.npz       the BNN's reference logits on the first 256 test
                           images (QONNX ops have no ONNX Runtime kernel)

Everything is deterministic (fixed seeds, single thread). The models are
small (tens of KB) so they can be committed.
"""

import gzip
import os
import sys

import numpy as np
import onnx
import torch
import torch.nn as nn
import torch.nn.functional as F
from onnx import TensorProto, helper, numpy_helper

DATA = "/usr/share/datasets/fashion-mnist"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "examples")

torch.manual_seed(20261123)
np.random.seed(20261123)
torch.set_num_threads(1)


def load(kind):
    with gzip.open(os.path.join(DATA, "%s-images-idx3-ubyte.gz" % kind)) as f:
        images = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 1, 28, 28)
    with gzip.open(os.path.join(DATA, "%s-labels-idx1-ubyte.gz" % kind)) as f:
        labels = np.frombuffer(f.read(), np.uint8, offset=8)
    return images.astype(np.float32) / 255.0, labels.astype(np.int64)


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 8, 3, padding=1)
        self.bn1 = nn.BatchNorm2d(8)
        self.conv2 = nn.Conv2d(8, 16, 3, padding=1)
        self.bn2 = nn.BatchNorm2d(16)
        self.fc = nn.Linear(16 * 7 * 7, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.bn1(self.conv1(x))), 2)
        x = F.max_pool2d(F.relu(self.bn2(self.conv2(x))), 2)
        return self.fc(torch.flatten(x, 1))


class SignSTE(torch.autograd.Function):
    """sign with sign(0) = +1, straight-through gradient inside [-1, 1]."""

    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return torch.where(x >= 0, torch.ones_like(x), -torch.ones_like(x))

    @staticmethod
    def backward(ctx, g):
        (x,) = ctx.saved_tensors
        return g * (x.abs() <= 1).to(g.dtype)


class BNN(nn.Module):
    """784 -> 128 -> 128 -> 10 with binary weights (alpha = mean|W| per
    output, XNOR-Net) and binary activations after a batch norm."""

    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(784, 128, bias=False)
        self.bn1 = nn.BatchNorm1d(128)
        self.fc2 = nn.Linear(128, 128, bias=False)
        self.bn2 = nn.BatchNorm1d(128)
        self.fc3 = nn.Linear(128, 10, bias=False)

    @staticmethod
    def binw(w):
        alpha = w.abs().mean(dim=1, keepdim=True).detach()
        return SignSTE.apply(w) * alpha

    def forward(self, x):
        x = torch.flatten(x, 1) * 2.0 - 1.0
        x = SignSTE.apply(self.bn1(F.linear(x, self.binw(self.fc1.weight))))
        x = SignSTE.apply(self.bn2(F.linear(x, self.binw(self.fc2.weight))))
        return F.linear(x, self.binw(self.fc3.weight))


def train(model, x, y, epochs, lr):
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    xt, yt = torch.from_numpy(x), torch.from_numpy(y)
    for epoch in range(epochs):
        perm = torch.randperm(len(xt))
        model.train()
        for i in range(0, len(xt), 128):
            idx = perm[i:i + 128]
            loss = F.cross_entropy(model(xt[idx]), yt[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
    model.eval()


def accuracy(model, x, y):
    with torch.no_grad():
        return float((model(torch.from_numpy(x)).argmax(1).numpy() == y).mean())


# --- ONNX helpers -----------------------------------------------------------

def qparams_u8(lo, hi):
    lo, hi = min(lo, 0.0), max(hi, 0.0)
    scale = np.float32((hi - lo) / 255.0) if hi > lo else np.float32(1.0)
    zp = int(np.clip(np.round(-lo / scale), 0, 255))
    return scale, zp


def qweights_s8(w):
    """Symmetric per-output-channel int8 (restricted range -127..127)."""
    flat = w.reshape(w.shape[0], -1)
    scale = (np.abs(flat).max(axis=1) / 127.0).astype(np.float32)
    scale[scale == 0] = 1.0
    q = np.clip(np.rint(flat / scale[:, None]), -127, 127).astype(np.int8)
    return q.reshape(w.shape), scale


def init(name, array):
    return numpy_helper.from_array(np.asarray(array), name)


def export_float(model, path):
    dummy = torch.zeros(1, 1, 28, 28)
    torch.onnx.export(model, dummy, path, input_names=["input"],
                      output_names=["logits"], opset_version=13,
                      do_constant_folding=True)
    m = onnx.load(path)
    onnx.checker.check_model(m)
    return m


def folded_params(model):
    """Conv weights/biases with the batch norms folded in (what the float
    export contains after constant folding)."""
    out = []
    for conv, bn in ((model.conv1, model.bn1), (model.conv2, model.bn2)):
        k = (bn.weight / torch.sqrt(bn.running_var + bn.eps)).detach()
        w = (conv.weight.detach() * k[:, None, None, None]).numpy()
        b = ((conv.bias.detach() - bn.running_mean) * k + bn.bias.detach()).numpy()
        out.append((w.astype(np.float32), b.astype(np.float32)))
    out.append((model.fc.weight.detach().numpy(), model.fc.bias.detach().numpy()))
    return out


def calibrate(model, x):
    """min/max of the network input and of every ReLU / fc output."""
    ranges = {}
    with torch.no_grad():
        t = torch.from_numpy(x)
        ranges["input"] = (float(t.min()), float(t.max()))
        a1 = F.relu(model.bn1(model.conv1(t)))
        ranges["relu1"] = (0.0, float(a1.max()))
        p1 = F.max_pool2d(a1, 2)
        a2 = F.relu(model.bn2(model.conv2(p1)))
        ranges["relu2"] = (0.0, float(a2.max()))
        logits = model.fc(torch.flatten(F.max_pool2d(a2, 2), 1))
        ranges["logits"] = (float(logits.min()), float(logits.max()))
    return ranges


def make_qdq(model, ranges, path):
    (w1, b1), (w2, b2), (w3, b3) = folded_params(model)
    s_in, z_in = qparams_u8(*ranges["input"])
    s1, z1 = qparams_u8(*ranges["relu1"])
    s2, z2 = qparams_u8(*ranges["relu2"])
    nodes, inits = [], []

    def qdq(x, name, s, z):
        inits.extend([init(name + "_s", np.float32(s)), init(name + "_z", np.uint8(z))])
        nodes.append(helper.make_node("QuantizeLinear", [x, name + "_s", name + "_z"], [name + "_q"]))
        nodes.append(helper.make_node("DequantizeLinear", [name + "_q", name + "_s", name + "_z"], [name + "_dq"]))
        return name + "_dq"

    def weight(name, w, b, s_x):
        q, s = qweights_s8(w)
        inits.extend([init(name + "_wq", q), init(name + "_ws", s),
                      init(name + "_wz", np.zeros(len(s), np.int8))])
        nodes.append(helper.make_node("DequantizeLinear", [name + "_wq", name + "_ws", name + "_wz"],
                                      [name + "_w"], axis=0))
        bs = (np.float32(s_x) * s).astype(np.float32)
        bq = np.rint(b / bs).astype(np.int32)
        inits.extend([init(name + "_bq", bq), init(name + "_bs", bs),
                      init(name + "_bz", np.zeros(len(s), np.int32))])
        nodes.append(helper.make_node("DequantizeLinear", [name + "_bq", name + "_bs", name + "_bz"],
                                      [name + "_b"], axis=0))
        return name + "_w", name + "_b"

    x = qdq("input", "x", s_in, z_in)
    w, b = weight("conv1", w1, b1, s_in)
    nodes.append(helper.make_node("Conv", [x, w, b], ["c1"], pads=[1, 1, 1, 1]))
    nodes.append(helper.make_node("Relu", ["c1"], ["r1"]))
    r1 = qdq("r1", "a1", s1, z1)
    nodes.append(helper.make_node("MaxPool", [r1], ["p1"], kernel_shape=[2, 2], strides=[2, 2]))
    p1 = qdq("p1", "m1", s1, z1)
    w, b = weight("conv2", w2, b2, s1)
    nodes.append(helper.make_node("Conv", [p1, w, b], ["c2"], pads=[1, 1, 1, 1]))
    nodes.append(helper.make_node("Relu", ["c2"], ["r2"]))
    r2 = qdq("r2", "a2", s2, z2)
    nodes.append(helper.make_node("MaxPool", [r2], ["p2"], kernel_shape=[2, 2], strides=[2, 2]))
    p2 = qdq("p2", "m2", s2, z2)
    nodes.append(helper.make_node("Flatten", [p2], ["f"], axis=1))
    f = qdq("f", "fl", s2, z2)
    w, b = weight("fc", w3, b3, s2)
    nodes.append(helper.make_node("Gemm", [f, w, b], ["logits"], transB=1))
    graph = helper.make_graph(
        nodes, "fmnist_cnn_qdq",
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, [1, 1, 28, 28])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, [1, 10])], inits)
    m = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    onnx.checker.check_model(m)
    onnx.save(m, path)


def make_qop(model, ranges, path):
    (w1, b1), (w2, b2), (w3, b3) = folded_params(model)
    s_in, z_in = qparams_u8(*ranges["input"])
    s1, z1 = qparams_u8(*ranges["relu1"])
    s2, z2 = qparams_u8(*ranges["relu2"])
    s_o, z_o = qparams_u8(*ranges["logits"])
    nodes, inits = [], []

    def scalar(name, s, z, dtype=np.uint8):
        inits.extend([init(name + "_s", np.float32(s)), init(name + "_z", dtype(z))])
        return name + "_s", name + "_z"

    def qconv(name, x, xs, xz, w, b, ys, yz, out):
        q, s = qweights_s8(w)
        inits.extend([init(name + "_w", q), init(name + "_ws", s),
                      init(name + "_wz", np.zeros(len(s), np.int8)),
                      init(name + "_b", np.rint(b / (np.float32(inits_scale[xs]) * s)).astype(np.int32))])
        nodes.append(helper.make_node("QLinearConv", [x, xs, xz, name + "_w", name + "_ws", name + "_wz",
                                                      ys, yz, name + "_b"], [out], pads=[1, 1, 1, 1]))

    inits_scale = {}
    xs, xz = scalar("x", s_in, z_in)
    inits_scale[xs] = s_in
    a1s, a1z = scalar("a1", s1, z1)
    inits_scale[a1s] = s1
    a2s, a2z = scalar("a2", s2, z2)
    inits_scale[a2s] = s2
    nodes.append(helper.make_node("QuantizeLinear", ["input", xs, xz], ["xq"]))
    # ReLU: u8 outputs with zero point 0 saturate negative values to 0.
    qconv("conv1", "xq", xs, xz, w1, b1, a1s, a1z, "c1")
    nodes.append(helper.make_node("MaxPool", ["c1"], ["p1"], kernel_shape=[2, 2], strides=[2, 2]))
    qconv("conv2", "p1", a1s, a1z, w2, b2, a2s, a2z, "c2")
    nodes.append(helper.make_node("MaxPool", ["c2"], ["p2"], kernel_shape=[2, 2], strides=[2, 2]))
    nodes.append(helper.make_node("Flatten", ["p2"], ["f"], axis=1))
    q, s = qweights_s8(w3)
    inits.extend([init("fc_wt", np.ascontiguousarray(q.T)), init("fc_ws", s),
                  init("fc_wz", np.zeros(len(s), np.int8))])
    os_, oz = scalar("o", s_o, z_o)
    nodes.append(helper.make_node("QLinearMatMul", ["f", a2s, a2z, "fc_wt", "fc_ws", "fc_wz", os_, oz], ["mq"]))
    nodes.append(helper.make_node("DequantizeLinear", ["mq", os_, oz], ["m"]))
    inits.append(init("fc_b", b3.astype(np.float32)))
    nodes.append(helper.make_node("Add", ["m", "fc_b"], ["logits"]))
    graph = helper.make_graph(
        nodes, "fmnist_cnn_qop",
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, [1, 1, 28, 28])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, [1, 10])], inits)
    m = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    onnx.checker.check_model(m)
    onnx.save(m, path)


def make_qonnx_bnn(model, path):
    """QONNX form: BipolarQuant(x, scale) = scale * (x >= 0 ? 1 : -1)."""
    dom = "qonnx.custom_op.general"
    nodes, inits = [], []
    inits.append(init("two", np.float32(2.0)))
    inits.append(init("one", np.float32(1.0)))
    inits.append(init("shape", np.array([1, 784], np.int64)))
    nodes.append(helper.make_node("Reshape", ["input", "shape"], ["flat"]))
    nodes.append(helper.make_node("Mul", ["flat", "two"], ["x2"]))
    nodes.append(helper.make_node("Sub", ["x2", "one"], ["x"]))
    prev = "x"
    layers = [(model.fc1, model.bn1), (model.fc2, model.bn2), (model.fc3, None)]
    for i, (fc, bn) in enumerate(layers):
        w = fc.weight.detach().numpy()
        alpha = np.abs(w).mean(axis=1).astype(np.float32)
        inits.append(init("w%d" % i, np.ascontiguousarray(w.T)))
        inits.append(init("alpha%d" % i, alpha[None, :]))
        nodes.append(helper.make_node("BipolarQuant", ["w%d" % i, "alpha%d" % i], ["wb%d" % i], domain=dom))
        nodes.append(helper.make_node("MatMul", [prev, "wb%d" % i], ["y%d" % i]))
        prev = "y%d" % i
        if bn is None:
            break
        inits.extend([init("g%d" % i, bn.weight.detach().numpy()),
                      init("b%d" % i, bn.bias.detach().numpy()),
                      init("m%d" % i, bn.running_mean.numpy()),
                      init("v%d" % i, bn.running_var.numpy())])
        nodes.append(helper.make_node("BatchNormalization", [prev, "g%d" % i, "b%d" % i, "m%d" % i, "v%d" % i],
                                      ["n%d" % i], epsilon=bn.eps))
        nodes.append(helper.make_node("BipolarQuant", ["n%d" % i, "one"], ["s%d" % i], domain=dom))
        prev = "s%d" % i
    nodes.append(helper.make_node("Identity", [prev], ["logits"]))
    graph = helper.make_graph(
        nodes, "fmnist_bnn_qonnx",
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, [1, 1, 28, 28])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, [1, 10])], inits)
    m = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13),
                                                helper.make_opsetid(dom, 1)])
    onnx.save(m, path)


def main():
    xtr, ytr = load("train")
    xte, yte = load("t10k")
    cnn = CNN()
    train(cnn, xtr[:30000], ytr[:30000], epochs=2, lr=2e-3)
    print("cnn float accuracy (10k test): %.4f" % accuracy(cnn, xte, yte))
    export_float(cnn, os.path.join(OUT, "fmnist-cnn.onnx"))
    ranges = calibrate(cnn, xtr[:512])
    make_qdq(cnn, ranges, os.path.join(OUT, "fmnist-cnn-qdq.onnx"))
    make_qop(cnn, ranges, os.path.join(OUT, "fmnist-cnn-qop.onnx"))

    bnn = BNN()
    train(bnn, xtr[:30000], ytr[:30000], epochs=3, lr=1e-3)
    print("bnn accuracy (10k test): %.4f" % accuracy(bnn, xte, yte))
    make_qonnx_bnn(bnn, os.path.join(OUT, "fmnist-bnn-qonnx.onnx"))
    with torch.no_grad():
        ref = bnn(torch.from_numpy(xte[:256])).numpy()
    np.savez_compressed(os.path.join(OUT, "fmnist-bnn-ref.npz"),
                        images=(xte[:256] * 255).astype(np.uint8), logits=ref)
    return 0


if __name__ == "__main__":
    sys.exit(main())
