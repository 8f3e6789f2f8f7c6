// Import (validation and apply in one transaction) and export of the architecture model.
#include "architecture/transfer.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <boost/json/serialize.hpp>

#include "architecture/domains.hpp"
#include "architecture/repository.hpp"
#include "architecture/transfer_columns.hpp"
#include "architecture/validation.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "interchange/oef.hpp"
#include "interchange/xlsx.hpp"
#include "storage/unit_of_work.hpp"
#include "tenancy/service.hpp"

namespace simpul::architecture {
namespace {

ImportProblem problem_from(const RowOrigin& at, const Error& e) {
  std::string column;
  if (const auto* f = e.details().if_contains("field"); f && f->is_string()) column = f->as_string();
  std::string message(error_message(e.code(), Language::Indonesian));
  // Details read as plain words for the person fixing the spreadsheet, not as JSON.
  for (const auto& [key, value] : e.details()) {
    if (key == "field") continue;
    std::string text;
    if (value.is_array()) {
      for (const auto& v : value.as_array())
        text += (text.empty() ? "" : ", ") + (v.is_string() ? std::string(v.as_string()) : boost::json::serialize(v));
      message += key == "allowed" ? " Pilihan: " + text + "." : " " + std::string(key) + ": " + text + ".";
    } else {
      text = value.is_string() ? std::string(value.as_string()) : boost::json::serialize(value);
      message += " " + (key == "reason" ? text : std::string(key) + ": " + text) + ".";
    }
  }
  if (e.rule()) message += " (" + e.rule()->citation + ")";
  return {at.sheet, at.row, column, message};
}

std::vector<std::string> attribute_keys() {
  std::vector<std::string> keys;
  for (const auto& a : attributes())
    if (std::find(keys.begin(), keys.end(), a.key) == keys.end()) keys.emplace_back(a.key);
  return keys;
}

/// Everything an import validates against, loaded once and kept current as rows are accepted.
class ImportState : public Lookup {
 public:
  ImportState(storage::Connection& c, const Scope& s, const tenancy::Service& tenancy) {
    Repository repo(c);
    for (auto& e : repo.all_elements(s)) put(std::move(e));
    for (const auto& r : repo.all_relations(s)) relations_.insert(r.source_id + '|' + r.type + '|' + r.target_id);
    for (const auto& a : tenancy.agencies(c, s)) agency_by_code_[a.code] = a.id;
    for (const auto& [code, id] : agency_by_code_) agency_ids_.insert(id);
  }
  std::optional<Element> element(const std::string& id) override {
    auto it = by_id_.find(id);
    return it == by_id_.end() ? std::nullopt : std::optional(it->second);
  }
  std::optional<Element> element_by_code(const std::string& code) override {
    auto it = id_of_code_.find(code);
    return it == id_of_code_.end() ? std::nullopt : element(it->second);
  }
  bool agency_exists(const std::string& id) override { return agency_ids_.count(id) > 0; }
  bool relation_exists(const std::string& source, const std::string& type, const std::string& target) override {
    return relations_.count(source + '|' + type + '|' + target) > 0;
  }
  std::optional<std::string> agency_id(const std::string& code) const {
    auto it = agency_by_code_.find(code);
    return it == agency_by_code_.end() ? std::nullopt : std::optional(it->second);
  }
  void put(Element e) {
    id_of_code_[e.code] = e.id;
    by_id_[e.id] = std::move(e);
  }
  void put(const Relation& r) { relations_.insert(r.source_id + '|' + r.type + '|' + r.target_id); }

