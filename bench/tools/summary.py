"""Summarises bench/work/results/query.txt: per operation and system, the median (min-max) throughput and latency,
and the ratios against the issue's targets (issue #17: >= 2x PostGraphile's throughput, >= 0.5x pgbench's, p99 <= PostGraphile's)."""
import re
import statistics
import sys
from collections import defaultdict

thr = defaultdict(list)
lat = defaultdict(list)
rate = {}
for line in open(sys.argv[1]):
    f = dict(re.findall(r"(\w+)=([\w.]+)", line))
    if line.startswith("throughput") and f.get("rps"):
        thr[(f["op"], f["system"])].append(float(f["rps"]))
    elif line.startswith("latency"):
        lat[(f["op"], f["system"])].append((float(f["p50_ms"]), float(f["p99_ms"]), float(f.get("offered_rps", "nan"))))
        rate[f["op"]] = f["rate"]


def med(xs):
    return statistics.median(xs) if xs else float("nan")


ops = sorted({k[0] for k in thr} | {k[0] for k in lat}, key=["usage", "users", "licenses"].index)
print("| operation | system | throughput req/s median (min–max) | offered rate req/s | p50 ms | p99 ms median (min–max) |")
print("|---|---|---|---|---|---|")
for op in ops:
    for s in ("ours", "postgraphile", "pgbench"):
        t = thr.get((op, s), [])
        l = lat.get((op, s), [])
        p99 = [x[1] for x in l]
        print(f"| {op} | {s} | {med(t):.1f} ({min(t, default=0):.1f}–{max(t, default=0):.1f}) | {rate.get(op, '')} | "
              f"{med([x[0] for x in l]):.2f} | {med(p99):.2f} ({min(p99, default=0):.2f}–{max(p99, default=0):.2f}) |")
print()
print("| operation | ours / PostGraphile throughput (target ≥ 2) | ours / pgbench throughput (target ≥ 0.5) | p99 ours / PostGraphile (target ≤ 1) |")
print("|---|---|---|---|")
for op in ops:
    o, g, b = (med(thr.get((op, s), [])) for s in ("ours", "postgraphile", "pgbench"))
    po, pg = (med([x[1] for x in lat.get((op, s), [])]) for s in ("ours", "postgraphile"))
    mark = lambda ok: "met" if ok else "**missed**"
    ratio = lambda x, y: x / y if y else float("nan")
    print(f"| {op} | {ratio(o, g):.2f} {mark(ratio(o, g) >= 2)} | {ratio(o, b):.2f} {mark(ratio(o, b) >= 0.5)} | "
          f"{ratio(po, pg):.2f} {mark(ratio(po, pg) <= 1)} |")
