#!/usr/bin/python3
"""The English catalogue test: every main page, for a visitor and for each
role, read in English must carry no Vietnamese words of the interface. What
people entered stays as they wrote it (unit, people's, department and
sponsor names, titles of articles, work items, meetings and plans, notes and
reasons) and text marked lang="vi" (legal citations, article snippets):
those strings are read from the demo database and removed first;
any Vietnamese letter left is an untranslated string and fails the test,
printed with its page.

Usage: english_pages.py NTM_BINARY   (prints 'N passed, N failed')."""
import html, http.cookiejar, os, re, shutil, socket, sqlite3, subprocess, sys, tempfile, time
import urllib.parse, urllib.request

NTM = os.path.realpath(sys.argv[1])
VI = re.compile("[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.I)
PAGES = {
    None: ["/", "/tien-do", "/dashboard/42", "/dashboard/42?at=2024-12-31", "/commune/18172",
           "/commune/18568", "/commune/18568?set=ntm-xa-2026-2030", "/criteria-sets",
           "/criterion/ntm-xa-minh-hoa-2026-2030/3?parent=42", "/search?q=loc+ha", "/login",
           "/chuyen-muc/tin-tuc"],
    "xa.sontay": ["/entry", "/entry?period=2026-06-30", "/entry/check?period=2026-06-30",
                  "/notifications", "/work", "/account"],
    "so.yte": ["/verify", "/notifications"],
    "vanphong": ["/dashboard/42", "/audit", "/briefing", "/meetings", "/work", "/sponsors",
                 "/responsibilities", "/commune-groups", "/users", "/articles",
                 "/plan/18172", "/meetings/1", "/work/1", "/sponsors/STC", "/departments"],
}
# Words that are Vietnamese on purpose: the switch to Vietnamese, and the
# legal names of documents and titles cited as sources.
ALLOWED = ["Tiếng Việt"]


def entered_strings(db):
    """What people (or the demo builder) wrote: kept in their language."""
    con = sqlite3.connect(db)
    out = set(ALLOWED)
    queries = [
        "SELECT name FROM unit_version", "SELECT title FROM article", "SELECT summary FROM article",
        "SELECT full_name FROM app_user", "SELECT name FROM department", "SELECT name FROM sponsor",
        "SELECT title FROM work_item", "SELECT note FROM work_item", "SELECT title FROM meeting",
        "SELECT chair FROM meeting", "SELECT text FROM conclusion", "SELECT text FROM conclusion_report",
        "SELECT note FROM observation", "SELECT original_name FROM evidence", "SELECT title FROM plan",
        "SELECT note FROM plan", "SELECT note FROM plan_milestone", "SELECT program FROM sponsorship",
        "SELECT tasks FROM sponsorship", "SELECT in_kind_pledged FROM sponsorship",
        "SELECT reason FROM audit_log", "SELECT decision_no FROM recognition",
        "SELECT revoked_no FROM recognition", "SELECT signer FROM recognition",
    ]
    for q in queries:
        for (v,) in con.execute(q):
            if v and VI.search(v):
                out.add(v.strip())
    con.close()
    # Longest first, so that a name inside a longer title goes with the title.
    return sorted(out, key=len, reverse=True)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def opener(base, user):
    jar = http.cookiejar.CookieJar()
    op = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    op.addheaders = [("Cookie", "lang=en")]
    if user:
        page = op.open(base + "/login").read().decode()
        data = {"username": user, "password": "demo-ntm-2026"}
        token = re.search(r'name="csrf" value="([^"]+)"', page)
        if token:
            data["csrf"] = token.group(1)
        op.open(base + "/login", urllib.parse.urlencode(data).encode())
    return op


def visible_lines(page):
    page = re.sub(r"(?s)<(script|style|title)\b.*?</\1>", "", page)
    # Text marked as Vietnamese (lang="vi": names, legal citations, article
    # text) is content, read as such by screen readers too.
    page = re.sub(r'(?s)<(\w+)\b[^>]*\blang="vi"[^>]*>.*?</\1>', "", page)
    page = re.sub(r"(?s)<[^>]+>", "\n", page)
    return [html.unescape(line).strip() for line in page.split("\n")]


def main():
    work = tempfile.mkdtemp(prefix="ntm-en-")
    db = work + "/demo.db"
    subprocess.run([NTM, "demo", "--db", db], check=True, stdout=subprocess.DEVNULL)
    entered = entered_strings(db)
    port = free_port()
    server = subprocess.Popen([NTM, "serve", "--db", db, "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = "http://127.0.0.1:%d" % port
    passed = failed = 0
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/healthz")
                break
            except Exception:
                time.sleep(0.05)
        for user, paths in PAGES.items():
            op = opener(base, user)
            for path in paths:
                body = op.open(base + path).read().decode()
                left = []
                for line in visible_lines(body):
                    for s in entered:
                        if s in line:
                            line = line.replace(s, " ")
                    if VI.search(line):
                        left.append(line)
                who = user or "visitor"
                if left:
                    failed += 1
                    print("FAILED %s %s: %d Vietnamese strings on the English page:" % (who, path, len(left)))
                    for line in sorted(set(left))[:15]:
                        print("         " + line[:140])
                else:
                    passed += 1
                    print("ok     %s %s" % (who, path))
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
