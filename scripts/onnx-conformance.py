#!/usr/bin/env python3
"""ONNX backend node tests through quant-run: the numerical conformance check.

For every test in the ONNX backend node test directory (libonnx-testdata,
test_*/model.onnx with test_data_set_*/input_*.pb and output_*.pb) whose
operators are all in SUPPORTED_OPS, each data set is run through

    quant-run model.onnx --freeze-input NAME=input_k.pb ... -i input_j.npy ...
              -o output_i.npy

(the ONNX model imported, its QDQ graph fused and lowered to integer code,
JIT-compiled) and the outputs are compared with output_*.pb:

  * integer outputs bit-exact,
  * float outputs with |ours - expected| <= ATOL + RTOL * |expected|
    (RTOL = 1e-5, ATOL = 1e-6; NaN must match NaN), and the same shape.

A sequence input (or an optional one holding a sequence) is given its
length and element shapes with --input-shape NAME=[S0,S1,...] and one .npy
per element; a sequence output is one .npy per element. An optional input
must be present in the data set.

Inputs that must be constant for the importer (scales, zero points, shapes,
pads, axes, Clip bounds, BatchNormalization statistics, a Div divisor: see
FROZEN_INPUTS) are frozen from the data set's .pb files with
--freeze-input; every other graph input is a runtime input (.npy). Every
test whose linear operators (Conv, Gemm, MatMul and their integer and
QLinear forms) take weights as graph inputs runs a second time with those
weights and biases frozen too ("[frozen weights]"), so constant weights
reach the packed kernels; it must pass wherever the plain run passes. Every
declared output is compared, and a test without data sets fails.

A test the importer/compiler rejects with a diagnostic is "unsupported"; the
expected ones are listed with their reason in the committed list
(test/onnx/conformance-unsupported.txt). The run fails (exit 1) when a test
fails numerically, crashes, is unsupported without being listed, or is
listed but now passes (so the list stays exact). Tests using operators
outside SUPPORTED_OPS are counted, not run. Exit code 77 (ctest: skipped)
when numpy/onnx or the test data are missing.

  onnx-conformance.py --quant-run build/bin/quant-run
      [--testdata DIR] [--expected FILE] [--jobs N] [--filter REGEX]
      [--work DIR] [--markdown FILE]
"""

import argparse
import concurrent.futures
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

try:
    import numpy as np
    import onnx
    from onnx import numpy_helper
except ImportError as e:  # ctest reports exit code 77 as skipped.
    print("onnx-conformance: skipped: %s needs numpy and onnx (%s)" % (
        sys.executable, e))
    sys.exit(1 if os.environ.get("QUANT_STRICT") == "1" else 77)

RTOL = 1e-5
ATOL = 1e-6

SUPPORTED_OPS = {
    "Conv", "Gemm", "MatMul", "Add", "Sub", "Mul", "Div", "Relu", "Clip",
    "LeakyRelu", "Sigmoid", "MaxPool", "AveragePool", "GlobalAveragePool",
    "BatchNormalization", "Flatten", "Reshape", "Transpose", "Squeeze",
    "Unsqueeze", "Concat", "Pad", "Softmax", "Sign", "Identity", "Constant",
    "QuantizeLinear", "DequantizeLinear", "QLinearConv", "QLinearMatMul",
    "MatMulInteger", "ConvInteger",
}

# Node input positions the importer needs as constants.
FROZEN_INPUTS = {
    "QuantizeLinear": {1, 2},
    "DequantizeLinear": {1, 2},
    "QLinearConv": {1, 2, 4, 5, 6, 7},
    "QLinearMatMul": {1, 2, 4, 5, 6, 7},
    "MatMulInteger": {2, 3},
    "ConvInteger": {2, 3},
    "Clip": {1, 2},
    "Pad": {1, 2},
    "Reshape": {1},
    "Squeeze": {1},
    "Unsqueeze": {1},
    "BatchNormalization": {1, 2, 3, 4},
    "Div": {1},
}

# Weight (and bias) positions of the linear operators: frozen too in the
# second, "frozen weights" pass over the tests that use them, so constant
# weights reach the packed kernels the node tests' run-time inputs bypass.
WEIGHT_INPUTS = {
    "Conv": {1, 2},
    "Gemm": {1, 2},
    "MatMul": {1},
    "ConvInteger": {1, 3},
    "MatMulInteger": {1, 3},
    "QLinearConv": {3, 8},
    "QLinearMatMul": {3},
}

