# Sourced by bench/run.sh: the observation import beside sqlite3's own
# `.import` of the same CSV into a plain table, in the same run — rows/s,
# peak RSS, database growth and our ratio. The file: every commune of the
# demo database (Hà Tĩnh, after the merger) × every measure × 360 days
# (≈ 1.4 M rows), loaded into a copy of that database without its
# observations (a province's first load).
import_side() {
  local src=$1 days=${NTM_BENCH_IMPORT_DAYS:-360}
  cp "$src" "$tmp/imp.db"
  sqlite3 "$tmp/imp.db" "PRAGMA foreign_keys=OFF; DELETE FROM observation_asof; DELETE FROM observation; VACUUM;"
  python3 - "$tmp/imp.db" "$tmp/obs.csv" "$days" <<'PY'
import datetime, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
measures = db.execute("SELECT id, type FROM measure").fetchall()
units = [r[0] for r in db.execute(
    "SELECT u.code FROM unit_version v JOIN unit u ON u.id = v.unit_id"
    " WHERE u.level = 'commune' AND v.valid_from >= '2025-07-01'")]
start = datetime.date(2025, 7, 1)
with open(sys.argv[2], "w") as f:
    f.write("unit_code,measure,date,value\n")
    for k in range(int(sys.argv[3])):
        d = (start + datetime.timedelta(days=k)).isoformat()
        for u in units:
            for m, t in measures:
                f.write(f"{u},{m},{d},{'1' if t == 'boolean' else '55.5' if t == 'percent' else '123'}\n")
PY
  local rows before
  rows=$(($(wc -l <"$tmp/obs.csv") - 1))
  before=$(stat -c %s "$tmp/imp.db")
  /usr/bin/time -f "%e %M" -o "$tmp/t-ntm" "$ntm" import observations "$tmp/obs.csv" --db "$tmp/imp.db" >/dev/null
  sqlite3 "$tmp/imp.db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
  rm -f "$tmp/plain.db"
  /usr/bin/time -f "%e %M" -o "$tmp/t-sqlite" sqlite3 "$tmp/plain.db" ".mode csv" ".import $tmp/obs.csv obs"
  python3 - "$rows" "$tmp/t-ntm" "$tmp/t-sqlite" "$before" "$(stat -c %s "$tmp/imp.db")" \
    "$(stat -c %s "$tmp/plain.db")" <<'PY'
import sys
rows = int(sys.argv[1])
ns, nk = map(float, open(sys.argv[2]).read().split()[-2:])
ss, sk = map(float, open(sys.argv[3]).read().split()[-2:])
growth, plain = (int(sys.argv[5]) - int(sys.argv[4])) / 1e6, int(sys.argv[6]) / 1e6
print(f"| | ntm import observations | sqlite3 `.import` (plain table) | ours / theirs |")
print(f"|---|---|---|---|")
print(f"| {rows:,} rows: time | {ns:.1f} s | {ss:.1f} s | |")
print(f"| rows/s | {rows / ns:,.0f} | {rows / ss:,.0f} | {ss / ns:.2f}× |")
print(f"| peak RSS | {nk / 1024:.0f} MB | {sk / 1024:.0f} MB | |")
print(f"| database growth | {growth:.0f} MB | {plain:.0f} MB | {growth / plain:.1f}× |")
PY
}
