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

peers = ["onednn", "openblas"]
print("%-10s %-22s %9s %9s %9s %9s %8s %8s" %
      ("kind", "shape", "ours", "onednn", "openblas", "generic",
       "/onednn", "/openblas"))
for (group, shape), r in rows.items():
    ours = r.get("ours")
    cells = ["%9.1f" % r[k] if k in r else "%9s" % "-"
             for k in ["ours", "onednn", "openblas", "ours_generic"]]
    ratios = ["%8.2f" % (ours / r[p]) if ours and p in r else "%8s" % "-"
              for p in peers]
    print("%-10s %-22s %s %s" % (group, shape, " ".join(cells),
                                  " ".join(ratios)))
print("(GOP/s = 2 * MACs / s, single thread%s; ratios > 1: ours is faster)"
      % (", best of %d repetitions" % data["benchmarks"][0].get("repetitions", 1)
         if best else ""))
