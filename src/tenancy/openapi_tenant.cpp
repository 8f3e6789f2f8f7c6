// /api/tenant and /api/profiles: this module's part of the API contract (openapi.cpp lists the parts).
#include <string_view>

namespace simpul::tenancy {

std::string_view openapi_tenant_fragment() {
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
            "id": {
             "type": "string",
             "enum": [
              "WIB",
              "WITA",
              "WIT"
             ]
            },
            "iana": {
             "type": "string"
            },
            "utc_offset_hours": {
             "type": "integer"
            },
            "today": {
             "type": "string",
             "description": "today's local date, YYYY-MM-DD"
            }
           },
           "required": [
            "id",
            "iana",
            "utc_offset_hours",
            "today"
           ]
          },
          "grace_period_days": {
           "type": "object",
           "description": "Days a finding gives to act where its article states no period: the Pemda's choice (profile grace_period_days, default 30)",
           "properties": {
            "days": {
             "type": "integer"
            },
            "stated_in_profile": {
             "type": "boolean"
            }
           },
           "required": [
            "days",
            "stated_in_profile"
           ]
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
           ],
           "nullable": true
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
             "type": "string",
             "nullable": true
            },
            "title": {
             "type": "string"
            },
            "year": {
             "type": "integer",
             "nullable": true
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
         "type": "object",
         "additionalProperties": true,
         "description": "The regulation profile as its YAML file states it (docs/profile-format.md)"
        }
       }
      }
     }
    },
    "description": "Requires: profile.read."
   }
  }
 }
})json";
}

}  // namespace simpul::tenancy
