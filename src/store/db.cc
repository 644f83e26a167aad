// BulkLoad's rows in PostgreSQL's COPY text format: fields separated by
// tabs, rows by newlines, NULL as \N, and backslash, tab, newline and
// carriage return escaped.
#include "store/db.h"

#include <charconv>
#include <cstdio>
#include <string>

namespace ntm {

void BulkLoad::add(int64_t v) {
  if (row_started_) buffer_ += '\t';
  row_started_ = true;
  char buf[24];
  buffer_.append(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
}

void BulkLoad::add(double v) {
  if (row_started_) buffer_ += '\t';
  row_started_ = true;
  char buf[32];
  buffer_.append(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);  // shortest exact form
}

void BulkLoad::add(std::string_view v) {
  if (row_started_) buffer_ += '\t';
  row_started_ = true;
  for (const char c : v) {
    switch (c) {
      case '\\':
        buffer_ += "\\\\";
        break;
      case '\t':
        buffer_ += "\\t";
        break;
      case '\n':
        buffer_ += "\\n";
        break;
      case '\r':
        buffer_ += "\\r";
        break;
      default:
        buffer_ += c;
    }
  }
}

void BulkLoad::add_null() {
  if (row_started_) buffer_ += '\t';
  row_started_ = true;
  buffer_ += "\\N";
}

Status BulkLoad::end_row() {
  buffer_ += '\n';
  row_started_ = false;
  if (buffer_.size() < (1 << 20)) return Status::ok();
  Status s = send(buffer_);
  buffer_.clear();
  return s;
}

std::string id_array(const std::vector<int64_t>& ids, size_t first, size_t n) {
  std::string out = "{";
  for (size_t i = first; i < ids.size() && i - first < n; ++i)
    out += (i > first ? "," : "") + std::to_string(ids[i]);
  return out + "}";
}

}  // namespace ntm
