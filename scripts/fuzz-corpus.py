#!/usr/bin/env python3
"""Writes the seed corpus of a libFuzzer target (tools/fuzz) from the
repository's test inputs.

  fuzz-onnx-import:  examples/*.onnx, test/Target/ONNX/Inputs/**/*.onnx
  fuzz-qnn-pipeline: every `// -----` chunk of test/**/*.mlir that holds a
                     func.func, with its comment lines (RUN, CHECK, ...)
                     removed

Inputs larger than --max-size bytes (default 64 KiB, libFuzzer's -max_len
in scripts/fuzz.sh) are left out: mutating them is slow. Files are named by the SHA-1 of their contents (as libFuzzer names its
corpus), so rerunning is idempotent.
"""
import argparse, glob, hashlib, os, re, sys

ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
ap.add_argument("target", choices=["fuzz-onnx-import", "fuzz-qnn-pipeline"])
ap.add_argument("out", help="directory to write the seeds into")
ap.add_argument("--max-size", type=int, default=65536)
args = ap.parse_args()
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
os.makedirs(args.out, exist_ok=True)

seeds = []
if args.target == "fuzz-onnx-import":
    paths = glob.glob(os.path.join(root, "examples", "*.onnx"))
    paths += glob.glob(os.path.join(root, "test", "Target", "ONNX", "Inputs",
                                    "**", "*.onnx"), recursive=True)
    for p in sorted(paths):
        with open(p, "rb") as f:
            seeds.append(f.read())
else:
    paths = glob.glob(os.path.join(root, "test", "**", "*.mlir"),
                      recursive=True)
    for p in sorted(paths):
        with open(p, encoding="utf-8", errors="replace") as f:
            text = f.read()
        for chunk in re.split(r"^// -----.*$", text, flags=re.M):
            lines = [l for l in chunk.splitlines()
                     if not l.lstrip().startswith("//")]
            chunk = "\n".join(lines).strip() + "\n"
            if "func.func" in chunk:
                seeds.append(chunk.encode())

seeds = [s for s in seeds if len(s) <= args.max_size]
for data in seeds:
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(args.out, name), "wb") as f:
        f.write(data)
print(f"fuzz-corpus: {len(seeds)} seeds for {args.target} in {args.out}")
