#!/usr/bin/env python3
"""Writes a little-endian float32 .npy (plain Python, no numpy) for tests:

    make-npy.py out.npy <shape, e.g. 3,1,4> <values: comma-separated floats>
"""
import struct
import sys

path, shape, values = sys.argv[1], sys.argv[2], sys.argv[3]
dims = tuple(int(d) for d in shape.split(","))
data = [float(v) for v in values.split(",")]
count = 1
for d in dims:
    count *= d
if count != len(data):
    sys.exit("make-npy: %d values for shape %s" % (len(data), shape))
header = "{'descr': '<f4', 'fortran_order': False, 'shape': %s, }" % (
    "(%d,)" % dims[0] if len(dims) == 1 else str(dims))
header += " " * (63 - (10 + len(header)) % 64) + "\n"
with open(path, "wb") as f:
    f.write(b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)))
    f.write(header.encode("latin1"))
    f.write(struct.pack("<%df" % len(data), *data))
