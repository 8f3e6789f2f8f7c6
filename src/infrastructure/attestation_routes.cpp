// /api/infrastructure/attestations (attestation.hpp): list an object's attestations, and the Dinas
// records one.
#include "http/json_io.hpp"
#include "http/request_params.hpp"
#include "infrastructure/routes.hpp"

namespace simpul::infrastructure {
namespace {

boost::json::object to_json(const Attestation& a) {
  const auto* t = find_attestation_topic(a.topic);
  return {{"id", a.id},
          {"subject", a.subject},
          {"subject_id", a.subject_id},
          {"topic", a.topic},
          {"topic_name", t ? t->name : a.topic},
          {"topic_name_en", t ? t->name_en : a.topic},
          {"result", a.result},
          {"date", a.date},
          {"assessor", a.assessor},
          {"reference", a.reference},
          {"note", a.note},
          {"recorded_by_name", a.recorded_by_name},
          {"recorded_at", a.recorded_at}};
}

}  // namespace

void register_attestation_routes(http::Router& router, Service& m) {
  router.add("GET", "/api/infrastructure/attestations", [&m](http::Request& req) {
    const auto& p = req.require("infrastructure.read");
    auto subject = http::query_choice(req, "subject", {"site", "lan", "jaringan_intra"});
    if (subject.empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", "subject"}});
    auto subject_id = http::query_id(req, "subject_id");
    boost::json::array items, topics;
    for (const auto& a : m.attestations(p.scope(), subject, subject_id)) items.push_back(to_json(a));
    for (const auto& t : attestation_topics())
      if (t.subject == subject)
        topics.push_back(boost::json::object{{"id", t.id}, {"name", t.name}, {"name_en", t.name_en}});
    boost::json::object out{{"items", items}, {"total", items.size()}, {"topics", topics}};
    return http::json_response(200, out);
  });
  // The Dinas records what it assessed, inspected or received (a ministry's or BSSN's letter).
  router.add("POST", "/api/infrastructure/attestations", [&m](http::Request& req) {
    const auto& p = req.require("infrastructure.decide");
    auto body = http::parse_json_object(req);
    http::FieldReader f(body, {"subject", "subject_id", "topic", "result", "date", "assessor", "reference", "note"});
    Attestation a;
    a.subject = f.required_string("subject", 20);
    if (a.subject != "site" && a.subject != "lan" && a.subject != "jaringan_intra")
      throw Error(ErrorCode::ValidationInvalidValue,
                  {{"field", "subject"}, {"allowed", boost::json::array{"site", "lan", "jaringan_intra"}}});
    if (auto id = f.optional_string("subject_id", 40); id && !id->empty())
      a.subject_id = http::required_id(*id, "subject_id");
    else if (a.subject != "jaringan_intra")
      throw Error(ErrorCode::ValidationMissingField, {{"field", "subject_id"}});
    a.topic = f.required_string("topic", 60);
    a.result = f.required_string("result", 20);
    a.date = f.required_string("date", 10);
    a.assessor = f.required_string("assessor", 200);
    a.reference = f.required_string("reference", 200);
    a.note = f.optional_multiline("note", 4000).value_or("");
    return http::json_response(201, to_json(m.attest(p.scope(), a, p.actor())));
  });
}

}  // namespace simpul::infrastructure
