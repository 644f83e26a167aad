// Store: observations and their history.
#include "store/store.h"

namespace ntm {
namespace {

// The table's columns (migration 0018): measure by number, day number,
// status code, recording time in seconds.
constexpr const char* kObservationColumns =
    "id, unit_id, measure, day, value, status, author, note, recorded_at, current";

}  // namespace

int64_t status_code(ObservationStatus s) { return static_cast<int64_t>(s); }

Result<ObservationStatus> status_of_code(int64_t code) {
  if (code < 0 || code > 3)
    return Status::internal("bad observation status in store: " + std::to_string(code));
  return static_cast<ObservationStatus>(code);
}

ObservationStatus counted_status(int64_t code) {
  return code == status_code(ObservationStatus::kVerified) ? ObservationStatus::kVerified
                                                           : ObservationStatus::kSubmitted;
}

Result<Observation> Store::read_observation(Statement& s) {
  Observation o;
  o.id = s.get_int(0);
  o.unit_id = s.get_int(1);
  o.measure_id = TRY(measure_name(s.get_int(2)));
  o.date = Date::from_days(static_cast<int32_t>(s.get_int(3)));
  o.value = s.get_double(4);
  o.status = TRY(status_of_code(s.get_int(5)));
  o.author = s.get_text(6);
  o.note = s.get_text(7);
  o.recorded_at = utc_timestamp_of(s.get_int(8));
  o.current = s.get_int(9) != 0;
  return o;
}

Status Store::load_measure_nums() {
  measure_names_.clear();
  measure_nums_.clear();
  auto s = TRY(sql("SELECT id, num FROM measure"));
  while (TRY(s->step())) {
    const int64_t num = s->get_int(1);
    if (num <= 0 || num > (1 << 20)) continue;
    if (static_cast<size_t>(num) >= measure_names_.size()) measure_names_.resize(num + 1);
    measure_names_[num] = s->get_text(0);
    measure_nums_.emplace(s->get_text(0), num);
  }
  return Status::ok();
}

Result<int64_t> Store::measure_num(std::string_view id) {
  auto it = measure_nums_.find(id);
  if (it == measure_nums_.end()) {
    TRY(load_measure_nums());
    it = measure_nums_.find(id);
    if (it == measure_nums_.end())
      return Status::not_found("không có chỉ số \"" + std::string(id) + "\"");
  }
  return it->second;
}

Result<std::string> Store::measure_name(int64_t num) {
  if (num <= 0 || static_cast<size_t>(num) >= measure_names_.size() ||
      measure_names_[num].empty()) {
    TRY(load_measure_nums());
    if (num <= 0 || static_cast<size_t>(num) >= measure_names_.size() ||
        measure_names_[num].empty())
      return Status::internal("no measure number " + std::to_string(num) + " in store");
  }
  return measure_names_[num];
}

Result<int64_t> Store::next_observation_id() {
  auto s = TRY(sql("SELECT COALESCE(MAX(id), 0) + 1 FROM observation"));
  TRY(s->step());
  const int64_t id = s->get_int(0);
  s->reset();
  return id;
}

int64_t shown_bits(ObservationStatus s) {
  return s == ObservationStatus::kVerified ? 3 : s == ObservationStatus::kSubmitted ? 1 : 0;
}

int64_t view_bit(bool verified_only) { return verified_only ? 2 : 1; }

Result<std::optional<Observation>> Store::current_observation(int64_t unit_id,
                                                              const std::string& measure,
                                                              Date date) {
  auto s = TRY(sql(std::string("SELECT ") + kObservationColumns +
                   " FROM observation WHERE unit_id = $1 AND day = $2 AND measure = $3"
                   " AND current = 1"));
  s->bind(1, unit_id);
  s->bind(2, int64_t{date.days()});
  s->bind(3, TRY(measure_num(measure)));
  if (!TRY(s->step())) return std::optional<Observation>();
  return std::optional<Observation>(TRY(read_observation(*s)));
}

Status Store::add_observation(Observation& o) {
  const auto previous = TRY(current_observation(o.unit_id, o.measure_id, o.date));
  return insert_observation(o, previous ? std::optional<int64_t>(previous->id) : std::nullopt);
}

Status Store::insert_new_observations(const std::vector<NewObservation>& rows,
                                      const std::string& author) {
  constexpr size_t kPerStatement = 64;
  constexpr size_t kColumns = 8;  // id, unit, measure, day, value, status, note, shown
  const int64_t now = utc_seconds_of(utc_timestamp_now());
  std::set<int64_t> units;
  // PostgreSQL: one COPY (inside the caller's transaction: all or nothing).
  if (auto bulk = TRY(conn_->bulk_load("observation",
                                       "unit_id, measure, day, value, status, author, note,"
                                       " recorded_at, shown, current"))) {
    for (const NewObservation& o : rows) {
      bulk->add(o.unit_id);
      bulk->add(o.measure);
      bulk->add(int64_t{o.day});
      bulk->add(o.value);
      bulk->add(status_code(o.status));
      bulk->add(author);
      bulk->add(o.note);
      bulk->add(now);
      bulk->add(shown_bits(o.status));
      bulk->add(int64_t{1});
      TRY(bulk->end_row());
      units.insert(o.unit_id);
    }
    TRY(bulk->finish());
    return units_changed(units);
  }
  // SQLite: the author and time are the statement's; ids follow the largest
  // (one writer at a time).
  auto insert_text = [](size_t rows) {
    std::string text =
        "INSERT INTO observation (id, unit_id, measure, day, value, status, note, shown, author,"
        " recorded_at, current) VALUES ";
    for (size_t i = 0; i < rows; ++i) {
      text += (i ? ", (" : "(");
      for (size_t c = 0; c < kColumns; ++c)
        text += (c ? ", $" : "$") + std::to_string(i * kColumns + c + 1);
      text += ", $" + std::to_string(rows * kColumns + 1) + ", $" +
              std::to_string(rows * kColumns + 2) + ", 1)";
    }
    return text;
  };
  int64_t id = TRY(next_observation_id());
  // Full batches, then the rest one by one: two statement texts in all.
  static const std::string batch = insert_text(kPerStatement), one = insert_text(1);
  for (size_t first = 0, n = 0; first < rows.size(); first += n) {
    n = rows.size() - first >= kPerStatement ? kPerStatement : 1;
    auto s = TRY(sql(n == kPerStatement ? batch : one));
    for (size_t i = 0; i < n; ++i) {
      const NewObservation& o = rows[first + i];
      const int b = static_cast<int>(i * kColumns);
      s->bind(b + 1, id++);
      s->bind(b + 2, o.unit_id);
      s->bind(b + 3, o.measure);
      s->bind(b + 4, int64_t{o.day});
      s->bind(b + 5, o.value);
      s->bind(b + 6, status_code(o.status));
      s->bind(b + 7, o.note);
      s->bind(b + 8, shown_bits(o.status));
      units.insert(o.unit_id);
    }
    s->bind(static_cast<int>(n * kColumns + 1), author);
    s->bind(static_cast<int>(n * kColumns + 2), now);
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
  const int64_t measure = TRY(measure_num(o.measure_id));
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
                     " WHERE unit_id = $1 AND day = $2 AND measure = $3 AND shown != 0"));
    v->bind(1, o.unit_id);
    v->bind(2, int64_t{o.date.days()});
    v->bind(3, measure);
    TRY(v->run());
  }
  if (o.recorded_at.empty()) o.recorded_at = utc_timestamp_now();
  // SQLite: the id follows the largest (one writer at a time); PostgreSQL:
  // the sequence.
  const bool pg = backend() == "postgres";
  auto s = TRY(sql(std::string("INSERT INTO observation (unit_id, measure, day, value, status,"
                               " author, note, recorded_at, current, supersedes, shown") +
                   (pg ? ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $10) RETURNING id"
                       : ", id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $10, $11)")));
  s->bind(1, o.unit_id);
  s->bind(2, measure);
  s->bind(3, int64_t{o.date.days()});
  s->bind(4, o.value);
  s->bind(5, status_code(o.status));
  s->bind(6, o.author);
  s->bind(7, o.note);
  s->bind(8, utc_seconds_of(o.recorded_at));
  if (previous) {
    s->bind(9, *previous);
  } else {
    s->bind_null(9);
  }
  s->bind(10, shown_bits(o.status));
  if (pg) {
    if (!TRY(s->step())) return Status::database("INSERT observation returned no id");
    o.id = s->get_int(0);
    s->reset();
  } else {
    o.id = TRY(next_observation_id());
    s->bind(11, o.id);
    TRY(s->run());
  }
  o.current = true;
  return units_changed({o.unit_id});
}

