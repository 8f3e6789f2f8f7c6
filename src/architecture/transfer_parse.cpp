// Files → rows of cells: spreadsheets by column header (Indonesian or English, any case), ArchiMate by
// type and simpul: properties.
#include <algorithm>
#include <map>

#include "architecture/domains.hpp"
#include "architecture/transfer.hpp"
#include "architecture/transfer_columns.hpp"
#include "architecture/transfer_vocabulary.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "interchange/csv.hpp"
#include "interchange/file_error.hpp"
#include "interchange/oef.hpp"
#include "interchange/xlsx.hpp"

namespace simpul::architecture {
namespace {

using interchange::Row;

bool blank(const Row& row) {
  return std::all_of(row.begin(), row.end(), [](const std::string& c) { return text::trim(c).empty(); });
}

/// A row-number column ("No.") many Pemda spreadsheets start with: not data, never a problem.
bool row_number_column(const std::string& header) {
  auto key = match_key(header);
  return key == "no" || key == "nomor" || key == "#";
}

/// Reads one sheet by its header row: every column must be known (a misspelt header would lose its
/// data silently), every required one present. Rows are read whatever the header's problems, so the
/// count says how many rows the file has.
void read_rows(const std::string& sheet, const std::vector<Row>& rows, const std::vector<ColumnDef>& columns,
               std::vector<FileRow>& out, ParsedFile& file) {
  std::size_t first = 0;
  while (first < rows.size() && blank(rows[first])) ++first;
  if (first == rows.size()) return;
  const Row& header = rows[first];
  std::vector<const ColumnDef*> by_position(header.size(), nullptr);
  std::vector<std::string> titles(header.size());
  bool header_ok = true;
  std::string accepted;
  for (const auto& c : columns) accepted += (accepted.empty() ? "" : ", ") + c.name_id;
  std::string accepted_en;
  for (const auto& c : columns) accepted_en += (accepted_en.empty() ? "" : ", ") + c.name_en;
  std::map<std::string, std::string> seen;  // column key -> header that named it
  for (std::size_t i = 0; i < header.size(); ++i) {
    titles[i] = text::trim(header[i]);
    if (titles[i].empty() || row_number_column(titles[i])) continue;
    const ColumnDef* def = find_column(columns, titles[i]);
    if (!def) {
      file.problems.push_back(
          {sheet, static_cast<int>(first + 1), titles[i], "Judul kolom \"" + titles[i] + "\" tidak dikenal.",
           "Ganti judulnya dengan salah satu: " + accepted + "; atau hapus kolom ini.",
           "Unknown column header \"" + titles[i] + "\".", "Use one of: " + accepted_en + "; or remove the column."});
      header_ok = false;
      continue;
    }
    if (auto [it, fresh] = seen.emplace(def->key, titles[i]); !fresh) {
      file.problems.push_back(
          {sheet, static_cast<int>(first + 1), titles[i],
           "Kolom \"" + titles[i] + "\" sama dengan kolom \"" + it->second + "\".", "Hapus salah satunya.",
           "Column \"" + titles[i] + "\" repeats column \"" + it->second + "\".", "Remove one of them."});
      header_ok = false;
      continue;
    }
    by_position[i] = def;
  }
  for (const auto& c : columns)
    if (c.required && !seen.count(c.key)) {
      file.problems.push_back(
          {sheet, static_cast<int>(first + 1), c.name_id, "Kolom wajib \"" + c.name_id + "\" tidak ada.",
           "Tambahkan kolom \"" + c.name_id + "\": " + c.help_id, "Required column \"" + c.name_en + "\" is missing.",
           "Add the column \"" + c.name_id + "\": " + c.help_en});
      header_ok = false;
    }
  for (std::size_t r = first + 1; r < rows.size(); ++r) {
    if (blank(rows[r])) continue;
    ++file.rows;
    if (!header_ok) continue;
    FileRow row{{sheet, static_cast<int>(r + 1)}, {}};
    for (std::size_t i = 0; i < by_position.size(); ++i)
      if (by_position[i])
        row.cells[by_position[i]->key] = {titles[i], i < rows[r].size() ? text::trim(rows[r][i]) : ""};
    out.push_back(std::move(row));
  }
}

/// A CSV holds one kind of row; without `kind`, a header naming a relation's source says which.
bool relation_header(const std::vector<Row>& rows) {
  for (const auto& row : rows) {
    if (blank(row)) continue;
    for (const auto& cell : row)
      if (const auto* def = find_column(relation_columns(), cell); def && def->key == "source_code") return true;
    return false;
  }
  return false;
}

std::string property(const std::vector<interchange::OefProperty>& props, const std::string& key) {
  for (const auto& p : props)
    if (p.key == key) return p.value;
  return "";
}

/// The SPBE relation for an ArchiMate relationship between two domains, and whether it runs the
/// other way (ArchiMate's realisation and serving point from the supporter to the supported).
std::pair<std::string, bool> relation_for(const std::string& archimate, const std::string& from,
                                          const std::string& to) {
  for (const auto& r : relation_types()) {
    if (r.archimate != archimate) continue;
    bool flipped = r.archimate_reversed;
    const auto& source = flipped ? to : from;
    const auto& target = flipped ? from : to;
    if (relation_allowed(r.type, source, target)) return {std::string(r.type), flipped};
  }
  return {"", false};
}

void read_oef(std::string_view body, ParsedFile& out) {
  auto model = interchange::read_oef(body);
  std::map<std::string, std::pair<std::string, std::string>> by_id;  // oef id -> (code, domain)
  const std::string p(kPropertyPrefix);
  int index = 0;
  for (const auto& el : model.elements) {
    ++index;
    std::string domain = property(el.properties, p + "domain");
    if (domain.empty())
      if (const auto* d = domain_for_archimate(el.type)) domain = d->id;
    if (domain.empty()) {
      ++out.skipped;  // e.g. actors, goals, views' content that SPBE does not model
      continue;
    }
    ++out.rows;
    FileRow row{{"element " + el.id, index}, {}};
    auto put = [&](const std::string& key, const std::string& column, std::string value) {
      row.cells[key] = {column, text::trim(value)};
    };
    std::string code = property(el.properties, p + "code");
    put("code", p + "code", code.empty() ? el.id : code);
    put("name", "name", el.name);
    put("domain", p + "domain", domain);
    put("level", p + "level", property(el.properties, p + "level"));
    put("parent_code", p + "parent_code", property(el.properties, p + "parent_code"));
    put("reference_code", p + "reference_code", property(el.properties, p + "reference_code"));
    put("owner_agency", p + "owner_agency_code", property(el.properties, p + "owner_agency_code"));
    put("state", p + "state", property(el.properties, p + "state"));
    put("description", "documentation", el.documentation);
    for (const auto& prop : el.properties)
      if (prop.key.rfind(kAttributePrefix, 0) == 0) put(prop.key, prop.key, prop.value);
    by_id[el.id] = {row.cells["code"].text, domain};
    out.elements.push_back(std::move(row));
  }
  index = 0;
  for (const auto& rel : model.relationships) {
    ++index;
    auto from = by_id.find(rel.source), to = by_id.find(rel.target);
    if (from == by_id.end() || to == by_id.end()) {
      ++out.skipped;
      continue;
    }
    std::string type = property(rel.properties, p + "type");
    bool flipped = false;
    if (type.empty())
      std::tie(type, flipped) = relation_for(rel.type, from->second.second, to->second.second);
    else
      flipped = property(rel.properties, p + "flipped") == "true";
    if (type.empty()) {
      ++out.skipped;
      continue;
    }
    ++out.rows;
    const auto& source = flipped ? to->second.first : from->second.first;
    const auto& target = flipped ? from->second.first : to->second.first;
    out.relations.push_back({{"relationship " + rel.id, index},
                             {{"source_code", {"source", source}},
                              {"type", {p + "type", type}},
                              {"target_code", {"target", target}},
                              {"description", {"documentation", text::trim(rel.documentation)}}}});
  }
}

const std::vector<Row>* sheet_named(const std::vector<interchange::Sheet>& sheets,
                                    std::initializer_list<const char*> names) {
  for (const auto& s : sheets)
    for (const char* n : names)
      if (text::to_lower_ascii(text::trim(s.name)) == n) return &s.rows;
  return nullptr;
}

}  // namespace

std::string FileRow::text(const std::string& key) const {
  auto it = cells.find(key);
  return it == cells.end() ? "" : it->second.text;
}

ParsedFile parse_import(std::string_view body, std::string_view media_type, std::string_view csv_kind) {
  ParsedFile out;
  try {
    if (media_type == "text/csv") {
      auto rows = interchange::read_csv(body, interchange::Limits::for_register_import());
      if (csv_kind == "relations" || (csv_kind.empty() && relation_header(rows)))
        read_rows("CSV", rows, relation_columns(), out.relations, out);
      else
        read_rows("CSV", rows, element_columns(), out.elements, out);
    } else if (media_type == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") {
      auto sheets = interchange::read_xlsx(body, interchange::Limits::for_register_import());
      const auto* elements = sheet_named(sheets, {"elemen", "elements"});
      const auto* relations = sheet_named(sheets, {"relasi", "relations"});
      if (!elements && !relations) {
        if (sheets.empty()) throw Error(ErrorCode::ImportInvalidFile, {{"problem", "the workbook has no sheet"}});
        elements = &sheets.front().rows;  // a single-sheet inventory is read as elements
      }
      if (elements) read_rows(kElementSheet, *elements, element_columns(), out.elements, out);
      if (relations) read_rows(kRelationSheet, *relations, relation_columns(), out.relations, out);
    } else if (media_type == "application/xml" || media_type == "text/xml") {
      read_oef(body, out);
    } else {
      throw Error(ErrorCode::RequestUnsupportedMediaType,
                  {{"allowed",
                    boost::json::array{"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                       "application/xml"}}});
    }
  } catch (const interchange::FileError& e) {
    auto code =
        e.kind() == interchange::FileErrorKind::TooLarge ? ErrorCode::ImportFileTooLarge : ErrorCode::ImportInvalidFile;
    throw Error(
        code,
        {{"kind", std::string(interchange::to_string(e.kind()))}, {"problem", e.message()}, {"where", e.where()}});
  }
  return out;
}

}  // namespace simpul::architecture
