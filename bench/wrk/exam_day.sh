#!/usr/bin/env bash
# The exam-day load benchmark (issue 5): a release RescueCert on SQLite (or PostgreSQL with
# RC_BENCH_PG set to a libpq URL), N candidates made by `rescuecert bench exam-day`, wrk playing
# the day with bench/wrk/exam_day.lua (all start together, then one answer every THINK ms each,
# QUESTIONS answers, a final submit), the server's RSS sampled with ps during the run, and nginx
# serving a static file in the same run as the reference.
# Usage: bench/wrk/exam_day.sh [PATH/TO/rescuecert]
#   env: CANDIDATES (3000) THINK_MS (1000) QUESTIONS (40) CONNECTIONS (256) THREADS (2)
#        DURATION (s, default QUESTIONS*THINK/1000 + 15) RC_BENCH_PG (postgresql://... to use PostgreSQL)
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=$(realpath "${1:-build/release/src/cli/rescuecert}")
CANDIDATES=${CANDIDATES:-3000} THINK_MS=${THINK_MS:-1000} QUESTIONS=${QUESTIONS:-40}
CONNECTIONS=${CONNECTIONS:-256} THREADS=${THREADS:-2}
DURATION=${DURATION:-$((QUESTIONS * THINK_MS / 1000 + 15))}
. bench/wrk/common.sh
trap bench_stop EXIT
extra=()
[ -n "${RC_BENCH_PG:-}" ] && extra+=("RESCUECERT_DATABASE=$RC_BENCH_PG")
bench_start_platform "$bin" "${extra[@]}"
base="http://127.0.0.1:$RC_PORT"
t0=$(date +%s%N)
"$bin" bench exam-day --candidates "$CANDIDATES" --out "$BENCH_WORK/candidates.tsv" --i-know >/dev/null
echo "set-up: $CANDIDATES candidates, sealed papers and sessions in $(( ($(date +%s%N) - t0) / 1000000 )) ms"
pid=${BENCH_PIDS[0]}
( peak=0; while kill -0 "$pid" 2>/dev/null; do
    rss=$(ps -o rss= -p "$pid" 2>/dev/null || echo 0); [ "${rss:-0}" -gt "$peak" ] && peak=$rss
    echo "$peak" >"$BENCH_WORK/rss_peak"; sleep 0.5; done ) &
sampler=$!
echo "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s -s bench/wrk/exam_day.lua $base -- candidates.tsv $THINK_MS $QUESTIONS acks"
WRK_THREADS=$THREADS wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency \
  -s bench/wrk/exam_day.lua "$base" -- "$BENCH_WORK/candidates.tsv" "$THINK_MS" "$QUESTIONS" "$BENCH_WORK/acks" \
  | tee "$BENCH_WORK/wrk.txt" | grep -E "exam_day|Requests/sec|Latency|Non-2xx|Socket errors" || true
kill "$sampler" 2>/dev/null || true
printf 'server RSS peak: %d MB\n' $(( $(cat "$BENCH_WORK/rss_peak") / 1024 ))
cat "$BENCH_WORK"/acks.* | wc -l | xargs printf 'acknowledged saves logged by wrk: %s\n'
curl -fs "$base/static/app.css" >"$BENCH_WORK/app.css"
bench_start_nginx "$BENCH_WORK/app.css"
printf 'target\treq/s\tp50\tp99\n'
bench_wrk "nginx static ($(wc -c <"$BENCH_WORK/app.css") B)" "http://127.0.0.1:$NGINX_PORT/static.html"
bench_wrk "rescuecert /static/app.css (same file)" "$base/static/app.css"
