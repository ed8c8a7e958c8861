#!/usr/bin/env bash
# The exam-day load benchmark (issue 5): a release RescueCert on SQLite (or PostgreSQL with
# RC_BENCH_PG set to a libpq URL), N candidates made by `rescuecert bench exam-day`, wrk playing
# the day with bench/wrk/exam_day.lua (all start together, then one answer every THINK ms each,
# QUESTIONS answers, a final submit), the server's RSS sampled with ps during the run, and nginx
# serving a static file in the same run as the reference.
# Usage: bench/wrk/exam_day.sh [PATH/TO/rescuecert]
#   env: CANDIDATES (3000) THINK_MS (1000) QUESTIONS (40) CONNECTIONS (256) THREADS (2)
#        DURATION (s, default QUESTIONS*THINK/1000 + 15) RC_BENCH_PG (postgresql://... to use PostgreSQL)
#        MODE pace (default: CONNECTIONS carry all candidates, each keeping THINK) or conn (one
#        connection per candidate waiting THINK between requests, wrk's delay(); the candidates
#        are shared out over WRK_PROCS wrk processes, each with CANDIDATES/WRK_PROCS connections:
#        one process may hold at most ~20,000 descriptors here)
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=$(realpath "${1:-build/release/src/cli/rescuecert}")
CANDIDATES=${CANDIDATES:-3000} THINK_MS=${THINK_MS:-1000} QUESTIONS=${QUESTIONS:-40}
CONNECTIONS=${CONNECTIONS:-256} THREADS=${THREADS:-2} MODE=${MODE:-pace} WRK_PROCS=${WRK_PROCS:-1}
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
if [ "$MODE" = conn ]; then
  CONNECTIONS=$((CANDIDATES / WRK_PROCS))
fi
echo "$WRK_PROCS x wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s -s bench/wrk/exam_day.lua $base -- candidates.tsv $THINK_MS $QUESTIONS acks $MODE"
wrks=()
for k in $(seq "$WRK_PROCS"); do
  WRK_THREADS=$THREADS WRK_SLICE="$k/$WRK_PROCS" WRK_HIST="$BENCH_WORK/hist.$k" \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency \
    -s bench/wrk/exam_day.lua "$base" -- "$BENCH_WORK/candidates.tsv" "$THINK_MS" "$QUESTIONS" "$BENCH_WORK/acks" "$MODE" \
    >"$BENCH_WORK/wrk.$k.txt" 2>&1 &
  wrks+=($!)
done
for w in "${wrks[@]}"; do wait "$w" || true; done
for k in $(seq "$WRK_PROCS"); do
  grep -E "exam_day|Requests/sec|Latency|Non-2xx|Socket errors" "$BENCH_WORK/wrk.$k.txt" || cat "$BENCH_WORK/wrk.$k.txt"
done
kill "$sampler" 2>/dev/null || true
# All processes together: acknowledged saves per second over the span from the first to the
# last acknowledgement anywhere, and the save latency percentiles of the merged histograms.
python3 - "$BENCH_WORK"/hist.* <<'PY'
import sys
acks = refused = starts = submits = requests = 0
first, last, hist = None, None, {}
for path in sys.argv[1:]:
    for line in open(path):
        p = line.split()
        if p[0] == "counts":
            a, r, s, u, f, l, q = int(p[1]), int(p[2]), int(p[3]), int(p[4]), float(p[5]), float(p[6]), int(p[7])
            acks += a; refused += r; starts += s; submits += u; requests += q
            if f: first = f if first is None else min(first, f)
            if l: last = l if last is None else max(last, l)
        else:
            hist[int(p[0])] = hist.get(int(p[0]), 0) + int(p[1])
n = sum(hist.values())
def pct(p):
    seen = 0
    for b in sorted(hist):
        seen += hist[b]
        if seen >= n * p / 100: return b + 1
    return 0
span = (last - first) / 1000 if first and last and last > first else 0
print(f"all wrk: starts={starts} acks={acks} submits={submits} refused={refused} ack_span_s={span:.1f} "
      f"acks_per_s={acks / span if span else 0:.0f} save_p50_ms<={pct(50)} save_p99_ms<={pct(99)} requests={requests}")
PY
printf 'server RSS peak: %d MB\n' $(( $(cat "$BENCH_WORK/rss_peak") / 1024 ))
cat "$BENCH_WORK"/acks.* | wc -l | xargs printf 'acknowledged saves logged by wrk: %s\n'
curl -fs "$base/static/app.css" >"$BENCH_WORK/app.css"
bench_start_nginx "$BENCH_WORK/app.css"
printf 'target\treq/s\tp50\tp99\n'
bench_wrk "nginx static ($(wc -c <"$BENCH_WORK/app.css") B)" "http://127.0.0.1:$NGINX_PORT/static.html"
bench_wrk "rescuecert /static/app.css (same file)" "$base/static/app.css"
