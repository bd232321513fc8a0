#!/usr/bin/python3
"""Writes the small ONNX models of the importer tests.

Generates test/Target/ONNX/Inputs/*.onnx (valid models: float CNN ops,
shape and elementwise ops, QDQ, QOperator, integer ops, integer
arithmetic, 1-D/3-D pooling and pad modes, QONNX, per-axis
dequantization, external data, sequence and optional inputs, an empty
MatMul) and test/Target/ONNX/Inputs/bad/*.onnx (the bad-input corpus,
with the malformed models that crashed ONNX or the importer). The output
is deterministic (fixed seeds, fixed IR version and producer), so
rerunning it leaves the committed files unchanged. Needs the Debian
packages python3-onnx and python3-numpy:

    /usr/bin/python3 scripts/make-onnx-test-models.py
"""

import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "test", "Target", "ONNX", "Inputs")
BAD = os.path.join(OUT, "bad")
QONNX = "qonnx.custom_op.general"
FINN = "finn.custom_op.general"


def rng(seed):
    return np.random.RandomState(seed)


def init(name, array):
    return numpy_helper.from_array(np.asarray(array), name)


def vinfo(name, elem, shape):
    return helper.make_tensor_value_info(name, elem, shape)


def model(nodes, inputs, outputs, inits, opset=13, domains=()):
    graph = helper.make_graph(nodes, "g", inputs, outputs, inits)
    opsets = [helper.make_opsetid("", opset)]
    opsets += [helper.make_opsetid(d, 1) for d in domains]
    m = helper.make_model(graph, opset_imports=opsets,
                          producer_name="quant-mlir-tests")
    m.ir_version = 8
    return m


def save(m, name, directory=OUT, check=True):
    if check:
        onnx.checker.check_model(m)
    onnx.save(m, os.path.join(directory, name))


def node(op, inputs, outputs, name, domain="", **attrs):
    return helper.make_node(op, inputs, outputs, name=name, domain=domain,
                            **attrs)


def f32(a):
    return np.asarray(a, dtype=np.float32)


# --- Valid models ---------------------------------------------------------

def cnn_float():
    """Conv/BN/ReLU/pools/Clip/Gemm/Softmax with a symbolic batch."""
    r = rng(1)
    inits = [
        init("w1", f32(r.randn(4, 3, 3, 3) * 0.2)),
        init("b1", f32(r.randn(4) * 0.1)),
        init("bn_scale", f32(r.rand(4) + 0.5)),
        init("bn_bias", f32(r.randn(4) * 0.1)),
        init("bn_mean", f32(r.randn(4) * 0.1)),
        init("bn_var", f32(r.rand(4) + 0.5)),
        init("wdw", f32(r.randn(8, 1, 3, 3) * 0.2)),
        init("clip_min", f32(0.0)),
        init("clip_max", f32(6.0)),
        init("wfc", f32(r.randn(10, 8) * 0.2)),
        init("bfc", f32(r.randn(10) * 0.1)),
    ]
    nodes = [
        node("Conv", ["x", "w1", "b1"], ["c1"], "conv1", pads=[1, 1, 1, 1]),
        node("BatchNormalization",
             ["c1", "bn_scale", "bn_bias", "bn_mean", "bn_var"], ["n1"],
             "bn1", epsilon=1e-3),
        node("Relu", ["n1"], ["r1"], "relu1"),
        node("MaxPool", ["r1"], ["p1"], "pool1", kernel_shape=[2, 2],
             strides=[2, 2]),
        node("Conv", ["p1", "wdw"], ["c2"], "dwconv", group=4,
             auto_pad="SAME_UPPER", strides=[2, 2]),
        node("Clip", ["c2", "clip_min", "clip_max"], ["r2"], "relu6"),
        node("AveragePool", ["r2"], ["p2"], "avgpool", kernel_shape=[3, 3],
             pads=[1, 1, 1, 1], count_include_pad=1),
        node("GlobalAveragePool", ["p2"], ["g"], "gap"),
        node("Flatten", ["g"], ["f"], "flatten"),
        node("Gemm", ["f", "wfc", "bfc"], ["logits"], "fc", transB=1),
        node("Softmax", ["logits"], ["probs"], "softmax"),
    ]
    m = model(nodes, [vinfo("x", TensorProto.FLOAT, ["N", 3, 8, 8])],
              [vinfo("probs", TensorProto.FLOAT, ["N", 10])], inits)
    save(m, "cnn-float.onnx")


