// /api/gateway/consumers and their keys: this module's part of the API contract (openapi.cpp lists the parts).
#include <string_view>

namespace simpul::gateway::control {

std::string_view openapi_consumers_fragment() {
  return R"json({
 "paths": {
  "/api/gateway/consumers": {
   "get": {
    "tags": [
     "Gateway"
    ],
    "summary": "Consumer applications with their keys' prefixes (query agency)",
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
    "summary": "Register a consumer application; answers its API key once",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "api_key": {
           "type": "string"
          },
          "consumer": {
           "$ref": "#/components/schemas/GatewayConsumer"
          },
          "key_id": {
           "type": "string"
          }
         },
         "required": [
          "api_key",
          "consumer",
          "key_id"
         ]
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
         "name": {
          "type": "string"
         },
         "description": {
          "type": "string",
          "nullable": true
         },
         "agency_id": {
          "type": "string"
         },
         "application_id": {
          "type": "string",
          "nullable": true
         },
         "client_cert_sha256": {
          "type": "array",
          "items": {
           "type": "string"
          }
         }
        },
        "required": [
         "name",
         "agency_id"
        ]
       }
      }
     }
    }
   }
  },
  "/api/gateway/consumers/{id}": {
   "get": {
    "tags": [
     "Gateway"
    ],
    "summary": "One consumer application",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/GatewayConsumer"
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
    "summary": "Change a consumer application (name, agency, application, client certificates)",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/GatewayConsumer"
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
         "name": {
          "type": "string"
         },
         "description": {
          "type": "string",
          "nullable": true
         },
         "agency_id": {
          "type": "string"
         },
         "application_id": {
          "type": "string",
          "nullable": true
         },
         "client_cert_sha256": {
          "type": "array",
          "items": {
           "type": "string"
          }
         }
        }
       }
      }
     }
    }
   }
  },
  "/api/gateway/consumers/{id}/enable": {
   "post": {
    "tags": [
     "Gateway"
    ],
    "summary": "Enable a consumer application",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/GatewayConsumer"
        }
       }
      }
     }
    },
    "description": "Requires: gateway.write (own agency: gateway.write.own)."
   }
  },
  "/api/gateway/consumers/{id}/disable": {
   "post": {
    "tags": [
     "Gateway"
    ],
    "summary": "Disable a consumer application (its keys and grants leave the data plane)",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/GatewayConsumer"
        }
       }
      }
     }
    },
    "description": "Requires: gateway.write (own agency: gateway.write.own)."
   }
  },
  "/api/gateway/consumers/{id}/keys": {
   "post": {
    "tags": [
     "Gateway"
    ],
    "summary": "Issue another API key (rotation); answers the key once",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "api_key": {
           "type": "string"
          },
          "consumer": {
           "$ref": "#/components/schemas/GatewayConsumer"
          },
          "key_id": {
           "type": "string"
          }
         },
         "required": [
          "api_key",
          "consumer",
          "key_id"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: gateway.write (own agency: gateway.write.own)."
   }
  },
  "/api/gateway/consumers/{id}/keys/{key_id}/revoke": {
   "post": {
    "tags": [
     "Gateway"
    ],
    "summary": "Revoke one API key",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/GatewayConsumer"
        }
       }
      }
     }
    },
    "description": "Requires: gateway.write (own agency: gateway.write.own)."
   }
  }
 },
 "components": {
  "schemas": {
   "GatewayConsumer": {
    "properties": {
     "agency": {
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
     "application_id": {
      "nullable": true,
      "type": "string"
     },
     "client_cert_sha256": {
      "items": {
       "type": "string"
      },
      "type": "array"
     },
     "created_at": {
      "type": "string"
     },
     "description": {
      "nullable": true,
      "type": "string"
     },
     "enabled": {
      "type": "boolean"
     },
     "id": {
      "type": "string"
     },
     "keys": {
      "items": {
       "properties": {
        "created_at": {
         "type": "string"
        },
        "id": {
         "type": "string"
        },
        "prefix": {
         "type": "string"
        },
        "revoked_at": {
         "nullable": true,
         "type": "string"
        }
       },
       "required": [
        "created_at",
        "id",
        "prefix",
        "revoked_at"
       ],
       "type": "object"
      },
      "type": "array"
     },
     "name": {
      "type": "string"
     }
    },
    "required": [
     "agency",
     "application_id",
     "client_cert_sha256",
     "created_at",
     "description",
     "enabled",
     "id",
     "keys",
     "name"
    ],
    "type": "object"
   }
  }
 }
})json";
}

}  // namespace simpul::gateway::control
