// The routes of this module as the API contract states them (http/api_description.hpp): request
// and response schemas, summaries and permissions. Registered with the routes; served at
// /api/openapi.json; every answer the API tests receive is checked against it.
#include <string_view>

namespace simpul::evaluation {

std::string_view openapi_fragment() {
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
                 "items": {}
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
                    "items": {}
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
     }
    },
    "description": "Requires: evaluation.read."
   }
  },
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
                    "items": {}
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
        "type": "object"
       }
      }
     }
    }
   }
  },
  "/api/evaluation/periods": {
   "get": {
    "tags": [
     "Evaluation"
    ],
    "summary": "Evaluation periods with their index (query year, agency; agency=- for Pemda-wide only)",
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
   },
   "post": {
    "tags": [
     "Evaluation"
    ],
    "summary": "Open a period for a year (Pemda-wide or one agency); the team starts from the profile's team",
    "responses": {
     "201": {
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
              "type": "string",
              "nullable": true
             },
             "name": {
              "type": "string"
             },
             "number": {
              "type": "integer"
             },
             "state": {
              "type": "string",
              "nullable": true
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
            "type": "object",
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
            ]
           }
          },
          "my_roles": {
           "type": "array",
           "items": {}
          },
          "report_to": {
           "type": "string"
          },
          "result": {
           "$ref": "#/components/schemas/EvaluationResult"
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
           "type": "string"
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
    "description": "Requires: evaluation.manage.",
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
  "/api/evaluation/periods/{id}": {
   "get": {
    "tags": [
     "Evaluation"
    ],
    "summary": "A period: framework, team, indicators, index and progress per aspect",
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
              "type": "integer",
              "nullable": true
             },
             "name": {
              "type": "string"
             },
             "number": {
              "type": "integer"
             },
             "state": {
              "type": "string",
              "nullable": true
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
            "type": "object",
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
            ]
           }
          },
          "my_roles": {
           "type": "array",
           "items": {}
          },
          "report_to": {
           "type": "string"
          },
          "result": {
           "$ref": "#/components/schemas/EvaluationResult"
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
           "type": "string"
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
    "description": "Requires: evaluation.read."
   }
  },
  "/api/evaluation/periods/{id}/members": {
   "post": {
    "tags": [
     "Evaluation"
    ],
    "summary": "Add a member to the period's assessor team with a workflow role",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/EvaluationItem"
        }
       }
      }
     }
    },
    "description": "Requires: evaluation.manage.",
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
  "/api/evaluation/periods/{id}/members/{mid}": {
   "delete": {
    "tags": [
     "Evaluation"
    ],
    "summary": "Remove a member from the period's assessor team",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "removed": {
           "type": "boolean"
          }
         },
         "required": [
          "removed"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: evaluation.manage."
   }
  },
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
             "type": "string",
             "nullable": true
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
           ],
           "nullable": true
          },
          "comments": {
           "type": "array",
           "items": {}
          },
          "evidence": {
           "type": "array",
           "items": {}
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
        "type": "object"
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
        "type": "object"
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
        "type": "object"
       }
      }
     }
    }
   }
  },
  "/api/evaluation/periods/{id}/indicators/{ind}/evidence": {
   "post": {
    "tags": [
     "Evaluation"
    ],
    "summary": "Upload an evidence file (raw body; query filename, level, main)",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/EvaluationEvidence"
        }
       }
      }
     }
    },
    "description": "Requires: evaluation.read + data_entry in the period's team."
   }
  },
  "/api/evaluation/periods/{id}/indicators/{ind}/evidence/link": {
   "post": {
    "tags": [
     "Evaluation"
    ],
    "summary": "Link a Simpul record as evidence (ref_kind, ref_id from a proposal)",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "added_at": {
           "type": "string"
          },
          "added_by_name": {
           "type": "string"
          },
          "id": {
           "type": "string"
          },
          "indicator_id": {
           "type": "string"
          },
          "kind": {
           "type": "string"
          },
          "label": {
           "type": "string"
          },
          "level": {
           "type": "integer",
           "nullable": true
          },
          "main": {
           "type": "boolean"
          },
          "ref_id": {
           "type": "string"
          },
          "ref_kind": {
           "type": "string"
          },
          "sha256": {
           "type": "string"
          },
          "size": {
           "type": "integer"
          },
          "verdict": {
           "type": "string"
          }
         },
         "required": [
          "added_at",
          "added_by_name",
          "id",
          "indicator_id",
          "kind",
          "label",
          "level",
          "main",
          "ref_id",
          "ref_kind",
          "sha256",
          "size",
          "verdict"
         ]
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
        "type": "object"
       }
      }
     }
    }
   }
  },
  "/api/evaluation/periods/{id}/evidence/{eid}": {
   "delete": {
    "tags": [
     "Evaluation"
    ],
    "summary": "Remove an evidence item while its answer is a draft or returned",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "removed": {
           "type": "boolean"
          }
         },
         "required": [
          "removed"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: evaluation.read + data_entry in the period's team."
   }
  },
  "/api/evaluation/periods/{id}/evidence/{eid}/verdict": {
   "post": {
    "tags": [
     "Evaluation"
    ],
    "summary": "Accept or reject an evidence item (8/2026 cumulative rule)",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/EvaluationEvidence"
        }
       }
      }
     }
    },
    "description": "Requires: evaluation.read + penanggung_jawab or koordinator.",
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
  "/api/evaluation/periods/{id}/evidence/{eid}/content": {
   "get": {
    "tags": [
     "Evaluation"
    ],
    "summary": "Download an evidence file (always as an attachment)",
    "responses": {
     "200": {
      "description": "success"
     }
    },
    "description": "Requires: evaluation.read."
   }
  },
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
           "items": {}
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
           "items": {}
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
           "items": {}
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
           "items": {}
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
        "type": "object"
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
              "type": "string"
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
             "items": {}
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
           "type": "string"
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
                "items": {}
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
              "type": "string"
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
                "type": "string"
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
 },
 "components": {
  "schemas": {
   "EvaluationAnswer": {
    "properties": {
     "explanation": {
      "type": "string"
     },
     "external_score": {
      "nullable": true,
      "type": "string"
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
    ],
    "type": "object"
   },
   "EvaluationEvidence": {
    "properties": {
     "added_at": {
      "type": "string"
     },
     "added_by_name": {
      "type": "string"
     },
     "id": {
      "type": "string"
     },
     "indicator_id": {
      "type": "string"
     },
     "kind": {
      "type": "string"
     },
     "label": {
      "type": "string"
     },
     "level": {
      "type": "integer"
     },
     "main": {
      "type": "boolean"
     },
     "ref_id": {
      "type": "string"
     },
     "ref_kind": {
      "type": "string"
     },
     "sha256": {
      "type": "string"
     },
     "size": {
      "type": "integer"
     },
     "verdict": {
      "type": "string"
     }
    },
    "required": [
     "added_at",
     "added_by_name",
     "id",
     "indicator_id",
     "kind",
     "label",
     "level",
     "main",
     "ref_id",
     "ref_kind",
     "sha256",
     "size",
     "verdict"
    ],
    "type": "object"
   },
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
      "items": {},
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
      "items": {},
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
   },
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
   }
  }
 }
})json";
}

}  // namespace simpul::evaluation
