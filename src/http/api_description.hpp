#pragma once
// The API contract, written once: each module describes its routes (request and response schemas,
// summary, permission) in OpenAPI fragments beside its routes (src/<module>/openapi/*.json, embedded by the build) and
// hands it to the router when it registers them. /api/openapi.json is assembled from what is
// registered; the API tests check every answer against the schema of its route, so the code and
// the contract cannot drift apart (docs/api.md, "The contract").
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

namespace simpul::http {

class Router;

/// Adds a module's fragment — `{"components": {"schemas": {...}}, "paths": {...}}` in OpenAPI 3.0
/// form — to the router's description; throws std::logic_error on a malformed fragment or a
/// component or operation described twice.
void describe(Router& router, std::string_view fragment_json);

/// The whole OpenAPI 3.0.3 document of what the router serves.
boost::json::object openapi_document(const Router& router);

/// The operation object of a route, or nullptr when it is not described.
const boost::json::object* operation_of(const Router& router, std::string_view method, std::string_view pattern);

/// Problems of `value` against `schema` (a subset of JSON Schema as OpenAPI 3.0 uses it: type,
/// nullable, properties, required, additionalProperties, items, enum, allOf, oneOf, $ref to components);
/// empty when it conforms. Each problem names the JSON path ("items[3].owner.id: ...").
std::vector<std::string> schema_problems(const boost::json::value& schema, const boost::json::value& value,
                                         const boost::json::object& components);

}  // namespace simpul::http
