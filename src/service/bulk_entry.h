// The office's bulk entry: one form per commune under a parent, for one
// period, and its all-or-nothing save. The template that carries it (XLSX or
// CSV, written and read) is in reports/bulk_template.h.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "service/workflow.h"

namespace ntm {

struct BulkForm {
  UnitVersion parent;
  Date period;
  const CriteriaSet* set = nullptr;
  std::vector<EntryForm> forms;  // one per commune, by code
};

// The forms of every commune under `parent_code` on `period` (wards and towns,
// which no set applies to, are left out).
Result<BulkForm> bulk_form(Store& store, const Catalog& catalog, const std::string& parent_code,
                           Date period);

// A filled bulk template as read (reports/bulk_template.h reads it).
struct FilledBulk {
  std::string parent_code;
  Date period;
  // unit code -> measure -> text (as filled, non-empty only)
  std::map<std::string, std::map<std::string, std::string>> values;
  std::map<std::string, std::string> cells;    // "unit|measure" -> "D9", for errors
  std::map<std::string, std::string> columns;  // measure (as in the file) -> its header cell
};

struct BulkChange {
  const EntryForm* form = nullptr;
  const EntryField* field = nullptr;
  double value = 0;
  std::string text;  // as typed
  std::string cell;  // "F9"
};

// The changes a filled template makes — what the preview shows and what
// save_bulk stores, the same list: values that differ from what is recorded
// for the period. A value the template carried forward from an earlier
// period and nobody touched (no value for the period, equal to the last one)
// is not a report and is left out. Every column must be a measure of the form
// (ids as LibreOffice reads them back are matched) and, for a file, every
// measure a column. Errors, naming the cells, are added to `errors`.
std::vector<BulkChange> bulk_changes(const BulkForm& form, const FilledBulk& filled,
                                     std::vector<std::string>& errors);

// Without errors stores bulk_changes as `status`, all in one transaction
// (audited). Errors name the cells; nothing is stored then.
Result<std::vector<std::string>> save_bulk(Store& store, const BulkForm& form,
                                           const FilledBulk& filled, const User& user,
                                           ObservationStatus status);

}  // namespace ntm