def conv_variants():
    """auto_pad modes, dilations, asymmetric pads and grouped convs."""
    r = rng(2)
    inits = [
        init("w", f32(r.randn(2, 2, 3, 3) * 0.2)),
        init("wg", f32(r.randn(4, 1, 2, 2) * 0.2)),
    ]
    nodes = [
        node("Conv", ["x", "w"], ["valid"], "valid", auto_pad="VALID"),
        node("Conv", ["x", "w"], ["same_lower"], "same_lower",
             auto_pad="SAME_LOWER", strides=[2, 2]),
        node("Conv", ["x", "w"], ["dilated"], "dilated", dilations=[2, 2],
             pads=[0, 1, 2, 1]),
        node("Conv", ["x", "wg"], ["grouped"], "grouped", group=2,
             kernel_shape=[2, 2], strides=[1, 2]),
    ]
    outs = [vinfo("valid", TensorProto.FLOAT, [1, 2, 5, 5]),
            vinfo("same_lower", TensorProto.FLOAT, [1, 2, 4, 4]),
            vinfo("dilated", TensorProto.FLOAT, [1, 2, 5, 5]),
            vinfo("grouped", TensorProto.FLOAT, [1, 4, 6, 3])]
    m = model(nodes, [vinfo("x", TensorProto.FLOAT, [1, 2, 7, 7])], outs,
              inits)
    save(m, "conv-variants.onnx")


def shape_ops():
    """Transpose, Reshape, Unsqueeze/Squeeze, Concat, Pad, Identity and a
    Constant node, at opset 13 (axes and pads as inputs)."""
    nodes = [
        node("Transpose", ["x"], ["t"], "transpose", perm=[0, 2, 1]),
        node("Constant", [], ["shape"], "shape_const",
             value=init("shape_v", np.array([1, -1], dtype=np.int64))),
        node("Reshape", ["t", "shape"], ["flat"], "reshape"),
        node("Unsqueeze", ["flat", "axes1"], ["u"], "unsqueeze"),
        node("Squeeze", ["u", "axes1"], ["s"], "squeeze"),
        node("Constant", [], ["extra"], "extra_const",
             value_floats=[1.0, 2.0, 3.0, 4.0]),
        node("Unsqueeze", ["extra", "axes0"], ["extra2"], "unsqueeze0"),
        node("Concat", ["s", "extra2"], ["cat"], "concat", axis=1),
        node("Pad", ["cat", "pads", "pad_value"], ["padded"], "pad"),
        node("Identity", ["padded"], ["y"], "identity"),
    ]
    inits = [
        init("axes1", np.array([1], dtype=np.int64)),
        init("axes0", np.array([0], dtype=np.int64)),
        init("pads", np.array([0, 1, 0, 2], dtype=np.int64)),
        init("pad_value", f32(-1.5)),
    ]
    m = model(nodes, [vinfo("x", TensorProto.FLOAT, [1, 4, 6])],
              [vinfo("y", TensorProto.FLOAT, [1, 31])], inits)
    save(m, "shape-ops.onnx")


def elementwise_ops():
    """Add/Mul/Sub/Div with broadcasting, LeakyRelu, Sigmoid, Sign, MatMul
    with a 1-D operand and Gemm with transA, alpha and beta."""
    r = rng(3)
    inits = [
        init("bias", f32(r.randn(4))),
        init("gain", f32(r.rand(3, 1) + 0.5)),
        init("divisor", f32([2.0, 4.0, 8.0, 16.0])),
        init("v", f32(r.randn(4))),
        init("gw", f32(r.randn(4, 5) * 0.3)),
        init("gc", f32(r.randn(5))),
    ]
    nodes = [
        node("Add", ["a", "bias"], ["add"], "add"),
        node("Mul", ["add", "gain"], ["mul"], "mul"),
        node("Sub", ["mul", "a"], ["sub"], "sub"),
        node("Div", ["sub", "divisor"], ["div"], "div"),
        node("LeakyRelu", ["div"], ["lrelu"], "lrelu", alpha=0.2),
        node("Sigmoid", ["lrelu"], ["sig"], "sigmoid"),
        node("Sign", ["sig"], ["sign"], "sign"),
        node("MatMul", ["sign", "v"], ["mv"], "matvec"),
        node("Gemm", ["at", "gw", "gc"], ["gemm"], "gemm", transA=1,
             alpha=0.5, beta=2.0),
    ]
    m = model(nodes, [vinfo("a", TensorProto.FLOAT, [3, 4]),
                      vinfo("at", TensorProto.FLOAT, [4, 3])],
              [vinfo("mv", TensorProto.FLOAT, [3]),
               vinfo("gemm", TensorProto.FLOAT, [3, 5])], inits)
    save(m, "elementwise-ops.onnx")


