#pragma once
// The words of the architecture spreadsheets: column headers and cell values in Indonesian (what the
// template and the exports write) and in English, next to the ids the model stores. Matching ignores
// case, surrounding spaces and the difference between space, '-', '_' and '.', so "Kode Induk",
// "parent_code" and "PARENT CODE" name one column, and "Saat ini", "as-is" and "AS_IS" one state.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "architecture/reference.hpp"
#include "tenancy/model.hpp"
#include "tenancy/profile.hpp"

namespace simpul::architecture {

/// A spreadsheet column. `key` is the model field: code, name, domain, level, parent_code,
/// reference_code, owner_agency, state, description, attr.<attribute>; source_code, type,
/// target_code for relations.
struct ColumnDef {
  std::string key;
  std::string name_id, name_en;      // the header the template writes, and its English form
  std::vector<std::string> aliases;  // earlier or shorter headers, also accepted
  bool required = false;
  std::string help_id, help_en;  // what to write in it
};

const std::vector<ColumnDef>& element_columns();
const std::vector<ColumnDef>& relation_columns();
/// The column a header names, or nullptr.
const ColumnDef* find_column(const std::vector<ColumnDef>& columns, std::string_view header);
/// "  Kode_Induk " -> "kode induk": the form headers and values are compared in.
std::string match_key(std::string_view text);

/// One value a cell may hold.
struct Choice {
  std::string id;        // what the model stores
  std::string label_id;  // what the template and the exports write
  std::string label_en;
  std::vector<std::string> aliases;
  std::string note;  // where it applies, e.g. the domains a relation joins
};

/// The values each field accepts in one tenant: the product's lists, the profile's enumerations, the
/// tenant's agencies (by code, short name or full name) and the national reference codes.
class Vocabulary {
 public:
  Vocabulary(const tenancy::Profile& profile, const ReferenceArchitecture& reference,
             const std::vector<tenancy::Agency>& agencies);

  /// Fields with a list of values: domain, level, state, owner_agency, reference_code, type and
  /// attr.<key> for attributes with fixed or profile values. Empty for free text.
  const std::vector<Choice>& choices(const std::string& field) const;
  /// The id a cell names; nullopt when it names none. `ambiguous` is set when it names several
  /// (two agencies with one short name).
  std::optional<std::string> resolve(const std::string& field, std::string_view text, bool* ambiguous = nullptr) const;
  /// The label an export writes for a stored id (the id itself when it has none).
  std::string label(const std::string& field, const std::string& id) const;
  /// "Layanan, Proses Bisnis, …" (labels in the language), for the hint of a problem.
  std::string listing(const std::string& field, bool english, std::size_t limit = 40) const;

 private:
  void add(const std::string& field, Choice c);
  std::map<std::string, std::vector<Choice>> choices_;
  std::map<std::string, std::map<std::string, std::string>> index_;  // field -> match key -> id ("" = ambiguous)
};

}  // namespace simpul::architecture
