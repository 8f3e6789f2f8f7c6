// /api/compliance/*: rules, summary, findings, evaluation, waivers, sanctions and their letters.
#include "regulation/routes.hpp"

#include "core/clock.hpp"
#include "http/json_io.hpp"
#include "http/request_params.hpp"
#include "regulation/json.hpp"

namespace simpul::regulation {
namespace {

using http::FieldReader;
using http::Request;

/// "Today" of every deadline is the Pemda's local date (WIB, WITA or WIT), not UTC's.
std::string today(const Compliance& m, const Scope& s) { return m.profile_of(s).today(); }

FindingFilter read_filter(Request& req, const tenancy::Profile& p) {
  FindingFilter f;
  f.agency_id = http::query_id(req, "agency");
  f.state = http::query_choice(req, "state", {"open", "resolved", "waived"});
  f.severity = http::query_choice(req, "severity", {"tinggi", "sedang", "rendah"});
  f.subject = http::query_choice(req, "subject", {"application", "architecture_document", "service"});
  f.object_id = http::query_id(req, "object");
  std::vector<std::string> rule_ids, chapters;
  for (const auto& r : p.rules) rule_ids.push_back(r.id);
  for (const auto& c : p.chapters) chapters.push_back(c.id);
  f.rule_id = http::query_choice(req, "rule", std::vector<std::string_view>(rule_ids.begin(), rule_ids.end()));
  f.chapter = http::query_choice(req, "chapter", std::vector<std::string_view>(chapters.begin(), chapters.end()));
  return f;
}

}  // namespace

void register_routes(http::Router& router, Compliance& m) {
  router.add("GET", "/api/compliance/rules", [&m](Request& req) {
    const auto& p = req.require("compliance.read");
    const auto& profile = m.profile_of(p.scope());
    boost::json::array items;
    for (const auto& r : m.engine().rules(profile.id)) items.push_back(to_json(profile, r));
    return http::json_response(200, boost::json::object{{"items", items}, {"total", items.size()}});
  });

  router.add("GET", "/api/compliance/summary", [&m](Request& req) {
    const auto& p = req.require("compliance.read");
    return http::json_response(200, m.summary(p.scope(), http::query_id(req, "agency"), today(m, p.scope())));
  });

  router.add("GET", "/api/compliance/findings", [&m](Request& req) {
    const auto& p = req.require("compliance.read");
    const auto& profile = m.profile_of(p.scope());
    auto filter = read_filter(req, profile);
    auto q = http::parse_list_query(req, {"due"});
    std::int64_t total = 0;
    auto day = today(m, p.scope());
    boost::json::array items;
    for (const auto& f : m.findings(p.scope(), filter, q, day, total)) items.push_back(to_json(profile, f, day));
    return http::list_response(items, total, q);
  });

  router.add("GET", "/api/compliance/findings/{id}", [&m](Request& req) {
    const auto& p = req.require("compliance.read");
    const auto& profile = m.profile_of(p.scope());
    auto f = m.finding(p.scope(), req.id_param("id"));
    auto out = to_json(profile, f, today(m, p.scope()));
    const auto* rule = profile.rule(f.rule_id);
    auto article = rule ? profile.articles.find(rule->article) : profile.articles.end();
    out["article"] =
        article == profile.articles.end()
            ? boost::json::value(nullptr)
            : boost::json::value(boost::json::object{{"number", article->first}, {"text", article->second}});
    boost::json::array sanctions, steps;
    for (const auto& x : m.sanctions(p.scope(), f.id)) sanctions.push_back(to_json(profile, x));
    bool sanctionable = false;
    if (profile.sanctions) {
      for (const auto& id : profile.sanctions->applies_to) sanctionable = sanctionable || id == f.rule_id;
      for (const auto& s : profile.sanctions->steps)
        steps.push_back({{"id", s.id}, {"name", s.name}, {"after_months", s.after_months}, {"letter", s.letter}});
      out["sanction_rule"] = rule_json(profile, profile.sanctions->rule, "", "");
    }
    out["sanctions"] = std::move(sanctions);
    out["sanction_steps"] = sanctionable ? std::move(steps) : boost::json::array{};
    out["sanctionable"] = sanctionable;
    return http::json_response(200, out);
  });

  router.add("POST", "/api/compliance/evaluate", [&m](Request& req) {
    const auto& p = req.require("compliance.evaluate");
    auto r = m.evaluate(p.scope(), p.actor(), today(m, p.scope()));
    return http::json_response(200, boost::json::object{{"evaluated_at", r.evaluated_at},
                                                        {"new", r.created},
                                                        {"resolved", r.resolved},
                                                        {"reopened", r.reopened},
                                                        {"open", r.open},
                                                        {"proposed", r.proposed},
                                                        {"escalated", r.escalated}});
  });

  router.add("POST", "/api/compliance/findings/{id}/waive", [&m](Request& req) {
    const auto& p = req.require("compliance.waive");
    const auto& id = req.id_param("id");
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"reason"});
    auto reason = f.required_string("reason", 2000);
    return http::json_response(
        200, to_json(m.profile_of(p.scope()), m.waive(p.scope(), id, reason, p.actor()), today(m, p.scope())));
  });

  router.add("POST", "/api/compliance/findings/{id}/sanctions", [&m](Request& req) {
    const auto& p = req.require("compliance.sanction");
    const auto& id = req.id_param("id");
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"step", "date", "note"});
    auto step = f.required_string("step", 60);
    auto date = f.optional_string("date", 10).value_or(today(m, p.scope()));
    if (!clock::is_iso_date(date)) throw Error(ErrorCode::ValidationInvalidValue, "date", "must be YYYY-MM-DD");
    auto note = f.optional_string("note", 2000).value_or("");
    auto x = m.impose(p.scope(), id, step, date, note, p.actor());
    return http::json_response(201, to_json(m.profile_of(p.scope()), x));
  });

  router.add("GET", "/api/compliance/sanctions/{id}/letter", [&m](Request& req) {
    const auto& p = req.require("compliance.read");
    auto [sanction, pdf] = m.letter(p.scope(), req.id_param("id"));
    http::Response res;
    res.body = std::move(pdf);
    res.content_type = "application/pdf";
    res.set_header("Content-Disposition", "attachment; filename=\"surat-teguran-" + sanction.id + ".pdf\"");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("X-Letter-SHA256", sanction.letter_sha256);
    res.set_header("X-Letter-Signature-Ed25519", sanction.letter_signature);
    return res;
  });
}

}  // namespace simpul::regulation
