#include "interchange/xlsx.hpp"
#include "interchange/xlsx_merges.hpp"

#include <charconv>
#include <map>
#include <optional>

#include "core/text.hpp"
#include "interchange/file_error.hpp"
#include "interchange/ooxml_text.hpp"
#include "interchange/xml_parser.hpp"
#include "interchange/zip_reader.hpp"

namespace simpul::interchange {
namespace {

using xml::local_name;

// ---- package structure: which part is the workbook, which parts are its sheets ----

struct Relationship {
  std::string type;
  std::string target;  // resolved to a zip entry name
};

std::string directory_of(std::string_view part) {
  auto slash = part.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(part.substr(0, slash + 1));
}

/// Resolves a relationship target against the folder of its source part, as OPC defines.
std::string resolve(std::string_view base_dir, std::string_view target) {
  std::string joined =
      target.starts_with('/') ? std::string(target.substr(1)) : std::string(base_dir) + std::string(target);
  std::vector<std::string> parts;
  for (std::string_view segment : text::split(joined, '/')) {
    if (segment.empty() || segment == ".") continue;
    if (segment == "..") {
      if (!parts.empty()) parts.pop_back();
      continue;
    }
    parts.emplace_back(segment);
  }
  return text::join(parts, '/');
}

std::string rels_part_for(std::string_view part) {
  auto slash = part.rfind('/');
  std::string_view dir = slash == std::string_view::npos ? std::string_view{} : part.substr(0, slash + 1);
  std::string_view file = slash == std::string_view::npos ? part : part.substr(slash + 1);
  return std::string(dir) + "_rels/" + std::string(file) + ".rels";
}

bool type_is(std::string_view type, std::string_view suffix) { return type.ends_with("/" + std::string(suffix)); }

class RelsHandler : public xml::Handler {
 public:
  explicit RelsHandler(std::string base_dir) : base_dir_(std::move(base_dir)) {}
  std::map<std::string, Relationship> relationships;

  void start(std::string_view name, const xml::Attributes& a) override {
    if (local_name(name) != "Relationship") return;
    if (a.get("TargetMode").value_or("") == "External") return;
    auto id = a.get("Id"), type = a.get("Type"), target = a.get("Target");
    if (!id || !type || !target) return;
    relationships[std::string(*id)] = Relationship{std::string(*type), resolve(base_dir_, *target)};
  }
  void end(std::string_view) override {}

 private:
  std::string base_dir_;
};

struct SheetEntry {
  std::string name;
  std::string relationship_id;
};

class WorkbookHandler : public xml::Handler {
 public:
  std::vector<SheetEntry> sheets;

  void start(std::string_view name, const xml::Attributes& a) override {
    if (local_name(name) != "sheet") return;
    auto sheet_name = a.get("name");
    auto id = a.get("id");  // r:id; no other attribute of <sheet> is called "id"
    if (!sheet_name || !id) throw FileError(FileErrorKind::Malformed, "a sheet without a name or relationship id");
    sheets.push_back({std::string(*sheet_name), std::string(*id)});
  }
  void end(std::string_view) override {}
};

// ---- shared counters, so limits hold across all sheets of the workbook ----

struct Budget {
  const Limits& limits;
  std::size_t cells = 0;
  std::size_t text_bytes = 0;

  void add_text(std::size_t bytes, const std::string& where) {
    text_bytes += bytes;
    if (text_bytes > limits.max_text_bytes) {
      throw FileError(
          FileErrorKind::TooLarge,
          "the workbook holds more than " + std::to_string(limits.max_text_bytes / (1024 * 1024)) + " MB of text",
          where);
    }
  }
};

/// Cell text accumulates in pieces; this stops a single huge text node early.
void append_bounded(std::string& to, std::string_view piece, const Limits& limits) {
  // 4 bytes per code point is the most UTF-8 needs, so beyond that the limit is surely exceeded.
  if (to.size() + piece.size() > 4 * limits.max_cell_chars + 64) {
    throw FileError(FileErrorKind::TooLarge,
                    "a cell has more than " + std::to_string(limits.max_cell_chars) + " characters");
  }
  to.append(piece);
}

class SharedStringsHandler : public xml::Handler {
 public:
  explicit SharedStringsHandler(Budget& budget) : budget_(budget) {}
  std::vector<std::string> strings;

