// The rack elevation, placement and edit routes as the API contract states them
// (http/api_description.hpp). Built from small helpers, then serialised once.
#include <string>
#include <string_view>

#include <boost/json.hpp>

#include "infrastructure/edit_routes.hpp"

namespace simpul::infrastructure {
namespace {

namespace json = boost::json;

json::object oa_ref(const char* name) { return {{"$ref", std::string("#/components/schemas/") + name}}; }
json::object oa_str() { return {{"type", "string"}}; }
json::object oa_nstr() { return {{"type", "string"}, {"nullable", true}}; }
json::object oa_int() { return {{"type", "integer"}}; }

/// An object whose every property is required (answers) or none is (`required` false: PATCH bodies).
json::object oa_object(std::initializer_list<std::pair<std::string_view, json::value>> props, bool required = true) {
  json::object p;
  json::array names;
  for (const auto& [k, v] : props) {
    p[k] = v;
    names.emplace_back(k);
  }
  json::object o{{"type", "object"}, {"properties", std::move(p)}, {"additionalProperties", false}};
  if (required) o["required"] = std::move(names);
  return o;
}

json::object oa_op(const char* summary, const char* permission, json::object response, json::object request = {}) {
  json::object o{
      {"tags", json::array{"Infrastructure"}},
      {"summary", summary},
      {"description", std::string("Requires: ") + permission + "."},
      {"responses",
       json::object{{"200", json::object{{"description", "success"},
                                         {"content", json::object{{"application/json",
                                                                   json::object{{"schema", std::move(response)}}}}}}}}}};
  if (!request.empty())
    o["requestBody"] =
        json::object{{"required", true},
                     {"content", json::object{{"application/json", json::object{{"schema", std::move(request)}}}}}};
  return o;
}

json::object oa_removed(const char* summary, const char* permission) {
  return {{"tags", json::array{"Infrastructure"}},
          {"summary", summary},
          {"description", std::string("Requires: ") + permission + "."},
          {"responses", json::object{{"204", json::object{{"description", "removed"}}}}}};
}

constexpr const char* kOwnWrite = "infrastructure.write (own agency: infrastructure.write.own)";

std::string oa_build() {
  json::object placement = oa_object({{"rack_id", oa_str()},
                                      {"kind", json::object{{"type", "string"}, {"enum", json::array{"server", "device"}}}},
                                      {"kind_name", oa_str()},
                                      {"id", oa_str()},
                                      {"code", json::object{{"type", "string"}, {"description", "empty for a device"}}},
                                      {"name", oa_str()},
                                      {"agency_id", oa_str()},
                                      {"agency_name", oa_str()},
                                      {"unit", json::object{{"type", "integer"}, {"description", "lowest unit, U1 at the bottom"}}},
                                      {"height", oa_int()},
                                      {"top", json::object{{"type", "integer"}, {"description", "highest unit occupied"}}}});
  json::object elevation = oa_object({{"id", oa_str()},
                                      {"site_id", oa_str()},
                                      {"code", oa_str()},
                                      {"units", oa_int()},
                                      {"site", oa_object({{"id", oa_str()}, {"code", oa_str()}, {"name", oa_str()},
                                                          {"agency_id", oa_str()}})},
                                      {"placements", json::object{{"type", "array"}, {"items", oa_ref("InfraRackPlacement")}}},
                                      {"unplaced", json::object{{"type", "array"}, {"items", oa_ref("InfraServer")},
                                                                {"description", "servers recorded in this rack without a unit position"}}},
                                      {"used_units", oa_int()},
                                      {"free_units", oa_int()}});
  json::object unit_body = oa_object({{"unit", oa_int()}, {"height", oa_int()}}, false);
  unit_body["required"] = json::array{"unit"};
  json::object device_unit_body = oa_object({{"rack_id", oa_str()}, {"unit", oa_int()}, {"height", oa_int()}}, false);
  device_unit_body["required"] = json::array{"rack_id", "unit"};

  json::object paths{
      {"/api/infrastructure/racks/{id}",
       json::object{{"get", oa_op("A rack's front view: what stands in which units, and the servers of the rack not placed yet",
                                  "infrastructure.read", oa_ref("InfraRackElevation"))},
                    {"patch", oa_op("Change a rack's code or height (not below an occupied unit)", kOwnWrite,
                                    oa_ref("InfraRack"), oa_object({{"code", oa_str()}, {"units", oa_int()}}, false))}}},
      {"/api/infrastructure/servers/{id}/placement",
       json::object{{"put", oa_op("Place or move a server in the rack its record names (lowest unit and height)", kOwnWrite,
                                  oa_ref("InfraRackPlacement"), unit_body)},
                    {"delete", oa_removed("Remove a server's unit position (it stays in its rack, not placed)", kOwnWrite)}}},
      {"/api/infrastructure/devices/{id}/placement",
       json::object{{"put", oa_op("Place or move a network device in a rack (lowest unit and height)", kOwnWrite,
                                  oa_ref("InfraRackPlacement"), device_unit_body)},
                    {"delete", oa_removed("Remove a network device from its rack position", kOwnWrite)}}},
      {"/api/infrastructure/backup-duties/{id}",
       json::object{{"patch", oa_op("Change a backup duty (the checks of creation, with their articles)", kOwnWrite,
                                    oa_ref("InfraBackupDuty"),
                                    oa_object({{"agency_id", oa_str()},
                                               {"name", oa_str()},
                                               {"data_element_id", oa_nstr()},
                                               {"schedule_days", oa_int()},
                                               {"retention_days", oa_int()},
                                               {"target_site_id", oa_nstr()},
                                               {"restore_test_days", oa_int()},
                                               {"performed_by", oa_str()},
                                               {"owner_approval", oa_str()},
                                               {"exception_basis", oa_str()}},
                                              false))}}},
      {"/api/infrastructure/lans/{id}",
       json::object{{"patch", oa_op("Change a PD's LAN (the checks of creation)", kOwnWrite, oa_ref("InfraLan"),
                                    oa_object({{"agency_id", oa_str()},
                                               {"name", oa_str()},
                                               {"built_by", oa_str()},
                                               {"registered_on", oa_str()}},
                                              false))}}},
      {"/api/infrastructure/wan-links/{id}",
       json::object{{"patch", oa_op("Change a WAN link: its element fields or its record (the checks of creation, with their articles)",
                                    "infrastructure.write (own agency of the link's origin: infrastructure.write.own)",
                                    oa_ref("InfraWanLink"),
                                    oa_object({{"code", oa_str()},
                                               {"name", oa_str()},
                                               {"description", oa_str()},
                                               {"from_agency_id", oa_str()},
                                               {"to_agency_id", oa_str()},
                                               {"medium", oa_str()},
                                               {"capacity_mbps", oa_int()},
                                               {"operated_by", oa_str()},
                                               {"provider", oa_str()}},
                                              false))}}}};
  json::object doc{{"paths", std::move(paths)},
                   {"components", json::object{{"schemas", json::object{{"InfraRackPlacement", std::move(placement)},
                                                                        {"InfraRackElevation", std::move(elevation)}}}}}};
  return json::serialize(doc);
}

}  // namespace

std::string_view edit_openapi_fragment() {
  static const std::string k = oa_build();
  return k;
}

}  // namespace simpul::infrastructure
