// Which province answers for each unit (table unit_province, migration 0014).
#include <functional>
#include <map>
#include <unordered_map>

#include "store/store.h"

namespace ntm {

// The province-level ancestor of each unit's latest version; a province no
// longer in force (merged on 1 July 2025) hands its units to the province
// where most of its units' successors (unit_lineage) are. Computed again
// after every import of units or lineage, inside its transaction.
Status Store::refresh_unit_provinces() {
  const std::vector<UnitVersion> latest = TRY(latest_versions());
  std::unordered_map<int64_t, const UnitVersion*> by_id;
  for (const UnitVersion& v : latest) by_id[v.unit_id] = &v;
  std::unordered_map<int64_t, int64_t> last;  // unit -> province of its latest version
  std::function<int64_t(int64_t, int)> walk = [&](int64_t id, int depth) -> int64_t {
    if (auto it = last.find(id); it != last.end()) return it->second;
    auto v = by_id.find(id);
    int64_t p = 0;
    if (v != by_id.end() && depth < 8)
      p = v->second->level == Level::kProvince ? id : walk(v->second->parent_id, depth + 1);
    return last[id] = p;
  };
  for (const UnitVersion& v : latest) walk(v.unit_id, 0);

  const Date today = today_local();
  auto alive = [&](int64_t province) {
    auto v = by_id.find(province);
    return v != by_id.end() && v->second->valid_to >= today;
  };
  std::map<int64_t, std::map<int64_t, int>> votes;  // dead province -> successor -> edges
  auto s = TRY(sql("SELECT old_unit_id, new_unit_id FROM unit_lineage"));
  while (TRY(s->step())) {
    const int64_t from = last[s->get_int(0)], to = last[s->get_int(1)];
    if (from && to && from != to && !alive(from) && alive(to)) ++votes[from][to];
  }
  std::unordered_map<int64_t, int64_t> successor;
  for (const auto& [dead, counts] : votes) {
    int best = 0;
    for (const auto& [to, n] : counts)
      if (n > best) best = n, successor[dead] = to;
  }

  TRY(conn_->exec_script("DELETE FROM unit_province"));
  auto answer = [&](int64_t unit) {
    const int64_t p = last[unit];
    auto next = successor.find(p);
    return next != successor.end() ? next->second : p;
  };
  if (auto bulk = TRY(conn_->bulk_load("unit_province", "unit_id, province_id"))) {
    for (const UnitVersion& v : latest) {
      if (const int64_t p = answer(v.unit_id)) {
        bulk->add(v.unit_id);
        bulk->add(p);
        TRY(bulk->end_row());
      }
    }
    return bulk->finish();
  }
  for (const UnitVersion& v : latest) {
    if (const int64_t p = answer(v.unit_id)) {
      auto ins = TRY(sql("INSERT INTO unit_province (unit_id, province_id) VALUES ($1, $2)"));
      ins->bind(1, v.unit_id);
      ins->bind(2, p);
      TRY(ins->run());
    }
  }
  return Status::ok();
}

Result<int64_t> Store::province_of(int64_t unit_id) {
  auto s = TRY(sql("SELECT province_id FROM unit_province WHERE unit_id = $1"));
  s->bind(1, unit_id);
  return TRY(s->step()) ? s->get_int(0) : int64_t{0};
}

Result<std::vector<int64_t>> Store::provinces_in_force(Date date) {
  auto s =
      TRY(sql("SELECT u.id FROM unit u JOIN unit_version v ON v.unit_id = u.id WHERE u.level = "
              "'province' AND v.valid_from <= $1 AND v.valid_to >= $1 ORDER BY u.code"));
  s->bind(1, date.iso());
  std::vector<int64_t> out;
  while (TRY(s->step())) out.push_back(s->get_int(0));
  return out;
}

// Migration 0014 on a database of one province: what its office owned is
// that province's. With several provinces nothing is guessed: the rows stay
// unassigned (province 0 or NULL), seen by the central office only
// (docs/operations.md "Provinces").
Status Store::assign_single_province() {
  TRY(refresh_unit_provinces());
  const auto provinces = TRY(provinces_in_force(today_local()));
  if (provinces.size() != 1) return Status::ok();
  const std::string p = std::to_string(provinces[0]);
  for (const char* table : {"department", "criterion_department"})
    TRY(conn_->exec_script(std::string("UPDATE ") + table + " SET province_id = " + p +
                           " WHERE province_id = 0"));
  for (const char* table :
       {"app_user", "sponsor", "meeting", "article", "audit_log", "criteria_set_draft"})
    TRY(conn_->exec_script(std::string("UPDATE ") + table + " SET province_id = " + p +
                           " WHERE province_id IS NULL"));
  // The public progress choice becomes the province's own.
  return conn_->exec_script("UPDATE setting SET key = 'public_progress:" + p +
                            "' WHERE key = 'public_progress'");
}

}  // namespace ntm
