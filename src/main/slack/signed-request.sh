#!/usr/bin/env bash
# Sends a request to the service's Slack endpoints signed as Slack signs it, for trying the app without Slack.
#   SLACK_SIGNING_SECRET=... src/main/slack/signed-request.sh /slack/commands 'text=x86&response_url=...'
#   SLACK_SIGNING_SECRET=... src/main/slack/signed-request.sh /slack/events '{"type":"url_verification","challenge":"c"}'
# A body starting with { is sent as JSON, any other as a form. BASE (default http://localhost:8080) is the service.
set -euo pipefail
path=${1:?path, e.g. /slack/commands}
body=${2:?body}
secret=${SLACK_SIGNING_SECRET:?set SLACK_SIGNING_SECRET to the secret the service runs with}
base=${BASE:-http://localhost:8080}
ts=$(date +%s)
sig="v0=$(printf 'v0:%s:%s' "$ts" "$body" | openssl dgst -sha256 -hmac "$secret" -hex | sed 's/^.*= //')"
case "$body" in
  \{*) type=application/json ;;
  *) type=application/x-www-form-urlencoded ;;
esac
curl -sS -X POST "$base$path" -H "Content-Type: $type" -H "X-Slack-Request-Timestamp: $ts" \
  -H "X-Slack-Signature: $sig" --data-binary "$body"
echo
