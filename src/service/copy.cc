#include "service/copy.h"

#include <map>
#include <set>

#include "service/assessment_json.h"
#include "service/evaluate.h"

namespace ntm {
namespace {

// Tables each backend keeps for itself: the schema's version (migrated
// alike on both) and the article search index (built on the target).
bool copied(const std::string& table) {
  return table != "schema_version" && table.rfind("article_search", 0) != 0;
}

// Every commune and district at `at`, as JSON text, by province.
Result<std::string> evaluations(Store& store, const Catalog& catalog, Date at, int64_t* count) {
  std::string out;
  EvaluateOptions opts;
  opts.at = at;
  for (const UnitVersion& top : TRY(store.top_level_units(at))) {
    for (const Level level : {Level::kDistrict, Level::kCommune}) {
      auto list = evaluate_all(store, catalog, top.code, level, opts);
      if (!list.is_ok() && list.status().code() == ErrorCode::kNotFound) continue;  // no set
      for (const Assessment& a : TRY(std::move(list))) {
        out += to_json(a).dump();
        out += '\n';
        ++*count;
      }
    }
  }
  return out;
}

// The year ends from the first value's year to the last's, the last
// value's date and today.
Result<std::vector<Date>> check_dates(Store& store, Date today) {
  const auto range = TRY(store.observation_date_range());
  std::set<Date> dates{today};
  if (range) {
    for (int y = range->first.year(); y <= range->second.year(); ++y)
      dates.insert(Date::from_ymd(y, 12, 31));
    dates.insert(range->second);
  }
  return std::vector<Date>(dates.begin(), dates.end());
}

// The tables ordered so that each comes after those it refers to (the order
// of creation otherwise).
Result<std::vector<std::string>> in_reference_order(Store& store,
                                                    const std::vector<std::string>& tables) {
  std::vector<std::string> out;
  std::set<std::string> placed;
  const std::set<std::string> all(tables.begin(), tables.end());
  std::map<std::string, std::vector<std::string>> refs;
  for (const auto& t : tables) refs[t] = TRY(store.referenced_tables(t));
  while (out.size() < tables.size()) {
    const size_t before = out.size();
    for (const auto& t : tables) {
      if (placed.count(t)) continue;
      bool ready = true;
      for (const auto& r : refs[t]) ready &= r == t || placed.count(r) || !all.count(r);
      if (ready) out.push_back(t), placed.insert(t);
    }
    if (out.size() == before) return Status::internal("các bảng tham chiếu vòng tròn");
  }
  return out;
}

}  // namespace

Result<CopyReport> copy_database(Store& from, Store& to, Date today,
                                 const std::function<void(const std::string&)>& progress) {
  const int version = TRY(from.schema_version());
  if (version != TRY(to.schema_version()))
    return Status::conflict("Hai cơ sở dữ liệu khác phiên bản lược đồ");
  for (const char* t : {"unit", "app_user", "observation"}) {
    if (TRY(to.has_rows(t)))
      return Status::conflict(std::string("Cơ sở dữ liệu đích đã có dữ liệu (bảng ") + t +
                              "): chỉ chép vào một cơ sở dữ liệu mới");
  }
  std::vector<std::string> tables;
  const auto source_tables = TRY(from.table_names());
  const std::set<std::string> in_source(source_tables.begin(), source_tables.end());
  for (const std::string& t : TRY(to.table_names())) {
    if (!copied(t)) continue;
    if (!in_source.count(t)) return Status::conflict("Nguồn không có bảng " + t);
    tables.push_back(t);
  }
  tables = TRY(in_reference_order(to, tables));
  std::map<std::string, std::vector<Store::Column>> columns;
  for (const std::string& t : tables) columns[t] = TRY(to.columns(t));
  CopyReport report;
  TRY(to.transaction([&]() -> Status {
    TRY(to.defer_foreign_keys());
    // Rows the migrations put in (settings) give way to the source's.
    for (auto t = tables.rbegin(); t != tables.rend(); ++t) TRY(to.delete_all(*t));
    for (const std::string& t : tables) {
      const int64_t n = TRY(to.copy_table_from(from, t, columns[t]));
      progress("chép " + t + ": " + std::to_string(n) + " dòng");
    }
    TRY(to.after_copy(tables));
    for (const std::string& t : tables) {
      const auto a = TRY(from.table_sum(t, columns[t]));
      const auto b = TRY(to.table_sum(t, columns[t]));
      if (a.rows != b.rows || a.checksum != b.checksum)
        return Status::internal("Bảng " + t + " khác nhau sau khi chép: " + std::to_string(a.rows) +
                                " dòng (" + a.checksum + ") và " + std::to_string(b.rows) +
                                " dòng (" + b.checksum + ")");
      report.tables.push_back({t, a.rows, a.checksum});
    }
    progress("số dòng và tổng kiểm tra khớp ở " + std::to_string(tables.size()) + " bảng");
    const Catalog source_catalog = TRY(Catalog::load(from));
    const Catalog target_catalog = TRY(Catalog::load(to));
    report.dates = TRY(check_dates(from, today));
    for (const Date d : report.dates) {
      int64_t n = 0, m = 0;
      const std::string a = TRY(evaluations(from, source_catalog, d, &n));
      const std::string b = TRY(evaluations(to, target_catalog, d, &m));
      if (a != b || n != m)
        return Status::internal("Kết quả đánh giá ngày " + d.vi() +
                                " khác nhau giữa nguồn và đích");
      report.assessments += n;
      progress("đánh giá ngày " + d.vi() + ": " + std::to_string(n) + " đơn vị giống nhau");
    }
    return Status::ok();
  }));
  return report;
}

}  // namespace ntm
