#!/usr/bin/env bash
# Kill test (issue 5): while wrk plays an exam day (bench/wrk/exam_day.lua), the server is killed
# with SIGKILL, restarted on the same port and database, and the load goes on (the script resends
# unanswered steps, as the exam page does). Afterwards EVERY save that wrk saw acknowledged
# (logged by the Lua script: attempt, question, sequence) must be in the database; the script
# fails loudly, listing them, if one is missing. SQLite by default.
# Usage: bench/exam_kill_test.sh [PATH/TO/rescuecert]     (about 30 s)
#   env: CANDIDATES (300) THINK_MS (100) KILL_AFTER (6 s) DURATION (18 s)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-build/release/src/cli/rescuecert}")
CANDIDATES=${CANDIDATES:-300} THINK_MS=${THINK_MS:-100} KILL_AFTER=${KILL_AFTER:-6} DURATION=${DURATION:-18}
work=$(mktemp -d /tmp/rescuecert-kill.XXXXXX)
server=""
cleanup() { [ -n "$server" ] && kill -9 "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
export RESCUECERT_DATA_DIR="$work/var" RESCUECERT_KEYS_DIR="$work/var/keys"
export RESCUECERT_DATABASE="sqlite://$work/var/rescuecert.db"
export RESCUECERT_HTTP_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$bin" init >/dev/null
"$bin" bench exam-day --candidates "$CANDIDATES" --out "$work/candidates.tsv" >/dev/null

serve() {
  "$bin" serve >>"$work/serve.log" 2>&1 &
  server=$!
  for _ in $(seq 300); do
    curl -fs "http://127.0.0.1:$RESCUECERT_HTTP_PORT/healthz" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "exam_kill_test: the server did not come up" >&2; cat "$work/serve.log" >&2; return 1
}

serve
WRK_THREADS=2 wrk -t2 -c64 -d"${DURATION}s" --timeout 5s -s bench/wrk/exam_day.lua \
  "http://127.0.0.1:$RESCUECERT_HTTP_PORT" -- "$work/candidates.tsv" "$THINK_MS" 100 "$work/acks" >"$work/wrk.txt" 2>&1 &
load=$!
sleep "$KILL_AFTER"
kill -9 "$server"
wait "$server" 2>/dev/null || true
before=$(cat "$work"/acks.* 2>/dev/null | wc -l)
echo "killed the server (SIGKILL) after ${KILL_AFTER}s with $before saves acknowledged; restarting"
serve
wait "$load" || true
kill "$server"; wait "$server" 2>/dev/null || true; server=""
grep exam_day "$work/wrk.txt" || { cat "$work/wrk.txt" >&2; exit 1; }

python3 - "$work/var/rescuecert.db" "$before" "$work"/acks.* <<'PY'
import sqlite3, sys
db, before, logs = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
acked = set()
for path in logs:
    with open(path) as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3:
                acked.add(tuple(int(x) for x in parts))
stored = set(sqlite3.connect(db).execute("SELECT attempt_id, question_no, sequence FROM exam_answers").fetchall())
missing = sorted(acked - stored)
print(f"acknowledged saves: {len(acked)} ({before} before the kill), stored answer steps: {len(stored)}")
if before == 0 or len(acked) <= before:
    sys.exit("exam_kill_test: FAILED: the load did not run on both sides of the kill")
if missing:
    for m in missing[:50]:
        print("MISSING acknowledged save: attempt %d question %d sequence %d" % m, file=sys.stderr)
    sys.exit(f"exam_kill_test: FAILED: {len(missing)} acknowledged saves are not in the database")
print("exam_kill_test: OK: every acknowledged save survived kill -9")
PY