def qdq_conv():
    """QDQ: activations quantized per tensor (uint8), weights per output
    channel (int8), the bias as int32 with scale x_scale * w_scale."""
    r = rng(4)
    w = r.randn(4, 3, 3, 3) * 0.3
    w_scale = f32(np.abs(w).reshape(4, -1).max(axis=1) / 127)
    w_q = np.clip(np.round(w / w_scale.reshape(4, 1, 1, 1)), -127, 127)
    x_scale = f32(0.02)
    b = r.randn(4) * 0.1
    b_scale = f32(x_scale * w_scale)
    inits = [
        init("x_scale", x_scale),
        init("x_zp", np.uint8(128)),
        init("w_q", w_q.astype(np.int8)),
        init("w_scale", w_scale),
        init("w_zp", np.zeros(4, dtype=np.int8)),
        init("b_q", np.round(b / b_scale).astype(np.int32)),
        init("b_scale", b_scale),
        init("y_scale", f32(0.05)),
        init("y_zp", np.uint8(0)),
    ]
    nodes = [
        node("QuantizeLinear", ["x", "x_scale", "x_zp"], ["xq"], "x_q"),
        node("DequantizeLinear", ["xq", "x_scale", "x_zp"], ["xd"], "x_dq"),
        node("DequantizeLinear", ["w_q", "w_scale", "w_zp"], ["wd"], "w_dq",
             axis=0),
        node("DequantizeLinear", ["b_q", "b_scale"], ["bd"], "b_dq", axis=0),
        node("Conv", ["xd", "wd", "bd"], ["c"], "conv", pads=[1, 1, 1, 1]),
        node("Relu", ["c"], ["r"], "relu"),
        node("QuantizeLinear", ["r", "y_scale", "y_zp"], ["yq"], "y_q"),
        node("DequantizeLinear", ["yq", "y_scale", "y_zp"], ["y"], "y_dq"),
    ]
    m = model(nodes, [vinfo("x", TensorProto.FLOAT, [1, 3, 6, 6])],
              [vinfo("y", TensorProto.FLOAT, [1, 4, 6, 6])], inits)
    save(m, "qdq-conv.onnx")


def qlinear_ops():
    """QOperator: QLinearConv (per-channel int8 weights, int32 bias),
    MaxPool and Flatten on the quantized tensor, QLinearMatMul with a
    per-column b, DequantizeLinear; the raw uint8 result is an output too."""
    r = rng(5)
    inits = [
        init("x_scale", f32(0.02)), init("x_zp", np.uint8(100)),
        init("w", r.randint(-100, 100, (3, 2, 3, 3)).astype(np.int8)),
        init("w_scale", f32([0.01, 0.02, 0.005])),
        init("w_zp", np.zeros(3, dtype=np.int8)),
        init("c_scale", f32(0.1)), init("c_zp", np.uint8(10)),
        init("bias", r.randint(-500, 500, 3).astype(np.int32)),
        init("b", r.randint(0, 255, (12, 5)).astype(np.uint8)),
        init("b_scale", f32([0.01, 0.02, 0.03, 0.04, 0.05])),
        init("b_zp", np.full(5, 128, dtype=np.uint8)),
        init("y_scale", f32(0.25)), init("y_zp", np.uint8(3)),
    ]
    nodes = [
        node("QLinearConv", ["x", "x_scale", "x_zp", "w", "w_scale", "w_zp",
                             "c_scale", "c_zp", "bias"], ["c"], "qconv",
             pads=[1, 1, 1, 1]),
        node("MaxPool", ["c"], ["p"], "pool", kernel_shape=[2, 2],
             strides=[2, 2]),
        node("Flatten", ["p"], ["f"], "flatten"),
        node("QLinearMatMul", ["f", "c_scale", "c_zp", "b", "b_scale", "b_zp",
                               "y_scale", "y_zp"], ["yq"], "qmatmul"),
        node("DequantizeLinear", ["yq", "y_scale", "y_zp"], ["y"], "dq"),
    ]
    m = model(nodes, [vinfo("x", TensorProto.UINT8, [1, 2, 4, 4])],
              [vinfo("y", TensorProto.FLOAT, [1, 5]),
               vinfo("yq", TensorProto.UINT8, [1, 5])], inits)
    save(m, "qlinear-ops.onnx")


