#include "interchange/xlsx.hpp"

#include <stdlib.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

#include "core/text.hpp"
#include "interchange/file_error.hpp"
#include "interchange/ooxml_text.hpp"
#include "interchange/xml_escape.hpp"

namespace simpul::interchange {
namespace {

constexpr std::size_t kExcelMaxRows = 1048576;
constexpr std::size_t kExcelMaxColumns = 16384;
constexpr std::size_t kExcelMaxCellChars = 32767;

/// libxlsxwriter 1.1.4 can only write to a named file: a private (0600) temp file, removed on scope exit.
class TempFile {
 public:
  TempFile() {
    std::string pattern = (std::filesystem::temp_directory_path() / "simpul-xlsx-XXXXXX").string();
    int fd = mkstemp(pattern.data());
    if (fd < 0) throw std::runtime_error("cannot create a temporary file for the workbook");
    close(fd);
    path_ = pattern;
  }
  ~TempFile() { unlink(path_.c_str()); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  const std::string& path() const { return path_; }

  std::string contents() const {
    std::ifstream in(path_, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    if (!in && !in.eof()) throw std::runtime_error("cannot read back the temporary workbook file");
    return std::move(out).str();
  }

 private:
  std::string path_;
};

/// Owns the workbook until workbook_close() takes it over.
struct WorkbookGuard {
  lxw_workbook* workbook;
  ~WorkbookGuard() {
    if (workbook) lxw_workbook_free(workbook);
  }
};

void check_sheet_names(const std::vector<Sheet>& sheets) {
  std::set<std::string> seen;
  for (const Sheet& sheet : sheets) {
    const std::string& name = sheet.name;
    std::size_t length = text::is_valid_utf8(name) ? text::utf8_length(name) : 0;
    if (length == 0 || length > 31 || name.find_first_of("[]:*?/\\") != std::string::npos || name.front() == '\'' ||
        name.back() == '\'') {
      throw std::invalid_argument("invalid sheet name '" + name +
                                  "': 1-31 characters, none of []:*?/\\, not starting or ending with '");
    }
    // Excel compares sheet names case-insensitively.
    if (!seen.insert(text::to_lower_ascii(name)).second) {
      throw std::invalid_argument("duplicate sheet name '" + name + "'");
    }
  }
}

/// Whole numbers Excel can hold exactly and shows the same way; anything else stays text so codes
/// such as "007" or "1.10" survive.
bool is_plain_integer(std::string_view s) {
  std::string_view digits = s.starts_with('-') ? s.substr(1) : s;
  if (digits.empty() || digits.size() > 15) return false;
  if (digits.size() > 1 && digits[0] == '0') return false;
  if (s.starts_with('-') && digits == "0") return false;
  return std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// Width in Excel's character units: the longest line of the column, within 8..60.
std::vector<double> column_widths(const Sheet& sheet) {
  std::vector<std::size_t> longest;
  for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
    const Row& row = sheet.rows[r];
    if (longest.size() < row.size()) longest.resize(row.size(), 0);
    for (std::size_t c = 0; c < row.size(); ++c) {
      for (std::string_view line : text::split(row[c], '\n')) {
        std::size_t n = text::is_valid_utf8(line) ? text::utf8_length(line) : line.size();
        if (r == 0) n += n / 5 + 1;  // bold header text is wider
        longest[c] = std::max(longest[c], n);
      }
    }
  }
  std::vector<double> widths;
  for (std::size_t n : longest) widths.push_back(std::clamp(static_cast<double>(n) + 2, 8.0, 60.0));
  return widths;
}

void check(lxw_error error, const char* what) {
  if (error != LXW_NO_ERROR) throw std::runtime_error(std::string(what) + ": " + lxw_strerror(error));
}

void write_sheet(lxw_workbook* workbook, lxw_format* header, const Sheet& sheet) {
  lxw_worksheet* ws = workbook_add_worksheet(workbook, sheet.name.c_str());
  if (!ws) throw std::runtime_error("cannot add worksheet '" + sheet.name + "'");
  if (sheet.rows.size() > kExcelMaxRows) {
    throw FileError(FileErrorKind::TooLarge, "more rows than Excel allows", "sheet '" + sheet.name + "'");
  }
  for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
    const Row& row = sheet.rows[r];
    if (row.size() > kExcelMaxColumns) {
      throw FileError(FileErrorKind::TooLarge, "more columns than Excel allows",
                      "sheet '" + sheet.name + "' row " + std::to_string(r + 1));
    }
    lxw_format* format = r == 0 ? header : nullptr;
    for (std::size_t c = 0; c < row.size(); ++c) {
      const std::string& cell = row[c];
      if (cell.empty()) continue;
      auto row_index = static_cast<lxw_row_t>(r);
      auto col_index = static_cast<lxw_col_t>(c);
      if (is_plain_integer(cell)) {
        check(worksheet_write_number(ws, row_index, col_index, std::stod(cell), format), "write number");
        continue;
      }
      std::string value = ooxml::protect_escapes(xml::replace_invalid_utf8(cell));
      if (text::utf8_length(value) > kExcelMaxCellChars) {
        throw FileError(FileErrorKind::TooLarge, "a cell has more than 32,767 characters, Excel's limit",
                        "sheet '" + sheet.name + "' cell " + ooxml::column_name(c) + std::to_string(r + 1));
      }
      check(worksheet_write_string(ws, row_index, col_index, value.c_str(), format), "write string");
    }
  }
  std::vector<double> widths = column_widths(sheet);
  for (std::size_t c = 0; c < widths.size(); ++c) {
    auto col = static_cast<lxw_col_t>(c);
    check(worksheet_set_column(ws, col, col, widths[c], nullptr), "set column width");
  }
  if (!sheet.rows.empty()) worksheet_freeze_panes(ws, 1, 0);
}

}  // namespace

std::string write_xlsx(const std::vector<Sheet>& sheets) {
  check_sheet_names(sheets);
  TempFile file;
  WorkbookGuard guard{workbook_new(file.path().c_str())};
  if (!guard.workbook) throw std::runtime_error("cannot create the workbook");
  lxw_format* header = workbook_add_format(guard.workbook);
  format_set_bold(header);
  for (const Sheet& sheet : sheets) write_sheet(guard.workbook, header, sheet);
  lxw_workbook* workbook = guard.workbook;
  guard.workbook = nullptr;  // workbook_close frees it, whatever it returns
  check(workbook_close(workbook), "write workbook");
  return file.contents();
}

}  // namespace simpul::interchange