  void start(std::string_view name, const xml::Attributes&) override {
    auto local = local_name(name);
    if (local == "si") {
      in_si_ = true;
      current_.clear();
    } else if (local == "rPh" && in_si_) {
      in_phonetic_ = true;  // furigana runs are hints, not part of the displayed text
    } else if (local == "t" && in_si_ && !in_phonetic_) {
      capture_ = true;
    }
  }

  void end(std::string_view name) override {
    auto local = local_name(name);
    if (local == "t") {
      capture_ = false;
    } else if (local == "rPh") {
      in_phonetic_ = false;
    } else if (local == "si" && in_si_) {
      in_si_ = false;
      if (strings.size() >= budget_.limits.max_cells) {
        throw FileError(FileErrorKind::TooLarge, "too many shared strings");
      }
      budget_.add_text(current_.size(), "xl/sharedStrings.xml");
      strings.push_back(ooxml::decode_escapes(current_));
    }
  }

  void text(std::string_view data) override {
    if (capture_) append_bounded(current_, data, budget_.limits);
  }

 private:
  Budget& budget_;
  bool in_si_ = false, in_phonetic_ = false, capture_ = false;
  std::string current_;
};

class SheetHandler : public xml::Handler {
 public:
  SheetHandler(Sheet& sheet, const std::vector<std::string>& shared, Budget& budget)
      : sheet_(sheet), shared_(shared), budget_(budget), limits_(budget.limits) {}

  void start(std::string_view name, const xml::Attributes& a) override {
    auto local = local_name(name);
    if (local == "sheetData") {
      in_data_ = true;
    } else if (local == "row" && in_data_) {
      start_row(a.get("r"));
    } else if (local == "c" && in_row_) {
      start_cell(a.get("r"), a.get("t"));
    } else if (in_cell_) {
      if (local == "v") {
        capture_ = true;
        has_value_ = true;
      } else if (local == "is") {
        in_inline_ = true;
        has_value_ = true;
      } else if (local == "rPh" && in_inline_) {
        in_phonetic_ = true;
      } else if (local == "t" && in_inline_ && !in_phonetic_) {
        capture_ = true;
      }
    }
  }

  void end(std::string_view name) override {
    auto local = local_name(name);
    if (local == "v" || local == "t") {
      capture_ = false;
    } else if (local == "rPh") {
      in_phonetic_ = false;
    } else if (local == "is") {
      in_inline_ = false;
    } else if (local == "c" && in_cell_) {
      finish_cell();
    } else if (local == "row" && in_row_) {
      in_row_ = false;
    } else if (local == "sheetData") {
      in_data_ = false;
    }
  }

  void text(std::string_view data) override {
    if (capture_) append_bounded(value_, data, limits_);
  }

  void finish() {
    for (Row& row : sheet_.rows) {
      while (!row.empty() && row.back().empty()) row.pop_back();
    }
    while (!sheet_.rows.empty() && sheet_.rows.back().empty()) sheet_.rows.pop_back();
  }

 private:
  std::string here(std::size_t column) const {
    return "sheet '" + sheet_.name + "' cell " + ooxml::column_name(column) + std::to_string(row_);
  }

  void start_row(std::optional<std::string_view> r) {
    std::size_t number = row_ + 1;  // rows without "r" follow the previous one
    if (r) {
      auto [end, ec] = std::from_chars(r->data(), r->data() + r->size(), number);
      if (ec != std::errc() || end != r->data() + r->size() || number == 0 || number > 1048576) {
        throw FileError(FileErrorKind::Malformed, "invalid row number '" + std::string(*r) + "'",
                        "sheet '" + sheet_.name + "'");
      }
    }
    if (number > limits_.max_rows) {
      throw FileError(FileErrorKind::TooLarge, "more than " + std::to_string(limits_.max_rows) + " rows",
                      "sheet '" + sheet_.name + "' row " + std::to_string(number));
    }
    row_ = number;
    next_column_ = 0;
    in_row_ = true;
  }

