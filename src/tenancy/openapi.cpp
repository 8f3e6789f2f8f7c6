// The routes of this module as the API contract states them (http/api_description.hpp): request
// and response schemas, summaries and permissions. Registered with the routes; served at
// /api/openapi.json; every answer the API tests receive is checked against it.
#include <string_view>

namespace simpul::tenancy {

std::string_view openapi_fragment() {
  return R"json({
 "paths": {
  "/api/tenant": {
   "get": {
    "tags": [
     "Tenancy"
    ],
    "summary": "The caller's tenant",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "created_at": {
           "type": "string"
          },
          "time_zone": {
           "type": "object",
           "description": "The Pemda's local time from its region: every date a user sees is in it",
           "properties": {
            "id": {"type": "string", "enum": ["WIB", "WITA", "WIT"]},
            "iana": {"type": "string"},
            "utc_offset_hours": {"type": "integer"},
            "today": {"type": "string", "description": "today's local date, YYYY-MM-DD"}
           },
           "required": ["id", "iana", "utc_offset_hours", "today"]
          },
          "grace_period_days": {
           "type": "object",
           "description": "Days a finding gives to act where its article states no period: the Pemda's choice (profile grace_period_days, default 30)",
           "properties": {
            "days": {"type": "integer"},
            "stated_in_profile": {"type": "boolean"}
           },
           "required": ["days", "stated_in_profile"]
          },
          "domain": {
           "type": "object",
           "properties": {
            "effective": {
             "type": "string"
            },
            "literal": {
             "type": "string"
            },
            "rule": {
             "type": "string"
            }
           },
           "required": [
            "effective",
            "literal",
            "rule"
           ]
          },
          "email_domain": {
           "type": "object",
           "properties": {
            "effective": {
             "type": "string"
            },
            "literal": {
             "type": "string"
            },
            "rule": {
             "type": "string"
            }
           },
           "required": [
            "effective",
            "literal",
            "rule"
           ]
          },
          "id": {
           "type": "string"
          },
          "name": {
           "type": "string"
          },
          "profile_id": {
           "type": "string"
          },
          "profile_version": {
           "type": "integer"
          },
          "region": {
           "type": "object",
           "properties": {
            "head_title": {
             "type": "string"
            },
            "name": {
             "type": "string"
            },
            "type": {
             "type": "string"
            }
           },
           "required": [
            "head_title",
            "name",
            "type"
           ]
          },
          "regulation": {
           "type": "object",
           "properties": {
            "instrument": {
             "type": "string"
            },
            "label": {
             "type": "string"
            },
            "number": {
             "type": "string"
            },
            "title": {
             "type": "string"
            },
            "year": {
             "type": "integer"
            }
           },
           "required": [
            "instrument",
            "label",
            "number",
            "title",
            "year"
           ]
          },
          "slug": {
           "type": "string"
          }
         },
         "required": [
          "created_at",
          "time_zone",
          "grace_period_days",
          "domain",
          "email_domain",
          "id",
          "name",
          "profile_id",
          "profile_version",
          "region",
          "regulation",
          "slug"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: profile.read."
   }
  },
  "/api/profiles": {
   "get": {
    "tags": [
     "Tenancy"
    ],
    "summary": "Regulation profiles installed",
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
           "name": {
            "type": "string"
           },
           "regulation": {
            "type": "string"
           },
           "rules": {
            "type": "integer"
           },
           "version": {
            "type": "integer"
           }
          },
          "required": [
           "id",
           "name",
           "regulation",
           "rules",
           "version"
          ]
         }
        }
       }
      }
     }
    },
    "description": "Requires: profile.read."
   }
  },
  "/api/profiles/{id}": {
   "get": {
    "tags": [
     "Tenancy"
    ],
    "summary": "A whole regulation profile",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      }
     }
    },
    "description": "Requires: profile.read."
   }
  },
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
         "$ref": "#/components/schemas/Page"
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
         "$ref": "#/components/schemas/Agency"
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
  },
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
            "items": {}
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
               "items": {}
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
   "Agency": {
    "type": "object",
    "additionalProperties": false,
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
     },
     "positions": {
      "type": "array",
      "items": {
       "type": "object"
      }
     },
     "user_count": {
      "type": "integer",
      "description": "Accounts of this agency (only on GET /api/agencies/{id})."
     }
    }
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
   },
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
