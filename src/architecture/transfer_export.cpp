// The spreadsheets of the architecture: the model (or an empty template) with Indonesian headers and
// labels, the allowed values of every column from the tenant's profile and agencies, and what to write
// in each column. What they write, the import reads back unchanged.
#include <set>

#include "architecture/domains.hpp"
#include "architecture/repository.hpp"
#include "architecture/transfer.hpp"
#include "architecture/transfer_columns.hpp"
#include "architecture/transfer_vocabulary.hpp"
#include "core/text.hpp"
#include "interchange/csv.hpp"
#include "interchange/xlsx.hpp"
#include "storage/unit_of_work.hpp"
#include "tenancy/service.hpp"

namespace simpul::architecture {
namespace {

constexpr const char* kValuesSheet = "Pilihan";
constexpr const char* kHelpSheet = "Petunjuk";

/// A template leaves out what an import never sets (the lifecycle stage); an export carries it.
std::vector<const ColumnDef*> exported_element_columns(bool with_model) {
  std::vector<const ColumnDef*> out;
  for (const auto& c : element_columns()) {
    if (!with_model && c.key.rfind(kAttributePrefix, 0) == 0) {
      const auto* def = find_attribute("aplikasi", c.key.substr(std::string(kAttributePrefix).size()));
      if (def && def->read_only) continue;
    }
    out.push_back(&c);
  }
  return out;
}

std::string cell_of(const PortableElement& e, const std::string& key, const Vocabulary& v) {
  if (key == "code") return e.code;
  if (key == "name") return e.name;
  if (key == "domain") return v.label("domain", e.domain);
  if (key == "level") return std::to_string(e.level);
  if (key == "parent_code") return e.parent_code;
  if (key == "reference_code") return e.reference_code;
  if (key == "owner_agency") return e.owner_agency_code;  // a code names its agency unambiguously
  if (key == "state") return v.label("state", e.state);
  if (key == "description") return e.description;
  const auto* value = e.attributes.if_contains(key.substr(std::string(kAttributePrefix).size()));
  return value && value->is_string() ? v.label(key, std::string(value->get_string())) : "";
}

std::string also_accepted(const Choice& c) {
  std::vector<std::string> words;
  std::set<std::string> seen = {match_key(c.label_id)};
  for (const auto* w : {&c.id, &c.label_en})
    if (seen.insert(match_key(*w)).second) words.push_back(*w);
  for (const auto& a : c.aliases)
    if (seen.insert(match_key(a)).second) words.push_back(a);
  return text::join(words, '/');
}

interchange::Sheet values_sheet(const Vocabulary& v) {
  interchange::Sheet sheet{kValuesSheet, {{"Kolom", "Tulis", "Juga diterima", "Keterangan"}}};
  auto add = [&](const std::string& column, const std::string& field) {
    for (const auto& c : v.choices(field)) sheet.rows.push_back({column, c.label_id, also_accepted(c), c.note});
  };
  for (const auto& c : element_columns()) {
    std::string field = c.key == "code" || c.key == "name" ? "" : c.key;
    if (!field.empty()) add(c.name_id, field);
  }
  for (const auto& c : relation_columns())
    if (c.key == "type") add(c.name_id, "type");
  return sheet;
}

interchange::Sheet help_sheet() {
  interchange::Sheet sheet{kHelpSheet, {{"Lembar", "Kolom", "Wajib", "Isi", "Column", "What to write"}}};
  for (const auto& c : element_columns())
    sheet.rows.push_back({kElementSheet, c.name_id, c.required ? "ya" : "tidak", c.help_id, c.name_en, c.help_en});
  for (const auto& c : relation_columns())
    sheet.rows.push_back({kRelationSheet, c.name_id, c.required ? "ya" : "tidak", c.help_id, c.name_en, c.help_en});
  sheet.rows.push_back({"", "", "", "", "", ""});
  const std::string note_id =
      "Judul kolom dan nilai boleh ditulis dalam bahasa Indonesia atau Inggris, huruf besar atau kecil; "
      "nilai yang dapat dipilih ada di lembar Pilihan. Periksa berkas dahulu: Simpul melaporkan setiap "
      "masalah setiap baris sekaligus dan tidak mengubah apa pun sampai berkas bersih.";
  const std::string note_en =
      "Headers and values may be written in Indonesian or English, in any case; the allowed values "
      "are in sheet Pilihan. Check the file first: Simpul reports every problem of every row at "
      "once and changes nothing until the file is clean.";
  sheet.rows.push_back({"", "Catatan", "", note_id, "Note", note_en});
  return sheet;
}

}  // namespace

PortableModel Transfer::current_model(const Scope& s) const {
  return storage::read(db_, [&](storage::Connection& c) {
    Repository repo(c);
    return to_portable(repo.all_elements(s), repo.all_relations(s));
  });
}

Workbook Transfer::workbook(const Scope& s, bool with_model) const {
  return storage::read(db_, [&](storage::Connection& c) {
    auto agencies = tenancy_.agencies(c, s);
    Vocabulary vocabulary(elements_.profile_of(s), elements_.reference(), agencies);
    PortableModel model;
    if (with_model) {
      Repository repo(c);
      model = to_portable(repo.all_elements(s), repo.all_relations(s));
    }
    Workbook book;
    auto columns = exported_element_columns(with_model);
    book.elements.name = kElementSheet;
    interchange::Row header;
    for (const auto* col : columns) header.push_back(col->name_id);
    book.elements.rows.push_back(std::move(header));
    for (const auto& e : model.elements) {
      interchange::Row row;
      for (const auto* col : columns) row.push_back(cell_of(e, col->key, vocabulary));
      book.elements.rows.push_back(std::move(row));
    }
    book.relations.name = kRelationSheet;
    header.clear();
    for (const auto& col : relation_columns()) header.push_back(col.name_id);
    book.relations.rows.push_back(std::move(header));
    for (const auto& r : model.relations)
      book.relations.rows.push_back({r.source_code, vocabulary.label("type", r.type), r.target_code, r.description});
    book.values = values_sheet(vocabulary);
    book.help = help_sheet();
    return book;
  });
}

std::string export_xlsx(const Workbook& book) {
  return interchange::write_xlsx({book.elements, book.relations, book.values, book.help});
}

std::string export_csv(const interchange::Sheet& sheet, char separator) {
  return interchange::write_csv(sheet.rows, separator);
}

}  // namespace simpul::architecture
