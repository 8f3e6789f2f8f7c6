#include "tenancy/profile_applications.hpp"

#include <fstream>
#include <set>
#include <sstream>

#include <boost/json/parse.hpp>

namespace simpul::tenancy {
namespace {

const std::set<std::string> kSeverities = {"tinggi", "sedang", "rendah"};

std::optional<std::string> rule_ref(const Reader& r, const Profile& p, const YAML::Node& n, const std::string& key,
                                    const std::string& path) {
  auto id = r.opt_str(n, key, path);
  check_rule_ref(r, p, n, path + key, id);
  return id;
}

std::vector<std::string> strings(const Reader& r, const YAML::Node& n, const std::string& field) {
  std::vector<std::string> out;
  if (!n.IsDefined() || n.IsNull()) return out;
  if (!n.IsSequence()) r.fail(n, field, "must be a list");
  for (const auto& item : n) {
    if (!item.IsScalar() || item.Scalar().empty()) r.fail(item, field, "items must be non-empty text");
    out.push_back(item.Scalar());
  }
  return out;
}

std::vector<EnumItem> items(const Reader& r, const YAML::Node& parent, const std::string& key,
                            const std::string& path) {
  std::vector<EnumItem> out;
  auto list = r.seq(parent, key, path);
  std::set<std::string> seen;
  for (std::size_t i = 0; i < list.size(); ++i) {
    std::string ip = path + key + "[" + std::to_string(i) + "].";
    EnumItem item{r.str(list[i], "id", ip), r.str(list[i], "name", ip)};
    if (!seen.insert(item.id).second) r.fail(list[i]["id"], ip + "id", "duplicate id '" + item.id + "'");
    out.push_back(std::move(item));
  }
  return out;
}

bool has_role(const Profile& p, const std::string& id) {
  for (const auto& role : p.roles)
    if (role.id == id) return true;
  return false;
}

ApplicationsSpec read_applications(const Reader& r, const Profile& p, const YAML::Node& n) {
  const std::string path = "applications.";
  ApplicationsSpec a;
  a.categories = r.str(n, "categories", path);
  const Enumeration* categories = p.enumeration(a.categories);
  if (!categories)
    r.fail(n["categories"], path + "categories",
           "names enumeration '" + a.categories + "', which is not in this profile");
  a.khusus_categories = strings(r, n["khusus_categories"], path + "khusus_categories");
  a.umum_category = r.str(n, "umum_category", path);
  for (const auto& c : a.khusus_categories)
    if (!categories->contains(c))
      r.fail(n["khusus_categories"], path + "khusus_categories", "unknown category '" + c + "'");
  if (!categories->contains(a.umum_category)) r.fail(n["umum_category"], path + "umum_category", "unknown category");

  auto lifecycle = r.need(n, "lifecycle", path);
  a.lifecycle_rule = rule_ref(r, p, lifecycle, "rule", path + "lifecycle.");
  a.stages = items(r, lifecycle, "stages", path + "lifecycle.");
  if (a.stages.size() < 2) r.fail(lifecycle, path + "lifecycle.stages", "needs at least two stages");
  a.live_stages = strings(r, lifecycle["live_stages"], path + "lifecycle.live_stages");
  if (a.live_stages.empty()) r.fail(lifecycle, path + "lifecycle.live_stages", "is required");
  for (const auto& s : a.live_stages)
    if (a.stage_index(s) < 0)
      r.fail(lifecycle["live_stages"], path + "lifecycle.live_stages", "unknown stage '" + s + "'");

  a.recommender = r.str(n, "recommender", path);
  if (!has_role(p, a.recommender))
    r.fail(n["recommender"], path + "recommender",
           "names '" + a.recommender + "', which is not a role of this profile");
  a.recommendation_rule = rule_ref(r, p, n, "recommendation_rule", path);

  if (auto h = n["handover"]; h.IsDefined() && !h.IsNull()) {
    a.has_handover = true;
    a.handover_rule = rule_ref(r, p, h, "rule", path + "handover.");
    a.handover_documents = items(r, h, "documents", path + "handover.");
  }
  if (auto s = n["similar_to_umum"]; s.IsDefined() && !s.IsNull()) {
    a.has_similar = true;
    a.similar_rule = rule_ref(r, p, s, "rule", path + "similar_to_umum.");
    a.similar_conditions = items(r, s, "conditions", path + "similar_to_umum.");
  }
  return a;
}

std::vector<ComplianceRuleSpec> read_compliance(const Reader& r, const Profile& p, const YAML::Node& list) {
  if (!list.IsSequence()) r.fail(list, "compliance", "must be a list");
  std::vector<ComplianceRuleSpec> out;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const YAML::Node& n = list[i];
    std::string path = "compliance[" + std::to_string(i) + "].";
    ComplianceRuleSpec c;
    c.line = n.Mark().line + 1;
    c.rule = r.str(n, "rule", path);
    check_rule_ref(r, p, n, path + "rule", c.rule);
    c.kind = r.str(n, "kind", path);
    // Which subjects exist is known only once the modules have registered their facts: the
    // platform checks it at start (regulation::FactRegistry::check_subjects).
    c.subject = r.str(n, "subject", path);
    c.title = r.str(n, "title", path);
    c.title_en = r.str(n, "title_en", path);
    c.severity = r.str(n, "severity", path);
    if (!kSeverities.count(c.severity)) r.fail(n["severity"], path + "severity", "must be tinggi, sedang or rendah");
    c.responsible = r.str(n, "responsible", path);
    if (c.responsible != "owner" && !has_role(p, c.responsible))
      r.fail(n["responsible"], path + "responsible", "must be owner or a role id of this profile");
    c.gate = r.boolean(n, "gate", path, false);
    if (auto w = n["when"]; w.IsDefined() && !w.IsNull()) {
      if (!w.IsMap()) r.fail(w, path + "when", "must be a mapping of field to a list of values");
      for (const auto& kv : w)
        c.when.emplace_back(kv.first.Scalar(), strings(r, kv.second, path + "when." + kv.first.Scalar()));
    }
    auto params = r.need(n, "params", path);
    if (!params.IsMap()) r.fail(params, path + "params", "must be a mapping");
    c.params = yaml_to_json(params).as_object();
    out.push_back(std::move(c));
  }
  return out;
}

SanctionsSpec read_sanctions(const Reader& r, const Profile& p, const YAML::Node& n) {
  const std::string path = "sanctions.";
  SanctionsSpec s;
  s.rule = r.str(n, "rule", path);
  check_rule_ref(r, p, n, path + "rule", s.rule);
  s.trigger_rule = rule_ref(r, p, n, "trigger_rule", path);
  s.applies_to = strings(r, n["applies_to"], path + "applies_to");
  for (const auto& id : s.applies_to) check_rule_ref(r, p, n["applies_to"], path + "applies_to", id);
  s.imposer = r.str(n, "imposer", path);
  auto steps = r.seq(n, "steps", path);
  for (std::size_t i = 0; i < steps.size(); ++i) {
    std::string sp = path + "steps[" + std::to_string(i) + "].";
    SanctionStep step{r.str(steps[i], "id", sp), r.str(steps[i], "name", sp)};
    if (auto m = steps[i]["after_months"]; m.IsDefined() && !m.IsNull())
      step.after_months = r.integer(m, sp + "after_months");
    if (step.after_months < 0 || step.after_months > 120) r.fail(steps[i], sp + "after_months", "must be 0-120");
    step.letter = r.boolean(steps[i], "letter", sp, false);
    if (s.step(step.id)) r.fail(steps[i]["id"], sp + "id", "duplicate step id");
    s.steps.push_back(std::move(step));
  }
  if (s.steps.empty()) r.fail(n, path + "steps", "needs at least one step");
  return s;
}

const std::set<std::string> kEvaluationRoles = {"koordinator", "penanggung_jawab", "data_entry", "anggota"};

EvaluationSpec read_evaluation(const Reader& r, const Profile& p, const YAML::Node& n) {
  const std::string path = "evaluation.";
  EvaluationSpec e;
  e.rule = r.str(n, "rule", path);
  check_rule_ref(r, p, n, path + "rule", e.rule);
  e.team_rule = rule_ref(r, p, n, "team_rule", path);
  e.agency_rule = rule_ref(r, p, n, "agency_rule", path);
  e.report_to = r.str(n, "report_to", path);
  e.team = r.opt_str(n, "team", path);
  const TeamSpec* team = nullptr;
  if (e.team) {
    for (const auto& t : p.teams)
      if (t.id == *e.team) team = &t;
    if (!team) r.fail(n["team"], path + "team", "names team '" + *e.team + "', which is not in this profile");
  }
  if (auto m = n["positions"]; m.IsDefined() && !m.IsNull()) {
    if (!m.IsMap() || !team) r.fail(m, path + "positions", "must map positions of `team` to workflow roles");
    for (const auto& kv : m) {
      std::string position = kv.first.Scalar(), role = kv.second.Scalar();
      if (!team->position(position))
        r.fail(kv.first, path + "positions", "team '" + *e.team + "' has no position '" + position + "'");
      if (!kEvaluationRoles.count(role))
        r.fail(kv.second, path + "positions", "role must be koordinator, penanggung_jawab, data_entry or anggota");
      e.positions.emplace_back(position, role);
    }
  }
  return e;
}

}  // namespace

