#!/usr/bin/env python3
"""Mutation fuzzer for quant-opt (used as a ctest test with a fixed seed).

Takes the lit inputs, mutates a few tokens (numbers, swapped or dropped
tokens), runs them through a random qnn pass or pipeline and fails if
quant-opt ends with anything but 0 (accepted) or 1 (diagnosed): a signal
or abort is a crash. Crashing inputs are written to --out.
"""
import random, subprocess, glob, sys, os
import argparse
ap = argparse.ArgumentParser(description="Mutation fuzzing of quant-opt: mutated lit inputs through every pass must exit 0 or 1, never crash.")
ap.add_argument("--quant-opt", required=True)
ap.add_argument("--tests", required=True)
ap.add_argument("--seed", type=int, default=1)
ap.add_argument("--iterations", type=int, default=150)
ap.add_argument("--out", default=".")
args = ap.parse_args()
random.seed(args.seed)
files = glob.glob(os.path.join(args.tests, '**', '*.mlir'), recursive=True)
chunks = []
for f in files:
    for c in open(f).read().split('// -----'):
        if 'func.func' in c:
            chunks.append(c)
passes = ['', '-canonicalize', '-qnn-fold-requant', '-qnn-lower-to-integer', '-qnn-fold-batch-norm', '-qnn-streamline',
          '-qnn-quantize-weights', '-qnn-quantize-weights=scheme=binary', '-qnn-quantize-weights=scheme=kmeans bits=2',
          '-qnn-quantize-activations', '--qnn-ptq', '--qnn-simplify']
nums = ['0', '-1', '1', '2', '3', '7', '8', '64', '255', '256', '-128', '127', '1.0e38', '0.0', '-0.5', 'nan', '9999999999']
crashes = 0
for it in range(args.iterations):
    c = random.choice(chunks)
    toks = c.split(' ')
    for _ in range(random.randint(1, 4)):
        i = random.randrange(len(toks))
        t = toks[i]
        r = random.random()
        if any(ch.isdigit() for ch in t) and r < 0.6:
            import re
            toks[i] = re.sub(r'-?\d+(\.\d+)?(e[-+]?\d+)?', lambda m: random.choice(nums), t, count=1)
        elif r < 0.8:
            toks[i] = random.choice(toks)
        else:
            del toks[i]
    src = ' '.join(toks)
    p = random.choice(passes)
    cmd = [args.quant_opt, '-', '-o', '/dev/null'] + ([p] if p else [])
    try:
        res = subprocess.run(cmd, input=src.encode(), capture_output=True, timeout=30)
        rc, err = res.returncode, res.stderr.decode()
    except subprocess.TimeoutExpired:
        rc, err = 'timeout', 'no answer within 30 s'
    if rc not in (0, 1):
        crashes += 1
        path = os.path.join(args.out, 'crash-%d.mlir' % it)
        open(path, 'w').write('// ' + p + '\n' + src)
        print('CRASH rc=%s pass=%s file=%s' % (rc, p, path))
        print(err[-600:])
print('%d inputs, %d crashes' % (args.iterations, crashes))
sys.exit(1 if crashes else 0)
