// Store: measures and criteria sets.
#include "store/store.h"

namespace ntm {

Status Store::upsert_measure(const Measure& m) {
  auto s =
      TRY(sql("INSERT INTO measure (id, name_vi, name_en, unit, type, aggregation, weight_measure,"
              " num) VALUES ($1, $2, $3, $4, $5, $6, $7,"
              " (SELECT COALESCE(MAX(num), 0) + 1 FROM measure)) ON CONFLICT (id) DO UPDATE SET"
              " name_vi = excluded.name_vi, name_en = excluded.name_en, unit = excluded.unit,"
              " type = excluded.type, aggregation = excluded.aggregation,"
              " weight_measure = excluded.weight_measure"));
  s->bind(1, m.id);
  s->bind(2, m.name_vi);
  s->bind(3, m.name_en);
  s->bind(4, m.unit);
  s->bind(5, measure_type_name(m.type));
  s->bind(6, aggregation_name(m.aggregation));
  s->bind(7, m.weight_measure);
  return s->run();
}

Result<std::map<std::string, Measure>> Store::measures() {
  auto s =
      TRY(sql("SELECT id, name_vi, name_en, unit, type, aggregation, weight_measure FROM measure"));
  std::map<std::string, Measure> out;
  while (TRY(s->step())) {
    Measure m;
    m.id = s->get_text(0);
    m.name_vi = s->get_text(1);
    m.name_en = s->get_text(2);
    m.unit = s->get_text(3);
    const std::string type = s->get_text(4);
    m.type = type == "boolean"   ? MeasureType::kBoolean
             : type == "percent" ? MeasureType::kPercent
                                 : MeasureType::kNumber;
    const std::string agg = s->get_text(5);
    for (Aggregation a : {Aggregation::kNone, Aggregation::kSum, Aggregation::kMean,
                          Aggregation::kWeightedMean, Aggregation::kAll, Aggregation::kAny}) {
      if (agg == aggregation_name(a)) m.aggregation = a;
    }
    m.weight_measure = s->get_text(6);
    out.emplace(m.id, std::move(m));
  }
  return out;
}

Status Store::upsert_criteria_set(const StoredCriteriaSet& cs) {
  auto s =
      TRY(sql("INSERT INTO criteria_set (id, series, effective_from, effective_to, document,"
              " imported_at, province_id) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id)"
              " DO UPDATE SET series = excluded.series, effective_from = excluded.effective_from,"
              " effective_to = excluded.effective_to, document = excluded.document,"
              " imported_at = excluded.imported_at, province_id = excluded.province_id"));
  s->bind(1, cs.id);
  s->bind(2, cs.series);
  s->bind(3, cs.effective_from.iso());
  s->bind(4, cs.effective_to.iso());
  s->bind(5, cs.document);
  s->bind(6, utc_timestamp_now());
  if (cs.province_id)
    s->bind(7, cs.province_id);
  else
    s->bind_null(7);
  return s->run();
}

Result<std::vector<StoredCriteriaSet>> Store::criteria_sets() {
  auto s =
      TRY(sql("SELECT id, series, effective_from, effective_to, document, province_id"
              " FROM criteria_set ORDER BY series, effective_from"));
  std::vector<StoredCriteriaSet> out;
  while (TRY(s->step())) {
    StoredCriteriaSet cs;
    cs.id = s->get_text(0);
    cs.series = s->get_text(1);
    cs.effective_from = TRY(Date::parse(s->get_text(2)));
    cs.effective_to = TRY(Date::parse(s->get_text(3)));
    cs.document = s->get_text(4);
    cs.province_id = s->is_null(5) ? 0 : s->get_int(5);
    out.push_back(std::move(cs));
  }
  return out;
}

Status Store::close_criteria_set(const std::string& id, Date to) {
  auto s = TRY(sql("UPDATE criteria_set SET effective_to = $2 WHERE id = $1"));
  s->bind(1, id);
  s->bind(2, to.iso());
  return s->run();
}

Status Store::upsert_criteria_draft(const CriteriaDraft& d) {
  auto s =
      TRY(sql("INSERT INTO criteria_set_draft (id, base_id, document, created_by, created_at,"
              " updated_at, province_id) VALUES ($1, $2, $3, $4, $5, $5, $6) ON CONFLICT (id)"
              " DO UPDATE SET document = excluded.document, updated_at = excluded.updated_at"));
  s->bind(1, d.id);
  s->bind(2, d.base_id);
  s->bind(3, d.document);
  s->bind(4, d.created_by);
  s->bind(5, utc_timestamp_now());
  if (d.province_id)
    s->bind(6, d.province_id);
  else
    s->bind_null(6);
  return s->run();
}

namespace {

constexpr const char* kDraftColumns =
    "SELECT id, base_id, document, created_by, created_at, updated_at, province_id"
    " FROM criteria_set_draft";

CriteriaDraft read_draft(Statement& s) {
  return {s.get_text(0),
          s.get_text(1),
          s.get_text(2),
          s.get_text(3),
          s.get_text(4),
          s.get_text(5),
          s.is_null(6) ? 0 : s.get_int(6)};
}

}  // namespace

Result<std::vector<CriteriaDraft>> Store::criteria_drafts() {
  auto s = TRY(sql(std::string(kDraftColumns) + " ORDER BY id"));
  std::vector<CriteriaDraft> out;
  while (TRY(s->step())) out.push_back(read_draft(*s));
  return out;
}

Result<std::optional<CriteriaDraft>> Store::criteria_draft(const std::string& id) {
  auto s = TRY(sql(std::string(kDraftColumns) + " WHERE id = $1"));
  s->bind(1, id);
  if (!TRY(s->step())) return std::optional<CriteriaDraft>();
  return std::optional<CriteriaDraft>(read_draft(*s));
}

Status Store::delete_criteria_draft(const std::string& id) {
  auto s = TRY(sql("DELETE FROM criteria_set_draft WHERE id = $1"));
  s->bind(1, id);
  return s->run();
}

}  // namespace ntm
