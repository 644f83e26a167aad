// CSV: any bytes parse or fail cleanly; what parses writes back (quoted) and
// parses again to the same fields.
#include <cstdlib>
#include <string>

#include "base/csv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  auto rows = ntm::parse_csv(text);
  if (rows.is_ok()) {
    std::string again;
    for (const auto& row : *rows) {
      bool blank = true;
      for (size_t i = 0; i < row.fields.size(); ++i) {
        again += (i ? "," : "") + ntm::csv_quote(row.fields[i]);
        if (!row.fields[i].empty()) blank = false;
      }
      again += blank && row.fields.size() == 1 ? "\"\"\n" : "\n";
    }
    auto back = ntm::parse_csv(again);
    if (!back.is_ok() || back->size() != rows->size()) std::abort();
    for (size_t i = 0; i < rows->size(); ++i)
      if ((*back)[i].fields != (*rows)[i].fields) std::abort();
  }
  (void)ntm::CsvTable::parse(text, "f.csv", {"unit_code"}, {"value", "note"});
  (void)ntm::csv_field(text);
  return 0;
}
