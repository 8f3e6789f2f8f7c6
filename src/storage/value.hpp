#pragma once
// Values bound to and read from SQL statements, the same for SQLite and PostgreSQL.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace simpul::storage {

/// A SQL parameter or column value. Booleans are stored as 0/1 integers on both databases.
class Value {
 public:
  Value() : v_(nullptr) {}
  Value(std::nullptr_t) : v_(nullptr) {}
  Value(bool b) : v_(static_cast<std::int64_t>(b ? 1 : 0)) {}
  Value(int i) : v_(static_cast<std::int64_t>(i)) {}
  Value(long i) : v_(static_cast<std::int64_t>(i)) {}
  Value(long long i) : v_(static_cast<std::int64_t>(i)) {}
  Value(double d) : v_(d) {}
  Value(std::string s) : v_(std::move(s)) {}
  Value(std::string_view s) : v_(std::string(s)) {}
  Value(const char* s) : v_(std::string(s)) {}
  template <typename T>
  Value(const std::optional<T>& o) : v_(nullptr) {
    if (o) *this = Value(*o);
  }

  bool is_null() const { return std::holds_alternative<std::nullptr_t>(v_); }
  bool is_int() const { return std::holds_alternative<std::int64_t>(v_); }
  bool is_double() const { return std::holds_alternative<double>(v_); }
  bool is_text() const { return std::holds_alternative<std::string>(v_); }

  std::int64_t as_int() const;  // null → 0; text parsed
  double as_double() const;
  const std::string& as_text() const;  // null → ""; numbers are not converted
  bool as_bool() const { return as_int() != 0; }
  std::optional<std::string> as_optional_text() const {
    return is_null() ? std::nullopt : std::optional<std::string>(as_text());
  }
  /// Becomes the text `s`, reusing the string this value already holds (a row read again and
  /// again by Connection::each allocates only when a text outgrows its predecessor).
  void assign_text(std::string_view s) {
    if (auto* held = std::get_if<std::string>(&v_))
      held->assign(s);
    else
      v_.emplace<std::string>(s);
  }

 private:
  std::variant<std::nullptr_t, std::int64_t, double, std::string> v_;
};

using Params = std::vector<Value>;

/// One result row; columns by position, in SELECT order.
class Row {
 public:
  Row() = default;
  explicit Row(std::vector<Value> cols) : cols_(std::move(cols)) {}
  /// The columns for a driver to fill in place (Connection::each reuses one row).
  std::vector<Value>& columns() { return cols_; }
  const Value& operator[](std::size_t i) const { return cols_.at(i); }
  std::size_t size() const { return cols_.size(); }
  std::int64_t int_at(std::size_t i) const { return cols_.at(i).as_int(); }
  const std::string& text_at(std::size_t i) const { return cols_.at(i).as_text(); }
  bool bool_at(std::size_t i) const { return cols_.at(i).as_bool(); }
  std::optional<std::string> optional_text_at(std::size_t i) const { return cols_.at(i).as_optional_text(); }

 private:
  std::vector<Value> cols_;
};

using Rows = std::vector<Row>;

}  // namespace simpul::storage
