#pragma once
// Driver failures, classified so repositories can map them to catalogue errors.
#include <stdexcept>
#include <string>

namespace simpul::storage {

class StorageError : public std::runtime_error {
 public:
  enum class Kind { UniqueViolation, ForeignKeyViolation, Busy, Connection, Other };
  StorageError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

}  // namespace simpul::storage
