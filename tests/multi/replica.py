#!/usr/bin/python3
"""`ntm serve --read-db`: read-only pages from a streaming hot standby,
writes to the primary, and read-your-writes.

A primary and a hot standby of their own (pg_basebackup -R) on loopback:
- a visitor's page is read from the standby;
- with the standby's replay paused, a commune officer signs in and submits a
  value: their next pages come from the primary and show it, while other
  readers still read the standby, which does not have it yet;
- once the standby has replayed the write, the officer reads from it again
  and it shows the value;
- a read that has to write (an expired session ended) runs again on the
  primary;
- with the standby stopped, pages are answered from the primary.

Usage: replica.py NTM_BINARY  (prints 'N passed, N failed')."""
import os, shutil, subprocess, sys, tempfile, time

from common import Browser, check, entry_fields, free_port, psql, summary, wait_up

NTM = os.path.realpath(sys.argv[1])
CLUSTER = os.path.join(os.path.dirname(os.path.realpath(__file__)), "..", "..", "scripts", "pg-test-cluster")
UNIT, MEASURE = "18172", "bhyt_pct"  # Xã Sơn Tây, BHYT


def cluster(*args):
    return subprocess.run([CLUSTER] + list(args), check=True, capture_output=True, text=True).stdout.strip()


def caught_up(primary, standby):
    # The insert position, not the write position: with synchronous_commit
    # off (the test cluster) a commit may still be in the WAL buffers, ahead
    # of pg_current_wal_lsn().
    target = psql(primary, "SELECT pg_current_wal_insert_lsn()")
    for _ in range(200):
        if psql(standby, "SELECT pg_last_wal_replay_lsn() >= '%s'" % target) == "t":
            return True
        time.sleep(0.05)
    return False


def main():
    work = tempfile.mkdtemp(prefix="ntm-replica-")
    os.chmod(work, 0o755)
    pdir, sdir = os.path.join(work, "primary"), os.path.join(work, "standby")
    server = None
    try:
        primary = cluster("start", pdir).rsplit("/", 1)[0] + "/ntm"
        psql(primary.rsplit("/", 1)[0] + "/postgres", "CREATE DATABASE ntm")
        subprocess.run([NTM, "demo", "--db", primary], check=True, stdout=subprocess.DEVNULL)
        period = psql(primary, "SELECT (DATE '1970-01-01' + MAX(day))::text FROM observation")
        standby = cluster("standby", sdir, pdir).rsplit("/", 1)[0] + "/ntm"
        check(psql(standby, "SELECT pg_is_in_recovery()") == "t", "the standby is a streaming hot standby")
        port = free_port()
        base = "http://127.0.0.1:%d" % port
        server = subprocess.Popen([NTM, "serve", "--db", primary, "--read-db", standby, "--port", str(port),
                                   "--evidence-dir", os.path.join(work, "evidence")],
                                  stdout=subprocess.DEVNULL)
        wait_up(base)

        visitor = Browser()
        status, _, headers = visitor.get(base, "/commune/%s?at=%s" % (UNIT, period))
        check(status == 200 and headers.get("X-Ntm-Read") == "standby",
              "a visitor's scorecard is read from the standby (%d %s)" % (status, headers.get("X-Ntm-Read")))

        psql(standby, "SELECT pg_wal_replay_pause()")
        xa = Browser()
        check(xa.login(base, "xa.sontay") == 303, "the commune officer signs in (a write: the primary)")
        status, body, headers = xa.get(base, "/entry?period=" + period)
        check(status == 200 and headers.get("X-Ntm-Read") == "primary",
              "their next page comes from the primary, which has their session (%d %s)"
              % (status, headers.get("X-Ntm-Read")))
        fields = entry_fields(xa, base, period)
        fields.update({"v." + MEASURE: "96,4", "action": "review"})
        status, _, _ = xa.post(base, "/entry", fields)
        check(status == 303, "the value is checked (%d)" % status)
        status, _, _ = xa.post(base, "/entry/confirm", {"csrf": xa.csrf(base, "/entry?period=" + period),
                                                        "period": period})
        check(status == 303, "and submitted (%d)" % status)
        status, body, headers = xa.get(base, "/entry?period=" + period)
        check(b'value="96,4"' in body and headers.get("X-Ntm-Read") == "primary",
              "the officer sees their value at once, read from the primary (%s)" % headers.get("X-Ntm-Read"))
        on_standby = psql(standby, "SELECT COUNT(*) FROM observation o JOIN measure m ON m.num = o.measure"
                          " WHERE m.id = '%s' AND o.value = 96.4"
                          % MEASURE)
        _, _, headers = visitor.get(base, "/commune/%s?at=%s" % (UNIT, period))
        check(on_standby == "0" and headers.get("X-Ntm-Read") == "standby",
              "the paused standby lacks the value, and other readers still read it (%s, %s)"
              % (on_standby, headers.get("X-Ntm-Read")))

        psql(standby, "SELECT pg_wal_replay_resume()")
        check(caught_up(primary, standby), "the standby catches up once replay resumes")
        status, body, headers = xa.get(base, "/entry?period=" + period)
        check(status == 200 and b'value="96,4"' in body and headers.get("X-Ntm-Read") == "standby",
              "the officer reads from the standby again, and it shows their value (%s)" % headers.get("X-Ntm-Read"))

        # A read that must tidy up (an expired session is deleted) runs again on the primary.
        psql(primary, "UPDATE session SET expires_at = '2000-01-01T00:00:00Z' WHERE user_id ="
                      " (SELECT id FROM app_user WHERE username = 'xa.sontay')")
        check(caught_up(primary, standby), "the standby has the expired session")
        status, _, headers = xa.get(base, "/entry?period=" + period)
        left = psql(primary, "SELECT COUNT(*) FROM session s JOIN app_user u ON u.id = s.user_id"
                             " WHERE u.username = 'xa.sontay'")
        check(status == 303 and headers.get("X-Ntm-Read") == "primary" and left == "0",
              "an expired session, refused on the standby, is ended on the primary (%d %s, %s left)"
              % (status, headers.get("X-Ntm-Read"), left))

        cluster("stop", sdir)
        status, _, headers = visitor.get(base, "/commune/%s?at=%s" % (UNIT, period))
        check(status == 200 and headers.get("X-Ntm-Read") == "primary",
              "with the standby gone, pages come from the primary (%d %s)" % (status, headers.get("X-Ntm-Read")))
        status, _, _ = visitor.get(base, "/readyz")
        check(status == 200, "and the server stays ready (%d)" % status)
    finally:
        if server:
            server.terminate()
            server.wait(timeout=10)
        for d in (sdir, pdir):
            subprocess.run([CLUSTER, "stop", d], capture_output=True)
        shutil.rmtree(work, ignore_errors=True)
    return summary()


if __name__ == "__main__":
    sys.exit(main())