Result<std::vector<MeasureValue>> Store::value_history(int64_t unit_id, bool verified_only) {
  auto s =
      TRY(sql("SELECT measure, day, value, status FROM observation"
              " WHERE unit_id = $1 AND (shown & $2) != 0"
              " ORDER BY day, measure"));
  s->bind(1, unit_id);
  s->bind(2, view_bit(verified_only));
  std::vector<MeasureValue> out;
  while (TRY(s->step())) {
    out.push_back({TRY(measure_name(s->get_int(0))),
                   Date::from_days(static_cast<int32_t>(s->get_int(1))), s->get_double(2),
                   counted_status(s->get_int(3))});
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
                                                                 int64_t province, int64_t unit,
                                                                 int limit) {
  // A statement per case, each a range of the queue index (status, unit, day).
  const std::string where = unit       ? " AND unit_id = $2"
                            : province ? " AND unit_id IN (SELECT unit_id FROM unit_province"
                                         " WHERE province_id = $2)"
                                       : " AND $2 = 0";
  auto s = TRY(sql(std::string("SELECT ") + kObservationColumns +
                   " FROM observation WHERE current = 1 AND status = $1 AND status != 2" + where +
                   " ORDER BY day DESC, unit_id, measure LIMIT $3"));
  s->bind(1, status_code(status));
  s->bind(2, unit ? unit : province);
  s->bind(3, static_cast<int64_t>(limit));
  std::vector<Observation> out;
  while (TRY(s->step())) out.push_back(TRY(read_observation(*s)));
  return out;
}

Result<std::vector<Observation>> Store::observation_history(int64_t unit_id,
                                                            const std::string& measure) {
  auto s = TRY(sql(std::string("SELECT ") + kObservationColumns +
                   " FROM observation WHERE unit_id = $1 AND measure = $2"
                   " ORDER BY day, id"));
  s->bind(1, unit_id);
  s->bind(2, TRY(measure_num(measure)));
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
