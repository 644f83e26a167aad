// What the public progress page shows for a province: headline figures and
// one row per commune, either live (verified figures today) or a snapshot
// the office froze and published. Setting "public_progress:<province id>"
// holds "live" or the id of the province's published snapshot.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/article.h"
#include "model/user.h"
#include "service/views.h"

namespace ntm {

struct PublicRow {
  std::string code, name;
  int criteria_met = 0, criteria_total = 0;
  bool title_met = false;
  int band = 0;  // index into the set's bands, 0 = best
};

struct PublicProgress {
  std::string unit_code, unit_name, set_id;
  Date as_of;
  int64_t snapshot_id = 0;  // 0 = live
  std::string taken_at;     // when the snapshot was taken
  int units = 0, title_met = 0;
  double average = 0;
  std::vector<BandCount> bands;
  std::vector<PublicRow> rows;
};

// From an overview computed on verified figures only.
PublicProgress public_progress(const Overview& ov);
std::string progress_payload(const PublicProgress& p);
Result<PublicProgress> parse_progress_payload(const PublicSnapshot& s);

// The province's published snapshot, if its office chose one over live figures.
Result<std::optional<PublicSnapshot>> published_snapshot(Store& store, int64_t province);
// The office of `ov`'s province only: freezes `ov` (verified figures) and
// publishes it; audited.
Result<int64_t> publish_snapshot(Store& store, const User& user, const Overview& ov);
// An office only: its province back to live figures; audited.
Status publish_live(Store& store, const User& user);

}  // namespace ntm
