#!/usr/bin/env python3
"""Copies an ONNX model with every 8-bit integer intermediate tensor added as
a graph output, so that scripts/ort/parity.js can compare quant-mlir's and
ONNX Runtime's quantized activations code by code, not only the logits.

  expose-int8.py model.onnx out.onnx   # prints the added output names
"""
import sys

import onnx
from onnx import TensorProto, shape_inference


def main():
    src, dst = sys.argv[1], sys.argv[2]
    model = shape_inference.infer_shapes(onnx.load(src))
    graph = model.graph
    present = {o.name for o in graph.output}
    added = []
    for info in graph.value_info:
        elem = info.type.tensor_type.elem_type
        if elem in (TensorProto.INT8, TensorProto.UINT8) and \
                info.name not in present:
            graph.output.append(info)
            added.append(info.name)
    onnx.save(model, dst)
    print(" ".join(added))
    return 0


if __name__ == "__main__":
    sys.exit(main())
