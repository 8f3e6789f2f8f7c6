// The evaluation PDF and the Pusat Data service review over HTTP (follow_up.hpp): parse, authorise,
// call the service, render.
#include "http/attachment.hpp"
#include "http/json_io.hpp"
#include "http/router.hpp"
#include "infrastructure/follow_up.hpp"
#include "tenancy/json.hpp"

namespace simpul::infrastructure {
namespace {

boost::json::object service_review_json(const ServiceReview& r) {
  return {{"id", r.id},
          {"reviewed_on", r.reviewed_on},
          {"summary", r.summary},
          {"recorded_by_name", r.recorded_by_name},
          {"recorded_at", r.recorded_at}};
}

boost::json::object service_review_status_json(const tenancy::Profile& p, const ServiceReviewStatus& st) {
  boost::json::array reviews;
  for (const auto& r : st.reviews) reviews.push_back(service_review_json(r));
  const auto* team = p.team(st.team);
  return {{"rule", st.rule ? boost::json::value(tenancy::rule_ref_json(p, st.rule)) : nullptr},
          {"discretionary", true},
          {"team", st.team},
          {"team_name", team ? team->name : st.team},
          {"year", st.year},
          {"reviewed_this_year", st.reviewed_this_year},
          {"reminded_at", st.reminded_at ? boost::json::value(*st.reminded_at) : nullptr},
          {"recipients", st.recipients},
          {"reviews", std::move(reviews)}};
}

}  // namespace

void register_follow_up_routes(http::Router& router, BandwidthService& bandwidth, ServiceReviews& reviews) {
  router.add("GET", "/api/infrastructure/bandwidth/evaluations/{id}/evaluation.pdf", [&bandwidth](http::Request& req) {
    const auto& p = req.require("infrastructure.read");
    auto e = bandwidth.evaluation(p.scope(), req.id_param("id"));
    // ?lang=en or ?lang=id; without it the caller's language (Accept-Language).
    auto lang = req.language;
    if (auto asked = req.query_value("lang")) {
      if (*asked != "en" && *asked != "id")
        throw Error(ErrorCode::ValidationInvalidValue,
                    {{"field", "lang"}, {"allowed", boost::json::array{"id", "en"}}});
      lang = *asked == "en" ? Language::English : Language::Indonesian;
    }
    return http::attachment(
        evaluation_pdf(bandwidth.profile_of(p.scope()), e, lang),
        (lang == Language::English ? "bandwidth-evaluation-" : "evaluasi-bandwidth-") + e.month + ".pdf",
        "application/pdf");
  });
  router.add("GET", "/api/infrastructure/service-review", [&bandwidth, &reviews](http::Request& req) {
    const auto& p = req.require("infrastructure.read");
    return http::json_response(200,
                               service_review_status_json(bandwidth.profile_of(p.scope()), reviews.status(p.scope())));
  });
  router.add("POST", "/api/infrastructure/service-review/reviews", [&reviews](http::Request& req) {
    const auto& p = req.require("infrastructure.read");
    auto body = http::parse_json_object(req);
    http::FieldReader f(body, {"reviewed_on", "summary"});
    auto on = f.required_string("reviewed_on", 10);
    auto summary = f.optional_multiline("summary", 4000);
    if (!summary || summary->empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", "summary"}});
    return http::json_response(201, service_review_json(reviews.record(p.scope(), on, *summary, p.actor())));
  });
}

}  // namespace simpul::infrastructure
