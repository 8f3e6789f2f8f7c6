#include "interchange/csv.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "interchange/file_error.hpp"

namespace simpul::interchange {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::string line_at(std::size_t line) { return "line " + std::to_string(line); }

/// Rejects what is clearly not CSV text before parsing, so the user learns what they uploaded.
void check_is_text(std::string_view text) {
  if (text.starts_with("PK\x03\x04")) {
    throw FileError(FileErrorKind::NotCsv, "this is a zip (XLSX) file, not CSV text");
  }
  std::size_t line = 1;
  std::size_t start = 0;
  // Line by line so the error can name where the bad byte is; '\n' never occurs inside a UTF-8 sequence.
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view part = text.substr(start, end - start);
    if (part.find('\0') != std::string_view::npos) {
      throw FileError(FileErrorKind::NotCsv, "the file contains binary data, not CSV text", line_at(line));
    }
    if (!text::is_valid_utf8(part)) {
      throw FileError(FileErrorKind::NotCsv, "the text is not UTF-8; save the file as \"CSV UTF-8\"", line_at(line));
    }
    ++line;
    start = end + 1;
  }
}

/// ';' wins only when the first record clearly uses it, since ',' is the standard.
char detect_delimiter(std::string_view text) {
  std::size_t commas = 0, semicolons = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') {
      quoted = !quoted;
    } else if (!quoted) {
      if (c == '\n' || c == '\r') break;
      if (c == ',') ++commas;
      if (c == ';') ++semicolons;
    }
  }
  return semicolons > commas ? ';' : ',';
}

class CsvParser {
 public:
  CsvParser(std::string_view text, const Limits& limits) : s_(text), limits_(limits), delim_(detect_delimiter(text)) {}

  std::vector<Row> parse() {
    while (i_ < s_.size()) read_record();
    while (!rows_.empty() && rows_.back().empty()) rows_.pop_back();
    return std::move(rows_);
  }

 private:
  void read_record() {
    if (rows_.size() >= limits_.max_rows) {
      throw FileError(FileErrorKind::TooLarge, "more than " + std::to_string(limits_.max_rows) + " rows",
                      line_at(line_));
    }
    Row row;
    bool last_quoted = false;
    for (;;) {
      std::string field;
      last_quoted = i_ < s_.size() && s_[i_] == '"';
      if (last_quoted) {
        read_quoted(field);
      } else {
        std::size_t end = s_.find_first_of(std::string_view(delim_ == ';' ? ";\r\n" : ",\r\n"), i_);
        if (end == std::string_view::npos) end = s_.size();
        field.assign(s_.substr(i_, end - i_));
        i_ = end;
      }
      add_field(row, std::move(field));
      if (i_ < s_.size() && s_[i_] == delim_) {
        ++i_;
        continue;  // a delimiter at the very end still opens one more (empty) field
      }
      break;
    }
    // Now at a line end or the end of the text.
    if (i_ < s_.size()) {
      if (s_[i_] == '\r' && i_ + 1 < s_.size() && s_[i_ + 1] == '\n') ++i_;
      ++i_;
      ++line_;
    }
    if (row.size() == 1 && row[0].empty() && !last_quoted) row.clear();  // a blank line
    rows_.push_back(std::move(row));
  }

  void read_quoted(std::string& field) {
    const std::size_t start_line = line_;
    ++i_;  // opening quote
    for (;;) {
      std::size_t q = s_.find('"', i_);
      if (q == std::string_view::npos) {
        throw FileError(FileErrorKind::Malformed, "a quoted field is never closed", line_at(start_line));
      }
      std::string_view chunk = s_.substr(i_, q - i_);
      count_lines(chunk);
      field.append(chunk);
      check_length(field);
      i_ = q + 1;
      if (i_ < s_.size() && s_[i_] == '"') {  // "" is one literal quote
        field.push_back('"');
        ++i_;
        continue;
      }
      break;
    }
    if (i_ < s_.size() && s_[i_] != delim_ && s_[i_] != '\r' && s_[i_] != '\n') {
      throw FileError(FileErrorKind::Malformed,
                      std::string("unexpected text after a closing quote (expected '") + delim_ + "' or a line end)",
                      line_at(line_));
    }
  }

