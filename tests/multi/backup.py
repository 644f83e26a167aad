#!/usr/bin/python3
"""`ntm backup` of a running server under writes, restored into a new
database: the same evaluations, audit log and evidence files.

While a commune officer keeps saving values with an evidence file through
the server, `ntm backup` runs; its restore must be the source at one moment:
- its audit log is the start of the source's, and holds some of the writes
  made during the backup but not the ones after it;
- every evidence file it names is there, byte for byte;
- every commune is evaluated the same at a past date.
Once the writes stop, a second backup restores to a copy whose evaluations
at the latest period, audit log and files are identical to the source's.

Usage: backup.py NTM_BINARY sqlite|postgres  (postgres: NTM_TEST_PG, the test
cluster's folder; prints 'N passed, N failed')."""
import os, shutil, sqlite3, subprocess, sys, tempfile, threading, time

from common import Browser, check, entry_fields, free_port, multipart, psql, summary, wait_up

NTM = os.path.realpath(sys.argv[1])
BACKEND = sys.argv[2]
MEASURE = "bhyt_pct"


def rows(db, query):
    if db.startswith("postgresql://"):
        return psql(db, query).splitlines()
    con = sqlite3.connect(db)
    try:
        return ["|".join("" if v is None else str(v) for v in r) for r in con.execute(query)]
    finally:
        con.close()


def new_database(work, name):
    if BACKEND == "sqlite":
        return os.path.join(work, name + ".db")
    cluster = open(os.path.join(os.environ["NTM_TEST_PG"], "url")).read().strip()
    name = "%s_%d" % (name, os.getpid())
    psql(cluster, "CREATE DATABASE " + name)
    return cluster.rsplit("/", 1)[0] + "/" + name


def ntm(*args):
    return subprocess.run([NTM] + list(args), check=True, capture_output=True, text=True).stdout


def evaluations(db, at):
    return ntm("evaluate", "--db", db, "--all", "--parent", "42", "--at", at, "--format", "json")


AUDIT = "SELECT id, at, actor, action, unit_id, subject, old_value, new_value, reason FROM audit_log ORDER BY id"
EVIDENCE = "SELECT file_name FROM evidence ORDER BY id"


def files_equal(names, a, b):
    for n in names:
        pa, pb = os.path.join(a, n), os.path.join(b, n)
        if not os.path.exists(pb) or open(pa, "rb").read() != open(pb, "rb").read():
            return False
    return True


def main():
    work = tempfile.mkdtemp(prefix="ntm-backup-")
    os.chmod(work, 0o755)
    db = new_database(work, "source")
    evidence = os.path.join(work, "evidence")
    ntm("demo", "--db", db)
    period = rows(db, "SELECT (DATE '1970-01-01' + MAX(day))::text FROM observation" if db.startswith("postgresql://")
               else "SELECT date(MAX(day) * 86400, 'unixepoch') FROM observation")[0]
    port = free_port()
    base = "http://127.0.0.1:%d" % port
    server = subprocess.Popen([NTM, "serve", "--db", db, "--port", str(port), "--evidence-dir", evidence],
                              stdout=subprocess.DEVNULL)
    stop, saved = threading.Event(), []

    def writer():
        xa = Browser()
        xa.login(base, "xa.sontay")
        i = 0
        while not stop.is_set():
            i += 1
            fields = entry_fields(xa, base, period)
            fields.update({"v." + MEASURE: "9%d,%d" % (i % 10, i % 7), "action": "draft"})
            pdf = b"%%PDF-1.4\n%% lan %d\n%%%%EOF\n" % i
            body, ctype = multipart(fields, {"f." + MEASURE: ("bien-ban-%d.pdf" % i, "application/pdf", pdf)})
            status, _, _ = xa.request(base, "/entry", body, {"Content-Type": ctype})
            if status == 303:
                saved.append(i)

    try:
        wait_up(base)
        audit_before = len(rows(db, AUDIT))
        thread = threading.Thread(target=writer)
        thread.start()
        while len(saved) < 3:
            time.sleep(0.05)
        out = ntm("backup", "--db", db, "--to", os.path.join(work, "busy.bak"), "--evidence-dir", evidence)
        during = len(saved)
        while len(saved) < during + 3:
            time.sleep(0.05)
        stop.set()
        thread.join()
        check("busy.bak" in out, "the backup ran while the server was writing (%d saves)" % len(saved))

        restored = new_database(work, "busy")
        restored_files = os.path.join(work, "busy-files")
        ntm("restore", "--from", os.path.join(work, "busy.bak"), "--db", restored, "--evidence-dir", restored_files)
        source_audit, copy_audit = rows(db, AUDIT), rows(restored, AUDIT)
        check(copy_audit == source_audit[:len(copy_audit)], "its audit log is the start of the source's")
        check(audit_before < len(copy_audit) < len(source_audit),
              "it holds writes made before the backup and not those after (%d < %d < %d)"
              % (audit_before, len(copy_audit), len(source_audit)))
        names = rows(restored, EVIDENCE)
        check(names and files_equal(names, evidence, restored_files),
              "every evidence file it names is restored, byte for byte (%d)" % len(names))
        check(evaluations(restored, "2024-12-31") == evaluations(db, "2024-12-31"),
              "every commune is evaluated the same at 31/12/2024")

        ntm("backup", "--db", db, "--to", os.path.join(work, "quiet.bak"), "--evidence-dir", evidence)
        copy = new_database(work, "quiet")
        copy_files = os.path.join(work, "quiet-files")
        ntm("restore", "--from", os.path.join(work, "quiet.bak"), "--db", copy, "--evidence-dir", copy_files)
        check(rows(copy, AUDIT) == rows(db, AUDIT), "after the writes: the audit log is identical")
        names = rows(db, EVIDENCE)
        check(rows(copy, EVIDENCE) == names and files_equal(names, evidence, copy_files),
              "the evidence files are identical (%d)" % len(names))
        check(evaluations(copy, period) == evaluations(db, period) and
              evaluations(copy, "2021-06-30") == evaluations(db, "2021-06-30"),
              "every commune is evaluated the same at %s and at 30/06/2021" % period)
        r = subprocess.run([NTM, "restore", "--from", os.path.join(work, "quiet.bak"), "--db", copy],
                           capture_output=True, text=True)
        check(r.returncode == 1 and ("phải trống" in r.stderr or "Đã có" in r.stderr),
              "restoring over a database in use is refused: " + r.stderr.strip())
    finally:
        stop.set()
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)
    return summary()


if __name__ == "__main__":
    sys.exit(main())
