"""Numbers on stdin, one per line -> "median min max n" (the median of an even count is the mean of the middle two)."""
import statistics
import sys

xs = [float(x) for x in sys.stdin.read().split()]
if not xs:
    sys.exit("no numbers")
fmt = lambda v: f"{v:.0f}" if abs(v) >= 100 else f"{v:.3g}"
print(fmt(statistics.median(xs)), fmt(min(xs)), fmt(max(xs)), len(xs))
