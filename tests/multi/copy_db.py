#!/usr/bin/python3
"""`ntm copy`: a province that started on SQLite joins the PostgreSQL
database, and back, all or nothing.

- SQLite -> PostgreSQL -> a new SQLite file: every table's rows match, and
  every commune is evaluated the same on all three at several dates;
- the PostgreSQL copy takes new rows after the copied ids, and its article
  search finds the copied articles;
- a target that already has data is refused and left as it was;
- a source that breaks a reference fails the copy and leaves the target
  empty.

Usage: copy.py NTM_BINARY  (NTM_TEST_PG: the test cluster's folder;
prints 'N passed, N failed')."""
import os, shutil, sqlite3, subprocess, sys, tempfile

from common import check, psql, summary

NTM = os.path.realpath(sys.argv[1])
TABLES = ["unit", "unit_version", "observation", "observation_asof", "app_user", "audit_log", "article",
          "work_item", "sponsor"]


def ntm(*args, ok=True):
    r = subprocess.run([NTM] + list(args), capture_output=True, text=True, input="mat-khau-moi-2026\n")
    if ok and r.returncode != 0:
        raise RuntimeError(" ".join(args) + ": " + r.stderr)
    return r


def count(db, table):
    if db.startswith("postgresql://"):
        return int(psql(db, "SELECT COUNT(*) FROM " + table))
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT COUNT(*) FROM " + table).fetchone()[0]
    finally:
        con.close()


def evaluations(db, at):
    return ntm("evaluate", "--db", db, "--all", "--parent", "42", "--at", at, "--format", "json").stdout


def main():
    cluster = open(os.path.join(os.environ["NTM_TEST_PG"], "url")).read().strip()
    work = tempfile.mkdtemp(prefix="ntm-copy-")
    names = ["copy_%s_%d" % (n, os.getpid()) for n in ("a", "b", "c")]
    for n in names:
        psql(cluster, "CREATE DATABASE " + n)
    pg, busy, broken_target = (cluster.rsplit("/", 1)[0] + "/" + n for n in names)
    try:
        source = os.path.join(work, "tinh.db")
        ntm("demo", "--db", source)
        out = ntm("copy", "--from", source, "--to", pg).stdout
        check("giống nhau" in out, "SQLite -> PostgreSQL: " + out.strip().splitlines()[-1])
        back = os.path.join(work, "lai.db")
        out = ntm("copy", "--from", pg, "--to", back).stdout
        check("giống nhau" in out, "PostgreSQL -> SQLite: " + out.strip().splitlines()[-1])
        counts = {t: (count(source, t), count(pg, t), count(back, t)) for t in TABLES}
        check(all(a == b == c and a > 0 for t, (a, b, c) in counts.items() if t not in ("work_item", "sponsor")) and
              all(a == b == c for a, b, c in counts.values()), "row counts match on all three: %s" % counts)
        for at in ("2019-12-31", "2024-12-31", "2026-06-30"):
            e = [evaluations(db, at) for db in (source, pg, back)]
            check(e[0] == e[1] == e[2] and len(e[0]) > 1000, "every commune evaluated the same on all three at " + at)

        r = ntm("user", "add", "--db", pg, "--username", "can.bo.moi", "--role", "admin", "--password-stdin")
        new_id = int(psql(pg, "SELECT id FROM app_user WHERE username = 'can.bo.moi'"))
        max_copied = int(psql(pg, "SELECT MAX(id) FROM app_user WHERE username <> 'can.bo.moi'"))
        check(r.returncode == 0 and new_id > max_copied, "a new account on the copy gets a new id (%d)" % new_id)
        title = psql(pg, "SELECT title FROM article WHERE status = 'published' ORDER BY id LIMIT 1")
        word = max(title.split(), key=len)
        found = psql(pg, "SELECT COUNT(*) FROM article_search WHERE article_id ="
                         " (SELECT id FROM article WHERE title = '%s')" % title.replace("'", "''"))
        check(found == "1", "the copied articles are in the search index ('%s')" % word)

        before = count(pg, "observation")
        r = ntm("copy", "--from", source, "--to", pg, ok=False)
        check(r.returncode == 1 and "đã có dữ liệu" in r.stderr and count(pg, "observation") == before,
              "a target with data is refused and left alone: " + r.stderr.strip())

        con = sqlite3.connect(source)
        con.execute("PRAGMA foreign_keys = OFF")
        con.execute("INSERT INTO observation (id, unit_id, measure, day, value, status, author, note, recorded_at,"
                    " shown, current) SELECT id + 1000000, 999999, measure, day, value, status, author, note,"
                    " recorded_at, shown, current FROM observation LIMIT 1")
        con.commit()
        con.close()
        r = ntm("copy", "--from", source, "--to", broken_target, ok=False)
        check(r.returncode == 1 and count(broken_target, "unit") == 0 and count(broken_target, "observation") == 0,
              "a source that breaks a reference copies nothing: " + r.stderr.strip()[:160])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return summary()


if __name__ == "__main__":
    sys.exit(main())
