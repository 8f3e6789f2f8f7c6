// /api/infrastructure/bandwidth/* and /api/infrastructure/wan-links (docs/infrastructure.md,
// "Bandwidth", "WAN links"): parse, authorise, call the service, render.
#include <set>

#include "http/json_io.hpp"
#include "http/request_params.hpp"
#include "http/router.hpp"
#include "infrastructure/bandwidth.hpp"
#include "infrastructure/bandwidth_json.hpp"

namespace simpul::infrastructure {
namespace {

using http::FieldReader;
using http::Request;

constexpr const char* kBandwidthRead = "infrastructure.read";
constexpr const char* kBandwidthWrite = "infrastructure.write";
constexpr const char* kBandwidthDecide = "infrastructure.decide";
constexpr std::size_t kMaxSamplesPerPost = 100000;

boost::json::object bandwidth_listing(boost::json::array items) {
  auto n = items.size();
  return {{"items", std::move(items)}, {"total", n}};
}

std::string month_query(const Request& req) {
  auto v = req.query_value("month");
  if (!v || v->empty()) throw Error(ErrorCode::RequestInvalidQuery, {{"parameter", "month"}});
  return *v;
}

std::vector<SampleInput> read_samples(const Request& req) {
  auto body = http::parse_json_object(req);
  FieldReader top(body, {"samples"});
  const auto* list = body.if_contains("samples");
  if (!list) throw Error(ErrorCode::ValidationMissingField, {{"field", "samples"}});
  if (!list->is_array()) throw Error(ErrorCode::ValidationWrongType, {{"field", "samples"}, {"expected", "array"}});
  if (list->as_array().size() > kMaxSamplesPerPost)
    throw Error(ErrorCode::ValidationInvalidValue, "samples", "at most 100000 readings per post");
  std::vector<SampleInput> out;
  out.reserve(list->as_array().size());
  std::size_t i = 0;
  for (const auto& v : list->as_array()) {
    try {
      if (!v.is_object()) throw Error(ErrorCode::ValidationWrongType, {{"field", "samples"}, {"expected", "object"}});
      FieldReader f(v.as_object(), {"agency_id", "interface", "at", "in_octets", "out_octets", "reset"});
      SampleInput x;
      x.agency_id = http::required_id(f.required_string("agency_id", 40), "agency_id");
      x.interface = f.required_string("interface", 64);
      x.at = f.required_string("at", 40);
      // Negative counters are refused by the service with the reading's index; the JSON bound is the 63-bit range.
      auto in = f.optional_int("in_octets", INT64_MIN, INT64_MAX),
           out_octets = f.optional_int("out_octets", INT64_MIN, INT64_MAX);
      if (!in) throw Error(ErrorCode::ValidationMissingField, {{"field", "in_octets"}});
      if (!out_octets) throw Error(ErrorCode::ValidationMissingField, {{"field", "out_octets"}});
      x.in_octets = *in;
      x.out_octets = *out_octets;
      x.reset = f.optional_bool("reset").value_or(false);
      out.push_back(std::move(x));
    } catch (const Error& e) {
      // Say which reading: the index beside the field the reader named.
      auto details = e.details();
      details["index"] = i;
      throw Error(e.code(), std::move(details));
    }
    ++i;
  }
  return out;
}

void register_bandwidth_requests(http::Router& router, BandwidthService& m, Service& infra) {
  router.add("GET", "/api/infrastructure/bandwidth/requests", [&m](Request& req) {
    const auto& p = req.require(kBandwidthRead);
    auto state = http::query_choice(req, "state", {"diajukan", "disetujui", "ditolak"});
    auto agency = http::query_id(req, "agency");
    const auto& profile = m.profile_of(p.scope());
    boost::json::array items;
    for (const auto& r : m.requests(p.scope(), state, agency)) items.push_back(to_json(profile, r));
    return http::json_response(200, bandwidth_listing(std::move(items)));
  });
  router.add("POST", "/api/infrastructure/bandwidth/requests", [&m](Request& req) {
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"agency_id", "need_mbps", "justification"});
    auto agency = http::required_id(f.required_string("agency_id", 40), "agency_id");
    auto need = f.optional_int("need_mbps", 1, 100000);
    if (!need) throw Error(ErrorCode::ValidationMissingField, {{"field", "need_mbps"}});
    auto justification = f.optional_multiline("justification", 4000);
    if (!justification || justification->empty())
      throw Error(ErrorCode::ValidationMissingField, {{"field", "justification"}});
    const auto& p = req.require_for_agency(kBandwidthWrite, agency);
    auto r = m.request(p.scope(), agency, static_cast<int>(*need), *justification, p.actor());
    return http::json_response(201, to_json(m.profile_of(p.scope()), r));
  });
  router.add("GET", "/api/infrastructure/bandwidth/requests/{id}", [&m](Request& req) {
    const auto& p = req.require(kBandwidthRead);
    return http::json_response(200, to_json(m.profile_of(p.scope()), m.get_request(p.scope(), req.id_param("id"))));
  });
  router.add("POST", "/api/infrastructure/bandwidth/requests/{id}/decision", [&m](Request& req) {
    const auto& p = req.require(kBandwidthDecide);
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"decision", "priority", "allocated_mbps", "reasons"});
    auto decision = f.required_string("decision", 20);
    if (decision != "disetujui" && decision != "ditolak")
      throw Error(ErrorCode::ValidationInvalidValue,
                  {{"field", "decision"}, {"allowed", boost::json::array{"disetujui", "ditolak"}}});
    auto priority = f.optional_int("priority", 1, 5);
    auto allocated = f.optional_int("allocated_mbps", 1, 100000);
    auto reasons = f.required_string("reasons", 4000);
    auto r = m.decide(p.scope(), req.id_param("id"), decision == "disetujui",
                      priority ? std::optional<int>(static_cast<int>(*priority)) : std::nullopt,
                      allocated ? std::optional<int>(static_cast<int>(*allocated)) : std::nullopt, reasons, p.actor());
    return http::json_response(200, to_json(m.profile_of(p.scope()), r));
  });
  router.add("GET", "/api/infrastructure/bandwidth/allocations", [&m, &infra](Request& req) {
    const auto& p = req.require(kBandwidthRead);
    std::map<std::string, std::string> names;
    for (const auto& a : infra.agencies(p.scope())) names[a.id] = a.name;
    boost::json::array items;
    for (const auto& [agency, mbps] : m.allocations(p.scope()))
      items.push_back({{"agency", {{"id", agency}, {"name", names[agency]}}}, {"allocated_mbps", mbps}});
    return http::json_response(200, bandwidth_listing(std::move(items)));
  });
}

