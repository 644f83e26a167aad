#!/usr/bin/env bash
# Prints the benchmark tables. Usage: bench/run.sh [BUILD_DIR]
# NTM_BENCH_SCALE (default 1) sets the national dataset's share of communes;
# NTM_BENCH_QUICK=1 skips the national part; NTM_BENCH_PG=0 the PostgreSQL
# part, NTM_BENCH_PG_SCALE its scale (bench/postgres.sh).
set -euo pipefail
build=${1:-build}
ntm="$build/src/cli/ntm"
tmp=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$tmp"' EXIT
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB RAM, $(uname -sr)"
echo "Date: $(date -u +%Y-%m-%d), build type: $(grep -m1 CMAKE_BUILD_TYPE: "$build/CMakeCache.txt" | cut -d= -f2)"
echo
echo "## Province evaluation"
"$build/bench/eval_bench"
echo
echo "## Page and API render time (in process)"
"$build/bench/web_bench"

# wrk_median URL: three runs of wrk (2 threads, 64 connections, 5 s) on
# URL; prints the run with the median req/s: "R req/s, p50 A, p99 B (runs: …)".
wrk_median() {
  : >"$tmp/runs"
  for run in 1 2 3; do
    wrk -t2 -c64 -d5s --latency "$1" >"$tmp/wrk" 2>&1 || true
    awk '/Requests\/sec/{r=int($2)} $1=="50%"{p50=$2} $1=="99%"{p99=$2}
         END{print r, p50, p99}' "$tmp/wrk" >>"$tmp/runs"
  done
  printf "%s req/s, p50 %s, p99 %s (runs: %s req/s)" $(sort -n "$tmp/runs" | sed -n 2p) \
    "$(cut -d' ' -f1 "$tmp/runs" | paste -sd/)"
}

# serve NAME DB PORT PROVINCE COMMUNE: time to the first answer, RSS, and
# wrk (2 threads, 64 connections) on three routes: three runs of 5 s each,
# the run with the median req/s reported.
serve() {
  local name=$1 db=$2 port=$3 province=$4 commune=$5
  local start end pid
  start=$(date +%s.%N)
  "$ntm" serve --db "$db" --port "$port" >"$tmp/serve-$port.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/dashboard/$province"; do
    kill -0 $pid 2>/dev/null || { cat "$tmp/serve-$port.log"; return 1; }
    sleep 0.05
  done
  end=$(date +%s.%N)
  local rss first
  rss=$(awk '/VmRSS/{print int($2/1024)}' /proc/$pid/status)
  first=$(awk "BEGIN{print $end - $start}")
  printf "| %s: start to first dashboard answer | %.2f s |\n" "$name" "$first"
  printf "| %s: RSS after the first answer | %s MB |\n" "$name" "$rss"
  for route in "/dashboard/$province" "/commune/$commune" "/api/v1/units/$province/overview"; do
    printf "| %s: %s under wrk (64 connections), median of 3 | %s |\n" \
      "$name" "$route" "$(wrk_median "http://127.0.0.1:$port$route")"
  done
  printf "| %s: peak RSS after the load | %s MB |\n" "$name" \
    "$(awk '/VmHWM/{print int($2/1024)}' /proc/$pid/status)"
  kill $pid
  wait $pid 2>/dev/null || true
}

echo
echo "## Serving a province (the demo database: Hà Tĩnh)"
echo
echo "| what | value |"
echo "|---|---|"
"$ntm" demo --db "$tmp/demo.db" >/dev/null
serve "province" "$tmp/demo.db" 18181 42 18568