QUANT_TESTS = re.compile(
    r"^test_(quantizelinear|dequantizelinear|qlinearconv|qlinearmatmul|"
    r"matmulinteger|convinteger|basic_convinteger)")

NPY_DTYPES = {np.float32, np.int8, np.uint8, np.int16, np.uint16, np.int32,
              np.uint32, np.int64}


def read_expected(path):
    """test name -> reason, from `name  # reason` lines."""
    expected = {}
    if not path:
        return expected
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            name, _, reason = line.partition("#")
            expected[name.strip()] = reason.strip()
    return expected


def load_tensor(path):
    t = onnx.TensorProto()
    with open(path, "rb") as f:
        t.ParseFromString(f.read())
    return t, numpy_helper.to_array(t)


def load_value(path, value_type):
    """The data of a graph input or output of ONNX type `value_type` (a
    TypeProto): an array for a tensor, a list of arrays for a sequence.
    An optional is its value; an absent one raises ValueError."""
    kind = value_type.WhichOneof("value")
    if kind == "tensor_type":
        return load_tensor(path)[1]
    with open(path, "rb") as f:
        data = f.read()
    if kind == "sequence_type":
        seq = onnx.SequenceProto()
        seq.ParseFromString(data)
        return [np.asarray(a) for a in numpy_helper.to_list(seq)]
    if kind == "optional_type":
        opt = onnx.OptionalProto()
        opt.ParseFromString(data)
        value = numpy_helper.to_optional(opt)
        if value is None:
            raise ValueError("an absent optional")
        return [np.asarray(a) for a in value] if isinstance(value, list) \
            else np.asarray(value)
    raise ValueError("a value of type %s" % kind)


def frozen_names(model, weights=False):
    """Graph inputs that feed a parameter slot of some node (and with
    `weights`, a weight or bias slot of a linear operator)."""
    inits = {i.name for i in model.graph.initializer}
    graph_inputs = {i.name for i in model.graph.input} - inits
    names = set()
    for node in model.graph.node:
        slots = set(FROZEN_INPUTS.get(node.op_type, ()))
        if weights:
            slots |= WEIGHT_INPUTS.get(node.op_type, set())
        for pos in slots:
            if pos < len(node.input) and node.input[pos] in graph_inputs:
                names.add(node.input[pos])
    return names


def has_weights(model):
    """True when some graph input feeds a linear operator's weights."""
    return bool(frozen_names(model, True) - frozen_names(model))


def first_error(text):
    for line in text.splitlines():
        if "error:" in line:
            return line.split("error:", 1)[1].strip()
    lines = [l for l in text.splitlines() if l.strip()]
    return lines[-1].strip() if lines else "(no message)"


def compare(ours, expected):
    """None if `ours` matches, else why not."""
    if ours.shape != expected.shape:
        return "shape %s, expected %s" % (ours.shape, expected.shape)
    if expected.dtype.kind in "iub":
        if ours.dtype.itemsize != expected.dtype.itemsize:
            return "dtype %s, expected %s" % (ours.dtype, expected.dtype)
        ours = ours.view(expected.dtype) if ours.dtype != expected.dtype \
            else ours
        diff = np.flatnonzero(ours != expected)
        if diff.size:
            i = diff[0]
            return "%d of %d integers differ (first at %d: %s, expected %s)" % (
                diff.size, expected.size, i, ours.flat[i], expected.flat[i])
        return None
    ours = ours.astype(np.float64)
    exp = expected.astype(np.float64)
    nan_ok = np.isnan(ours) == np.isnan(exp)
    err = np.abs(ours - exp)
    bad = ~(np.isnan(exp) | (err <= ATOL + RTOL * np.abs(exp))) | ~nan_ok
    if bad.any():
        i = np.flatnonzero(bad)[0]
        return "%d of %d floats off (max abs diff %.3g; first at %d: %r, " \
               "expected %r)" % (bad.sum(), exp.size, np.nanmax(err), i,
                                 ours.flat[i], exp.flat[i])
    return None


