// /api/evaluation/frameworks/{fid}/versions: this module's part of the API contract (openapi.cpp lists the parts).
#include <string_view>

namespace simpul::evaluation {

std::string_view openapi_framework_versions_fragment() {
  return R"json({
 "paths": {
  "/api/evaluation/frameworks/{fid}/versions": {
   "post": {
    "tags": [
     "Evaluation"
    ],
    "summary": "Save corrections of names, weights and criteria as a new version",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
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
                    "properties": {
                     "3": {
                      "type": "string"
                     }
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
          "domains",
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
     }
    },
    "description": "Requires: evaluation.framework.",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "base_version": {
          "type": "integer"
         },
         "note": {
          "type": "string"
         },
         "corrections": {
          "type": "object",
          "properties": {
           "title": {
            "type": "string"
           },
           "domains": {
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
              "weight": {
               "type": "number"
              }
             },
             "required": [
              "id"
             ]
            }
           },
           "aspects": {
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
              "weight": {
               "type": "number"
              }
             },
             "required": [
              "id"
             ]
            }
           },
           "indicators": {
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
              "weight": {
               "type": "number"
              },
              "criteria": {
               "type": "string",
               "nullable": true
              },
              "level_criteria": {
               "type": "object",
               "additionalProperties": {
                "type": "string"
               }
              }
             },
             "required": [
              "id"
             ]
            }
           },
           "scales": {
            "type": "array",
            "items": {
             "type": "object",
             "properties": {
              "name": {
               "type": "string"
              },
              "levels": {
               "type": "array",
               "items": {
                "type": "object",
                "properties": {
                 "level": {
                  "type": "integer"
                 },
                 "name": {
                  "type": "string"
                 },
                 "criteria": {
                  "type": "string"
                 }
                },
                "required": [
                 "level"
                ]
               }
              }
             },
             "required": [
              "name",
              "levels"
             ]
            }
           }
          }
         }
        },
        "required": [
         "base_version",
         "note",
         "corrections"
        ]
       }
      }
     }
    }
   }
  }
 }
})json";
}

}  // namespace simpul::evaluation
