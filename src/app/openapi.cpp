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
         "type": "object"
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
           "items": {}
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
        "type": "object"
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
        }
       }
      }
     }
    }
   },
   "Team": {
    "type": "object",
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
      }
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
    }
   },
   "Page": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
     "items": {
      "type": "array",
      "items": {
       "type": "object"
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