  void start_cell(std::optional<std::string_view> r, std::optional<std::string_view> type) {
    column_ = next_column_;  // cells without "r" follow the previous one
    if (r) {
      auto ref = ooxml::parse_cell_ref(*r);
      if (!ref) {
        throw FileError(FileErrorKind::Malformed, "invalid cell reference '" + std::string(*r) + "'",
                        "sheet '" + sheet_.name + "' row " + std::to_string(row_));
      }
      column_ = ref->column;
    }
    if (column_ >= limits_.max_columns) {
      throw FileError(FileErrorKind::TooLarge, "more than " + std::to_string(limits_.max_columns) + " columns",
                      here(column_));
    }
    type_ = std::string(type.value_or("n"));
    value_.clear();
    has_value_ = false;
    in_cell_ = true;
  }

  std::string cell_text() const {
    if (type_ == "s") {
      std::size_t index = 0;
      std::string_view v = value_;
      auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), index);
      if (ec != std::errc() || end != v.data() + v.size() || index >= shared_.size()) {
        throw FileError(FileErrorKind::Malformed, "refers to a shared string that does not exist", here(column_));
      }
      return shared_[index];
    }
    if (type_ == "inlineStr" || type_ == "str") return ooxml::decode_escapes(value_);
    if (type_ == "b") return value_ == "1" ? "TRUE" : value_ == "0" ? "FALSE" : value_;
    if (type_ == "n") return ooxml::display_number(text::trim(value_));
    return value_;  // "e" (#N/A, ...) and "d" (ISO dates) are already display text
  }

  void finish_cell() {
    in_cell_ = in_inline_ = in_phonetic_ = capture_ = false;
    next_column_ = column_ + 1;
    if (!has_value_) return;  // a styled but empty cell
    std::string value = cell_text();
    if (value.empty()) return;
    if (value.size() > limits_.max_cell_chars && text::utf8_length(value) > limits_.max_cell_chars) {
      throw FileError(FileErrorKind::TooLarge,
                      "a cell has more than " + std::to_string(limits_.max_cell_chars) + " characters", here(column_));
    }
    if (sheet_.rows.size() < row_) {
      // Rows cost memory even when empty, so they count as cells too.
      budget_.cells += row_ - sheet_.rows.size();
      if (budget_.cells > limits_.max_cells) {
        throw FileError(FileErrorKind::TooLarge, "more than " + std::to_string(limits_.max_cells) + " cells",
                        here(column_));
      }
      sheet_.rows.resize(row_);
    }
    Row& row = sheet_.rows[row_ - 1];
    if (row.size() <= column_) {
      budget_.cells += column_ + 1 - row.size();
      if (budget_.cells > limits_.max_cells) {
        throw FileError(FileErrorKind::TooLarge, "more than " + std::to_string(limits_.max_cells) + " cells",
                        here(column_));
      }
      row.resize(column_ + 1);
    }
    budget_.add_text(value.size(), here(column_));
    row[column_] = std::move(value);
  }

  Sheet& sheet_;
  const std::vector<std::string>& shared_;
  Budget& budget_;
  const Limits& limits_;
  bool in_data_ = false, in_row_ = false, in_cell_ = false, in_inline_ = false, in_phonetic_ = false, capture_ = false,
       has_value_ = false;
  std::size_t row_ = 0, column_ = 0, next_column_ = 0;
  std::string type_, value_;
};

/// <mergeCell ref="A2:A5"/> of a worksheet.
class MergeHandler : public xml::Handler {
 public:
  MergeHandler(std::vector<MergeRange>& ranges, const Limits& limits, std::string sheet)
      : ranges_(ranges), limits_(limits), sheet_(std::move(sheet)) {}

  void start(std::string_view name, const xml::Attributes& a) override {
    if (local_name(name) != "mergeCell") return;
    auto ref = a.get("ref").value_or("");
    auto colon = ref.find(':');
    auto first = ooxml::parse_cell_ref(ref.substr(0, colon));
    auto last = colon == std::string_view::npos ? first : ooxml::parse_cell_ref(ref.substr(colon + 1));
    if (!first || !last || last->row < first->row || last->column < first->column)
      throw FileError(FileErrorKind::Malformed, "invalid merged range '" + std::string(ref) + "'",
                      "sheet '" + sheet_ + "'");
    if (ranges_.size() >= limits_.max_cells)
      throw FileError(FileErrorKind::TooLarge, "too many merged ranges", "sheet '" + sheet_ + "'");
    ranges_.push_back({first->row, first->column, last->row, last->column});
  }
  void end(std::string_view) override {}

