# Sourced by bench/run.sh: DuckDB (the npm package @duckdb/node-api,
# installed here under the build folder, never used at run time) beside ntm
# — the province's CSV loaded, and the national benchmark's rules evaluated
# for every commune of the country with DuckDB's best query, the verdicts
# compared with ours in the same run. Skipped with a note when npm cannot
# install the package (no network).
duckdb_ready() {
  local dir="$build/duckdb"
  if [ ! -d "$dir/node_modules/@duckdb/node-api" ]; then
    mkdir -p "$dir"
    (cd "$dir" && npm install --no-audit --no-fund --silent @duckdb/node-api >/dev/null 2>&1) || return 1
  fi
  cp "$(dirname "${BASH_SOURCE[0]}")/duckdb.mjs" "$dir/duckdb.mjs"
}

# duckdb_load CSV: a row beside the import table (rows/s, ms, peak RSS).
duckdb_load() {
  local csv=$1 out
  duckdb_ready || { echo "(DuckDB not installed: npm could not fetch @duckdb/node-api)"; return 0; }
  out=$(/usr/bin/time -f "%M" -o "$tmp/t-duckdb" node "$build/duckdb/duckdb.mjs" load "$csv")
  python3 - "$out" "$(tail -1 "$tmp/t-duckdb")" "$tmp/t-ntm" <<'PY'
import sys
rows, ms = map(float, sys.argv[1].split())
kb = float(sys.argv[2])
ns = float(open(sys.argv[3]).read().split()[-2])
print()
print("| | DuckDB `read_csv` into a table (in memory) | ours / theirs (speed) |")
print("|---|---|---|")
print(f"| {rows:,.0f} rows: time | {ms / 1000:.1f} s | |")
print(f"| rows/s | {rows / (ms / 1000):,.0f} | {(ms / 1000) / ns:.2f}× |")
print(f"| peak RSS | {kb / 1024:.0f} MB | |")
PY
}

# duckdb_national DB CSV_DIR DATE: every commune of the country at DATE,
# ours (one cold process) beside DuckDB's query, and their agreement.
duckdb_national() {
  local db=$1 dir=$2 at=$3 out t
  duckdb_ready || { echo "(DuckDB not installed: npm could not fetch @duckdb/node-api)"; return 0; }
  sqlite3 -header -csv "$db" "
    SELECT u.code AS code, COALESCE(ra.value, rb.value, rc.value, '') AS region
    FROM unit_version v JOIN unit u ON u.id = v.unit_id
    LEFT JOIN unit_version d ON d.unit_id = v.parent_id AND d.valid_from <= '$at' AND d.valid_to >= '$at'
    LEFT JOIN unit_attribute ra ON ra.unit_id = v.unit_id AND ra.attribute = 'region'
    LEFT JOIN unit_attribute rb ON rb.unit_id = v.parent_id AND rb.attribute = 'region'
    LEFT JOIN unit_attribute rc ON rc.unit_id = d.parent_id AND rc.attribute = 'region'
    WHERE u.level = 'commune' AND v.type = 'Xã' AND v.valid_from <= '$at' AND v.valid_to >= '$at'" \
    >"$tmp/units.csv"
  /usr/bin/time -f "%e %M" -o "$tmp/t-eval" "$ntm" evaluate --db "$db" --all --at "$at" --format csv \
    >"$tmp/ours.csv"
  out=$(/usr/bin/time -f "%M" -o "$tmp/t-duckdb" node "$build/duckdb/duckdb.mjs" evaluate \
    "$dir/obs_*.csv" "$tmp/units.csv" "$at" "$tmp/ours.csv")
  python3 - "$out" "$(tail -1 "$tmp/t-duckdb")" "$(tail -1 "$tmp/t-eval")" "$at" <<'PY'
import sys
load_ms, rows, eval_ms, communes, agree, disagree = map(float, sys.argv[1].split())
kb = float(sys.argv[2])
our_s, our_kb = map(float, sys.argv[3].split())
print()
print(f"| every commune of the country at {sys.argv[4]} | ntm | DuckDB | ours / theirs (speed) |")
print("|---|---|---|---|")
print(f"| load {rows:,.0f} observations from CSV | see the national import above | {load_ms / 1000:.1f} s ({rows / load_ms * 1000:,.0f} rows/s) | |")
print(f"| evaluate {communes:,.0f} communes | {our_s * 1000:.0f} ms (`ntm evaluate --all`, one cold process) | {eval_ms:.0f} ms (one query, warm, median of 3) | {eval_ms / (our_s * 1000):.2f}× |")
print(f"| peak RSS | {our_kb / 1024:.0f} MB | {kb / 1024:.0f} MB | |")
print(f"| verdicts (criteria met per commune) | agree: {agree:,.0f} | differ: {disagree:,.0f} | |")
PY
}
