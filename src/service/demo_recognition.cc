// The demo's recognitions before the system: synthetic decisions, labelled.
#include <set>
#include <sstream>

#include "service/demo.h"
#include "service/recognition.h"

namespace ntm {

Status build_demo_recognitions(Store& store, const Catalog& catalog) {
  std::ostringstream csv;
  csv << "unit_code,title,year,decision_no,decision_date,signer,note\n";
  std::set<std::string> done;
  HistoryCache cache(store, true);
  int number = 100;
  for (int year = 2019; year <= 2024; ++year) {
    const EvaluateOptions opts{Date::from_ymd(year, 12, 31), "", true};
    const auto all = TRY(evaluate_all(store, catalog, "42", Level::kCommune, opts, &cache));
    const Date decided = Date::from_ymd(year + 1, 1, 20);
    for (const Assessment& a : all) {
      if (a.titles.empty() || a.titles[0].status != Outcome::kMet) continue;
      if (!done.insert(a.unit.code).second) continue;
      csv << a.unit.code << ",NTM," << year << "," << number++ << "/QĐ-UBND (minh họa),"
          << decided.iso() << ",Chủ tịch UBND tỉnh (minh họa),Dữ liệu minh họa\n";
    }
  }
  return import_recognitions(store, "demo recognitions", csv.str(), "demo").status();
}

}  // namespace ntm
