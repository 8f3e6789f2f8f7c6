#include "architecture/import_problems.hpp"

#include <map>

#include <boost/json/serialize.hpp>

namespace simpul::architecture {

void RowProblems::add(const std::string& key, std::string message, std::string hint, std::string message_en,
                      std::string hint_en) {
  out_.push_back({row_.at.sheet, row_.at.row, column(key), std::move(message), std::move(hint), std::move(message_en),
                  std::move(hint_en)});
  ++count_;
}

std::string RowProblems::column(const std::string& key) const {
  if (auto it = row_.cells.find(key); it != row_.cells.end()) return it->second.column;
  for (const auto& c : columns_)
    if (c.key == key) return c.name_id;
  return key;
}

const ColumnDef* RowProblems::def(const std::string& key) const {
  for (const auto& c : columns_)
    if (c.key == key) return &c;
  return nullptr;
}

void RowProblems::missing(const std::string& key) {
  const auto* d = def(key);
  add(key, "Sel \"" + column(key) + "\" kosong.", d ? d->help_id : "", "Cell \"" + column(key) + "\" is empty.",
      d ? d->help_en : "");
}

void RowProblems::not_allowed(const std::string& key, const std::string& value, const Vocabulary& vocabulary,
                              const std::string& field, const std::string& cited) {
  add(key, "\"" + value + "\" bukan nilai yang dikenal untuk \"" + column(key) + "\"." + cited,
      "Tulis salah satu: " + vocabulary.listing(field, false) + ".",
      "\"" + value + "\" is not a known value of \"" + column(key) + "\"." + cited,
      "Write one of: " + vocabulary.listing(field, true) + ".");
}

void RowProblems::error(const Error& e) {
  std::string field;
  if (const auto* f = e.details().if_contains("field"); f && f->is_string()) field = f->as_string();
  static const std::map<std::string, std::string> kKeys = {{"parent_id", "parent_code"},
                                                           {"owner_agency_id", "owner_agency"},
                                                           {"source_id", "source_code"},
                                                           {"target_id", "target_code"}};
  std::string key = field.rfind("attributes.", 0) == 0 ? "attr." + field.substr(11) : field;
  if (auto it = kKeys.find(key); it != kKeys.end()) key = it->second;
  auto words = [&](Language lang) {
    std::string text(error_message(e.code(), lang));
    for (const auto& [k, v] : e.details()) {
      if (k == "field" || k == "allowed") continue;
      std::string value = v.is_string() ? std::string(v.as_string()) : boost::json::serialize(v);
      text += " " + (k == "reason" ? value : std::string(k) + ": " + value) + ".";
    }
    if (e.rule()) text += " (" + e.rule()->citation + ")";
    return text;
  };
  std::string hint_id, hint_en;
  if (const auto* allowed = e.details().if_contains("allowed"); allowed && allowed->is_array()) {
    std::string list;
    for (const auto& v : allowed->as_array())
      list += (list.empty() ? "" : ", ") + (v.is_string() ? std::string(v.as_string()) : boost::json::serialize(v));
    hint_id = "Tulis salah satu: " + list + ".";
    hint_en = "Write one of: " + list + ".";
  } else if (const auto* d = def(key)) {
    hint_id = d->help_id;
    hint_en = d->help_en;
  }
  add(key.empty() ? "code" : key, words(Language::Indonesian), hint_id, words(Language::English), hint_en);
}

}  // namespace simpul::architecture
