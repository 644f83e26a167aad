// Store: observations and their history.
#include "store/store.h"

namespace ntm {
namespace {

constexpr const char* kObservationColumns =
    "id, unit_id, measure_id, date, value, status, author, note, recorded_at, current";

Result<Observation> read_observation(Statement& s) {
  Observation o;
  o.id = s.get_int(0);
  o.unit_id = s.get_int(1);
  o.measure_id = s.get_text(2);
  o.date = TRY(Date::parse(s.get_text(3)));
  o.value = s.get_double(4);
  const auto status = parse_observation_status(s.get_text(5));
  if (!status) return Status::internal("bad observation status in store: " + s.get_text(5));
  o.status = *status;
  o.author = s.get_text(6);
  o.note = s.get_text(7);
  o.recorded_at = s.get_text(8);
  o.current = s.get_int(9) != 0;
  return o;
}

}  // namespace

int64_t shown_bits(ObservationStatus s) {
  return s == ObservationStatus::kVerified ? 3 : s == ObservationStatus::kSubmitted ? 1 : 0;
}

int64_t view_bit(bool verified_only) { return verified_only ? 2 : 1; }

Result<std::optional<Observation>> Store::current_observation(int64_t unit_id,
                                                              const std::string& measure,
                                                              Date date) {
  auto s = TRY(sql(std::string("SELECT ") + kObservationColumns +
                   " FROM observation WHERE unit_id = $1 AND measure_id = $2"
                   " AND date = $3 AND current = 1"));
  s->bind(1, unit_id);
  s->bind(2, measure);
  s->bind(3, date.iso());
  if (!TRY(s->step())) return std::optional<Observation>();
  return std::optional<Observation>(TRY(read_observation(*s)));
}

Status Store::add_observation(Observation& o) {
  const auto previous = TRY(current_observation(o.unit_id, o.measure_id, o.date));
  return insert_observation(o, previous ? std::optional<int64_t>(previous->id) : std::nullopt);
}

Status Store::insert_new_observations(const std::vector<const Observation*>& rows) {
  constexpr size_t kPerStatement = 64;
  auto insert_text = [](size_t rows) {
    std::string text =
        "INSERT INTO observation (unit_id, measure_id, date, value, status, author, note,"
        " recorded_at, shown, current) VALUES ";
    for (size_t i = 0; i < rows; ++i) {
      text += (i ? ", (" : "(");
      for (size_t c = 0; c < 9; ++c) text += (c ? ", $" : "$") + std::to_string(i * 9 + c + 1);
      text += ", 1)";
    }
    return text;
  };
  const std::string recorded_at = utc_timestamp_now();
  std::set<int64_t> units;
  // PostgreSQL: one COPY (inside the caller's transaction: all or nothing).
  if (auto bulk = TRY(conn_->bulk_load("observation",
                                       "unit_id, measure_id, date, value, status, author, note,"
                                       " recorded_at, shown, current"))) {
    for (const Observation* o : rows) {
      bulk->add(o->unit_id);
      bulk->add(o->measure_id);
      bulk->add(o->date.iso());
      bulk->add(o->value);
      bulk->add(observation_status_name(o->status));
      bulk->add(o->author);
      bulk->add(o->note);
      bulk->add(o->recorded_at.empty() ? recorded_at : o->recorded_at);
      bulk->add(shown_bits(o->status));
      bulk->add(int64_t{1});
      TRY(bulk->end_row());
      units.insert(o->unit_id);
    }
    TRY(bulk->finish());
    return units_changed(units);
  }
  // Full batches, then the rest one by one: two statement texts in all.
  const std::string batch = insert_text(kPerStatement), one = insert_text(1);
  for (size_t first = 0, n = 0; first < rows.size(); first += n) {
    n = rows.size() - first >= kPerStatement ? kPerStatement : 1;
    auto s = TRY(sql(n == kPerStatement ? batch : one));
    for (size_t i = 0; i < n; ++i) {
      const Observation& o = *rows[first + i];
      const int b = static_cast<int>(i * 9);
      s->bind(b + 1, o.unit_id);
      s->bind(b + 2, o.measure_id);
      s->bind(b + 3, o.date.iso());
      s->bind(b + 4, o.value);
      s->bind(b + 5, observation_status_name(o.status));
      s->bind(b + 6, o.author);
      s->bind(b + 7, o.note);
      s->bind(b + 8, o.recorded_at.empty() ? recorded_at : o.recorded_at);
      s->bind(b + 9, shown_bits(o.status));
      units.insert(o.unit_id);
    }
    TRY(s->run());
  }
  return units_changed(units);
}

Result<bool> Store::has_observations(int64_t unit_id) {
  auto s = TRY(sql("SELECT 1 FROM observation WHERE unit_id = $1 LIMIT 1"));
  s->bind(1, unit_id);
  return TRY(s->step());
}

Status Store::insert_observation(Observation& o, std::optional<int64_t> previous) {
  if (previous) {
    auto u = TRY(sql("UPDATE observation SET current = 0 WHERE id = $1"));
    u->bind(1, *previous);
    TRY(u->run());
    // What the views counted of this date before: a verified version takes
    // both views; a submitted one the self-assessed view; a draft or a
    // returned value neither, and the self-assessed view falls back to the
    // latest verified version (see migration 0012). A returned value takes
    // back the version it returns, whatever that was.
    if (o.status == ObservationStatus::kReturned) {
      auto r = TRY(sql("UPDATE observation SET shown = 0 WHERE id = $1"));
      r->bind(1, *previous);
      TRY(r->run());
    }
    const char* update = o.status == ObservationStatus::kVerified ? "SET shown = 0"
                         : o.status == ObservationStatus::kSubmitted
                             ? "SET shown = shown & 2"
                             : "SET shown = CASE WHEN (shown & 2) != 0 THEN 3 ELSE 0 END";
    auto v = TRY(sql(std::string("UPDATE observation ") + update +
                     " WHERE unit_id = $1 AND measure_id = $2 AND date = $3 AND shown != 0"));
    v->bind(1, o.unit_id);
    v->bind(2, o.measure_id);
    v->bind(3, o.date.iso());
    TRY(v->run());
  }
  if (o.recorded_at.empty()) o.recorded_at = utc_timestamp_now();
  auto s =
      TRY(sql("INSERT INTO observation (unit_id, measure_id, date, value, status, author, note,"
              " recorded_at, current, supersedes, shown)"
              " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $10) RETURNING id"));
  s->bind(1, o.unit_id);
  s->bind(2, o.measure_id);
  s->bind(3, o.date.iso());
  s->bind(4, o.value);
  s->bind(5, observation_status_name(o.status));
  s->bind(6, o.author);
  s->bind(7, o.note);
  s->bind(8, o.recorded_at);
  if (previous) {
    s->bind(9, *previous);
  } else {
    s->bind_null(9);
  }
  s->bind(10, shown_bits(o.status));
  if (!TRY(s->step())) return Status::database("INSERT observation returned no id");
  o.id = s->get_int(0);
  o.current = true;
  s->reset();
  return units_changed({o.unit_id});
}

Result<std::vector<MeasureValue>> Store::value_history(int64_t unit_id, bool verified_only) {
  auto s =
      TRY(sql("SELECT measure_id, date, value, status FROM observation"
              " WHERE unit_id = $1 AND (shown & $2) != 0"
              " ORDER BY date, measure_id"));
  s->bind(1, unit_id);
  s->bind(2, view_bit(verified_only));
  std::vector<MeasureValue> out;
  while (TRY(s->step())) {
    out.push_back({std::string(s->get_view(0)), TRY(Date::parse(s->get_view(1))), s->get_double(2),
                   s->get_view(3) == "verified" ? ObservationStatus::kVerified
                                                : ObservationStatus::kSubmitted});
  }
  return out;
}

Result<std::optional<Observation>> Store::observation_by_id(int64_t id) {
  auto s =
      TRY(sql(std::string("SELECT ") + kObservationColumns + " FROM observation WHERE id = $1"));
  s->bind(1, id);
  if (!TRY(s->step())) return std::optional<Observation>();
  return std::optional<Observation>(TRY(read_observation(*s)));
}

Result<std::vector<Observation>> Store::observations_with_status(ObservationStatus status,
                                                                 int limit) {
  auto s = TRY(sql(std::string("SELECT ") + kObservationColumns +
                   " FROM observation WHERE current = 1 AND status = $1"
                   " ORDER BY date DESC, unit_id, measure_id LIMIT $2"));
  s->bind(1, observation_status_name(status));
  s->bind(2, static_cast<int64_t>(limit));
  std::vector<Observation> out;
  while (TRY(s->step())) out.push_back(TRY(read_observation(*s)));
  return out;
}

Result<std::vector<Observation>> Store::observation_history(int64_t unit_id,
                                                            const std::string& measure) {
  auto s = TRY(sql(std::string("SELECT ") + kObservationColumns +
                   " FROM observation WHERE unit_id = $1 AND measure_id = $2"
                   " ORDER BY date, id"));
  s->bind(1, unit_id);
  s->bind(2, measure);
  std::vector<Observation> out;
  while (TRY(s->step())) out.push_back(TRY(read_observation(*s)));
  return out;
}

Result<int64_t> Store::data_version() {
  if (conn_->backend() == "postgres") {
    // Any commit on the server, by any instance, moves the WAL position
    // (so do some maintenance writes: a needless refresh at worst).
    return TRY(wal_position()) + write_count_;
  }
  auto s = TRY(sql("PRAGMA data_version"));
  TRY(s->step());
  return s->get_int(0) * 1000003 + write_count_;
}

Result<int64_t> Store::wal_position() {
  if (conn_->backend() != "postgres") return int64_t{0};
  auto s =
      TRY(sql("SELECT (CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn()"
              " ELSE pg_current_wal_insert_lsn() END - '0/0')::BIGINT"));
  TRY(s->step());
  return s->is_null(0) ? int64_t{0} : s->get_int(0);
}

Result<int64_t> Store::count_observations() {
  auto s = TRY(sql("SELECT COUNT(*) FROM observation"));
  TRY(s->step());
  return s->get_int(0);
}

}  // namespace ntm