void read_application_sections(const Reader& r, Profile& p, const YAML::Node& root) {
  if (auto a = root["applications"]; a.IsDefined() && !a.IsNull()) p.applications = read_applications(r, p, a);
  if (auto c = root["compliance"]; c.IsDefined() && !c.IsNull()) p.compliance = read_compliance(r, p, c);
  if (auto e = root["evaluation"]; e.IsDefined() && !e.IsNull()) p.evaluation = read_evaluation(r, p, e);
  if (auto s = root["sanctions"]; s.IsDefined() && !s.IsNull()) {
    p.sanctions = read_sanctions(r, p, s);
    for (const auto& id : p.sanctions->applies_to) {
      bool enforced = false;
      for (const auto& c : p.compliance) enforced = enforced || c.rule == id;
      if (!enforced)
        r.fail(s["applies_to"], "sanctions.applies_to",
               "rule '" + id + "' has no compliance instance, so it can never be sanctioned");
    }
  }
}

void load_articles(Profile& p, const std::filesystem::path& profiles_dir) {
  auto file = profiles_dir / "articles" / (p.id + ".json");
  std::ifstream in(file);
  if (!in) return;
  std::stringstream text;
  text << in.rdbuf();
  boost::system::error_code ec;
  auto doc = boost::json::parse(text.str(), ec);
  if (ec || !doc.is_object() || !doc.as_object().contains("articles") || !doc.at("articles").is_object())
    throw ProfileError(file.string() + ":0: articles: must be a JSON object {\"articles\": {\"1\": \"…\"}}");
  for (const auto& [number, body] : doc.at("articles").as_object()) {
    bool numeric = !number.empty() && number.size() < 5 && number.find_first_not_of("0123456789") == std::string::npos;
    if (!numeric || !body.is_string())
      throw ProfileError(file.string() + ":0: articles." + std::string(number) +
                         ": must be an article number with text");
    p.articles[std::stoi(std::string(number))] = std::string(body.as_string());
  }
}

}  // namespace simpul::tenancy
