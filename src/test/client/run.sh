#!/usr/bin/env bash
# The contract as a client sees it: starts the packaged service (target/quarkus-app, as PackagedAppIT does) with an
# API key, generates a TypeScript client from the OpenAPI document it serves (openapi-typescript, openapi-fetch),
# typechecks the client test against it (tsc) and runs it under Node's test runner: a whole conversation and its
# errors, every response checked against the served document (contract.ts). Any failure or mismatch fails.
# Usage: src/test/client/run.sh   (after ./mvnw package; run by ./mvnw verify)
# Installs the npm packages into target/client on first use (needs node and npm).
set -euo pipefail
cd "$(dirname "$0")/../../.."
JAR=target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || { echo "no packaged service at $JAR: run ./mvnw package first"; exit 1; }
DIR=target/client
PACKAGES="openapi-typescript@7.13.0 openapi-fetch@0.17.0 typescript@5.9.3 ajv@8.20.0 ajv-formats@3.0.1 @types/node@20"
mkdir -p "$DIR"
if [ "$(cat "$DIR/.installed" 2>/dev/null)" != "$PACKAGES" ]; then
  printf '{"private": true, "type": "module"}\n' > "$DIR/package.json"
  # shellcheck disable=SC2086
  (cd "$DIR" && npm install --no-audit --no-fund --silent $PACKAGES >/dev/null)
  echo "$PACKAGES" > "$DIR/.installed"
fi

PORT=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
MPORT=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
KEY="client-test-$RANDOM$RANDOM"
URL="http://127.0.0.1:$PORT"
java -Dquarkus.http.port="$PORT" -Dquarkus.http.host=127.0.0.1 -Dkbguide.api.keys="$KEY" \
  -Dquarkus.management.port="$MPORT" -Dquarkus.management.host=127.0.0.1 \
  -Dkbguide.conversation.key-file="$DIR/conversation.key" -Dquarkus.shutdown.delay=0S \
  -jar "$JAR" > "$DIR/service.log" 2>&1 &
SERVICE=$!
trap 'kill "$SERVICE" 2>/dev/null; wait "$SERVICE" 2>/dev/null || true' EXIT
node -e '
  const url = process.argv[1] + "/q/health/ready"; // the management port
  const deadline = Date.now() + 90_000;
  (async function wait() {
    while (Date.now() < deadline) {
      try { if ((await fetch(url)).ok) return; } catch {}
      await new Promise((r) => setTimeout(r, 250));
    }
    console.error("the service was not ready in 90 s (see target/client/service.log)");
    process.exit(1);
  })();' "http://127.0.0.1:$MPORT"

rm -rf "$DIR/src" "$DIR/build"
mkdir -p "$DIR/src"
cp src/test/client/*.ts src/test/client/tsconfig.json "$DIR/src/"
node -e 'fetch(process.argv[1] + "/q/openapi?format=json").then((r) => r.text()).then((t) => process.stdout.write(t))' \
  "$URL" > "$DIR/openapi.json"
"$DIR/node_modules/.bin/openapi-typescript" "$DIR/openapi.json" -o "$DIR/src/schema.ts" --silent
"$DIR/node_modules/.bin/tsc" -p "$DIR/src/tsconfig.json"
KBGUIDE_URL="$URL" KBGUIDE_API_KEY="$KEY" node --test "$DIR/build/conversation.test.js"
