"""Reads a sync run (JSON from syncStatus) on stdin; prints its wall time and each part's, in ms:
   total=12345 LICENSES=12 USERS=3456 USAGE=7890 status=SUCCEEDED"""
import json
import sys
from datetime import datetime


def ms(a, b):
    return round((datetime.fromisoformat(b.replace("Z", "+00:00")) -
                  datetime.fromisoformat(a.replace("Z", "+00:00"))).total_seconds() * 1000)


run = json.load(sys.stdin)
out = [f"total={ms(run['startedAt'], run['finishedAt'])}"]
for p in run["parts"]:
    out.append(f"{p['part']}={ms(p['startedAt'], p['finishedAt'])}")
out.append(f"status={run['status']}")
print(" ".join(out))
