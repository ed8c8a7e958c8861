#!/usr/bin/env bash
# Page render time per role (issue 3): wrk against each role's home page, signed in through the
# real login, with nginx serving the same page's HTML as a static file in the same run (the peer).
# Usage: bench/wrk/pages.sh [PATH/TO/rescuecert]   (default: build/release/src/cli/rescuecert)
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=$(realpath "${1:-build/release/src/cli/rescuecert}")
. bench/wrk/common.sh
trap bench_stop EXIT
bench_start_platform "$bin"
base="http://127.0.0.1:$RC_PORT"
declare -A cookie
cookie[station]=$(bench_login station 13990000002)
cookie[org1]=$(bench_login org1 13990000005)
cookie[admin]=$(bench_login admin 13990000001)
candidate=$(grep -m1 '审核通过' "$BENCH_WORK/demo.txt" | grep -o 'RC[0-9]\{8\}')
cookie[candidate]=$(bench_login "$candidate")
curl -fs -H "Cookie: ${cookie[station]}" "$base/station" >"$BENCH_WORK/station.html"
bench_start_nginx "$BENCH_WORK/station.html"
printf 'target\treq/s\tp50\tp99\n'
bench_wrk "nginx static ($(wc -c <"$BENCH_WORK/station.html") B, the /station page)" "http://127.0.0.1:$NGINX_PORT/static.html"
bench_wrk "/login (anyone)" "$base/login"
bench_wrk "/station (station: review queue)" "$base/station" "${cookie[station]}"
bench_wrk "/org (organisation: batches)" "$base/org" "${cookie[org1]}"
bench_wrk "/admin (administrator)" "$base/admin" "${cookie[admin]}"
bench_wrk "/me (candidate)" "$base/me" "${cookie[candidate]}"
