#!/usr/bin/python3
"""A real spreadsheet client: LibreOffice Calc opens NTM Monitor's entry
template, changes values as a person would (a percentage, a yes/no from the
list, a number, a note), saves as .xlsx, and the upload stores exactly those
changes; then a second open-and-save round trip. The same for the office's
bulk template (a row per commune of the province).

Usage: roundtrip.py NTM_BINARY  (needs Debian's libreoffice-calc-nogui and
python3-uno; prints 'N passed, N failed')."""
import json, os, shutil, sqlite3, subprocess, sys, tempfile, time

import uno
from com.sun.star.beans import PropertyValue

NTM = os.path.realpath(sys.argv[1])
UNIT, PERIOD = "18172", "2026-06-30"  # Xã Sơn Tây, Hà Tĩnh (demo)
passed = failed = 0
ids_by_row = {}  # the ids as our own template holds them (LibreOffice may show them otherwise later)


def check(ok, what):
    global passed, failed
    print(("ok     " if ok else "FAILED ") + what)
    passed, failed = passed + bool(ok), failed + (not ok)


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def start_office(work):
    pipe = "ntm_lo_%d" % os.getpid()
    office = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
         "-env:UserInstallation=file://" + work + "/profile",
         "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(300):
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
            return office, desktop
        except Exception:
            time.sleep(0.2)
    office.kill()
    raise SystemExit("LibreOffice did not start")


def edit(desktop, src, dst, step):
    """Opens src, changes one row of each kind, saves dst; returns what a
    person typed: measure -> (value as the store keeps it, note)."""
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0,
                                       (prop("Hidden", True),))
    sheet = doc.Sheets.getByIndex(0)
    typed = {}
    row, kinds = 6, {}
    while sheet.getCellByPosition(0, row).getString():
        # A file LibreOffice saved shows "duong_xa_pct" as "duong", a line
        # break, "pct" when it opens it again: the row tells the id.
        measure = ids_by_row.setdefault(row, sheet.getCellByPosition(0, row).getString())
        unit = sheet.getCellByPosition(3, row).getString()
        value = sheet.getCellByPosition(5, row)
        if value.getString() in ("Có", "Không"):
            kinds.setdefault("yes/no", (row, measure))
        elif unit == "%":
            # The id LibreOffice once mangled: take it when the form has it.
            if measure == "duong_xa_pct" or "percent" not in kinds:
                kinds["percent"] = (row, measure)
        else:
            kinds.setdefault("number", (row, measure))
        row += 1
    for kind, (r, measure) in kinds.items():
        cell = sheet.getCellByPosition(5, r)
        if kind == "yes/no":
            now = "Không" if cell.getString() == "Có" else "Có"
            cell.setString(now)
            typed[measure] = [1.0 if now == "Có" else 0.0, ""]
        elif kind == "percent":
            v = 87.5 if step == 1 else 91.25
            cell.setValue(v)
            note = "Đã kiểm tra thực địa, lần %d" % step
            sheet.getCellByPosition(6, r).setString(note)
            typed[measure] = [v, note]
        else:
            v = 1234.0 + step
            cell.setValue(v)
            typed[measure] = [v, ""]
    doc.storeToURL(uno.systemPathToFileUrl(dst), (prop("FilterName", "Calc MS Excel 2007 XML"),))
    doc.close(True)
    return typed


def edit_bulk(desktop, src, dst, step):
    """The office's bulk template: one commune's row gets a percentage, a
    yes/no and a number changed; returns measure -> value for that commune."""
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0,
                                       (prop("Hidden", True),))
    sheet = doc.Sheets.getByIndex(0)
    header, row = 5, 7  # 0-based: row 6 holds the ids, communes from row 8
    while sheet.getCellByPosition(0, row).getString() not in ("", UNIT):
        row += 1
    typed, col = {}, 2
    while sheet.getCellByPosition(col, header).getString():
        measure = bulk_ids.setdefault(col, sheet.getCellByPosition(col, header).getString())
        cell = sheet.getCellByPosition(col, row)
        if cell.getString() in ("Có", "Không") and "yes/no" not in typed.values():
            now = "Không" if cell.getString() == "Có" else "Có"
            cell.setString(now)
            typed[measure] = "yes/no"
            values[measure] = 1.0 if now == "Có" else 0.0
        elif measure == "duong_xa_pct":
            values[measure] = 60.0 + step
            cell.setValue(values[measure])
            typed[measure] = "percent"
        elif measure == "thu_nhap_binh_quan":
            values[measure] = 2000.0 + step
            cell.setValue(values[measure])
            typed[measure] = "number"
        col += 1
    doc.storeToURL(uno.systemPathToFileUrl(dst), (prop("FilterName", "Calc MS Excel 2007 XML"),))
    doc.close(True)
    return {m: [values[m], ""] for m in typed}


bulk_ids, values = {}, {}


