// Collects row errors during an import so the user sees all of them at once
// (the first kMaxShown, plus a count), each naming row, column and reason.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"

namespace ntm {

class ImportErrors {
 public:
  static constexpr size_t kMaxShown = 20;

  explicit ImportErrors(std::string file) : file_(std::move(file)) {}

  void add(int line, const std::string& column, const std::string& reason);
  bool empty() const { return total_ == 0; }
  // "FILE: N lỗi, không có dòng nào được nhập:\n  dòng 3, cột "date": ..."
  Status status() const;

 private:
  std::string file_;
  std::vector<std::string> shown_;
  size_t total_ = 0;
};

}  // namespace ntm
