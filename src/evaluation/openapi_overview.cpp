// /api/evaluation/options, /history and /league: this module's part of the API contract (openapi.cpp lists the parts).
#include <string_view>

namespace simpul::evaluation {

std::string_view openapi_overview_fragment() {
  return R"json({
 "paths": {
  "/api/evaluation/options": {
   "get": {
    "tags": [
     "Evaluation"
    ],
    "summary": "Options: workflow roles, evidence topics, the profile's monitoring article, team and report recipient",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "agency_rule": {
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
          },
          "evidence_topics": {
           "type": "array",
           "items": {
            "type": "string"
           }
          },
          "max_evidence_bytes": {
           "type": "integer"
          },
          "report_to": {
           "type": "string"
          },
          "roles": {
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
          },
          "team": {
           "type": "string",
           "nullable": true
          },
          "team_rule": {
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
          "agency_rule",
          "evidence_topics",
          "max_evidence_bytes",
          "report_to",
          "roles",
          "rule",
          "team",
          "team_rule"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: evaluation.read."
   }
  },
  "/api/evaluation/history": {
   "get": {
    "tags": [
     "Evaluation"
    ],
    "summary": "Periods of the Pemda (or one agency, query agency) oldest first, with results",
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
             "created_at": {
              "type": "string"
             },
             "created_by_name": {
              "type": "string"
             },
             "framework_id": {
              "type": "string"
             },
             "framework_title": {
              "type": "string"
             },
             "framework_version": {
              "type": "integer"
             },
             "id": {
              "type": "string"
             },
             "result": {
              "type": "object",
              "properties": {
               "aspects": {
                "type": "array",
                "items": {
                 "type": "object",
                 "properties": {
                  "domain_id": {
                   "type": "string"
                  },
                  "id": {
                   "type": "string"
                  },
                  "indicators": {
                   "type": "integer"
                  },
                  "name": {
                   "type": "string"
                  },
                  "number": {
                   "type": "integer"
                  },
                  "value": {
                   "type": "number"
                  },
                  "weight": {
                   "type": "number"
                  }
                 },
                 "required": [
                  "domain_id",
                  "id",
                  "indicators",
                  "name",
                  "number",
                  "value",
                  "weight"
                 ]
                }
               },
               "complete": {
                "type": "boolean"
               },
               "domains": {
                "type": "array",
                "items": {
                 "$ref": "#/components/schemas/EvaluationDomain"
                }
               },
               "index": {
                "type": "number"
               },
               "indicators": {
                "type": "array",
                "items": {
                 "type": "object",
                 "properties": {
                  "id": {
                   "type": "string"
                  },
                  "value": {
                   "type": "number"
                  }
                 },
                 "required": [
                  "id",
                  "value"
                 ]
                }
               },
               "issues": {
                "type": "array",
                "items": {
                 "type": "object",
                 "properties": {
                  "indicator": {
                   "type": "string"
                  },
                  "problem": {
                   "type": "string"
                  }
                 },
                 "required": [
                  "indicator",
                  "problem"
                 ]
                }
               },
               "predicate": {
                "type": "string"
               },
               "unanswered": {
                "type": "integer"
               }
              },
              "required": [
               "aspects",
               "complete",
               "domains",
               "index",
               "indicators",
               "issues",
               "predicate",
               "unanswered"
              ]
             },
             "state": {
              "type": "string",
              "enum": [
               "terbuka",
               "diserahkan"
              ]
             },
             "submitted_at": {
              "type": "string",
              "nullable": true
             },
             "submitted_by_name": {
              "type": "string"
             },
             "title": {
              "type": "string"
             },
             "year": {
              "type": "integer"
             }
            },
            "required": [
             "agency_id",
             "agency_name",
             "created_at",
             "created_by_name",
             "framework_id",
             "framework_title",
             "framework_version",
             "id",
             "result",
             "state",
             "submitted_at",
             "submitted_by_name",
             "title",
             "year"
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
    "description": "Requires: evaluation.read."
   }
  },
  "/api/evaluation/league": {
   "get": {
    "tags": [
     "Evaluation"
    ],
    "summary": "Agency assessments of a year ranked by index (query year)",
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
             "approved": {
              "type": "integer"
             },
             "index": {
              "type": "number"
             },
             "period": {
              "type": "object",
              "properties": {
               "agency_id": {
                "type": "string"
               },
               "agency_name": {
                "type": "string"
               },
               "created_at": {
                "type": "string"
               },
               "created_by_name": {
                "type": "string"
               },
               "framework_id": {
                "type": "string"
               },
               "framework_version": {
                "type": "integer"
               },
               "id": {
                "type": "string"
               },
               "state": {
                "type": "string",
                "enum": [
                 "terbuka",
                 "diserahkan"
                ]
               },
               "submitted_at": {
                "type": "string",
                "nullable": true
               },
               "submitted_by_name": {
                "type": "string"
               },
               "title": {
                "type": "string"
               },
               "year": {
                "type": "integer"
               }
              },
              "required": [
               "agency_id",
               "agency_name",
               "created_at",
               "created_by_name",
               "framework_id",
               "framework_version",
               "id",
               "state",
               "submitted_at",
               "submitted_by_name",
               "title",
               "year"
              ]
             },
             "predicate": {
              "type": "string"
             },
             "rank": {
              "type": "integer"
             }
            },
            "required": [
             "approved",
             "index",
             "period",
             "predicate",
             "rank"
            ]
           }
          },
          "year": {
           "type": "integer"
          }
         },
         "required": [
          "items",
          "year"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: evaluation.read."
   }
  }
 }
})json";
}

}  // namespace simpul::evaluation
