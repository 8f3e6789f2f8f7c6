// Files → PortableModel: spreadsheets by column name, ArchiMate by type and simpul: properties.
#include <algorithm>
#include <map>

#include "architecture/domains.hpp"
#include "architecture/transfer.hpp"
#include "architecture/transfer_columns.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "interchange/csv.hpp"
#include "interchange/file_error.hpp"
#include "interchange/oef.hpp"
#include "interchange/xlsx.hpp"

namespace simpul::architecture {
namespace {

using interchange::Row;

/// Column positions of a sheet's header row, by lower-cased trimmed name.
class Header {
 public:
  explicit Header(const Row& row) {
    for (std::size_t i = 0; i < row.size(); ++i) index_[text::to_lower_ascii(text::trim(row[i]))] = i;
  }
  bool has(const std::string& name) const { return index_.count(name) > 0; }
  std::string cell(const Row& row, const std::string& name) const {
    auto it = index_.find(name);
    return it == index_.end() || it->second >= row.size() ? "" : text::trim(row[it->second]);
  }
  std::vector<std::string> attribute_columns() const {
    std::vector<std::string> out;
    for (const auto& [name, i] : index_)
      if (name.rfind(kAttributePrefix, 0) == 0) out.push_back(name);
    return out;
  }

 private:
  std::map<std::string, std::size_t> index_;
};

bool blank(const Row& row) {
  return std::all_of(row.begin(), row.end(), [](const std::string& c) { return text::trim(c).empty(); });
}

void read_element_rows(const std::string& sheet, const std::vector<Row>& rows, ParsedFile& out) {
  if (rows.empty()) return;
  Header h(rows[0]);
  for (const char* required : {"code", "name", "domain", "owner_agency_code"})
    if (!h.has(required)) out.problems.push_back({sheet, 1, required, "kolom wajib tidak ada"});
  if (!out.problems.empty()) return;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    if (blank(rows[i])) continue;
    PortableElement e;
    e.code = h.cell(rows[i], "code");
    e.name = h.cell(rows[i], "name");
    e.domain = h.cell(rows[i], "domain");
    auto level = h.cell(rows[i], "level");
    e.level = level == "4" ? 4 : 3;
    if (!level.empty() && level != "3" && level != "4") {
      out.problems.push_back({sheet, static_cast<int>(i + 1), "level", "harus 3 atau 4"});
      continue;
    }
    e.parent_code = h.cell(rows[i], "parent_code");
    e.reference_code = h.cell(rows[i], "reference_code");
    e.owner_agency_code = h.cell(rows[i], "owner_agency_code");
    e.state = h.cell(rows[i], "state");
    if (e.state.empty()) e.state = "as_is";
    e.description = h.cell(rows[i], "description");
    for (const auto& col : h.attribute_columns())
      if (auto v = h.cell(rows[i], col); !v.empty()) e.attributes[col.substr(std::string(kAttributePrefix).size())] = v;
    out.model.elements.push_back(std::move(e));
    out.element_rows.push_back({sheet, static_cast<int>(i + 1)});
  }
}

void read_relation_rows(const std::string& sheet, const std::vector<Row>& rows, ParsedFile& out) {
  if (rows.empty()) return;
  Header h(rows[0]);
  for (const char* required : {"source_code", "type", "target_code"})
    if (!h.has(required)) out.problems.push_back({sheet, 1, required, "kolom wajib tidak ada"});
  if (!out.problems.empty()) return;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    if (blank(rows[i])) continue;
    out.model.relations.push_back({h.cell(rows[i], "source_code"), h.cell(rows[i], "type"),
                                   h.cell(rows[i], "target_code"), h.cell(rows[i], "description")});
    out.relation_rows.push_back({sheet, static_cast<int>(i + 1)});
  }
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
  int index = 0;
  for (const auto& el : model.elements) {
    ++index;
    std::string domain = property(el.properties, std::string(kPropertyPrefix) + "domain");
    if (domain.empty())
      if (const auto* d = domain_for_archimate(el.type)) domain = d->id;
    if (domain.empty()) {
      ++out.skipped;  // e.g. actors, goals, views' content that SPBE does not model
      continue;
    }
    PortableElement e;
    e.code = property(el.properties, std::string(kPropertyPrefix) + "code");
    if (e.code.empty()) e.code = el.id;
    e.name = el.name;
    e.domain = domain;
    e.level = property(el.properties, std::string(kPropertyPrefix) + "level") == "4" ? 4 : 3;
    e.parent_code = property(el.properties, std::string(kPropertyPrefix) + "parent_code");
    e.reference_code = property(el.properties, std::string(kPropertyPrefix) + "reference_code");
    e.owner_agency_code = property(el.properties, std::string(kPropertyPrefix) + "owner_agency_code");
    e.state = property(el.properties, std::string(kPropertyPrefix) + "state");
    if (e.state.empty()) e.state = "as_is";
    e.description = el.documentation;
    for (const auto& p : el.properties)
      if (p.key.rfind(kAttributePrefix, 0) == 0)
        e.attributes[p.key.substr(std::string(kAttributePrefix).size())] = p.value;
    by_id[el.id] = {e.code, e.domain};
    out.model.elements.push_back(std::move(e));
    out.element_rows.push_back({"element " + el.id, index});
  }
  index = 0;
  for (const auto& rel : model.relationships) {
    ++index;
    auto from = by_id.find(rel.source), to = by_id.find(rel.target);
    if (from == by_id.end() || to == by_id.end()) {
      ++out.skipped;
      continue;
    }
    std::string type = property(rel.properties, std::string(kPropertyPrefix) + "type");
    bool flipped = false;
    if (type.empty())
      std::tie(type, flipped) = relation_for(rel.type, from->second.second, to->second.second);
    else
      flipped = property(rel.properties, std::string(kPropertyPrefix) + "flipped") == "true";
    if (type.empty()) {
      ++out.skipped;
      continue;
    }
    const auto& source = flipped ? to->second.first : from->second.first;
    const auto& target = flipped ? from->second.first : to->second.first;
    out.model.relations.push_back({source, type, target, rel.documentation});
    out.relation_rows.push_back({"relationship " + rel.id, index});
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

ParsedFile parse_import(std::string_view body, std::string_view media_type, std::string_view csv_kind) {
  ParsedFile out;
  try {
    if (media_type == "text/csv") {
      auto rows = interchange::read_csv(body, interchange::Limits::for_register_import());
      if (csv_kind == "relations")
        read_relation_rows("CSV", rows, out);
      else
        read_element_rows("CSV", rows, out);
    } else if (media_type == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") {
      auto sheets = interchange::read_xlsx(body, interchange::Limits::for_register_import());
      const auto* elements = sheet_named(sheets, {"elemen", "elements"});
      const auto* relations = sheet_named(sheets, {"relasi", "relations"});
      if (!elements && !relations) {
        if (sheets.empty()) throw Error(ErrorCode::ImportInvalidFile, {{"problem", "the workbook has no sheet"}});
        elements = &sheets.front().rows;  // a single-sheet inventory is read as elements
      }
      if (elements) read_element_rows(kElementSheet, *elements, out);
      if (relations) read_relation_rows(kRelationSheet, *relations, out);
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
