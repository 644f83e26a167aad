// The office's bulk template: one row per commune under a parent, one column
// per measure of the set in force, for one period, prefilled like the
// commune template. As XLSX or CSV; read back from either.
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

Result<BulkForm> bulk_form(Store& store, const Catalog& catalog, const std::string& parent_code,
                           Date period);
Result<std::string> bulk_template_xlsx(const BulkForm& form, Date created);
std::string bulk_template_csv(const BulkForm& form);

struct FilledBulk {
  std::string parent_code;
  Date period;
  // unit code -> measure -> text (as filled, non-empty only)
  std::map<std::string, std::map<std::string, std::string>> values;
  std::map<std::string, std::string> cells;  // "unit|measure" -> "D9", for errors
};

// XLSX bytes (by their zip signature) or CSV text. Errors name the cell.
Result<FilledBulk> read_bulk_template(std::string_view bytes, const std::string& name);

inline constexpr const char* kBulkMarker = "ntm-bulk-template-1";
inline constexpr int kBulkHeaderRow = 6;  // measure ids; row 7: their names; communes from row 8

// Checks every value of every commune; without errors stores the changes
// as `status`, all in one transaction (audited). Errors name the cells.
Result<std::vector<std::string>> save_bulk(Store& store, const BulkForm& form,
                                           const FilledBulk& filled, const User& user,
                                           ObservationStatus status);

}  // namespace ntm
