#!/usr/bin/env bash
# What the JDK 25 AOT cache (JEP 483 classes loaded and linked ahead of time, JEP 514 made in one training run,
# JEP 515 method profiles) buys the packaged service at start-up, against JDK 17 (the default java) and JDK 25 without
# it: the time from the process start to the first successful diagnosis (as run.sh and floor.sh measure it: a POST
# tried every 10 ms from the moment java is launched) and the RSS then, the median of several starts, the three
# started in turn so that the shared machine's noise falls on each alike. Production options for all three:
# docker/jvm.options (JAVA_OPTS replaces them) and MALLOC_ARENA_MAX=2.
# The cache is made by a training run with exactly the options, the jar and the class path of the measured runs
# (the cache is refused otherwise): the service started with -XX:AOTCacheOutput, the first diagnosis, then a few
# seconds of diagnoses, conversation steps, typed replies and the article list, then stopped; the JVM assembles the
# cache at exit. The RSS is VmRSS, as floor.sh's; "file" is the part of it mapped from files (RssFile). JDK 25 maps
# the cache at a random address and patches its pointers (ArchiveRelocationMode=1), so many of the cache's pages
# become private, anonymous memory (with -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0 about 30 MB of
# them stayed file pages, shareable between instances, in one try).
# Usage: src/bench/aot.sh [starts, default 7]; JDK25=/path/to/jdk-25 (default /usr/lib/jvm/temurin-25-jdk-amd64),
#   TRAIN_SECONDS=5 of requests in the training run
set -euo pipefail
cd "$(dirname "$0")/../.."
STARTS=${1:-7}
JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
TRAIN_SECONDS=${TRAIN_SECONDS:-5}
if [ ! -x "$JDK25/bin/java" ]; then
  echo "no JDK 25 at $JDK25 (set JDK25=...): the AOT cache cannot be measured here, nothing done" >&2
  exit 0
fi
# shellcheck source=service.sh
. src/bench/service.sh
command -v jq >/dev/null || { apt-get update -qq && apt-get install -y -qq jq >/dev/null; }
PORT=18120
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d)
PID=
trap '{ [ -z "$PID" ] || { kill $PID && wait $PID; }; } 2>/dev/null || true; rm -rf "$WORK"' EXIT
A=heartbeat-registry-driver
DIAG='{"facts":{"architecture":"x86","os":"windows-2003","servicePack":"sp1","useNewApi":"zero","threeGb":"no","heartbeatVersion":"5.0.3","leakPatch":"not-installed"}}'
JSON=(-H 'Content-Type: application/json')
median() { sort -n | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }

# JDK 25 must take every production option as JDK 17 does (an unknown -XX option stops the JVM)
if ! "$JDK25/bin/java" "${JVM[@]}" -version >"$WORK/check" 2>&1 || grep -qi 'warning\|unrecognized\|obsolete' "$WORK/check"
then
  echo "JDK 25 does not take the options ${JVM[*]} as they are:" >&2
  cat "$WORK/check" >&2
  exit 1
fi

launch() {  # launch JAVA [options...]: starts the service, sets PID, returns at once
  local java=$1; shift
  "$java" "${JVM[@]}" "$@" "${RATE_LIMIT_RAISED[@]}" -Dquarkus.http.port=$PORT -Dquarkus.management.port=$((PORT + 1000)) \
    -Dkbguide.conversation.key-file="$WORK/key" -jar target/quarkus-app/quarkus-run.jar >"$WORK/log" 2>&1 &
  PID=$!
}
first_diagnosis() {  # first_diagnosis T0: waits for the first successful diagnosis, prints the ms since T0
  until curl -fs -o /dev/null -X POST "$BASE/api/v1/articles/$A/diagnosis" "${JSON[@]}" -d "$DIAG"; do
    kill -0 $PID 2>/dev/null || { cat "$WORK/log" >&2; exit 1; }
    sleep 0.01
  done
  echo $(( ($(date +%s%N) - $1) / 1000000 ))
}
stop() { kill $PID; wait $PID 2>/dev/null || true; PID=; }

echo "kb-guide start-up with the JDK 25 AOT cache, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores"
echo "JDK 17: $(java -version 2>&1 | head -1); JDK 25: $("$JDK25/bin/java" -version 2>&1 | head -1)"
echo "JVM options: ${JVM[*]}$([ "${JVM[*]}" != @docker/jvm.options ] || grep -v '^#' docker/jvm.options | sed 's/ *#.*//' | paste -sd' ' | sed 's/^/ = /'), MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX"

