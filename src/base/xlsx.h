// Reading spreadsheets people fill in Excel or LibreOffice: the first sheet
// of an .xlsx file as CSV text, so every CSV import also takes XLSX.
// Date-formatted cells become ISO dates (yyyy-mm-dd); numbers keep the
// digits stored in the file; empty trailing cells are dropped; line breaks
// inside a cell become spaces, so CSV line N is always sheet row N.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace ntm {

// OOXML writes characters XML cannot hold, and a literal "_x" followed by
// four hex digits, as "_xHHHH_" (ECMA-376 Part 1, 22.9.2.19 ST_Xstring).
// LibreOffice also reads shorter forms ("duong_xa_pct" came back mangled), so
// escape_xstring escapes the underscore of every "_x" ("_x005F_x"), which
// Excel, LibreOffice and decode_xstring all read back as "_x".
std::string decode_xstring(std::string s);
std::string escape_xstring(std::string_view s);
// What LibreOffice reads for a text it saved itself without escaping: "_x"
// with one to four hex digits and "_" is taken as that character ("duong_xa_pct"
// comes back as "duong", a line break, "pct"), and our reader then shows a
// line break as a space. Ids read from a spreadsheet are matched to ours
// through it, so a file saved twice by LibreOffice still finds its measures.
std::string as_libreoffice_reads(std::string_view s);

// `name` is used in error messages.
Result<std::string> xlsx_to_csv(std::string_view bytes, const std::string& name);

// The bytes of an uploaded table as CSV text: an XLSX is recognised by its
// content (a zip archive), not its name; anything else is taken as CSV.
Result<std::string> table_text(std::string_view bytes, const std::string& name);

// Reads a CSV or XLSX file as CSV text (table_text of its bytes).
Result<std::string> read_table_file(const std::string& path);

}  // namespace ntm
