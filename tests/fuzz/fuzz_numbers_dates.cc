// Numbers, booleans, dates and search queries as people type them.
#include <cmath>
#include <cstdlib>
#include <string>

#include "base/date.h"
#include "base/search_text.h"
#include "base/strings.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  if (const auto v = ntm::parse_number(text)) {
    if (!std::isfinite(*v)) std::abort();
    (void)ntm::format_number_vi(*v, 2);
    (void)ntm::format_number(*v);
  }
  if (const auto i = ntm::parse_int(text, -1000, 1000); i && (*i < -1000 || *i > 1000))
    std::abort();
  (void)ntm::parse_id(text);
  (void)ntm::parse_bool(text);
  if (auto d = ntm::Date::parse(text); d.is_ok()) {
    auto again = ntm::Date::parse(d->iso());
    if (!again.is_ok() || *again != *d) std::abort();
  }
  (void)ntm::vn_local_to_utc(text);
  (void)ntm::utc_to_vn_local(text);
  (void)ntm::parse_search_query(text);
  (void)ntm::fold_diacritics(text);
  (void)ntm::slugify(text);
  (void)ntm::truncate_words(text, 40);
  (void)ntm::valid_text(text);
  return 0;
}
