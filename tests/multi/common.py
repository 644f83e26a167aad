"""What the multi-instance tests share: checks, free ports, a person's
cookie jar, psql, waiting for a server."""
import http.cookiejar, re, socket, subprocess, time
import urllib.error, urllib.parse, urllib.request

PASSWORD = "demo-ntm-2026"
passed = failed = 0


def check(ok, what):
    global passed, failed
    print(("ok     " if ok else "FAILED ") + what)
    passed, failed = passed + bool(ok), failed + (not ok)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None


class Browser:
    """One person's cookie jar, sending each request to the base it is told."""

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.op = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)

    def request(self, base, path, data=None, headers=None):
        req = urllib.request.Request(base + path, data=data, headers=headers or {})
        try:
            with self.op.open(req, timeout=30) as r:
                return r.status, r.read(), dict(r.headers)
        except urllib.error.HTTPError as e:
            return e.code, e.read(), dict(e.headers)

    def get(self, base, path):
        return self.request(base, path)

    def post(self, base, path, fields):
        return self.request(base, path, urllib.parse.urlencode(fields).encode(),
                            {"Content-Type": "application/x-www-form-urlencoded"})

    def csrf(self, base, path):
        status, body, _ = self.get(base, path)
        m = re.search(rb'name="csrf" value="([^"]+)"', body)
        return m.group(1).decode() if m else ""

    def login(self, base, user, password=PASSWORD):
        token = self.csrf(base, "/login")
        status, _, headers = self.post(base, "/login", {"csrf": token, "username": user, "password": password})
        return status


def psql(url, sql):
    return subprocess.run(["psql", url, "-qtAc", sql], check=True, capture_output=True, text=True).stdout.strip()


def wait_up(base):
    for _ in range(200):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=2)
            return
        except Exception:
            time.sleep(0.05)


def summary():
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


def multipart(fields, files):
    """A multipart/form-data body and its content type; files: name -> (filename, type, bytes)."""
    boundary = "XyZntmTest"
    parts = [("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n" % (boundary, k, v)).encode()
             for k, v in fields.items()]
    for name, (filename, ctype, data) in files.items():
        parts.append(("--%s\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\n"
                      "Content-Type: %s\r\n\r\n" % (boundary, name, filename, ctype)).encode() + data + b"\r\n")
    parts.append(("--%s--\r\n" % boundary).encode())
    return b"".join(parts), "multipart/form-data; boundary=" + boundary


def entry_fields(browser, base, period):
    """The values of a commune's entry form for the period, as the form has them."""
    _, body, _ = browser.get(base, "/entry?period=" + period)
    fields = dict(re.findall(rb'name="(v\.[a-z0-9_]+)"[^>]*value="([^"]*)"', body))
    fields = {k.decode(): v.decode() for k, v in fields.items()}
    m = re.search(rb'name="csrf" value="([^"]+)"', body)
    fields.update({"csrf": m.group(1).decode() if m else "", "period": period})
    return fields