def qlinear_matmul_per_row():
    """QLinearMatMul with a per-row scale of a: no qnn.matmul form, so the
    importer dequantizes, multiplies in float and quantizes."""
    inits = [
        init("a_scale", f32([0.1, 0.2])), init("a_zp", np.uint8([1, 2])),
        init("b", np.arange(12, dtype=np.uint8).reshape(4, 3)),
        init("b_scale", f32(0.5)), init("b_zp", np.uint8(0)),
        init("y_scale", f32(1.0)), init("y_zp", np.uint8(0)),
    ]
    nodes = [node("QLinearMatMul", ["a", "a_scale", "a_zp", "b", "b_scale",
                                    "b_zp", "y_scale", "y_zp"], ["y"],
                  "per_row")]
    m = model(nodes, [vinfo("a", TensorProto.UINT8, [2, 4])],
              [vinfo("y", TensorProto.UINT8, [2, 3])], inits, opset=10)
    save(m, "qlinear-matmul-per-row.onnx")


def integer_ops():
    """ConvInteger with per-channel weight zero points, MatMulInteger with a
    per-row zero point of a that is one value and a per-column zero point
    of b."""
    r = rng(6)
    inits = [
        init("w", r.randint(0, 255, (2, 1, 3, 3)).astype(np.uint8)),
        init("x_zp", np.uint8(7)),
        init("w_zp", np.uint8([120, 130])),
        init("b", r.randint(-128, 127, (4, 2)).astype(np.int8)),
        init("a_zp", np.int8([-3, -3, -3])),  # per row, one value
        init("b_zp", np.int8([1, -1])),
    ]
    nodes = [
        node("ConvInteger", ["x", "w", "x_zp", "w_zp"], ["c"], "convint",
             pads=[1, 1, 1, 1]),
        node("MatMulInteger", ["a", "b", "a_zp", "b_zp"], ["m"], "matmulint"),
    ]
    m = model(nodes, [vinfo("x", TensorProto.UINT8, [1, 1, 5, 5]),
                      vinfo("a", TensorProto.INT8, [3, 4])],
              [vinfo("c", TensorProto.INT32, [1, 2, 5, 5]),
               vinfo("m", TensorProto.INT32, [3, 2])], inits)
    save(m, "integer-ops.onnx")


def integer_arith():
    """Add/Sub/Mul/Div/Clip on plain integer tensors: uint8 with
    broadcasting and bounds, int32 division by a negative constant and a
    Clip with only a max bound."""
    inits = [
        init("d", np.uint8([1, 7, 255])),
        init("lo", np.uint8(10)),
        init("hi", np.uint8(200)),
        init("neg", np.int32([-3])),
        init("top", np.int32(7)),
    ]
    nodes = [
        node("Add", ["a", "b"], ["sum"], "add"),
        node("Sub", ["sum", "b"], ["diff"], "sub"),
        node("Mul", ["diff", "a"], ["prod"], "mul"),
        node("Div", ["prod", "d"], ["quot"], "div"),
        node("Clip", ["quot", "lo", "hi"], ["clip"], "clip"),
        node("Div", ["c", "neg"], ["cq"], "divs"),
        node("Clip", ["cq", "", "top"], ["cclip"], "clips"),
    ]
    m = model(nodes, [vinfo("a", TensorProto.UINT8, [2, 3]),
                      vinfo("b", TensorProto.UINT8, [3]),
                      vinfo("c", TensorProto.INT32, [2, 3])],
              [vinfo("clip", TensorProto.UINT8, [2, 3]),
               vinfo("cclip", TensorProto.INT32, [2, 3])], inits, opset=14)
    save(m, "integer-arith.onnx")


