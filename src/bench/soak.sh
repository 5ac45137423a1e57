#!/usr/bin/env bash
# Soak: mixed traffic against the packaged service for a while (default 300 s), then the error count and the
# resident memory before and after. Usage: src/bench/soak.sh [seconds]
# Traffic (wrk, 2 threads, 32 connections, one Lua script): stateless diagnoses of several fact sets, conversation
# starts, button and typed replies, the widget's script and the home page. Production settings, except that the
# per-client rate limit is raised (all traffic comes from one client) and the audit log is off (it would write a line
# per diagnosis to this terminal). The JVM gets the options of docker/jvm.options (JAVA_OPTS replaces them).
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-300}
# shellcheck source=service.sh
. src/bench/service.sh
PORT=18090
LUA=$(mktemp --suffix=.lua)
WRK_OUT=$(mktemp)
trap 'kill $PID 2>/dev/null; rm -f "$SERVICE_LOG" "$WRK_OUT" "$LUA"' EXIT
start_service $PORT "${JVM[@]}" -Dkbguide.audit.enabled=false

ID=$(curl -s -X POST "http://127.0.0.1:$PORT/api/v1/conversations" -H 'Content-Type: application/json' \
  -d '{"articleId": "heartbeat-registry-driver"}' | sed 's/.*"conversationId":"\([^"]*\)".*/\1/')
cat >"$LUA" <<LUA
local D = "/api/v1/articles/heartbeat-registry-driver/diagnosis"
local C = "/api/v1/conversations"
local R = C .. "/$ID/replies"
local requests = {
  {"POST", D, '{"facts":{"architecture":"x86","os":"windows-2003","servicePack":"sp1","useNewApi":"zero","threeGb":"no","heartbeatVersion":"5.0.3","leakPatch":"not-installed"}}'},
  {"POST", D, '{"facts":{"architecture":"x86","os":"windows-2003","useNewApi":"zero"}}'},
  {"POST", D, '{"facts":{"architecture":"x64"}}'},
  {"POST", D, '{"facts":{},"text":"w2k3 SP2 x86, no /3GB, Heartbeat 6.1.0"}'},
  {"POST", C, '{"articleId":"heartbeat-registry-driver"}'},
  {"POST", R, '{"factId":"architecture","value":"x86"}'},
  {"POST", R, '{"text":"it is a 32-bit Windows Server 2003 box with SP1"}'},
  {"GET", "/widget/kb-guide.js", nil},
  {"GET", "/", nil},
  {"GET", "/api/v1/articles", nil},
}
request = function()
  local r = requests[math.random(#requests)]
  if r[3] then
    return wrk.format(r[1], r[2], {["Content-Type"] = "application/json"}, r[3])
  end
  return wrk.format(r[1], r[2])
end
LUA

rss() { awk '/VmRSS/ {print int($2/1024)}' "/proc/$PID/status"; }
wrk -t2 -c32 -d10s -s "$LUA" "http://127.0.0.1:$PORT" >/dev/null   # warm-up
BEFORE=$(rss)
echo "soak: ${DURATION} s of mixed traffic (wrk -t2 -c32), JVM: ${JVM[*]}; RSS after warm-up ${BEFORE} MB"
wrk -t2 -c32 -d"${DURATION}s" --latency -s "$LUA" "http://127.0.0.1:$PORT" > "$WRK_OUT" &
WRK=$!
SERIES=""
while kill -0 $WRK 2>/dev/null; do sleep 30; kill -0 $WRK 2>/dev/null && SERIES="$SERIES $(rss)"; done
OUT=$(cat "$WRK_OUT")
AFTER=$(rss)
echo "RSS every 30 s (MB):$SERIES"
echo "$OUT" | grep -E "Requests/sec|requests in|Non-2xx|Socket errors|^ +(50|99)%"
NON2XX=$(echo "$OUT" | awk '/Non-2xx/ {print $5}')
SOCKET=$(echo "$OUT" | awk -F'[ ,]+' '/Socket errors/ {print $4+$6+$8+$10}')
echo "errors: non-2xx ${NON2XX:-0}, socket ${SOCKET:-0}; RSS before ${BEFORE} MB, after ${AFTER} MB"
curl -fs "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready" >/dev/null && echo "ready after the soak"