void register_bandwidth_usage(http::Router& router, BandwidthService& m) {
  // The Dinas's monitoring (SNMP poller, Prometheus query) posts interface counters every 5 minutes.
  router.add("POST", "/api/infrastructure/bandwidth/samples", [&m](Request& req) {
    const auto& p = req.require(kBandwidthRead);
    auto samples = read_samples(req);
    std::set<std::string> agencies;
    for (const auto& x : samples) agencies.insert(x.agency_id);
    for (const auto& a : agencies) req.require_for_agency(kBandwidthWrite, a);
    auto r = m.ingest(p.scope(), std::move(samples), p.actor());
    return http::json_response(200, {{"stored", r.stored}, {"duplicates", r.duplicates}});
  });
  router.add("GET", "/api/infrastructure/bandwidth/usage", [&m](Request& req) {
    const auto& p = req.require(kBandwidthRead);
    auto agency = http::query_id(req, "agency");
    if (agency.empty()) throw Error(ErrorCode::RequestInvalidQuery, {{"parameter", "agency"}});
    auto month = month_query(req);
    boost::json::array points;
    for (const auto& x : m.usage(p.scope(), agency, month))
      points.push_back({{"at", x.at}, {"in_mbps", x.in_mbps}, {"out_mbps", x.out_mbps}});
    return http::json_response(200, {{"agency_id", agency}, {"month", month}, {"points", std::move(points)}});
  });
  router.add("GET", "/api/infrastructure/bandwidth/evaluations", [&m](Request& req) {
    const auto& p = req.require(kBandwidthRead);
    const auto& profile = m.profile_of(p.scope());
    boost::json::array items;
    for (const auto& e : m.evaluations(p.scope())) items.push_back(to_json(profile, e));
    return http::json_response(200, bandwidth_listing(std::move(items)));
  });
  router.add("POST", "/api/infrastructure/bandwidth/evaluations", [&m](Request& req) {
    const auto& p = req.require(kBandwidthDecide);
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"month"});
    auto month = f.required_string("month", 7);
    bool created = false;
    auto e = m.evaluate(p.scope(), month, p.actor(), created);
    return http::json_response(created ? 201 : 200, to_json(m.profile_of(p.scope()), e));
  });
  router.add("GET", "/api/infrastructure/bandwidth/evaluations/{id}", [&m](Request& req) {
    const auto& p = req.require(kBandwidthRead);
    return http::json_response(200, to_json(m.profile_of(p.scope()), m.evaluation(p.scope(), req.id_param("id"))));
  });
  router.add("POST", "/api/infrastructure/bandwidth/evaluations/{id}/acknowledgement", [&m](Request& req) {
    const auto& p = req.require(kBandwidthRead);
    return http::json_response(
        200, to_json(m.profile_of(p.scope()), m.acknowledge(p.scope(), req.id_param("id"), p.actor())));
  });
}