 private:
  std::vector<MergeRange>& ranges_;
  const Limits& limits_;
  std::string sheet_;
};

// ---- reading parts ----

/// Streams a part through a handler; false when the part does not exist.
bool parse_part(ZipReader& zip, const std::string& part, xml::Handler& handler) {
  xml::Parser parser(handler, part, FileErrorKind::Malformed);
  if (!zip.read(part, [&](std::string_view chunk) { parser.feed(chunk); })) return false;
  parser.finish();
  return true;
}

std::map<std::string, Relationship> relationships_of(ZipReader& zip, const std::string& part) {
  RelsHandler handler(directory_of(part));
  parse_part(zip, rels_part_for(part), handler);
  return std::move(handler.relationships);
}

std::string find_workbook(ZipReader& zip) {
  for (const auto& [id, rel] : relationships_of(zip, "")) {
    if (type_is(rel.type, "officeDocument") && zip.contains(rel.target)) return rel.target;
  }
  if (zip.contains("xl/workbook.xml")) return "xl/workbook.xml";
  throw FileError(FileErrorKind::NotXlsx,
                  "not an XLSX workbook: the zip archive has no workbook (OpenDocument .ods files are not supported)");
}

}  // namespace

std::vector<Sheet> read_xlsx(std::string_view bytes, const Limits& limits) {
  ZipReader zip(bytes, limits.max_uncompressed_bytes);
  const std::string workbook_part = find_workbook(zip);

  WorkbookHandler workbook;
  parse_part(zip, workbook_part, workbook);
  const auto rels = relationships_of(zip, workbook_part);

  Budget budget{limits};
  SharedStringsHandler shared(budget);
  for (const auto& [id, rel] : rels) {
    if (type_is(rel.type, "sharedStrings")) {
      parse_part(zip, rel.target, shared);
      break;
    }
  }

  std::vector<Sheet> sheets;
  for (const SheetEntry& entry : workbook.sheets) {
    auto rel = rels.find(entry.relationship_id);
    if (rel == rels.end()) {
      throw FileError(FileErrorKind::Malformed, "the workbook lists a sheet whose part is missing",
                      "sheet '" + entry.name + "'");
    }
    if (!type_is(rel->second.type, "worksheet")) continue;  // chart and dialog sheets hold no cells
    if (sheets.size() >= limits.max_sheets) {
      throw FileError(FileErrorKind::TooLarge, "more than " + std::to_string(limits.max_sheets) + " sheets");
    }
    Sheet& sheet = sheets.emplace_back();
    sheet.name = entry.name;
    SheetHandler handler(sheet, shared.strings, budget);
    if (!parse_part(zip, rel->second.target, handler)) {
      throw FileError(FileErrorKind::Malformed, "the sheet's part " + rel->second.target + " is missing",
                      "sheet '" + entry.name + "'");
    }
    handler.finish();
  }
  return sheets;
}

std::vector<SheetMerges> read_xlsx_merges(std::string_view bytes, const Limits& limits) {
  ZipReader zip(bytes, limits.max_uncompressed_bytes);
  const std::string workbook_part = find_workbook(zip);
  WorkbookHandler workbook;
  parse_part(zip, workbook_part, workbook);
  const auto rels = relationships_of(zip, workbook_part);
  std::vector<SheetMerges> out;
  for (const SheetEntry& entry : workbook.sheets) {
    auto rel = rels.find(entry.relationship_id);
    if (rel == rels.end())
      throw FileError(FileErrorKind::Malformed, "the workbook lists a sheet whose part is missing",
                      "sheet '" + entry.name + "'");
    if (!type_is(rel->second.type, "worksheet")) continue;
    auto& sheet = out.emplace_back();
    sheet.name = entry.name;
    MergeHandler handler(sheet.ranges, limits, entry.name);
    if (!parse_part(zip, rel->second.target, handler))
      throw FileError(FileErrorKind::Malformed, "the sheet's part " + rel->second.target + " is missing",
                      "sheet '" + entry.name + "'");
  }
  return out;
}

}  // namespace simpul::interchange
