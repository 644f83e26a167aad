// Reading YAML documents (criteria sets, recognition rules) with errors that
// name the file, the line, the path inside the document and the reason, in
// Vietnamese.
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>

#include "base/date.h"
#include "base/status.h"

namespace ntm {

// Walks a YAML tree and turns every problem into a Status naming file, line
// and path.
class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  Status error(const YAML::Node& at, const std::string& path, const std::string& why) const {
    const int line = at.IsDefined() ? at.Mark().line + 1 : 0;
    std::string where = file_;
    if (line > 0) where += ", dòng " + std::to_string(line);
    return Status::invalid(where + ": " + path + ": " + why);
  }

  Result<std::string> text(const YAML::Node& parent, const std::string& key,
                           const std::string& path, bool required) const {
    const YAML::Node n = parent[key];
    if (!n || n.IsNull()) {
      if (required) return error(parent, path + "." + key, "thiếu trường bắt buộc");
      return std::string();
    }
    if (!n.IsScalar()) return error(n, path + "." + key, "cần một giá trị đơn");
    return n.Scalar();
  }

  Result<Date> date(const YAML::Node& parent, const std::string& key, const std::string& path,
                    bool required, Date fallback) const {
    const std::string t = TRY(text(parent, key, path, required));
    if (t.empty()) return fallback;
    auto d = Date::parse(t);
    if (!d.is_ok()) return error(parent[key], path + "." + key, d.status().message());
    return *d;
  }

  // A number, or nullopt when absent or null (a blank: "chưa quy định").
  Result<std::optional<double>> number(const YAML::Node& parent, const std::string& key,
                                       const std::string& path) const {
    const std::string t = TRY(text(parent, key, path, false));
    if (t.empty()) return std::optional<double>();
    try {
      size_t used = 0;
      const double v = std::stod(t, &used);
      if (used == t.size()) return std::optional<double>(v);
    } catch (const std::exception&) {
    }
    return error(parent[key], path + "." + key, "\"" + t + "\" không phải là số");
  }

  Result<bool> boolean(const YAML::Node& parent, const std::string& key,
                       const std::string& path) const {
    const std::string t = TRY(text(parent, key, path, false));
    if (t.empty() || t == "false") return false;
    if (t == "true") return true;
    return error(parent[key], path + "." + key, "cần true hoặc false");
  }

  const std::string& file() const { return file_; }

 private:
  std::string file_;
};

}  // namespace ntm