void register_wan(http::Router& router, BandwidthService& m) {
  router.add("GET", "/api/infrastructure/wan-links", [&m](Request& req) {
    const auto& p = req.require(kBandwidthRead);
    boost::json::array items;
    for (const auto& w : m.wan_links(p.scope())) items.push_back(to_json(w));
    return http::json_response(200, bandwidth_listing(std::move(items)));
  });
  router.add("POST", "/api/infrastructure/wan-links", [&m](Request& req) {
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"code", "name", "description", "from_agency_id", "to_agency_id", "medium", "capacity_mbps",
                         "operated_by", "provider"});
    WanInput in;
    in.element.code = f.required_string("code", 40);
    in.element.name = f.required_string("name", 200);
    in.element.description = f.optional_string("description", 4000);
    in.from_agency_id = http::required_id(f.required_string("from_agency_id", 40), "from_agency_id");
    in.to_agency_id = http::required_id(f.required_string("to_agency_id", 40), "to_agency_id");
    in.medium = f.required_string("medium", 20);
    auto capacity = f.optional_int("capacity_mbps", 1, 1000000);
    if (!capacity) throw Error(ErrorCode::ValidationMissingField, {{"field", "capacity_mbps"}});
    in.capacity_mbps = static_cast<int>(*capacity);
    in.operated_by = f.optional_string("operated_by", 20).value_or("dinas");
    in.provider = f.optional_string("provider", 200).value_or("");
    const auto& p = req.require_for_agency(kBandwidthWrite, in.from_agency_id);
    return http::json_response(201, to_json(m.create_wan(p.scope(), in, p.actor())));
  });
  router.add("GET", "/api/infrastructure/wan-links/{id}", [&m](Request& req) {
    const auto& p = req.require(kBandwidthRead);
    return http::json_response(200, to_json(m.wan(p.scope(), req.id_param("id"))));
  });
}

}  // namespace

void register_bandwidth_routes(http::Router& router, BandwidthService& bandwidth, Service& infrastructure) {
  register_bandwidth_requests(router, bandwidth, infrastructure);
  register_bandwidth_usage(router, bandwidth);
  register_wan(router, bandwidth);
}

}  // namespace simpul::infrastructure
