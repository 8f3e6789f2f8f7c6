// An application's gates, stage, considerations, tests and artifacts: this module's part of the API contract
// (openapi.cpp lists the parts).
#include <string_view>

namespace simpul::applications {

std::string_view openapi_lifecycle_fragment() {
  return R"json({
 "paths": {
  "/api/applications/{id}/gates": {
   "get": {
    "tags": [
     "Applications"
    ],
    "summary": "The stages it could move to and the rules that refuse each",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "moves": {
           "type": "array",
           "items": {
            "type": "object",
            "properties": {
             "allowed": {
              "type": "boolean"
             },
             "blocked_by": {
              "type": "array",
              "items": {
               "type": "object",
               "properties": {
                "code": {
                 "type": "string"
                },
                "details": {
                 "type": "object",
                 "additionalProperties": true,
                 "description": "The refusal's details as the error catalogue describes them for its code (rule, citation, unmet requirements)"
                },
                "missing": {
                 "type": "array",
                 "items": {
                  "type": "string"
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
                "code",
                "details",
                "missing",
                "rule"
               ]
              }
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
            ]
           }
          },
          "stage": {
           "type": "string"
          },
          "stages": {
           "type": "array",
           "items": {
            "type": "object",
            "properties": {
             "id": {
              "type": "string"
             },
             "live": {
              "type": "boolean"
             },
             "name": {
              "type": "string"
             }
            },
            "required": [
             "id",
             "live",
             "name"
            ]
           }
          }
         },
         "required": [
          "moves",
          "stage",
          "stages"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: applications.read."
   }
  },
  "/api/applications/{id}/stage": {
   "post": {
    "tags": [
     "Applications"
    ],
    "summary": "Move to another lifecycle stage (refused with the rule's citation by a gate)",
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
        "type": "object",
        "additionalProperties": false,
        "properties": {
         "to": {
          "type": "string"
         },
         "note": {
          "type": "string"
         }
        },
        "required": [
         "to"
        ]
       }
      }
     }
    }
   }
  },
  "/api/applications/{id}/considerations": {
   "post": {
    "tags": [
     "Applications"
    ],
    "summary": "Record a ministry's consideration",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "date": {
           "type": "string"
          },
          "decision": {
           "type": "string",
           "enum": [
            "disetujui",
            "ditolak"
           ]
          },
          "id": {
           "type": "string"
          },
          "kind": {
           "type": "string"
          },
          "note": {
           "type": "string",
           "nullable": true
          },
          "recorded_at": {
           "type": "string"
          },
          "recorded_by_name": {
           "type": "string",
           "nullable": true
          },
          "reference": {
           "type": "string"
          }
         },
         "required": [
          "date",
          "decision",
          "id",
          "kind",
          "note",
          "recorded_at",
          "recorded_by_name",
          "reference"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: applications.recommend.",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
         "kind": {
          "type": "string"
         },
         "reference": {
          "type": "string"
         },
         "date": {
          "type": "string"
         },
         "decision": {
          "type": "string"
         },
         "note": {
          "type": "string"
         }
        },
        "required": [
         "kind",
         "reference",
         "date",
         "decision"
        ]
       }
      }
     }
    }
   }
  },
  "/api/applications/{id}/tests": {
   "post": {
    "tags": [
     "Applications"
    ],
    "summary": "Record a feasibility test",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "date": {
           "type": "string"
          },
          "id": {
           "type": "string"
          },
          "recorded_at": {
           "type": "string"
          },
          "recorded_by_name": {
           "type": "string",
           "nullable": true
          },
          "release": {
           "type": "string"
          },
          "result": {
           "type": "string",
           "enum": [
            "lulus",
            "gagal"
           ]
          },
          "summary": {
           "type": "string",
           "nullable": true
          }
         },
         "required": [
          "date",
          "id",
          "recorded_at",
          "recorded_by_name",
          "release",
          "result",
          "summary"
         ]
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
        "type": "object",
        "additionalProperties": false,
        "properties": {
         "date": {
          "type": "string"
         },
         "release": {
          "type": "string"
         },
         "result": {
          "type": "string"
         },
         "summary": {
          "type": "string"
         }
        },
        "required": [
         "date",
         "result"
        ]
       }
      }
     }
    }
   }
  },
  "/api/applications/{id}/artifacts": {
   "post": {
    "tags": [
     "Applications"
    ],
    "summary": "Upload a file to the Repositori (raw body; query kind, release, filename)",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "filename": {
           "type": "string"
          },
          "id": {
           "type": "string"
          },
          "kind": {
           "type": "string"
          },
          "release": {
           "type": "string"
          },
          "sha256": {
           "type": "string"
          },
          "size": {
           "type": "integer"
          },
          "uploaded_at": {
           "type": "string"
          },
          "uploaded_by_name": {
           "type": "string",
           "nullable": true
          },
          "explanations_confirmed": {
           "type": "object",
           "nullable": true,
           "description": "A Dinas reviewer's confirmation that the source code explains each procedure (Madiun Pasal 24 ayat (4)); null until given",
           "properties": {
            "by_name": {
             "type": "string"
            },
            "at": {
             "type": "string"
            },
            "note": {
             "type": "string"
            }
           },
           "required": [
            "at",
            "by_name",
            "note"
           ]
          }
         },
         "required": [
          "explanations_confirmed",
          "filename",
          "id",
          "kind",
          "release",
          "sha256",
          "size",
          "uploaded_at",
          "uploaded_by_name"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: applications.write (own agency: applications.write.own)."
   }
  },
  "/api/artifacts/{id}/content": {
   "get": {
    "tags": [
     "Applications"
    ],
    "summary": "Download a Repositori file (always as an attachment)",
    "responses": {
     "200": {
      "description": "success"
     }
    },
    "description": "Requires: applications.read."
   }
  },
  "/api/artifacts/{id}/explanations": {
   "post": {
    "tags": [
     "Applications"
    ],
    "summary": "Confirm that a handed-over source code explains each procedure (Madiun Pasal 24 ayat (4)); only for kode_sumber where the profile states the rule",
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "note": {
          "type": "string"
         }
        }
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "filename": {
           "type": "string"
          },
          "id": {
           "type": "string"
          },
          "kind": {
           "type": "string"
          },
          "release": {
           "type": "string"
          },
          "sha256": {
           "type": "string"
          },
          "size": {
           "type": "integer"
          },
          "uploaded_at": {
           "type": "string"
          },
          "uploaded_by_name": {
           "type": "string"
          },
          "explanations_confirmed": {
           "type": "object",
           "nullable": true,
           "description": "A Dinas reviewer's confirmation that the source code explains each procedure (Madiun Pasal 24 ayat (4)); null until given",
           "properties": {
            "by_name": {
             "type": "string"
            },
            "at": {
             "type": "string"
            },
            "note": {
             "type": "string"
            }
           },
           "required": [
            "at",
            "by_name",
            "note"
           ]
          }
         },
         "required": [
          "explanations_confirmed",
          "filename",
          "id",
          "kind",
          "release",
          "sha256",
          "size",
          "uploaded_at",
          "uploaded_by_name"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: applications.recommend."
   }
  }
 }
})json";
}

}  // namespace simpul::applications
