// /api/applications/options: this module's part of the API contract (openapi.cpp lists the parts).
#include <string_view>

namespace simpul::applications {

std::string_view openapi_options_fragment() {
  return R"json({
 "paths": {
  "/api/applications/options": {
   "get": {
    "tags": [
     "Applications"
    ],
    "summary": "Every choice the application forms offer, from the profile",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "artifact_kinds": {
           "type": "array",
           "items": {
            "type": "object",
            "properties": {
             "id": {
              "type": "string"
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
          "builders": {
           "type": "array",
           "items": {
            "type": "object",
            "properties": {
             "id": {
              "type": "string"
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
          "categories": {
           "type": "array",
           "items": {
            "type": "object",
            "properties": {
             "id": {
              "type": "string"
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
          "consideration_kinds": {
           "type": "array",
           "items": {
            "type": "object",
            "properties": {
             "id": {
              "type": "string"
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
          "handover": {
           "type": "object",
           "properties": {
            "documents": {
             "type": "array",
             "items": {
              "type": "object",
              "properties": {
               "id": {
                "type": "string"
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
             ],
             "nullable": true
            }
           },
           "required": [
            "documents",
            "rule"
           ],
           "nullable": true
          },
          "hosting": {
           "type": "array",
           "items": {
            "type": "object",
            "properties": {
             "id": {
              "type": "string"
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
          "khusus_categories": {
           "type": "array",
           "items": {
            "type": "string"
           }
          },
          "lifecycle_rule": {
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
           ],
           "nullable": true
          },
          "recommendation_rule": {
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
           ],
           "nullable": true
          },
          "recommender": {
           "type": "object",
           "properties": {
            "name": {
             "type": "string"
            },
            "role": {
             "type": "string"
            }
           },
           "required": [
            "name",
            "role"
           ]
          },
          "similar_to_umum": {
           "type": "object",
           "properties": {
            "conditions": {
             "type": "array",
             "items": {
              "type": "object",
              "properties": {
               "id": {
                "type": "string"
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
             ],
             "nullable": true
            }
           },
           "required": [
            "conditions",
            "rule"
           ],
           "nullable": true
          },
          "source_models": {
           "type": "array",
           "items": {
            "type": "object",
            "properties": {
             "id": {
              "type": "string"
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
          "stages": {
           "type": "array",
           "items": {
            "type": "object",
            "properties": {
             "id": {
              "type": "string"
             },
             "live": {
              "type": "boolean"
             },
             "name": {
              "type": "string"
             }
            },
            "required": [
             "id",
             "live",
             "name"
            ]
           }
          },
          "umum_category": {
           "type": "string"
          }
         },
         "required": [
          "artifact_kinds",
          "builders",
          "categories",
          "consideration_kinds",
          "handover",
          "hosting",
          "khusus_categories",
          "lifecycle_rule",
          "recommendation_rule",
          "recommender",
          "similar_to_umum",
          "source_models",
          "stages",
          "umum_category"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: applications.read."
   }
  }
 }
})json";
}

}  // namespace simpul::applications
