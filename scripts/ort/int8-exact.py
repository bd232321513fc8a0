#!/usr/bin/env python3
"""Checks quant-mlir's int8 Fashion-MNIST models against the exact int8
reference (int8_ref.py), without ONNX Runtime or Node: for
examples/fmnist-cnn-qdq.onnx and examples/fmnist-cnn-qop.onnx, every 8-bit
intermediate tensor is made a graph output (expose-int8.py), quant-run runs
the first N Fashion-MNIST test images, and each tensor must equal the
reference code for code; the logits must be within 1e-5 relative
(|d| <= 1e-5 * max|logit|) with the same argmax.

  int8-exact.py [--quant-run build/bin/quant-run] [--n 256]

Exit code 0 when everything is equal, 1 on any difference (or failure),
77 (skipped) when numpy or onnx cannot be imported (by this interpreter,
nor by /usr/bin/python3, which it then re-runs itself with).
"""
import argparse
import gzip
import os
import subprocess
import sys
import tempfile

FALLBACK_PYTHON = '/usr/bin/python3'  # Debian's, which has numpy and onnx

try:
    import numpy as np
    import onnx
except ImportError as e:
    # A python3 earlier on PATH (pyenv, venv) may lack them: retry once with
    # Debian's interpreter before skipping.
    if os.path.exists(FALLBACK_PYTHON) and \
            not os.environ.get('INT8_EXACT_REEXEC') and \
            os.path.realpath(sys.executable) != \
            os.path.realpath(FALLBACK_PYTHON):
        os.environ['INT8_EXACT_REEXEC'] = '1'
        os.execv(FALLBACK_PYTHON, [FALLBACK_PYTHON] + sys.argv)
    print(f'int8-exact: skipped: {sys.executable} cannot import numpy and '
          f'onnx ({e})')
    sys.exit(1 if os.environ.get("QUANT_STRICT") == "1" else 77)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # No __pycache__ in the source tree.
import int8_ref  # noqa: E402

DATASET = '/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz'
MODELS = [('int8 QDQ CNN', 'fmnist-cnn-qdq.onnx'),
          ('int8 QOperator CNN', 'fmnist-cnn-qop.onnx')]


def load_images(n):
    """The first n test images as float32 [n, 1, 28, 28] = pixel / 255 (the
    dataset, else the images of examples/fmnist-bnn-ref.npz)."""
    if os.path.exists(DATASET):
        with gzip.open(DATASET) as f:
            pixels = np.frombuffer(f.read(), np.uint8, offset=16)
        source = DATASET
    else:
        pixels = np.load(os.path.join(ROOT, 'examples/fmnist-bnn-ref.npz'))[
            'images'].reshape(-1)
        source = 'examples/fmnist-bnn-ref.npz (images)'
    pixels = pixels[:n * 784].reshape(-1, 1, 28, 28)
    # As parity.js: pixel / 255 in double, stored as float32.
    return (pixels.astype(np.float64) / 255).astype(np.float32), source


def check_model(args, name, file, images_npy, images, tmp):
    """Table rows (model, tensor, shape, codes, differing, max diff), logits
    lines and failures of one model."""
    src = os.path.join(ROOT, 'examples', file)
    exposed = os.path.join(tmp, file.replace('.onnx', '-int8.onnx'))
    subprocess.run([sys.executable, os.path.join(HERE, 'expose-int8.py'),
                    src, exposed], check=True, stdout=subprocess.DEVNULL)
    model = onnx.load(exposed)
    outputs = [o.name for o in model.graph.output]
    files = [os.path.join(tmp, f'ours{i}.npy') for i in range(len(outputs))]
    cmd = [args.quant_run, exposed, '--per-sample', '-i', images_npy]
    for f in files:
        cmd += ['-o', f]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    graph = int8_ref.Graph(model)
    ref = int8_ref.evaluate(model, {graph.inputs[0]: images})
    rows, lines, failures = [], [], []
    for out, f in zip(outputs, files):
        ours = np.load(f)
        exact = ref[out]
        if ours.size != exact.size:
            failures.append(f'{name} {out}: {ours.size} values, '
                            f'expected {exact.size}')
            continue
        ours = ours.reshape(exact.shape)
        if exact.dtype.kind == 'f':
            d = np.abs(ours.astype(np.float64) - exact.astype(np.float64))
            rel = d.max() / max(np.abs(exact).max(), 1e-30)
            agree = int((ours.argmax(axis=1) == exact.argmax(axis=1)).sum())
            lines.append(f'{name} {out}: max abs diff {d.max():.3g}, rel. to '
                         f'max |logit| {rel:.3g}, argmax agreement '
                         f'{agree}/{len(exact)}')
            if rel > 1e-5 or agree != len(exact):
                failures.append(f'{name} {out}: rel {rel:.3g} > 1e-5 or '
                                f'argmax {agree}/{len(exact)}')
            continue
        if ours.dtype != exact.dtype:
            failures.append(f'{name} {out}: dtype {ours.dtype}, expected '
                            f'{exact.dtype}')
        d = np.abs(ours.astype(np.int64) - exact.astype(np.int64))
        differ = int((d != 0).sum())
        rows.append((name, out, 'x'.join(map(str, exact.shape)),
                     str(exact.size), str(differ), str(int(d.max()))))
        if differ:
            failures.append(f'{name} {out}: {differ} of {exact.size} codes '
                            f'differ (max {int(d.max())})')
    return rows, lines, failures


def print_table(rows):
    header = ('model', 'tensor', 'shape', 'codes', 'differing', 'max diff')
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(6)]
    for r in [header, tuple('-' * w for w in widths)] + rows:
        print('  '.join(c.ljust(w) for c, w in zip(r, widths)).rstrip())


def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    p.add_argument('--quant-run',
                   default=os.path.join(ROOT, 'build/bin/quant-run'))
    p.add_argument('--n', type=int, default=256)
    args = p.parse_args()
    images, source = load_images(args.n)
    print(f'int8-exact: first {len(images)} Fashion-MNIST test images from '
          f'{source}; quant-run vs int8_ref.py (exact ONNX Runtime integer '
          'semantics)')
    rows, lines, failures = [], [], []
    with tempfile.TemporaryDirectory(prefix='quant-int8-exact-') as tmp:
        images_npy = os.path.join(tmp, 'images.npy')
        np.save(images_npy, images)
        for name, file in MODELS:
            try:
                r, l, f = check_model(args, name, file, images_npy, images,
                                      tmp)
            except (subprocess.CalledProcessError, OSError,
                    int8_ref.Unsupported) as e:
                r, l, f = [], [], [f'{name}: {e}']
            rows += r
            lines += l
            failures += f
    if rows:
        print_table(rows)
    print(f'total: {sum(int(r[3]) for r in rows)} int8 codes, '
          f'{sum(int(r[4]) for r in rows)} differing')
    for line in lines:
        print(line)
    for f in failures:
        print(f'FAIL: {f}')
    print('int8-exact: ok' if not failures else 'int8-exact: FAILED')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