  void count_lines(std::string_view chunk) {
    for (std::size_t k = 0; k < chunk.size(); ++k) {
      if (chunk[k] == '\n' || (chunk[k] == '\r' && (k + 1 == chunk.size() || chunk[k + 1] != '\n'))) ++line_;
    }
  }

  void check_length(const std::string& field) const {
    // Bytes bound code points from above, so the exact count is only needed near the limit.
    if (field.size() > limits_.max_cell_chars && text::utf8_length(field) > limits_.max_cell_chars) {
      throw FileError(FileErrorKind::TooLarge,
                      "a cell has more than " + std::to_string(limits_.max_cell_chars) + " characters", line_at(line_));
    }
  }

  void add_field(Row& row, std::string field) {
    check_length(field);
    if (row.size() >= limits_.max_columns) {
      throw FileError(FileErrorKind::TooLarge, "more than " + std::to_string(limits_.max_columns) + " columns",
                      line_at(line_));
    }
    if (++cells_ > limits_.max_cells) {
      throw FileError(FileErrorKind::TooLarge, "more than " + std::to_string(limits_.max_cells) + " cells",
                      line_at(line_));
    }
    row.push_back(std::move(field));
  }

  std::string_view s_;
  const Limits& limits_;
  char delim_;
  std::size_t i_ = 0;
  std::size_t line_ = 1;
  std::size_t cells_ = 0;
  std::vector<Row> rows_;
};

bool needs_quotes(std::string_view field) { return field.find_first_of(",;\"\r\n") != std::string_view::npos; }

/// "-5", "+62812", "-1.250,5": a number a spreadsheet reads as a number, not as a formula.
bool is_signed_number(std::string_view s) {
  if (s.size() < 2 || (s[0] != '-' && s[0] != '+') || s[1] < '0' || s[1] > '9') return false;
  return s.substr(1).find_first_not_of("0123456789.,") == std::string_view::npos;
}

/// Whether a cell, behind any apostrophes it already starts with, begins as a formula would:
/// '=', '+', '-', '@', tab or CR (OWASP, "CSV Injection"), unless it is just a signed number.
bool reads_as_formula(std::string_view field) {
  std::string_view rest = field.substr(std::min(field.find_first_not_of('\''), field.size()));
  if (rest.empty() || std::string_view("=+-@\t\r").find(rest.front()) == std::string_view::npos) return false;
  return !is_signed_number(rest);
}

/// Undoes the writer's guard: the apostrophe it put before a cell that reads as a formula.
void unguard(std::vector<Row>& rows) {
  for (Row& row : rows)
    for (std::string& cell : row)
      if (cell.starts_with('\'') && reads_as_formula(std::string_view(cell).substr(1))) cell.erase(0, 1);
}

}  // namespace

std::vector<Row> read_csv(std::string_view text, const Limits& limits) {
  if (text.size() > limits.max_uncompressed_bytes) {
    throw FileError(FileErrorKind::TooLarge,
                    "the file is larger than " + std::to_string(limits.max_uncompressed_bytes) + " bytes");
  }
  if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
  check_is_text(text);
  auto rows = CsvParser(text, limits).parse();
  unguard(rows);
  return rows;
}

std::string write_csv(const std::vector<Row>& rows, char separator) {
  std::string out(kBom);
  for (const Row& row : rows) {
    // A lone empty field is quoted, or it would read back as a blank line (an empty Row).
    if (row.size() == 1 && row[0].empty()) {
      out += "\"\"\r\n";
      continue;
    }
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (c > 0) out.push_back(separator);
      // A cell a spreadsheet would run as a formula (=HYPERLINK(...), +cmd|...) is written as text.
      const std::string field = reads_as_formula(row[c]) ? "'" + row[c] : row[c];
      if (!needs_quotes(field)) {
        out += field;
        continue;
      }
      out.push_back('"');
      for (char ch : field) {
        if (ch == '"') out.push_back('"');
        out.push_back(ch);
      }
      out.push_back('"');
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace simpul::interchange
