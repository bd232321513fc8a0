"""Writes float32 .npy files in plain Python (no numpy), so the main job and
the lit tests need nothing beyond python3. Used by scripts/idx-to-npy.py and
test/e2e/Inputs/make-npy.py.
"""
import array
import struct
import sys


def write_f32(path, shape, values):
    """Writes `values` (floats in row-major order) to `path` as a
    little-endian float32 .npy array of `shape` (a sequence of ints)."""
    shape = tuple(int(d) for d in shape)
    data = array.array("f", values)
    count = 1
    for d in shape:
        count *= d
    if count != len(data):
        raise ValueError("%d values for shape %s" % (len(data), shape))
    if sys.byteorder != "little":
        data.byteswap()
    # str() of a tuple is numpy's spelling: (4,) for one dimension.
    header = "{'descr': '<f4', 'fortran_order': False, 'shape': %s, }" % (
        str(shape),)
    # Pad so that the data starts at a multiple of 64 bytes.
    header += " " * (63 - (10 + len(header)) % 64) + "\n"
    with open(path, "wb") as f:
        f.write(b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)))
        f.write(header.encode("latin1"))
        f.write(data.tobytes())
