#!/usr/bin/env bash
# Verification endpoint throughput (issue 4: at least half of nginx's requests per second in the
# same wrk run). wrk asks GET /api/v1/certificates/<number>/status (what a QR scan and
# `rescuecert cert verify --status-url` ask) for a demo certificate; nginx serves the same JSON
# body as a static file. Usage: bench/wrk/verify.sh [PATH/TO/rescuecert]
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=$(realpath "${1:-build/release/src/cli/rescuecert}")
. bench/wrk/common.sh
trap bench_stop EXIT
bench_start_platform "$bin"
base="http://127.0.0.1:$RC_PORT"
number=$(sqlite3 "$BENCH_WORK/var/rescuecert.db" "SELECT number FROM certificates WHERE status = 'valid' ORDER BY id LIMIT 1")
[ -n "$number" ] || { echo "verify.sh: the demo issued no certificate" >&2; exit 1; }
curl -fs "$base/api/v1/certificates/$number/status" >"$BENCH_WORK/status.json"
bench_start_nginx "$BENCH_WORK/status.json"
printf 'target\treq/s\tp50\tp99\n'
bench_wrk "nginx static (the same $(wc -c <"$BENCH_WORK/status.json") B JSON)" "http://127.0.0.1:$NGINX_PORT/static.html"
bench_wrk "GET /api/v1/certificates/$number/status" "$base/api/v1/certificates/$number/status"
bench_wrk "nginx static again" "http://127.0.0.1:$NGINX_PORT/static.html"