def run_data_set(quant_run, test_dir, model, data_dir, work, timeout,
                 weights=False):
    """('pass'|'fail'|'unsupported', detail) for one data set; `weights`
    freezes the linear operators' weights too."""
    inits = {i.name for i in model.graph.initializer}
    inputs = [i for i in model.graph.input if i.name not in inits]
    frozen = frozen_names(model, weights)
    cmd = [quant_run, os.path.join(test_dir, "model.onnx")]
    npys = 0
    for k, info in enumerate(inputs):
        name = info.name
        pb = os.path.join(data_dir, "input_%d.pb" % k)
        if not os.path.exists(pb):
            return "unsupported", "input %d ('%s') has no data (optional " \
                   "input omitted)" % (k, name)
        if name in frozen:
            cmd.append("--freeze-input=%s=%s" % (name, pb))
            continue
        try:
            value = load_value(pb, info.type)
        except ValueError as e:
            return "unsupported", "input '%s' is %s" % (name, e)
        elements = value if isinstance(value, list) else [value]
        if isinstance(value, list):
            cmd.append("--input-shape=%s=[%s]" % (name, ",".join(
                "x".join(str(d) for d in a.shape) for a in value)))
        for a in elements:
            if a.dtype.type not in NPY_DTYPES:
                return "unsupported", "input '%s' has type %s" % (name,
                                                                  a.dtype)
            npy = os.path.join(work, "in%d.npy" % npys)
            npys += 1
            np.save(npy, np.ascontiguousarray(a))
            cmd += ["-i", npy]
    expected = []
    for k, info in enumerate(model.graph.output):
        pb = os.path.join(data_dir, "output_%d.pb" % k)
        if not os.path.exists(pb):
            # Every declared output is compared: a data set without one
            # would let a wrong output pass.
            return "fail", "the data set has no output_%d.pb for output " \
                   "'%s'" % (k, info.name)
        try:
            value = load_value(pb, info.type)
        except ValueError as e:
            return "unsupported", "output '%s' is %s" % (info.name, e)
        for a in value if isinstance(value, list) else [value]:
            cmd += ["-o", os.path.join(work, "out%d.npy" % len(expected))]
            expected.append(a)
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True,
                              timeout=timeout)
    except subprocess.TimeoutExpired:
        return "fail", "timed out after %d s" % timeout
    if proc.returncode == 1:
        return "unsupported", first_error(proc.stderr)
    if proc.returncode != 0:
        return "fail", "quant-run crashed (exit %d): %s" % (
            proc.returncode, first_error(proc.stderr))
    for k, exp in enumerate(expected):
        out = os.path.join(work, "out%d.npy" % k)
        if not os.path.exists(out):
            return "fail", "quant-run wrote no output %d" % k
        ours = np.load(out)
        why = compare(ours, exp)
        if why:
            return "fail", "output %d: %s" % (k, why)
    return "pass", ""


def run_test(args, name, test_dir, weights=False):
    model = onnx.load(os.path.join(test_dir, "model.onnx"))
    work = tempfile.mkdtemp(prefix=name + ".", dir=args.work)
    start = time.time()
    status, detail = "pass", ""
    try:
        sets = sorted(d for d in os.listdir(test_dir)
                      if d.startswith("test_data_set_"))
        if not sets:
            status, detail = "fail", "no test_data_set_* directory"
        for d in sets:
            try:
                status, detail = run_data_set(args.quant_run, test_dir, model,
                                              os.path.join(test_dir, d), work,
                                              args.timeout, weights)
            except Exception as e:  # A broken test must not stop the run.
                status, detail = "fail", "runner exception: %r" % e
            if status != "pass":
                detail = "%s: %s" % (d, detail) if len(sets) > 1 else detail
                break
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if weights:
        name += FROZEN_SUFFIX
    return name, status, detail, time.time() - start


