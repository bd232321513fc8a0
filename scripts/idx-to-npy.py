#!/usr/bin/env python3
"""Converts the first N images of an IDX image file (optionally .gz) into a
float32 .npy of shape [N, 1, rows, cols] with pixels / 255, the input of the
example Fashion-MNIST models. Plain Python (no numpy), so the main job needs
nothing beyond python3.

    idx-to-npy.py train-images-idx3-ubyte.gz out.npy [N]
"""
import array
import gzip
import os
import struct
import sys

sys.dont_write_bytecode = True  # No __pycache__ in the source tree.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import npy_writer  # noqa: E402


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: idx-to-npy.py <images.idx3[.gz]> <out.npy> [N]")
    path, out = sys.argv[1], sys.argv[2]
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        magic, count, rows, cols = struct.unpack(">IIII", f.read(16))
        if magic != 0x803:
            sys.exit("idx-to-npy: %s is not an IDX image file" % path)
        n = min(count, int(sys.argv[3])) if len(sys.argv) > 3 else count
        pixels = f.read(n * rows * cols)
    if len(pixels) != n * rows * cols:
        sys.exit("idx-to-npy: %s is truncated" % path)
    values = array.array("f", (p / 255.0 for p in pixels))
    npy_writer.write_f32(out, (n, 1, rows, cols), values)


if __name__ == "__main__":
    main()
