// /api/infrastructure/racks/{id} (the elevation), the placement of servers and devices, and the
// edit routes of racks, backup duties, LANs and WAN links (docs/infrastructure.md, "Rack elevation",
// "Editing"): parse, authorise as creation does, call the service, render.
#include "infrastructure/edit_routes.hpp"

#include "http/json_io.hpp"
#include "http/request_params.hpp"
#include "infrastructure/bandwidth_json.hpp"
#include "infrastructure/json.hpp"

namespace simpul::infrastructure {
namespace {

using http::FieldReader;
using http::Request;

constexpr const char* kEditRead = "infrastructure.read";
constexpr const char* kEditWrite = "infrastructure.write";

boost::json::object placement_json(const RackPlacement& p) {
  return {{"rack_id", p.rack_id},
          {"kind", p.object_kind},
          {"kind_name", p.object_kind == "server" ? "Server" : "Perangkat jaringan"},
          {"id", p.object_id},
          {"code", p.code},
          {"name", p.name},
          {"agency_id", p.agency_id},
          {"agency_name", p.agency_name},
          {"unit", p.unit},
          {"height", p.height},
          {"top", p.unit + p.height - 1}};
}

boost::json::object elevation_json(const RackElevation& e) {
  auto out = to_json(e.rack);
  out["site"] = {{"id", e.site.id}, {"code", e.site.code}, {"name", e.site.name}, {"agency_id", e.site.agency_id}};
  boost::json::array placed, unplaced;
  int used = 0;
  for (const auto& p : e.placed) {
    placed.push_back(placement_json(p));
    used += p.height;
  }
  for (const auto& x : e.unplaced) unplaced.push_back(to_json(x));
  out["placements"] = std::move(placed);
  out["unplaced"] = std::move(unplaced);
  out["used_units"] = used;
  out["free_units"] = e.rack.units - used;
  return out;
}

/// {unit, height[, rack_id]}: the unit may be any integer, so that a unit outside the rack is
/// answered with the rack's own height (rack_units_out_of_range) rather than a generic range error.
std::tuple<int, int, std::string> read_placement(const Request& req, bool with_rack) {
  auto body = http::parse_json_object(req);
  FieldReader f(body, {"unit", "height", "rack_id"});
  auto unit = f.optional_int("unit", -100000, 100000);
  if (!unit) throw Error(ErrorCode::ValidationMissingField, {{"field", "unit"}});
  auto height = f.optional_int("height", 1, 60).value_or(1);
  auto rack = f.optional_string("rack_id", 40);
  if (with_rack && !rack) throw Error(ErrorCode::ValidationMissingField, {{"field", "rack_id"}});
  // A server stands in the rack its record names (changed with the server's form).
  if (!with_rack && rack)
    throw Error(ErrorCode::ValidationInvalidValue, "rack_id", "set the server's rack on the server");
  return {static_cast<int>(*unit), static_cast<int>(height), with_rack ? http::required_id(*rack, "rack_id") : ""};
}

void register_racks(http::Router& router, Service& m) {
  router.add("GET", "/api/infrastructure/racks/{id}", [&m](Request& req) {
    const auto& p = req.require(kEditRead);
    return http::json_response(200, elevation_json(m.rack_elevation(p.scope(), req.id_param("id"))));
  });
  router.add("PATCH", "/api/infrastructure/racks/{id}", [&m](Request& req) {
    const auto& id = req.id_param("id");
    const auto& s = req.require(kEditRead).scope();
    auto site = m.site(s, m.rack(s, id).site_id);
    const auto& p = req.require_for_agency(kEditWrite, site.agency_id);
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"code", "units"});
    RackInput in;
    in.code = f.optional_string("code", 40);
    if (in.code && in.code->empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", "code"}});
    if (auto u = f.optional_int("units", 1, 60)) in.units = static_cast<int>(*u);
    return http::json_response(200, to_json(m.update_rack(p.scope(), id, in, p.actor())));
  });
  router.add("PUT", "/api/infrastructure/servers/{id}/placement", [&m](Request& req) {
    const auto& id = req.id_param("id");
    auto x = m.server(req.require(kEditRead).scope(), id);
    const auto& p = req.require_for_agency(kEditWrite, x.element.owner_agency_id);
    auto [unit, height, rack] = read_placement(req, false);
    return http::json_response(200, placement_json(m.place(p.scope(), "server", id, "", unit, height, p.actor())));
  });
  router.add("DELETE", "/api/infrastructure/servers/{id}/placement", [&m](Request& req) {
    const auto& id = req.id_param("id");
    auto x = m.server(req.require(kEditRead).scope(), id);
    const auto& p = req.require_for_agency(kEditWrite, x.element.owner_agency_id);
    m.unplace(p.scope(), "server", id, p.actor());
    return http::no_content();
  });
  router.add("PUT", "/api/infrastructure/devices/{id}/placement", [&m](Request& req) {
    const auto& id = req.id_param("id");
    auto d = m.device(req.require(kEditRead).scope(), id);
    const auto& p = req.require_for_agency(kEditWrite, d.agency_id);
    auto [unit, height, rack] = read_placement(req, true);
    return http::json_response(200, placement_json(m.place(p.scope(), "device", id, rack, unit, height, p.actor())));
  });
  router.add("DELETE", "/api/infrastructure/devices/{id}/placement", [&m](Request& req) {
    const auto& id = req.id_param("id");
    auto d = m.device(req.require(kEditRead).scope(), id);
    const auto& p = req.require_for_agency(kEditWrite, d.agency_id);
    m.unplace(p.scope(), "device", id, p.actor());
    return http::no_content();
  });
}

void register_record_edits(http::Router& router, Service& m, BandwidthService& bandwidth) {
  router.add("PATCH", "/api/infrastructure/devices/{id}", [&m](Request& req) {
    const auto& id = req.id_param("id");
    auto current = m.device(req.require(kEditRead).scope(), id);
    const auto& p = req.require_for_agency(kEditWrite, current.agency_id);
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"agency_id", "name", "kind", "coordination"});
    DeviceInput in;
    if (auto v = f.optional_string("agency_id", 40)) in.agency_id = http::required_id(*v, "agency_id");
    in.name = f.optional_string("name", 200);
    if (in.name && in.name->empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", "name"}});
    in.kind = f.optional_string("kind", 20);
    in.coordination = f.optional_string("coordination", 500);
    // Moving a device to another PD needs the right over that PD too, as registering it there would.
    if (in.agency_id) req.require_for_agency(kEditWrite, *in.agency_id);
    return http::json_response(200, to_json(m.update_device(p.scope(), id, in, p.actor())));
  });
  router.add("PATCH", "/api/infrastructure/backup-duties/{id}", [&m](Request& req) {
    const auto& id = req.id_param("id");
    auto current = m.duty(req.require(kEditRead).scope(), id);
    const auto& p = req.require_for_agency(kEditWrite, current.agency_id);
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"agency_id", "name", "data_element_id", "schedule_days", "retention_days", "target_site_id",
                         "restore_test_days", "performed_by", "owner_approval", "exception_basis"});
    DutyInput in;
    if (auto v = f.optional_string("agency_id", 40)) in.agency_id = http::required_id(*v, "agency_id");
    in.name = f.optional_string("name", 200);
    if (in.name && in.name->empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", "name"}});
    for (auto [key, target] :
         {std::pair{"data_element_id", &in.data_element_id}, std::pair{"target_site_id", &in.target_site_id}})
      if (auto v = f.nullable_string(key, 40)) {
        if (*v) http::required_id(**v, key);
        *target = *v;
      }
    if (auto v = f.optional_int("schedule_days", 1, 366)) in.schedule_days = static_cast<int>(*v);
    if (auto v = f.optional_int("retention_days", 1, 3650)) in.retention_days = static_cast<int>(*v);
    if (auto v = f.optional_int("restore_test_days", 1, 3650)) in.restore_test_days = static_cast<int>(*v);
    in.performed_by = f.optional_string("performed_by", 20);
    in.owner_approval = f.optional_string("owner_approval", 500);
    in.exception_basis = f.optional_string("exception_basis", 500);
    // Moving a duty to another PD needs the right over that PD too, as creating it there would.
    if (in.agency_id) req.require_for_agency(kEditWrite, *in.agency_id);
    auto d = m.update_duty(p.scope(), id, in, p.actor());
    boost::json::object out;
    for (const auto& v : m.board(p.scope(), d.agency_id, m.profile_of(p.scope()).today()))
      if (v.duty.id == id) out = to_json(v);
    return http::json_response(200, out);
  });
  router.add("PATCH", "/api/infrastructure/lans/{id}", [&m](Request& req) {
    const auto& id = req.id_param("id");
    auto current = m.lan(req.require(kEditRead).scope(), id);
    const auto& p = req.require_for_agency(kEditWrite, current.agency_id);
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"agency_id", "name", "built_by", "registered_on"});
    LanInput in;
    if (auto v = f.optional_string("agency_id", 40)) in.agency_id = http::required_id(*v, "agency_id");
    in.name = f.optional_string("name", 200);
    if (in.name && in.name->empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", "name"}});
    in.built_by = f.optional_string("built_by", 20);
    in.registered_on = f.optional_string("registered_on", 10);
    if (in.agency_id) req.require_for_agency(kEditWrite, *in.agency_id);
    return http::json_response(200, to_json(m.update_lan(p.scope(), id, in, p.actor())));
  });
  router.add("PATCH", "/api/infrastructure/wan-links/{id}", [&m, &bandwidth](Request& req) {
    const auto& id = req.id_param("id");
    auto current = bandwidth.wan(req.require(kEditRead).scope(), id);
    const auto& p = req.require_for_agency(kEditWrite, current.from_agency_id);
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"code", "name", "description", "from_agency_id", "to_agency_id", "medium", "capacity_mbps",
                         "operated_by", "provider"});
    WanInput in;
    in.element.code = f.optional_string("code", 40);
    in.element.name = f.optional_string("name", 200);
    in.element.description = f.optional_string("description", 4000);
    in.from_agency_id = current.from_agency_id;
    in.to_agency_id = current.to_agency_id;
    in.medium = current.medium;
    in.capacity_mbps = current.capacity_mbps;
    in.operated_by = current.operated_by;
    in.provider = current.provider;
    if (auto v = f.optional_string("from_agency_id", 40)) in.from_agency_id = http::required_id(*v, "from_agency_id");
    if (auto v = f.optional_string("to_agency_id", 40)) in.to_agency_id = http::required_id(*v, "to_agency_id");
    if (auto v = f.optional_string("medium", 20)) in.medium = *v;
    if (auto v = f.optional_int("capacity_mbps", 1, 1000000)) in.capacity_mbps = static_cast<int>(*v);
    if (auto v = f.optional_string("operated_by", 20)) in.operated_by = *v;
    if (auto v = f.optional_string("provider", 200)) in.provider = *v;
    if (in.from_agency_id != current.from_agency_id) req.require_for_agency(kEditWrite, in.from_agency_id);
    m.update_wan(p.scope(), id, in, p.actor());
    return http::json_response(200, to_json(bandwidth.wan(p.scope(), id)));
  });
}

}  // namespace

void register_edit_routes(http::Router& router, Service& m, BandwidthService& bandwidth) {
  register_racks(router, m);
  register_record_edits(router, m, bandwidth);
}

}  // namespace simpul::infrastructure
