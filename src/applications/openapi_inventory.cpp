// /api/applications: the inventory, its import and one application: this module's part of the API contract (openapi.cpp lists the parts).
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
           "items": {}
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
        "type": "object"
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
              "type": "string"
             },
             "row": {
              "type": "integer"
             },
             "column": {
              "type": "string"
             },
             "message": {
              "type": "string"
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
        "type": "object"
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
      "items": {},
      "type": "array"
     },
     "builder": {
      "type": "string"
     },
     "category": {
      "type": "string"
     },
     "code": {
      "type": "string"
     },
     "considerations": {
      "items": {},
      "type": "array"
     },
     "contact_email": {
      "type": "string"
     },
     "created_at": {
      "type": "string"
     },
     "data_sets": {
      "items": {},
      "type": "array"
     },
     "description": {
      "type": "string"
     },
     "findings": {
      "items": {},
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
           "items": {},
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
      "type": "string"
     },
     "id": {
      "type": "string"
     },
     "justification": {
      "properties": {},
      "type": "object"
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
      "type": "string"
     },
     "recommendations": {
      "items": {},
      "type": "array"
     },
     "reference_code": {
      "nullable": true,
      "type": "string"
     },
     "services": {
      "items": {},
      "type": "array"
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
     "tests": {
      "items": {},
      "type": "array"
     },
     "updated_at": {
      "type": "string"
     },
     "url": {
      "type": "string"
     },
     "vendor_name": {
      "type": "string"
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
         "type": "object"
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
