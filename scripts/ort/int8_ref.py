#!/usr/bin/env python3
"""Exact numpy evaluation of the int8 ONNX models examples/fmnist-cnn-qdq.onnx
and examples/fmnist-cnn-qop.onnx (also with the extra int8 outputs added by
expose-int8.py), with ONNX Runtime's integer semantics minus its CPU-specific
shortcuts: the reference that quant-mlir's and ONNX Runtime's int8 codes are
compared with (parity.js, int8-exact.py).

Semantics (ONNX Runtime's CPU kernels, exact integer accumulation):
  QuantizeLinear   q = sat(rint(f32(x / scale)) + zp), rint half to even;
  DequantizeLinear f32(q - zp) * scale;
  QLinearConv, QLinearMatMul (and the QDQ groups ORT fuses into them):
                   acc = sum (x - x_zp)(w - w_zp) + bias in exact integers,
                   y = sat(rint(f32(acc) * m) + y_zp) with the f32 multiplier
                   m = f32(f32(x_scale * w_scale) / y_scale) per channel, as
                   ORT's ComputeOutputScale and MlasRequantizeOutput do;
  MaxPool, Flatten on codes; Add on floats.
QDQ graphs are first fused as ORT's graph optimizer fuses them (level 1/2):
  Relu -> Q with Q's zero point at the type minimum: Relu dropped
    (ReluQuantFusion);
  DQ(x), DQ(w), [DQ(int32 bias)] -> Conv -> Q: QLinearConv, the int32 bias
    codes used as they are (bias scale and zero point ignored, as ORT does);
  DQ(a), DQ(b), [DQ(int32 bias)] -> Gemm [-> Q]: QGemm, requantized to u8, or
    f32(acc) * f32(a_scale * b_scale) when no Q follows;
  DQ -> MaxPool / Flatten -> Q with equal scale and zero point: the op on the
    codes (DropQDQNodes).
Any other op, or a Conv/Gemm/Relu outside these groups, is an error.

--emulate-avx2-vpmaddubsw: u8 x s8 dot products as ORT's AVX2 kernels
(without VNNI) compute them: the raw products summed in pairs along the
reduction axis (for convolutions in ORT's NHWC order kh, kw, c), each pair
sum saturated to int16 (vpmaddubsw), then summed in int32; zero points are
applied outside the pairs. With --ort (ORT's outputs), every node runs on
ORT's own inputs, and the script prints as JSON, per output, how many of
ORT's codes differ from the exact reference and how many of those the
emulation reproduces.

  int8_ref.py model.onnx -i images.npy -o out0.npy [-o out1.npy ...]
  int8_ref.py model.onnx -i images.npy --ort ort0.npy [--ort ort1.npy ...] \\
      --emulate-avx2-vpmaddubsw
  int8_ref.py model.onnx --plan     # the steps, after ORT's QDQ fusions

Outputs are the graph outputs in graph order; the input is float32
[N, 1, 28, 28] (pixel / 255). Needs numpy and onnx only.
"""
import argparse
import json
import sys

import numpy as np
import onnx
from onnx import helper, numpy_helper

INT_RANGES = {np.dtype(np.uint8): (0, 255), np.dtype(np.int8): (-128, 127)}


class Unsupported(Exception):
    """The model uses an op or a form this reference does not evaluate."""


# --- numerics ---------------------------------------------------------------


def f32(x):
    return np.asarray(x, dtype=np.float32)


def requantize(acc, multiplier, zp, dtype):
    """MlasRequantizeOutput: f32(acc) * m, clamped to the range shifted by
    -zp, rounded half to even, + zp. acc: int64 [..., channels]."""
    if acc.size and (acc.min() < -2**31 or acc.max() >= 2**31):
        raise Unsupported('int32 accumulator overflow (ORT would wrap)')
    lo, hi = INT_RANGES[np.dtype(dtype)]
    scaled = acc.astype(np.float32) * f32(multiplier)
    scaled = np.clip(scaled, f32(lo - int(zp)), f32(hi - int(zp)))
    return (np.rint(scaled).astype(np.int64) + int(zp)).astype(dtype)


def output_multiplier(x_scale, w_scale, y_scale):
    """ORT's ComputeOutputScale: x_scale * w_scale[i] / y_scale in f32."""
    return (f32(x_scale) * f32(w_scale)) / f32(y_scale)


