// The routes of this module as the API contract states them (http/api_description.hpp): request
// and response schemas, summaries and permissions. Registered with the routes; served at
// /api/openapi.json; every answer the API tests receive is checked against it.
#include <string_view>

namespace simpul::ledger {

std::string_view openapi_fragment() {
  return R"json({
 "paths": {
  "/api/ledger": {
   "get": {
    "tags": [
     "Ledger"
    ],
    "summary": "Ledger entries of the tenant, newest first",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Page"
        }
       }
      }
     }
    },
    "description": "Requires: ledger.read.",
    "parameters": [
     "list-query"
    ]
   }
  },
  "/api/ledger/verify": {
   "post": {
    "tags": [
     "Ledger"
    ],
    "summary": "Verify the whole hash chain and signed checkpoints",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/VerifyResult"
        }
       }
      }
     }
    },
    "description": "Requires: ledger.verify."
   }
  }
 },
 "components": {
  "schemas": {
   "VerifyResult": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
     "ok": {
      "type": "boolean"
     },
     "entries_checked": {
      "type": "integer"
     },
     "checkpoints_checked": {
      "type": "integer"
     },
     "public_key": {
      "type": "string"
     },
     "high_water_mark": {
      "type": "object",
      "nullable": true,
      "properties": {
       "seq": {
        "type": "integer"
       },
       "at": {
        "type": "string"
       }
      },
      "required": [
       "at",
       "seq"
      ]
     },
     "warnings": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "first_problem": {
      "type": "object",
      "nullable": true,
      "properties": {
       "seq": {
        "type": "integer"
       },
       "problem": {
        "type": "string",
        "enum": [
         "edited",
         "deleted",
         "reordered",
         "bad_signature"
        ]
       },
       "message": {
        "type": "string"
       }
      },
      "required": [
       "message",
       "problem",
       "seq"
      ]
     }
    },
    "required": [
     "checkpoints_checked",
     "entries_checked",
     "first_problem",
     "ok"
    ]
   }
  }
 }
})json";
}

}  // namespace simpul::ledger
