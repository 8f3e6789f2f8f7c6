// /api/gateway/access-requests: this module's part of the API contract (openapi.cpp lists the parts).
#include <string_view>

namespace simpul::gateway::control {

std::string_view openapi_requests_fragment() {
  return R"json({
 "paths": {
  "/api/gateway/access-requests": {
   "get": {
    "tags": [
     "Gateway"
    ],
    "summary": "Access requests with what the caller may do next (query state, service, consumer)",
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
    "summary": "Submit an access request (Balikpapan Pasal 9 ayat (6) fields)",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/GatewayAccessRequest"
        }
       }
      }
     }
    },
    "description": "Requires: gateway.request (own agency: gateway.request.own).",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
         "consumer_id": {
          "type": "string"
         },
         "service_id": {
          "type": "string"
         },
         "path_prefix": {
          "type": "string",
          "nullable": true
         },
         "methods": {
          "type": "array",
          "items": {
           "type": "string"
          }
         },
         "responsible_person": {
          "type": "string"
         },
         "work_unit": {
          "type": "string"
         },
         "purpose": {
          "type": "string"
         },
         "data_needed": {
          "type": "string"
         },
         "commercial_use": {
          "type": "boolean"
         }
        },
        "required": [
         "consumer_id",
         "service_id",
         "responsible_person",
         "work_unit",
         "purpose",
         "data_needed",
         "commercial_use"
        ]
       }
      }
     }
    }
   }
  },
  "/api/gateway/access-requests/{id}": {
   "get": {
    "tags": [
     "Gateway"
    ],
    "summary": "One access request with its steps",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "can_cancel": {
           "type": "boolean"
          },
          "can_decide": {
           "type": "boolean"
          },
          "can_recommend": {
           "type": "boolean"
          },
          "commercial_use": {
           "type": "boolean"
          },
          "consumer": {
           "type": "object",
           "properties": {
            "agency": {
             "type": "object",
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
             ]
            },
            "id": {
             "type": "string"
            },
            "name": {
             "type": "string"
            }
           },
           "required": [
            "agency",
            "id",
            "name"
           ]
          },
          "created_at": {
           "type": "string"
          },
          "data_needed": {
           "type": "string"
          },
          "grant_id": {
           "type": "string",
           "nullable": true
          },
          "id": {
           "type": "string"
          },
          "methods": {
           "type": "array",
           "items": {
            "type": "string"
           }
          },
          "path_prefix": {
           "type": "string",
           "nullable": true
          },
          "purpose": {
           "type": "string"
          },
          "responsible_person": {
           "type": "string"
          },
          "service": {
           "type": "object",
           "properties": {
            "code": {
             "type": "string"
            },
            "id": {
             "type": "string"
            },
            "name": {
             "type": "string"
            },
            "owner_agency": {
             "type": "object",
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
             ]
            }
           },
           "required": [
            "code",
            "id",
            "name",
            "owner_agency"
           ]
          },
          "state": {
           "type": "string",
           "enum": [
            "diajukan",
            "direkomendasikan",
            "disetujui",
            "ditolak",
            "dibatalkan"
           ]
          },
          "steps": {
           "type": "array",
           "items": {
            "$ref": "#/components/schemas/GatewayStep"
           }
          },
          "work_unit": {
           "type": "string"
          },
          "source_address": {
           "type": "string",
           "description": "The address the request was sent from (Balikpapan Pasal 9 ayat (7))"
          },
          "grounds": {
           "type": "array",
           "description": "Refusal grounds that apply, as flags for the decider: id, name, rule, reason",
           "items": {
            "type": "object",
            "properties": {
             "id": {
              "type": "string"
             },
             "name": {
              "type": "string"
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
               "id",
               "citation"
              ]
             },
             "reason": {
              "type": "string"
             }
            },
            "required": [
             "id",
             "name",
             "rule",
             "reason"
            ]
           }
          },
          "addressees": {
           "type": "object",
           "nullable": true,
           "description": "Where the regulation addresses the request letter (Balikpapan Pasal 9 ayat (5)): to the decider, with copies to the Dinas and the PD Wali Data; null elsewhere",
           "properties": {
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
            },
            "to": {
             "type": "object",
             "properties": {
              "role": {
               "type": "string"
              },
              "name": {
               "type": "string"
              }
             },
             "required": [
              "name",
              "role"
             ]
            },
            "copies": {
             "type": "array",
             "items": {
              "type": "object",
              "properties": {
               "role": {
                "type": "string"
               },
               "agency_id": {
                "type": "string"
               },
               "name": {
                "type": "string"
               }
              },
              "required": [
               "name"
              ]
             }
            }
           },
           "required": [
            "copies",
            "rule",
            "to"
           ]
          }
         },
         "required": [
          "can_cancel",
          "can_decide",
          "can_recommend",
          "commercial_use",
          "consumer",
          "created_at",
          "data_needed",
          "grant_id",
          "grounds",
          "id",
          "methods",
          "path_prefix",
          "purpose",
          "responsible_person",
          "service",
          "source_address",
          "state",
          "steps",
          "work_unit"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: gateway.read."
   }
  },
  "/api/gateway/access-requests/{id}/recommend": {
   "post": {
    "tags": [
     "Gateway"
    ],
    "summary": "Recommend (or not) a request, where the profile names a recommender",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/GatewayAccessRequest"
        }
       }
      }
     }
    },
    "description": "Requires: gateway.recommend for the service's agency.",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
         "recommend": {
          "type": "boolean"
         },
         "note": {
          "type": "string"
         }
        },
        "required": [
         "recommend"
        ]
       }
      }
     }
    }
   }
  },
  "/api/gateway/access-requests/{id}/decide": {
   "post": {
    "tags": [
     "Gateway"
    ],
    "summary": "Approve (creates the grant) or refuse a request",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/GatewayAccessRequest"
        }
       }
      }
     }
    },
    "description": "Requires: gateway.decide + the profile's deciding role, not the requester.",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
         "approve": {
          "type": "boolean"
         },
         "note": {
          "type": "string"
         },
         "ground": {
          "type": "string",
          "description": "Refusing: the profile's refusal ground it rests on (cited)"
         }
        },
        "required": [
         "approve"
        ]
       }
      }
     }
    }
   }
  },
  "/api/gateway/access-requests/{id}/cancel": {
   "post": {
    "tags": [
     "Gateway"
    ],
    "summary": "Withdraw a pending request",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/GatewayAccessRequest"
        }
       }
      }
     }
    },
    "description": "Requires: the requester or gateway.request for the consumer's agency."
   }
  }
 }
})json";
}

}  // namespace simpul::gateway::control
