-- An exam day for wrk (issue 5): every candidate of the file made by `rescuecert bench exam-day`
-- starts the exam at once, then answers one question every THINK milliseconds (question 1, 2,
-- ... with a rising sequence), and submits after QUESTIONS answers. Candidates are shared out
-- over wrk's threads. Two ways to keep the think time (MODE):
--   pace  (default) a thread's connections carry its candidates' requests (each with its own
--         cookie and CSRF header), paced so that each candidate keeps its think time whatever
--         the number of connections (few connections, many candidates);
--   conn  one connection per candidate (-c = candidates): after the starts, wrk's delay() makes
--         every connection wait THINK ms before each request (the first wait is a random part of
--         THINK, so that the answers do not arrive in waves). The answer rate is then
--         connections / THINK.
-- Several wrk processes can share one candidates file: WRK_SLICE=k/m takes every m-th line from
-- the k-th (1-based), so that each process plays other candidates.
--
-- Every acknowledged save (HTTP 200 with "saved":true, sent only after the commit) is appended to
-- ACKLOG.<thread> as "attempt question sequence", for the kill test.
--
-- wrk -t2 -c256 -d70s -s exam_day.lua URL -- CANDIDATES_FILE THINK_MS QUESTIONS ACKLOG [MODE]

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
  table.insert(threads, thread)
end