def layout(desktop, path, kind, first_row, last_col):
    """As Calc shows the file: the title spans the table and is not cut off,
    every row is at least as tall as its wrapped text needs (Calc's own
    optimal height), and each value column carries its rule: Có/Không from a
    list, 0..100 for a percentage."""
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0,
                                       (prop("Hidden", True),))
    sheet = doc.Sheets.getByIndex(0)
    rows = sheet.getRows()
    title = sheet.getCellRangeByPosition(0, 0, last_col, 0)
    check(title.getIsMerged(), "%s: the title spans A1 to column %d" % (kind, last_col + 1))
    saved = rows.getByIndex(0).Height
    rows.getByIndex(0).OptimalHeight = True
    check(saved + 20 >= rows.getByIndex(0).Height,
          "%s: the title's row is tall enough (%d >= %d, 1/100 mm)" % (kind, saved, rows.getByIndex(0).Height))
    short, row = [], first_row
    while sheet.getCellByPosition(0, row).getString():
        r = rows.getByIndex(row)
        had = r.Height
        r.OptimalHeight = True
        if had + 20 < r.Height:
            short.append("row %d: %d < %d" % (row + 1, had, r.Height))
        row += 1
    check(row > first_row and not short,
          "%s: %d rows, none shorter than its wrapped text %s" % (kind, row - first_row, short[:3]))
    doc.close(True)


def rules(desktop, path, kind, row, cols):
    """The value cells' validation in Calc: list for yes/no, 0..100 for %."""
    from com.sun.star.sheet.ValidationType import LIST, DECIMAL
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0,
                                       (prop("Hidden", True),))
    sheet = doc.Sheets.getByIndex(0)
    found = {}
    for col, r in cols(sheet):
        cell = sheet.getCellByPosition(col, r)
        v = cell.Validation
        text = cell.getString()
        if text in ("Có", "Không") and "yes/no" not in found:
            found["yes/no"] = v.Type == LIST and v.getFormula1().replace('"', "").replace(";", ",") in ("Có,Không",)
        elif v.Type == DECIMAL and v.getFormula2() == "100" and "percent" not in found:
            found["percent"] = v.getFormula1() == "0"
    check(found == {"yes/no": True, "percent": True},
          "%s: Có/Không from a list and 0..100 rules on the value cells: %s" % (kind, found))
    doc.close(True)


def stored(db, measures):
    con = sqlite3.connect(db)
    out = {}
    for m in measures:
        row = con.execute(
            "SELECT o.value, o.note FROM observation o JOIN unit u ON u.id = o.unit_id"
            " JOIN measure m ON m.num = o.measure WHERE u.code = ? AND m.id = ?"
            " AND o.day = CAST(julianday(?) - 2440587.5 AS INTEGER) AND o.current = 1",
            (UNIT, m, PERIOD)).fetchone()
        out[m] = [row[0], row[1]] if row else None
    con.close()
    return out


def round_trips(kind, edit_file, desktop, src, work, db):
    """Twice: Calc edits `src` (the second time, the file it saved), the
    upload stores exactly what was typed (values and notes), nothing more."""
    for step in (1, 2):
        dst = "%s/%s-saved-%d.xlsx" % (work, kind, step)
        typed = edit_file(desktop, src, dst, step)
        what = "%s step %d" % (kind, step)
        check(len(typed) == 3, "%s: a percentage, a yes/no and a number changed in Calc: %s"
              % (what, json.dumps(typed, ensure_ascii=False)))
        before = sqlite3.connect(db).execute("SELECT COUNT(*) FROM observation").fetchone()[0]
        imp = subprocess.run([NTM, "import", "template", dst, "--db", db],
                             capture_output=True, text=True)
        check(imp.returncode == 0, "%s: the file saved by LibreOffice imports: %s"
              % (what, (imp.stdout + imp.stderr).strip()))
        got = stored(db, typed)
        for m, (v, note) in typed.items():
            ok = got[m] is not None and abs(got[m][0] - v) < 1e-9 and got[m][1] == note
            check(ok, "%s: %s stored as typed (%s, note %r): %s" % (what, m, v, note, got[m]))
        after = sqlite3.connect(db).execute("SELECT COUNT(*) FROM observation").fetchone()[0]
        check(after - before == len(typed),
              "%s: exactly the %d changes written (%d)" % (what, len(typed), after - before))
        src = dst


def main():
    work = tempfile.mkdtemp(prefix="ntm-lo-")
    db = work + "/demo.db"
    subprocess.run([NTM, "demo", "--db", db], check=True, stdout=subprocess.DEVNULL)
    template = work + "/template.xlsx"
    subprocess.run([NTM, "template", "--unit", UNIT, "--period", PERIOD, "--format", "xlsx", "-o", template,
                    "--db", db],
                   check=True, stdout=subprocess.DEVNULL)
    bulk = work + "/bulk.xlsx"
    subprocess.run([NTM, "template", "--parent", "42", "--period", PERIOD, "--format", "xlsx",
                    "-o", bulk, "--db", db], check=True, stdout=subprocess.DEVNULL)
    office, desktop = start_office(work)
    try:
        layout(desktop, template, "entry template", 6, 6)
        layout(desktop, bulk, "bulk template", 7, 7)
        rules(desktop, template, "entry template", 6, lambda sh: [(5, r) for r in range(6, 80)])
        rules(desktop, bulk, "bulk template", 7,
              lambda sh: [(c, 7) for c in range(2, 80) if sh.getCellByPosition(c, 5).getString()])
        round_trips("entry", edit, desktop, template, work, db)
        round_trips("bulk", edit_bulk, desktop, bulk, work, db)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        office.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
