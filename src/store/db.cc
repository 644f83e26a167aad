// BulkLoad's rows in PostgreSQL's COPY text format: fields separated by
// tabs, rows by newlines, NULL as \N, and backslash, tab, newline and
// carriage return escaped.
#include "store/db.h"

#include <charconv>
#include <cstdio>
#include <string>

namespace ntm {

void append_hex(std::string& out, std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  const size_t at = out.size();
  out.resize(at + 2 * bytes.size());
  char* p = out.data() + at;
  for (const char c : bytes) {
    *p++ = kDigits[static_cast<unsigned char>(c) >> 4];
    *p++ = kDigits[static_cast<unsigned char>(c) & 15];
  }
}

bool hex_bytes(std::string_view hex, std::string& out) {
  auto digit = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  out.clear();
  if (hex.size() % 2) return false;
  out.resize(hex.size() / 2);
  for (size_t i = 0; i < out.size(); ++i) {
    const int hi = digit(hex[2 * i]), lo = digit(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return false;
    out[i] = static_cast<char>(hi << 4 | lo);
  }
  return true;
}

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

void BulkLoad::add_blob(std::string_view bytes) {
  if (row_started_) buffer_ += '\t';
  row_started_ = true;
  buffer_ += "\\\\x";  // COPY's text form of bytea's hex form, \x...
  append_hex(buffer_, bytes);
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