def pool_pad():
    """1-D and 3-D pooling with pads, strides and ceil mode, MaxPool with
    its Indices output (storage_order 1), edge and reflect Pad, and
    BatchNormalization in training mode."""
    r = rng(8)
    inits = [
        init("pads", np.array([0, 0, 1, 2, 0, 0, 2, 1], dtype=np.int64)),
        init("s", f32(r.rand(3) + 0.5)),
        init("bias", f32(r.randn(3))),
        init("mean", f32(r.randn(3))),
        init("var", f32(r.rand(3) + 0.5)),
    ]
    nodes = [
        node("MaxPool", ["x1"], ["m1"], "max1d", kernel_shape=[3],
             strides=[2], pads=[1, 1]),
        node("AveragePool", ["x3"], ["a3"], "avg3d", kernel_shape=[2, 3, 2],
             strides=[2, 1, 2], pads=[1, 0, 1, 0, 1, 0], ceil_mode=1),
        node("MaxPool", ["x"], ["mp", "idx"], "argmax", kernel_shape=[2, 2],
             strides=[2, 2], storage_order=1),
        node("Pad", ["x", "pads"], ["edge"], "edge", mode="edge"),
        node("Pad", ["x", "pads"], ["reflect"], "reflect", mode="reflect"),
        node("BatchNormalization", ["x", "s", "bias", "mean", "var"],
             ["bn", "rmean", "rvar"], "bn", training_mode=1, momentum=0.8),
    ]
    m = model(nodes, [vinfo("x1", TensorProto.FLOAT, [1, 2, 9]),
                      vinfo("x3", TensorProto.FLOAT, [1, 2, 5, 4, 6]),
                      vinfo("x", TensorProto.FLOAT, [2, 3, 4, 5])],
              [vinfo("m1", TensorProto.FLOAT, [1, 2, 5]),
               vinfo("a3", TensorProto.FLOAT, [1, 2, 3, 3, 4]),
               vinfo("mp", TensorProto.FLOAT, [2, 3, 2, 2]),
               vinfo("idx", TensorProto.INT64, [2, 3, 2, 2]),
               vinfo("edge", TensorProto.FLOAT, [2, 3, 7, 8]),
               vinfo("reflect", TensorProto.FLOAT, [2, 3, 7, 8]),
               vinfo("bn", TensorProto.FLOAT, [2, 3, 4, 5]),
               vinfo("rmean", TensorProto.FLOAT, [3]),
               vinfo("rvar", TensorProto.FLOAT, [3])], inits, opset=15)
    save(m, "pool-pad.onnx")


def qonnx_ops():
    """QONNX: 4-bit unsigned activations, 3-bit narrow signed per-channel
    weights, BipolarQuant per tensor (qonnx domain) and per channel (finn
    domain)."""
    r = rng(7)
    inits = [
        init("a_scale", f32(0.125)), init("a_zp", f32(0.0)),
        init("a_bits", f32(4.0)),
        init("w", f32(r.randn(2, 3, 1, 1))),
        init("w_scale", f32([0.5, 0.25]).reshape(2, 1, 1, 1)),
        init("w_zp", f32(0.0)), init("w_bits", f32(3.0)),
        init("one", f32(1.0)),
        init("ch_scale", f32([0.5, 2.0]).reshape(1, 2, 1, 1)),
    ]
    nodes = [
        node("Quant", ["x", "a_scale", "a_zp", "a_bits"], ["xq"], "act_quant",
             domain=QONNX, signed=0, narrow=0, rounding_mode="ROUND"),
        node("Quant", ["w", "w_scale", "w_zp", "w_bits"], ["wq"],
             "weight_quant", domain=QONNX, signed=1, narrow=1),
        node("Conv", ["xq", "wq"], ["c"], "conv"),
        node("BipolarQuant", ["c", "one"], ["bin"], "binarize",
             domain=QONNX),
        node("BipolarQuant", ["c", "ch_scale"], ["bin_ch"], "binarize_ch",
             domain=FINN),
    ]
    m = model(nodes, [vinfo("x", TensorProto.FLOAT, [1, 3, 4, 4])],
              [vinfo("bin", TensorProto.FLOAT, [1, 2, 4, 4]),
               vinfo("bin_ch", TensorProto.FLOAT, [1, 2, 4, 4])], inits,
              domains=(QONNX, FINN))
    save(m, "qonnx-ops.onnx")


def dequant_axis():
    """Per-axis DequantizeLinear of int8 weights (axis 0) and of a graph
    input (axis 1), QuantizeLinear with a negative axis."""
    inits = [
        init("w", np.arange(-6, 6, dtype=np.int8).reshape(4, 3)),
        init("w_scale", f32([0.5, 0.25, 0.125, 1.0])),
        init("w_zp", np.int8([0, 1, -1, 2])),
        init("s", f32([1.0, 2.0, 4.0])),
        init("zp", np.uint8([0, 128, 255])),
    ]
    nodes = [
        node("DequantizeLinear", ["w", "w_scale", "w_zp"], ["wd"], "w_dq",
             axis=0),
        node("DequantizeLinear", ["xq", "s", "zp"], ["xd"], "x_dq", axis=1),
        node("QuantizeLinear", ["xd", "s", "zp"], ["xr"], "x_q", axis=-1),
    ]
    m = model(nodes, [vinfo("xq", TensorProto.UINT8, [2, 3])],
              [vinfo("wd", TensorProto.FLOAT, [4, 3]),
               vinfo("xr", TensorProto.UINT8, [2, 3])], inits)
    save(m, "dequant-axis.onnx")


