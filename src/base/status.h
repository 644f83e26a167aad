// Status and Result<T>: errors are values.
//
// Every fallible call in NTM Monitor returns a Status (no value) or a
// Result<T> (a value or a Status). The TRY macro propagates errors so the happy
// path reads straight down:
//
//   Result<Date> d = Date::parse(text);      // value or error
//   Date x = TRY(Date::parse(text));          // returns the error from the caller
//
// A Status carries a stable machine code (for APIs and tests) and a human
// message (Vietnamese where it reaches users, naming file, row, field, reason).
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace ntm {

enum class ErrorCode {
  kOk = 0,
  kInvalidArgument,   // bad input: a file row, a flag, a value
  kNotFound,          // a unit, measure or set that does not exist
  kConflict,          // overlaps, duplicates, version clashes
  kPermissionDenied,  // the user may not do this
  kIo,                // files, sockets
  kDatabase,          // the store failed
  kInternal,          // a bug
  kTooMany,           // too many requests from one client: try later
};

// Stable lower-case name of a code, e.g. "invalid_argument".
const char* error_code_name(ErrorCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status ok() { return Status(); }
  static Status invalid(std::string m) { return {ErrorCode::kInvalidArgument, std::move(m)}; }
  static Status not_found(std::string m) { return {ErrorCode::kNotFound, std::move(m)}; }
  static Status conflict(std::string m) { return {ErrorCode::kConflict, std::move(m)}; }
  static Status forbidden(std::string m) { return {ErrorCode::kPermissionDenied, std::move(m)}; }
  static Status io(std::string m) { return {ErrorCode::kIo, std::move(m)}; }
  static Status database(std::string m) { return {ErrorCode::kDatabase, std::move(m)}; }
  static Status internal(std::string m) { return {ErrorCode::kInternal, std::move(m)}; }
  static Status too_many(std::string m) { return {ErrorCode::kTooMany, std::move(m)}; }

  bool is_ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "invalid_argument: message"
  std::string to_string() const;

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {
    assert(!std::get<Status>(v_).is_ok());
  }  // NOLINT

  bool is_ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return is_ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

namespace detail {
inline Status to_status(const Status& s) { return s; }
template <typename T>
Status to_status(const Result<T>& r) {
  return r.status();
}
inline void unwrap(Status&&) {}
template <typename T>
T unwrap(Result<T>&& r) {
  return std::move(r).value();
}
}  // namespace detail

}  // namespace ntm

// Evaluates expr (a Status or Result<T>); on error returns it from the enclosing
// function, otherwise yields the value (for Result<T>). GCC/Clang statement expression.
#define TRY(expr)                                                           \
  ({                                                                        \
    auto&& try_result_ = (expr);                                            \
    if (!try_result_.is_ok()) return ::ntm::detail::to_status(try_result_); \
    ::ntm::detail::unwrap(std::move(try_result_));                          \
  })
