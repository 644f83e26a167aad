#!/usr/bin/env bash
# Runs the browser tests: builds the demo databases (Hà Tĩnh; the country at a
# tenth), starts `ntm serve` on free loopback ports, runs the role walkthroughs,
# web.test.mjs, recognition.test.mjs and national.test.mjs in headless
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
# The whole country (a tenth of the communes) for national.test.mjs, on SQLite.
"$ntm" demo --national --scale 0.1 --db "$work/national.db" > /dev/null
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
port=$(free_port)
"$ntm" serve --db "$db" --port "$port" --evidence-dir "$work/evidence" > "$work/serve.log" 2>&1 &
server=$!
national_port=$(free_port)
"$ntm" serve --db "$work/national.db" --port "$national_port" > "$work/national.log" 2>&1 &
national=$!
trap 'kill $server $national 2>/dev/null || true; rm -rf "$work"' EXIT
for p in "$port" "$national_port"; do
  for _ in $(seq 50); do
    curl -sf "http://127.0.0.1:$p/healthz" > /dev/null && break
    sleep 0.1
  done
done
status=0
# Service workers' own requests are seen (and cut) by the offline test.
export PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS=1
NTM_URL="http://127.0.0.1:$port" NTM_NATIONAL_URL="http://127.0.0.1:$national_port" \
  NTM_ARTIFACTS="$artifacts" NTM_BIN="$ntm" NTM_DB="$db" \
  node --test --test-concurrency=1 --test-reporter=spec \
  ${NTM_BROWSER_ONLY:+--test-name-pattern="$NTM_BROWSER_ONLY"} \
  "$here/walkthroughs.test.mjs" "$here/web.test.mjs" "$here/recognition.test.mjs" \
  "$here/national.test.mjs" "$here/offline.test.mjs" || status=$?
if [ "$status" -ne 0 ]; then
  echo "--- the server's log (last 40 lines):"
  tail -40 "$work/serve.log"
  echo "--- the national server's log (last 20 lines):"
  tail -20 "$work/national.log"
fi
exit "$status"
