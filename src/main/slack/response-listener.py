#!/usr/bin/env python3
"""Stands in for Slack's response_url when trying the app without Slack: accepts the service's replies on
http://localhost:PORT/..., saves the latest to LAST (for click.sh) and prints a summary of each.
Usage: response-listener.py [port, default 9999]"""
import http.server
import json
import os
import sys

LAST = os.environ.get("KB_GUIDE_SLACK_LAST", "/tmp/kb-guide-slack-last.json")


def summary(message):
    out = []
    for b in message.get("blocks", []):
        if b["type"] == "header":
            out.append("## " + b["text"]["text"])
        elif b["type"] == "section":
            if "text" in b:
                out.append(b["text"]["text"])
            for f in b.get("fields", []):
                out.append("  " + f["text"].replace("\n", ": "))
        elif b["type"] == "actions":
            out.append("  [buttons] " + "  ".join(e["action_id"] for e in b["elements"]))
    return "\n".join(out)


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with open(LAST, "wb") as f:
            f.write(body)
        print(summary(json.loads(body)) + "\n", flush=True)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


port = int(sys.argv[1]) if len(sys.argv) > 1 else 9999
http.server.HTTPServer(("127.0.0.1", port), Handler).serve_forever()
