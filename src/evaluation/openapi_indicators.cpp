// /api/evaluation/periods/{id}/indicators: answers, review and comments: this module's part of the API contract
// (openapi.cpp lists the parts).
#include <string_view>

namespace simpul::evaluation {

std::string_view openapi_indicators_fragment() {
  return R"json({
 "paths": {
  "/api/evaluation/periods/{id}/indicators/{ind}": {
   "get": {
    "tags": [
     "Evaluation"
    ],
    "summary": "Indicator workspace: criteria per level, answer, evidence, comments, live evidence proposals, next level",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "answer": {
           "allOf": [
            {
             "$ref": "#/components/schemas/EvaluationAnswer"
            }
           ],
           "nullable": true
          },
          "comments": {
           "type": "array",
           "items": {
            "type": "object",
            "properties": {
             "author_name": {
              "type": "string"
             },
             "created_at": {
              "type": "string"
             },
             "id": {
              "type": "string"
             },
             "indicator_id": {
              "type": "string"
             },
             "role": {
              "type": "string"
             },
             "text": {
              "type": "string"
             }
            },
            "required": [
             "author_name",
             "created_at",
             "id",
             "indicator_id",
             "role",
             "text"
            ]
           }
          },
          "evidence": {
           "type": "array",
           "items": {
            "$ref": "#/components/schemas/EvaluationEvidence"
           }
          },
          "indicator": {
           "type": "object",
           "properties": {
            "aspect": {
             "type": "object",
             "properties": {
              "id": {
               "type": "string"
              },
              "name": {
               "type": "string"
              },
              "number": {
               "type": "integer"
              }
             },
             "required": [
              "id",
              "name",
              "number"
             ]
            },
            "criteria": {
             "type": "string"
            },
            "evidence_topics": {
             "type": "array",
             "items": {
              "type": "string"
             }
            },
            "criteria_published": {
             "type": "boolean",
             "description": "false while no level of the indicator has criteria text (8/2026: none published yet)"
            },
            "criteria_source": {
             "type": "string",
             "description": "where the level criteria come from (59/2020: public copies, not the official PDF)"
            },
            "criteria_notes": {
             "type": "string"
            },
            "external_kind": {
             "type": "string"
            },
            "id": {
             "type": "string"
            },
            "levels": {
             "type": "array",
             "items": {
              "type": "object",
              "properties": {
               "criteria": {
                "type": "string"
               },
               "level": {
                "type": "integer"
               },
               "name": {
                "type": "string"
               }
              },
              "required": [
               "criteria",
               "level",
               "name"
              ]
             }
            },
            "name": {
             "type": "string"
            },
            "number": {
             "type": "integer"
            },
            "scale": {
             "type": "string"
            },
            "weight": {
             "type": "number"
            }
           },
           "required": [
            "aspect",
            "criteria",
            "evidence_topics",
            "external_kind",
            "id",
            "levels",
            "name",
            "number",
            "scale",
            "weight"
           ]
          },
          "level_rule": {
           "type": "string"
          },
          "my_roles": {
           "type": "array",
           "items": {
            "type": "string"
           }
          },
          "next_level": {
           "type": "object",
           "properties": {
            "criteria": {
             "type": "string"
            },
            "gaps": {
             "type": "integer"
            },
            "level": {
             "type": "integer"
            },
            "name": {
             "type": "string"
            }
           },
           "required": [
            "criteria",
            "gaps",
            "level",
            "name"
           ]
          },
          "period_state": {
           "type": "string"
          },
          "proposals": {
           "type": "array",
           "items": {
            "type": "object",
            "properties": {
             "detail": {
              "type": "string"
             },
             "kind": {
              "type": "string"
             },
             "label": {
              "type": "string"
             },
             "link": {
              "type": "string"
             },
             "present": {
              "type": "boolean"
             },
             "ref_id": {
              "type": "string"
             },
             "source": {
              "type": "string"
             },
             "topic": {
              "type": "string"
             }
            },
            "required": [
             "detail",
             "kind",
             "label",
             "link",
             "present",
             "ref_id",
             "source",
             "topic"
            ]
           }
          },
          "basis": {
           "type": "object",
           "description": "Why the value is what it is: each level's main evidence up to the level that stops the climb (cumulative rule), with the reason in Indonesian and English.",
           "properties": {
            "value": {
             "type": "number"
            },
            "levels": {
             "type": "array",
             "items": {
              "type": "object",
              "properties": {
               "level": {
                "type": "integer"
               },
               "status": {
                "type": "string",
                "enum": [
                 "diterima",
                 "tanpa_bukti",
                 "ditolak",
                 "belum_diperiksa"
                ]
               },
               "items": {
                "type": "array",
                "items": {
                 "type": "string"
                }
               }
              },
              "required": [
               "level",
               "status",
               "items"
              ]
             }
            },
            "supporting": {
             "type": "array",
             "items": {
              "type": "string"
             }
            },
            "reason": {
             "type": "string"
            },
            "reason_en": {
             "type": "string"
            }
           },
           "required": [
            "value",
            "levels",
            "supporting",
            "reason",
            "reason_en"
           ]
          },
          "value": {
           "type": "number"
          }
         },
         "required": [
          "answer",
          "basis",
          "comments",
          "evidence",
          "indicator",
          "level_rule",
          "my_roles",
          "next_level",
          "period_state",
          "proposals",
          "value"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: evaluation.read."
   }
  },
  "/api/evaluation/periods/{id}/indicators/{ind}/answer": {
   "put": {
    "tags": [
     "Evaluation"
    ],
    "summary": "Fill the answer (level, explanation, external score)",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/EvaluationAnswer"
        }
       }
      }
     }
    },
    "description": "Requires: evaluation.read + data_entry in the period's team.",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "level": {
          "type": "integer",
          "nullable": true
         },
         "external_score": {
          "type": "number",
          "nullable": true
         },
         "explanation": {
          "type": "string"
         }
        }
       }
      }
     }
    }
   }
  },
  "/api/evaluation/periods/{id}/indicators/{ind}/answer/submit": {
   "post": {
    "tags": [
     "Evaluation"
    ],
    "summary": "Send the answer to the penanggung jawab",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/EvaluationAnswer"
        }
       }
      }
     }
    },
    "description": "Requires: evaluation.read + data_entry in the period's team."
   }
  },
  "/api/evaluation/periods/{id}/indicators/{ind}/answer/review": {
   "post": {
    "tags": [
     "Evaluation"
    ],
    "summary": "Approve or return (with a note) an answer",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "explanation": {
           "type": "string"
          },
          "external_score": {
           "type": "number",
           "nullable": true
          },
          "filled_by_name": {
           "type": "string"
          },
          "indicator_id": {
           "type": "string"
          },
          "level": {
           "type": "integer",
           "nullable": true
          },
          "review_note": {
           "type": "string"
          },
          "reviewed_at": {
           "type": "string"
          },
          "reviewed_by_name": {
           "type": "string"
          },
          "state": {
           "type": "string"
          },
          "updated_at": {
           "type": "string"
          }
         },
         "required": [
          "explanation",
          "external_score",
          "filled_by_name",
          "indicator_id",
          "level",
          "review_note",
          "reviewed_at",
          "reviewed_by_name",
          "state",
          "updated_at"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: evaluation.read + penanggung_jawab or koordinator, not the filler.",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "decision": {
          "type": "string",
          "enum": [
           "disetujui",
           "dikembalikan"
          ]
         },
         "note": {
          "type": "string"
         }
        },
        "required": [
         "decision"
        ]
       }
      }
     }
    }
   }
  },
  "/api/evaluation/periods/{id}/indicators/{ind}/comments": {
   "post": {
    "tags": [
     "Evaluation"
    ],
    "summary": "Post to the indicator's comment thread",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "author_name": {
           "type": "string"
          },
          "created_at": {
           "type": "string"
          },
          "id": {
           "type": "string"
          },
          "indicator_id": {
           "type": "string"
          },
          "role": {
           "type": "string"
          },
          "text": {
           "type": "string"
          }
         },
         "required": [
          "author_name",
          "created_at",
          "id",
          "indicator_id",
          "role",
          "text"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: evaluation.read + member of the period's team.",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "text": {
          "type": "string"
         }
        },
        "required": [
         "text"
        ]
       }
      }
     }
    }
   }
  }
 },
 "components": {
  "schemas": {
   "EvaluationAnswer": {
    "properties": {
     "explanation": {
      "type": "string"
     },
     "external_score": {
      "type": "number",
      "nullable": true
     },
     "filled_by_name": {
      "type": "string"
     },
     "indicator_id": {
      "type": "string"
     },
     "level": {
      "nullable": true,
      "type": "integer"
     },
     "review_note": {
      "type": "string"
     },
     "reviewed_at": {
      "nullable": true,
      "type": "string"
     },
     "reviewed_by_name": {
      "type": "string"
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
     "updated_at": {
      "type": "string"
     },
     "filled_by": {
      "type": "string"
     }
    },
    "required": [
     "explanation",
     "external_score",
     "filled_by_name",
     "indicator_id",
     "level",
     "review_note",
     "reviewed_at",
     "reviewed_by_name",
     "state",
     "updated_at"
    ],
    "type": "object"
   }
  }
 }
})json";
}

}  // namespace simpul::evaluation
