// The server import routes as the API contract states them (http/api_description.hpp).
#include <string_view>

#include "infrastructure/server_import.hpp"

namespace simpul::infrastructure {

std::string_view server_import_openapi_fragment() {
  return R"json({
 "paths": {
  "/api/infrastructure/servers/import": {
   "post": {
    "tags": [
     "Infrastructure"
    ],
    "summary": "Import servers from CSV or XLSX (?dry_run=true|false, default true); raw file body, format detected from the content; Indonesian headers (template.csv); all rows or none",
    "description": "Requires: infrastructure.write. A real run with problems answers 422 import.has_problems with the same problems in error.details.",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/InfraServerImportResult"
        }
       }
      }
     }
    }
   }
  },
  "/api/infrastructure/servers/import/template.csv": {
   "get": {
    "tags": [
     "Infrastructure"
    ],
    "summary": "CSV template of the server import: header row and one example row naming a PD and Pusat Data of the tenant (attachment)",
    "description": "Requires: infrastructure.read.",
    "responses": {
     "200": {
      "description": "success"
     }
    }
   }
  }
 },
 "components": {
  "schemas": {
   "InfraServerImportResult": {
    "type": "object",
    "additionalProperties": false,
    "required": [
     "dry_run",
     "ok",
     "rows",
     "created",
     "problems"
    ],
    "properties": {
     "dry_run": {
      "type": "boolean"
     },
     "ok": {
      "type": "boolean"
     },
     "rows": {
      "type": "integer"
     },
     "created": {
      "type": "integer",
      "description": "servers created (a dry run: that would be created)"
     },
     "problems": {
      "type": "array",
      "items": {
       "type": "object",
       "additionalProperties": false,
       "required": [
        "sheet",
        "row",
        "column",
        "message"
       ],
       "properties": {
        "sheet": {
         "type": "string"
        },
        "row": {
         "type": "integer",
         "description": "spreadsheet row (the header is row 1)"
        },
        "column": {
         "type": "string",
         "description": "column key, e.g. kode_lokasi"
        },
        "message": {
         "type": "string",
         "description": "Indonesian: what is wrong and what to write instead"
        }
       }
      }
     }
    }
   }
  }
 }
})json";
}

}  // namespace simpul::infrastructure
