// /api/gateway/grants: this module's part of the API contract (openapi.cpp lists the parts).
#include <string_view>

namespace simpul::gateway::control {

std::string_view openapi_grants_fragment() {
  return R"json({
 "paths": {
  "/api/gateway/grants": {
   "get": {
    "tags": [
     "Gateway"
    ],
    "summary": "Grants with their legal basis (query service, consumer, active)",
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
            "$ref": "#/components/schemas/GatewayGrant"
           }
          },
          "total": {
           "type": "integer"
          },
          "page": {
           "type": "integer"
          },
          "per_page": {
           "type": "integer"
          }
         },
         "required": [
          "items",
          "total",
          "page",
          "per_page"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: gateway.read.",
    "parameters": [
     "list-query"
    ]
   }
  },
  "/api/gateway/grants/{id}/revoke": {
   "post": {
    "tags": [
     "Gateway"
    ],
    "summary": "Revoke a grant with a reason",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "consumer": {
           "type": "object",
           "properties": {
            "agency": {
             "type": "object",
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
             ]
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
           ]
          },
          "granted_at": {
           "type": "string"
          },
          "granted_by": {
           "type": "string"
          },
          "id": {
           "type": "string"
          },
          "legal_basis": {
           "type": "object",
           "properties": {
            "kind": {
             "type": "string",
             "enum": [
              "permohonan",
              "penetapan"
             ]
            },
            "note": {
             "type": "string"
            },
            "request_id": {
             "type": "string"
            },
            "rule": {
             "type": "object",
             "properties": {
              "citation": {
               "type": "string"
              },
              "id": {
               "type": "string"
              }
             },
             "required": [
              "citation",
              "id"
             ]
            }
           },
           "required": [
            "kind",
            "note",
            "request_id",
            "rule"
           ]
          },
          "methods": {
           "type": "array",
           "items": {
            "type": "string"
           }
          },
          "path_prefix": {
           "type": "string"
          },
          "revoke_reason": {
           "type": "string"
          },
          "revoked_at": {
           "type": "string"
          },
          "service": {
           "type": "object",
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
           ]
          }
         },
         "required": [
          "consumer",
          "granted_at",
          "granted_by",
          "id",
          "legal_basis",
          "methods",
          "path_prefix",
          "revoke_reason",
          "revoked_at",
          "service"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: gateway.write for the service's agency.",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
         "reason": {
          "type": "string"
         }
        },
        "required": [
         "reason"
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
   "GatewayGrant": {
    "type": "object",
    "properties": {
     "consumer": {
      "type": "object",
      "properties": {
       "agency": {
        "type": "object",
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
        ]
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
      ]
     },
     "granted_at": {
      "type": "string"
     },
     "granted_by": {
      "type": "string"
     },
     "id": {
      "type": "string"
     },
     "legal_basis": {
      "type": "object",
      "properties": {
       "kind": {
        "type": "string",
        "enum": [
         "permohonan",
         "penetapan"
        ]
       },
       "note": {
        "type": "string",
        "nullable": true
       },
       "request_id": {
        "type": "string",
        "nullable": true
       },
       "rule": {
        "type": "object",
        "properties": {
         "citation": {
          "type": "string"
         },
         "id": {
          "type": "string"
         }
        },
        "required": [
         "citation",
         "id"
        ],
        "nullable": true
       }
      },
      "required": [
       "kind",
       "note",
       "request_id",
       "rule"
      ]
     },
     "methods": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "path_prefix": {
      "type": "string",
      "nullable": true
     },
     "revoke_reason": {
      "type": "string",
      "nullable": true
     },
     "revoked_at": {
      "type": "string",
      "nullable": true
     },
     "service": {
      "type": "object",
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
      ]
     }
    },
    "required": [
     "consumer",
     "granted_at",
     "granted_by",
     "id",
     "legal_basis",
     "methods",
     "path_prefix",
     "revoke_reason",
     "revoked_at",
     "service"
    ],
    "description": "A consumer's right to call a service (or a path of it), with its legal basis"
   }
  }
 }
})json";
}

}  // namespace simpul::gateway::control