# --- the training run ------------------------------------------------------------------------------------------------
CACHE=$WORK/kb-guide.aot
cat >"$WORK/train.lua" <<LUA
local rows = {
  {"/api/v1/articles/$A/diagnosis", [[$DIAG]]},
  {"/api/v1/articles/$A/diagnosis", [[{"facts":{"os":"windows-2000","heartbeatVersion":"6.0.0"}}]]},
  {"/api/v1/articles/$A/diagnosis", [[{"facts":{"architecture":"x86","os":"windows-2003"}}]]},
  {"/api/v1/articles/$A/diagnosis", [[{"text":"it's a w2k3 box, SP2, no /3GB"}]]},
  {"/api/v1/conversations", [[{"articleId":"$A"}]]},
  {"/api/v1/conversations", [[{"articleId":"$A","text":"Windows 2003 SP1 x86, heartbeat 5.0.3"}]]},
  {"/api/v1/articles", nil},
  {"/api/v1/articles/$A", nil},
}
LUA
cat >>"$WORK/train.lua" <<'LUA'
local n = 0
request = function()
  n = n + 1
  local r = rows[n % #rows + 1]
  if r[2] == nil then return wrk.format("GET", r[1]) end
  return wrk.format("POST", r[1], {["Content-Type"] = "application/json"}, r[2])
end
LUA
t0=$(date +%s%N)
launch "$JDK25/bin/java" -XX:AOTCacheOutput="$CACHE"
first_diagnosis "$t0" >/dev/null
# a conversation by buttons to a diagnosis, and typed replies
step=$(curl -fs -X POST "$BASE/api/v1/conversations" "${JSON[@]}" -d "{\"articleId\":\"$A\"}")
for answer in os:windows-2003 architecture:x86 heartbeatVersion:5.0.3 servicePack:sp1 useNewApi:zero \
    leakPatch:not-installed threeGb:no; do
  id=$(jq -r .conversationId <<<"$step")
  step=$(curl -fs -X POST "$BASE/api/v1/conversations/$id/replies" "${JSON[@]}" \
    -d "{\"factId\":\"${answer%%:*}\",\"value\":\"${answer#*:}\"}") || break
done
curl -fs -o /dev/null -X POST "$BASE/api/v1/conversations/$id/replies" "${JSON[@]}" -d '{"text":"sorry, it is SP2"}'
curl -fs -o /dev/null -H 'Accept: text/markdown' "$BASE/api/v1/conversations/$id"
wrk -t1 -c4 -d"${TRAIN_SECONDS}s" -s "$WORK/train.lua" "$BASE" | grep -q 'Requests/sec'
t1=$(date +%s%N)
stop   # the JVM writes the cache as it exits
grep -q 'AOTCache creation is complete' "$WORK/log" || { echo "the training run made no AOT cache:" >&2; cat "$WORK/log" >&2; exit 1; }
echo "AOT cache: $(( $(stat -c %s "$CACHE") / 1048576 )) MB, made in $(( ($(date +%s%N) - t1) / 1000000 )) ms at the end of a training run of $(( (t1 - t0) / 1000000 )) ms ($(grep -c 'warning.*\[aot\] Skipping' "$WORK/log" || true) classes skipped: proxies, JFR events, failed verification)"
# the measured runs must use it, or the comparison means nothing
launch "$JDK25/bin/java" -XX:AOTCache="$CACHE" -XX:AOTMode=on
first_diagnosis "$(date +%s%N)" >/dev/null || { echo "JDK 25 refuses the AOT cache:" >&2; cat "$WORK/log" >&2; exit 1; }
stop

# --- the starts ------------------------------------------------------------------------------------------------------
VARIANTS=(jdk17 jdk25 jdk25-aot)
for i in $(seq 1 "$STARTS"); do
  for v in "${VARIANTS[@]}"; do
    t0=$(date +%s%N)
    case $v in
      jdk17) launch java ;;
      jdk25) launch "$JDK25/bin/java" ;;
      jdk25-aot) launch "$JDK25/bin/java" -XX:AOTCache="$CACHE" ;;
    esac
    first_diagnosis "$t0" >>"$WORK/$v.ms"
    awk '/^RssAnon/ {a = $2} /^RssFile/ {f = $2} /^RssShmem/ {s = $2}
      END {printf "%d %d\n", (a + f + s) / 1024, f / 1024}' /proc/$PID/status >>"$WORK/$v.rss"
    sed -n 's/.*Loaded .* article(s) from .* in \([0-9]*\) ms.*/\1/p' "$WORK/log" >>"$WORK/$v.kb"
    stop
  done
done
echo
echo "Start to the first successful diagnosis, median of $STARTS starts (in turn), and the RSS then (MB)"
printf '| %-26s | %9s | %-36s | %6s | %6s | %-18s |\n' "JVM" "median ms" "every start (ms)" "RSS" "file" \
  "kb load, median ms"
echo "|----------------------------|-----------|--------------------------------------|--------|--------|--------------------|"
for v in "${VARIANTS[@]}"; do
  case $v in
    jdk17) name="JDK 17" ;; jdk25) name="JDK 25, no AOT cache" ;; jdk25-aot) name="JDK 25, AOT cache" ;;
  esac
  printf '| %-26s | %9s | %-36s | %6s | %6s | %-18s |\n' "$name" "$(median <"$WORK/$v.ms")" \
    "$(sort -n "$WORK/$v.ms" | paste -sd' ')" "$(cut -d' ' -f1 "$WORK/$v.rss" | median)" \
    "$(cut -d' ' -f2 "$WORK/$v.rss" | median)" "$(median <"$WORK/$v.kb")"
done
