// The bandwidth and WAN routes as the API contract states them (http/api_description.hpp); every
// answer the API tests receive is checked against it.
#include <string_view>

namespace simpul::infrastructure {

std::string_view bandwidth_openapi_fragment() {
  return R"json({
 "paths": {
  "/api/infrastructure/bandwidth/requests": {
   "get": {
    "tags": [
     "Infrastructure"
    ],
    "summary": "Bandwidth requests of the PDs (filter by state, agency)",
    "description": "Requires: infrastructure.read.",
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
            "$ref": "#/components/schemas/InfraBandwidthRequest"
           }
          },
          "total": {
           "type": "integer"
          }
         },
         "required": [
          "items",
          "total"
         ]
        }
       }
      }
     }
    },
    "parameters": [
     {
      "name": "state",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "agency",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      }
     }
    ]
   },
   "post": {
    "tags": [
     "Infrastructure"
    ],
    "summary": "A PD proposes its bandwidth need with a justification",
    "description": "Requires: infrastructure.write (own agency: infrastructure.write.own).",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/InfraBandwidthRequest"
        }
       }
      }
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "agency_id": {
          "type": "string"
         },
         "justification": {
          "type": "string"
         },
         "need_mbps": {
          "type": "integer"
         }
        },
        "required": [
         "agency_id"
        ]
       }
      }
     }
    }
   }
  },
  "/api/infrastructure/bandwidth/requests/{id}": {
   "get": {
    "tags": [
     "Infrastructure"
    ],
    "summary": "One bandwidth request",
    "description": "Requires: infrastructure.read.",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/InfraBandwidthRequest"
        }
       }
      }
     }
    }
   }
  },
  "/api/infrastructure/bandwidth/requests/{id}/decision": {
   "post": {
    "tags": [
     "Infrastructure"
    ],
    "summary": "The Dinas sets the allocation with a priority score (1 highest - 5), or refuses; never the requester, only the operator agency",
    "description": "Requires: infrastructure.decide.",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/InfraBandwidthRequest"
        }
       }
      }
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "decision": {
          "type": "string"
         },
         "reasons": {
          "type": "string"
         },
         "priority": {
          "type": "integer"
         },
         "allocated_mbps": {
          "type": "integer"
         }
        },
        "required": [
         "decision",
         "reasons"
        ]
       }
      }
     }
    }
   }
  },
  "/api/infrastructure/bandwidth/allocations": {
   "get": {
    "tags": [
     "Infrastructure"
    ],
    "summary": "Each PD's allocation (its newest approved request)",
    "description": "Requires: infrastructure.read.",
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
             "agency": {
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
             },
             "allocated_mbps": {
              "type": "integer"
             }
            },
            "required": [
             "agency",
             "allocated_mbps"
            ]
           }
          },
          "total": {
           "type": "integer"
          }
         },
         "required": [
          "items",
          "total"
         ]
        }
       }
      }
     }
    }
   }
  },
  "/api/infrastructure/bandwidth/samples": {
   "post": {
    "tags": [
     "Infrastructure"
    ],
    "summary": "Interface counters from the Dinas's monitoring (SNMP, Prometheus): all stored or none; a reading posted again is kept once",
    "description": "Requires: infrastructure.write per agency.",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "stored": {
           "type": "integer"
          },
          "duplicates": {
           "type": "integer"
          }
         },
         "required": [
          "stored",
          "duplicates"
         ]
        }
       }
      }
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "samples": {
          "type": "array",
          "items": {
           "type": "object",
           "properties": {
            "agency_id": {
             "type": "string"
            },
            "interface": {
             "type": "string"
            },
            "at": {
             "type": "string"
            },
            "in_octets": {
             "type": "integer"
            },
            "out_octets": {
             "type": "integer"
            },
            "reset": {
             "type": "boolean"
            }
           },
           "required": [
            "agency_id",
            "interface",
            "at",
            "in_octets",
            "out_octets"
           ]
          }
         }
        },
        "required": [
         "samples"
        ]
       }
      }
     }
    }
   }
  },
  "/api/infrastructure/bandwidth/usage": {
   "get": {
    "tags": [
     "Infrastructure"
    ],
    "summary": "One PD's usage per 5-minute slot in a month (Mbps, sum of its interfaces)",
    "description": "Requires: infrastructure.read.",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "agency_id": {
           "type": "string"
          },
          "month": {
           "type": "string"
          },
          "points": {
           "type": "array",
           "items": {
            "type": "object",
            "properties": {
             "at": {
              "type": "string"
             },
             "in_mbps": {
              "type": "number"
             },
             "out_mbps": {
              "type": "number"
             }
            },
            "required": [
             "at",
             "in_mbps",
             "out_mbps"
            ]
           }
          }
         },
         "required": [
          "agency_id",
          "month",
          "points"
         ]
        }
       }
      }
     }
    },
    "parameters": [
     {
      "name": "agency",
      "in": "query",
      "required": true,
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "month",
      "in": "query",
      "required": true,
      "schema": {
       "type": "string"
      }
     }
    ]
   }
  },
  "/api/infrastructure/bandwidth/evaluations": {
   "get": {
    "tags": [
     "Infrastructure"
    ],
    "summary": "Monthly bandwidth evaluations, newest first",
    "description": "Requires: infrastructure.read.",
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
            "$ref": "#/components/schemas/InfraBandwidthEvaluation"
           }
          },
          "total": {
           "type": "integer"
          }
         },
         "required": [
          "items",
          "total"
         ]
        }
       }
      }
     }
    }
   },
   "post": {
    "tags": [
     "Infrastructure"
    ],
    "summary": "The evaluation of a closed month (generated once: 201, later 200 with the same one)",
    "description": "Requires: infrastructure.decide.",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/InfraBandwidthEvaluation"
        }
       }
      }
     },
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/InfraBandwidthEvaluation"
        }
       }
      }
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "month": {
          "type": "string"
         }
        },
        "required": [
         "month"
        ]
       }
      }
     }
    }
   }
  },
  "/api/infrastructure/bandwidth/evaluations/{id}": {
   "get": {
    "tags": [
     "Infrastructure"
    ],
    "summary": "One monthly evaluation",
    "description": "Requires: infrastructure.read.",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/InfraBandwidthEvaluation"
        }
       }
      }
     }
    }
   }
  },
  "/api/infrastructure/bandwidth/evaluations/{id}/acknowledgement": {
   "post": {
    "tags": [
     "Infrastructure"
    ],
    "summary": "A member of the Tim Koordinasi acknowledges the evaluation",
    "description": "Requires: infrastructure.read and membership of the Tim Koordinasi.",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/InfraBandwidthEvaluation"
        }
       }
      }
     }
    }
   }
  },
  "/api/infrastructure/wan-links": {
   "get": {
    "tags": [
     "Infrastructure"
    ],
    "summary": "WAN links between agencies (architecture elements, infra_type jaringan_intra)",
    "description": "Requires: infrastructure.read.",
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
            "$ref": "#/components/schemas/InfraWanLink"
           }
          },
          "total": {
           "type": "integer"
          }
         },
         "required": [
          "items",
          "total"
         ]
        }
       }
      }
     }
    }
   },
   "post": {
    "tags": [
     "Infrastructure"
    ],
    "summary": "Register a WAN link as an architecture element with its record; refused where the region gives the WAN to the Dinas and another operates it",
    "description": "Requires: infrastructure.write (own agency: infrastructure.write.own).",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/InfraWanLink"
        }
       }
      }
     }
    },
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
         "description": {
          "type": "string"
         },
         "from_agency_id": {
          "type": "string"
         },
         "to_agency_id": {
          "type": "string"
         },
         "medium": {
          "type": "string"
         },
         "provider": {
          "type": "string"
         },
         "capacity_mbps": {
          "type": "integer"
         },
         "operated_by": {
          "type": "string",
          "enum": [
           "dinas",
           "pd"
          ]
         }
        },
        "required": [
         "code",
         "name",
         "from_agency_id",
         "to_agency_id",
         "medium"
        ]
       }
      }
     }
    }
   }
  },
  "/api/infrastructure/wan-links/{id}": {
   "get": {
    "tags": [
     "Infrastructure"
    ],
    "summary": "One WAN link",
    "description": "Requires: infrastructure.read.",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/InfraWanLink"
        }
       }
      }
     }
    }
   }
  }
 },
 "components": {
  "schemas": {
   "InfraBandwidthRequest": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string"
     },
     "agency": {
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
     },
     "need_mbps": {
      "type": "integer"
     },
     "justification": {
      "type": "string"
     },
     "state": {
      "type": "string",
      "enum": [
       "diajukan",
       "disetujui",
       "ditolak"
      ]
     },
     "state_name": {
      "type": "string"
     },
     "requested_by_name": {
      "type": "string"
     },
     "requested_at": {
      "type": "string"
     },
     "priority": {
      "type": "integer",
      "nullable": true
     },
     "allocated_mbps": {
      "type": "integer",
      "nullable": true
     },
     "reasons": {
      "type": "string"
     },
     "decided_by_name": {
      "type": "string"
     },
     "decided_at": {
      "type": "string",
      "nullable": true
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
    },
    "required": [
     "id",
     "agency",
     "need_mbps",
     "justification",
     "state",
     "state_name",
     "requested_by_name",
     "requested_at",
     "priority",
     "allocated_mbps",
     "reasons",
     "decided_by_name",
     "decided_at",
     "rule"
    ]
   },
   "InfraBandwidthRow": {
    "type": "object",
    "properties": {
     "agency": {
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
     },
     "samples": {
      "type": "integer"
     },
     "average_mbps": {
      "type": "number"
     },
     "p95_mbps": {
      "type": "number"
     },
     "peak_mbps": {
      "type": "number"
     },
     "allocated_mbps": {
      "type": "integer",
      "nullable": true
     },
     "share": {
      "type": "number",
      "nullable": true
     },
     "assessment": {
      "type": "string",
      "enum": [
       "kurang",
       "sesuai",
       "lebih",
       "tanpa_alokasi",
       "tanpa_data"
      ]
     },
     "assessment_name": {
      "type": "string"
     },
     "recommendation": {
      "type": "string"
     }
    },
    "required": [
     "agency",
     "samples",
     "average_mbps",
     "p95_mbps",
     "peak_mbps",
     "allocated_mbps",
     "share",
     "assessment",
     "assessment_name",
     "recommendation"
    ]
   },
   "InfraBandwidthEvaluation": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string"
     },
     "month": {
      "type": "string"
     },
     "generated_at": {
      "type": "string"
     },
     "generated_by_name": {
      "type": "string"
     },
     "rows": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/InfraBandwidthRow"
      }
     },
     "recipient": {
      "type": "string"
     },
     "acknowledged_by_name": {
      "type": "string"
     },
     "acknowledged_at": {
      "type": "string",
      "nullable": true
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
     },
     "report_rule": {
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
    },
    "required": [
     "id",
     "month",
     "generated_at",
     "generated_by_name",
     "rows",
     "recipient",
     "acknowledged_by_name",
     "acknowledged_at",
     "rule",
     "report_rule"
    ]
   },
   "InfraWanLink": {
    "type": "object",
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
     "from_agency": {
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
     },
     "to_agency": {
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
     },
     "medium": {
      "type": "string"
     },
     "medium_name": {
      "type": "string"
     },
     "capacity_mbps": {
      "type": "integer"
     },
     "operated_by": {
      "type": "string",
      "enum": [
       "dinas",
       "pd"
      ]
     },
     "operated_by_name": {
      "type": "string"
     },
     "provider": {
      "type": "string"
     },
     "updated_at": {
      "type": "string"
     }
    },
    "required": [
     "id",
     "code",
     "name",
     "from_agency",
     "to_agency",
     "medium",
     "medium_name",
     "capacity_mbps",
     "operated_by",
     "operated_by_name",
     "provider",
     "updated_at"
    ]
   }
  }
 }
})json";
}

}  // namespace simpul::infrastructure
