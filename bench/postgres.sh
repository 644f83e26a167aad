# Sourced by bench/run.sh: the PostgreSQL column. A local cluster with its
# durable defaults, the national dataset at NTM_BENCH_PG_SCALE (default: the
# SQLite scale) on SQLite and PostgreSQL side by side, then serving it from
# PostgreSQL: one instance, and nginx in front of one and of two instances.

# front NAME PORT UPSTREAM_PORT...: wrk through Debian's nginx, round robin
# over the instances given, on the dashboard of province 01 (wrk is a
# visitor: its pages are kept by each instance until the data changes).
front() {
  local name=$1 port=$2
  shift 2
  local w="$tmp/nginx-$port" servers=""
  mkdir -p "$w/logs" "$w/body" "$w/proxy"
  for p in "$@"; do servers="$servers server 127.0.0.1:$p;"; done
  cat >"$w/nginx.conf" <<EOF
worker_processes 1;
error_log $w/logs/error.log;
pid $w/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $w/body;
  proxy_temp_path $w/proxy;
  upstream ntm { $servers keepalive 32; }
  server {
    listen 127.0.0.1:$port;
    location / {
      proxy_pass http://ntm;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$remote_addr;
    }
  }
}
EOF
  nginx -p "$w" -c "$w/nginx.conf" -g "daemon off;" &
  local nginx_pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/dashboard/01"; do sleep 0.05; done
  printf "| %s: /dashboard/01 through nginx (64 connections), median of 3 | %s |\n" \
    "$name" "$(wrk_median "http://127.0.0.1:$port/dashboard/01")"
  kill $nginx_pid
  wait $nginx_pid 2>/dev/null || true
}

# start_instance DB PORT: an `ntm serve` in the background, ready; its pid in $started.
start_instance() {
  "$ntm" serve --db "$1" --port "$2" >"$tmp/serve-$2.log" 2>&1 &
  started=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$2/readyz"; do sleep 0.05; done
}

pg_scale=${NTM_BENCH_PG_SCALE:-${NTM_BENCH_SCALE:-1}}
echo
echo "## PostgreSQL beside SQLite (national dataset, scale $pg_scale)"
echo
echo "A local PostgreSQL $(ls /usr/lib/postgresql | sort -V | tail -1) cluster with its durable defaults"
echo "(fsync and synchronous commit on) and shared_buffers = 1GB, on the same machine."
echo
chmod 755 "$tmp"  # the cluster runs as the postgres user
NTM_PG_DURABLE=1 scripts/pg-test-cluster start "$tmp/pg" >/dev/null
admin=$(cat "$tmp/pg/url")
psql "$admin" -qc "CREATE DATABASE ntm_bench"
pg="${admin%/*}/ntm_bench"
"$build/bench/national_bench" --scale "$pg_scale" --no-sql --db "$tmp/side.db" 2>/dev/null >"$tmp/side-sqlite.md"
"$build/bench/national_bench" --scale "$pg_scale" --db "$pg" 2>/dev/null >"$tmp/side-pg.md"
python3 - "$tmp/side-sqlite.md" "$tmp/side-pg.md" <<'EOF'
import sys
def rows(path):
    out = {}
    for line in open(path):
        parts = [p.strip() for p in line.strip().strip("|").split("|")]
        if len(parts) == 2 and parts[0] not in ("what", "---"):
            out[parts[0].replace(" (PostgreSQL's own memory not counted)", "")] = parts[1]
    return out
a, b = rows(sys.argv[1]), rows(sys.argv[2])
print("| what | SQLite | PostgreSQL |\n|---|---|---|")
for k in a:
    if not k.startswith(("same as", "plain SQL")):  # SQLite-only comparison, left out
        print("| %s | %s | %s |" % (k, a[k], b.get(k, "—")))
EOF
echo
echo "| serving the national database from PostgreSQL | value |"
echo "|---|---|"
serve "PostgreSQL" "$pg" 18183 01 00376
start_instance "$pg" 18184
first_pid=$started
front "one instance" 18190 18184
start_instance "$pg" 18185
second_pid=$started
front "two instances" 18191 18184 18185
kill $first_pid $second_pid
wait $first_pid $second_pid 2>/dev/null || true
scripts/pg-test-cluster stop "$tmp/pg"