def dot_u8s8_avx2(a, b):
    """sum_k a[r,k] * b[k,m] with the products summed in pairs along k, each
    pair sum saturated to int16 (vpmaddubsw), the rest in int32."""
    k = a.shape[1]
    if k % 2:
        a = np.pad(a, ((0, 0), (0, 1)))
        b = np.pad(b, ((0, 1), (0, 0)))
    a32 = a.astype(np.int32)
    out = np.empty((a.shape[0], b.shape[1]), dtype=np.int64)
    for m in range(b.shape[1]):
        prod = a32 * b[:, m].astype(np.int32)
        pairs = prod.reshape(a.shape[0], -1, 2).sum(axis=2)
        out[:, m] = np.clip(pairs, -32768, 32767).sum(axis=1)
    return out


def integer_dot(a, a_zp, b, b_zp, emulate):
    """sum_k (a[r,k] - a_zp) * (b[k,m] - b_zp[m]) as int64 [R, M].
    a: codes [R, K]; b: codes [K, M]; b_zp: [M]."""
    a = a.astype(np.int64)
    b = b.astype(np.int64)
    a_zp = int(a_zp)
    b_zp = np.broadcast_to(np.asarray(b_zp, dtype=np.int64), (b.shape[1],))
    if not emulate:
        return (a - a_zp) @ (b - b_zp)
    # Raw u8 x s8 products with the zero points applied outside, as MLAS does.
    raw = dot_u8s8_avx2(a, b)
    k = a.shape[1]
    return (raw - a_zp * b.sum(axis=0) - a.sum(axis=1, keepdims=True) * b_zp
            + k * a_zp * b_zp)


def im2col_nhwc(x, pad_value, kernel, strides, pads, dilations):
    """x: [N, C, H, W] codes -> ([N*OH*OW, KH*KW*C] in ORT's NHWC order
    (kh, kw, c), OH, OW)."""
    n, c, h, w = x.shape
    kh, kw = kernel
    sh, sw = strides
    dh, dw = dilations
    top, left, bottom, right = pads
    xp = np.pad(x, ((0, 0), (0, 0), (top, bottom), (left, right)),
                constant_values=pad_value)
    oh = (h + top + bottom - dh * (kh - 1) - 1) // sh + 1
    ow = (w + left + right - dw * (kw - 1) - 1) // sw + 1
    cols = np.empty((n, oh, ow, kh, kw, c), dtype=x.dtype)
    for i in range(kh):
        for j in range(kw):
            win = xp[:, :, i * dh:i * dh + sh * (oh - 1) + 1:sh,
                     j * dw:j * dw + sw * (ow - 1) + 1:sw]
            cols[:, :, :, i, j, :] = win.transpose(0, 2, 3, 1)
    return cols.reshape(n * oh * ow, kh * kw * c), oh, ow


def conv_attrs(attrs, w_shape):
    if attrs.get('auto_pad', b'NOTSET') not in (b'NOTSET', 'NOTSET'):
        raise Unsupported('Conv auto_pad')
    if attrs.get('group', 1) != 1:
        raise Unsupported('grouped Conv')
    if len(w_shape) != 4:
        raise Unsupported('Conv that is not 2-D')
    kernel = list(attrs.get('kernel_shape', w_shape[2:]))
    return (kernel, list(attrs.get('strides', [1, 1])),
            list(attrs.get('pads', [0, 0, 0, 0])),
            list(attrs.get('dilations', [1, 1])))


def qlinear_conv(x, x_scale, x_zp, w, w_scale, w_zp, y_scale, y_zp, bias,
                 attrs, emulate):
    kernel, strides, pads, dilations = conv_attrs(attrs, w.shape)
    m = w.shape[0]
    cols, oh, ow = im2col_nhwc(x, x_zp, kernel, strides, pads, dilations)
    w_mat = w.transpose(2, 3, 1, 0).reshape(-1, m)  # [(kh, kw, c), M]
    acc = integer_dot(cols, x_zp, w_mat, per_channel(w_zp, m), emulate)
    if bias is not None:
        acc = acc + bias.astype(np.int64)
    y = requantize(acc, per_channel(output_multiplier(x_scale, w_scale,
                                                      y_scale), m),
                   y_zp, y_zp.dtype)
    return y.reshape(x.shape[0], oh, ow, m).transpose(0, 3, 1, 2)


def per_channel(v, m):
    return np.broadcast_to(np.asarray(v).reshape(-1), (m,))


def is_u8s8(a, b):
    return a.dtype == np.uint8 and b.dtype == np.int8


