#!/usr/bin/env bash
# HTTP benchmark: how much a diagnosis costs compared with Quarkus serving a small JSON document.
# Usage: src/bench/http.sh [seconds per run, default 10]
# Starts the packaged service on a loopback port, drives it with wrk (2 threads, 32 connections) and stops it.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_RUN=${1:-10}
# shellcheck source=service.sh
. src/bench/service.sh
PORT=18080
trap 'kill $PID 2>/dev/null; rm -f "$SERVICE_LOG" /tmp/kbguide-*.lua' EXIT
start_service $PORT

post() {  # post NAME PATH JSON
  cat >"/tmp/kbguide-$1.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[$3]]
LUA
  run "$1" "$2" -s "/tmp/kbguide-$1.lua"
}
run() {  # run NAME PATH [wrk options]
  local name=$1 path=$2; shift 2
  wrk -t2 -c32 -d2s "$@" "http://127.0.0.1:$PORT$path" >/dev/null   # warm-up
  wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" --latency "$@" "http://127.0.0.1:$PORT$path" |
    awk -v n="$name" '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2}
      END {printf "%-34s %10s req/s   p50 %8s   p99 %8s\n", n, rps, p50, p99}'
}

echo "kb-guide HTTP benchmark: wrk -t2 -c32 -d${SECONDS_PER_RUN}s on $(nproc) cores (rate limit off: one client)"
run  "static JSON (GET article list)" /api/v1/articles
post "diagnosis, all facts known" /api/v1/articles/heartbeat-registry-driver/diagnosis \
  '{"facts": {"architecture": "x86", "os": "windows-2003", "servicePack": "sp1", "useNewApi": "zero", "threeGb": "no", "heartbeatVersion": "5.0.3", "leakPatch": "not-installed"}}'
post "diagnosis, four facts unknown" /api/v1/articles/heartbeat-registry-driver/diagnosis \
  '{"facts": {"architecture": "x86", "os": "windows-2003", "useNewApi": "zero"}}'
ID=$(curl -s -X POST "http://127.0.0.1:$PORT/api/v1/conversations" -H 'Content-Type: application/json' \
  -d '{"articleId": "heartbeat-registry-driver"}' | sed 's/.*"conversationId":"\([^"]*\)".*/\1/')
post "conversation reply (button)" "/api/v1/conversations/$ID/replies" '{"factId": "architecture", "value": "x86"}'
post "conversation reply (typed text)" "/api/v1/conversations/$ID/replies" '{"text": "w2k3 SP2 x86, no /3GB"}'
