// Recommendations of applications and their decisions: this module's part of the API contract (openapi.cpp lists the
// parts).
#include <string_view>

namespace simpul::applications {

std::string_view openapi_recommendations_fragment() {
  return R"json({
 "paths": {
  "/api/applications/{id}/recommendations": {
   "post": {
    "tags": [
     "Applications"
    ],
    "summary": "Ask Diskominfo for a recommendation",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ApplicationRecommendation"
        }
       }
      }
     }
    },
    "description": "Requires: applications.write (own agency: applications.write.own).",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
         "purpose": {
          "type": "string"
         },
         "justification": {
          "type": "string"
         }
        },
        "required": [
         "purpose"
        ]
       }
      }
     }
    }
   }
  },
  "/api/recommendations": {
   "get": {
    "tags": [
     "Applications"
    ],
    "summary": "Recommendation requests (Diskominfo's inbox with state=diajukan)",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "items": {
           "type": "array",
           "items": {
            "$ref": "#/components/schemas/ApplicationRecommendation"
           }
          },
          "total": {
           "type": "integer"
          }
         },
         "required": [
          "items",
          "total"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: applications.read."
   }
  },
  "/api/recommendations/{id}/decision": {
   "post": {
    "tags": [
     "Applications"
    ],
    "summary": "Approve or reject a recommendation request",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "application_code": {
           "type": "string"
          },
          "application_id": {
           "type": "string"
          },
          "application_name": {
           "type": "string"
          },
          "decided_at": {
           "type": "string"
          },
          "decided_by_name": {
           "type": "string"
          },
          "id": {
           "type": "string"
          },
          "justification": {
           "type": "string"
          },
          "owner_agency_id": {
           "type": "string"
          },
          "owner_agency_name": {
           "type": "string"
          },
          "purpose": {
           "type": "string"
          },
          "reasons": {
           "type": "string"
          },
          "requested_at": {
           "type": "string"
          },
          "requested_by_name": {
           "type": "string"
          },
          "state": {
           "type": "string"
          }
         },
         "required": [
          "application_code",
          "application_id",
          "application_name",
          "decided_at",
          "decided_by_name",
          "id",
          "justification",
          "owner_agency_id",
          "owner_agency_name",
          "purpose",
          "reasons",
          "requested_at",
          "requested_by_name",
          "state"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: applications.recommend.",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
         "decision": {
          "type": "string"
         },
         "reasons": {
          "type": "string"
         }
        },
        "required": [
         "decision",
         "reasons"
        ]
       }
      }
     }
    }
   }
  }
 },
 "components": {
  "schemas": {
   "ApplicationRecommendation": {
    "properties": {
     "application_code": {
      "type": "string"
     },
     "application_id": {
      "type": "string"
     },
     "application_name": {
      "type": "string"
     },
     "decided_at": {
      "nullable": true,
      "type": "string"
     },
     "decided_by_name": {
      "type": "string",
      "nullable": true
     },
     "id": {
      "type": "string"
     },
     "justification": {
      "type": "string"
     },
     "owner_agency_id": {
      "type": "string"
     },
     "owner_agency_name": {
      "type": "string",
      "nullable": true
     },
     "purpose": {
      "type": "string"
     },
     "reasons": {
      "type": "string",
      "nullable": true
     },
     "requested_at": {
      "type": "string"
     },
     "requested_by_name": {
      "type": "string",
      "nullable": true
     },
     "state": {
      "type": "string",
      "enum": [
       "diajukan",
       "disetujui",
       "ditolak"
      ]
     }
    },
    "required": [
     "application_code",
     "application_id",
     "application_name",
     "decided_at",
     "decided_by_name",
     "id",
     "justification",
     "owner_agency_id",
     "owner_agency_name",
     "purpose",
     "reasons",
     "requested_at",
     "requested_by_name",
     "state"
    ],
    "type": "object"
   }
  }
 }
})json";
}

}  // namespace simpul::applications
