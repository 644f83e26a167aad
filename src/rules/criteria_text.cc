#include "rules/criteria_text.h"

#include <algorithm>

#include "base/strings.h"

namespace ntm {

constexpr int kFirstYear = 1990;

Result<double> parse_measure_value(const Measure& m, const std::string& text) {
  const std::string t(trim(text));
  if (m.type == MeasureType::kBoolean) {
    if (auto b = parse_bool(t)) return *b ? 1.0 : 0.0;
    return Status::invalid("Chọn Đạt hoặc Không đạt");
  }
  std::string normal = t;  // accept the Vietnamese decimal comma: "12,5"
  if (normal.find(',') != std::string::npos && normal.find('.') == std::string::npos) {
    std::replace(normal.begin(), normal.end(), ',', '.');
  }
  const auto v = parse_number(normal);
  if (!v) return Status::invalid("Nhập một số, ví dụ 12,5");
  if (m.type == MeasureType::kPercent && (*v < 0 || *v > 100)) {
    return Status::invalid("Nhập tỷ lệ từ 0 đến 100");
  }
  if (*v < 0 && m.type == MeasureType::kNumber && m.aggregation == Aggregation::kSum) {
    return Status::invalid("Nhập một số không âm");
  }
  return *v;
}

Result<YearValues> parse_thresholds(const Measure& m, const std::string& text) {
  YearValues out;
  for (const std::string& raw : split(text, ';')) {
    const std::string part(trim(raw));
    if (part.empty()) continue;
    int year = 0;
    std::string value = part;
    if (const auto colon = part.find(':'); colon != std::string::npos) {
      const auto y = parse_int(trim(std::string_view(part).substr(0, colon)), kFirstYear + 1, 2100);
      if (!y) {
        return Status::invalid("năm \"" + std::string(trim(part.substr(0, colon))) +
                               "\" không hợp lệ (viết dạng 2026: 90)");
      }
      year = static_cast<int>(*y);
      value = std::string(trim(std::string_view(part).substr(colon + 1)));
    }
    auto v = parse_measure_value(m, value);
    if (!v.is_ok()) return Status::invalid("\"" + value + "\": " + v.status().message());
    if (!out.emplace(year, *v).second) {
      return Status::invalid(year ? "năm " + std::to_string(year) + " ghi hai lần"
                                  : "hai giá trị không kèm năm");
    }
  }
  // A value without a year beside dated ones holds from the first year the
  // files know (1990), which is how the YAML document stores it.
  if (out.size() > 1 && out.count(0)) {
    out.emplace(kFirstYear, out[0]);
    out.erase(0);
  }
  return out;
}

std::string format_thresholds(const Measure& m, const YearValues& values) {
  std::string out;
  for (const auto& [year, v] : values) {
    if (!out.empty()) out += "; ";
    if (year > kFirstYear) out += std::to_string(year) + ": ";
    if (m.type == MeasureType::kBoolean) {
      out += v != 0 ? "có" : "không";
    } else {  // decimal comma, no thousands dots: reads back the same
      std::string n = format_number(v);
      std::replace(n.begin(), n.end(), '.', ',');
      out += n;
    }
  }
  return out;
}

}  // namespace ntm
