// Store: recognition rules (YAML documents by period) and recognitions
// recorded (migration 0015).
#include "store/store.h"

namespace ntm {
namespace {

constexpr const char* kColumns =
    "r.id, r.unit_id, u.code, COALESCE((SELECT v.name FROM unit_version v WHERE v.unit_id ="
    " r.unit_id AND v.valid_from <= r.decision_date ORDER BY v.valid_from DESC LIMIT 1), u.code),"
    " r.title, r.year, r.decision_no, r.decision_date, r.signer, r.source, r.revoked_no,"
    " r.revoked_date, r.revoked_reason, r.note, r.created_by, r.created_at";

Result<Recognition> read_recognition(Statement& s) {
  Recognition r;
  r.id = s.get_int(0);
  r.unit_id = s.get_int(1);
  r.unit_code = s.get_text(2);
  r.unit_name = s.get_text(3);
  r.title = s.get_text(4);
  r.year = static_cast<int>(s.get_int(5));
  r.decision_no = s.get_text(6);
  r.decision_date = TRY(Date::parse(s.get_text(7)));
  r.signer = s.get_text(8);
  r.source = s.get_text(9);
  r.revoked_no = s.get_text(10);
  if (const std::string d = s.get_text(11); !d.empty()) r.revoked_date = TRY(Date::parse(d));
  r.revoked_reason = s.get_text(12);
  r.note = s.get_text(13);
  r.created_by = s.get_text(14);
  r.created_at = s.get_text(15);
  return r;
}

}  // namespace

Status Store::upsert_recognition_rules(const StoredRecognitionRules& r) {
  auto s = TRY(
      sql("INSERT INTO recognition_rules (id, effective_from, effective_to, province_id, document,"
          " imported_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO UPDATE SET"
          " effective_from = excluded.effective_from, effective_to = excluded.effective_to,"
          " province_id = excluded.province_id, document = excluded.document,"
          " imported_at = excluded.imported_at"));
  s->bind(1, r.id);
  s->bind(2, r.effective_from.iso());
  s->bind(3, r.effective_to.iso());
  if (r.province_id)
    s->bind(4, r.province_id);
  else
    s->bind_null(4);
  s->bind(5, r.document);
  s->bind(6, utc_timestamp_now());
  return s->run();
}

Result<std::vector<StoredRecognitionRules>> Store::recognition_rules() {
  auto s = TRY(
      sql("SELECT id, effective_from, effective_to, province_id, document FROM recognition_rules"
          " ORDER BY effective_from, id"));
  std::vector<StoredRecognitionRules> out;
  while (TRY(s->step())) {
    out.push_back({s->get_text(0), TRY(Date::parse(s->get_text(1))),
                   TRY(Date::parse(s->get_text(2))), s->is_null(3) ? 0 : s->get_int(3),
                   s->get_text(4)});
  }
  return out;
}

Result<int64_t> Store::insert_recognition(const Recognition& r) {
  auto s =
      TRY(sql("INSERT INTO recognition (unit_id, title, year, decision_no, decision_date, signer,"
              " source, revoked_no, revoked_date, revoked_reason, note, created_by, created_at)"
              " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id"));
  s->bind(1, r.unit_id);
  s->bind(2, r.title);
  s->bind(3, static_cast<int64_t>(r.year));
  s->bind(4, r.decision_no);
  s->bind(5, r.decision_date.iso());
  s->bind(6, r.signer);
  s->bind(7, r.source);
  s->bind(8, r.revoked_no);
  s->bind(9, r.revoked_date ? r.revoked_date->iso() : std::string());
  s->bind(10, r.revoked_reason);
  s->bind(11, r.note);
  s->bind(12, r.created_by);
  s->bind(13, r.created_at.empty() ? utc_timestamp_now() : r.created_at);
  if (!TRY(s->step())) return Status::database("INSERT recognition returned no id");
  return s->get_int(0);
}

Status Store::revoke_recognition(int64_t id, const std::string& number, Date date,
                                 const std::string& reason) {
  auto s =
      TRY(sql("UPDATE recognition SET revoked_no = $2, revoked_date = $3, revoked_reason = $4"
              " WHERE id = $1 AND revoked_date = ''"));
  s->bind(1, id);
  s->bind(2, number);
  s->bind(3, date.iso());
  s->bind(4, reason);
  return s->run();
}

Result<std::vector<Recognition>> Store::recognitions(int64_t unit_id, int64_t province) {
  auto s = TRY(sql(std::string("SELECT ") + kColumns +
                   " FROM recognition r JOIN unit u ON u.id = r.unit_id"
                   " WHERE ($1 = 0 OR r.unit_id = $1) AND ($2 = 0 OR EXISTS (SELECT 1 FROM"
                   " unit_province p WHERE p.unit_id = r.unit_id AND p.province_id = $2))"
                   " ORDER BY r.decision_date, u.code, r.title"));
  s->bind(1, unit_id);
  s->bind(2, province);
  std::vector<Recognition> out;
  while (TRY(s->step())) out.push_back(TRY(read_recognition(*s)));
  return out;
}

}  // namespace ntm
