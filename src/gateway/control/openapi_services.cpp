// /api/gateway/services: this module's part of the API contract (openapi.cpp lists the parts).
#include <string_view>

namespace simpul::gateway::control {

std::string_view openapi_services_fragment() {
  return R"json({
 "paths": {
  "/api/gateway/services": {
   "get": {
    "tags": [
     "Gateway"
    ],
    "summary": "Services of the Sistem Penghubung Layanan (query agency, active)",
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
    "description": "Requires: gateway.read.",
    "parameters": [
     "list-query"
    ]
   },
   "post": {
    "tags": [
     "Gateway"
    ],
    "summary": "Register a service with its upstream, policy and links",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/GatewayService"
        }
       }
      }
     }
    },
    "description": "Requires: gateway.write (own agency: gateway.write.own).",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "code": {
          "type": "string"
         },
         "name": {
          "type": "string"
         },
         "version": {
          "type": "string"
         },
         "description": {
          "type": "string",
          "nullable": true
         },
         "upstream_base_url": {
          "type": "string"
         },
         "owner_agency_id": {
          "type": "string"
         },
         "classification": {
          "type": "string",
          "enum": [
           "publik",
           "terbatas",
           "rahasia"
          ]
         },
         "links": {
          "type": "object",
          "properties": {
           "service_element_id": {
            "type": "string",
            "nullable": true
           },
           "application_id": {
            "type": "string",
            "nullable": true
           },
           "data_element_id": {
            "type": "string",
            "nullable": true
           }
          }
         },
         "policy": {
          "type": "object",
          "properties": {
           "allowed_networks": {
            "type": "array",
            "items": {
             "type": "string"
            }
           },
           "max_body_bytes": {
            "type": "integer"
           },
           "upstream_timeout_ms": {
            "type": "integer"
           },
           "retries_idempotent": {
            "type": "integer"
           },
           "rate_per_second": {
            "type": "integer"
           },
           "burst": {
            "type": "integer"
           },
           "daily_quota": {
            "type": "integer"
           },
           "health_path": {
            "type": "string"
           },
           "store_bodies": {
            "type": "boolean"
           },
           "mask_personal_ids": {
            "type": "boolean"
           }
          }
         }
        },
        "required": [
         "code",
         "name",
         "upstream_base_url",
         "owner_agency_id"
        ]
       }
      }
     }
    }
   }
  },
  "/api/gateway/services/{id}": {
   "get": {
    "tags": [
     "Gateway"
    ],
    "summary": "One service",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/GatewayService"
        }
       }
      }
     }
    },
    "description": "Requires: gateway.read."
   },
   "patch": {
    "tags": [
     "Gateway"
    ],
    "summary": "Change a service; a partial policy changes only what it names",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/GatewayService"
        }
       }
      }
     }
    },
    "description": "Requires: gateway.write (own agency: gateway.write.own).",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "code": {
          "type": "string"
         },
         "name": {
          "type": "string"
         },
         "version": {
          "type": "string"
         },
         "description": {
          "type": "string",
          "nullable": true
         },
         "upstream_base_url": {
          "type": "string"
         },
         "owner_agency_id": {
          "type": "string"
         },
         "classification": {
          "type": "string",
          "enum": [
           "publik",
           "terbatas",
           "rahasia"
          ]
         },
         "links": {
          "type": "object",
          "properties": {
           "service_element_id": {
            "type": "string",
            "nullable": true
           },
           "application_id": {
            "type": "string",
            "nullable": true
           },
           "data_element_id": {
            "type": "string",
            "nullable": true
           }
          }
         },
         "policy": {
          "type": "object",
          "properties": {
           "allowed_networks": {
            "type": "array",
            "items": {
             "type": "string"
            }
           },
           "max_body_bytes": {
            "type": "integer"
           },
           "upstream_timeout_ms": {
            "type": "integer"
           },
           "retries_idempotent": {
            "type": "integer"
           },
           "rate_per_second": {
            "type": "integer"
           },
           "burst": {
            "type": "integer"
           },
           "daily_quota": {
            "type": "integer"
           },
           "health_path": {
            "type": "string"
           },
           "store_bodies": {
            "type": "boolean"
           },
           "mask_personal_ids": {
            "type": "boolean"
           }
          }
         }
        }
       }
      }
     }
    }
   }
  },
  "/api/gateway/services/{id}/activate": {
   "post": {
    "tags": [
     "Gateway"
    ],
    "summary": "Put a service back into the data plane",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/GatewayServiceDetail"
        }
       }
      }
     }
    },
    "description": "Requires: gateway.write (own agency: gateway.write.own)."
   }
  },
  "/api/gateway/services/{id}/retire": {
   "post": {
    "tags": [
     "Gateway"
    ],
    "summary": "Take a service out of the data plane",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/GatewayService"
        }
       }
      }
     }
    },
    "description": "Requires: gateway.write (own agency: gateway.write.own)."
   }
  },
  "/api/gateway/services/{id}/openapi": {
   "post": {
    "tags": [
     "Gateway"
    ],
    "summary": "Upload the service's OpenAPI 3 document (raw JSON or YAML body, at most 2 MiB); stored as JSON",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/GatewayServiceDetail"
        }
       }
      }
     }
    },
    "description": "Requires: gateway.write (own agency: gateway.write.own)."
   },
   "get": {
    "tags": [
     "Gateway"
    ],
    "summary": "The service's OpenAPI document as JSON",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "additionalProperties": true,
         "description": "The OpenAPI document the service's owner uploaded"
        }
       }
      }
     }
    },
    "description": "Requires: gateway.read."
   }
  }
 },
 "components": {
  "schemas": {
   "GatewayService": {
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
      "nullable": true,
      "type": "string"
     },
     "has_openapi": {
      "type": "boolean"
     },
     "id": {
      "type": "string"
     },
     "links": {
      "properties": {
       "application_id": {
        "nullable": true,
        "type": "string"
       },
       "data_element_id": {
        "nullable": true,
        "type": "string"
       },
       "service_element_id": {
        "nullable": true,
        "type": "string"
       }
      },
      "required": [
       "application_id",
       "data_element_id",
       "service_element_id"
      ],
      "type": "object"
     },
     "name": {
      "type": "string"
     },
     "owner_agency": {
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
      ],
      "type": "object"
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
     "name",
     "owner_agency",
     "policy",
     "public_path",
     "updated_at",
     "upstream_base_url",
     "version"
    ],
    "type": "object"
   },
   "GatewayServiceDetail": {
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
      "nullable": true,
      "type": "string"
     },
     "has_openapi": {
      "type": "boolean"
     },
     "id": {
      "type": "string"
     },
     "links": {
      "properties": {
       "application_id": {
        "nullable": true,
        "type": "string"
       },
       "data_element_id": {
        "type": "string"
       },
       "service_element_id": {
        "type": "string"
       }
      },
      "required": [
       "application_id",
       "data_element_id",
       "service_element_id"
      ],
      "type": "object"
     },
     "name": {
      "type": "string"
     },
     "owner_agency": {
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
      ],
      "type": "object"
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
     "name",
     "owner_agency",
     "policy",
     "public_path",
     "updated_at",
     "upstream_base_url",
     "version"
    ],
    "type": "object"
   },
   "GatewayPolicy": {
    "properties": {
     "allowed_networks": {
      "items": {
       "type": "string"
      },
      "type": "array"
     },
     "burst": {
      "type": "integer"
     },
     "daily_quota": {
      "type": "integer"
     },
     "health_path": {
      "type": "string"
     },
     "mask_personal_ids": {
      "type": "boolean"
     },
     "max_body_bytes": {
      "type": "integer"
     },
     "rate_per_second": {
      "type": "number"
     },
     "retries_idempotent": {
      "type": "integer"
     },
     "store_bodies": {
      "type": "boolean"
     },
     "upstream_timeout_ms": {
      "type": "integer"
     }
    },
    "required": [
     "allowed_networks",
     "burst",
     "daily_quota",
     "health_path",
     "mask_personal_ids",
     "max_body_bytes",
     "rate_per_second",
     "retries_idempotent",
     "store_bodies",
     "upstream_timeout_ms"
    ],
    "type": "object"
   }
  }
 }
})json";
}

}  // namespace simpul::gateway::control
