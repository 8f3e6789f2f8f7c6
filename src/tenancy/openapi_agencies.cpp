// /api/agencies: this module's part of the API contract (openapi.cpp lists the parts).
#include <string_view>

namespace simpul::tenancy {

std::string_view openapi_agencies_fragment() {
  return R"json({
 "paths": {
  "/api/agencies": {
   "get": {
    "tags": [
     "Organisation"
    ],
    "summary": "List Perangkat Daerah",
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
            "$ref": "#/components/schemas/Agency"
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
    "description": "Requires: agency.read.",
    "parameters": [
     "list-query"
    ]
   },
   "post": {
    "tags": [
     "Organisation"
    ],
    "summary": "Create a Perangkat Daerah",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Agency"
        }
       }
      }
     }
    },
    "description": "Requires: agency.write.",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/AgencyInput"
       }
      }
     }
    }
   }
  },
  "/api/agencies/{id}": {
   "get": {
    "tags": [
     "Organisation"
    ],
    "summary": "One Perangkat Daerah with its positions",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "allOf": [
          {
           "$ref": "#/components/schemas/Agency"
          },
          {
           "type": "object",
           "properties": {
            "positions": {
             "type": "array",
             "items": {
              "type": "object",
              "properties": {
               "id": {
                "type": "string",
                "nullable": true
               },
               "title": {
                "type": "string",
                "nullable": true
               },
               "holder_name": {
                "type": "string",
                "nullable": true
               },
               "agency_id": {
                "type": "string",
                "nullable": true
               },
               "role_id": {
                "type": "string",
                "nullable": true
               }
              },
              "required": [
               "id",
               "title",
               "holder_name",
               "agency_id",
               "role_id"
              ]
             }
            },
            "user_count": {
             "type": "integer",
             "description": "Accounts of this agency (only on GET /api/agencies/{id})."
            }
           },
           "required": [
            "positions",
            "user_count"
           ]
          }
         ]
        }
       }
      }
     }
    },
    "description": "Requires: agency.read."
   },
   "patch": {
    "tags": [
     "Organisation"
    ],
    "summary": "Change a Perangkat Daerah",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Agency"
        }
       }
      }
     }
    },
    "description": "Requires: agency.write (or .own).",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/AgencyInput"
       }
      }
     }
    }
   },
   "delete": {
    "tags": [
     "Organisation"
    ],
    "summary": "Delete an unreferenced Perangkat Daerah",
    "responses": {
     "204": {
      "description": "success"
     }
    },
    "description": "Requires: agency.write."
   }
  }
 },
 "components": {
  "schemas": {
   "Agency": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string"
     },
     "code": {
      "type": "string"
     },
     "name": {
      "type": "string"
     },
     "short_name": {
      "type": "string"
     },
     "type": {
      "type": "string"
     },
     "flags": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "mandiri_tik_decree": {
      "type": "string",
      "nullable": true
     },
     "head_title": {
      "type": "string"
     },
     "created_at": {
      "type": "string"
     },
     "updated_at": {
      "type": "string"
     }
    },
    "required": [
     "code",
     "created_at",
     "flags",
     "head_title",
     "id",
     "mandiri_tik_decree",
     "name",
     "short_name",
     "type",
     "updated_at"
    ]
   },
   "AgencyInput": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
     "code": {
      "type": "string"
     },
     "name": {
      "type": "string"
     },
     "short_name": {
      "type": "string"
     },
     "type": {
      "type": "string"
     },
     "flags": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "mandiri_tik_decree": {
      "type": "string",
      "nullable": true
     },
     "head_title": {
      "type": "string"
     }
    }
   }
  }
 }
})json";
}

}  // namespace simpul::tenancy
