#!/usr/bin/env bash
# Runs the browser tests: builds a demo database, starts `ntm serve` on a free
# loopback port, runs the role walkthroughs then web.test.mjs in headless
# Chromium (one file at a time: they share the database), stops the server.
# Usage: tests/browser/run.sh NTM_BINARY ARTIFACT_DIR
# NTM_BROWSER_ONLY=PATTERN runs only the tests whose names match.
set -euo pipefail
ntm=$(realpath "$1")
artifacts=$(realpath -m "$2")
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$artifacts"
if [ ! -d "$here/node_modules/playwright-core" ] || [ ! -f "$here/node_modules/axe-core/axe.min.js" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi
work=$(mktemp -d)
# On the test cluster's PostgreSQL when NTM_TEST_PG is set (a new database),
# else an SQLite file.
db="$work/demo.db"
if [ -n "${NTM_TEST_PG:-}" ]; then
  admin=$(cat "$NTM_TEST_PG/url")
  name="browser_$$"
  psql "$admin" -qc "CREATE DATABASE $name" >/dev/null
  db="${admin%/*}/$name"
fi
"$ntm" demo --db "$db" > /dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
"$ntm" serve --db "$db" --port "$port" --evidence-dir "$work/evidence" > "$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 50); do
  curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && break
  sleep 0.1
done
status=0
NTM_URL="http://127.0.0.1:$port" NTM_ARTIFACTS="$artifacts" \
  node --test --test-concurrency=1 --test-reporter=spec \
  ${NTM_BROWSER_ONLY:+--test-name-pattern="$NTM_BROWSER_ONLY"} \
  "$here/walkthroughs.test.mjs" "$here/web.test.mjs" || status=$?
if [ "$status" -ne 0 ]; then
  echo "--- the server's log (last 40 lines):"
  tail -40 "$work/serve.log"
fi
exit "$status"
