#!/usr/bin/env python3
"""Mutation check of the test suite: small deliberate bugs, each expected to
fail a named test.

    scripts/mutate.py [--build-dir build] [--list] [NAME...]

For each mutation (all, or the NAMEs given) the script replaces one exact
string in one source file, rebuilds (ninja in the build directory), runs
the named lit test(s) or ctest test(s), and restores the file. A mutation
is "killed" when one of its tests fails, "SURVIVED" when they all pass
(the suite is blind to that bug), "stale" when its source string is gone
(the code changed: update the mutation). The tree is restored and rebuilt
at the end, also after Ctrl-C. Exit 1 unless every mutation is killed.

Run it before a release (each mutation rebuilds a few objects and relinks:
about 1 minute apiece on 2 cores); it is not part of ctest. The last
result is recorded in docs/architecture.md ("Mutation check").
"""
import argparse
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIT = "/usr/lib/llvm-22/bin/lit"

# name: (file, exact original text, mutated text, tests, what it models).
# Tests are lit files relative to test/ or "ctest:<regex>".
MUTATIONS = {
    "threshold-beta-eq-t": (
        "lib/Dialect/QNN/Transforms/FoldThreshold.cpp",
        "thresholds[c] = (*beta)[c] >= t ? -inf : inf;",
        "thresholds[c] = (*beta)[c] > t ? -inf : inf;",
        ["e2e/fold-threshold.mlir"],
        "gamma = 0, beta == t folds to 'always -1' instead of +1"),
    "binarize-tie": (
        "lib/Conversion/QNNToLinalg/BinarizeOps.cpp",
        "arith::CmpIPredicate::sge, x, t);",
        "arith::CmpIPredicate::sgt, x, t);",
        ["e2e/fold-threshold.mlir"],
        "an accumulator equal to its threshold binarizes to -1"),
    "requant-output-zp": (
        "lib/Dialect/QNN/Transforms/LowerLinear.cpp",
        "spec.outputZp = y.zeroPoint(0);",
        "spec.outputZp = y.zeroPoint(0) + 1;",
        ["e2e/fmnist-int.mlir"],
        "lower-to-integer adds the wrong output zero point (invisible to a "
        "reference evaluated on the lowered graph)"),
    "maddubs-bound": (
        "lib/Support/Numerics.cpp",
        "return pos <= 128 && neg >= -128;",
        "return pos <= 129 && neg >= -128;",
        ["Codegen/maddubs.mlir"],
        "pmaddubsw chosen for weight pairs whose sums can saturate"),
    "round-half-even-magic": (
        "lib/Conversion/QNNToLinalg/QNNToLinalg.cpp",
        "constantLike(b, loc, x, f32, 12582912.0); // 1.5 * 2^23",
        "constantLike(b, loc, x, f32, 8388608.0); // 1.5 * 2^23",
        ["tools/quant-compile/rescale-i32.mlir"],
        "f32 half-even rounding breaks for negative values"),
    "maxpool-indices-nan": (
        "lib/Conversion/QNNToLinalg/PoolingOps.cpp",
        "fcmp(arith::CmpFPredicate::UNO, args[0], args[0]),",
        "fcmp(arith::CmpFPredicate::UNO, args[2], args[2]),",
        ["e2e/onnx-ops.mlir"],
        "max_pool2d_indices skips NaN while max_pool2d propagates it"),
    "calibration-mse-ignored": (
        "lib/Quantization/Calibration.cpp",
        "return Method::MSE;",
        "return Method::MinMax;",
        ["tools/quant-compile/calibrate.mlir"],
        "--calibration=mse silently calibrates with min/max"),
    "i32-accumulator-wrap": (
        "test/e2e/ref/Evaluator.cpp",
        "static_cast<uint32_t>(static_cast<int64_t>(v))));",
        "static_cast<uint32_t>(static_cast<int64_t>(v + 1))));",
        ["e2e/boundary.mlir"],
        "the reference's i32 wrap-around is off (a harness mutation: the "
        "boundary test must see it)"),
}


def run(cmd, **kw):
    return subprocess.run(cmd, cwd=ROOT, **kw)


def build(build_dir):
    proc = run(["ninja", "-C", build_dir], stdout=subprocess.PIPE,
               stderr=subprocess.STDOUT, text=True)
    return proc.returncode == 0, proc.stdout


def run_tests(build_dir, tests):
    """True when every test passes."""
    env = dict(os.environ)
    env["PATH"] = os.path.join(build_dir, "bin") + os.pathsep + env["PATH"]
    for t in tests:
        if t.startswith("ctest:"):
            cmd = ["ctest", "--test-dir", build_dir, "-R", t[6:]]
        else:
            cmd = [LIT, "-q", os.path.join(build_dir, "test", t)]
        if run(cmd, env=env, stdout=subprocess.DEVNULL,
               stderr=subprocess.DEVNULL).returncode != 0:
            return False
    return True


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--build-dir", default=os.path.join(ROOT, "build"))
    p.add_argument("--list", action="store_true")
    p.add_argument("names", nargs="*")
    args = p.parse_args()
    if args.list:
        for name, (path, _, _, tests, what) in MUTATIONS.items():
            print("%-26s %s -> %s\n%26s %s" % (name, path, ", ".join(tests),
                                               "", what))
        return 0
    names = args.names or list(MUTATIONS)
    unknown = [n for n in names if n not in MUTATIONS]
    if unknown:
        print("mutate: unknown mutation(s): " + ", ".join(unknown))
        return 2
    ok, log = build(args.build_dir)
    if not ok:
        print(log)
        print("mutate: the unmutated tree does not build")
        return 2
    results = []
    try:
        for name in names:
            path, old, new, tests, what = MUTATIONS[name]
            full = os.path.join(ROOT, path)
            text = open(full).read()
            if text.count(old) != 1:
                results.append((name, "stale", "source string found %d "
                                "times in %s" % (text.count(old), path)))
                continue
            try:
                open(full, "w").write(text.replace(old, new))
                ok, log = build(args.build_dir)
                if not ok:
                    status = "killed (does not build)"
                else:
                    status = "SURVIVED" if run_tests(args.build_dir,
                                                     tests) else "killed"
            finally:
                open(full, "w").write(text)
            results.append((name, status, what))
            print("%-26s %s" % (name, status), flush=True)
    finally:
        build(args.build_dir)
    print()
    for name, status, what in results:
        print("%-26s %-24s %s" % (name, status, what))
    bad = [r for r in results if not r[1].startswith("killed")]
    print("%d of %d mutations killed" % (len(results) - len(bad),
                                        len(results)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
