#!/usr/bin/env bash
# Lints the service's OpenAPI document with Spectral: its OpenAPI ruleset (spectral:oas) and the OWASP API Security
# ruleset, as src/test/spectral/ruleset.yaml sets them (a rule turned off there says why): any error fails.
# Usage: src/test/spectral/lint.sh [openapi.json]   (default: target/openapi.json, written by OpenApiDocumentTest)
# Installs @stoplight/spectral-cli and @stoplight/spectral-owasp-ruleset from the npm registry into target/spectral
# on first use (needs node and npm).
set -euo pipefail
cd "$(dirname "$0")/../../.."
DOC="${1:-target/openapi.json}"
[ -f "$DOC" ] || { echo "no OpenAPI document at $DOC: run the tests first (OpenApiDocumentTest writes it)"; exit 1; }
DIR=target/spectral
if [ ! -x "$DIR/node_modules/.bin/spectral" ] || [ ! -d "$DIR/node_modules/@stoplight/spectral-owasp-ruleset" ]; then
  mkdir -p "$DIR"
  (cd "$DIR" && npm install --no-audit --no-fund --silent @stoplight/spectral-cli@6.16.3 \
    @stoplight/spectral-owasp-ruleset@2.0.1 >/dev/null)
fi
# beside node_modules, so that the ruleset's "extends" finds the OWASP package
cp src/test/spectral/ruleset.yaml "$DIR/.spectral.yaml"
"$DIR/node_modules/.bin/spectral" lint "$DOC" --ruleset "$DIR/.spectral.yaml" --fail-severity error