FROZEN_SUFFIX = " [frozen weights]"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quant-run", required=True)
    p.add_argument("--testdata",
                   default="/usr/share/libonnx-testdata/data/node")
    p.add_argument("--expected", default=os.path.join(
        here, "..", "test", "onnx", "conformance-unsupported.txt"))
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    p.add_argument("--filter", default="", help="only tests matching REGEX")
    p.add_argument("--timeout", type=int, default=120)
    p.add_argument("--work", default=None, help="scratch directory")
    p.add_argument("--markdown", help="also write the summary table here")
    args = p.parse_args()

    if not os.path.isdir(args.testdata):
        print("onnx-conformance: skipped: no ONNX backend test data at %s "
              "(Debian package libonnx-testdata)" % args.testdata)
        return 1 if os.environ.get("QUANT_STRICT") == "1" else 77
    expected = read_expected(args.expected)
    selected, others, not_run, frozen_tests = [], {}, 0, []
    for name in sorted(os.listdir(args.testdata)):
        test_dir = os.path.join(args.testdata, name)
        if not os.path.isfile(os.path.join(test_dir, "model.onnx")):
            continue
        if args.filter and not re.search(args.filter, name):
            continue
        model = onnx.load(os.path.join(test_dir, "model.onnx"),
                          load_external_data=False)
        ops = {n.op_type for n in model.graph.node}
        if ops <= SUPPORTED_OPS:
            selected.append((name, test_dir))
            if has_weights(model):
                frozen_tests.append((name, test_dir))
        else:
            not_run += 1
            for op in ops - SUPPORTED_OPS:
                others[op] = others.get(op, 0) + 1

    results = []
    with concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as pool:
        futures = [pool.submit(run_test, args, n, d) for n, d in selected]
        futures += [pool.submit(run_test, args, n, d, True)
                    for n, d in frozen_tests]
        for f in concurrent.futures.as_completed(futures):
            results.append(f.result())
    results.sort()

    passed, failed, unsupported = [], [], []
    plain = {n: s for n, s, _, _ in results if not n.endswith(FROZEN_SUFFIX)}
    for name, status, detail, secs in results:
        if name.endswith(FROZEN_SUFFIX):
            # The frozen-weights run must do what the plain run does: pass
            # where it passes; where the plain run is an expected
            # unsupported, either.
            base = name[:-len(FROZEN_SUFFIX)]
            if status == "pass":
                passed.append(name)
            elif status == "unsupported" and plain.get(base) != "pass":
                unsupported.append((name, detail))
            elif status == "unsupported":
                failed.append((name, "unsupported with constant weights: " +
                               detail))
            else:
                failed.append((name, detail))
        elif status == "pass" and name in expected:
            failed.append((name, "passes but is listed as unsupported (%s): "
                           "remove it from %s" % (
                               expected[name],
                               os.path.basename(args.expected))))
        elif status == "pass":
            passed.append(name)
        elif status == "unsupported" and name in expected:
            unsupported.append((name, detail))
        elif status == "unsupported":
            failed.append((name, "unexpectedly unsupported: " + detail))
        else:
            failed.append((name, detail))
    stale = sorted(set(expected) - {n for n, _ in selected})
    if not args.filter:
        for name in stale:
            failed.append((name, "listed as unsupported but not a selected "
                           "test"))

    width = max([len(n) for n, _, _, _ in results] + [20])
    print("ONNX backend node tests (%s): %d use only supported operators "
          "and run, %d use others and do not; %d run again with their "
          "weights frozen as constants" % (args.testdata, len(selected),
                                           not_run, len(frozen_tests)))
    print("float tolerance: |ours - expected| <= %g + %g * |expected|; "
          "integers bit-exact" % (ATOL, RTOL))
    print()
    print("%-*s  %-11s  %s" % (width, "test", "result", "detail"))
    print("-" * (width + 40))
    for name, status, detail, secs in results:
        shown = {"pass": "passed", "fail": "FAILED",
                 "unsupported": "unsupported"}[status]
        if any(n == name for n, _ in failed):
            shown = "FAILED"
            detail = next(d for n, d in failed if n == name)
        print("%-*s  %-11s  %s" % (width, name, shown,
                                   detail or "%.1f s" % secs))
    print()
    quant = [n for n, _, _, _ in results if QUANT_TESTS.match(n)]
    quant_passed = [n for n in quant if n in passed]
    print("quantization tests: %d of %d passed" % (len(quant_passed),
                                                   len(quant)))
    print("unsupported (expected, listed in %s): %d" % (
        os.path.basename(args.expected), len(unsupported)))
    for name, detail in unsupported:
        print("  %s: %s" % (name, detail))
    if failed:
        print("failed: %d" % len(failed))
        for name, detail in failed:
            print("  %s: %s" % (name, detail))
    if others and not args.filter:
        print("operators outside the supported list (tests using them): " +
              ", ".join("%s %d" % kv for kv in sorted(others.items())))
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write("| tests | passed | failed | unsupported (expected) |\n")
            f.write("|---|---|---|---|\n")
            f.write("| all selected | %d | %d | %d |\n" % (
                len(passed), len(failed), len(unsupported)))
            f.write("| quantization | %d | %d | %d |\n" % (
                len(quant_passed),
                len([n for n, _ in failed if QUANT_TESTS.match(n)]),
                len([n for n, _ in unsupported if QUANT_TESTS.match(n)])))
    print("%d passed, %d failed" % (len(passed), len(failed)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
