// /api/teams and their members: this module's part of the API contract (openapi.cpp lists the parts).
#include <string_view>

namespace simpul::tenancy {

std::string_view openapi_teams_fragment() {
  return R"json({
 "paths": {
  "/api/teams": {
   "get": {
    "tags": [
     "Organisation"
    ],
    "summary": "Teams the regulation prescribes, with members",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "type": "object",
          "properties": {
           "id": {
            "type": "string"
           },
           "instrument": {
            "type": "string"
           },
           "kind": {
            "type": "string"
           },
           "members": {
            "type": "array",
            "items": {
             "type": "object",
             "properties": {
              "agency_name": {
               "type": "string"
              },
              "created_at": {
               "type": "string"
              },
              "display_name": {
               "type": "string"
              },
              "id": {
               "type": "string"
              },
              "position_id": {
               "type": "string"
              },
              "position_name": {
               "type": "string"
              },
              "team_id": {
               "type": "string"
              },
              "user_id": {
               "type": "string"
              }
             },
             "required": [
              "agency_name",
              "created_at",
              "display_name",
              "id",
              "position_id",
              "position_name",
              "team_id",
              "user_id"
             ]
            }
           },
           "name": {
            "type": "string"
           },
           "optional": {
            "type": "boolean"
           },
           "positions": {
            "type": "array",
            "items": {
             "type": "object",
             "properties": {
              "duties": {
               "type": "array",
               "items": {
                "type": "string"
               }
              },
              "holder": {
               "type": "string",
               "nullable": true
              },
              "id": {
               "type": "string"
              },
              "max": {
               "type": "integer",
               "nullable": true
              },
              "min": {
               "type": "integer"
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
              "duties",
              "holder",
              "id",
              "max",
              "min",
              "name",
              "rule"
             ]
            }
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
           "instrument",
           "kind",
           "members",
           "name",
           "optional",
           "positions",
           "rule"
          ]
         }
        }
       }
      }
     }
    },
    "description": "Requires: team.read."
   }
  },
  "/api/teams/{id}/members": {
   "post": {
    "tags": [
     "Organisation"
    ],
    "summary": "Add a member to a team position",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/TeamMember"
        }
       }
      }
     }
    },
    "description": "Requires: team.manage.",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
         "user_id": {
          "type": "string"
         },
         "position_id": {
          "type": "string"
         }
        },
        "required": [
         "user_id",
         "position_id"
        ]
       }
      }
     }
    }
   }
  },
  "/api/teams/{id}/members/{member_id}": {
   "delete": {
    "tags": [
     "Organisation"
    ],
    "summary": "Remove a team member",
    "responses": {
     "204": {
      "description": "success"
     }
    },
    "description": "Requires: team.manage."
   }
  }
 },
 "components": {
  "schemas": {
   "TeamMember": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
     "id": {
      "type": "string"
     },
     "team_id": {
      "type": "string"
     },
     "user_id": {
      "type": "string"
     },
     "display_name": {
      "type": "string"
     },
     "agency_name": {
      "type": "string"
     },
     "position_id": {
      "type": "string"
     },
     "position_name": {
      "type": "string"
     },
     "created_at": {
      "type": "string"
     }
    }
   }
  }
 }
})json";
}

}  // namespace simpul::tenancy