def external_data():
    """A weight stored in an external data file next to the model."""
    w = init("w", f32(np.arange(8).reshape(2, 4)))
    nodes = [node("MatMul", ["x", "w"], ["y"], "matmul")]
    m = model(nodes, [vinfo("x", TensorProto.FLOAT, [1, 2])],
              [vinfo("y", TensorProto.FLOAT, [1, 4])], [w])
    onnx.checker.check_model(m)
    # save_model appends to an existing data file: start from scratch.
    data_file = os.path.join(OUT, "external-data.bin")
    if os.path.exists(data_file):
        os.remove(data_file)
    onnx.save_model(m, os.path.join(OUT, "external-data.onnx"),
                    save_as_external_data=True,
                    all_tensors_to_one_file=True,
                    location="external-data.bin", size_threshold=0)


def sequence_optional():
    """Identity over a sequence of uint8 tensors of unknown shape and over
    an optional float tensor (compiled as present), and a Relu of a tensor
    with a dynamic non-batch dimension: --input-shape sizes them."""
    seq = helper.make_tensor_sequence_value_info("s", TensorProto.UINT8,
                                                 None)
    seq_out = helper.make_tensor_sequence_value_info("s_out",
                                                     TensorProto.UINT8, None)
    opt = helper.make_value_info("o", helper.make_optional_type_proto(
        helper.make_tensor_type_proto(TensorProto.FLOAT, [2, 3])))
    opt_out = helper.make_value_info("o_out", helper.make_optional_type_proto(
        helper.make_tensor_type_proto(TensorProto.FLOAT, [2, 3])))
    save(model([node("Identity", ["s"], ["s_out"], "seq_id"),
                node("Identity", ["o"], ["o_out"], "opt_id"),
                node("Relu", ["x"], ["y"], "relu")],
               [seq, opt, vinfo("x", TensorProto.FLOAT, ["N", "C", 4])],
               [seq_out, opt_out, vinfo("y", TensorProto.FLOAT,
                                        ["N", "C", 4])], [], opset=16),
         "sequence-optional.onnx")


# --- Bad inputs -------------------------------------------------------------

def does_not_parse(data):
    """True if protobuf rejects `data` as a ModelProto (partial parses,
    reported as warnings, count as accepted)."""
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            onnx.ModelProto().ParseFromString(data)
        except Exception:  # DecodeError, or a warning turned error
            return True
    return False


