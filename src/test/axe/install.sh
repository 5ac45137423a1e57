#!/usr/bin/env bash
# Installs axe-core (accessibility rules) from the npm registry into target/axe, for the widget's browser test,
# which injects axe.min.js into the page. Skipped when already there. Needs node and npm.
set -euo pipefail
cd "$(dirname "$0")/../../.."
DIR=target/axe
if [ ! -f "$DIR/node_modules/axe-core/axe.min.js" ]; then
  mkdir -p "$DIR"
  (cd "$DIR" && npm install --no-audit --no-fund --silent axe-core@4.14.1 >/dev/null)
fi
