// Province scoping: every account but the central office's belongs to one
// province; an office manages its own province only, the central office
// reads every province and writes only what is national. Checked here, on
// the server, by every use case and by the pages' lists.
#pragma once

#include <cstdint>
#include <string>

#include "base/status.h"
#include "model/user.h"
#include "store/store.h"

namespace ntm {

inline bool is_central(const User& u) { return u.role == Role::kCentral; }

// Whether the user may read the non-public data of `province` (its
// coordination, drafts, accounts, audit): the central office every province,
// anyone else their own.
inline bool reads_province(const User& u, int64_t province) {
  return is_central(u) || (u.province_id != 0 && u.province_id == province);
}

// Whether the user is the coordination office of `province`.
inline bool office_of(const User& u, int64_t province) {
  return u.role == Role::kAdmin && u.province_id != 0 && u.province_id == province;
}

// The province's office, or Forbidden naming what was refused.
Status require_office_of(const User& u, int64_t province, const std::string& what);
// The same for the province that answers for a unit.
Status require_office_for_unit(Store& store, const User& u, int64_t unit_id,
                               const std::string& what);
// The province of a code in force today; "" means the only province of the
// database, an error naming the choice when it has several.
Result<int64_t> province_named(Store& store, const std::string& code);
// The commune with `code` on `date`; else "Xã: không có xã mã … vào ngày …".
Result<UnitVersion> commune_at(Store& store, const std::string& code, Date date);

// The province of a unit, 0 when it cannot be read (for what a page offers).
int64_t province_or_zero(Store& store, int64_t unit_id);

// Whether the user may read the non-public data about a unit.
Result<bool> reads_unit(Store& store, const User& u, int64_t unit_id);

}  // namespace ntm
