"""Turns the statements our app ran for one GraphQL request into a pgbench script.

PostgreSQL logs every statement of the benchmark database while the request runs (log_statement = all, set on that
database only); the request is framed by two marker statements sent from psql. This reads the log from stdin and
prints, for the statements between the markers that did not come from the markers' own sessions, each statement
with its bind parameters written in as literals (pgbench's \\set has no strings), one per line, ending in ';'.

usage: capture_sql.py DATABASE START_MARKER END_MARKER < postgresql.log > op.sql
"""
import re
import sys

db, start, end = sys.argv[1:4]
LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \S+ \[(\d+)\] (\S*)@(\S*) (\w+):  (.*)$")

entries = []  # (pid, db, level, text)
for raw in sys.stdin:
    raw = raw.rstrip("\n")
    m = LINE.match(raw)
    if m:
        entries.append([m.group(1), m.group(3), m.group(4), m.group(5)])
    elif entries:  # a continuation line of a multi-line statement
        entries[-1][3] += "\n" + raw.lstrip("\t")

inside = False
marker_pids = set()
statements = []  # [pid, sql]
for pid, database, level, text in entries:
    if database != db:
        continue
    if start in text:
        inside = True
        marker_pids.add(pid)
        continue
    if end in text and inside:
        break
    if not inside or pid in marker_pids:
        continue
    if level == "LOG":
        m = re.match(r"(?:statement|execute [^:]*): (.*)$", text, re.S)
        if m:
            statements.append([pid, m.group(1)])
    elif level == "DETAIL" and text.startswith("parameters:") and statements:
        params = {}
        for name, value in re.findall(r"\$(\d+) = (NULL|'(?:[^']|'')*')", text):
            params[name] = value
        sql = statements[-1][1]
        statements[-1][1] = re.sub(r"\$(\d+)\b", lambda x: params.get(x.group(1), x.group(0)), sql)

for _, sql in statements:
    one_line = " ".join(line.strip() for line in sql.strip().rstrip(";").splitlines())
    if one_line.lower() in ("begin", "commit", "rollback") or one_line.lower().startswith("set "):
        continue
    print(one_line + ";")
