#!/usr/bin/env python3
"""Writes a little-endian float32 .npy (plain Python, no numpy) for tests:

    make-npy.py out.npy <shape, e.g. 3,1,4> <values: comma-separated floats>

The writer is scripts/npy_writer.py, found relative to this file.
"""
import os
import sys

sys.dont_write_bytecode = True  # No __pycache__ in the source tree.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "..", "scripts"))
import npy_writer  # noqa: E402

path, shape, values = sys.argv[1], sys.argv[2], sys.argv[3]
dims = [int(d) for d in shape.split(",")]
data = [float(v) for v in values.split(",")]
try:
    npy_writer.write_f32(path, dims, data)
except ValueError as e:
    sys.exit("make-npy: %s" % e)
