// The office's bulk template: one row per commune under a parent, one column
// per measure of the set in force, for one period, prefilled like the
// commune template. As XLSX or CSV; read back from either.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "service/bulk_entry.h"

namespace ntm {

Result<std::string> bulk_template_xlsx(const BulkForm& form, Date created);
std::string bulk_template_csv(const BulkForm& form);

// XLSX bytes (by their zip signature) or CSV text. Errors name the cell.
Result<FilledBulk> read_bulk_template(std::string_view bytes, const std::string& name);

inline constexpr const char* kBulkMarker = "ntm-bulk-template-1";
inline constexpr int kBulkHeaderRow = 6;  // measure ids; row 7: their names; communes from row 8

}  // namespace ntm