echo
echo "## The commune officer's entry page on a phone's network (headless Chromium)"
echo
if command -v node >/dev/null && [ -x /usr/bin/chromium ]; then
  [ -d "$(dirname "$0")/../tests/browser/node_modules" ] ||
    (cd "$(dirname "$0")/../tests/browser" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  echo "| what | value |"
  echo "|---|---|"
  "$ntm" serve --db "$tmp/demo.db" --port 18184 >"$tmp/serve-18184.log" 2>&1 &
  phone=$!
  until curl -sf -o /dev/null "http://127.0.0.1:18184/healthz"; do sleep 0.05; done
  node "$(dirname "$0")/offline_load.mjs" "http://127.0.0.1:18184"
  kill $phone
  wait $phone 2>/dev/null || true
else
  echo "(skipped: node or chromium missing; scripts/install-deps --with-browser)"
fi

echo
echo "## Import beside sqlite3's own .import (a province's first load)"
echo
. "$(dirname "$0")/import_side.sh"
import_side "$tmp/demo.db"
. "$(dirname "$0")/duckdb.sh"
duckdb_load "$tmp/obs.csv"

if [ "${NTM_BENCH_PG:-1}" = 1 ] && ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  . "$(dirname "$0")/postgres.sh"
fi

# national_views DB PORT: the country on the home page and in the API, the
# first answer cold (a new server) and warm (median of 21), then under wrk;
# the national report from the command line.
national_views() {
  local db=$1 port=$2 pid t
  "$ntm" serve --db "$db" --port "$port" >"$tmp/serve-$port.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/healthz"; do sleep 0.05; done
  for route in "/" "/?at=2024-12-31" "/api/v1/national?at=2026-06-30"; do
    t=$(curl -s -o /dev/null -w "%{time_total}" "http://127.0.0.1:$port$route")
    printf "| national: %s, first answer (cold: every commune at two dates) | %.0f ms |\n" \
      "$route" "$(awk "BEGIN{print $t * 1000}")"
    for i in $(seq 21); do curl -s -o /dev/null -w "%{time_total}\n" "http://127.0.0.1:$port$route"; done |
      sort -n | sed -n 11p | awk -v r="$route" '{printf "| national: %s, warm (median of 21) | %.1f ms |\n", r, $1 * 1000}'
  done
  printf "| national: / under wrk (64 connections), median of 3 | %s |\n" \
    "$(wrk_median "http://127.0.0.1:$port/")"
  printf "| national: peak RSS of the server | %s MB |\n" "$(awk '/VmHWM/{print int($2/1024)}' /proc/$pid/status)"
  kill $pid
  wait $pid 2>/dev/null || true
  for format in csv xlsx; do
    t=$(date +%s.%N)
    "$ntm" report progress --db "$db" --national --at 2026-06-30 --format "$format" -o "$tmp/n.$format" >/dev/null
    printf "| ntm report progress --national --format %s (one process) | %.2f s |\n" "$format" \
      "$(awk "BEGIN{print $(date +%s.%N) - $t}")"
  done
}

[ "${NTM_BENCH_QUICK:-0}" = 1 ] && exit 0
echo
echo "## National scale (scale ${NTM_BENCH_SCALE:-1})"
echo
mkdir -p "$tmp/csv"
"$build/bench/national_bench" --scale "${NTM_BENCH_SCALE:-1}" --keep --db "$tmp/national.db" \
  --csv-dir "$tmp/csv" 2>/dev/null
echo
echo "| what | value |"
echo "|---|---|"
start=$(date +%s.%N)
"$ntm" report progress --db "$tmp/national.db" --parent 38 --at 2024-12-31 --format xlsx -o "$tmp/r.xlsx" >/dev/null
printf "| progress report XLSX, Thanh Hóa (the largest province in 2024) | %.2f s |\n" "$(awk "BEGIN{print $(date +%s.%N) - $start}")"
serve "national" "$tmp/national.db" 18182 01 00376
national_views "$tmp/national.db" 18183
duckdb_national "$tmp/national.db" "$tmp/csv" 2024-12-31
echo
echo "## The storage engine's own ceiling for the import"
echo
"$build/bench/insert_ceiling" 1000000
