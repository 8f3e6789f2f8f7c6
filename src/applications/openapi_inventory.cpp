// /api/applications: the inventory, its import and one application: this module's part of the API contract (openapi.cpp
// lists the parts).
#include <string_view>

namespace simpul::applications {

std::string_view openapi_inventory_fragment() {
  return R"json({
 "paths": {
  "/api/applications": {
   "get": {
    "tags": [
     "Applications"
    ],
    "summary": "Applications (aplikasi elements with their lifecycle record)",
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
             "builder": {
              "type": "string"
             },
             "category": {
              "type": "string"
             },
             "code": {
              "type": "string"
             },
             "contact_email": {
              "type": "string"
             },
             "created_at": {
              "type": "string"
             },
             "description": {
              "type": "string"
             },
             "hosting": {
              "type": "string"
             },
             "id": {
              "type": "string"
             },
             "justification": {
              "type": "object",
              "properties": {}
             },
             "last_audit_date": {
              "type": "string",
              "nullable": true
             },
             "live": {
              "type": "boolean"
             },
             "live_since": {
              "type": "string",
              "nullable": true
             },
             "name": {
              "type": "string"
             },
             "open_findings": {
              "type": "integer"
             },
             "operator_agency_id": {
              "type": "string",
              "nullable": true
             },
             "owner_agency_id": {
              "type": "string"
             },
             "owner_agency_name": {
              "type": "string"
             },
             "reference_code": {
              "type": "string",
              "nullable": true
             },
             "similar_to_umum": {
              "type": "boolean"
             },
             "source_model": {
              "type": "string"
             },
             "stage": {
              "type": "string"
             },
             "stage_name": {
              "type": "string"
             },
             "state": {
              "type": "string"
             },
             "subdomain": {
              "type": "string"
             },
             "updated_at": {
              "type": "string"
             },
             "url": {
              "type": "string"
             },
             "vendor_name": {
              "type": "string"
             }
            },
            "required": [
             "builder",
             "category",
             "code",
             "contact_email",
             "created_at",
             "description",
             "hosting",
             "id",
             "justification",
             "last_audit_date",
             "live",
             "live_since",
             "name",
             "open_findings",
             "operator_agency_id",
             "owner_agency_id",
             "owner_agency_name",
             "reference_code",
             "similar_to_umum",
             "source_model",
             "stage",
             "stage_name",
             "state",
             "subdomain",
             "updated_at",
             "url",
             "vendor_name"
            ]
           }
          },
          "page": {
           "type": "integer"
          },
          "per_page": {
           "type": "integer"
          },
          "total": {
           "type": "integer"
          }
         },
         "required": [
          "items",
          "page",
          "per_page",
          "total"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: applications.read.",
    "parameters": [
     "list-query"
    ]
   },
   "post": {
    "tags": [
     "Applications"
    ],
    "summary": "Register an application at the first lifecycle stage",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Application"
        }
       }
      }
     }
    },
    "description": "Requires: applications.write (own agency: applications.write.own).",
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
          "type": "string",
          "nullable": true
         },
         "owner_agency_id": {
          "type": "string"
         },
         "category": {
          "type": "string"
         },
         "operator_agency_id": {
          "type": "string",
          "nullable": true
         },
         "builder": {
          "type": "string",
          "nullable": true
         },
         "vendor_name": {
          "type": "string",
          "nullable": true
         },
         "source_model": {
          "type": "string",
          "nullable": true
         },
         "hosting": {
          "type": "string",
          "nullable": true
         },
         "subdomain": {
          "type": "string",
          "nullable": true
         },
         "url": {
          "type": "string",
          "nullable": true
         },
         "contact_email": {
          "type": "string",
          "nullable": true
         },
         "similar_to_umum": {
          "type": "boolean"
         },
         "justification": {
          "type": "object",
          "additionalProperties": {
           "type": "boolean"
          },
          "description": "condition id → whether it holds (the region's Aplikasi Khusus justification)"
         },
         "last_audit_date": {
          "type": "string",
          "nullable": true
         }
        },
        "required": [
         "code",
         "name",
         "owner_agency_id",
         "category"
        ]
       }
      }
     }
    }
   }
  },
  "/api/applications/import": {
   "post": {
    "tags": [
     "Applications"
    ],
    "summary": "Import the application inventory from CSV or XLSX (?dry_run=true|false, default true); raw file body, format detected from the content; stages set without the gates",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "additionalProperties": false,
         "properties": {
          "dry_run": {
           "type": "boolean"
          },
          "ok": {
           "type": "boolean"
          },
          "rows": {
           "type": "integer"
          },
          "created": {
           "type": "integer"
          },
          "updated": {
           "type": "integer"
          },
          "problems": {
           "type": "array",
           "items": {
            "type": "object",
            "additionalProperties": false,
            "properties": {
             "sheet": {
              "type": "string",
              "nullable": true
             },
             "row": {
              "type": "integer",
              "nullable": true
             },
             "column": {
              "type": "string",
              "nullable": true
             },
             "message": {
              "type": "string"
             }
            },
            "required": [
             "column",
             "message",
             "row",
             "sheet"
            ]
           }
          }
         },
         "required": [
          "created",
          "dry_run",
          "ok",
          "problems",
          "rows",
          "updated"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: applications.write."
   }
  },
  "/api/applications/import/template.csv": {
   "get": {
    "tags": [
     "Applications"
    ],
    "summary": "CSV template of the import: header row and one example row (attachment)",
    "responses": {
     "200": {
      "description": "success"
     }
    },
    "description": "Requires: applications.read."
   }
  },
  "/api/applications/{id}": {
   "get": {
    "tags": [
     "Applications"
    ],
    "summary": "One application with recommendations, considerations, tests, artifacts, gates and findings",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Application"
        }
       }
      }
     }
    },
    "description": "Requires: applications.read."
   },
   "patch": {
    "tags": [
     "Applications"
    ],
    "summary": "Change an application's record",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Application"
        }
       }
      }
     }
    },
    "description": "Requires: applications.write (own agency: applications.write.own).",
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
          "type": "string",
          "nullable": true
         },
         "owner_agency_id": {
          "type": "string"
         },
         "category": {
          "type": "string"
         },
         "operator_agency_id": {
          "type": "string",
          "nullable": true
         },
         "builder": {
          "type": "string",
          "nullable": true
         },
         "vendor_name": {
          "type": "string",
          "nullable": true
         },
         "source_model": {
          "type": "string",
          "nullable": true
         },
         "hosting": {
          "type": "string",
          "nullable": true
         },
         "subdomain": {
          "type": "string",
          "nullable": true
         },
         "url": {
          "type": "string",
          "nullable": true
         },
         "contact_email": {
          "type": "string",
          "nullable": true
         },
         "similar_to_umum": {
          "type": "boolean"
         },
         "justification": {
          "type": "object",
          "additionalProperties": {
           "type": "boolean"
          },
          "description": "condition id → whether it holds (the region's Aplikasi Khusus justification)"
         },
         "last_audit_date": {
          "type": "string",
          "nullable": true
         }
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
   "Application": {
    "properties": {
     "artifacts": {
      "items": {
       "type": "object",
       "properties": {
        "uploaded_by_name": {
         "type": "string"
        },
        "size": {
         "type": "integer"
        },
        "kind": {
         "type": "string"
        },
        "filename": {
         "type": "string"
        },
        "explanations_confirmed": {
         "type": "object",
         "properties": {
          "at": {
           "type": "string"
          },
          "by_name": {
           "type": "string"
          },
          "note": {
           "type": "string"
          }
         },
         "required": [
          "at",
          "by_name",
          "note"
         ],
         "nullable": true
        },
        "id": {
         "type": "string"
        },
        "uploaded_at": {
         "type": "string"
        },
        "sha256": {
         "type": "string"
        },
        "release": {
         "type": "string"
        }
       },
       "required": [
        "explanations_confirmed",
        "filename",
        "id",
        "kind",
        "release",
        "sha256",
        "size",
        "uploaded_at",
        "uploaded_by_name"
       ]
      },
      "type": "array"
     },
     "builder": {
      "type": "string",
      "nullable": true
     },
     "category": {
      "type": "string"
     },
     "code": {
      "type": "string"
     },
     "considerations": {
      "items": {
       "type": "object",
       "properties": {
        "kind": {
         "type": "string"
        },
        "recorded_by_name": {
         "type": "string"
        },
        "date": {
         "type": "string"
        },
        "recorded_at": {
         "type": "string"
        },
        "note": {
         "type": "string"
        },
        "reference": {
         "type": "string"
        },
        "id": {
         "type": "string"
        },
        "decision": {
         "type": "string"
        }
       },
       "required": [
        "date",
        "decision",
        "id",
        "kind",
        "note",
        "recorded_at",
        "recorded_by_name",
        "reference"
       ]
      },
      "type": "array"
     },
     "contact_email": {
      "type": "string",
      "nullable": true
     },
     "created_at": {
      "type": "string"
     },
     "data_sets": {
      "items": {
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
      "type": "array"
     },
     "description": {
      "type": "string",
      "nullable": true
     },
     "findings": {
      "items": {
       "$ref": "#/components/schemas/ComplianceFinding"
      },
      "type": "array"
     },
     "gates": {
      "properties": {
       "moves": {
        "items": {
         "properties": {
          "allowed": {
           "type": "boolean"
          },
          "blocked_by": {
           "items": {
            "type": "object",
            "properties": {
             "details": {
              "type": "object",
              "additionalProperties": true,
              "description": "The refusal's details as the error catalogue describes them for its code (rule, citation, unmet requirements)"
             },
             "missing": {
              "type": "array",
              "items": {
               "type": "string"
              }
             },
             "code": {
              "type": "string"
             },
             "rule": {
              "type": "object",
              "properties": {
               "id": {
                "type": "string"
               },
               "title_en": {
                "type": "string"
               },
               "title": {
                "type": "string"
               },
               "citation": {
                "type": "string"
               }
              },
              "required": [
               "citation",
               "id",
               "title",
               "title_en"
              ]
             }
            },
            "required": [
             "code",
             "details",
             "missing",
             "rule"
            ]
           },
           "type": "array"
          },
          "name": {
           "type": "string"
          },
          "to": {
           "type": "string"
          }
         },
         "required": [
          "allowed",
          "blocked_by",
          "name",
          "to"
         ],
         "type": "object"
        },
        "type": "array"
       },
       "stage": {
        "type": "string"
       }
      },
      "required": [
       "moves",
       "stage"
      ],
      "type": "object"
     },
     "hosting": {
      "type": "string",
      "nullable": true
     },
     "id": {
      "type": "string"
     },
     "justification": {
      "type": "object",
      "additionalProperties": {
       "type": "boolean"
      },
      "nullable": true,
      "description": "condition id → whether it holds (the region's Aplikasi Khusus justification)"
     },
     "last_audit_date": {
      "nullable": true,
      "type": "string"
     },
     "live": {
      "type": "boolean"
     },
     "live_since": {
      "nullable": true,
      "type": "string"
     },
     "name": {
      "type": "string"
     },
     "open_findings": {
      "type": "integer"
     },
     "operator_agency_id": {
      "nullable": true,
      "type": "string"
     },
     "owner_agency_id": {
      "type": "string"
     },
     "owner_agency_name": {
      "type": "string",
      "nullable": true
     },
     "recommendations": {
      "items": {
       "type": "object",
       "properties": {
        "requested_by": {
         "type": "string"
        },
        "decided_at": {
         "type": "string",
         "nullable": true
        },
        "justification": {
         "type": "string"
        },
        "purpose": {
         "type": "string"
        },
        "decided_by_name": {
         "type": "string"
        },
        "owner_agency_name": {
         "type": "string"
        },
        "requested_at": {
         "type": "string"
        },
        "application_id": {
         "type": "string"
        },
        "reasons": {
         "type": "string"
        },
        "application_name": {
         "type": "string"
        },
        "id": {
         "type": "string"
        },
        "requested_by_name": {
         "type": "string"
        },
        "state": {
         "type": "string"
        },
        "application_code": {
         "type": "string"
        },
        "owner_agency_id": {
         "type": "string"
        }
       },
       "required": [
        "application_code",
        "application_id",
        "application_name",
        "decided_at",
        "decided_by_name",
        "id",
        "justification",
        "owner_agency_id",
        "owner_agency_name",
        "purpose",
        "reasons",
        "requested_at",
        "requested_by",
        "requested_by_name",
        "state"
       ]
      },
      "type": "array"
     },
     "reference_code": {
      "nullable": true,
      "type": "string"
     },
     "services": {
      "items": {
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
      "type": "array"
     },
     "similar_to_umum": {
      "type": "boolean"
     },
     "source_model": {
      "type": "string",
      "nullable": true
     },
     "stage": {
      "type": "string"
     },
     "stage_name": {
      "type": "string",
      "nullable": true
     },
     "state": {
      "type": "string"
     },
     "subdomain": {
      "type": "string",
      "nullable": true
     },
     "tests": {
      "items": {
       "type": "object",
       "properties": {
        "recorded_by_name": {
         "type": "string"
        },
        "date": {
         "type": "string"
        },
        "recorded_at": {
         "type": "string"
        },
        "id": {
         "type": "string"
        },
        "summary": {
         "type": "string"
        },
        "result": {
         "type": "string"
        },
        "release": {
         "type": "string"
        }
       },
       "required": [
        "date",
        "id",
        "recorded_at",
        "recorded_by_name",
        "release",
        "result",
        "summary"
       ]
      },
      "type": "array"
     },
     "updated_at": {
      "type": "string"
     },
     "url": {
      "type": "string",
      "nullable": true
     },
     "vendor_name": {
      "type": "string",
      "nullable": true
     },
     "warnings": {
      "type": "array",
      "description": "Value rules the application breaks already that become findings once it is live (subdomain, e-mail, hosting): rule with citation and title, and details",
      "items": {
       "type": "object",
       "properties": {
        "rule": {
         "type": "object",
         "properties": {
          "id": {
           "type": "string"
          },
          "citation": {
           "type": "string"
          },
          "title": {
           "type": "string"
          },
          "title_en": {
           "type": "string"
          }
         },
         "required": [
          "id",
          "citation",
          "title",
          "title_en"
         ]
        },
        "details": {
         "type": "object",
         "additionalProperties": true,
         "description": "What the check compared (field, value, expected), as the rule kind states it"
        }
       },
       "required": [
        "rule",
        "details"
       ]
      }
     },
     "audit_due": {
      "type": "object",
      "nullable": true,
      "description": "The next audit a periodic duty of the profile asks of this application (last audit, or its start, plus the duty's months), shown before it is overdue; null where no such duty applies or no date is known",
      "properties": {
       "date": {
        "type": "string"
       },
       "overdue": {
        "type": "boolean"
       },
       "basis": {
        "type": "string"
       },
       "since": {
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
         },
         "title": {
          "type": "string"
         },
         "title_en": {
          "type": "string"
         }
        },
        "required": [
         "citation",
         "id",
         "title",
         "title_en"
        ]
       }
      },
      "required": [
       "basis",
       "date",
       "overdue",
       "rule",
       "since"
      ]
     }
    },
    "required": [
     "artifacts",
     "audit_due",
     "builder",
     "category",
     "code",
     "considerations",
     "contact_email",
     "created_at",
     "data_sets",
     "description",
     "findings",
     "gates",
     "hosting",
     "id",
     "justification",
     "last_audit_date",
     "live",
     "live_since",
     "name",
     "open_findings",
     "operator_agency_id",
     "owner_agency_id",
     "owner_agency_name",
     "recommendations",
     "reference_code",
     "services",
     "similar_to_umum",
     "source_model",
     "stage",
     "stage_name",
     "state",
     "subdomain",
     "tests",
     "updated_at",
     "url",
     "vendor_name",
     "warnings"
    ],
    "type": "object"
   }
  }
 }
})json";
}

}  // namespace simpul::applications
