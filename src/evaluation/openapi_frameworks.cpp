// /api/evaluation/frameworks: this module's part of the API contract (openapi.cpp lists the parts).
#include <string_view>

namespace simpul::evaluation {

std::string_view openapi_frameworks_fragment() {
  return R"json({
 "paths": {
  "/api/evaluation/frameworks": {
   "get": {
    "tags": [
     "Evaluation"
    ],
    "summary": "Framework versions: shipped files and the tenant's corrections",
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
             "confidence": {
              "type": "string"
             },
             "created_at": {
              "type": "string"
             },
             "created_by_name": {
              "type": "string"
             },
             "id": {
              "type": "string"
             },
             "indicators": {
              "type": "integer"
             },
             "legal_basis": {
              "type": "string"
             },
             "level_rule": {
              "type": "string"
             },
             "note": {
              "type": "string"
             },
             "origin": {
              "type": "string"
             },
             "provisional": {
              "type": "boolean"
             },
             "title": {
              "type": "string"
             },
             "valid_from": {
              "type": "integer"
             },
             "version": {
              "type": "integer"
             }
            },
            "required": [
             "confidence",
             "created_at",
             "created_by_name",
             "id",
             "indicators",
             "legal_basis",
             "level_rule",
             "note",
             "origin",
             "provisional",
             "title",
             "valid_from",
             "version"
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
    "description": "Requires: evaluation.read."
   }
  },
  "/api/evaluation/frameworks/{fid}": {
   "get": {
    "tags": [
     "Evaluation"
    ],
    "summary": "One framework version in the file format (query version; default latest)",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/EvaluationFrameworkDefinition"
        }
       }
      }
     }
    },
    "description": "Requires: evaluation.read."
   }
  }
 },
 "components": {
  "schemas": {
   "EvaluationAspect": {
    "properties": {
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
   "EvaluationFramework": {
    "properties": {
     "id": {
      "type": "string"
     },
     "level_rule": {
      "type": "string"
     },
     "provisional": {
      "type": "boolean"
     },
     "title": {
      "type": "string"
     },
     "version": {
      "type": "integer"
     }
    },
    "required": [
     "id",
     "level_rule",
     "provisional",
     "title",
     "version"
    ],
    "type": "object"
   },
   "EvaluationItem": {
    "properties": {
     "added_at": {
      "type": "string"
     },
     "id": {
      "type": "string"
     },
     "role": {
      "type": "string"
     },
     "user_id": {
      "type": "string"
     },
     "user_name": {
      "type": "string"
     }
    },
    "required": [
     "added_at",
     "id",
     "role",
     "user_id",
     "user_name"
    ],
    "type": "object"
   },
   "EvaluationDomain": {
    "properties": {
     "id": {
      "type": "string"
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
     "id",
     "name",
     "number",
     "value",
     "weight"
    ],
    "type": "object"
   },
   "EvaluationFrameworkDefinition": {
    "type": "object",
    "properties": {
     "aspects": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "id": {
         "type": "string"
        },
        "indicators": {
         "type": "array",
         "items": {
          "type": "object",
          "properties": {
           "criteria": {
            "type": "string",
            "nullable": true
           },
           "evidence_topics": {
            "type": "array",
            "items": {
             "type": "string"
            }
           },
           "external": {
            "type": "object",
            "properties": {
             "kind": {
              "type": "string"
             }
            },
            "required": [
             "kind"
            ]
           },
           "id": {
            "type": "string"
           },
           "level_criteria": {
            "type": "object",
            "properties": {}
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
           "criteria",
           "evidence_topics",
           "id",
           "level_criteria",
           "name",
           "number",
           "scale",
           "weight"
          ]
         }
        },
        "name": {
         "type": "string"
        },
        "number": {
         "type": "integer"
        },
        "weight": {
         "type": "number"
        }
       },
       "required": [
        "id",
        "indicators",
        "name",
        "number",
        "weight"
       ]
      }
     },
     "computation": {
      "type": "object",
      "properties": {
       "formula_text": {
        "type": "string"
       },
       "index_scale": {
        "type": "number"
       },
       "level_rule": {
        "type": "string"
       },
       "level_rule_text": {
        "type": "string",
        "nullable": true
       }
      },
      "required": [
       "formula_text",
       "index_scale",
       "level_rule",
       "level_rule_text"
      ]
     },
     "confidence": {
      "type": "string"
     },
     "domains": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "aspects": {
         "type": "array",
         "items": {
          "type": "object",
          "properties": {
           "id": {
            "type": "string"
           },
           "indicators": {
            "type": "array",
            "items": {
             "type": "object",
             "properties": {
              "criteria": {
               "type": "string",
               "nullable": true
              },
              "evidence_topics": {
               "type": "array",
               "items": {
                "type": "string"
               }
              },
              "id": {
               "type": "string"
              },
              "level_criteria": {
               "type": "object",
               "properties": {}
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
              "criteria",
              "evidence_topics",
              "id",
              "level_criteria",
              "name",
              "number",
              "scale",
              "weight"
             ]
            }
           },
           "name": {
            "type": "string"
           },
           "number": {
            "type": "integer"
           },
           "weight": {
            "type": "number"
           }
          },
          "required": [
           "id",
           "indicators",
           "name",
           "number",
           "weight"
          ]
         }
        },
        "id": {
         "type": "string"
        },
        "name": {
         "type": "string"
        },
        "number": {
         "type": "integer"
        },
        "weight": {
         "type": "number"
        }
       },
       "required": [
        "aspects",
        "id",
        "name",
        "number",
        "weight"
       ]
      }
     },
     "format": {
      "type": "string"
     },
     "id": {
      "type": "string"
     },
     "legal_basis": {
      "type": "string"
     },
     "predicates": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "max": {
         "type": "number"
        },
        "min": {
         "type": "number"
        },
        "name": {
         "type": "string"
        }
       },
       "required": [
        "max",
        "min",
        "name"
       ]
      }
     },
     "process": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "provenance": {
      "type": "object",
      "properties": {
       "notes": {
        "type": "string"
       },
       "source_file": {
        "type": "string"
       }
      },
      "required": [
       "notes",
       "source_file"
      ]
     },
     "provisional": {
      "type": "boolean"
     },
     "replaces": {
      "type": "string"
     },
     "scales": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "confidence": {
         "type": "string"
        },
        "levels": {
         "type": "array",
         "items": {
          "type": "object",
          "properties": {
           "criteria": {
            "type": "string",
            "nullable": true
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
        }
       },
       "required": [
        "confidence",
        "levels",
        "name"
       ]
      }
     },
     "source_id": {
      "type": "string"
     },
     "title": {
      "type": "string"
     },
     "valid_from": {
      "type": "integer"
     },
     "version": {
      "type": "integer"
     }
    },
    "required": [
     "computation",
     "confidence",
     "format",
     "id",
     "legal_basis",
     "predicates",
     "process",
     "provenance",
     "provisional",
     "replaces",
     "scales",
     "source_id",
     "title",
     "valid_from",
     "version"
    ]
   }
  }
 }
})json";
}

}  // namespace simpul::evaluation
