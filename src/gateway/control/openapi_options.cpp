// /api/gateway/options and /directory: this module's part of the API contract (openapi.cpp lists the parts).
#include <string_view>

namespace simpul::gateway::control {

std::string_view openapi_options_fragment() {
  return R"json({
 "paths": {
  "/api/gateway/options": {
   "get": {
    "tags": [
     "Gateway"
    ],
    "summary": "The profile's gateway section: operator, recommender, approver and refusal grounds with citations",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "approver": {
           "type": "object",
           "properties": {
            "name": {
             "type": "string"
            },
            "role": {
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
            "name",
            "role",
            "rule"
           ]
          },
          "classifications": {
           "type": "array",
           "items": {
            "type": "object",
            "properties": {
             "id": {
              "type": "string",
              "enum": [
               "publik",
               "terbatas",
               "rahasia"
              ]
             },
             "name": {
              "type": "string"
             }
            },
            "required": [
             "id",
             "name"
            ]
           }
          },
          "gateway_base_url": {
           "type": "string",
           "nullable": true
          },
          "operator": {
           "type": "object",
           "properties": {
            "name": {
             "type": "string"
            },
            "role": {
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
            "name",
            "role",
            "rule"
           ]
          },
          "recommender": {
           "type": "object",
           "properties": {
            "kind": {
             "type": "string",
             "enum": [
              "owner_agency",
              "none"
             ]
            },
            "name": {
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
             ],
             "nullable": true
            }
           },
           "required": [
            "kind",
            "name",
            "rule"
           ]
          },
          "refusal_grounds": {
           "type": "array",
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
             "id",
             "name",
             "rule"
            ]
           }
          },
          "request_fields_rule": {
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
          "approver",
          "classifications",
          "gateway_base_url",
          "operator",
          "recommender",
          "refusal_grounds",
          "request_fields_rule"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: gateway.read."
   }
  },
  "/api/gateway/directory": {
   "get": {
    "tags": [
     "Gateway"
    ],
    "summary": "Active services with the caller's agency's access (my_access: ada, diajukan, tidak)",
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
            "type": "object",
            "properties": {
             "active": {
              "type": "boolean"
             },
             "classification": {
              "type": "string",
              "enum": [
               "publik",
               "terbatas",
               "rahasia"
              ]
             },
             "code": {
              "type": "string"
             },
             "created_at": {
              "type": "string"
             },
             "description": {
              "type": "string",
              "nullable": true
             },
             "has_openapi": {
              "type": "boolean"
             },
             "id": {
              "type": "string"
             },
             "links": {
              "type": "object",
              "properties": {
               "application_id": {
                "type": "string",
                "nullable": true
               },
               "data_element_id": {
                "type": "string",
                "nullable": true
               },
               "service_element_id": {
                "type": "string",
                "nullable": true
               }
              },
              "required": [
               "application_id",
               "data_element_id",
               "service_element_id"
              ]
             },
             "my_access": {
              "type": "string",
              "enum": [
               "ada",
               "diajukan",
               "tidak"
              ]
             },
             "name": {
              "type": "string"
             },
             "owner_agency": {
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
             "policy": {
              "$ref": "#/components/schemas/GatewayPolicy"
             },
             "public_path": {
              "type": "string"
             },
             "updated_at": {
              "type": "string"
             },
             "upstream_base_url": {
              "type": "string"
             },
             "version": {
              "type": "string"
             }
            },
            "required": [
             "active",
             "classification",
             "code",
             "created_at",
             "description",
             "has_openapi",
             "id",
             "links",
             "my_access",
             "name",
             "owner_agency",
             "policy",
             "public_path",
             "updated_at",
             "upstream_base_url",
             "version"
            ]
           }
          }
         },
         "required": [
          "items"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: gateway.read."
   }
  }
 }
})json";
}

}  // namespace simpul::gateway::control
