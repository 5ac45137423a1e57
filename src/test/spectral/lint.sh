#!/usr/bin/env bash
# Lints the service's OpenAPI document with Spectral's standard OpenAPI ruleset (spectral:oas): any error fails.
# Usage: src/test/spectral/lint.sh [openapi.json]   (default: target/openapi.json, written by OpenApiDocumentTest)
# Installs @stoplight/spectral-cli from the npm registry into target/spectral on first use (needs node and npm).
set -euo pipefail
cd "$(dirname "$0")/../../.."
DOC="${1:-target/openapi.json}"
[ -f "$DOC" ] || { echo "no OpenAPI document at $DOC: run the tests first (OpenApiDocumentTest writes it)"; exit 1; }
DIR=target/spectral
if [ ! -x "$DIR/node_modules/.bin/spectral" ]; then
  mkdir -p "$DIR"
  (cd "$DIR" && npm install --no-audit --no-fund --silent @stoplight/spectral-cli@6.16.3 >/dev/null)
fi
printf 'extends: ["spectral:oas"]\n' > "$DIR/.spectral.yaml"
"$DIR/node_modules/.bin/spectral" lint "$DOC" --ruleset "$DIR/.spectral.yaml" --fail-severity error