local cands, by_paper, by_attempt = {}, {}, {}
local nthreads, think, questions, acklog, mode
local next_index, started_all, slot, spacing, first_waits = 1, false, 0, 0, 0
-- Globals, so that done() can read them per thread (thread:get).
acks, refused, starts, submits = 0, 0, 0, 0
first_ack_ms, last_ack_ms = nil, nil
-- Latency of acknowledged saves alone (request sent -> acknowledgement), 1 ms buckets up to 10 s:
-- wrk's own figures mix in the starts, submits and the filler requests.
ack_hist = {}
local retry_ms = 5000  -- an unanswered request (server killed, connection reset) is sent again

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } rc_timespec;
  int clock_gettime(int clock, rc_timespec* out);
]]
local ts = ffi.new("rc_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts)  -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

function init(args)
  local file, think_ms, q, log = args[1], tonumber(args[2] or "10000"), tonumber(args[3] or "10"), args[4]
  mode = args[5] or "pace"
  nthreads = tonumber(os.getenv("WRK_THREADS") or "2")
  local slice_k, slice_m = (os.getenv("WRK_SLICE") or "1/1"):match("^(%d+)/(%d+)$")
  slice_k, slice_m = tonumber(slice_k), tonumber(slice_m)
  think, questions = think_ms, q
  math.randomseed(tid * 7919 + slice_k)
  local i, j = 0, 0
  for line in io.lines(file) do
    if line:sub(1, 1) ~= "#" then
      i = i + 1
      if (i - 1) % slice_m == slice_k - 1 then j = j + 1 end
      if (i - 1) % slice_m == slice_k - 1 and (j - 1) % nthreads == (tid - 1) then
        local cookie, csrf, paper = line:match("^(%S+)\t(%S+)\t(%d+)")
        local c = { cookie = cookie, csrf = csrf, paper = paper, stage = 0, attempt = nil, waiting = false }
        table.insert(cands, c)
        by_paper[paper] = c
      end
    end
  end
  spacing = think / math.max(1, #cands)  -- ms between two requests of this thread
  if log and log ~= "" then
    acklog = io.open(log .. "." .. slice_k .. "." .. tid, "w")
    acklog:setvbuf("line")
  end
end

local function post(c, path, body)
  return wrk.format("POST", path, {
    ["Cookie"] = c.cookie, ["X-CSRF-Token"] = c.csrf, ["Content-Type"] = "application/json" }, body)
end

-- The next candidate with something to do, round robin; nil when none (all waiting or done).
local function pick()
  for _ = 1, #cands do
    local c = cands[next_index]
    next_index = next_index % #cands + 1
    if c.waiting and now_ms() - c.sent_ms > retry_ms then c.waiting = false end  -- lost: same step again
    if not c.waiting and c.stage <= questions + 1 then
      if c.stage == 0 or c.attempt then return c end
    end
  end
  return nil
end

function request()
  local c = pick()
  if not c then  -- nothing due: a static file, so the connection keeps its pace (not counted as a save)
    return wrk.format("GET", "/static/app.css")
  end
  c.waiting, c.sent_ms = true, now_ms()
  if c.stage == 0 then
    return post(c, "/api/v1/exam/attempts", '{"paper":' .. c.paper .. '}')
  elseif c.stage <= questions then
    local q = c.stage
    -- The same step must carry the same choice when it is sent again (idempotent key).
    local choice = (q * 7 + tonumber(c.paper)) % ((q > 80) and 2 or 4)
    return post(c, "/api/v1/exam/attempts/" .. c.attempt .. "/answers",
      string.format('{"question":%d,"sequence":%d,"choice":%d}', q, q, choice))
  else
    return post(c, "/api/v1/exam/attempts/" .. c.attempt .. "/submit", "{}")
  end
end

-- Starts go out together; then one request per `spacing` ms per thread (slots reserved in order),
-- or (MODE conn) THINK ms per connection.
function delay()
  if not started_all then
    for _, c in ipairs(cands) do
      if c.stage == 0 and not c.waiting then return 0 end  -- a start not sent yet
    end
    started_all = true
  end
  if mode == "conn" then
    if first_waits < #cands then  -- about one per connection: spread the first answers over THINK
      first_waits = first_waits + 1
      return math.random(0, think)
    end
    return think
  end
  local t = now_ms()
  slot = math.max(slot + spacing, t)
  return math.floor(slot - t)
end

function response(status, headers, body)
  local attempt, q, seq = body:match('"attempt":(%d+),"question":(%d+),"repeated":%a+,"saved":true,"sequence":(%d+)')
  if status == 200 and attempt then
    local c = by_attempt[attempt]
    local t = now_ms()
    if c then
      if c.waiting and tonumber(q) == c.stage then
        local b = math.min(10000, math.floor(t - c.sent_ms))
        ack_hist[b] = (ack_hist[b] or 0) + 1
      end
      c.stage = c.stage + 1
      c.waiting = false
    end
    acks = acks + 1
    first_ack_ms = first_ack_ms or t
    last_ack_ms = t
    if acklog then acklog:write(attempt, " ", q, " ", seq, "\n") end
    return
  end
  local paper = body:match('"paper":(%d+)')
  local started = body:match('"attempt":(%d+)')
  if (status == 200 or status == 201) and paper and started and by_paper[paper] and by_paper[paper].stage == 0 then
    local c = by_paper[paper]
    c.attempt, c.stage, c.waiting = started, 1, false
    by_attempt[started] = c
    starts = starts + 1
    return
  end
  if status == 200 and body:match('"marked"') and started then
    local c = by_attempt[started]
    if c then c.stage = questions + 2; c.waiting = false end
    submits = submits + 1
    return
  end
  if status == 422 and body:match('"exam.closed"') then
    -- A submit sent again after its reply was lost (the kill test): the attempt is closed.
    -- The response does not name the attempt, so the candidate waiting on a submit is found.
    for _, c in ipairs(cands) do
      if c.waiting and c.stage == questions + 1 then c.stage = questions + 2; c.waiting = false; break end
    end
    submits = submits + 1
    return
  end
  if status >= 400 then
    refused = refused + 1  -- the candidate's step is sent again after retry_ms
  end
end

local function percentile(hist, n, p)
  local want, seen = n * p / 100, 0
  for b = 0, 10000 do
    seen = seen + (hist[b] or 0)
    if seen >= want and seen > 0 then return b + 1 end  -- upper edge of the 1 ms bucket
  end
  return 10000
end

function done(summary, latency, requests)
  local total_acks, total_refused, total_starts, total_submits, first, last = 0, 0, 0, 0, nil, nil
  local hist, timed = {}, 0
  for _, t in ipairs(threads) do
    for b, n in pairs(t:get("ack_hist") or {}) do
      hist[b] = (hist[b] or 0) + n
      timed = timed + n
    end
    total_acks = total_acks + (t:get("acks") or 0)
    total_refused = total_refused + (t:get("refused") or 0)
    total_starts = total_starts + (t:get("starts") or 0)
    total_submits = total_submits + (t:get("submits") or 0)
    local f, l = t:get("first_ack_ms"), t:get("last_ack_ms")
    if f and (not first or f < first) then first = f end
    if l and (not last or l > last) then last = l end
  end
  local span = (first and last and last > first) and (last - first) / 1000 or summary.duration / 1e6
  -- Several wrk processes (exam_day.sh WRK_PROCS): each leaves its histogram and counts for the
  -- script to add up.
  local hist_file = os.getenv("WRK_HIST")
  if hist_file and hist_file ~= "" then
    local f = io.open(hist_file, "w")
    f:write(string.format("counts %d %d %d %d %.3f %.3f %d\n", total_acks, total_refused, total_starts, total_submits,
      first or 0, last or 0, summary.requests))
    for b, n in pairs(hist) do f:write(b, " ", n, "\n") end
    f:close()
  end
  io.write(string.format("exam_day starts=%d acks=%d submits=%d refused=%d ack_span_s=%.1f acks_per_s=%.0f " ..
    "save_p50_ms<=%d save_p99_ms<=%d all_p50_ms=%.2f all_p99_ms=%.2f max_ms=%.1f requests=%d " ..
    "errors(connect/read/write/timeout)=%d/%d/%d/%d\n",
    total_starts, total_acks, total_submits, total_refused, span, total_acks / span,
    percentile(hist, timed, 50), percentile(hist, timed, 99),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, summary.requests,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
end
