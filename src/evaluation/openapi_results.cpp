// /api/evaluation/periods/{id}/index, /what-if, /submit, /report and /export: this module's part of the API contract
// (openapi.cpp lists the parts).
#include <string_view>

namespace simpul::evaluation {

std::string_view openapi_results_fragment() {
  return R"json({
 "paths": {
  "/api/evaluation/periods/{id}/index": {
   "get": {
    "tags": [
     "Evaluation"
    ],
    "summary": "The period's index, predicate, domains and aspects",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "aspects": {
           "type": "array",
           "items": {
            "$ref": "#/components/schemas/EvaluationAspect"
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
           "type": "string",
           "nullable": true
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
        }
       }
      }
     }
    },
    "description": "Requires: evaluation.read."
   }
  },
  "/api/evaluation/periods/{id}/what-if": {
   "post": {
    "tags": [
     "Evaluation"
    ],
    "summary": "Simulate raising indicators to levels; returns the new index and the delta",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "aspects": {
           "type": "array",
           "items": {
            "$ref": "#/components/schemas/EvaluationAspect"
           }
          },
          "base_index": {
           "type": "number"
          },
          "complete": {
           "type": "boolean"
          },
          "delta": {
           "type": "number"
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
           "type": "string",
           "nullable": true
          },
          "unanswered": {
           "type": "integer"
          }
         },
         "required": [
          "aspects",
          "base_index",
          "complete",
          "delta",
          "domains",
          "index",
          "indicators",
          "issues",
          "predicate",
          "unanswered"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: evaluation.read.",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "changes": {
          "type": "array",
          "items": {
           "type": "object",
           "properties": {
            "indicator": {
             "type": "string"
            },
            "level": {
             "type": "integer"
            }
           },
           "required": [
            "indicator",
            "level"
           ]
          }
         }
        },
        "required": [
         "changes"
        ]
       }
      }
     }
    }
   }
  },
  "/api/evaluation/periods/{id}/submit": {
   "post": {
    "tags": [
     "Evaluation"
    ],
    "summary": "Lock and submit the period (every answer approved)",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
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
          "framework": {
           "$ref": "#/components/schemas/EvaluationFramework"
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
          "indicators": {
           "type": "array",
           "items": {
            "type": "object",
            "properties": {
             "aspect_id": {
              "type": "string"
             },
             "evidence": {
              "type": "integer"
             },
             "id": {
              "type": "string"
             },
             "level": {
              "type": "integer"
             },
             "name": {
              "type": "string"
             },
             "number": {
              "type": "integer"
             },
             "state": {
              "type": "string",
              "enum": [
               "draf",
               "diajukan",
               "disetujui",
               "dikembalikan"
              ]
             },
             "value": {
              "type": "number"
             },
             "weight": {
              "type": "number"
             }
            },
            "required": [
             "aspect_id",
             "evidence",
             "id",
             "level",
             "name",
             "number",
             "state",
             "value",
             "weight"
            ]
           }
          },
          "members": {
           "type": "array",
           "items": {
            "$ref": "#/components/schemas/EvaluationItem"
           }
          },
          "my_roles": {
           "type": "array",
           "items": {
            "type": "string"
           }
          },
          "report_to": {
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
               "answered": {
                "type": "integer"
               },
               "approved": {
                "type": "integer"
               },
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
               "answered",
               "approved",
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
          "state": {
           "type": "string",
           "enum": [
            "terbuka",
            "diserahkan"
           ]
          },
          "submitted_at": {
           "type": "string"
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
          "framework",
          "framework_id",
          "framework_version",
          "id",
          "indicators",
          "members",
          "my_roles",
          "report_to",
          "result",
          "rule",
          "state",
          "submitted_at",
          "submitted_by_name",
          "title",
          "year"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: evaluation.read + koordinator in the period's team."
   }
  },
  "/api/evaluation/periods/{id}/report": {
   "get": {
    "tags": [
     "Evaluation"
    ],
    "summary": "The evaluation report (PDF, Indonesian)",
    "responses": {
     "200": {
      "description": "success"
     }
    },
    "description": "Requires: evaluation.read."
   }
  },
  "/api/evaluation/periods/{id}/export": {
   "get": {
    "tags": [
     "Evaluation"
    ],
    "summary": "All answers and evidence (XLSX)",
    "responses": {
     "200": {
      "description": "success"
     }
    },
    "description": "Requires: evaluation.read."
   }
  }
 },
 "components": {
  "schemas": {
   "EvaluationResult": {
    "properties": {
     "aspects": {
      "items": {
       "properties": {
        "answered": {
         "type": "integer"
        },
        "approved": {
         "type": "integer"
        },
        "domain_id": {
         "nullable": true,
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
        "answered",
        "approved",
        "domain_id",
        "id",
        "indicators",
        "name",
        "number",
        "value",
        "weight"
       ],
       "type": "object"
      },
      "type": "array"
     },
     "complete": {
      "type": "boolean"
     },
     "domains": {
      "items": {
       "$ref": "#/components/schemas/EvaluationDomain"
      },
      "type": "array"
     },
     "index": {
      "type": "number"
     },
     "indicators": {
      "items": {
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
       ],
       "type": "object"
      },
      "type": "array"
     },
     "issues": {
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
      },
      "type": "array"
     },
     "predicate": {
      "nullable": true,
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
    ],
    "type": "object"
   }
  }
 }
})json";
}

}  // namespace simpul::evaluation
