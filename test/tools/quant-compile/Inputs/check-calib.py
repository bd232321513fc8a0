#!/usr/bin/env python3
"""Checks the input range that calibration wrote (`qnn.calib` on the first
function argument of a `quant-compile --emit-after=calibration` output):

    check-calib.py <file.mlir> <lo-min> <lo-max> <hi-min> <hi-max>

Prints the range; exits 1 unless lo-min <= lo <= lo-max and
hi-min <= hi <= hi-max.
"""
import re
import sys

path = sys.argv[1]
lo_min, lo_max, hi_min, hi_max = (float(v) for v in sys.argv[2:6])
text = open(path).read()
m = re.search(r"func\.func @\w+\(%[^:]+: [^{]*\{qnn\.calib = "
              r"array<f64: ([^,]+), ([^>]+)>", text)
if not m:
    sys.exit(f"check-calib: no qnn.calib on the input of {path}")
lo, hi = float(m.group(1)), float(m.group(2))
print(f"input range [{lo:g}, {hi:g}]")
if not (lo_min <= lo <= lo_max and hi_min <= hi <= hi_max):
    print(f"check-calib: expected [{lo_min:g}..{lo_max:g}, "
          f"{hi_min:g}..{hi_max:g}]")
    sys.exit(1)
