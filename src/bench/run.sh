#!/usr/bin/env bash
# The performance benchmark (docs/performance.md): in one run on one machine, against the packaged service with the
# production settings and the JVM options of the README and docker/ (JAVA_OPTS overrides them), it measures
#   - with wrk on loopback, at 16 and 64 connections (2 threads): the ceiling (GET /api/v1/articles, a constant list
#     served on the event loop), stateless diagnoses (a mix of fact sets), new servers and partial fact sets (a fact
#     set drawn on every request), conversation steps (button answers along several paths, the last ones giving a
#     diagnosis), first-time conversation steps (a pool of STEP_POOL=30000 steps from random walks, made on another
#     instance with the same key, so the measured one has never seen them), free-text replies (chat messages, pastes);
#     requests/s, p50 and p99, and each one's requests/s and p99 against the ceiling's in the same run;
#   - the time from process start to the first successful diagnosis, and the kb load + verification time, as the
#     median of several starts;
#   - the resident memory (RSS) of a fresh instance after 100 000 mixed requests, and after the whole run.
# The one change from production: the per-client rate limit is raised (all the traffic comes from one client).
# Usage: src/bench/run.sh [seconds per measurement, default 10] [starts, default 7]; ROUNDS=3 rounds of measurements,
#   STEP_POOL=30000 first-time steps (the pool is sent again from its start when used up; the hit rate shows it)
#   starts = 0 skips the start measurements and the fresh-instance RSS (a quick throughput comparison)
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-10}
STARTS=${2:-7}
ROUNDS=${ROUNDS:-3}
STEP_POOL=${STEP_POOL:-30000}
# shellcheck source=service.sh
. src/bench/service.sh
command -v jq >/dev/null || { apt-get update -qq && apt-get install -y -qq jq >/dev/null; }
PORT=18100
WORK=$(mktemp -d)
trap '{ kill $PID && wait $PID; } 2>/dev/null || true; rm -rf "$WORK" "$SERVICE_LOG"' EXIT
A=heartbeat-registry-driver
BASE="http://127.0.0.1:$PORT"

echo "kb-guide benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "JVM options: ${JVM[*]}$([ "${JVM[*]}" != @docker/jvm.options ] || grep -v '^#' docker/jvm.options | sed 's/ *#.*//' | paste -sd' ' | sed 's/^/ = /'), MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX"
echo "Production settings, except: per-client rate limit raised to ${RATE_LIMIT_RAISED[*]#-D} (one client sends everything)"
echo

