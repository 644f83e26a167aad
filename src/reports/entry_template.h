// The Excel template of a commune's report for a period, filled offline and
// uploaded back: every measure of the set in force, prefilled with this
// period's or the last values; only the value and note columns are open
// (the sheet is protected); booleans have a "Đạt / Không đạt" list; an
// instructions sheet in Vietnamese. The reader finds the unit, the period
// and each measure's value, naming the cell of every error.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "service/workflow.h"

namespace ntm {

Result<std::string> entry_template_xlsx(const EntryForm& form, Date created);

struct FilledTemplate {
  std::string unit_code;
  Date period;
  std::map<std::string, std::string> values;  // measure -> text as filled (only non-empty)
  std::map<std::string, std::string> cells;   // measure -> its value cell ("F9"), for errors
  std::map<std::string, std::string> notes;   // measure -> note (column G), when typed
  std::map<std::string, std::string> rows;    // measure -> its id cell ("A9")
};

// The same template as CSV (same rows and columns).
std::string entry_template_csv(const EntryForm& form);

// Reads an uploaded template (XLSX bytes, or its CSV form). Errors name the
// file and the cell.
Result<FilledTemplate> read_entry_template(std::string_view bytes, const std::string& name);

// Matches the ids of the file to the measures of the form: an id as
// LibreOffice reads it back after saving (as_libreoffice_reads) is taken for
// its measure. Then every id must be a measure of the form and every measure
// of the form must be in the file (a mangled id once sent a value nowhere
// without a word): the errors, naming the cell; empty when they agree.
std::vector<std::string> match_template_ids(const EntryForm& form, FilledTemplate& t,
                                            const std::string& name);

// The layout, shared by writer and reader.
inline constexpr int kTemplateFirstRow = 7;  // 1-based row of the first measure
inline constexpr const char* kTemplateMarker = "ntm-entry-template-1";

}  // namespace ntm
