#pragma once
// The one exception this module throws for bad input; the HTTP layer maps kind() to a catalogue code.
#include <stdexcept>
#include <string>
#include <string_view>

namespace simpul::interchange {

enum class FileErrorKind {
  NotXlsx,    // not a zip, or a zip without a workbook (e.g. .xls, .ods, a truncated download)
  NotCsv,     // binary data or text that is not UTF-8
  NotOef,     // not XML, or XML that is not an ArchiMate 3.x exchange model
  TooLarge,   // a Limits bound was exceeded
  Malformed,  // the right format, but broken inside (bad cell reference, unclosed quote, DOCTYPE, ...)
};

/// "not_xlsx", "not_csv", "not_oef", "too_large", "malformed".
std::string_view to_string(FileErrorKind kind);

class FileError : public std::runtime_error {
 public:
  /// where: a location a person can find in the file, e.g. "line 12" or "sheet 'Elemen' cell C5".
  FileError(FileErrorKind kind, std::string message, std::string where = {});

  FileErrorKind kind() const { return kind_; }
  const std::string& message() const { return message_; }
  const std::string& where() const { return where_; }

 private:
  FileErrorKind kind_;
  std::string message_;
  std::string where_;
};

}  // namespace simpul::interchange
