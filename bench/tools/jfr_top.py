"""Sums a JFR dump (jfr print --events jdk.ExecutionSample or jdk.CPUTimeSample, or jdk.ObjectAllocationSample) by inclusive frame, for a
profile read by a person: jfr_top.py FILE [FILTER-REGEX]. Execution samples count one each; allocation samples count
by their weight (bytes), so the percentages say where the allocated bytes come from."""
import collections
import re
import sys

UNITS = {"bytes": 1, "byte": 1, "kB": 1024, "MB": 1024 ** 2, "GB": 1024 ** 3}
txt = open(sys.argv[1]).read()
flt = re.compile(sys.argv[2]) if len(sys.argv) > 2 else None
event = next((e for e in ("jdk.ObjectAllocationSample", "jdk.CPUTimeSample") if e in txt), "jdk.ExecutionSample")
incl, self_ = collections.Counter(), collections.Counter()
n = 0
for e in txt.split(event)[1:]:
    frames = re.findall(r"^\s+([\w.$<>]+)\(", e, re.M)
    if not frames:
        continue
    w = 1.0
    if event == "jdk.ObjectAllocationSample":
        m = re.search(r"weight = ([\d.,]+) (\w+)", e)
        w = float(m.group(1).replace(",", "")) * UNITS.get(m.group(2), 1) if m else 0.0
    n += w
    self_[frames[0]] += w
    for f in set(frames):
        incl[f] += w
print(f"{event}: {'%.0f MB sampled' % (n / 1024 ** 2) if event == 'jdk.ObjectAllocationSample' else '%d samples' % n}")
for f, c in incl.most_common(400):
    if flt is None or flt.search(f):
        print(f"{c * 100 / n:5.1f}% {f}")
print("-- top self frames")
for f, c in self_.most_common(15):
    print(f"{c * 100 / n:5.1f}% {f}")
