#!/usr/bin/python3
"""Two `ntm serve` on one PostgreSQL database behind Debian's nginx (two
upstreams, round robin): any instance answers any request.

- a session made through A works through B, and its CSRF token too;
- a commune submits through A, the department verifies through B, and a
  visitor's page served by A (which had kept the older answer) and the pages
  through nginx show the verified value at once;
- an evidence file uploaded through A downloads through B (a shared folder);
- failed logins count across instances;
- logout through B ends the session on A.

Usage: two_instances.py NTM_BINARY  (NTM_TEST_PG: the test cluster's folder;
prints 'N passed, N failed')."""
import os, re, shutil, subprocess, sys, tempfile

from common import Browser, check, free_port, multipart, psql, summary, wait_up

NTM = os.path.realpath(sys.argv[1])
UNIT, MEASURE = "18172", "bhyt_pct"  # Xã Sơn Tây, BHYT (Sở Y tế verifies it)


def main():
    cluster = open(os.path.join(os.environ["NTM_TEST_PG"], "url")).read().strip()
    work = tempfile.mkdtemp(prefix="ntm-multi-")
    os.chmod(work, 0o755)
    name = "multi_%d" % os.getpid()
    psql(cluster, "CREATE DATABASE " + name)
    db = cluster.rsplit("/", 1)[0] + "/" + name
    subprocess.run([NTM, "demo", "--db", db], check=True, stdout=subprocess.DEVNULL)
    period = psql(db, "SELECT (DATE '1970-01-01' + MAX(day))::text FROM observation")  # the demo's latest period end
    evidence = os.path.join(work, "evidence")
    ports = [free_port(), free_port()]
    # A answers with two workers (two database connections), B with one.
    servers = [subprocess.Popen([NTM, "serve", "--db", db, "--port", str(p), "--evidence-dir", evidence,
                                 "--workers", str(w)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
               for p, w in zip(ports, (2, 1))]
    front = free_port()
    for d in ("body", "proxy", "logs"):
        os.makedirs(os.path.join(work, d), mode=0o777, exist_ok=True)
        os.chmod(os.path.join(work, d), 0o777)
    conf = os.path.join(work, "nginx.conf")
    with open(conf, "w") as f:
        f.write("""
worker_processes 1;
error_log %(w)s/logs/error.log;
pid %(w)s/nginx.pid;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path %(w)s/body;
  proxy_temp_path %(w)s/proxy;
  client_max_body_size 20m;
  upstream ntm { server 127.0.0.1:%(a)d; server 127.0.0.1:%(b)d; }
  server {
    listen 127.0.0.1:%(f)d;
    location / {
      proxy_pass http://ntm;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
    }
  }
}
""" % {"w": work, "a": ports[0], "b": ports[1], "f": front})
    nginx = subprocess.Popen(["nginx", "-p", work, "-c", conf, "-g", "daemon off;"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    A, B, N = ("http://127.0.0.1:%d" % p for p in (ports[0], ports[1], front))
    try:
        for base in (A, B, N):
            wait_up(base)
        # Sessions and CSRF tokens: made on A, honoured by B.
        xa = Browser()
        check(xa.login(A, "xa.sontay") == 303, "the commune officer signs in through A")
        status, body, _ = xa.get(B, "/entry?period=" + period)
        check(status == 200 and "Xã Sơn Tây".encode() in body, "the session made on A works on B (%d)" % status)
        # A visitor's page on A, kept by A's answer cache before the change.
        visitor = Browser()
        scorecard = "/commune/%s?at=%s" % (UNIT, period)
        _, before, _ = visitor.get(A, scorecard)
        # The commune submits through A (every field as the form has it, BHYT changed).
        fields = dict(re.findall(rb'name="(v\.[a-z0-9_]+)"[^>]*value="([^"]*)"', body))
        fields = {k.decode(): v.decode() for k, v in fields.items()}
        fields["v." + MEASURE] = "96,4"
        fields.update({"csrf": xa.csrf(A, "/entry?period=" + period), "period": period, "action": "review"})
        status, _, _ = xa.post(A, "/entry", fields)
        check(status == 303, "the commune's values are checked through A (%d)" % status)
        status, _, _ = xa.post(B, "/entry/confirm", {"csrf": xa.csrf(A, "/entry?period=" + period), "period": period})
        check(status == 303, "and sent through B with A's page's CSRF token (%d)" % status)
        # The department verifies through B.
        so = Browser()
        check(so.login(B, "so.yte") == 303, "the health department signs in through B")
        oid = psql(db, "SELECT o.id FROM observation o JOIN unit u ON u.id = o.unit_id"
                       " JOIN measure m ON m.num = o.measure WHERE u.code = '%s' AND m.id = '%s'"
                       " AND o.day = DATE '%s' - DATE '1970-01-01' AND o.current = 1" % (UNIT, MEASURE, period))
        status, _, _ = so.post(B, "/verify", {"csrf": so.csrf(B, "/verify"), "id": oid, "action": "verify"})
        check(status == 303, "verified through B (%d)" % status)
        # Visitors see it at once: on A (whose kept answer is now stale) and through nginx.
        _, after, _ = visitor.get(A, scorecard)
        check(b"96,4" in after and b"96,4" not in before, "A's visitor page shows the value verified on B at once")
        shown = [b"96,4" in visitor.get(N, scorecard)[1] for _ in range(4)]
        check(all(shown), "every answer through nginx shows it (%s)" % shown)
        # Evidence uploaded through A downloads through B.
        pdf = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
        fields.update({"csrf": xa.csrf(A, "/entry?period=" + period), "action": "draft"})
        body, ctype = multipart(fields, {"f." + MEASURE: ("bien-ban.pdf", "application/pdf", pdf)})
        status, _, _ = xa.request(A, "/entry", body, {"Content-Type": ctype})
        check(status == 303, "evidence uploaded through A (%d)" % status)
        eid = psql(db, "SELECT MAX(id) FROM evidence WHERE original_name = 'bien-ban.pdf'")
        status, got, _ = xa.get(B, "/evidence/" + eid)
        check(status == 200 and got == pdf, "the file downloads through B (%d, %d bytes)" % (status, len(got)))
        # Failed logins count across instances.
        intruder = Browser()
        codes = [intruder.login(A if i % 2 else B, "bcd.thanhvien", "sai-mat-khau-%d" % i) for i in range(12)]
        check(intruder.login(A, "bcd.thanhvien") == 429 and intruder.login(B, "bcd.thanhvien") == 429,
              "failures through A and B together lock the name on both (%s)" % codes)
        # Logout through B ends the session on A.
        status, _, _ = xa.post(B, "/logout", {"csrf": xa.csrf(A, "/entry")})
        check(status == 303, "signed out through B")
        status, _, headers = xa.get(A, "/entry")
        check(status == 303 and "/login" in headers.get("Location", ""),
              "the session is gone on A too (%d %s)" % (status, headers.get("Location")))
    finally:
        nginx.terminate()
        for s in servers:
            s.terminate()
        for p in [nginx] + servers:
            p.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)
    return summary()


if __name__ == "__main__":
    sys.exit(main())
