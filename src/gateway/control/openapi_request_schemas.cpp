// The access request and its steps (component schemas): this module's part of the API contract (openapi.cpp lists the
// parts).
#include <string_view>

namespace simpul::gateway::control {

std::string_view openapi_request_schemas_fragment() {
  return R"json({
 "components": {
  "schemas": {
   "GatewayAccessRequest": {
    "properties": {
     "can_cancel": {
      "type": "boolean"
     },
     "can_decide": {
      "type": "boolean"
     },
     "can_recommend": {
      "type": "boolean"
     },
     "commercial_use": {
      "type": "boolean"
     },
     "consumer": {
      "properties": {
       "agency": {
        "properties": {
         "code": {
          "type": "string"
         },
         "id": {
          "type": "string"
         },
         "name": {
          "type": "string"
         }
        },
        "required": [
         "code",
         "id",
         "name"
        ],
        "type": "object"
       },
       "id": {
        "type": "string"
       },
       "name": {
        "type": "string"
       }
      },
      "required": [
       "agency",
       "id",
       "name"
      ],
      "type": "object"
     },
     "created_at": {
      "type": "string"
     },
     "data_needed": {
      "type": "string"
     },
     "grant_id": {
      "nullable": true,
      "type": "string"
     },
     "id": {
      "type": "string"
     },
     "methods": {
      "items": {
       "type": "string"
      },
      "type": "array"
     },
     "path_prefix": {
      "type": "string",
      "nullable": true
     },
     "purpose": {
      "type": "string"
     },
     "responsible_person": {
      "type": "string"
     },
     "service": {
      "properties": {
       "code": {
        "type": "string"
       },
       "id": {
        "type": "string"
       },
       "name": {
        "type": "string"
       },
       "owner_agency": {
        "properties": {
         "code": {
          "type": "string"
         },
         "id": {
          "type": "string"
         },
         "name": {
          "type": "string"
         }
        },
        "required": [
         "code",
         "id",
         "name"
        ],
        "type": "object"
       }
      },
      "required": [
       "code",
       "id",
       "name",
       "owner_agency"
      ],
      "type": "object"
     },
     "state": {
      "type": "string",
      "enum": [
       "diajukan",
       "direkomendasikan",
       "disetujui",
       "ditolak",
       "dibatalkan"
      ]
     },
     "steps": {
      "items": {
       "$ref": "#/components/schemas/GatewayStep"
      },
      "type": "array"
     },
     "work_unit": {
      "type": "string"
     },
     "source_address": {
      "type": "string",
      "description": "The address the request was sent from (Balikpapan Pasal 9 ayat (7))"
     },
     "grounds": {
      "type": "array",
      "description": "Refusal grounds that apply, as flags for the decider: id, name, rule, reason",
      "items": {
       "type": "object",
       "properties": {
        "id": {
         "type": "string"
        },
        "name": {
         "type": "string"
        },
        "rule": {
         "type": "object",
         "properties": {
          "id": {
           "type": "string"
          },
          "citation": {
           "type": "string"
          }
         },
         "required": [
          "citation",
          "id"
         ]
        },
        "reason": {
         "type": "string"
        }
       },
       "required": [
        "id",
        "name",
        "rule",
        "reason"
       ]
      }
     },
     "addressees": {
      "type": "object",
      "nullable": true,
      "description": "Where the regulation addresses the request letter (Balikpapan Pasal 9 ayat (5)): to the decider, with copies to the Dinas and the PD Wali Data; null elsewhere",
      "properties": {
       "rule": {
        "type": "object",
        "nullable": true,
        "properties": {
         "id": {
          "type": "string"
         },
         "citation": {
          "type": "string"
         }
        },
        "required": [
         "citation",
         "id"
        ]
       },
       "to": {
        "type": "object",
        "properties": {
         "role": {
          "type": "string"
         },
         "name": {
          "type": "string"
         }
        },
        "required": [
         "name",
         "role"
        ]
       },
       "copies": {
        "type": "array",
        "items": {
         "type": "object",
         "properties": {
          "role": {
           "type": "string"
          },
          "agency_id": {
           "type": "string"
          },
          "name": {
           "type": "string"
          }
         },
         "required": [
          "name"
         ]
        }
       }
      },
      "required": [
       "copies",
       "rule",
       "to"
      ]
     }
    },
    "required": [
     "can_cancel",
     "can_decide",
     "can_recommend",
     "commercial_use",
     "consumer",
     "created_at",
     "data_needed",
     "grant_id",
     "grounds",
     "id",
     "methods",
     "path_prefix",
     "purpose",
     "responsible_person",
     "service",
     "source_address",
     "state",
     "steps",
     "work_unit"
    ],
    "type": "object"
   },
   "GatewayStep": {
    "properties": {
     "action": {
      "type": "string"
     },
     "actor": {
      "type": "string"
     },
     "at": {
      "type": "string"
     },
     "decision": {
      "nullable": true,
      "type": "string"
     },
     "note": {
      "nullable": true,
      "type": "string"
     },
     "ground": {
      "type": "string",
      "nullable": true,
      "description": "The refusal ground a refusal rests on"
     }
    },
    "required": [
     "action",
     "actor",
     "at",
     "decision",
     "note"
    ],
    "type": "object"
   }
  }
 }
})json";
}

}  // namespace simpul::gateway::control