# --- start to first diagnosis, kb load + verification (median of $STARTS starts) -----------------------------------
DIAG='{"facts":{"architecture":"x86","os":"windows-2003","servicePack":"sp1","useNewApi":"zero","threeGb":"no","heartbeatVersion":"5.0.3","leakPatch":"not-installed"}}'
median() { sort -n | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
for i in $(seq 1 "$STARTS"); do  # (no-op when STARTS=0)
  t0=$(date +%s%N)
  java "${JVM[@]}" "${RATE_LIMIT_RAISED[@]}" -Dquarkus.http.port=$PORT -Dkbguide.conversation.key-file="$WORK/key" \
    -jar target/quarkus-app/quarkus-run.jar >"$WORK/start.log" 2>&1 &
  PID=$!
  until curl -fs -o /dev/null -X POST "$BASE/api/v1/articles/$A/diagnosis" -H 'Content-Type: application/json' \
      -d "$DIAG"; do
    kill -0 $PID 2>/dev/null || { cat "$WORK/start.log" >&2; exit 1; }
    sleep 0.01
  done
  echo $(( ($(date +%s%N) - t0) / 1000000 )) >>"$WORK/first"
  sed -n 's/.*Loaded .* article(s) from .* in \([0-9]*\) ms.*/\1/p' "$WORK/start.log" >>"$WORK/kb"
  grep -q 'loaded precomputed tables' "$WORK/start.log" && echo precomputed >>"$WORK/how" || echo verified >>"$WORK/how"
  kill $PID; wait $PID 2>/dev/null || true
done
[ "$STARTS" -eq 0 ] || echo "start to first diagnosis: median $(median <"$WORK/first") ms of $STARTS starts ($(sort -n "$WORK/first" | paste -sd' ') ms)"
[ "$STARTS" -eq 0 ] || echo "kb load:                  median $(median <"$WORK/kb") ms ($(sort -n "$WORK/kb" | paste -sd' ') ms; on its own thread, beside Quarkus's start; tables $(sort "$WORK/how" | uniq -c | paste -sd' '))"

# --- first-time conversation steps: steps the measured instance has never seen ---------------------------------------
# Random walks through the conversation on an instance of their own with the measured one's key (ids are valid on
# both, and none of the steps is in the measured one's caches): each answer drawn from the choices its question
# offers, "unknown" now and then, the version an exact one with a build number (sometimes given early, at the first
# question), so that nearly every state after it is new. Every distinct (id, answer) answered with 200 is kept; sorted
# by id, which is as good as shuffled. One connection per wrk thread, so each thread walks one path at a time.
KEY_FILE=$WORK/key
cat - >"$WORK/walk.lua" <<LUA
local article, out_file = "$A", "$WORK/walked"
LUA
cat >>"$WORK/walk.lua" <<'LUA'
local counter = 0
setup = function(thread) counter = counter + 1; thread:set("tid", counter) end
local hdr = {["Content-Type"] = "application/json"}
local out, id, fact, first, sent
local choices, unknown = {}, false
init = function()
  math.randomseed(os.time() * 1000 + tid)
  out = io.open(out_file .. "." .. tid, "a")
end
local function version()
  return string.format("%d.%d.%d.%d", math.random(4, 6), math.random(0, 3), math.random(0, 9), math.random(1, 9999))
end
request = function()
  if id == nil then
    sent = nil
    return wrk.format("POST", "/api/v1/conversations", hdr, '{"articleId":"' .. article .. '"}')
  end
  local r, f, value = math.random(), fact, nil
  if (fact == "heartbeatVersion" and r < 0.7) or (first and r < 0.4) then
    f, value = "heartbeatVersion", version()
  elseif unknown and r > 0.9 then
    value = "unknown"
  else
    value = choices[math.random(#choices)]
  end
  first = false
  sent = '{"factId":"' .. f .. '","value":"' .. value .. '"}'
  return wrk.format("POST", "/api/v1/conversations/" .. id .. "/replies", hdr, sent)
end
response = function(status, headers, body)
  if status ~= 200 and status ~= 201 then id = nil; return end  -- refused: a new walk
  if sent then out:write(id, "\t", sent, "\n") else first = true end
  id = body:match('"conversationId":"([^"]+)"')
  fact = body:match('"step":{"type":"question","question":{"factId":"([^"]+)"')
  if not fact then id = nil; return end  -- a diagnosis: a new walk
  unknown = body:match('"allowUnknown":true') ~= nil
  choices = {}
  for v in body:match('"choices":%[(.-)%],"allowUnknown"'):gmatch('"value":"([^"]*)"') do choices[#choices + 1] = v end
end
LUA
t0=$(date +%s)
start_service $((PORT + 2)) "${JVM[@]}"
until [ "$(cat "$WORK"/walked.* 2>/dev/null | sort -u | wc -l)" -ge "$STEP_POOL" ]; do
  wrk -t4 -c4 -d3s -s "$WORK/walk.lua" "http://127.0.0.1:$((PORT + 2))" >/dev/null
done
kill $PID; wait $PID 2>/dev/null || true
rm -f "$SERVICE_LOG"
sort -u "$WORK"/walked.* | awk -v n="$STEP_POOL" 'NR <= n' >"$WORK/pool"
echo "first-time steps: a pool of $(wc -l <"$WORK/pool") distinct steps from random walks ($(( $(date +%s) - t0 )) s)"

# --- the service for the throughput runs ----------------------------------------------------------------------------
start_service $PORT "${JVM[@]}"

# Conversation steps: walk to a diagnosis with the answers of several servers, keeping every (id, answer).
reply_lua_rows() {  # reply_lua_rows JSON-FACTS: one Lua row per step of that walk
  local facts=$1 id step fact
  step=$(curl -fs -X POST "$BASE/api/v1/conversations" -H 'Content-Type: application/json' -d "{\"articleId\":\"$A\"}")
  while :; do
    id=$(jq -r .conversationId <<<"$step")
    fact=$(jq -r '.step.question.factId // empty' <<<"$step")
    [ -n "$fact" ] || break
    body=$(jq -c --arg f "$fact" '{factId: $f, value: (.[$f] // "unknown")}' <<<"$facts")
    printf '  {"/api/v1/conversations/%s/replies", [[%s]]},\n' "$id" "$body"
    step=$(curl -fs -X POST "$BASE/api/v1/conversations/$id/replies" -H 'Content-Type: application/json' -d "$body")
  done
}
SERVERS=(
  '{"architecture":"x86","os":"windows-2003","servicePack":"sp1","useNewApi":"zero","threeGb":"no","heartbeatVersion":"5.0.3","leakPatch":"not-installed"}'
  '{"architecture":"x86","os":"windows-2003","servicePack":"none","useNewApi":"absent","threeGb":"yes","heartbeatVersion":"5.1.1","leakPatch":"installed"}'
  '{"architecture":"x86","os":"windows-2000","threeGb":"yes","heartbeatVersion":"6.0.0"}'
  '{"architecture":"x64"}'
  '{"architecture":"x86","os":"windows-2003-r2","servicePack":"sp2","useNewApi":"nonzero","threeGb":"no","heartbeatVersion":"6.3.1"}'
  '{"architecture":"x86","os":"windows-2003"}'
)
{
  echo 'local rows = {'
  for s in "${SERVERS[@]}"; do reply_lua_rows "$s"; done
  echo '}'
} >"$WORK/steps.rows"
START_ID=$(curl -fs -X POST "$BASE/api/v1/conversations" -H 'Content-Type: application/json' \
  -d "{\"articleId\":\"$A\"}" | jq -r .conversationId)
TEXTS=(
  "it's a w2k3 box, SP2, no /3GB"
  "Windows 2000 server, 32 bit, heartbeat 5.0.3 and we use the /3GB switch"
  "OS Name: Microsoft(R) Windows(R) Server 2003, Enterprise Edition\r\nOS Version: 5.2.3790 Service Pack 1 Build 3790\r\nSystem Type: X86-based PC"
  "HKEY_LOCAL_MACHINE\\\\Software\\\\Neverfail\\\\R2\\\\HookRegistryDriver\r\n    UseNewApi    REG_DWORD    0x0"
  "no idea about the service pack, it is x64"
)
{
  echo 'local rows = {'
  for t in "${TEXTS[@]}"; do
    printf '  {"/api/v1/conversations/%s/replies", [[%s]]},\n' "$START_ID" "$(jq -cn --arg t "$t" '{text: $t}')"
  done
  echo '}'
} >"$WORK/texts.rows"
{
  echo 'local rows = {'
  for s in "${SERVERS[@]}" '{"architecture":"x86","os":"windows-2003","servicePack":"unknown","useNewApi":"zero"}' \
      '{"os":"windows-2003","heartbeatVersion":"5.0.3"}' '{}'; do
    printf '  {"/api/v1/articles/%s/diagnosis", [[{"facts":%s}]]},\n' "$A" "$s"
  done
  echo '}'
} >"$WORK/diagnosis.rows"
# New servers: a different fact set on every request, drawn (seeded by the clock, per thread) from the facts' own values as the
# service lists them, versions written across every band; complete (every fact) or partial (each fact with p=0.5).
# Two answers that cannot both be true (the article's constraints) are redrawn, so every request is a diagnosis.
curl -fs "$BASE/api/v1/articles/$A" | jq -r '
  "local facts = {", (.facts[] | "  {\"" + .id + "\", {" + ([.choices[].value | "\"" + . + "\""] | join(", ")) + "}, "
    + (if .type == "version" then "true" else "false" end) + "},"), "}"' >"$WORK/facts.lua"
for kind in complete partial; do
  cat "$WORK/facts.lua" - >"$WORK/new-$kind.lua" <<LUA
local partial = "$kind" == "partial"
LUA
  cat >>"$WORK/new-$kind.lua" <<'LUA'
local counter = 0
setup = function(thread) counter = counter + 1; thread:set("seed", counter) end
init = function() math.randomseed(os.time() * 1000 + (seed or 0)) end  -- another draw in every wrk run
local function version()
  return string.format("%d.%d.%d", math.random(4, 6), math.random(0, 3), math.random(0, 9))
end
request = function()
  local given = {}
  for _, f in ipairs(facts) do
    if not partial or math.random() < 0.5 then
      given[f[1]] = f[3] and version() or f[2][math.random(#f[2])]
    end
  end
  if given.os == "windows-2000" and given.architecture == "x64" then given.architecture = "x86" end
  if given.os == "windows-2003-r2" and given.servicePack == "none" then given.servicePack = "sp2" end
  local parts = {}
  for k, v in pairs(given) do parts[#parts + 1] = string.format('"%s":"%s"', k, v) end
  return wrk.format("POST", "/api/v1/articles/heartbeat-registry-driver/diagnosis",
    {["Content-Type"] = "application/json"}, '{"facts":{' .. table.concat(parts, ",") .. '}}')
end
LUA
done
for mix in steps texts diagnosis; do
  cat "$WORK/$mix.rows" - >"$WORK/$mix.lua" <<'LUA'
local n = 0
request = function()
  n = n + 1
  local r = rows[(n % #rows) + 1]
  return wrk.format("POST", r[1], {["Content-Type"] = "application/json"}, r[2])
end
local failed = 0
response = function(status)
  if status ~= 200 then failed = failed + 1 end
end
LUA
done
# First-time steps: each wrk thread sends every other step of the pool, from where the last run stopped (kept in a
# file by done), so no step is sent twice until the whole pool has been.
cat - >"$WORK/first-steps.lua" <<LUA
local pool_file, offset_file = "$WORK/pool", "$WORK/pool.offset"
LUA
cat >>"$WORK/first-steps.lua" <<'LUA'
local rows = {}
for line in io.lines(pool_file) do
  local id, body = line:match("^([^\t]+)\t(.+)$")
  rows[#rows + 1] = {"/api/v1/conversations/" .. id .. "/replies", body}
end
local f = io.open(offset_file)
local start = f and tonumber(f:read("*l")) or 0
if f then f:close() end
local threads, counter = {}, 0
setup = function(thread) counter = counter + 1; thread:set("tid", counter); threads[#threads + 1] = thread end
n, failed = 0, 0
request = function()
  local r = rows[(start + 2 * n + tid - 1) % #rows + 1]
  n = n + 1
  return wrk.format("POST", r[1], {["Content-Type"] = "application/json"}, r[2])
end
response = function(status)
  if status ~= 200 then failed = failed + 1 end
end
done = function()
  local most = 0
  for _, t in ipairs(threads) do most = math.max(most, t:get("n")) end
  local f = io.open(offset_file, "w")
  f:write(start + 2 * most, "\n")
  f:close()
end
LUA
# Every request of the mixes must succeed before it is timed.
for mix in steps texts diagnosis new-complete new-partial first-steps; do
  if ! wrk -t1 -c1 -d1s -s "$WORK/$mix.lua" "$BASE" | grep -q 'Requests/sec'; then
    echo "the $mix mix does not run" >&2; exit 1
  fi
  if wrk -t1 -c1 -d1s -s "$WORK/$mix.lua" "$BASE" | grep -q 'Non-2xx'; then
    echo "the $mix mix has failing requests" >&2; exit 1
  fi
done
echo "mixes: $(grep -c '^  {' "$WORK/diagnosis.rows") fact sets, $(grep -c '^  {' "$WORK/steps.rows") conversation steps on ${#SERVERS[@]} paths, $(grep -c '^  {' "$WORK/texts.rows") texts"

# --- throughput and latency --------------------------------------------------------------------------------------------
# The JIT needs tens of seconds of each kind of request before a run is steady (the first seconds of the ceiling
# run at a fifth of its speed): every endpoint is warmed up first, then each measurement gets 3 s more.
for target in "$BASE/api/v1/articles" "-s $WORK/diagnosis.lua $BASE" "-s $WORK/new-complete.lua $BASE" \
    "-s $WORK/steps.lua $BASE" "-s $WORK/first-steps.lua $BASE" "-s $WORK/texts.lua $BASE" "$BASE/api/v1/articles"; do
  # shellcheck disable=SC2086
  wrk -t2 -c64 -d10s $target >/dev/null
done
measure() {  # measure NAME CONNECTIONS [wrk args]: prints "NAME CONNS RPS P50_MS P99_MS NON2XX"
  local name=$1 c=$2; shift 2
  wrk -t2 -c"$c" -d3s "$@" >/dev/null   # warm-up
  wrk -t2 -c"$c" -d"${DURATION}s" --latency "$@" | awk -v n="$name" -v c="$c" '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    /Requests\/sec/ {rps=$2} /^ +50%/ {p50=ms($2)} /^ +99%/ {p99=ms($2)} /Non-2xx/ {bad=$NF}
    /Socket errors/ {bad=bad "+socket"}
    END {printf "%s %s %.0f %.2f %.2f %s\n", n, c, rps, p50, p99, (bad == "" ? 0 : bad)}'
}
# A cache's hits and misses so far (the service's own counters, on its management port): the diagnosis JSON cache,
# or the one named (conversation-steps)
cache_gets() {
  curl -fs "http://127.0.0.1:$MANAGEMENT_PORT/q/metrics" | awk -v r="$1" -v cache="${2:-diagnosis-json}" '
    /^cache_gets_total\{/ && index($0, "cache=\"" cache "\"") && $0 ~ "result=\"" r "\"" {s += $NF} END {printf "%d", s}'
}
cache_hits() { cache_gets hit "$@"; }
cache_misses() { cache_gets miss "$@"; }
# A diagnosis is served from bytes made before by the answer table (fact sets that settle everything) or the JSON
# cache (those that leave answers missing)
diagnosis_hits() { echo $(( $(cache_hits diagnosis-table) + $(cache_hits diagnosis-json) )); }
diagnosis_misses() { echo $(( $(cache_misses diagnosis-table) + $(cache_misses diagnosis-json) )); }
: >"$WORK/hits"
# The machine is shared by wrk and the service, and one run of a few seconds can be 15% off the next: the four
# endpoints are measured in turn, ROUNDS times, and each figure is the median of its rounds (ratios from medians).
: >"$WORK/results"
for c in 16 64; do
  for round in $(seq 1 "$ROUNDS"); do
    measure ceiling "$c" "$BASE/api/v1/articles" >>"$WORK/results"
    measure diagnosis "$c" -s "$WORK/diagnosis.lua" "$BASE" >>"$WORK/results"
    hits_before=$(diagnosis_hits); misses_before=$(diagnosis_misses)
    measure new-servers "$c" -s "$WORK/new-complete.lua" "$BASE" >>"$WORK/results"
    echo "new-servers $c $(( $(diagnosis_hits) - hits_before )) $(( $(diagnosis_misses) - misses_before ))" >>"$WORK/hits"
    hits_before=$(diagnosis_hits); misses_before=$(diagnosis_misses)
    measure partial-facts "$c" -s "$WORK/new-partial.lua" "$BASE" >>"$WORK/results"
    echo "partial-facts $c $(( $(diagnosis_hits) - hits_before )) $(( $(diagnosis_misses) - misses_before ))" >>"$WORK/hits"
    measure conversation-step "$c" -s "$WORK/steps.lua" "$BASE" >>"$WORK/results"
    hits_before=$(cache_hits conversation-steps); misses_before=$(cache_misses conversation-steps)
    measure first-time-step "$c" -s "$WORK/first-steps.lua" "$BASE" >>"$WORK/results"
    echo "first-time-step $c $(( $(cache_hits conversation-steps) - hits_before )) $(( $(cache_misses conversation-steps) - misses_before ))" >>"$WORK/hits"
    measure free-text-reply "$c" -s "$WORK/texts.lua" "$BASE" >>"$WORK/results"
  done
done
echo
echo "wrk -t2, loopback; each figure the median of $ROUNDS rounds of ${DURATION} s (after a 3 s warm-up each)"
sort -k1,1 -k2,2n -k3,3n "$WORK/results" | awk -v rounds="$ROUNDS" '
  function med(a, n,   i, j, t) {  # sorts a[1..n] (mawk has no asort) and returns its median
    for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
  { key = $1 " " $2; n[key]++; rps[key, n[key]] = $3; p50[key, n[key]] = $4; p99[key, n[key]] = $5
    if ($6 != 0) bad[key] = bad[key] + $6; order[key] = 1 }
  END {
    split("ceiling diagnosis new-servers partial-facts conversation-step first-time-step free-text-reply", names, " ")
    printf "| %-18s | %5s | %8s | %8s | %8s | %10s | %9s | %6s |\n", "endpoint", "conns", "req/s", "p50 ms",
      "p99 ms", "vs ceiling", "p99 ratio", "errors"
    print "|--------------------|-------|----------|----------|----------|------------|-----------|--------|"
    for (ci = 1; ci <= 2; ci++) {
      c = ci == 1 ? 16 : 64
      for (i = 1; i <= 7; i++) {
        key = names[i] " " c
        if (!(key in order)) continue
        delete a; for (r = 1; r <= n[key]; r++) a[r] = rps[key, r]; R[i] = med(a, n[key])
        delete a; for (r = 1; r <= n[key]; r++) a[r] = p50[key, r]; M[i] = med(a, n[key])
        delete a; for (r = 1; r <= n[key]; r++) a[r] = p99[key, r]; P[i] = med(a, n[key])
        printf "| %-18s | %5s | %8d | %8.2f | %8.2f | %10.2f | %9.2f | %6d |\n", names[i], c, R[i], M[i], P[i],
          R[i] / R[1], P[i] / P[1], bad[key] + 0
      }
    }
  }'
awk '{k = $1 " " $2; h[k] += $3; m[k] += $4}
  END {for (k in h) { split(k, p, " ")
    printf "%s during %s at %s connections: %.1f %% hits (%d of %d)\n",
      p[1] == "first-time-step" ? "conversation-steps cache" : "diagnosis answer table and cache", p[1], p[2], 100 * h[k] / (h[k] + m[k] + (h[k] + m[k] == 0)), h[k], h[k] + m[k] } }' "$WORK/hits" | sort
echo "first-time steps: $(cat "$WORK/pool.offset") sent from the pool of $(wc -l <"$WORK/pool") (warm-ups and checks included; past the pool's size it is sent again from its start)"
echo
echo "RSS after the throughput runs ($(awk '{s += $3 * '"$DURATION"'} END {printf "%.1f M", s / 1e6}' "$WORK/results") timed requests): $(awk '/VmRSS/ {printf "%d MB", $2/1024}' /proc/$PID/status)"
kill $PID; wait $PID 2>/dev/null || true
[ "$STARTS" -gt 0 ] || exit 0

# --- RSS of a fresh instance after 100 000 mixed requests ------------------------------------------------------------
# Every other request is a new server (a random complete fact set); the others go round the diagnoses, steps, texts
# and the article list.
start_service $PORT "${JVM[@]}"
sed 's/^request = function()/local new_server = function()/' "$WORK/new-complete.lua" >"$WORK/mixed.lua"
cat "$WORK/diagnosis.rows" >>"$WORK/mixed.lua"
sed -n 's/^  {/  {/p' "$WORK/steps.rows" "$WORK/texts.rows" | sed '1s/^/local more = {\n/' >>"$WORK/mixed.lua"
cat >>"$WORK/mixed.lua" <<'LUA'
}
for _, r in ipairs(more) do rows[#rows + 1] = r end
table.insert(rows, {"/api/v1/articles", nil})
local n, limit = 0, tonumber(os.getenv("PER_THREAD"))
request = function()
  n = n + 1
  if n % 2 == 0 then return new_server() end
  local r = rows[(math.floor(n / 2) % #rows) + 1]
  if r[2] == nil then return wrk.format("GET", r[1]) end
  return wrk.format("POST", r[1], {["Content-Type"] = "application/json"}, r[2])
end
response = function()
  if n >= limit then wrk.thread:stop() end
end
LUA
RSS_BEFORE=$(awk '/VmRSS/ {printf "%d MB", $2/1024}' /proc/$PID/status)
# wrk runs for its whole duration even when the threads stop early, so the 100 000 come in short rounds
SENT=0
while [ "$SENT" -lt 100000 ]; do
  n=$(PER_THREAD=$(( (100000 - SENT + 1) / 2 )) wrk -t2 -c64 -d5s -s "$WORK/mixed.lua" "$BASE" |
    awk '/requests in/ {print $1}')
  SENT=$((SENT + n))
done
echo "RSS of a fresh instance: $RSS_BEFORE when ready, $(awk '/VmRSS/ {printf "%d MB", $2/1024}' /proc/$PID/status) after $SENT mixed requests (half of them new servers)"
