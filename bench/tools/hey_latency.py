"""hey's per-request CSV (-o csv) on stdin -> "p50_ms p99_ms achieved_rps" for a run of argv[1] seconds.
Warns on stderr when a response was not 200 (those count in the latency too)."""
import csv
import statistics
import sys

rows = list(csv.DictReader(sys.stdin))
xs = sorted(float(r["response-time"]) * 1000 for r in rows)
bad = [r["status-code"] for r in rows if r["status-code"] != "200"]
if bad:
    print(f"hey: {len(bad)} responses were not 200: {sorted(set(bad))}", file=sys.stderr)
q = statistics.quantiles(xs, n=100)
print(f"{q[49]:.2f} {q[98]:.2f} {len(xs) / float(sys.argv[1]):.1f}")
