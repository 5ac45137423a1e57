#!/usr/bin/env bash
# What Quarkus itself costs at start-up on this machine, before any of kb-guide's code: builds two throwaway
# applications with this project's Quarkus BOM in a temporary directory, each with one JSON POST endpoint,
#   bare        quarkus-rest-jackson alone;
#   extensions  the same with every extension and library kb-guide has (Qute, Hibernate Validator, OpenAPI, health,
#               Micrometer/Prometheus, JSON logging, Caffeine, Jackson YAML, commonmark, the Slack SDK);
# and starts each (and kb-guide's own package) several times with the production options (docker/jvm.options,
# MALLOC_ARENA_MAX=2): the median time from the process start to the first successful POST, and the RSS then.
# Usage: src/bench/floor.sh [starts, default 7]
set -euo pipefail
cd "$(dirname "$0")/../.."
STARTS=${1:-7}
# shellcheck source=service.sh
. src/bench/service.sh
ROOT=$PWD
WORK=$(mktemp -d)
PORT=18110
trap 'rm -rf "$WORK"' EXIT
QUARKUS=$(sed -n 's:.*<quarkus.platform.version>\(.*\)</quarkus.platform.version>.*:\1:p' pom.xml)
SLACK=$(grep -A1 '<artifactId>slack-app-backend</artifactId>' pom.xml | sed -n 's:.*<version>\(.*\)</version>.*:\1:p')
COMMONMARK=$(grep -A1 '<artifactId>commonmark</artifactId>' pom.xml | sed -n 's:.*<version>\(.*\)</version>.*:\1:p')

app() {  # app NAME DEPENDENCIES-XML: a Quarkus application with one POST endpoint, packaged
  local dir=$WORK/$1
  mkdir -p "$dir/src/main/java/floor" "$dir/src/main/resources"
  cat >"$dir/pom.xml" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>floor</groupId>
  <artifactId>$1</artifactId>
  <version>1</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencyManagement><dependencies><dependency>
    <groupId>io.quarkus</groupId><artifactId>quarkus-bom</artifactId><version>$QUARKUS</version>
    <type>pom</type><scope>import</scope>
  </dependency></dependencies></dependencyManagement>
  <dependencies>
    <dependency><groupId>io.quarkus</groupId><artifactId>quarkus-rest-jackson</artifactId></dependency>
$2
  </dependencies>
  <build><plugins><plugin>
    <groupId>io.quarkus</groupId><artifactId>quarkus-maven-plugin</artifactId><version>$QUARKUS</version>
    <extensions>true</extensions>
    <executions><execution><goals><goal>build</goal></goals></execution></executions>
  </plugin></plugins></build>
</project>
POM
  cat >"$dir/src/main/java/floor/Echo.java" <<'JAVA'
package floor;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.util.Map;

@Path("/echo")
public class Echo {
    public record Request(Map<String, String> facts) {
    }

    @POST
    @Consumes("application/json")
    @Produces("application/json")
    public Map<String, Integer> echo(Request request) {
        return Map.of("facts", request.facts().size());
    }
}
JAVA
  printf 'quarkus.devservices.enabled=false\nquarkus.log.console.json.enabled=false\n' \
    >"$dir/src/main/resources/application.properties"
  "$ROOT/mvnw" -B -ntp -q -f "$dir/pom.xml" package -DskipTests
}

q() { printf '    <dependency><groupId>io.quarkus</groupId><artifactId>%s</artifactId></dependency>\n' "$@"; }
app bare ""
app extensions "$(q quarkus-rest-qute quarkus-hibernate-validator quarkus-smallrye-openapi quarkus-smallrye-health \
  quarkus-micrometer-registry-prometheus quarkus-logging-json)
    <dependency><groupId>com.github.ben-manes.caffeine</groupId><artifactId>caffeine</artifactId></dependency>
    <dependency><groupId>com.fasterxml.jackson.dataformat</groupId><artifactId>jackson-dataformat-yaml</artifactId></dependency>
    <dependency><groupId>org.commonmark</groupId><artifactId>commonmark</artifactId><version>$COMMONMARK</version></dependency>
    <dependency><groupId>com.slack.api</groupId><artifactId>slack-app-backend</artifactId><version>$SLACK</version></dependency>"

median() { sort -n | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
measure() {  # measure NAME JAR URL BODY [java options]: median ms to the first 200, and the RSS then
  local name=$1 jar=$2 url=$3 body=$4; shift 4
  : >"$WORK/ms"; : >"$WORK/rss"
  for _ in $(seq 1 "$STARTS"); do
    local t0 pid
    t0=$(date +%s%N)
    java "${JVM[@]}" -Dquarkus.http.port=$PORT "$@" -jar "$jar" >"$WORK/log" 2>&1 &
    pid=$!
    until curl -fs -o /dev/null -X POST "$url" -H 'Content-Type: application/json' -d "$body"; do
      kill -0 $pid 2>/dev/null || { cat "$WORK/log" >&2; exit 1; }
      sleep 0.01
    done
    echo $(( ($(date +%s%N) - t0) / 1000000 )) >>"$WORK/ms"
    awk '/VmRSS/ {print int($2 / 1024)}' /proc/$pid/status >>"$WORK/rss"
    kill $pid; wait $pid 2>/dev/null || true
  done
  printf '| %-44s | %8s | %-40s | %6s |\n' "$name" "$(median <"$WORK/ms")" "$(sort -n "$WORK/ms" | paste -sd' ')" \
    "$(median <"$WORK/rss")"
}

echo "Quarkus $QUARKUS start-up floor, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "JVM options: ${JVM[*]}, MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX; medians of $STARTS starts"
echo
echo "Time from the process start to the first POST answered (ms), and the RSS then (MB)"
printf '| %-44s | %8s | %-40s | %6s |\n' application median "every start" RSS
echo "|----------------------------------------------|----------|------------------------------------------|--------|"
measure "bare quarkus-rest-jackson" "$WORK/bare/target/quarkus-app/quarkus-run.jar" \
  "http://127.0.0.1:$PORT/echo" '{"facts":{"a":"b"}}'
measure "kb-guide's extensions and libraries, no code" "$WORK/extensions/target/quarkus-app/quarkus-run.jar" \
  "http://127.0.0.1:$PORT/echo" '{"facts":{"a":"b"}}'
measure "kb-guide (first diagnosis)" target/quarkus-app/quarkus-run.jar \
  "http://127.0.0.1:$PORT/api/v1/articles/heartbeat-registry-driver/diagnosis" \
  '{"facts":{"architecture":"x86","os":"windows-2003","servicePack":"sp1","useNewApi":"zero","threeGb":"no","heartbeatVersion":"5.0.3","leakPatch":"not-installed"}}' \
  -Dkbguide.conversation.key-file="$WORK/key"
