// /api/gateway/status, /exchanges and /public-key: this module's part of the API contract (openapi.cpp lists the
// parts).
#include <string_view>

namespace simpul::gateway::control {

std::string_view openapi_traffic_fragment() {
  return R"json({
 "paths": {
  "/api/gateway/status": {
   "get": {
    "tags": [
     "Gateway"
    ],
    "summary": "The data plane's live status, merged over instances, for the tenant's services",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "consumers": {
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
             "refused": {
              "type": "integer"
             },
             "requests": {
              "type": "integer"
             }
            },
            "required": [
             "id",
             "name",
             "refused",
             "requests"
            ]
           }
          },
          "instances": {
           "type": "array",
           "items": {
            "type": "object",
            "properties": {
             "config_version": {
              "type": "integer"
             },
             "instance": {
              "type": "string"
             },
             "started_at": {
              "type": "string"
             },
             "updated_at": {
              "type": "string"
             }
            },
            "required": [
             "config_version",
             "instance",
             "started_at",
             "updated_at"
            ]
           }
          },
          "recent": {
           "type": "array",
           "items": {
            "type": "object",
            "properties": {
             "consumer_id": {
              "type": "string"
             },
             "consumer_name": {
              "type": "string",
              "nullable": true
             },
             "error_code": {
              "type": "string",
              "nullable": true
             },
             "method": {
              "type": "string"
             },
             "path": {
              "type": "string"
             },
             "path_masked": {
              "type": "boolean"
             },
             "request_id": {
              "type": "string"
             },
             "service_code": {
              "type": "string"
             },
             "service_id": {
              "type": "string"
             },
             "status": {
              "type": "integer"
             },
             "time": {
              "type": "string"
             },
             "total_ms": {
              "type": "number"
             }
            },
            "required": [
             "consumer_id",
             "consumer_name",
             "error_code",
             "method",
             "path",
             "path_masked",
             "request_id",
             "service_code",
             "service_id",
             "status",
             "time",
             "total_ms"
            ]
           }
          },
          "running": {
           "type": "boolean"
          },
          "services": {
           "type": "array",
           "items": {
            "type": "object",
            "properties": {
             "bytes_in": {
              "type": "integer"
             },
             "bytes_out": {
              "type": "integer"
             },
             "code": {
              "type": "string"
             },
             "health": {
              "type": "string",
              "enum": [
               "sehat",
               "terganggu",
               "tidak_diperiksa"
              ]
             },
             "health_checked_at": {
              "type": "string"
             },
             "health_error": {
              "type": "string",
              "nullable": true
             },
             "id": {
              "type": "string"
             },
             "latency_p50_ms": {
              "type": "number"
             },
             "latency_p99_ms": {
              "type": "number"
             },
             "name": {
              "type": "string"
             },
             "refused": {
              "type": "integer"
             },
             "requests": {
              "type": "integer"
             },
             "responses_2xx": {
              "type": "integer"
             },
             "responses_4xx": {
              "type": "integer"
             },
             "responses_5xx": {
              "type": "integer"
             }
            },
            "required": [
             "bytes_in",
             "bytes_out",
             "code",
             "health",
             "health_checked_at",
             "health_error",
             "id",
             "latency_p50_ms",
             "latency_p99_ms",
             "name",
             "refused",
             "requests",
             "responses_2xx",
             "responses_4xx",
             "responses_5xx"
            ]
           }
          }
         },
         "required": [
          "consumers",
          "instances",
          "recent",
          "running",
          "services"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: gateway.traffic."
   }
  },
  "/api/gateway/exchanges": {
   "get": {
    "tags": [
     "Gateway"
    ],
    "summary": "Newest exchanges of the message log for the tenant's services (query service, consumer, status, limit)",
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
             "bodies_stored": {
              "type": "boolean"
             },
             "consumer_id": {
              "type": "string"
             },
             "method": {
              "type": "string"
             },
             "path": {
              "type": "string"
             },
             "path_masked": {
              "type": "boolean"
             },
             "request_bytes": {
              "type": "integer"
             },
             "request_id": {
              "type": "string"
             },
             "request_sha256": {
              "type": "string"
             },
             "response_bytes": {
              "type": "integer"
             },
             "response_sha256": {
              "type": "string"
             },
             "seq": {
              "type": "integer"
             },
             "service_id": {
              "type": "string"
             },
             "signed": {
              "type": "boolean"
             },
             "status": {
              "type": "integer"
             },
             "time": {
              "type": "string"
             },
             "total_ms": {
              "type": "number"
             },
             "upstream_ms": {
              "type": "number"
             }
            },
            "required": [
             "bodies_stored",
             "consumer_id",
             "method",
             "path",
             "path_masked",
             "request_bytes",
             "request_id",
             "request_sha256",
             "response_bytes",
             "response_sha256",
             "seq",
             "service_id",
             "signed",
             "status",
             "time",
             "total_ms",
             "upstream_ms"
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
    "description": "Requires: gateway.traffic."
   }
  },
  "/api/gateway/exchanges/{seq}/proof": {
   "get": {
    "tags": [
     "Gateway"
    ],
    "summary": "Inclusion proof of one exchange (JSON attachment); for an exchange shown with a masked path the proof carries the full path, so it needs gateway.path_reveal and a reason (query reason), recorded in the ledger",
    "responses": {
     "200": {
      "description": "success"
     }
    },
    "description": "Requires: gateway.traffic.",
    "parameters": [
     {
      "name": "reason",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      }
     }
    ]
   }
  },
  "/api/gateway/exchanges/{seq}/reveal": {
   "post": {
    "tags": [
     "Gateway"
    ],
    "summary": "The full path of one exchange whose path is shown masked (NIK, NIP, KK, phone), for a stated reason (at least 10 characters); each reveal is a ledger entry",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "seq": {
           "type": "integer"
          },
          "path": {
           "type": "string"
          }
         },
         "required": [
          "seq",
          "path"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: gateway.traffic, gateway.path_reveal.",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
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
  },
  "/api/gateway/exchanges/{seq}/bodies/{part}": {
   "get": {
    "tags": [
     "Gateway"
    ],
    "summary": "A stored body of one exchange, part = request | response (attachment, checked against the log's digest; each read is a ledger entry)",
    "responses": {
     "200": {
      "description": "success"
     }
    },
    "description": "Requires: gateway.traffic.",
    "parameters": [
     {
      "name": "part",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string",
       "enum": [
        "request",
        "response"
       ]
      }
     }
    ]
   }
  },
  "/api/gateway/public-key": {
   "get": {
    "tags": [
     "Gateway"
    ],
    "summary": "The gateway's message-log signing key (hex) and key id",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "additionalProperties": false,
         "properties": {
          "public_key": {
           "type": "string"
          },
          "key_id": {
           "type": "string"
          }
         }
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