# --- plain ops --------------------------------------------------------------


def quantize_linear(x, scale, zp, axis):
    """ORT's MlasQuantizeLinear: x / scale in f32, clamp, rint, + zp."""
    dtype = zp.dtype if zp is not None else np.dtype(np.uint8)
    zp = np.zeros((), dtype) if zp is None else zp
    scale, zp = axis_shaped(scale, x.ndim, axis), axis_shaped(zp, x.ndim, axis)
    lo, hi = INT_RANGES[np.dtype(dtype)]
    zp64 = zp.astype(np.int64)
    q = f32(x) / f32(scale)
    q = np.clip(q, (lo - zp64).astype(np.float32), (hi - zp64).astype(np.float32))
    return (np.rint(q).astype(np.int64) + zp64).astype(dtype)


def dequantize_linear(q, scale, zp, axis):
    zp = np.zeros((), np.int64) if zp is None else zp
    scale, zp = axis_shaped(scale, q.ndim, axis), axis_shaped(zp, q.ndim, axis)
    return (q.astype(np.int64) - zp.astype(np.int64)).astype(np.float32) * \
        f32(scale)


def axis_shaped(v, rank, axis):
    """A scalar, or a 1-D per-axis parameter reshaped to broadcast on axis."""
    v = np.asarray(v)
    if v.size == 1:
        return v.reshape(())
    shape = [1] * rank
    shape[axis % rank] = v.size
    return v.reshape(shape)


def max_pool(x, attrs):
    for name, ok in (('auto_pad', (b'NOTSET', 'NOTSET')), ('ceil_mode', (0,)),
                     ('storage_order', (0,))):
        if name in attrs and attrs[name] not in ok:
            raise Unsupported(f'MaxPool {name}={attrs[name]}')
    kh, kw = attrs['kernel_shape']
    sh, sw = attrs.get('strides', [1, 1])
    dh, dw = attrs.get('dilations', [1, 1])
    top, left, bottom, right = attrs.get('pads', [0, 0, 0, 0])
    low = np.finfo(x.dtype).min if x.dtype.kind == 'f' else np.iinfo(x.dtype).min
    xp = np.pad(x, ((0, 0), (0, 0), (top, bottom), (left, right)),
                constant_values=low)
    oh = (xp.shape[2] - dh * (kh - 1) - 1) // sh + 1
    ow = (xp.shape[3] - dw * (kw - 1) - 1) // sw + 1
    out = None
    for i in range(kh):
        for j in range(kw):
            win = xp[:, :, i * dh:i * dh + sh * (oh - 1) + 1:sh,
                     j * dw:j * dw + sw * (ow - 1) + 1:sw]
            out = win.copy() if out is None else np.maximum(out, win)
    return out


def flatten(x, attrs):
    axis = attrs.get('axis', 1)
    axis = axis + x.ndim if axis < 0 else axis
    return x.reshape(int(np.prod(x.shape[:axis])), -1)


# --- graph ------------------------------------------------------------------


class Step:
    """One evaluation step: an ONNX op, or an ORT fusion of a QDQ group."""

    def __init__(self, op, inputs, outputs, attrs=None, note=''):
        self.op, self.inputs, self.outputs = op, inputs, outputs
        self.attrs = attrs or {}
        self.note = note

    def __repr__(self):
        return f'{self.op}({", ".join(self.inputs)}) -> {", ".join(self.outputs)}'


class Graph:
    def __init__(self, model):
        g = model.graph
        self.nodes = list(g.node)
        self.consts = {t.name: numpy_helper.to_array(t) for t in g.initializer}
        for n in self.nodes:  # Constant nodes become constants.
            if n.op_type == 'Constant':
                self.consts[n.output[0]] = numpy_helper.to_array(
                    helper.get_attribute_value(n.attribute[0]))
        self.inputs = [i.name for i in g.input if i.name not in self.consts]
        self.outputs = [o.name for o in g.output]
        self.producer = {o: n for n in self.nodes for o in n.output}
        self.consumers = {}
        for n in self.nodes:
            for i in n.input:
                self.consumers.setdefault(i, []).append(n)

    def attrs(self, node):
        return {a.name: helper.get_attribute_value(a) for a in node.attribute}

    def const(self, name):
        return self.consts.get(name) if name else None

    def single_use(self, name):
        """Consumed by exactly one node and not a graph output."""
        return len(self.consumers.get(name, [])) == 1 and \
            name not in self.outputs

    def dq_of(self, name):
        """The DequantizeLinear node producing `name`, or None."""
        n = self.producer.get(name)
        return n if n is not None and n.op_type == 'DequantizeLinear' else None

    def q_params(self, node):
        """(scale, zero point) constants of a Q/DQ node."""
        scale = self.const(node.input[1])
        zp = self.const(node.input[2]) if len(node.input) > 2 else None
        if scale is None or (len(node.input) > 2 and node.input[2] and
                             zp is None):
            raise Unsupported(f'{node.op_type} {node.name or node.output[0]}: '
                              'non-constant scale or zero point')
        if zp is None:
            zp = np.zeros((), np.uint8)
        return scale, zp


