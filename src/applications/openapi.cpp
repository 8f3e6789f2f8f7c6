// The routes of this module as the API contract states them (http/api_description.hpp): request
// and response schemas, summaries and permissions. Registered with the routes; served at
// /api/openapi.json; every answer the API tests receive is checked against it.
#include <string_view>

namespace simpul::applications {

std::string_view openapi_fragment() {
  return R"json({
 "paths": {
  "/api/applications/options": {
   "get": {
    "tags": [
     "Applications"
    ],
    "summary": "Every choice the application forms offer, from the profile",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "artifact_kinds": {
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
          "builders": {
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
          "categories": {
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
          "consideration_kinds": {
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
          "handover": {
           "type": "object",
           "properties": {
            "documents": {
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
            }
           },
           "required": [
            "documents",
            "rule"
           ],
           "nullable": true
          },
          "hosting": {
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
          "khusus_categories": {
           "type": "array",
           "items": {
            "type": "string"
           }
          },
          "lifecycle_rule": {
           "type": "string",
           "nullable": true
          },
          "recommendation_rule": {
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
          "recommender": {
           "type": "object",
           "properties": {
            "name": {
             "type": "string"
            },
            "role": {
             "type": "string"
            }
           },
           "required": [
            "name",
            "role"
           ]
          },
          "similar_to_umum": {
           "type": "object",
           "properties": {
            "conditions": {
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
            }
           },
           "required": [
            "conditions",
            "rule"
           ],
           "nullable": true
          },
          "source_models": {
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
          },
          "umum_category": {
           "type": "string"
          }
         },
         "required": [
          "artifact_kinds",
          "builders",
          "categories",
          "consideration_kinds",
          "handover",
          "hosting",
          "khusus_categories",
          "lifecycle_rule",
          "recommendation_rule",
          "recommender",
          "similar_to_umum",
          "source_models",
          "stages",
          "umum_category"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: applications.read."
   }
  },
  "/api/applications": {
   "get": {
    "tags": [
     "Applications"
    ],
    "summary": "Applications (aplikasi elements with their lifecycle record)",
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
    "description": "Requires: applications.read.",
    "parameters": [
     "list-query"
    ]
   },
   "post": {
    "tags": [
     "Applications"
    ],
    "summary": "Register an application at the first lifecycle stage",
    "responses": {
     "201": {
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
        "type": "object"
       }
      }
     }
    }
   }
  },
  "/api/applications/import": {
   "post": {
    "tags": [
     "Applications"
    ],
    "summary": "Import the application inventory from CSV or XLSX (?dry_run=true|false, default true); raw file body, format detected from the content; stages set without the gates",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "additionalProperties": false,
         "properties": {
          "dry_run": {
           "type": "boolean"
          },
          "ok": {
           "type": "boolean"
          },
          "rows": {
           "type": "integer"
          },
          "created": {
           "type": "integer"
          },
          "updated": {
           "type": "integer"
          },
          "problems": {
           "type": "array",
           "items": {
            "type": "object",
            "additionalProperties": false,
            "properties": {
             "sheet": {
              "type": "string"
             },
             "row": {
              "type": "integer"
             },
             "column": {
              "type": "string"
             },
             "message": {
              "type": "string"
             }
            }
           }
          }
         }
        }
       }
      }
     }
    },
    "description": "Requires: applications.write."
   }
  },
  "/api/applications/import/template.csv": {
   "get": {
    "tags": [
     "Applications"
    ],
    "summary": "CSV template of the import: header row and one example row (attachment)",
    "responses": {
     "200": {
      "description": "success"
     }
    },
    "description": "Requires: applications.read."
   }
  },
  "/api/applications/{id}": {
   "get": {
    "tags": [
     "Applications"
    ],
    "summary": "One application with recommendations, considerations, tests, artifacts, gates and findings",
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
    "description": "Requires: applications.read."
   },
   "patch": {
    "tags": [
     "Applications"
    ],
    "summary": "Change an application's record",
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
        "type": "object"
       }
      }
     }
    }
   }
  },
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
              "items": {}
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
  "/api/applications/{id}/recommendations": {
   "post": {
    "tags": [
     "Applications"
    ],
    "summary": "Ask Diskominfo for a recommendation",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ApplicationRecommendation"
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
         "purpose": {
          "type": "string"
         },
         "justification": {
          "type": "string"
         }
        },
        "required": [
         "purpose"
        ]
       }
      }
     }
    }
   }
  },
  "/api/recommendations": {
   "get": {
    "tags": [
     "Applications"
    ],
    "summary": "Recommendation requests (Diskominfo's inbox with state=diajukan)",
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
            "$ref": "#/components/schemas/ApplicationRecommendation"
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
    "description": "Requires: applications.read."
   }
  },
  "/api/recommendations/{id}/decision": {
   "post": {
    "tags": [
     "Applications"
    ],
    "summary": "Approve or reject a recommendation request",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "application_code": {
           "type": "string"
          },
          "application_id": {
           "type": "string"
          },
          "application_name": {
           "type": "string"
          },
          "decided_at": {
           "type": "string"
          },
          "decided_by_name": {
           "type": "string"
          },
          "id": {
           "type": "string"
          },
          "justification": {
           "type": "string"
          },
          "owner_agency_id": {
           "type": "string"
          },
          "owner_agency_name": {
           "type": "string"
          },
          "purpose": {
           "type": "string"
          },
          "reasons": {
           "type": "string"
          },
          "requested_at": {
           "type": "string"
          },
          "requested_by_name": {
           "type": "string"
          },
          "state": {
           "type": "string"
          }
         },
         "required": [
          "application_code",
          "application_id",
          "application_name",
          "decided_at",
          "decided_by_name",
          "id",
          "justification",
          "owner_agency_id",
          "owner_agency_name",
          "purpose",
          "reasons",
          "requested_at",
          "requested_by_name",
          "state"
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
         "decision": {
          "type": "string"
         },
         "reasons": {
          "type": "string"
         }
        },
        "required": [
         "decision",
         "reasons"
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
           "type": "string"
          },
          "id": {
           "type": "string"
          },
          "kind": {
           "type": "string"
          },
          "note": {
           "type": "string"
          },
          "recorded_at": {
           "type": "string"
          },
          "recorded_by_name": {
           "type": "string"
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
 },
 "components": {
  "schemas": {
   "Application": {
    "properties": {
     "artifacts": {
      "items": {},
      "type": "array"
     },
     "builder": {
      "type": "string"
     },
     "category": {
      "type": "string"
     },
     "code": {
      "type": "string"
     },
     "considerations": {
      "items": {},
      "type": "array"
     },
     "contact_email": {
      "type": "string"
     },
     "created_at": {
      "type": "string"
     },
     "data_sets": {
      "items": {},
      "type": "array"
     },
     "description": {
      "type": "string"
     },
     "findings": {
      "items": {},
      "type": "array"
     },
     "gates": {
      "properties": {
       "moves": {
        "items": {
         "properties": {
          "allowed": {
           "type": "boolean"
          },
          "blocked_by": {
           "items": {},
           "type": "array"
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
         ],
         "type": "object"
        },
        "type": "array"
       },
       "stage": {
        "type": "string"
       }
      },
      "required": [
       "moves",
       "stage"
      ],
      "type": "object"
     },
     "hosting": {
      "type": "string"
     },
     "id": {
      "type": "string"
     },
     "justification": {
      "properties": {},
      "type": "object"
     },
     "last_audit_date": {
      "nullable": true,
      "type": "string"
     },
     "live": {
      "type": "boolean"
     },
     "live_since": {
      "nullable": true,
      "type": "string"
     },
     "name": {
      "type": "string"
     },
     "open_findings": {
      "type": "integer"
     },
     "operator_agency_id": {
      "nullable": true,
      "type": "string"
     },
     "owner_agency_id": {
      "type": "string"
     },
     "owner_agency_name": {
      "type": "string"
     },
     "recommendations": {
      "items": {},
      "type": "array"
     },
     "reference_code": {
      "nullable": true,
      "type": "string"
     },
     "services": {
      "items": {},
      "type": "array"
     },
     "similar_to_umum": {
      "type": "boolean"
     },
     "source_model": {
      "type": "string"
     },
     "stage": {
      "type": "string"
     },
     "stage_name": {
      "type": "string"
     },
     "state": {
      "type": "string"
     },
     "subdomain": {
      "type": "string"
     },
     "tests": {
      "items": {},
      "type": "array"
     },
     "updated_at": {
      "type": "string"
     },
     "url": {
      "type": "string"
     },
     "vendor_name": {
      "type": "string"
     },
     "warnings": {
      "type": "array",
      "description": "Value rules the application breaks already that become findings once it is live (subdomain, e-mail, hosting): rule with citation and title, and details",
      "items": {
       "type": "object",
       "properties": {
        "rule": {
         "type": "object",
         "properties": {
          "id": {
           "type": "string"
          },
          "citation": {
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
          "id",
          "citation",
          "title",
          "title_en"
         ]
        },
        "details": {
         "type": "object"
        }
       },
       "required": [
        "rule",
        "details"
       ]
      }
     },
     "audit_due": {
      "type": "object",
      "nullable": true,
      "description": "The next audit a periodic duty of the profile asks of this application (last audit, or its start, plus the duty's months), shown before it is overdue; null where no such duty applies or no date is known",
      "properties": {
       "date": {
        "type": "string"
       },
       "overdue": {
        "type": "boolean"
       },
       "basis": {
        "type": "string"
       },
       "since": {
        "type": "string"
       },
       "rule": {
        "type": "object",
        "properties": {
         "id": {
          "type": "string"
         },
         "citation": {
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
       "basis",
       "date",
       "overdue",
       "rule",
       "since"
      ]
     }
    },
    "required": [
     "artifacts",
     "audit_due",
     "builder",
     "category",
     "code",
     "considerations",
     "contact_email",
     "created_at",
     "data_sets",
     "description",
     "findings",
     "gates",
     "hosting",
     "id",
     "justification",
     "last_audit_date",
     "live",
     "live_since",
     "name",
     "open_findings",
     "operator_agency_id",
     "owner_agency_id",
     "owner_agency_name",
     "recommendations",
     "reference_code",
     "services",
     "similar_to_umum",
     "source_model",
     "stage",
     "stage_name",
     "state",
     "subdomain",
     "tests",
     "updated_at",
     "url",
     "vendor_name",
     "warnings"
    ],
    "type": "object"
   },
   "ApplicationRecommendation": {
    "properties": {
     "application_code": {
      "type": "string"
     },
     "application_id": {
      "type": "string"
     },
     "application_name": {
      "type": "string"
     },
     "decided_at": {
      "nullable": true,
      "type": "string"
     },
     "decided_by_name": {
      "type": "string"
     },
     "id": {
      "type": "string"
     },
     "justification": {
      "type": "string"
     },
     "owner_agency_id": {
      "type": "string"
     },
     "owner_agency_name": {
      "type": "string"
     },
     "purpose": {
      "type": "string"
     },
     "reasons": {
      "type": "string"
     },
     "requested_at": {
      "type": "string"
     },
     "requested_by_name": {
      "type": "string"
     },
     "state": {
      "type": "string"
     }
    },
    "required": [
     "application_code",
     "application_id",
     "application_name",
     "decided_at",
     "decided_by_name",
     "id",
     "justification",
     "owner_agency_id",
     "owner_agency_name",
     "purpose",
     "reasons",
     "requested_at",
     "requested_by_name",
     "state"
    ],
    "type": "object"
   }
  }
 }
})json";
}

}  // namespace simpul::applications
