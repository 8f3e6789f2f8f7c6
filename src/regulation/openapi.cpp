// The routes of this module as the API contract states them (http/api_description.hpp): request
// and response schemas, summaries and permissions. Registered with the routes; served at
// /api/openapi.json; every answer the API tests receive is checked against it.
#include <string_view>

namespace simpul::regulation {

std::string_view openapi_fragment() {
  return R"json({
 "paths": {
  "/api/compliance/rules": {
   "get": {
    "tags": [
     "Compliance"
    ],
    "summary": "The tenant's rule instances with kind, gate and citation",
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
             "gate": {
              "type": "boolean"
             },
             "kind": {
              "type": "string"
             },
             "params": {
              "type": "object",
              "additionalProperties": {
               "x-any": true
              },
              "description": "the rule instance's parameters, as its kind defines them (docs/profile-format.md)"
             },
             "responsible": {
              "type": "string"
             },
             "rule": {
              "$ref": "#/components/schemas/ComplianceRule"
             },
             "severity": {
              "type": "string",
              "enum": [
               "tinggi",
               "sedang",
               "rendah"
              ]
             },
             "subject": {
              "type": "string"
             },
             "when": {
              "type": "object",
              "additionalProperties": {
               "type": "array",
               "items": {
                "type": "string"
               }
              },
              "description": "the conditions under which the rule applies: field → allowed values",
              "nullable": true
             }
            },
            "required": [
             "gate",
             "kind",
             "params",
             "responsible",
             "rule",
             "severity",
             "subject",
             "when"
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
    },
    "description": "Requires: compliance.read."
   }
  },
  "/api/compliance/summary": {
   "get": {
    "tags": [
     "Compliance"
    ],
    "summary": "Counts by chapter, severity, agency and state",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "by_agency": {
           "type": "array",
           "items": {
            "type": "object",
            "properties": {
             "agency_id": {
              "type": "string",
              "nullable": true
             },
             "agency_name": {
              "type": "string"
             },
             "open": {
              "type": "integer"
             },
             "overdue": {
              "type": "integer"
             }
            },
            "required": [
             "agency_id",
             "agency_name",
             "open",
             "overdue"
            ]
           }
          },
          "by_chapter": {
           "type": "array",
           "items": {
            "type": "object",
            "properties": {
             "chapter": {
              "type": "string"
             },
             "open": {
              "type": "integer"
             },
             "overdue": {
              "type": "integer"
             },
             "resolved": {
              "type": "integer"
             },
             "title": {
              "type": "string"
             },
             "waived": {
              "type": "integer"
             }
            },
            "required": [
             "chapter",
             "open",
             "overdue",
             "resolved",
             "title",
             "waived"
            ]
           }
          },
          "by_severity": {
           "type": "object",
           "properties": {
            "rendah": {
             "type": "integer"
            },
            "sedang": {
             "type": "integer"
            },
            "tinggi": {
             "type": "integer"
            }
           },
           "required": [
            "rendah",
            "sedang",
            "tinggi"
           ]
          },
          "evaluated_at": {
           "type": "string",
           "nullable": true
          },
          "open": {
           "type": "integer"
          },
          "overdue": {
           "type": "integer"
          },
          "resolved": {
           "type": "integer"
          },
          "waived": {
           "type": "integer"
          }
         },
         "required": [
          "by_agency",
          "by_chapter",
          "by_severity",
          "evaluated_at",
          "open",
          "overdue",
          "resolved",
          "waived"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: compliance.read."
   }
  },
  "/api/compliance/findings": {
   "get": {
    "tags": [
     "Compliance"
    ],
    "summary": "Findings, open and overdue first",
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
             "agency_id": {
              "type": "string",
              "nullable": true
             },
             "agency_name": {
              "type": "string"
             },
             "details": {
              "type": "object",
              "properties": {
               "document_kind": {
                "type": "string"
               },
               "expected": {
                "oneOf": [
                 {
                  "type": "string"
                 },
                 {
                  "type": "array",
                  "items": {
                   "type": "string"
                  }
                 }
                ],
                "description": "what the rule expects: a pattern (\"*.domain\", \"@domain\") or the allowed values"
               },
               "field": {
                "type": "string"
               },
               "last": {
                "type": "string",
                "nullable": true
               },
               "missing": {
                "type": "array",
                "items": {
                 "type": "string"
                }
               },
               "months": {
                "type": "integer"
               },
               "value": {
                "type": "string"
               }
              }
             },
             "due": {
              "type": "string"
             },
             "due_basis": {
              "type": "string"
             },
             "first_seen_at": {
              "type": "string"
             },
             "grace_days": {
              "type": "integer"
             },
             "id": {
              "type": "string"
             },
             "last_seen_at": {
              "type": "string"
             },
             "object_id": {
              "type": "string"
             },
             "object_label": {
              "type": "string"
             },
             "overdue": {
              "type": "boolean"
             },
             "resolved_at": {
              "type": "string",
              "nullable": true
             },
             "rule": {
              "type": "object",
              "properties": {
               "chapter": {
                "type": "string"
               },
               "citation": {
                "type": "string"
               },
               "id": {
                "type": "string"
               },
               "kind": {
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
               "chapter",
               "citation",
               "id",
               "kind",
               "title",
               "title_en"
              ]
             },
             "severity": {
              "type": "string"
             },
             "state": {
              "type": "string"
             },
             "subject": {
              "type": "string"
             },
             "waived_at": {
              "type": "string",
              "nullable": true
             },
             "waived_by_name": {
              "type": "string",
              "nullable": true
             },
             "waived_reason": {
              "type": "string",
              "nullable": true
             }
            },
            "required": [
             "agency_id",
             "agency_name",
             "details",
             "due",
             "due_basis",
             "first_seen_at",
             "grace_days",
             "id",
             "last_seen_at",
             "object_id",
             "object_label",
             "overdue",
             "resolved_at",
             "rule",
             "severity",
             "state",
             "subject",
             "waived_at",
             "waived_by_name",
             "waived_reason"
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
    "description": "Requires: compliance.read.",
    "parameters": [
     "list-query"
    ]
   }
  },
  "/api/compliance/findings/{id}": {
   "get": {
    "tags": [
     "Compliance"
    ],
    "summary": "One finding with the article text and sanctions",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "allOf": [
          {
           "$ref": "#/components/schemas/ComplianceFinding"
          },
          {
           "type": "object",
           "properties": {
            "article": {
             "type": "object",
             "properties": {
              "number": {
               "oneOf": [
                {
                 "type": "integer"
                },
                {
                 "type": "string"
                }
               ],
               "description": "the article's number (a text for a lettered or transitional article)"
              },
              "text": {
               "type": "string"
              }
             },
             "required": [
              "number",
              "text"
             ],
             "nullable": true
            },
            "sanction_rule": {
             "type": "object",
             "properties": {
              "chapter": {
               "type": "string",
               "nullable": true
              },
              "citation": {
               "type": "string"
              },
              "id": {
               "type": "string"
              }
             },
             "required": [
              "chapter",
              "citation",
              "id"
             ],
             "nullable": true
            },
            "sanction_steps": {
             "type": "array",
             "items": {
              "type": "object",
              "properties": {
               "after_months": {
                "type": "integer",
                "nullable": true
               },
               "id": {
                "type": "string"
               },
               "letter": {
                "type": "boolean"
               },
               "name": {
                "type": "string"
               }
              },
              "required": [
               "after_months",
               "id",
               "letter",
               "name"
              ]
             }
            },
            "sanctionable": {
             "type": "boolean"
            },
            "sanctions": {
             "type": "array",
             "items": {
              "$ref": "#/components/schemas/Sanction"
             }
            }
           },
           "required": [
            "article",
            "sanction_steps",
            "sanctionable",
            "sanctions"
           ]
          }
         ]
        }
       }
      }
     }
    },
    "description": "Requires: compliance.read."
   }
  },
  "/api/compliance/evaluate": {
   "post": {
    "tags": [
     "Compliance"
    ],
    "summary": "Evaluate every rule over live data now",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "escalated": {
           "type": "integer",
           "description": "Next sanction steps proposed (not given)"
          },
          "evaluated_at": {
           "type": "string"
          },
          "new": {
           "type": "integer"
          },
          "open": {
           "type": "integer"
          },
          "reopened": {
           "type": "integer"
          },
          "resolved": {
           "type": "integer"
          },
          "proposed": {
           "type": "integer",
           "description": "Sanction cases opened at their first step (proposals)"
          }
         },
         "required": [
          "escalated",
          "evaluated_at",
          "new",
          "open",
          "proposed",
          "reopened",
          "resolved"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: compliance.evaluate."
   }
  },
  "/api/compliance/findings/{id}/waive": {
   "post": {
    "tags": [
     "Compliance"
    ],
    "summary": "Waive an open finding with a reason",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ComplianceFinding"
        }
       }
      }
     }
    },
    "description": "Requires: compliance.waive.",
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
  "/api/compliance/findings/{id}/sanctions": {
   "post": {
    "tags": [
     "Compliance"
    ],
    "summary": "Give a sanction step (the official's decision on a proposed step, where the profile states sanctions)",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Sanction"
        }
       }
      }
     }
    },
    "description": "Requires: compliance.sanction.",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
         "step": {
          "type": "string"
         },
         "date": {
          "type": "string"
         },
         "note": {
          "type": "string"
         }
        },
        "required": [
         "step"
        ]
       }
      }
     }
    }
   }
  },
  "/api/compliance/sanctions/{id}/letter": {
   "get": {
    "tags": [
     "Compliance"
    ],
    "summary": "The reprimand letter as PDF (attachment), with its signature in headers",
    "responses": {
     "200": {
      "description": "success"
     }
    },
    "description": "Requires: compliance.read."
   }
  }
 },
 "components": {
  "schemas": {
   "ComplianceRule": {
    "properties": {
     "chapter": {
      "type": "string",
      "nullable": true
     },
     "citation": {
      "type": "string"
     },
     "id": {
      "type": "string"
     },
     "kind": {
      "type": "string"
     },
     "title": {
      "type": "string",
      "nullable": true
     },
     "title_en": {
      "type": "string",
      "nullable": true
     }
    },
    "required": [
     "chapter",
     "citation",
     "id",
     "kind",
     "title",
     "title_en"
    ],
    "type": "object"
   },
   "Sanction": {
    "type": "object",
    "properties": {
     "automatic": {
      "type": "boolean"
     },
     "created_at": {
      "type": "string"
     },
     "date": {
      "type": "string",
      "nullable": true,
      "description": "The day the step was given; null while proposed"
     },
     "finding_id": {
      "type": "string"
     },
     "has_letter": {
      "type": "boolean"
     },
     "id": {
      "type": "string"
     },
     "issued_by_name": {
      "type": "string",
      "nullable": true
     },
     "letter_sha256": {
      "type": "string"
     },
     "letter_signature": {
      "type": "string"
     },
     "note": {
      "type": "string",
      "nullable": true
     },
     "step": {
      "type": "string"
     },
     "step_name": {
      "type": "string"
     },
     "status": {
      "type": "string",
      "enum": [
       "proposed",
       "given"
      ]
     },
     "basis": {
      "type": "string",
      "description": "Why the step is due, as the regulation words it"
     },
     "basis_citation": {
      "type": "string",
      "description": "The article and huruf of the step, e.g. Pasal 46 ayat (2) huruf b"
     },
     "proposed_on": {
      "type": "string",
      "nullable": true
     },
     "due": {
      "type": "string",
      "nullable": true
     },
     "responsible": {
      "type": "string",
      "description": "Who gives the sanction, with the official title of the profile"
     }
    },
    "required": [
     "automatic",
     "basis",
     "basis_citation",
     "created_at",
     "date",
     "due",
     "finding_id",
     "has_letter",
     "id",
     "issued_by_name",
     "letter_sha256",
     "letter_signature",
     "note",
     "proposed_on",
     "responsible",
     "status",
     "step",
     "step_name"
    ]
   },
   "ComplianceFinding": {
    "type": "object",
    "properties": {
     "agency_id": {
      "type": "string",
      "nullable": true
     },
     "agency_name": {
      "type": "string",
      "nullable": true
     },
     "details": {
      "type": "object",
      "properties": {
       "document_kind": {
        "type": "string"
       },
       "expected": {
        "oneOf": [
         {
          "type": "string"
         },
         {
          "type": "array",
          "items": {
           "type": "string"
          }
         }
        ],
        "description": "what the rule expects: a pattern (\"*.domain\", \"@domain\") or the allowed values"
       },
       "field": {
        "type": "string"
       },
       "last": {
        "type": "string",
        "nullable": true
       },
       "missing": {
        "type": "array",
        "items": {
         "type": "string"
        }
       },
       "months": {
        "type": "integer"
       },
       "value": {
        "type": "string"
       }
      },
      "additionalProperties": true,
      "nullable": true
     },
     "due": {
      "type": "string",
      "nullable": true
     },
     "due_basis": {
      "type": "string",
      "enum": [
       "pasal",
       "pemda"
      ]
     },
     "first_seen_at": {
      "type": "string"
     },
     "grace_days": {
      "type": "integer"
     },
     "id": {
      "type": "string"
     },
     "last_seen_at": {
      "type": "string"
     },
     "object_id": {
      "type": "string"
     },
     "object_label": {
      "type": "string",
      "nullable": true
     },
     "overdue": {
      "type": "boolean"
     },
     "resolved_at": {
      "type": "string",
      "nullable": true
     },
     "rule": {
      "$ref": "#/components/schemas/ComplianceRule"
     },
     "severity": {
      "type": "string",
      "enum": [
       "tinggi",
       "sedang",
       "rendah"
      ]
     },
     "state": {
      "type": "string",
      "enum": [
       "open",
       "resolved",
       "waived"
      ]
     },
     "subject": {
      "type": "string"
     },
     "waived_at": {
      "type": "string",
      "nullable": true
     },
     "waived_by_name": {
      "type": "string",
      "nullable": true
     },
     "waived_reason": {
      "type": "string",
      "nullable": true
     },
     "resolve": {
      "type": "object",
      "nullable": true,
      "description": "What resolves the finding and the console screen where it is done",
      "properties": {
       "action": {
        "type": "string"
       },
       "action_en": {
        "type": "string"
       },
       "place": {
        "type": "string"
       },
       "place_en": {
        "type": "string"
       },
       "link": {
        "type": "string"
       }
      },
      "required": [
       "action",
       "action_en",
       "place",
       "place_en",
       "link"
      ]
     }
    },
    "required": [
     "agency_id",
     "agency_name",
     "details",
     "due",
     "first_seen_at",
     "id",
     "last_seen_at",
     "object_id",
     "object_label",
     "overdue",
     "resolved_at",
     "rule",
     "severity",
     "state",
     "subject",
     "waived_at",
     "waived_by_name",
     "waived_reason"
    ],
    "description": "A compliance finding: one rule not met by one object, with its citation, severity, responsible agency, due date and state"
   }
  }
 }
})json";
}

}  // namespace simpul::regulation