def bad_models():
    good = open(os.path.join(OUT, "cnn-float.onnx"), "rb").read()
    # Truncated: cut inside a field so that parsing fails.
    cut = len(good) // 2
    while not does_not_parse(good[:cut]):
        cut -= 1
    open(os.path.join(BAD, "truncated.onnx"), "wb").write(good[:cut])
    seed = 0
    while True:
        data = rng(seed).randint(0, 256, 512).astype(np.uint8).tobytes()
        if does_not_parse(data):
            break
        seed += 1
    open(os.path.join(BAD, "random.onnx"), "wb").write(data)

    x = [vinfo("x", TensorProto.FLOAT, [1, 2, 4, 4])]
    y = [vinfo("y", TensorProto.FLOAT, ["d0", "d1", "d2", "d3"])]
    save(model([node("Tanh", ["x"], ["y"], "act")], x, y, []),
         "unsupported-op.onnx", BAD)
    save(model([node("Conv", ["x", "W"], ["y"], "conv1")], x, y, []),
         "missing-initializer.onnx", BAD, check=False)
    save(model([node("QuantizeLinear", ["x", "s", "zp"], ["q"], "quant"),
                node("DequantizeLinear", ["q", "s", "zp"], ["y"], "dequant")],
               x, y, [init("s", f32(0.0)), init("zp", np.uint8(0))]),
         "zero-scale.onnx", BAD)
    save(model([node("DequantizeLinear", ["xq", "s", "zp"], ["y"], "dq")],
               [vinfo("xq", TensorProto.INT8, [4])],
               [vinfo("y", TensorProto.FLOAT, [4])],
               [init("s", f32(0.5)), init("zp", np.uint8(3))]),
         "wrong-zero-point-type.onnx", BAD)
    save(model([node("QuantizeLinear", ["x", "s"], ["y"], "quant")],
               x + [vinfo("s", TensorProto.FLOAT, [])],
               [vinfo("y", TensorProto.UINT8, [1, 2, 4, 4])], []),
         "non-constant-scale.onnx", BAD)
    # Reflect pads must be smaller than the dimension (4 here).
    save(model([node("Pad", ["x", "pads"], ["y"], "pad", mode="reflect")], x,
               [vinfo("y", TensorProto.FLOAT, [1, 2, 12, 12])],
               [init("pads", np.array([0, 0, 4, 4, 0, 0, 4, 4],
                                      dtype=np.int64))]),
         "pad-reflect.onnx", BAD)
    # MaxPool Indices of a 3-D window (only 2-D windows have them).
    save(model([node("MaxPool", ["x3"], ["y3", "i3"], "pool3d",
                     kernel_shape=[2, 2, 2])],
               [vinfo("x3", TensorProto.FLOAT, [1, 1, 4, 4, 4])],
               [vinfo("y3", TensorProto.FLOAT, [1, 1, 3, 3, 3]),
                vinfo("i3", TensorProto.INT64, [1, 1, 3, 3, 3])], []),
         "maxpool-indices-3d.onnx", BAD)
    save(model([node("Quant", ["x", "s", "z", "b"], ["y"], "q4",
                     domain=QONNX, rounding_mode="FLOOR")], x, y,
               [init("s", f32(0.1)), init("z", f32(0)), init("b", f32(4))],
               domains=(QONNX,)),
         "quant-rounding.onnx", BAD)
    save(model([node("Relu", ["x"], ["y"], "relu")],
               [vinfo("x", TensorProto.FLOAT, [1, "C", 4])], y, []),
         "dynamic-dim.onnx", BAD)
    save(model([node("MatMulInteger", ["a", "b", "a_zp"], ["y"], "mmi")],
               [vinfo("a", TensorProto.UINT8, [2, 3])],
               [vinfo("y", TensorProto.INT32, [2, 2])],
               [init("b", np.ones((3, 2), dtype=np.uint8)),
                init("a_zp", np.uint8([1, 2]))]),
         "matmulinteger-per-row.onnx", BAD)
    # External data must stay inside the model directory.
    w = init("w", f32(np.zeros((2, 4))))
    w.ClearField("raw_data")
    w.data_location = TensorProto.EXTERNAL
    for key, value in [("location", "../external-data.bin"), ("offset", "0"),
                       ("length", "32")]:
        entry = w.external_data.add()
        entry.key, entry.value = key, value
    save(model([node("MatMul", ["x2", "w"], ["y"], "matmul")],
               [vinfo("x2", TensorProto.FLOAT, [1, 2])],
               [vinfo("y", TensorProto.FLOAT, [1, 4])], [w]),
         "external-escape.onnx", BAD, check=False)
    # Rejected by the ONNX checker (Relu has no attributes).
    save(model([node("Relu", ["x"], ["y"], "relu", alpha=0.5)], x, y, []),
         "checker-error.onnx", BAD, check=False)
    # Valid ONNX that the qnn.max_pool2d verifier rejects (every window must
    # see an input element, so padding must be smaller than the kernel).
    save(model([node("MaxPool", ["x"], ["y"], "pool", kernel_shape=[2, 2],
                     pads=[2, 2, 2, 2])], x, y, []),
         "verifier-error.onnx", BAD)
    # A sequence reaches an operator other than Identity.
    save(model([node("Identity", ["s"], ["t"], "seq_id"),
                node("Relu", ["t"], ["y"], "relu")],
               [helper.make_tensor_sequence_value_info(
                   "s", TensorProto.FLOAT, None)],
               [vinfo("y", TensorProto.FLOAT, [3])], [], opset=16),
         "sequence-relu.onnx", BAD, check=False)


