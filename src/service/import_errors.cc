#include "service/import_errors.h"

namespace ntm {

void ImportErrors::add(int line, const std::string& column, const std::string& reason) {
  ++total_;
  if (shown_.size() < kMaxShown) {
    std::string where = "dòng " + std::to_string(line);
    if (!column.empty()) where += ", cột \"" + column + "\"";
    shown_.push_back(where + ": " + reason);
  }
}

Status ImportErrors::status() const {
  if (total_ == 0) return Status::ok();
  std::string m = file_ + ": " + std::to_string(total_) + " lỗi, không có dòng nào được nhập:";
  for (const auto& s : shown_) m += "\n  " + s;
  if (total_ > shown_.size()) {
    m += "\n  ... và " + std::to_string(total_ - shown_.size()) + " lỗi khác";
  }
  return Status::invalid(m);
}

}  // namespace ntm
