#include "evaluation/framework.hpp"
#include "evaluation/evidence.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

namespace simpul::evaluation {
namespace {

constexpr const char* kFormat = "simpul-evaluation-framework/1";
// Weights are decimals (1.30, 16.5); sums are checked with a tolerance far
// below any real weight.
constexpr double kWeightTolerance = 1e-6;
// Weighted sums of decimals carry float noise (4.2 may come out
// as 4.1999999999999993); an index exactly on a band boundary must land in the
// upper band, as it would on paper.
constexpr double kBandTolerance = 1e-9;

/// tenancy's Reader would pull the whole tenancy module (profiles, storage,
/// HTTP) into a pure computation module; this is the same file:line contract in
/// the few lines the loader needs.
class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const YAML::Node& at, const std::string& field, const std::string& problem) const {
    int line = at.IsDefined() ? at.Mark().line + 1 : 0;
    throw FrameworkError(file_ + ":" + std::to_string(line) + ": " + field + ": " + problem);
  }

  YAML::Node need(const YAML::Node& parent, const std::string& key, const std::string& path) const {
    YAML::Node n = parent[key];
    if (!n.IsDefined() || n.IsNull()) fail(parent, path + key, "is required");
    return n;
  }

  std::string str(const YAML::Node& parent, const std::string& key, const std::string& path) const {
    YAML::Node n = need(parent, key, path);
    if (!n.IsScalar() || n.Scalar().empty()) fail(n, path + key, "must be non-empty text");
    return n.Scalar();
  }

  std::string opt_str(const YAML::Node& parent, const std::string& key, const std::string& path) const {
    YAML::Node n = parent[key];
    if (!n.IsDefined() || n.IsNull()) return {};
    if (!n.IsScalar()) fail(n, path + key, "must be text or null");
    return n.Scalar();
  }

  int integer(const YAML::Node& parent, const std::string& key, const std::string& path) const {
    YAML::Node n = need(parent, key, path);
    try {
      return n.as<int>();
    } catch (const YAML::Exception&) {
      fail(n, path + key, "must be an integer");
    }
  }

  double number(const YAML::Node& parent, const std::string& key, const std::string& path) const {
    YAML::Node n = need(parent, key, path);
    try {
      double v = n.as<double>();
      if (!std::isfinite(v)) fail(n, path + key, "must be a finite number");
      return v;
    } catch (const YAML::Exception&) {
      fail(n, path + key, "must be a number");
    }
  }

  bool boolean(const YAML::Node& parent, const std::string& key, const std::string& path) const {
    YAML::Node n = parent[key];
    if (!n.IsDefined() || n.IsNull()) return false;
    if (!n.IsScalar() || (n.Scalar() != "true" && n.Scalar() != "false")) fail(n, path + key, "must be true or false");
    return n.Scalar() == "true";
  }

  YAML::Node seq(const YAML::Node& parent, const std::string& key, const std::string& path) const {
    YAML::Node n = need(parent, key, path);
    if (!n.IsSequence() || n.size() == 0) fail(n, path + key, "must be a non-empty list");
    return n;
  }

 private:
  std::string file_;
};

std::string at(const std::string& path, std::size_t i) { return path + "[" + std::to_string(i) + "]."; }

bool same(double a, double b) { return std::fabs(a - b) <= kWeightTolerance; }