def malformed_models():
    """Bad models that crashed ONNX shape inference or the importer (the
    fuzzing campaign of the hardening issue); written without the checker
    where it would reject them first."""
    x = [vinfo("x", TensorProto.FLOAT, [1, 2, 4, 4])]
    y = [vinfo("y", TensorProto.FLOAT, ["d0", "d1", "d2", "d3"])]
    # 60 raw bytes for 8 int64 pads (64): heap corruption in ONNX Pad
    # inference.
    pads = init("pads", np.array([0, 0, 1, 1, 0, 0, 1, 1], dtype=np.int64))
    pads.raw_data = pads.raw_data[:60]
    save(model([node("Pad", ["x", "pads"], ["y"], "pad")], x, y, [pads]),
         "short-raw-data.onnx", BAD, check=False)
    # A Constant node whose tensor has 3 floats for 4 elements.
    value = helper.make_tensor("c", TensorProto.FLOAT, [4], [1, 2, 3, 4])
    del value.float_data[3]
    save(model([node("Constant", [], ["c"], "const", value=value),
                node("Add", ["x", "c"], ["y"], "add")], x, y, []),
         "constant-data-count.onnx", BAD, check=False)
    # Strides of 0: a division by zero in ONNX pooling / conv inference.
    save(model([node("MaxPool", ["x"], ["y"], "pool", kernel_shape=[2, 2],
                     strides=[0, 1])], x, y, []),
         "maxpool-zero-stride.onnx", BAD)
    save(model([node("Conv", ["x", "w"], ["y"], "conv", strides=[1, -2])],
               x, y, [init("w", f32(np.ones((2, 2, 3, 3))))]),
         "conv-negative-stride.onnx", BAD)
    # Unsupported, and its shape inference would fail (axis out of range):
    # rejected before inference runs.
    save(model([node("LayerNormalization", ["x", "scale"], ["y"], "ln",
                     axis=100)],
               x, y, [init("scale", f32(np.ones(4)))], opset=17),
         "layernorm-axis.onnx", BAD, check=False)
    # A graph output that is the graph input, declared with another rank.
    save(model([], x, [vinfo("x", TensorProto.FLOAT, [1, 2])], []),
         "output-rank.onnx", BAD)
    # Float Unsqueeze axes (were read as integers out of bounds).
    save(model([node("Unsqueeze", ["x", "axes"], ["y"], "unsqueeze")], x,
               [vinfo("y", TensorProto.FLOAT, ["d%d" % i for i in range(6)])],
               [init("axes", f32([1e9, 3e9]))]),
         "unsqueeze-float-axes.onnx", BAD)
    # Average pooling over a padded 65539 x 65539 map: 2^33 elements.
    save(model([node("AveragePool", ["x"], ["y"], "pool",
                     kernel_shape=[65536, 65536], pads=[65535] * 4)], x, y,
               []),
         "huge-pool.onnx", BAD)
    # Pads beyond INT32_MAX.
    save(model([node("AveragePool", ["x"], ["y"], "pool",
                     kernel_shape=[1, 1], pads=[2 ** 31] * 4)], x, y, []),
         "huge-pads.onnx", BAD)
    # A 5-D weight on a 4-D input: ONNX Conv inference indexed the
    # dilations with the weight's kernel rank (out of bounds).
    save(model([node("Conv", ["x", "w"], ["y"], "conv")], x, y,
               [init("w", f32(np.ones((2, 2, 1, 1, 1))))]),
         "conv-weight-rank.onnx", BAD, check=False)
    # Reshape to a shape whose element count overflows int64 (signed
    # overflow in the importer's element count).
    save(model([node("Reshape", ["x", "shape"], ["y"], "reshape")], x,
               [vinfo("y", TensorProto.FLOAT, ["d0", "d1"])],
               [init("shape", np.array([256, 504403158265495553],
                                       dtype=np.int64))]),
         "reshape-overflow.onnx", BAD, check=False)


def empty_matmul():
    """A MatMul and a Gemm with zero rows (valid ONNX; the kernel planner
    divided by the row count)."""
    a = [vinfo("a", TensorProto.FLOAT, [0, 4])]
    save(model([node("MatMul", ["a", "w"], ["m"], "matmul"),
                node("Gemm", ["a", "wt", "bias"], ["g"], "gemm", transB=1)],
               a, [vinfo("m", TensorProto.FLOAT, [0, 3]),
                   vinfo("g", TensorProto.FLOAT, [0, 3])],
               [init("w", f32(np.arange(12).reshape(4, 3))),
                init("wt", f32(np.arange(12).reshape(3, 4))),
                init("bias", f32([1, 2, 3]))]),
         "empty-matmul.onnx")


def frozen_input():
    """A TensorProto file for --freeze-input: the scale 's' of
    bad/non-constant-scale.onnx."""
    tensor = init("s", f32(0.5))
    with open(os.path.join(OUT, "scale.pb"), "wb") as f:
        f.write(tensor.SerializeToString())


def main():
    os.makedirs(BAD, exist_ok=True)
    for make in [cnn_float, conv_variants, shape_ops, elementwise_ops,
                 qdq_conv, qlinear_ops, qlinear_matmul_per_row, integer_ops,
                 integer_arith, pool_pad, qonnx_ops, dequant_axis, external_data,
                 sequence_optional, frozen_input, bad_models,
                 malformed_models, empty_matmul]:
        make()
    return 0


if __name__ == "__main__":
    sys.exit(main())
