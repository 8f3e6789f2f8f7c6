// Evidence of an evaluation period: uploaded files and links to records, their verdicts and
// downloads (docs/evaluation.md).
#include "evaluation/routes.hpp"

#include "evaluation/json.hpp"
#include "http/attachment.hpp"
#include "http/json_io.hpp"
#include "http/request_params.hpp"

namespace simpul::evaluation {
namespace {

namespace json = boost::json;
using http::FieldReader;
using http::Request;

/// A linked Simpul record supports the answer unless data entry says it is main evidence: a
/// suggestion taken with one click must not decide the level (docs/evaluation.md).
EvidenceInput link_input(std::optional<std::int64_t> level, std::optional<bool> main) {
  EvidenceInput in;
  if (level) in.level = static_cast<int>(*level);
  in.main = main.value_or(false);
  return in;
}

/// "?level=2&main=false" of a raw file upload.
EvidenceInput evidence_query(const Request& req) {
  EvidenceInput in;
  in.level = http::query_int(req, "level", 0, 10);
  auto main = http::query_choice(req, "main", {"true", "false"});
  in.main = main != "false";
  return in;
}

}  // namespace

void register_evidence_routes(http::Router& router, Service& m) {
  router.add("POST", "/api/evaluation/periods/{id}/indicators/{ind}/evidence", [&m](Request& req) {
    const auto& p = req.require("evaluation.read");
    auto filename = http::checked_filename(req.query_value("filename"), ErrorCode::ArtifactBadFilename);
    auto e = m.add_file(p.scope(), req.id_param("id"), req.code_param("ind"), filename, req.body, evidence_query(req),
                        p.actor());
    return http::json_response(201, to_json(e));
  });

  router.add("POST", "/api/evaluation/periods/{id}/indicators/{ind}/evidence/link", [&m](Request& req) {
    const auto& p = req.require("evaluation.read");
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"ref_kind", "ref_id", "level", "main"});
    auto kind = f.required_string("ref_kind", 60);
    auto ref = http::required_id(f.required_string("ref_id", 60), "ref_id");
    auto in = link_input(f.optional_int("level", 0, 10), f.optional_bool("main"));
    auto e = m.add_link(p.scope(), req.id_param("id"), req.code_param("ind"), kind, ref, in, p.actor());
    return http::json_response(201, to_json(e));
  });

  router.add("DELETE", "/api/evaluation/periods/{id}/evidence/{eid}", [&m](Request& req) {
    const auto& p = req.require("evaluation.read");
    m.remove_evidence(p.scope(), req.id_param("id"), req.id_param("eid"), p.actor());
    return http::json_response(200, json::object{{"removed", true}});
  });

  router.add("POST", "/api/evaluation/periods/{id}/evidence/{eid}/verdict", [&m](Request& req) {
    const auto& p = req.require("evaluation.read");
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"accepted"});
    auto accepted = f.optional_bool("accepted");
    if (!accepted) throw Error(ErrorCode::ValidationMissingField, {{"field", "accepted"}});
    return http::json_response(
        200, to_json(m.verdict(p.scope(), req.id_param("id"), req.id_param("eid"), *accepted, p.actor())));
  });

  router.add("GET", "/api/evaluation/periods/{id}/evidence/{eid}/content", [&m](Request& req) {
    const auto& p = req.require("evaluation.read");
    auto [item, bytes] = m.download(p.scope(), req.id_param("id"), req.id_param("eid"));
    auto res = http::attachment(std::move(bytes), item.label, "application/octet-stream");
    res.set_header("X-Content-SHA256", item.sha256);
    return res;
  });
}

}  // namespace simpul::evaluation
