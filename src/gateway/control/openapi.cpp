// The routes of this module as the API contract states them (http/api_description.hpp): request
// and response schemas, summaries and permissions. Registered with the routes; served at
// /api/openapi.json; every answer the API tests receive is checked against it.
#include <string_view>

namespace simpul::gateway::control {

std::string_view openapi_fragment() {
  return R"json({
 "paths": {
  "/api/gateway/options": {
   "get": {
    "tags": [
     "Gateway"
    ],
    "summary": "The profile's gateway section: operator, recommender, approver and refusal grounds with citations",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "approver": {
           "type": "object",
           "properties": {
            "name": {
             "type": "string"
            },
            "role": {
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
            "name",
            "role",
            "rule"
           ]
          },
          "classifications": {
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
          "gateway_base_url": {
           "type": "string",
           "nullable": true
          },
          "operator": {
           "type": "object",
           "properties": {
            "name": {
             "type": "string"
            },
            "role": {
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
            "name",
            "role",
            "rule"
           ]
          },
          "recommender": {
           "type": "object",
           "properties": {
            "kind": {
             "type": "string"
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
            "kind",
            "name",
            "rule"
           ]
          },
          "refusal_grounds": {
           "type": "array",
           "items": {}
          },
          "request_fields_rule": {
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
          "approver",
          "classifications",
          "gateway_base_url",
          "operator",
          "recommender",
          "refusal_grounds",
          "request_fields_rule"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: gateway.read."
   }
  },
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
        "type": "object"
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
        "type": "object"
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
         "type": "object"
        }
       }
      }
     }
    },
    "description": "Requires: gateway.read."
   }
  },
  "/api/gateway/directory": {
   "get": {
    "tags": [
     "Gateway"
    ],
    "summary": "Active services with the caller's agency's access (my_access: ada, diajukan, tidak)",
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
             "active": {
              "type": "boolean"
             },
             "classification": {
              "type": "string"
             },
             "code": {
              "type": "string"
             },
             "created_at": {
              "type": "string"
             },
             "description": {
              "type": "string",
              "nullable": true
             },
             "has_openapi": {
              "type": "boolean"
             },
             "id": {
              "type": "string"
             },
             "links": {
              "type": "object",
              "properties": {
               "application_id": {
                "type": "string",
                "nullable": true
               },
               "data_element_id": {
                "type": "string",
                "nullable": true
               },
               "service_element_id": {
                "type": "string",
                "nullable": true
               }
              },
              "required": [
               "application_id",
               "data_element_id",
               "service_element_id"
              ]
             },
             "my_access": {
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
             "my_access",
             "name",
             "owner_agency",
             "policy",
             "public_path",
             "updated_at",
             "upstream_base_url",
             "version"
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
    "description": "Requires: gateway.read."
   }
  },
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
        "type": "object"
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
          "application_id": {
           "type": "string",
           "nullable": true
          },
          "client_cert_sha256": {
           "type": "array",
           "items": {
            "type": "string"
           }
          },
          "created_at": {
           "type": "string"
          },
          "description": {
           "type": "string",
           "nullable": true
          },
          "enabled": {
           "type": "boolean"
          },
          "id": {
           "type": "string"
          },
          "keys": {
           "type": "array",
           "items": {
            "type": "object",
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
              "type": "string",
              "nullable": true
             }
            },
            "required": [
             "created_at",
             "id",
             "prefix",
             "revoked_at"
            ]
           }
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
        "type": "object"
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
  },
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
           "type": "string"
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
              "nullable": true
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
             }
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
  },
  "/api/gateway/grants": {
   "get": {
    "tags": [
     "Gateway"
    ],
    "summary": "Grants with their legal basis (query service, consumer, active)",
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
   }
  },
  "/api/gateway/grants/{id}/revoke": {
   "post": {
    "tags": [
     "Gateway"
    ],
    "summary": "Revoke a grant with a reason",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
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
          "granted_at": {
           "type": "string"
          },
          "granted_by": {
           "type": "string"
          },
          "id": {
           "type": "string"
          },
          "legal_basis": {
           "type": "object",
           "properties": {
            "kind": {
             "type": "string"
            },
            "note": {
             "type": "string"
            },
            "request_id": {
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
            "kind",
            "note",
            "request_id",
            "rule"
           ]
          },
          "methods": {
           "type": "array",
           "items": {
            "type": "string"
           }
          },
          "path_prefix": {
           "type": "string"
          },
          "revoke_reason": {
           "type": "string"
          },
          "revoked_at": {
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
          "consumer",
          "granted_at",
          "granted_by",
          "id",
          "legal_basis",
          "methods",
          "path_prefix",
          "revoke_reason",
          "revoked_at",
          "service"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: gateway.write for the service's agency.",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "additionalProperties": false,
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
              "type": "string"
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
 },
 "components": {
  "schemas": {
   "GatewayService": {
    "properties": {
     "active": {
      "type": "boolean"
     },
     "classification": {
      "type": "string"
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
      "type": "string"
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
      "items": {},
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
   },
   "GatewayAccessRequest": {
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
      ],
      "type": "object"
     },
     "created_at": {
      "type": "string"
     },
     "data_needed": {
      "type": "string"
     },
     "grant_id": {
      "nullable": true,
      "type": "string"
     },
     "id": {
      "type": "string"
     },
     "methods": {
      "items": {
       "type": "string"
      },
      "type": "array"
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
       }
      },
      "required": [
       "code",
       "id",
       "name",
       "owner_agency"
      ],
      "type": "object"
     },
     "state": {
      "type": "string"
     },
     "steps": {
      "items": {
       "$ref": "#/components/schemas/GatewayStep"
      },
      "type": "array"
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
         "nullable": true
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
        }
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
   },
   "GatewayStep": {
    "properties": {
     "action": {
      "type": "string"
     },
     "actor": {
      "type": "string"
     },
     "at": {
      "type": "string"
     },
     "decision": {
      "nullable": true,
      "type": "string"
     },
     "note": {
      "nullable": true,
      "type": "string"
     },
     "ground": {
      "type": "string",
      "nullable": true,
      "description": "The refusal ground a refusal rests on"
     }
    },
    "required": [
     "action",
     "actor",
     "at",
     "decision",
     "note"
    ],
    "type": "object"
   }
  }
 }
})json";
}

}  // namespace simpul::gateway::control
