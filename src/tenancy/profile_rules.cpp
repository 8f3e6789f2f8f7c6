#include "tenancy/profile_rules.hpp"

#include <set>

namespace simpul::tenancy {
namespace {

const std::set<std::string> kRuleKinds = {
    "obligation", "prohibition", "precondition", "frequency/deadline",         "workflow step",
    "role",       "enumeration", "sanction",     "definition-with-parameters", "permission"};

// Profiles whose Indonesian summaries (`what_id`, `who_id`, `object_id`) are still being written;
// every other profile must have them. Emptied once every shipped profile has its texts.
const std::set<std::string> kSummariesPending = {};

/// A rule stating `what`, `who` or `object` in English states it in Indonesian too, on `<field>_id`
/// ("n/a" needs no translation).
void check_indonesian_text(const Reader& r, const YAML::Node& n, const std::string& path, const std::string& id) {
  for (const std::string field : {"what", "who", "object"}) {
    YAML::Node en = n[field];
    if (!en.IsDefined() || en.IsNull() || (en.IsScalar() && en.Scalar() == "n/a")) continue;
    YAML::Node in_id = n[field + "_id"];
    if (!in_id.IsDefined() || in_id.IsNull() || !in_id.IsScalar() || in_id.Scalar().empty())
      r.fail(en, path + field + "_id",
             "rule " + id + " states '" + field + "' in English but has no Indonesian '" + field + "_id'");
  }
}

RuleInstance read_rule(const Reader& r, const Profile& p, const YAML::Node& n, const std::string& path) {
  RuleInstance ri;
  ri.id = r.str(n, "id", path);
  if (ri.id.rfind(p.rule_prefix + "-", 0) != 0)
    r.fail(n["id"], path + "id", "must start with '" + p.rule_prefix + "-'");
  if (p.rule(ri.id)) r.fail(n["id"], path + "id", "duplicate rule id " + ri.id);
  ri.citation = r.str(n, "citation", path);
  ri.article = r.integer(r.need(n, "article", path), path + "article");
  ri.chapter = r.str(n, "chapter", path);
  ri.kind = r.str(n, "kind", path);
  if (!kRuleKinds.count(ri.kind)) r.fail(n["kind"], path + "kind", "unknown rule kind '" + ri.kind + "'");
  ri.checkable = r.str(n, "checkable", path);
  if (ri.checkable != "yes" && ri.checkable != "partly" && ri.checkable != "no")
    r.fail(n["checkable"], path + "checkable", "must be yes, partly or no");
  if (auto params = n["parameters"]; params.IsDefined() && !params.IsNull() && !params.IsMap())
    r.fail(params, path + "parameters", "must be a mapping");
  if (!kSummariesPending.count(p.id)) check_indonesian_text(r, n, path, ri.id);
  return ri;
}

Chapter read_chapter(const Reader& r, const YAML::Node& n, const std::string& path) {
  Chapter c{r.str(n, "id", path), r.str(n, "title", path),
            r.integer(r.need(n, "first_article", path), path + "first_article"),
            r.integer(r.need(n, "last_article", path), path + "last_article")};
  if (c.last_article < c.first_article) r.fail(n, path + "last_article", "is before first_article");
  return c;
}

}  // namespace

void read_rules_and_chapters(const Reader& r, Profile& p, const YAML::Node& root) {
  auto rules = r.seq(root, "rules", "");
  for (std::size_t i = 0; i < rules.size(); ++i)
    p.rules.push_back(read_rule(r, p, rules[i], "rules[" + std::to_string(i) + "]."));

  auto chapters = r.seq(root, "chapters", "");
  for (std::size_t i = 0; i < chapters.size(); ++i)
    p.chapters.push_back(read_chapter(r, chapters[i], "chapters[" + std::to_string(i) + "]."));

  for (std::size_t i = 0; i < p.rules.size(); ++i) {
    bool found = false;
    for (const auto& c : p.chapters) found = found || c.id == p.rules[i].chapter;
    if (!found)
      r.fail(rules[i]["chapter"], "rules[" + std::to_string(i) + "].chapter",
             "no chapter '" + p.rules[i].chapter + "'");
  }
}

}  // namespace simpul::tenancy