def plan(graph):
    """The graph as Steps, with ORT's QDQ fusions applied."""
    steps, absorbed = {}, set()
    for q in graph.nodes:
        if q.op_type != 'QuantizeLinear':
            continue
        fused = fuse_into_q(graph, q)
        if fused:
            step, nodes = fused
            steps[id(q)] = step
            absorbed.update(id(n) for n in nodes)
    for node in graph.nodes:
        if node.op_type == 'Gemm' and id(node) not in absorbed:
            fused = fuse_gemm_float(graph, node)
            if fused:
                steps[id(node)] = fused[0]
                absorbed.update(id(n) for n in fused[1])
    out = []
    for node in graph.nodes:
        if id(node) in steps:
            out.append(steps[id(node)])
        elif id(node) in absorbed or node.op_type == 'Constant':
            continue
        elif node.op_type == 'DequantizeLinear' and all(
                id(c) in absorbed for c in graph.consumers.get(node.output[0], [])) \
                and node.output[0] not in graph.outputs:
            continue  # Only feeds fused groups.
        elif node.op_type in PLAIN_OPS:
            out.append(Step(node.op_type, list(node.input), list(node.output),
                            graph.attrs(node)))
        else:
            raise Unsupported(
                f'{node.op_type} node {node.name or node.output[0]!r}: only '
                f'{", ".join(sorted(PLAIN_OPS))} and the QDQ groups ORT fuses '
                '(DQ->Conv->[Relu]->Q, DQ->Gemm->[Q], DQ->MaxPool/Flatten->Q) '
                'are supported')
    return out


def fuse_into_q(graph, q):
    """ORT's fusion of the group ending in QuantizeLinear q, or None."""
    src = q.input[0]
    nodes = [q]
    op = graph.producer.get(src)
    q_scale, q_zp = graph.q_params(q)
    # ReluQuantFusion: Relu -> Q whose zero point is the type's minimum.
    if op is not None and op.op_type == 'Relu' and graph.single_use(src) and \
            q_zp.size == 1 and q_zp.dtype in INT_RANGES and \
            int(q_zp) == INT_RANGES[q_zp.dtype][0]:
        nodes.append(op)
        src = op.input[0]
        op = graph.producer.get(src)
    if op is None or not graph.single_use(src):
        return None
    if op.op_type in ('MaxPool', 'Flatten') and nodes == [q]:
        dq = graph.dq_of(op.input[0])
        if dq is None or len(op.output) != 1:
            return None
        d_scale, d_zp = graph.q_params(dq)
        if d_scale.size != 1 or q_scale.size != 1 or \
                f32(d_scale) != f32(q_scale) or d_zp.dtype != q_zp.dtype or \
                int(d_zp) != int(q_zp) or \
                (op.op_type == 'MaxPool' and not f32(q_scale) > 0):
            return None
        return (Step(op.op_type, [dq.input[0]], [q.output[0]], graph.attrs(op),
                     'DQ->%s->Q on codes' % op.op_type), nodes + [op])
    if op.op_type == 'Conv':
        dqs = [graph.dq_of(i) for i in op.input if i]
        if None in dqs or len(dqs) < 2:
            return None
        x_dq, w_dq = dqs[0], dqs[1]
        b_dq = dqs[2] if len(dqs) > 2 else None
        check_weight_dq(graph, w_dq, 0, 'Conv')
        if b_dq is not None and graph.const(b_dq.input[0]).dtype != np.int32:
            return None
        ins = [x_dq.input[0], x_dq.input[1], x_dq.input[2],
               w_dq.input[0], w_dq.input[1], w_dq.input[2],
               q.input[1], q.input[2], b_dq.input[0] if b_dq else '']
        return (Step('QLinearConv', ins, [q.output[0]], graph.attrs(op),
                     'DQ->Conv->Q as QLinearConv'), nodes + [op])
    if op.op_type == 'Gemm':
        fused = gemm_group(graph, op)
        if fused is None:
            return None
        step, group = fused
        step.inputs += [q.input[1], q.input[2]]
        step.outputs = [q.output[0]]
        step.note = 'DQ->Gemm->Q as QGemm'
        return step, nodes + group
    return None