std::string fmt(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

class Parser {
 public:
  Parser(const std::string& file) : r_(file) {}

  Framework parse(const YAML::Node& root) {
    if (!root.IsMap()) r_.fail(root, "(file)", "must be a mapping");
    if (r_.str(root, "format", "") != kFormat) {
      r_.fail(root["format"], "format", std::string("must be '") + kFormat + "'");
    }
    f_.id = r_.str(root, "id", "");
    f_.version = r_.integer(root, "version", "");
    if (f_.version < 1) r_.fail(root["version"], "version", "must be 1 or more");
    f_.title = r_.str(root, "title", "");
    f_.legal_basis = r_.str(root, "legal_basis", "");
    f_.valid_from = r_.integer(root, "valid_from", "");
    f_.source_id = r_.opt_str(root, "source_id", "");
    f_.replaces = r_.opt_str(root, "replaces", "");
    f_.confidence = r_.str(root, "confidence", "");
    f_.provisional = r_.boolean(root, "provisional", "");
    auto prov = r_.need(root, "provenance", "");
    f_.provenance_source = r_.str(prov, "source_file", "provenance.");
    f_.provenance_notes = r_.opt_str(prov, "notes", "provenance.");
    f_.criteria_source = r_.opt_str(prov, "level_criteria_source", "provenance.");
    f_.criteria_notes = r_.opt_str(prov, "level_criteria_notes", "provenance.");

    auto comp = r_.need(root, "computation", "");
    std::string rule = r_.str(comp, "level_rule", "computation.");
    if (rule == "direct") {
      f_.level_rule = LevelRule::Direct;
    } else if (rule == "cumulative-evidence") {
      f_.level_rule = LevelRule::CumulativeEvidence;
    } else {
      r_.fail(comp["level_rule"], "computation.level_rule", "must be 'direct' or 'cumulative-evidence'");
    }
    f_.level_rule_text = r_.opt_str(comp, "level_rule_text", "computation.");
    f_.formula_text = r_.str(comp, "formula_text", "computation.");
    f_.index_scale = r_.number(comp, "index_scale", "computation.");
    if (f_.index_scale <= 0) r_.fail(comp["index_scale"], "computation.index_scale", "must be positive");

    if (auto p = root["process"]; p.IsDefined() && !p.IsNull()) {
      if (!p.IsSequence()) r_.fail(p, "process", "must be a list");
      for (const auto& step : p) f_.process.push_back(step.Scalar());
    }
    scales(root);
    predicates(root);
    structure(root);
    return std::move(f_);
  }

 private:
  void scales(const YAML::Node& root) {
    auto list = r_.seq(root, "scales", "");
    for (std::size_t i = 0; i < list.size(); ++i) {
      auto n = list[i];
      auto path = at("scales", i);
      Scale s{r_.str(n, "name", path), r_.opt_str(n, "confidence", path), {}};
      for (const auto& other : f_.scales) {
        if (other.name == s.name) r_.fail(n["name"], path + "name", "duplicate scale '" + s.name + "'");
      }
      auto levels = r_.seq(n, "levels", path);
      for (std::size_t j = 0; j < levels.size(); ++j) {
        auto l = levels[j];
        auto lpath = at(path + "levels", j);
        Level level{r_.integer(l, "level", lpath), r_.str(l, "name", lpath), r_.opt_str(l, "criteria", lpath)};
        // Contiguous levels: the cumulative rule and what-if reason about
        // "levels 1..L".
        int expected = s.levels.empty() ? 1 : s.levels.back().level + 1;
        if (level.level != expected) r_.fail(l["level"], lpath + "level", "must be " + std::to_string(expected));
        s.levels.push_back(std::move(level));
      }
      f_.scales.push_back(std::move(s));
    }
  }

  void predicates(const YAML::Node& root) {
    auto list = r_.seq(root, "predicates", "");
    for (std::size_t i = 0; i < list.size(); ++i) {
      auto n = list[i];
      auto path = at("predicates", i);
      Predicate p{r_.str(n, "name", path), r_.number(n, "min", path), r_.number(n, "max", path)};
      if (p.min >= p.max) r_.fail(n, path + "max", "must be greater than min");
      // Bands listed from the top down and touching, so every index between the
      // lowest min and the highest max gets exactly one predicate.
      if (!f_.predicates.empty() && !same(f_.predicates.back().min, p.max)) {
        r_.fail(n["max"], path + "max",
                "must equal the previous band's min (" + fmt(f_.predicates.back().min) +
                    "): bands run top-down without gaps");
      }
      f_.predicates.push_back(std::move(p));
    }
  }

  void structure(const YAML::Node& root) {
    bool has_domains = root["domains"].IsDefined();
    bool has_aspects = root["aspects"].IsDefined();
    if (has_domains == has_aspects)
      r_.fail(root, "domains", "give either domains (with aspects) or top-level aspects, not both");
    double total = 0;
    if (has_domains) {
      auto list = r_.seq(root, "domains", "");
      for (std::size_t i = 0; i < list.size(); ++i) {
        auto n = list[i];
        auto path = at("domains", i);
        auto di = static_cast<std::uint32_t>(f_.domains.size());
        Domain d{unique_id(n, path, domain_ids_),
                 r_.integer(n, "number", path),
                 r_.str(n, "name", path),
                 weight(n, path),
                 {}};
        f_.domains.push_back(d);
        auto aspects = r_.seq(n, "aspects", path);
        double sum = 0;
        for (std::size_t j = 0; j < aspects.size(); ++j) {
          auto ai = aspect(aspects[j], at(path + "aspects", j), di);
          f_.domains[di].aspects.push_back(ai);
          sum += f_.aspects[ai].weight;
        }
        if (!same(sum, f_.domains[di].weight)) {
          r_.fail(n["weight"], path + "weight",
                  "is " + fmt(f_.domains[di].weight) + " but its aspects' weights sum to " + fmt(sum));
        }
        total += f_.domains[di].weight;
      }
    } else {
      auto list = r_.seq(root, "aspects", "");
      for (std::size_t j = 0; j < list.size(); ++j)
        total += f_.aspects[aspect(list[j], at("aspects", j), std::nullopt)].weight;
    }
    if (!same(total, f_.index_scale)) {
      r_.fail(root["computation"]["index_scale"], "computation.index_scale",
              "is " + fmt(f_.index_scale) + " but the top-level weights sum to " + fmt(total));
    }
  }

  std::uint32_t aspect(const YAML::Node& n, const std::string& path, std::optional<std::uint32_t> domain) {
    auto ai = static_cast<std::uint32_t>(f_.aspects.size());
    f_.aspects.push_back(Aspect{unique_id(n, path, aspect_ids_),
                                r_.integer(n, "number", path),
                                r_.str(n, "name", path),
                                weight(n, path),
                                domain,
                                {}});
    auto list = r_.seq(n, "indicators", path);
    double sum = 0;
    for (std::size_t k = 0; k < list.size(); ++k) {
      auto in = list[k];
      auto ipath = at(path + "indicators", k);
      Indicator ind;
      ind.id = r_.str(in, "id", ipath);
      if (f_.indicator_by_id_.count(ind.id)) r_.fail(in["id"], ipath + "id", "duplicate indicator id '" + ind.id + "'");
      ind.number = r_.integer(in, "number", ipath);
      ind.name = r_.str(in, "name", ipath);
      ind.weight = weight(in, ipath);
      ind.aspect = ai;
      std::string scale = r_.str(in, "scale", ipath);
      bool found = false;
      for (std::uint32_t s = 0; s < f_.scales.size(); ++s) {
        if (f_.scales[s].name == scale) ind.scale = s, found = true;
      }
      if (!found) r_.fail(in["scale"], ipath + "scale", "names no scale of this file: '" + scale + "'");
      ind.criteria = r_.opt_str(in, "criteria", ipath);
      level_criteria(in, ipath, ind);
      ind.evidence_topics = topics(in, ipath);
      if (auto ext = in["external"]; ext.IsDefined() && !ext.IsNull())
        ind.external_kind = r_.str(ext, "kind", ipath + "external.");
      sum += ind.weight;
      auto ii = static_cast<std::uint32_t>(f_.indicators.size());
      f_.indicator_by_id_.emplace(ind.id, ii);
      f_.indicators.push_back(std::move(ind));
      f_.aspects[ai].indicators.push_back(ii);
    }
    if (!same(sum, f_.aspects[ai].weight)) {
      r_.fail(n["weight"], path + "weight",
              "is " + fmt(f_.aspects[ai].weight) + " but its indicators' weights sum to " + fmt(sum));
    }
    return ai;
  }

  /// `level_criteria: {1: text, ...}`: keys must be levels of the indicator's
  /// scale.
  void level_criteria(const YAML::Node& in, const std::string& path, Indicator& ind) {
    const Scale& scale = f_.scales[ind.scale];
    ind.level_criteria.assign(scale.levels.size(), std::string());
    auto map = in["level_criteria"];
    if (!map.IsDefined() || map.IsNull()) return;
    if (!map.IsMap()) r_.fail(map, path + "level_criteria", "must be a mapping level: text");
    for (const auto& kv : map) {
      int level = 0;
      try {
        level = kv.first.as<int>();
      } catch (const YAML::Exception&) {
        r_.fail(kv.first, path + "level_criteria", "keys must be levels");
      }
      if (level < scale.min_level() || level > scale.max_level())
        r_.fail(kv.first, path + "level_criteria",
                "level " + std::to_string(level) + " is not on scale '" + scale.name + "'");
      if (!kv.second.IsNull()) ind.level_criteria[static_cast<std::size_t>(level - 1)] = kv.second.Scalar();
    }
  }

  std::vector<std::string> topics(const YAML::Node& in, const std::string& path) {
    std::vector<std::string> out;
    auto list = in["evidence_topics"];
    if (!list.IsDefined() || list.IsNull()) return out;
    if (!list.IsSequence()) r_.fail(list, path + "evidence_topics", "must be a list");
    const auto& known = evidence_topics();
    for (const auto& t : list) {
      std::string topic = t.Scalar();
      if (std::find(known.begin(), known.end(), topic) == known.end())
        r_.fail(t, path + "evidence_topics", "unknown topic '" + topic + "' (docs/evaluation.md)");
      out.push_back(topic);
    }
    return out;
  }

  std::string unique_id(const YAML::Node& n, const std::string& path, std::set<std::string>& seen) {
    std::string id = r_.str(n, "id", path);
    if (!seen.insert(id).second) r_.fail(n["id"], path + "id", "duplicate id '" + id + "'");
    return id;
  }

  double weight(const YAML::Node& n, const std::string& path) {
    double w = r_.number(n, "weight", path);
    if (w <= 0) r_.fail(n["weight"], path + "weight", "must be positive");
    return w;
  }

  Reader r_;
  Framework f_;
  std::set<std::string> domain_ids_, aspect_ids_;
};

}  // namespace

std::optional<std::uint32_t> Framework::find_indicator(std::string_view id) const {
  auto it = indicator_by_id_.find(std::string(id));
  if (it == indicator_by_id_.end()) return std::nullopt;
  return it->second;
}

const Predicate* Framework::predicate_for(double index) const {
  for (const auto& p : predicates) {
    if (index >= p.min - kBandTolerance && index < p.max - kBandTolerance) return &p;
  }
  return nullptr;
}

Framework parse_framework(const std::string& yaml, const std::string& file_name) {
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::ParserException& e) {
    throw FrameworkError(file_name + ":" + std::to_string(e.mark.line + 1) + ": syntax: " + e.msg);
  }
  return Parser(file_name).parse(root);
}

Framework load_framework(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw FrameworkError(file.string() + ":0: (file): cannot be read");
  std::ostringstream text;
  text << in.rdbuf();
  return parse_framework(text.str(), file.string());
}

}  // namespace simpul::evaluation
