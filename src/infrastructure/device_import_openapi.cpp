// The device import routes as the API contract states them (http/api_description.hpp); the answer is
// the server import's (InfraServerImportResult), the same machinery.
#include <string_view>

#include "infrastructure/device_import.hpp"

namespace simpul::infrastructure {

std::string_view device_import_openapi_fragment() {
  return R"json({
 "paths": {
  "/api/infrastructure/devices/import": {
   "post": {
    "tags": ["Infrastructure"],
    "summary": "Import network devices from CSV or XLSX (?dry_run=true|false, default true); raw file body, format detected from the content; Indonesian headers (template.csv); all rows or none",
    "description": "Requires: infrastructure.write. A real run with problems answers 422 import.has_problems with the same problems in error.details.",
    "responses": {
     "200": {
      "description": "success",
      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/InfraServerImportResult"}}}
     }
    }
   }
  },
  "/api/infrastructure/devices/import/template.csv": {
   "get": {
    "tags": ["Infrastructure"],
    "summary": "CSV template of the device import: header row and one example row naming a PD of the tenant (attachment)",
    "description": "Requires: infrastructure.read.",
    "responses": {"200": {"description": "success"}}
   }
  }
 }
})json";
}

}  // namespace simpul::infrastructure
