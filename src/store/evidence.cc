// Store: evidence files (metadata; the files live in the evidence directory).
#include "store/store.h"

namespace ntm {
namespace {

constexpr const char* kEvidenceColumns =
    "id, unit_id, measure_id, date, file_name, original_name, content_type, size, uploaded_by,"
    " uploaded_at";

Evidence read_evidence(Statement& s) {
  return {s.get_int(0),  s.get_int(1),  s.get_text(2), s.get_text(3), s.get_text(4),
          s.get_text(5), s.get_text(6), s.get_int(7),  s.get_text(8), s.get_text(9)};
}

}  // namespace

Result<int64_t> Store::insert_evidence(const Evidence& e) {
  auto s = TRY(sql(
      "INSERT INTO evidence (unit_id, measure_id, date, file_name, original_name, content_type,"
      " size, uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id"));
  s->bind(1, e.unit_id);
  s->bind(2, e.measure_id);
  s->bind(3, e.date);
  s->bind(4, e.file_name);
  s->bind(5, e.original_name);
  s->bind(6, e.content_type);
  s->bind(7, e.size);
  s->bind(8, e.uploaded_by);
  s->bind(9, e.uploaded_at.empty() ? utc_timestamp_now() : e.uploaded_at);
  if (!TRY(s->step())) return Status::database("INSERT evidence returned no id");
  return s->get_int(0);
}

Result<std::optional<Evidence>> Store::evidence_by_id(int64_t id) {
  auto s = TRY(sql(std::string("SELECT ") + kEvidenceColumns + " FROM evidence WHERE id = $1"));
  s->bind(1, id);
  if (!TRY(s->step())) return std::optional<Evidence>();
  return std::optional<Evidence>(read_evidence(*s));
}

Result<std::vector<Evidence>> Store::evidence_for(int64_t unit_id, const std::string& measure,
                                                  const std::string& date) {
  auto s =
      TRY(sql(std::string("SELECT ") + kEvidenceColumns +
              " FROM evidence WHERE unit_id = $1 AND measure_id = $2 AND date = $3 ORDER BY id"));
  s->bind(1, unit_id);
  s->bind(2, measure);
  s->bind(3, date);
  std::vector<Evidence> out;
  while (TRY(s->step())) out.push_back(read_evidence(*s));
  return out;
}

}  // namespace ntm
