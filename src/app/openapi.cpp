// The routes of this module as the API contract states them (http/api_description.hpp): request
// and response schemas, summaries and permissions. Registered with the routes; served at
// /api/openapi.json; every answer the API tests receive is checked against it.
#include <string_view>

namespace simpul::app {

std::string_view openapi_fragment() {
  return R"json({
 "paths": {
  "/healthz": {
   "get": {
    "tags": [
     "System"
    ],
    "summary": "Liveness and database reachability",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "additionalProperties": false,
         "properties": {
          "status": {
           "type": "string"
          }
         }
        }
       }
      }
     }
    },
    "security": []
   }
  },
  "/metrics": {
   "get": {
    "tags": [
     "System"
    ],
    "summary": "Prometheus metrics (loopback, or ledger.verify)",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "string"
        }
       }
      }
     }
    },
    "security": []
   }
  },
  "/api/openapi.json": {
   "get": {
    "tags": [
     "System"
    ],
    "summary": "This document",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "additionalProperties": true,
         "description": "The OpenAPI 3.0 document itself"
        }
       }
      }
     }
    },
    "security": []
   }
  },
  "/api/errors": {
   "get": {
    "tags": [
     "System"
    ],
    "summary": "The error catalogue in both languages",
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
           "code": {
            "type": "string"
           },
           "message": {
            "type": "object",
            "properties": {
             "en": {
              "type": "string"
             },
             "id": {
              "type": "string"
             }
            },
            "required": [
             "en",
             "id"
            ]
           },
           "status": {
            "type": "integer"
           }
          },
          "required": [
           "code",
           "message",
           "status"
          ]
         }
        }
       }
      }
     }
    },
    "security": []
   }
  },
  "/api/dashboard": {
   "get": {
    "tags": [
     "Tenancy"
    ],
    "summary": "Counts and recent activity",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "agencies": {
           "type": "integer"
          },
          "recent_ledger": {
           "type": "array",
           "items": {
            "$ref": "#/components/schemas/LedgerEntry"
           }
          },
          "rules": {
           "type": "integer"
          },
          "teams": {
           "type": "integer"
          },
          "users": {
           "type": "integer"
          }
         },
         "required": [
          "agencies",
          "recent_ledger",
          "rules",
          "teams",
          "users"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: dashboard.read."
   }
  }
 },
 "components": {
  "schemas": {
   "Error": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
     "error": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
       "code": {
        "type": "string"
       },
       "message": {
        "type": "string"
       },
       "details": {
        "type": "object",
        "additionalProperties": true,
        "description": "What the code needs to explain itself: the field, the rule and citation, the object (docs/api.md)"
       },
       "request_id": {
        "type": "string"
       },
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
       }
      },
      "required": [
       "code",
       "message"
      ]
     }
    },
    "required": [
     "error"
    ]
   },
   "Team": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string"
     },
     "instrument": {
      "type": "string",
      "nullable": true
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
         ],
         "nullable": true
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
      ],
      "nullable": true
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
    ],
    "description": "Team with the positions its regulation prescribes and its members"
   },
   "LedgerEntry": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
     "seq": {
      "type": "integer"
     },
     "at": {
      "type": "string"
     },
     "tenant_id": {
      "type": "string"
     },
     "actor": {
      "type": "object",
      "additionalProperties": false,
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
     },
     "action": {
      "type": "string"
     },
     "object_type": {
      "type": "string"
     },
     "object_id": {
      "type": "string"
     },
     "details": {
      "type": "string"
     },
     "digest": {
      "type": "string"
     },
     "prev_hash": {
      "type": "string"
     },
     "hash": {
      "type": "string"
     }
    },
    "required": [
     "action",
     "actor",
     "at",
     "digest",
     "hash",
     "object_id",
     "object_type",
     "prev_hash",
     "seq",
     "tenant_id"
    ]
   },
   "Page": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
     "items": {
      "type": "array",
      "items": {
       "type": "object",
       "additionalProperties": true,
       "description": "One record of the list; each list route describes its own items"
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
    }
   }
  }
 }
})json";
}

}  // namespace simpul::app
