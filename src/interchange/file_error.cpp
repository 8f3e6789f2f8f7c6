#include "interchange/file_error.hpp"

namespace simpul::interchange {

std::string_view to_string(FileErrorKind kind) {
  switch (kind) {
    case FileErrorKind::NotXlsx:
      return "not_xlsx";
    case FileErrorKind::NotCsv:
      return "not_csv";
    case FileErrorKind::NotOef:
      return "not_oef";
    case FileErrorKind::TooLarge:
      return "too_large";
    case FileErrorKind::Malformed:
      return "malformed";
  }
  return "malformed";
}

FileError::FileError(FileErrorKind kind, std::string message, std::string where)
    : std::runtime_error(where.empty() ? message : where + ": " + message),
      kind_(kind),
      message_(std::move(message)),
      where_(std::move(where)) {}

}  // namespace simpul::interchange
