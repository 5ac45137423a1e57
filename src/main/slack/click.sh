#!/usr/bin/env bash
# Clicks a button of the last Slack message the service sent (saved by response-listener.py, or by the slash
# command's answer), as Slack would: a signed block_actions payload whose response_url is the local listener.
#   src/main/slack/click.sh 'answer|architecture|x86'      # a choice (action ids are printed by the listener)
#   src/main/slack/click.sh text 'Heartbeat 5.0.3, SP2'    # "Send text" with typed words
#   src/main/slack/click.sh confirm | back | restart
# Needs SLACK_SIGNING_SECRET; LISTENER (default http://localhost:9999/hook) is the response_url used.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
want=${1:?action id, e.g. 'answer|architecture|x86'}
typed=${2:-}
last=${KB_GUIDE_SLACK_LAST:-/tmp/kb-guide-slack-last.json}
listener=${LISTENER:-http://localhost:9999/hook}
payload=$(python3 - "$last" "$want" "$typed" "$listener" <<'PY'
import json, sys, urllib.parse
message, want, typed, listener = json.load(open(sys.argv[1])), sys.argv[2], sys.argv[3], sys.argv[4]
for block in message.get("blocks", []):
    for e in block.get("elements", []) if block["type"] == "actions" else []:
        if e["action_id"] == want:
            p = {"type": "block_actions", "user": {"id": "U1"}, "response_url": listener,
                 "container": {"type": "message", "is_ephemeral": True},
                 "actions": [{"type": "button", "action_id": e["action_id"], "value": e["value"]}]}
            if typed:
                p["state"] = {"values": {"kb-text": {"text-input": {"type": "plain_text_input", "value": typed}}}}
            print("payload=" + urllib.parse.quote(json.dumps(p), safe=""))
            sys.exit(0)
sys.exit("no button '%s' in the last message" % want)
PY
)
"$here/signed-request.sh" /slack/interactions "$payload"