 private:
  std::unordered_map<std::string, Element> by_id_;
  std::unordered_map<std::string, std::string> id_of_code_, agency_by_code_;
  std::unordered_set<std::string> agency_ids_, relations_;
};

}  // namespace

ImportResult Transfer::run_import(const Scope& s, ParsedFile file, bool dry_run, const Actor& actor,
                                  const std::string& file_digest) const {
  ImportResult res;
  res.dry_run = dry_run;
  res.rows = static_cast<int>(file.model.elements.size() + file.model.relations.size());
  res.skipped = file.skipped;
  res.problems = std::move(file.problems);
  if (!res.problems.empty()) return res;
  const auto& profile = elements_.profile_of(s);
  auto conn = db_.acquire();
  storage::Transaction tx(*conn, storage::Transaction::Write);
  auto& c = *conn;
  ImportState state(c, s, tenancy_);
  Validator validator(state, profile, elements_.reference());
  std::vector<Element> inserts, updates;
  std::vector<Relation> relations;

  // Level-3 rows first, so level-4 rows find their parents wherever they sit in the file.
  std::vector<std::size_t> order(file.model.elements.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return file.model.elements[a].level < file.model.elements[b].level;
  });
  std::string now = clock::now_iso();
  for (auto i : order) {
    const auto& pe = file.model.elements[i];
    try {
      auto owner = state.agency_id(text::to_upper_ascii(pe.owner_agency_code));
      if (!owner) throw Error(ErrorCode::ValidationInvalidValue, "owner_agency_code", "no agency with this code");
      auto existing = state.element_by_code(text::to_upper_ascii(pe.code));
      Element e = existing ? *existing : Element{};
      if (!existing) {
        e.id = crypto::new_id();
        e.created_at = now;
      } else if (existing->domain != pe.domain) {
        throw Error(ErrorCode::ValidationInvalidValue, "domain", "an existing element cannot change domain");
      }
      e.code = pe.code;
      e.name = pe.name;
      e.domain = pe.domain;
      e.level = pe.level;
      e.owner_agency_id = *owner;
      e.state = pe.state;
      e.description = pe.description;
      e.parent_id.reset();
      if (!pe.parent_code.empty()) {
        auto parent = state.element_by_code(text::to_upper_ascii(pe.parent_code));
        if (!parent) throw Error(ErrorCode::ValidationInvalidValue, "parent_code", "no element with this code");
        e.parent_id = parent->id;
      }
      e.reference_code = pe.reference_code.empty() ? std::nullopt : std::optional(pe.reference_code);
      // A spreadsheet carries the editable attributes; what the lifecycle maintains is kept. An
      // exported file carries it too: it may come back unchanged, never changed (as a form).
      boost::json::object attrs;
      for (const auto& [k, v] : e.attributes)
        if (const auto* def = find_attribute(e.domain, k); def && def->read_only) attrs[k] = v;
      for (const auto& [k, v] : pe.attributes) {
        const auto* def = find_attribute(e.domain, k);
        const auto* kept = attrs.if_contains(k);
        if (def && def->read_only && !(kept && *kept == v))
          throw Error(ErrorCode::ValidationInvalidValue, "attributes." + std::string(k),
                      "maintained by the application lifecycle");
        attrs[k] = v;
      }
      e.attributes = std::move(attrs);
      e.updated_at = now;
      validator.element(e, true);
      (existing ? updates : inserts).push_back(e);
      state.put(std::move(e));
    } catch (const Error& err) {
      res.problems.push_back(problem_from(file.element_rows[i], err));
    }
  }
  for (std::size_t i = 0; i < file.model.relations.size(); ++i) {
    const auto& pr = file.model.relations[i];
    try {
      auto source = state.element_by_code(text::to_upper_ascii(pr.source_code));
      if (!source) throw Error(ErrorCode::ValidationInvalidValue, "source_code", "no element with this code");
      auto target = state.element_by_code(text::to_upper_ascii(pr.target_code));
      if (!target) throw Error(ErrorCode::ValidationInvalidValue, "target_code", "no element with this code");
      // Importing the same file twice is harmless: a relation that exists is left as it is.
      if (state.relation_exists(source->id, pr.type, target->id)) continue;
      Relation r{crypto::new_id(), source->id, pr.type, target->id, pr.description, now};
      validator.relation(r, *source, *target);
      state.put(r);
      relations.push_back(std::move(r));
    } catch (const Error& err) {
      res.problems.push_back(problem_from(file.relation_rows[i], err));
    }
  }
  res.elements_created = static_cast<int>(inserts.size());
  res.elements_updated = static_cast<int>(updates.size());
  res.relations_created = static_cast<int>(relations.size());
  std::sort(res.problems.begin(), res.problems.end(), [](const ImportProblem& a, const ImportProblem& b) {
    return std::tie(a.sheet, a.row) < std::tie(b.sheet, b.row);
  });
  if (dry_run || !res.problems.empty()) return res;  // nothing was written; the transaction rolls back

