// Evidence of an indicator and its verdict: this module's part of the API contract (openapi.cpp lists the parts).
#include <string_view>

namespace simpul::evaluation {

std::string_view openapi_evidence_fragment() {
  return R"json({
 "paths": {
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
        "type": "object",
        "properties": {
         "ref_kind": {
          "type": "string"
         },
         "ref_id": {
          "type": "string"
         },
         "level": {
          "type": "integer",
          "nullable": true
         },
         "main": {
          "type": "boolean"
         }
        },
        "required": [
         "ref_kind",
         "ref_id"
        ]
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
        "type": "object",
        "properties": {
         "accepted": {
          "type": "boolean"
         }
        },
        "required": [
         "accepted"
        ]
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
  }
 },
 "components": {
  "schemas": {
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
   }
  }
 }
})json";
}

}  // namespace simpul::evaluation
