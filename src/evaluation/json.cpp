#include "evaluation/json.hpp"

namespace simpul::evaluation {
namespace {

namespace json = boost::json;

template <typename T>
json::value or_null(const std::optional<T>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

}  // namespace

json::object to_json(const Period& p) {
  return {{"id", p.id},
          {"year", p.year},
          {"agency_id", p.agency_id.empty() ? json::value(nullptr) : json::value(p.agency_id)},
          {"agency_name", p.agency_name},
          {"framework_id", p.framework_id},
          {"framework_version", p.framework_version},
          {"title", p.title},
          {"state", p.state},
          {"created_by_name", p.created_by_name},
          {"created_at", p.created_at},
          {"submitted_by_name", p.submitted_by_name},
          {"submitted_at", or_null(p.submitted_at)}};
}

json::object to_json(const Member& m) {
  return {{"id", m.id}, {"user_id", m.user_id}, {"user_name", m.user_name}, {"role", m.role}, {"added_at", m.added_at}};
}

json::object to_json(const AnswerRecord& a) {
  return {{"indicator_id", a.indicator_id},
          {"level", or_null(a.level)},
          {"external_score", or_null(a.external_score)},
          {"explanation", a.explanation},
          {"state", a.state},
          {"filled_by", a.filled_by},
          {"filled_by_name", a.filled_by_name},
          {"updated_at", a.updated_at},
          {"reviewed_by_name", a.reviewed_by_name},
          {"reviewed_at", or_null(a.reviewed_at)},
          {"review_note", a.review_note}};
}

json::object to_json(const EvidenceItem& e) {
  return {{"id", e.id},
          {"indicator_id", e.indicator_id},
          {"kind", e.kind},
          {"label", e.label},
          {"sha256", e.sha256},
          {"size", e.size},
          {"ref_kind", e.ref_kind},
          {"ref_id", e.ref_id},
          {"level", or_null(e.level)},
          {"main", e.main},
          {"verdict", e.verdict},
          {"added_by_name", e.added_by_name},
          {"added_at", e.added_at}};
}

json::object to_json(const Comment& c) {
  return {{"id", c.id},     {"indicator_id", c.indicator_id}, {"author_name", c.author_name}, {"role", c.role},
          {"text", c.text}, {"created_at", c.created_at}};
}

json::object to_json(const EvidenceProposal& p) {
  return {{"source", p.source}, {"topic", p.topic},   {"kind", p.kind}, {"ref_id", p.ref_id},
          {"label", p.label},   {"detail", p.detail}, {"link", p.link}, {"present", p.present}};
}

json::object summary_json(const FrameworkVersion& v) {
  const auto& f = *v.framework;
  return {{"id", f.id},
          {"version", f.version},
          {"title", f.title},
          {"legal_basis", f.legal_basis},
          {"valid_from", f.valid_from},
          {"provisional", f.provisional},
          {"confidence", f.confidence},
          {"level_rule", f.level_rule == LevelRule::Direct ? "direct" : "cumulative-evidence"},
          {"indicators", f.indicators.size()},
          {"origin", v.builtin ? "bawaan" : "koreksi"},
          {"note", v.note},
          {"created_by_name", v.created_by_name},
          {"created_at", v.created_at}};
}

json::object index_json(const Framework& f, const IndexResult& r, const std::vector<AnswerRecord>* records) {
  json::array domains, aspects, indicators, issues;
  for (std::size_t i = 0; i < f.domains.size(); ++i)
    domains.push_back(json::object{{"id", f.domains[i].id},
                                   {"number", f.domains[i].number},
                                   {"name", f.domains[i].name},
                                   {"weight", f.domains[i].weight},
                                   {"value", r.domains[i]}});
  for (std::size_t i = 0; i < f.aspects.size(); ++i) {
    const auto& a = f.aspects[i];
    json::object o{{"id", a.id},
                   {"number", a.number},
                   {"name", a.name},
                   {"weight", a.weight},
                   {"value", r.aspects[i]},
                   {"domain_id", a.domain ? json::value(f.domains[*a.domain].id) : json::value(nullptr)},
                   {"indicators", a.indicators.size()}};
    if (records) {
      std::int64_t answered = 0, approved = 0;
      for (auto ii : a.indicators)
        for (const auto& rec : *records)
          if (rec.indicator_id == f.indicators[ii].id) {
            answered += 1;
            approved += rec.state == kApproved;
          }
      o["answered"] = answered;
      o["approved"] = approved;
    }
    aspects.push_back(o);
  }
  for (std::size_t i = 0; i < f.indicators.size(); ++i)
    indicators.push_back(json::object{{"id", f.indicators[i].id}, {"value", r.indicators[i]}});
  for (const auto& issue : r.issues)
    issues.push_back(json::object{{"indicator", issue.indicator}, {"problem", issue.problem}});
  return {
      {"index", r.index},         {"predicate", r.predicate ? json::value(r.predicate->name) : json::value(nullptr)},
      {"complete", r.complete()}, {"unanswered", r.unanswered.size()},
      {"issues", issues},         {"domains", domains},
      {"aspects", aspects},       {"indicators", indicators}};
}

}  // namespace simpul::evaluation