  Repository repo(c);
  repo.insert_elements(s, inserts);  // in level order: parents before children
  for (const auto& e : updates) repo.update_element(s, e);
  repo.insert_relations(s, relations);
  boost::json::array created_json, updated_json;
  for (const auto& e : inserts) created_json.emplace_back(e.code);
  for (const auto& e : updates) updated_json.emplace_back(e.code);
  ledger_.append(c, ledger::change_in(s, actor, "architecture.import", "import", file_digest,
                                      boost::json::object{{"sha256", file_digest},
                                                          {"created", created_json},
                                                          {"updated", updated_json},
                                                          {"relations_created", res.relations_created}}));
  tx.commit();
  // After a bulk load PostgreSQL plans the graph walks from stale statistics (a fresh table looks
  // empty, so it scans); refreshing them at once keeps the trace on its indexes (docs/benchmarks.md).
  if (res.rows >= 1000) repo.refresh_statistics();
  return res;
}

boost::json::object to_json(const ImportResult& r) {
  boost::json::array problems;
  for (const auto& p : r.problems)
    problems.push_back(
        boost::json::object{{"sheet", p.sheet}, {"row", p.row}, {"column", p.column}, {"message", p.message}});
  return {{"dry_run", r.dry_run},
          {"ok", r.problems.empty()},
          {"rows", r.rows},
          {"skipped", r.skipped},
          {"elements_created", r.elements_created},
          {"elements_updated", r.elements_updated},
          {"relations_created", r.relations_created},
          {"problems", problems}};
}

PortableModel Transfer::current_model(const Scope& s) const {
  return storage::read(db_, [&](storage::Connection& c) {
    Repository repo(c);
    return to_portable(repo.all_elements(s), repo.all_relations(s));
  });
}

std::string export_xlsx(const PortableModel& m) {
  auto keys = attribute_keys();
  interchange::Sheet elements{kElementSheet, {}}, relations{kRelationSheet, {kRelationColumns}};
  interchange::Row header = kElementColumns;
  for (const auto& k : keys) header.push_back(kAttributePrefix + k);
  elements.rows.push_back(header);
  for (const auto& e : m.elements) {
    interchange::Row row = {
        e.code,  e.name,       e.domain, std::to_string(e.level), e.parent_code, e.reference_code, e.owner_agency_code,
        e.state, e.description};
    for (const auto& k : keys) {
      const auto* v = e.attributes.if_contains(k);
      row.push_back(v && v->is_string() ? std::string(v->get_string()) : "");
    }
    elements.rows.push_back(std::move(row));
  }
  for (const auto& r : m.relations) relations.rows.push_back({r.source_code, r.type, r.target_code, r.description});
  return interchange::write_xlsx({elements, relations});
}

std::string export_oef(const PortableModel& m, const std::string& model_name) {
  interchange::OefModel oef;
  oef.name = model_name;
  auto prop = [](const std::string& key, const std::string& value) {
    return interchange::OefProperty{std::string(kPropertyPrefix) + key, value};
  };
  for (const auto& e : m.elements) {
    interchange::OefElement el{e.code, std::string(find_domain(e.domain)->archimate), e.name, e.description, {}};
    el.properties = {prop("code", e.code), prop("domain", e.domain), prop("level", std::to_string(e.level)),
                     prop("owner_agency_code", e.owner_agency_code), prop("state", e.state)};
    if (!e.parent_code.empty()) el.properties.push_back(prop("parent_code", e.parent_code));
    if (!e.reference_code.empty()) el.properties.push_back(prop("reference_code", e.reference_code));
    for (const auto& [k, v] : e.attributes)
      if (v.is_string()) el.properties.push_back({kAttributePrefix + std::string(k), std::string(v.get_string())});
    oef.elements.push_back(std::move(el));
  }
  int n = 0;
  for (const auto& r : m.relations) {
    bool flipped = find_relation_type(r.type)->archimate_reversed;
    interchange::OefRelationship rel{"rel-" + std::to_string(++n),
                                     std::string(find_relation_type(r.type)->archimate),
                                     flipped ? r.target_code : r.source_code,
                                     flipped ? r.source_code : r.target_code,
                                     std::string(find_relation_type(r.type)->name_id),
                                     r.description,
                                     {}};
    rel.properties = {prop("type", r.type), prop("flipped", flipped ? "true" : "false")};
    oef.relationships.push_back(std::move(rel));
  }
  return interchange::write_oef(oef);
}

}  // namespace simpul::architecture
