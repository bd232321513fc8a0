#!/usr/bin/env python3
"""Writes calibration samples for Inputs/mlp-float.mlir with one outlier:

    outlier-samples.py out.npy

256 samples of shape 1x4 with values spread over [-1, 1] (a fixed
pseudo-random sequence) and a single 40.0: min/max calibration must keep
40 as the input range's top, MSE and entropy calibration must clip it.
"""
import os
import sys

sys.dont_write_bytecode = True  # No __pycache__ in the source tree.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "..", "..", "scripts"))
import npy_writer  # noqa: E402

state = 12345
values = []
for _ in range(256 * 4):
    state = (state * 1103515245 + 12345) % 2**31
    values.append(round(2.0 * state / 2**31 - 1.0, 4))
values[517] = 40.0
npy_writer.write_f32(sys.argv[1], [256, 1, 4], values)
