#!/usr/bin/env bash
# Times io.kbguide.text.TextUnderstanding#extract on a typical chat message and on a systeminfo + reg query paste.
# Usage: src/bench/extraction.sh   (from anywhere; works offline once the dependencies are in ~/.m2)
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -ntp -q test-compile
./mvnw -B -ntp -q dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test
exec java -cp "target/test-classes:target/classes:$(cat target/bench-cp.txt)" \
    io.kbguide.text.ExtractionBenchmark kb/heartbeat-registry-driver
