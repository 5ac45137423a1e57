# Sourced by the bench scripts: wrk and the packaged service, started on a loopback port with production settings
# except the per-client rate limit, raised (every request of a benchmark comes from one client).
# The JVM options of production (README, docker/Dockerfile.jvm): docker/jvm.options with MALLOC_ARENA_MAX=2.
# JAVA_OPTS replaces the options, e.g. JAVA_OPTS="-Xmx192m -XX:+UseSerialGC" src/bench/run.sh
# shellcheck disable=SC2206
JVM=(${JAVA_OPTS:-@docker/jvm.options})
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
RATE_LIMIT_RAISED=(-Dkbguide.rate-limit.burst=1000000000 -Dkbguide.rate-limit.per-second=1000000000)
#   start_service PORT [java options...]   sets PID and SERVICE_LOG, and returns once the service is ready; its
#   conversation key is a new one, or KEY_FILE's when set (two instances with one KEY_FILE read each other's ids)
PID=
SERVICE_LOG=
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -ntp -q package -DskipTests

start_service() {
  local port=$1; shift
  SERVICE_LOG=$(mktemp)
  MANAGEMENT_PORT=$((port + 1000))
  java "$@" -Dquarkus.http.port="$port" -Dquarkus.management.port="$MANAGEMENT_PORT" "${RATE_LIMIT_RAISED[@]}" \
    -Dkbguide.conversation.key-file="${KEY_FILE:-$(mktemp -d)/key}" -jar target/quarkus-app/quarkus-run.jar >"$SERVICE_LOG" 2>&1 &
  PID=$!
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready" >/dev/null 2>&1 && return; sleep 0.5; done
  echo "the service did not become ready:" >&2
  cat "$SERVICE_LOG" >&2
  return 1
}
