// Store: the observation table converted to its compact form (migrations
// 0018 and 0019), a few hundred units at a time with progress told.
#include "store/store.h"

namespace ntm {
namespace {

Store::Progress& progress_hook() {
  static Store::Progress hook;
  return hook;
}

}  // namespace

void Store::set_progress(Progress progress) { progress_hook() = std::move(progress); }

Status Store::convert_observations() {
  const bool pg = backend() == "postgres";
  // The text date, status and recording time as numbers (see 0018).
  const std::string day =
      pg ? "(o.date::date - DATE '1970-01-01')" : "CAST(julianday(o.date) - 2440587.5 AS INTEGER)";
  const std::string seconds =
      pg ? "COALESCE(EXTRACT(EPOCH FROM o.recorded_at::timestamptz)::BIGINT, 0)"
         : "COALESCE(CAST(strftime('%s', o.recorded_at) AS INTEGER), 0)";
  const std::string copy =
      "INSERT INTO observation_compact (unit_id, day, measure, id, value, status, shown, current,"
      " supersedes, author, note, recorded_at) SELECT o.unit_id, " +
      day +
      ", m.num, o.id, o.value, CASE o.status WHEN 'draft' THEN 0 WHEN 'submitted' THEN 1"
      " WHEN 'verified' THEN 2 ELSE 3 END, o.shown, o.current, o.supersedes, o.author, o.note, " +
      seconds +
      " FROM observation o JOIN measure m ON m.id = o.measure_id"
      " WHERE o.unit_id >= $1 AND o.unit_id <= $2 ORDER BY 1, 2, 3, 4";
  std::vector<int64_t> units;
  {
    auto s = TRY(sql("SELECT DISTINCT unit_id FROM observation ORDER BY unit_id"));
    while (TRY(s->step())) units.push_back(s->get_int(0));
  }
  constexpr size_t kUnits = 200;
  const Progress& tell = progress_hook();
  for (size_t first = 0; first < units.size(); first += kUnits) {
    const size_t last = std::min(units.size(), first + kUnits) - 1;
    auto s = TRY(sql(copy));
    s->bind(1, units[first]);
    s->bind(2, units[last]);
    TRY(s->run());
    if (tell)
      tell("observation", static_cast<int64_t>(last + 1), static_cast<int64_t>(units.size()));
  }
  return Status::ok();
}

Status Store::compact_file() {
  const Progress& tell = progress_hook();
  if (tell) tell("vacuum", 0, 1);
  const Status s = conn_->exec_script("VACUUM");
  if (tell) tell(s.is_ok() ? "vacuum" : "vacuum failed: " + s.message(), 1, 1);
  return Status::ok();
}

}  // namespace ntm