def fuse_gemm_float(graph, gemm):
    """DQ -> Gemm with a float result: ORT's QGemm without y_scale."""
    fused = gemm_group(graph, gemm)
    if fused:
        fused[0].note = 'DQ->Gemm as QGemm (float output)'
    return fused


def gemm_group(graph, gemm):
    dqs = [graph.dq_of(i) for i in gemm.input if i]
    if None in dqs or len(dqs) < 2:
        return None
    attrs = graph.attrs(gemm)
    if attrs.get('transA', 0) or attrs.get('alpha', 1.0) != 1.0 or \
            attrs.get('beta', 1.0) != 1.0:
        raise Unsupported('Gemm with transA, alpha or beta')
    a_dq, b_dq = dqs[0], dqs[1]
    check_weight_dq(graph, b_dq, 0 if attrs.get('transB', 0) else 1, 'Gemm')
    c_dq = dqs[2] if len(dqs) > 2 else None
    if c_dq is not None and graph.const(c_dq.input[0]).dtype != np.int32:
        return None
    ins = [a_dq.input[0], a_dq.input[1], a_dq.input[2],
           b_dq.input[0], b_dq.input[1], b_dq.input[2],
           c_dq.input[0] if c_dq else '']
    return (Step('QGemm', ins, [gemm.output[0]],
                 {'transB': attrs.get('transB', 0)}), [gemm])


def check_weight_dq(graph, dq, channel_axis, what):
    w = graph.const(dq.input[0])
    if w is None:
        raise Unsupported(f'{what} with non-constant weights')
    scale, _ = graph.q_params(dq)
    axis = graph.attrs(dq).get('axis', 1) % w.ndim
    if scale.size != 1 and axis != channel_axis:
        raise Unsupported(f'{what} weights quantized along axis {axis}')


# --- evaluation -------------------------------------------------------------


def run_step(step, get, emulate):
    op, a = step.op, step.attrs
    ins = [get(i) if i else None for i in step.inputs]
    if op == 'QuantizeLinear':
        return [quantize_linear(ins[0], ins[1], ins[2] if len(ins) > 2 else None,
                                a.get('axis', 1))]
    if op == 'DequantizeLinear':
        return [dequantize_linear(ins[0], ins[1], ins[2] if len(ins) > 2 else None,
                                  a.get('axis', 1))]
    if op == 'QLinearConv':
        x, xs, xz, w, ws, wz, ys, yz = ins[:8]
        bias = ins[8] if len(ins) > 8 else None
        return [qlinear_conv(x, xs, xz, w, ws, wz, ys, yz, bias, a,
                             emulate and is_u8s8(x, w))]
    if op == 'QLinearMatMul':
        x, xs, xz, w, ws, wz, ys, yz = ins
        if x.ndim != 2 or w.ndim != 2:
            raise Unsupported('QLinearMatMul that is not 2-D')
        m = w.shape[1]
        acc = integer_dot(x, xz, w, per_channel(wz, m), emulate and is_u8s8(x, w))
        return [requantize(acc, per_channel(output_multiplier(xs, ws, ys), m),
                           yz, yz.dtype)]
    if op == 'QGemm':
        x, xs, xz, w, ws, wz, bias = ins[:7]
        w = w.T if a['transB'] else w
        m = w.shape[1]
        acc = integer_dot(x, xz, w, per_channel(wz, m), emulate and is_u8s8(x, w))
        if bias is not None:
            acc = acc + bias.astype(np.int64)
        if len(ins) > 7:  # requantized to the Q's parameters
            ys, yz = ins[7], ins[8]
            return [requantize(acc, per_channel(output_multiplier(xs, ws, ys), m),
                               yz, yz.dtype)]
        scale = per_channel(f32(xs) * f32(ws), m)
        return [acc.astype(np.float32) * scale]
    if op == 'MaxPool':
        if len(step.outputs) != 1:
            raise Unsupported('MaxPool with Indices')
        return [max_pool(ins[0], a)]
    if op == 'Flatten':
        return [flatten(ins[0], a)]
    if op == 'Add':
        if ins[0].dtype != np.float32 or ins[1].dtype != np.float32:
            raise Unsupported('Add on integers (QLinearAdd semantics)')
        return [ins[0] + ins[1]]
    raise Unsupported(op)


