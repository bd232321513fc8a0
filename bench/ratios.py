#!/usr/bin/env python3
"""Reads quant-bench's Google Benchmark JSON and prints, per shape, the
throughput (GOP/s) of each implementation and the ratios ours / peer
(> 1: we are faster). With --benchmark_repetitions the best repetition of
each benchmark is used (the "max" aggregate of the ops/s counter)."""
import collections
import json
import sys

data = json.load(open(sys.argv[1]))
# Registration order (random interleaving shuffles the output order).
data["benchmarks"].sort(key=lambda b: b.get("family_index", 0))
rows = collections.OrderedDict()
best = any(b.get("aggregate_name") == "max" for b in data["benchmarks"])
for b in data["benchmarks"]:
    if best:
        if b.get("aggregate_name") != "max":
            continue
    elif b.get("run_type", "iteration") != "iteration":
        continue
    group, shape, impl = b["run_name"].split("/")[:3] if "run_name" in b \
        else b["name"].split("/")[:3]
    rows.setdefault((group, shape), {})[impl] = b["ops"] / 1e9

binary = collections.OrderedDict(
    (k, v) for k, v in rows.items() if k[0] == "conv_bin")
gemm_bin = collections.OrderedDict(
    (k, v) for k, v in rows.items() if k[0] == "gemm_bin")
roofline = collections.OrderedDict(
    (k, v) for k, v in rows.items() if k[0] == "roofline_bin")
rows = collections.OrderedDict(
    (k, v) for k, v in rows.items() if not k[0].endswith("_bin"))

peers = ["onednn", "openblas"]
# ours_w7: the same int8 layer with 7-bit weights (pmaddubsw without VNNI).
print("%-10s %-22s %9s %9s %9s %9s %9s %8s %8s %8s" %
      ("kind", "shape", "ours", "ours_w7", "onednn", "openblas", "generic",
       "/onednn", "w7/onednn", "/openblas"))
for (group, shape), r in rows.items():
    ours = r.get("ours")
    cells = ["%9.1f" % r[k] if k in r else "%9s" % "-"
             for k in ["ours", "ours_w7", "onednn", "openblas", "ours_generic"]]
    ratios = ["%8.2f" % (r[a] / r[p]) if a in r and p in r else "%8s" % "-"
              for a, p in [("ours", "onednn"), ("ours_w7", "onednn"),
                           ("ours", "openblas")]]
    print("%-10s %-22s %s %s" % (group, shape, " ".join(cells),
                                  " ".join(ratios)))
print("(GOP/s = 2 * MACs / s, single thread%s; ratios > 1: ours is faster)"
      % (", best of %d repetitions" % data["benchmarks"][0].get("repetitions", 1)
         if best else ""))

if binary:
    # Binary layers: our XNOR kernels against fp32 oneDNN and our own int8
    # kernels at the same shape (GOP/s count each binary MAC as 2 ops).
    print()
    print("%-10s %-22s %9s %9s %9s %11s %9s" %
          ("kind", "shape", "ours", "onednn32", "ours_i8", "/onednn_f32",
           "/ours_i8"))
    for (group, shape), r in binary.items():
        ours = r.get("ours")
        cells = ["%9.1f" % r[k] if k in r else "%9s" % "-"
                 for k in ["ours", "onednn_f32", "ours_i8"]]
        ratios = ["%11.2f" % (ours / r["onednn_f32"])
                  if ours and "onednn_f32" in r else "%11s" % "-",
                  "%9.2f" % (ours / r["ours_i8"])
                  if ours and "ours_i8" in r else "%9s" % "-"]
        print("%-10s %-22s %s %s" % (group, shape, " ".join(cells),
                                      " ".join(ratios)))

if roofline or gemm_bin:
    # Binary GEMMs against the best pure xor-popcount loop of the host.
    print()
    peak = max((r["peak"] for r in roofline.values()), default=None)
    for (group, isa), r in roofline.items():
        print("%-12s %-20s %9.1f GOP/s" % (group, isa, r["peak"]))
    for (group, shape), r in gemm_bin.items():
        ours = r.get("ours")
        print("%-12s %-20s %9.1f GOP/s %s" % (
            group, shape, ours,
            "%5.1f%% of the roofline" % (100 * ours / peak) if peak else ""))
