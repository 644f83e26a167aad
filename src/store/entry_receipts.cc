// Store: receipts of items sent from a phone's offline queue (migration 0020).
#include "store/store.h"

namespace ntm {

Result<std::optional<int64_t>> Store::entry_receipt(int64_t user_id, const std::string& key) {
  auto s = TRY(sql("SELECT changed FROM entry_receipt WHERE user_id = $1 AND item_key = $2"));
  s->bind(1, user_id);
  s->bind(2, key);
  if (!TRY(s->step())) return std::optional<int64_t>();
  return std::optional<int64_t>(s->get_int(0));
}

Status Store::add_entry_receipt(int64_t user_id, const std::string& key, int64_t unit_id,
                                Date period, int64_t changed) {
  auto s =
      TRY(sql("INSERT INTO entry_receipt (user_id, item_key, unit_id, period, changed, received_at)"
              " VALUES ($1, $2, $3, $4, $5, $6)"));
  s->bind(1, user_id);
  s->bind(2, key);
  s->bind(3, unit_id);
  s->bind(4, period.iso());
  s->bind(5, changed);
  s->bind(6, utc_timestamp_now());
  return s->run();
}

}  // namespace ntm
