// Store: the values of a unit "as of" a date, kept per year end and at the
// latest value (table observation_asof: migration 0011, vals in 0021).
#include <algorithm>
#include <bit>
#include <cstring>
#include <map>
#include <optional>

#include "store/store.h"

namespace ntm {
namespace {

using State = std::map<std::string, MeasureValue, std::less<>>;

// One counted current row of a unit (shown: the views that count it).
struct KeptRow {
  int64_t measure;  // number
  int32_t day;
  double value;
  ObservationStatus status;
  int64_t shown;
};

// A kept row's vals: a 16-byte record per measure, in measure name order
// (the state: the latest row of each measure, by number; `by_name`: the
// numbers in name order), read with no parsing. A record is the measure's
// number with the top bit set when the value is verified, the day number
// (both 32-bit), and the value (a 64-bit double), little-endian.
constexpr size_t kRecord = 16;
constexpr uint32_t kVerifiedBit = 0x80000000u;
static_assert(std::endian::native == std::endian::little, "kept rows are little-endian");

std::string encode(const std::vector<const KeptRow*>& state, const std::vector<int64_t>& by_name) {
  std::string out;
  out.reserve(by_name.size() * kRecord);
  char rec[kRecord];
  for (const int64_t num : by_name) {
    const KeptRow* v = state[num];
    if (!v) continue;
    const uint32_t head =
        static_cast<uint32_t>(num) | (v->status == ObservationStatus::kVerified ? kVerifiedBit : 0);
    std::memcpy(rec, &head, 4);
    std::memcpy(rec + 4, &v->day, 4);
    std::memcpy(rec + 8, &v->value, 8);
    out.append(rec, kRecord);
  }
  return out;
}

Date day_of(Statement& s, int col) { return Date::from_days(static_cast<int32_t>(s.get_int(col))); }

// A later value replaces the state's value of its measure.
void apply(State& state, const std::string& measure, Date date, double value,
           ObservationStatus status) {
  auto it = state.find(measure);
  if (it == state.end()) it = state.emplace(measure, MeasureValue{}).first;
  it->second = {it->first, date, value, status};
}

// The day number of a kept row's date ("" when none: before every day).
Result<int64_t> through_day(const std::string& through) {
  if (through.empty()) return int64_t{-(1 << 30)};
  return int64_t{TRY(Date::parse(through)).days()};
}

// The state's values in measure order.
std::vector<MeasureValue> values_of(State& state) {
  std::vector<MeasureValue> out;
  out.reserve(state.size());
  for (auto& [unused, v] : state) out.push_back(std::move(v));
  return out;
}

}  // namespace

Result<std::vector<MeasureValue>> Store::decode_kept(std::string_view bytes) {
  if (bytes.size() % kRecord) return Status::internal("bad observation_asof row");
  std::vector<MeasureValue> out(bytes.size() / kRecord);
  for (size_t i = 0; i < out.size(); ++i) {
    const char* rec = bytes.data() + i * kRecord;
    uint32_t head;
    int32_t day;
    std::memcpy(&head, rec, 4);
    std::memcpy(&day, rec + 4, 4);
    std::memcpy(&out[i].value, rec + 8, 8);
    const size_t num = head & ~kVerifiedBit;
    if (num == 0 || num >= measure_names_.size() || measure_names_[num].empty())
      out[i].measure_id = TRY(measure_name(static_cast<int64_t>(num)));  // new since loaded
    else
      out[i].measure_id = measure_names_[num];
    out[i].date = Date::from_days(day);
    out[i].status =
        head & kVerifiedBit ? ObservationStatus::kVerified : ObservationStatus::kSubmitted;
  }
  return out;
}

Status Store::units_changed(const std::set<int64_t>& units) {
  if (tx_depth_ > 0) {
    stale_units_.insert(units.begin(), units.end());  // refreshed before the commit
    return Status::ok();
  }
  return refresh_latest(std::vector<int64_t>(units.begin(), units.end()));
}

// The kept values of many units in a few statements each 500 units (a
// national import changes thousands): one DELETE, one SELECT read a unit at
// a time, and the new rows by COPY on PostgreSQL, a prepared INSERT on
// SQLite.
Status Store::refresh_latest(const std::vector<int64_t>& units) {
  constexpr size_t kBatch = 500;
  TRY(load_measure_nums());  // no query for a name while a COPY runs
  // The measure numbers in name order (the kept text's order).
  std::vector<int64_t> by_name;
  for (size_t num = 0; num < measure_names_.size(); ++num)
    if (!measure_names_[num].empty()) by_name.push_back(static_cast<int64_t>(num));
  std::sort(by_name.begin(), by_name.end(),
            [&](int64_t a, int64_t b) { return measure_names_[a] < measure_names_[b]; });
  for (size_t first = 0; first < units.size(); first += kBatch) {
    const size_t n = std::min(kBatch, units.size() - first);
    std::string ids;  // "1,2,3": one parameter
    for (size_t i = 0; i < n; ++i) ids += (i ? "," : "") + std::to_string(units[first + i]);
    const std::string in_ids = backend() == "postgres"
                                   ? "unit_id = ANY(string_to_array($1, ',')::BIGINT[])"
                                   : "unit_id IN (SELECT value FROM json_each('[' || $1 || ']'))";
    auto del = TRY(sql("DELETE FROM observation_asof WHERE " + in_ids));
    del->bind(1, ids);
    TRY(del->run());
    // The writer starts after the SELECT has run (PostgreSQL: its answer is
    // then in memory, and COPY may begin).
    std::unique_ptr<BulkLoad> bulk;
    std::optional<StatementRef> ins;
    auto emit = [&](int64_t unit, bool verified_only, Date through,
                    const std::vector<const KeptRow*>& state, bool final) -> Status {
      if (!bulk && !ins) {
        bulk = TRY(
            conn_->bulk_load("observation_asof", "unit_id, verified_only, through, final, vals"));
        if (!bulk)
          ins.emplace(
              TRY(sql("INSERT INTO observation_asof (unit_id, verified_only, through, final,"
                      " vals) VALUES ($1, $2, $3, $4, $5)")));
      }
      if (bulk) {
        bulk->add(unit);
        bulk->add(int64_t{verified_only ? 1 : 0});
        bulk->add(through.iso());
        bulk->add(int64_t{final ? 1 : 0});
        bulk->add_blob(encode(state, by_name));
        return bulk->end_row();
      }
      (*ins)->reset();
      (*ins)->bind(1, unit);
      (*ins)->bind(2, int64_t{verified_only ? 1 : 0});
      (*ins)->bind(3, through.iso());
      (*ins)->bind(4, int64_t{final ? 1 : 0});
      (*ins)->bind_blob(5, encode(state, by_name));
      return (*ins)->run();
    };
    // One unit's counted current rows, by day.
    std::vector<KeptRow> rows;
    std::vector<const KeptRow*> state;
    auto keep = [&](int64_t unit) -> Status {
      for (const bool verified_only : {false, true}) {
        state.assign(measure_names_.size(), nullptr);
        bool any = false;
        int32_t year_end = 0;  // the day of the last row's year end
        int32_t last = 0;
        for (const KeptRow& r : rows) {
          if ((r.shown & view_bit(verified_only)) == 0) continue;
          // The first row of a later year closes the previous year.
          if (!any || r.day > year_end) {
            const Date day = Date::from_days(r.day);
            if (any) TRY(emit(unit, verified_only, Date::from_days(year_end), state, false));
            year_end = Date::from_ymd(day.year(), 12, 31).days();
          }
          any = true;
          state[r.measure] = &r;
          last = r.day;
        }
        if (any) TRY(emit(unit, verified_only, Date::from_days(last), state, true));
      }
      rows.clear();
      return Status::ok();
    };
    // Read a unit at a time: memory stays one unit's rows.
    auto s =
        TRY(sql("SELECT unit_id, measure, day, value, status, shown FROM observation"
                " WHERE " +
                in_ids + " AND shown != 0 ORDER BY unit_id, day"));
    s->bind(1, ids);
    int64_t unit = 0;
    while (TRY(s->step())) {
      if (s->get_int(0) != unit && !rows.empty()) TRY(keep(unit));
      unit = s->get_int(0);
      const int64_t measure = s->get_int(1);
      if (measure <= 0 || static_cast<size_t>(measure) >= measure_names_.size() ||
          measure_names_[measure].empty())
        return Status::internal("no measure number " + std::to_string(measure) + " in store");
      rows.push_back({measure, static_cast<int32_t>(s->get_int(2)), s->get_double(3),
                      counted_status(s->get_int(4)), s->get_int(5)});
    }
    if (!rows.empty()) TRY(keep(unit));
    if (bulk) TRY(bulk->finish());
  }
  return Status::ok();
}

Status Store::refresh_all_latest() {
  std::vector<int64_t> units;
  {
    auto s = TRY(sql("SELECT DISTINCT unit_id FROM observation ORDER BY unit_id"));
    while (TRY(s->step())) units.push_back(s->get_int(0));
  }
  return refresh_latest(units);
}

Result<std::vector<MeasureValue>> Store::latest_values(int64_t unit_id, Date at,
                                                       bool verified_only) {
  const std::string at_iso = at.iso();
  // The kept values of the latest kept date on or before `at`.
  std::vector<MeasureValue> base;
  std::string through;  // "" when there is none
  bool final = false;
  {
    auto s =
        TRY(sql("SELECT through, final, vals FROM observation_asof"
                " WHERE unit_id = $1 AND verified_only = $2 AND through <= $3"
                " ORDER BY through DESC LIMIT 1"));
    s->bind(1, unit_id);
    s->bind(2, static_cast<int64_t>(verified_only ? 1 : 0));
    s->bind(3, at_iso);
    if (TRY(s->step())) {
      through = s->get_text(0);
      final = s->get_int(1) != 0;
      base = TRY(decode_kept(s->get_blob(2)));
    }
  }
  // Nothing counted after the final row, and nothing between `through` and
  // itself: the kept row is the answer.
  if (final || through == at_iso) return base;
  // Else the rows after it up to `at` (within one year, or the first year of
  // data when no row is kept before `at`), in date order: the last one wins.
  auto s =
      TRY(sql("SELECT measure, day, value, status FROM observation"
              " WHERE unit_id = $1 AND day > $2 AND day <= $3 AND (shown & $4) != 0"
              " ORDER BY day"));
  s->bind(1, unit_id);
  s->bind(2, TRY(through_day(through)));
  s->bind(3, int64_t{at.days()});
  s->bind(4, view_bit(verified_only));
  State state;
  for (MeasureValue& v : base) state.emplace(v.measure_id, std::move(v));
  while (TRY(s->step()))
    apply(state, TRY(measure_name(s->get_int(0))), day_of(*s, 1), s->get_double(2),
          counted_status(s->get_int(3)));
  return values_of(state);
}

Result<std::unordered_map<int64_t, std::vector<MeasureValue>>> Store::latest_values_many(
    const std::vector<int64_t>& units, Date at, bool verified_only) {
  std::unordered_map<int64_t, std::vector<MeasureValue>> out;
  if (backend() != "postgres") {  // in process: one unit at a time is as fast
    for (const int64_t u : units) out[u] = TRY(latest_values(u, at, verified_only));
    return out;
  }
  const std::string at_iso = at.iso();
  constexpr size_t kBatch = 1000;
  for (size_t first = 0; first < units.size(); first += kBatch) {
    const std::string ids = id_array(units, first, kBatch);
    // The kept values of each unit's latest kept date on or before `at`.
    std::unordered_map<int64_t, State> states;
    std::string tail_units = "{", tail_from = "{";  // units that need the rows after it (day)
    {
      auto s =
          TRY(sql("SELECT u.id, a.through, a.final, a.vals FROM unnest($1::BIGINT[]) AS u(id)"
                  " LEFT JOIN LATERAL (SELECT through, final, vals FROM observation_asof"
                  " WHERE unit_id = u.id AND verified_only = $2 AND through <= $3"
                  " ORDER BY through DESC LIMIT 1) a ON TRUE"));
      s->bind(1, ids);
      s->bind(2, static_cast<int64_t>(verified_only ? 1 : 0));
      s->bind(3, at_iso);
      while (TRY(s->step())) {
        const int64_t unit = s->get_int(0);
        State& state = states[unit];
        const std::string through = s->is_null(1) ? "" : s->get_text(1);
        if (!s->is_null(3))
          for (MeasureValue& v : TRY(decode_kept(s->get_blob(3))))
            state.emplace(v.measure_id, std::move(v));
        if ((!s->is_null(2) && s->get_int(2) != 0) || through == at_iso) continue;
        tail_units += (tail_units.size() > 1 ? "," : "") + std::to_string(unit);
        tail_from += (tail_from.size() > 1 ? "," : "") + std::to_string(TRY(through_day(through)));
      }
    }
    if (tail_units.size() > 1) {
      auto s =
          TRY(sql("SELECT o.unit_id, o.measure, o.day, o.value, o.status"
                  " FROM unnest($1::BIGINT[], $2::INTEGER[]) AS t(unit_id, since)"
                  " JOIN observation o ON o.unit_id = t.unit_id AND o.day > t.since"
                  " AND o.day <= $3 AND (o.shown & $4) != 0 ORDER BY o.unit_id, o.day"));
      s->bind(1, tail_units + "}");
      s->bind(2, tail_from + "}");
      s->bind(3, int64_t{at.days()});
      s->bind(4, view_bit(verified_only));
      while (TRY(s->step()))
        apply(states[s->get_int(0)], TRY(measure_name(s->get_int(1))), day_of(*s, 2),
              s->get_double(3), counted_status(s->get_int(4)));
    }
    for (auto& [unit, state] : states) out[unit] = values_of(state);
  }
  return out;
}

}  // namespace ntm
