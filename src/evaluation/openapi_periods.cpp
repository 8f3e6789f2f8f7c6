// /api/evaluation/periods and their members: this module's part of the API contract (openapi.cpp lists the parts).
#include <string_view>

namespace simpul::evaluation {

std::string_view openapi_periods_fragment() {
  return R"json({
 "paths": {
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
             "framework_version": {
              "type": "integer"
             },
             "id": {
              "type": "string"
             },
             "index": {
              "type": "number"
             },
             "predicate": {
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
             "index",
             "predicate",
             "state",
             "submitted_at",
             "submitted_by_name",
             "title",
             "year"
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
              "enum": [
               "draf",
               "diajukan",
               "disetujui",
               "dikembalikan"
              ],
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
        "type": "object",
        "properties": {
         "year": {
          "type": "integer"
         },
         "agency_id": {
          "type": "string",
          "nullable": true
         },
         "framework_id": {
          "type": "string"
         },
         "title": {
          "type": "string"
         }
        },
        "required": [
         "year"
        ]
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
         "$ref": "#/components/schemas/EvaluationPeriodDetail"
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
        "type": "object",
        "properties": {
         "user_id": {
          "type": "string"
         },
         "role": {
          "type": "string"
         }
        },
        "required": [
         "user_id",
         "role"
        ]
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
  }
 },
 "components": {
  "schemas": {
   "EvaluationPeriodDetail": {
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
         "enum": [
          "draf",
          "diajukan",
          "disetujui",
          "dikembalikan"
         ],
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
})json";
}

}  // namespace simpul::evaluation
