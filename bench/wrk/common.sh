# Shared by the wrk benchmarks: a throw-away RescueCert (release build, SQLite, demo data) and an
# nginx serving a static file as the reference peer, both on free loopback ports, plus a login
# that goes through the real pages (password + image captcha + SMS code from the outbox).
# Source it; call bench_start_platform, bench_start_nginx FILE, bench_login USER, bench_stop.

BENCH_WORK=$(mktemp -d /tmp/rescuecert-bench.XXXXXX)
BENCH_PIDS=()

bench_stop() {
  for p in "${BENCH_PIDS[@]}"; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null; done
  [ -f "$BENCH_WORK/nginx.pid" ] && kill "$(cat "$BENCH_WORK/nginx.pid")" 2>/dev/null
  rm -rf "$BENCH_WORK"
}

# bench_start_platform BIN [extra env assignments...]: init, demo, serve on port 0; sets RC_PORT.
bench_start_platform() {
  local bin=$1; shift
  export RESCUECERT_DATA_DIR="$BENCH_WORK/var" RESCUECERT_KEYS_DIR="$BENCH_WORK/var/keys"
  export RESCUECERT_DATABASE="sqlite://$BENCH_WORK/var/rescuecert.db" RESCUECERT_HTTP_PORT=0
  export RESCUECERT_TESTING_CAPTCHA_LOG="$BENCH_WORK/captcha.log" RC_BIN="$bin"
  for kv in "$@"; do export "${kv?}"; done
  "$bin" init >/dev/null
  "$bin" demo >"$BENCH_WORK/demo.txt"
  "$bin" serve >"$BENCH_WORK/serve.log" 2>&1 &
  BENCH_PIDS+=($!)
  RC_PORT=""
  for _ in $(seq 600); do
    RC_PORT=$(sed -n 's|.*on http://[^:]*:\([0-9]*\)/.*|\1|p' "$BENCH_WORK/serve.log" | head -1)
    [ -n "$RC_PORT" ] && curl -fs "http://127.0.0.1:$RC_PORT/healthz" >/dev/null && return 0
    sleep 0.1
  done
  cat "$BENCH_WORK/serve.log" >&2
  return 1
}

# bench_start_nginx FILE: serves FILE at /static.html (and a 1-byte /tiny); sets NGINX_PORT.
bench_start_nginx() {
  mkdir -p "$BENCH_WORK/nginx/www" "$BENCH_WORK/nginx/tmp"
  chmod 755 "$BENCH_WORK" "$BENCH_WORK/nginx" "$BENCH_WORK/nginx/www"  # nginx's workers run as www-data
  cp "$1" "$BENCH_WORK/nginx/www/static.html"
  chmod 644 "$BENCH_WORK/nginx/www/static.html"
  printf x >"$BENCH_WORK/nginx/www/tiny"
  NGINX_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  cat >"$BENCH_WORK/nginx/nginx.conf" <<CONF
worker_processes 2;
pid $BENCH_WORK/nginx.pid;
error_log $BENCH_WORK/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $BENCH_WORK/nginx/tmp; proxy_temp_path $BENCH_WORK/nginx/tmp;
  fastcgi_temp_path $BENCH_WORK/nginx/tmp; uwsgi_temp_path $BENCH_WORK/nginx/tmp; scgi_temp_path $BENCH_WORK/nginx/tmp;
  default_type text/html;
  server { listen 127.0.0.1:$NGINX_PORT; root $BENCH_WORK/nginx/www; }
}
CONF
  nginx -c "$BENCH_WORK/nginx/nginx.conf" -p "$BENCH_WORK/nginx" 2>/dev/null || nginx -c "$BENCH_WORK/nginx/nginx.conf"
  for _ in $(seq 50); do curl -fs "http://127.0.0.1:$NGINX_PORT/tiny" >/dev/null && return 0; sleep 0.1; done
  return 1
}

# bench_login USER [PHONE]: prints "rc_session=..." for a full session of USER (demo password).
bench_login() {
  local user=$1 phone=${2:-} base="http://127.0.0.1:$RC_PORT" page anon csrf cid answer session code
  page=$(curl -fsi "$base/login")
  anon=$(printf '%s' "$page" | sed -n 's/^Set-Cookie: \(rc_anon=[^;]*\).*/\1/ip' | head -1)
  csrf=$(printf '%s' "$page" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  cid=$(printf '%s' "$page" | sed -n 's/.*name="captcha_id" value="\([^"]*\)".*/\1/p' | head -1)
  answer=$(sed -n "s/^$cid \([^ ]*\).*/\1/p" "$RESCUECERT_TESTING_CAPTCHA_LOG" | head -1)
  page=$(curl -fsi -H "Cookie: $anon" --data-urlencode "_csrf=$csrf" --data-urlencode "captcha_id=$cid" \
    --data-urlencode "username=$user" --data-urlencode "password=Demo2026rc" --data-urlencode "captcha=$answer" "$base/login")
  session=$(printf '%s' "$page" | sed -n 's/^Set-Cookie: \(rc_session=[^;]*\).*/\1/ip' | head -1)
  page=$(curl -fs -H "Cookie: $session" "$base/login/sms")
  csrf=$(printf '%s' "$page" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  code=$("$RC_BIN" sms outbox --limit 1 ${phone:+--phone "$phone"} | grep '"text"' | grep -o '[0-9]\{6\}' | head -1)
  page=$(curl -fsi -H "Cookie: $session" --data-urlencode "_csrf=$csrf" --data-urlencode "code=$code" "$base/login/sms")
  printf '%s' "$page" | sed -n 's/^Set-Cookie: \(rc_session=[^;]*\).*/\1/ip' | head -1
}

# bench_wrk NAME URL [Cookie]: 10 s of wrk, 2 threads, 32 connections; prints "NAME req/s p50 p99".
bench_wrk() {
  local name=$1 url=$2 cookie=${3:-} out
  out=$(wrk -t2 -c32 -d"${BENCH_SECONDS:-10}"s --latency ${cookie:+-H "Cookie: $cookie"} "$url")
  printf '%s\t%s\t%s\t%s\n' "$name" "$(printf '%s' "$out" | awk '/Requests\/sec/ {print $2}')" \
    "$(printf '%s' "$out" | awk '$1=="50%" {print $2}')" "$(printf '%s' "$out" | awk '$1=="99%" {print $2}')"
  if printf '%s' "$out" | grep -q "Non-2xx"; then printf '%s' "$out" | grep "Non-2xx" >&2; fi
}
