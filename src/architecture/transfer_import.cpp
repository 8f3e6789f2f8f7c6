// The import of the architecture model: every cell of every row checked against the tenant's vocabulary
// and the Validator, then applied in one transaction with its ledger entry (unless a dry run or a problem).
#include "architecture/transfer.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include <boost/json/serialize.hpp>

#include "architecture/domains.hpp"
#include "architecture/import_problems.hpp"
#include "architecture/repository.hpp"
#include "architecture/transfer_columns.hpp"
#include "architecture/transfer_vocabulary.hpp"
#include "architecture/validation.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "storage/unit_of_work.hpp"
#include "tenancy/service.hpp"

namespace simpul::architecture {
namespace {

/// Everything an import validates against, loaded once and kept current as rows are accepted.
class ImportState : public Lookup {
 public:
  ImportState(storage::Connection& c, const Scope& s, const std::vector<tenancy::Agency>& agencies) {
    Repository repo(c);
    for (auto& e : repo.all_elements(s)) put(std::move(e));
    for (const auto& r : repo.all_relations(s)) relations_.insert(r.source_id + '|' + r.type + '|' + r.target_id);
    for (const auto& a : agencies) agency_ids_.insert(a.id);
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
  void put(Element e) {
    id_of_code_[e.code] = e.id;
    by_id_[e.id] = std::move(e);
  }
  void put(const Relation& r) { relations_.insert(r.source_id + '|' + r.type + '|' + r.target_id); }

 private:
  std::unordered_map<std::string, Element> by_id_;
  std::unordered_map<std::string, std::string> id_of_code_;
  std::unordered_set<std::string> agency_ids_, relations_;
};

/// " (Pasal 22 ayat (1))": the article behind the profile list an attribute takes its values from.
std::string cited_list(const tenancy::Profile& profile, const AttributeDef& def) {
  for (auto name : def.profile_enumerations)
    if (const auto* en = profile.enumeration(std::string(name)); en && !en->rule.empty())
      if (const auto* rule = profile.rule(en->rule)) return " (" + rule->citation + ")";
  return "";
}

bool same_element(const Element& a, const Element& b) {
  return a.code == b.code && a.name == b.name && a.domain == b.domain && a.level == b.level &&
         a.parent_id == b.parent_id && a.reference_code == b.reference_code && a.owner_agency_id == b.owner_agency_id &&
         a.state == b.state && a.description == b.description && a.attributes == b.attributes;
}

/// An element row whose cells all resolved, waiting for its parent to be known.
struct ResolvedElement {
  std::size_t index;  // into the file's element rows
  Element element;
  std::string parent_code;
  std::optional<Element> existing;
};

std::string domain_name(std::string_view id) {
  const auto* d = find_domain(id);
  return d ? std::string(d->name_id) : std::string(id);
}

/// The relation types that may join two domains, for a hint.
std::string types_between(const std::string& source, const std::string& target, const Vocabulary& v, bool english) {
  std::string out;
  for (const auto& c : v.choices("type"))
    if (relation_allowed(c.id, source, target)) out += (out.empty() ? "" : ", ") + (english ? c.label_en : c.label_id);
  return out;
}

}  // namespace

ImportResult Transfer::run_import(const Scope& s, ParsedFile file, bool dry_run, const Actor& actor,
                                  const std::string& file_digest) const {
  ImportResult res;
  res.dry_run = dry_run;
  res.rows = file.rows;
  res.skipped = file.skipped;
  res.problems = std::move(file.problems);
  const auto& profile = elements_.profile_of(s);
  auto conn = db_.acquire_writer();
  storage::Transaction tx(*conn, storage::Transaction::Write);
  auto& c = *conn;
  auto agencies = tenancy_.agencies(c, s);
  ImportState state(c, s, agencies);
  Vocabulary vocabulary(profile, elements_.reference(), agencies);
  Validator validator(state, profile, elements_.reference());
  std::vector<Element> inserts, updates;
  std::vector<Relation> relations;
  std::set<std::string> failed_codes;      // codes of rows with problems: their dependants wait for the fix
  std::map<std::string, int> row_of_code;  // code -> first row that named it
  std::vector<ResolvedElement> resolved;
  std::string now = clock::now_iso();

  // 1. Every cell of every element row, so one pass lists everything to fix.
  for (std::size_t i = 0; i < file.elements.size(); ++i) {
    const FileRow& row = file.elements[i];
    RowProblems problems(row, element_columns(), res.problems);
    Element e;
    std::string code = row.text("code");
    if (code.empty()) {
      problems.missing("code");
    } else {
      try {
        e.code = normalised_code(code);
      } catch (const Error&) {
        problems.add("code", "Kode \"" + code + "\" tidak sah.", element_columns()[0].help_id,
                     "Code \"" + code + "\" is not valid.", element_columns()[0].help_en);
      }
      if (!e.code.empty())
        if (auto [it, fresh] = row_of_code.emplace(e.code, row.at.row); !fresh)
          problems.add("code", "Kode " + e.code + " sudah dipakai di baris " + std::to_string(it->second) + ".",
                       "Beri kode lain, atau gabungkan kedua baris.",
                       "Code " + e.code + " is already used in row " + std::to_string(it->second) + ".",
                       "Use another code, or merge the two rows.");
    }
    e.name = row.text("name");
    if (e.name.empty()) problems.missing("name");
    std::string text = row.text("domain");
    if (text.empty())
      problems.missing("domain");
    else if (auto id = vocabulary.resolve("domain", text))
      e.domain = *id;
    else
      problems.not_allowed("domain", text, vocabulary, "domain");
    text = row.text("level");
    if (auto id = vocabulary.resolve("level", text); text.empty() || id)
      e.level = id && *id == "4" ? 4 : 3;
    else
      problems.not_allowed("level", text, vocabulary, "level");
    text = row.text("state");
    if (auto id = vocabulary.resolve("state", text); text.empty() || id)
      e.state = id ? *id : "as_is";
    else
      problems.not_allowed("state", text, vocabulary, "state");
    text = row.text("owner_agency");
    bool ambiguous = false;
    if (text.empty()) {
      problems.missing("owner_agency");
    } else if (auto id = vocabulary.resolve("owner_agency", text, &ambiguous)) {
      e.owner_agency_id = *id;
    } else if (ambiguous) {
      problems.add("owner_agency", "\"" + text + "\" adalah nama lebih dari satu Perangkat Daerah.",
                   "Tulis kode Perangkat Daerahnya (lembar Pilihan).", "\"" + text + "\" names more than one agency.",
                   "Write the agency's code (sheet Pilihan).");
    } else {
      problems.add(
          "owner_agency", "Tidak ada Perangkat Daerah \"" + text + "\".",
          "Tulis kode, singkatan atau nama lengkap salah satu: " + vocabulary.listing("owner_agency", false) + ".",
          "No agency \"" + text + "\".",
          "Write the code, short name or full name of one of: " + vocabulary.listing("owner_agency", true) + ".");
    }
    text = row.text("reference_code");
    if (!text.empty()) {
      auto id = vocabulary.resolve("reference_code", text);
      const ReferenceItem* ref = id ? elements_.reference().find(*id) : nullptr;
      if (ref && (e.domain.empty() || ref->domain == e.domain)) {
        e.reference_code = ref->code;
      } else {
        std::string of_domain;
        for (const auto& item : elements_.reference().items())
          if (item.domain == e.domain) of_domain += (of_domain.empty() ? "" : ", ") + item.code;
        std::string hint =
            of_domain.empty() ? "Kosongkan sel ini." : "Tulis salah satu: " + of_domain + "; atau kosongkan.";
        std::string hint_en =
            of_domain.empty() ? "Leave the cell empty." : "Write one of: " + of_domain + "; or leave it empty.";
        problems.add("reference_code",
                     ref ? "Kode referensi " + ref->code + " milik domain " + domain_name(ref->domain) + ", bukan " +
                               domain_name(e.domain) + "."
                         : "\"" + text + "\" bukan kode arsitektur referensi nasional.",
                     hint,
                     ref ? "Reference code " + ref->code + " belongs to another domain."
                         : "\"" + text + "\" is not a code of the national reference architecture.",
                     hint_en);
      }
    }
    std::string parent = text::to_upper_ascii(row.text("parent_code"));
    if (e.level == 3 && !parent.empty())
      problems.add(
          "parent_code", "Elemen level 3 tidak mempunyai induk.",
          "Kosongkan \"" + problems.column("parent_code") + "\", atau tulis 4 di \"" + problems.column("level") + "\".",
          "A level-3 element has no parent.", "Leave the parent code empty, or write level 4.");
    if (e.level == 4 && parent.empty())
      problems.add("parent_code", "Elemen level 4 memerlukan kode induk.",
                   "Tulis kode elemen level 3 dari domain yang sama.", "A level-4 element needs a parent code.",
                   "Write the code of a level-3 element of the same domain.");
    for (const auto& [key, cell] : row.cells) {
      if (key.rfind(kAttributePrefix, 0) != 0 || cell.text.empty()) continue;
      std::string attribute = key.substr(std::string(kAttributePrefix).size());
      const AttributeDef* def = e.domain.empty() ? nullptr : find_attribute(e.domain, attribute);
      if (e.domain.empty()) continue;  // the domain's own problem is reported; its attributes wait for it
      if (!def) {
        problems.add(key, "\"" + cell.column + "\" tidak berlaku untuk domain " + domain_name(e.domain) + ".",
                     "Kosongkan sel ini.", "\"" + cell.column + "\" does not apply to this domain.",
                     "Leave the cell empty.");
        continue;
      }
      if (vocabulary.choices(key).empty()) {
        e.attributes[attribute] = cell.text;
      } else if (auto id = vocabulary.resolve(key, cell.text)) {
        e.attributes[attribute] = *id;
      } else {
        problems.not_allowed(key, cell.text, vocabulary, key, cited_list(profile, *def));
      }
    }
    std::optional<Element> existing;
    if (!e.code.empty()) existing = state.element_by_code(e.code);
    if (existing && !e.domain.empty() && existing->domain != e.domain)
      problems.add("domain",
                   "Elemen " + e.code + " sudah ada di domain " + domain_name(existing->domain) +
                       "; domain elemen tidak dapat dipindah.",
                   "Tulis " + domain_name(existing->domain) + ", atau beri kode baru.",
                   "Element " + e.code + " exists in another domain; an element cannot change domain.",
                   "Write its domain, or use a new code.");
    if (problems.count() > 0) {
      if (!e.code.empty()) failed_codes.insert(e.code);
      continue;
    }
    resolved.push_back({i, std::move(e), parent, std::move(existing)});
  }

  // 2. Level-3 rows first, so level-4 rows find their parents wherever they sit in the file.
  std::stable_sort(resolved.begin(), resolved.end(), [](const ResolvedElement& a, const ResolvedElement& b) {
    return a.element.level < b.element.level;
  });
  for (auto& r : resolved) {
    const FileRow& row = file.elements[r.index];
    RowProblems problems(row, element_columns(), res.problems);
    Element e = r.existing ? *r.existing : Element{};
    if (!r.existing) {
      e.id = crypto::new_id();
      e.created_at = now;
    }
    const Element& in = r.element;
    e.code = in.code;
    // Cells are read trimmed: a stored name with stray spaces that reads the same is not a change.
    if (text::trim(e.name) != in.name) e.name = in.name;
    if (text::trim(e.description) != row.text("description")) e.description = row.text("description");
    e.domain = in.domain;
    e.level = in.level;
    e.owner_agency_id = in.owner_agency_id;
    e.state = in.state;
    e.parent_id.reset();
    if (!r.parent_code.empty()) {
      auto parent = state.element_by_code(r.parent_code);
      if (!parent) {
        if (!failed_codes.count(r.parent_code))
          problems.add("parent_code", "Tidak ada elemen dengan kode " + r.parent_code + ".",
                       "Tulis kode elemen level 3 dari domain yang sama (di berkas ini atau yang sudah ada).",
                       "No element with code " + r.parent_code + ".",
                       "Write the code of a level-3 element of the same domain (in this file or stored).");
        failed_codes.insert(e.code);
        continue;
      }
      e.parent_id = parent->id;
    }
    e.reference_code = in.reference_code;
    // A spreadsheet carries the editable attributes; what the lifecycle maintains is kept. An
    // exported file carries it too: it may come back unchanged, never changed (as a form).
    boost::json::object attrs;
    for (const auto& [k, v] : e.attributes)
      if (const auto* def = find_attribute(e.domain, k); def && def->read_only) attrs[k] = v;
    bool refused = false;
    for (const auto& [k, v] : in.attributes) {
      const auto* def = find_attribute(e.domain, k);
      const auto* kept = attrs.if_contains(k);
      if (def && def->read_only && !(kept && *kept == v)) {
        std::string key = std::string(kAttributePrefix) + std::string(k);
        problems.add(key, "\"" + problems.column(key) + "\" diisi oleh siklus hidup aplikasi, tidak oleh impor.",
                     kept && kept->is_string() ? "Tulis " + std::string(kept->as_string()) + " atau kosongkan sel ini."
                                               : "Kosongkan sel ini.",
                     "\"" + problems.column(key) + "\" is maintained by the application lifecycle, not by imports.",
                     kept && kept->is_string() ? "Write " + std::string(kept->as_string()) + " or leave it empty."
                                               : "Leave the cell empty.");
        refused = true;
        continue;
      }
      attrs[k] = v;
    }
    if (refused) {
      failed_codes.insert(e.code);
      continue;
    }
    e.attributes = std::move(attrs);
    try {
      validator.element(e, true);
    } catch (const Error& err) {
      problems.error(err);
      failed_codes.insert(e.code);
      continue;
    }
    if (r.existing && same_element(e, *r.existing)) {
      ++res.elements_unchanged;
      continue;
    }
    e.updated_at = now;
    (r.existing ? updates : inserts).push_back(e);
    state.put(std::move(e));
  }

  // 3. Relations, every cell of every row.
  for (const FileRow& row : file.relations) {
    RowProblems problems(row, relation_columns(), res.problems);
    std::optional<Element> ends[2];
    bool waiting = false;  // an end's own row has a problem: this row is checked once that is fixed
    const char* keys[2] = {"source_code", "target_code"};
    for (int k = 0; k < 2; ++k) {
      std::string code = text::to_upper_ascii(row.text(keys[k]));
      if (code.empty()) {
        problems.missing(keys[k]);
      } else if (!(ends[k] = state.element_by_code(code))) {
        if (failed_codes.count(code))
          waiting = true;
        else
          problems.add(keys[k], "Tidak ada elemen dengan kode " + code + ".",
                       "Tulis kode elemen yang ada di lembar Elemen berkas ini atau yang sudah tersimpan.",
                       "No element with code " + code + ".",
                       "Write the code of an element in this file's element sheet or one already stored.");
      }
    }
    std::string type;
    std::string text = row.text("type");
    if (text.empty())
      problems.missing("type");
    else if (auto id = vocabulary.resolve("type", text))
      type = *id;
    else
      problems.not_allowed("type", text, vocabulary, "type");
    if (problems.count() > 0 || waiting || type.empty() || !ends[0] || !ends[1]) continue;
    const Element& source = *ends[0];
    const Element& target = *ends[1];
    if (source.id == target.id) {
      problems.add("target_code", "Elemen tidak dapat berelasi dengan dirinya sendiri.", "Tulis kode elemen lain.",
                   "An element cannot relate to itself.", "Write another element's code.");
      continue;
    }
    if (!relation_allowed(type, source.domain, target.domain)) {
      std::string fits = types_between(source.domain, target.domain, vocabulary, false);
      std::string fits_en = types_between(source.domain, target.domain, vocabulary, true);
      problems.add("type",
                   "Relasi \"" + vocabulary.label("type", type) + "\" tidak dapat menghubungkan " +
                       domain_name(source.domain) + " ke " + domain_name(target.domain) + ".",
                   fits.empty() ? "Tidak ada jenis relasi dari " + domain_name(source.domain) + " ke " +
                                      domain_name(target.domain) + "; periksa kode sumber dan tujuan."
                                : "Tulis salah satu: " + fits + ".",
                   "This relation type cannot join these two domains.",
                   fits_en.empty() ? "No relation type joins these domains; check the codes."
                                   : "Write one of: " + fits_en + ".");
      continue;
    }
    // Importing the same file twice is harmless: a relation that exists is left as it is.
    if (state.relation_exists(source.id, type, target.id)) {
      ++res.relations_unchanged;
      continue;
    }
    Relation rel{crypto::new_id(), source.id, type, target.id, row.text("description"), now};
    try {
      validator.relation(rel, source, target);
    } catch (const Error& err) {
      problems.error(err);
      continue;
    }
    state.put(rel);
    relations.push_back(std::move(rel));
  }
  res.elements_created = static_cast<int>(inserts.size());
  res.elements_updated = static_cast<int>(updates.size());
  res.relations_created = static_cast<int>(relations.size());
  std::stable_sort(res.problems.begin(), res.problems.end(), [](const ImportProblem& a, const ImportProblem& b) {
    return std::tie(a.sheet, a.row) < std::tie(b.sheet, b.row);
  });
  if (dry_run || !res.problems.empty()) return res;  // nothing was written; the transaction rolls back
  if (inserts.empty() && updates.empty() && relations.empty()) return res;  // nothing changes: nothing to record

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
    problems.push_back(boost::json::object{{"sheet", p.sheet},
                                           {"row", p.row},
                                           {"column", p.column},
                                           {"message", p.message},
                                           {"hint", p.hint},
                                           {"message_en", p.message_en.empty() ? p.message : p.message_en},
                                           {"hint_en", p.hint_en.empty() ? p.hint : p.hint_en}});
  return {{"dry_run", r.dry_run},
          {"ok", r.problems.empty()},
          {"rows", r.rows},
          {"skipped", r.skipped},
          {"elements_created", r.elements_created},
          {"elements_updated", r.elements_updated},
          {"elements_unchanged", r.elements_unchanged},
          {"relations_created", r.relations_created},
          {"relations_unchanged", r.relations_unchanged},
          {"problems", problems}};
}

}  // namespace simpul::architecture