PLAIN_OPS = {'QuantizeLinear', 'DequantizeLinear', 'QLinearConv',
             'QLinearMatMul', 'MaxPool', 'Flatten', 'Add'}


def evaluate(model, inputs, emulate=False, overrides=None):
    """The graph outputs {name: array} for the graph inputs {name: array}.
    emulate: u8 x s8 products as ORT's AVX2 vpmaddubsw kernels compute them.
    overrides {name: array}: a computed tensor of that name is recorded but
    the override is what later steps read (to run each step on ORT's
    inputs); the recorded values are returned."""
    graph = Graph(model)
    steps = plan(graph)
    env = dict(inputs)
    computed = {}

    def get(name):
        if name in env:
            return env[name]
        if name in graph.consts:
            return graph.consts[name]
        raise Unsupported(f'tensor {name!r} is not available')

    for step in steps:
        for name, value in zip(step.outputs, run_step(step, get, emulate)):
            computed[name] = value
            env[name] = overrides[name] if overrides and name in overrides \
                else value
    return {name: computed[name] if name in computed else get(name)
            for name in graph.outputs}


def describe(model):
    """The evaluation plan, one step a line."""
    return '\n'.join(f'{s!r}  [{s.note}]' if s.note else repr(s)
                     for s in plan(Graph(model)))


def explain(model, images, ort_outputs):
    """Per graph output: codes, ORT's codes that differ from the exact
    reference, and how many of those the AVX2 emulation reproduces (each
    step run on ORT's own inputs)."""
    graph = Graph(model)
    exact = evaluate(model, {graph.inputs[0]: images})
    names = graph.outputs
    theirs = {n: np.asarray(v).reshape(exact[n].shape)
              for n, v in zip(names, ort_outputs)}
    emulated = evaluate(model, {graph.inputs[0]: images}, emulate=True,
                        overrides=theirs)
    report = []
    for n in names:
        if exact[n].dtype.kind == 'f':
            continue
        t = theirs[n].astype(np.int64)
        differ = t != exact[n].astype(np.int64)
        reproduced = differ & (t == emulated[n].astype(np.int64))
        report.append({
            'name': n, 'codes': int(t.size), 'differ': int(differ.sum()),
            'max_diff': int(np.abs(t - exact[n].astype(np.int64)).max()),
            'reproduced': int(reproduced.sum()),
            'emulation_mismatch': int((t != emulated[n].astype(np.int64)).sum()),
        })
    return report


def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    p.add_argument('model')
    p.add_argument('-i', '--input', help='float32 .npy')
    p.add_argument('-o', '--output', action='append', default=[],
                   help='.npy for each graph output, in graph order')
    p.add_argument('--ort', action='append', default=[],
                   help="ORT's .npy for each graph output (with "
                        '--emulate-avx2-vpmaddubsw): print the JSON report')
    p.add_argument('--emulate-avx2-vpmaddubsw', action='store_true')
    p.add_argument('--plan', action='store_true',
                   help='print the evaluation steps and exit')
    args = p.parse_args()
    model = onnx.load(args.model)
    try:
        if args.plan:
            print(describe(model))
            return 0
        if not args.input:
            p.error('-i is required')
        images = np.load(args.input).astype(np.float32)
        if args.ort:
            if not args.emulate_avx2_vpmaddubsw:
                p.error('--ort needs --emulate-avx2-vpmaddubsw')
            report = explain(model, images, [np.load(f) for f in args.ort])
            print(json.dumps(report))
            return 0
        graph = Graph(model)
        results = evaluate(model, {graph.inputs[0]: images},
                           emulate=args.emulate_avx2_vpmaddubsw)
    except Unsupported as e:
        print(f'int8_ref.py: {args.model}: unsupported: {e}', file=sys.stderr)
        return 2
    if len(args.output) > len(graph.outputs):
        p.error(f'{len(args.output)} -o files for {len(graph.outputs)} outputs')
    for name, file in zip(graph.outputs, args.output):
        np.save(file, np.ascontiguousarray(results[name]))
    return 0


if __name__ == '__main__':
    sys.exit(main())
