"""Sums a JFR execution-sample dump (jfr print --events jdk.ExecutionSample) by inclusive frame, for a profile read by a
person: jfr_top.py FILE [FILTER-REGEX]."""
import collections
import re
import sys

txt = open(sys.argv[1]).read()
flt = re.compile(sys.argv[2]) if len(sys.argv) > 2 else None
incl, self_ = collections.Counter(), collections.Counter()
n = 0
for e in txt.split("jdk.ExecutionSample")[1:]:
    frames = re.findall(r"^\s+([\w.$<>]+)\(", e, re.M)
    if not frames:
        continue
    n += 1
    self_[frames[0]] += 1
    for f in set(frames):
        incl[f] += 1
print("samples", n)
for f, c in incl.most_common(400):
    if flt is None or flt.search(f):
        print(f"{c * 100 / n:5.1f}% {f}")
