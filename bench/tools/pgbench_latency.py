"""pgbench per-transaction logs (-l, with -R) on stdin -> "p50_ms p99_ms achieved_tps" for a run of argv[1] seconds.
A transaction's latency is its time plus its schedule lag: counted from when it was due, as an open-loop client sees it."""
import statistics
import sys

xs = []
for line in sys.stdin:
    f = line.split()
    xs.append((int(f[2]) + (int(f[6]) if len(f) > 6 else 0)) / 1000)
if not xs:  # none was due within the run (a low rate): not measured, said so instead of a figure
    print(f"nan nan 0.0")
    sys.exit(0)
# quantiles need two points: a slow script at a low rate may log only one transaction in a short run
q = statistics.quantiles(sorted(xs), n=100) if len(xs) > 1 else [xs[0]] * 99
print(f"{q[49]:.2f} {q[98]:.2f} {len(xs) / float(sys.argv[1]):.1f}")
