#include "evaluation/framework_json.hpp"

#include <boost/json/serialize.hpp>

namespace simpul::evaluation {
namespace {

namespace json = boost::json;

json::value text_or_null(const std::string& s) { return s.empty() ? json::value(nullptr) : json::value(s); }

json::object indicator_json(const Framework& f, const Indicator& in) {
  json::object level_criteria;
  for (std::size_t i = 0; i < in.level_criteria.size(); ++i)
    if (!in.level_criteria[i].empty()) level_criteria[std::to_string(i + 1)] = in.level_criteria[i];
  json::array topics;
  for (const auto& t : in.evidence_topics) topics.push_back(json::value(t));
  json::object o{{"id", in.id},
                 {"number", in.number},
                 {"name", in.name},
                 {"weight", in.weight},
                 {"scale", f.scales[in.scale].name},
                 {"criteria", text_or_null(in.criteria)},
                 {"level_criteria", level_criteria},
                 {"evidence_topics", topics}};
  if (!in.external_kind.empty()) o["external"] = json::object{{"kind", in.external_kind}};
  return o;
}

json::object aspect_json(const Framework& f, const Aspect& a) {
  json::array indicators;
  for (auto i : a.indicators) indicators.push_back(indicator_json(f, f.indicators[i]));
  return {{"id", a.id}, {"number", a.number}, {"name", a.name}, {"weight", a.weight}, {"indicators", indicators}};
}

/// The entry of `list` whose `key` equals `id`, or a FrameworkError naming the correction.
json::object& find(json::array& list, const char* key, const json::value& id, const std::string& what) {
  for (auto& item : list)
    if (item.as_object().at(key) == id) return item.as_object();
  throw FrameworkError("corrections: " + what + " " + json::serialize(id) + " is not in this framework");
}

/// Every indicator object of the framework JSON, whatever its nesting.
std::vector<json::object*> all_of(json::object& root, const char* level) {
  std::vector<json::object*> aspects, out;
  if (root.contains("domains")) {
    for (auto& d : root["domains"].as_array())
      for (auto& a : d.as_object()["aspects"].as_array()) aspects.push_back(&a.as_object());
  } else {
    for (auto& a : root["aspects"].as_array()) aspects.push_back(&a.as_object());
  }
  if (std::string(level) == "aspects") return aspects;
  for (auto* a : aspects)
    for (auto& i : (*a)["indicators"].as_array()) out.push_back(&i.as_object());
  return out;
}

void copy_fields(json::object& target, const json::object& source, std::initializer_list<const char*> fields,
                 const std::string& what) {
  for (const auto& [key, value] : source) {
    bool allowed = key == "id";
    for (const char* f : fields) allowed = allowed || key == f;
    if (!allowed)
      throw FrameworkError("corrections: " + what + ": field '" + std::string(key) + "' cannot be corrected");
    if (key != "id") target[key] = value;
  }
}

void apply_list(json::object& root, const json::object& corrections, const char* list_key,
                std::initializer_list<const char*> fields) {
  if (!corrections.contains(list_key)) return;
  const auto* list = corrections.at(list_key).if_array();
  if (!list) throw FrameworkError(std::string("corrections: ") + list_key + " must be a list");
  std::vector<json::object*> targets;
  if (std::string(list_key) == "domains") {
    for (auto& d : root["domains"].as_array()) targets.push_back(&d.as_object());
  } else {
    targets = all_of(root, list_key);
  }
  for (const auto& item : *list) {
    const auto* c = item.if_object();
    if (!c || !c->contains("id") || !c->at("id").is_string())
      throw FrameworkError(std::string("corrections: each of ") + list_key + " needs an id");
    json::object* target = nullptr;
    for (auto* t : targets)
      if (t->at("id") == c->at("id")) target = t;
    if (!target)
      throw FrameworkError(std::string("corrections: ") + list_key + " " + json::serialize(c->at("id")) +
                           " is not in this framework");
    copy_fields(*target, *c, fields, std::string(list_key) + " " + json::serialize(c->at("id")));
  }
}

}  // namespace

json::object to_json(const Framework& f) {
  json::array scales, predicates, process;
  for (const auto& s : f.scales) {
    json::array levels;
    for (const auto& l : s.levels)
      levels.push_back(json::object{{"level", l.level}, {"name", l.name}, {"criteria", text_or_null(l.criteria)}});
    scales.push_back(json::object{{"name", s.name}, {"confidence", s.confidence}, {"levels", levels}});
  }
  for (const auto& p : f.predicates)
    predicates.push_back(json::object{{"name", p.name}, {"min", p.min}, {"max", p.max}});
  for (const auto& p : f.process) process.push_back(json::value(p));
  json::object o{
      {"format", "simpul-evaluation-framework/1"},
      {"id", f.id},
      {"version", f.version},
      {"title", f.title},
      {"legal_basis", f.legal_basis},
      {"valid_from", f.valid_from},
      {"source_id", text_or_null(f.source_id)},
      {"replaces", text_or_null(f.replaces)},
      {"confidence", f.confidence},
      {"provisional", f.provisional},
      {"provenance", json::object{{"source_file", f.provenance_source},
                                  {"notes", f.provenance_notes},
                                  {"level_criteria_source", f.criteria_source},
                                  {"level_criteria_notes", f.criteria_notes}}},
      {"computation", json::object{{"level_rule", f.level_rule == LevelRule::Direct ? "direct" : "cumulative-evidence"},
                                   {"level_rule_text", text_or_null(f.level_rule_text)},
                                   {"formula_text", f.formula_text},
                                   {"index_scale", f.index_scale}}},
      {"process", process},
      {"scales", scales},
      {"predicates", predicates}};
  if (!f.domains.empty()) {
    json::array domains;
    for (const auto& d : f.domains) {
      json::array aspects;
      for (auto a : d.aspects) aspects.push_back(aspect_json(f, f.aspects[a]));
      domains.push_back(json::object{
          {"id", d.id}, {"number", d.number}, {"name", d.name}, {"weight", d.weight}, {"aspects", aspects}});
    }
    o["domains"] = domains;
  } else {
    json::array aspects;
    for (const auto& a : f.aspects) aspects.push_back(aspect_json(f, a));
    o["aspects"] = aspects;
  }
  return o;
}

json::object corrected(const Framework& base, const json::object& corrections, int new_version) {
  auto root = to_json(base);
  root["version"] = new_version;
  if (auto it = corrections.find("title"); it != corrections.end()) {
    if (!it->value().is_string() || it->value().as_string().empty())
      throw FrameworkError("corrections: title must be text");
    root["title"] = it->value();
  }
  apply_list(root, corrections, "domains", {"name", "weight"});
  apply_list(root, corrections, "aspects", {"name", "weight"});
  apply_list(root, corrections, "indicators", {"name", "weight", "criteria", "level_criteria"});
  if (corrections.contains("scales")) {
    const auto* list = corrections.at("scales").if_array();
    if (!list) throw FrameworkError("corrections: scales must be a list");
    for (const auto& item : *list) {
      const auto* c = item.if_object();
      if (!c || !c->contains("name") || !c->contains("levels") || !c->at("levels").is_array())
        throw FrameworkError("corrections: each scale needs a name and levels");
      auto& scale = find(root["scales"].as_array(), "name", c->at("name"), "scale");
      for (const auto& l : c->at("levels").as_array()) {
        const auto* lc = l.if_object();
        if (!lc || !lc->contains("level")) throw FrameworkError("corrections: each scale level needs its level");
        auto& level = find(scale["levels"].as_array(), "level", lc->at("level"), "level");
        for (const auto& [key, value] : *lc) {
          if (key == "name" || key == "criteria")
            level[key] = value;
          else if (key != "level")
            throw FrameworkError("corrections: scale level field '" + std::string(key) + "' cannot be corrected");
        }
      }
    }
  }
  for (const auto& [key, value] : corrections)
    if (key != "title" && key != "domains" && key != "aspects" && key != "indicators" && key != "scales" &&
        key != "note")
      throw FrameworkError("corrections: '" + std::string(key) + "' cannot be corrected");
  // The loader is the one judge of validity: weights must still add up, levels exist, etc.
  parse_framework(json::serialize(root), base.id + " v" + std::to_string(new_version));
  return root;
}

}  // namespace simpul::evaluation
