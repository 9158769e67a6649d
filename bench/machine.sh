#!/usr/bin/env bash
# The machine and versions the figures were taken on (bench/work/results/machine.txt).
source "$(dirname "$0")/lib.sh"
{
    echo "date: $(date -u +%FT%TZ)"
    echo "uptime: $(uptime)"
    lscpu | grep -E '^(Model name|Architecture|CPU\(s\)|Thread|Core|Socket|CPU max MHz|L2|L3|Hypervisor)'
    free -m | head -2
    echo "kernel: $(uname -r)"
    echo "java: $("$JAVA" -version 2>&1 | head -1)"
    echo "postgresql: $(PGPASSWORD=$PG_PASSWORD psql -h $PG_HOST -U $PG_ROLE -d postgres -qAtX -c 'select version()')"
    for s in shared_buffers work_mem max_connections jit; do
        echo "  $s = $(PGPASSWORD=$PG_PASSWORD psql -h $PG_HOST -U $PG_ROLE -d postgres -qAtX -c "show $s")"
    done
    echo "node: $("$PGL_DIR/node_modules/.bin/node" --version), postgraphile $(jq -r .version "$PGL_DIR/node_modules/postgraphile/package.json")"
    echo "wrk: $(wrk -v 2>&1 | head -1)"
    echo "hey: $(dpkg-query -W -f '${Version}' hey 2>/dev/null)"
    echo "pgbench: $(pgbench --version)"
} | tee "$WORK/results/machine.txt"
