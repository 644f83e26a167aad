// Commune groups (nhóm xã 1/2/3) of QĐ 51/2025: which thresholds of the
// 2026-2030 set apply to a commune. Stored as the unit attribute
// "commune_group" with the date from which it holds, so a commune moved to
// another group keeps its earlier assessments. Definitions (official wording,
// sources, what is not known): docs/criteria-2026-2030.md.
#pragma once

#include <string>
#include <vector>

#include "model/unit.h"
#include "model/user.h"
#include "service/importer.h"
#include "store/store.h"

namespace ntm {

struct CommuneGroupRow {
  UnitVersion unit;
  std::string group;                   // on the date; "" = not assigned
  Date since;                          // from when that group holds
  std::vector<UnitAttribute> history;  // every assignment, oldest first
};

// The communes (all unit types) under `parent` on `at`, with their group.
Result<std::vector<CommuneGroupRow>> commune_groups(Store& store, const UnitVersion& parent,
                                                    Date at);

// The office assigns `group` ("1", "2", "3") to the commune `code` from
// `from`; audited. Refused for anyone else, an unknown commune or group.
Status assign_commune_group(Store& store, const User& user, const std::string& code,
                            const std::string& group, Date from);

// A CSV/XLSX of unit_code,attribute,value,valid_from (the format of
// `ntm import attributes`) holding only commune_group rows: all or nothing,
// every error by row and column; audited.
Result<ImportCounts> import_commune_groups(Store& store, const User& user, const std::string& file,
                                           const std::string& text);

}  // namespace ntm
