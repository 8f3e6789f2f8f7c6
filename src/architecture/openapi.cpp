// The routes of this module as the API contract states them (http/api_description.hpp): request
// and response schemas, summaries and permissions. Registered with the routes; served at
// /api/openapi.json; every answer the API tests receive is checked against it.
#include <string_view>

namespace simpul::architecture {

std::string_view openapi_fragment() {
  return R"json({
 "paths": {
  "/api/architecture/reference": {
   "get": {
    "tags": [
     "Architecture"
    ],
    "summary": "National reference architecture (levels 1-2) and allowed relation types",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "confidence": {
           "type": "string"
          },
          "domains": {
           "type": "array",
           "items": {
            "type": "object",
            "properties": {
             "confidence": {
              "type": "string"
             },
             "domain": {
              "type": "string"
             },
             "items": {
              "type": "array",
              "items": {
               "type": "object",
               "properties": {
                "code": {
                 "type": "string"
                },
                "level": {
                 "type": "integer"
                },
                "name": {
                 "type": "string"
                },
                "parent": {
                 "type": "string",
                 "nullable": true
                }
               },
               "required": [
                "code",
                "level",
                "name",
                "parent"
               ]
              }
             },
             "level_names": {
              "type": "array",
              "items": {
               "type": "string"
              }
             },
             "name": {
              "type": "string"
             },
             "reference": {
              "type": "string"
             }
            },
            "required": [
             "confidence",
             "domain",
             "items",
             "level_names",
             "name",
             "reference"
            ]
           }
          },
          "id": {
           "type": "string"
          },
          "notes": {
           "type": "string"
          },
          "relation_types": {
           "type": "array",
           "items": {
            "type": "object",
            "properties": {
             "name": {
              "type": "string"
             },
             "sources": {
              "type": "array",
              "items": {
               "type": "string"
              }
             },
             "targets": {
              "type": "array",
              "items": {
               "type": "string"
              }
             },
             "type": {
              "type": "string"
             }
            },
            "required": [
             "name",
             "sources",
             "targets",
             "type"
            ]
           }
          },
          "source": {
           "type": "string"
          },
          "title": {
           "type": "string"
          }
         },
         "required": [
          "confidence",
          "domains",
          "id",
          "notes",
          "relation_types",
          "source",
          "title"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: architecture.read."
   }
  },
  "/api/architecture/elements": {
   "get": {
    "tags": [
     "Architecture"
    ],
    "summary": "List elements (filters: domain, state, owner_agency_id, reference_code)",
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
            "$ref": "#/components/schemas/ArchitectureElement"
           }
          },
          "total": {
           "type": "integer"
          },
          "page": {
           "type": "integer"
          },
          "per_page": {
           "type": "integer"
          }
         },
         "required": [
          "items",
          "total",
          "page",
          "per_page"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: architecture.read.",
    "parameters": [
     "list-query"
    ]
   },
   "post": {
    "tags": [
     "Architecture"
    ],
    "summary": "Create an element",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ArchitectureElement"
        }
       }
      }
     }
    },
    "description": "Requires: architecture.write (or .own).",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "code": {
          "type": "string"
         },
         "name": {
          "type": "string"
         },
         "description": {
          "type": "string",
          "nullable": true
         },
         "domain": {
          "type": "string",
          "enum": [
           "layanan",
           "proses_bisnis",
           "data_informasi",
           "aplikasi",
           "infrastruktur",
           "keamanan"
          ]
         },
         "level": {
          "type": "integer"
         },
         "parent_id": {
          "type": "string",
          "nullable": true
         },
         "reference_code": {
          "type": "string",
          "nullable": true
         },
         "owner_agency_id": {
          "type": "string"
         },
         "state": {
          "type": "string",
          "enum": [
           "as_is",
           "to_be",
           "retired"
          ]
         },
         "attributes": {
          "type": "object",
          "additionalProperties": {
           "oneOf": [
            {
             "type": "string"
            },
            {
             "type": "number"
            },
            {
             "type": "boolean"
            }
           ],
           "nullable": true,
           "description": "text, number, flag or null, per the domain's attribute"
          },
          "description": "the domain's own attributes (docs/spbe-architecture.md)"
         }
        },
        "required": [
         "code",
         "name",
         "domain",
         "owner_agency_id"
        ]
       }
      }
     }
    }
   }
  },
  "/api/architecture/elements/{id}": {
   "get": {
    "tags": [
     "Architecture"
    ],
    "summary": "One element with its relations and initiatives",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "allOf": [
          {
           "$ref": "#/components/schemas/ArchitectureElement"
          },
          {
           "type": "object",
           "properties": {
            "relations": {
             "type": "array",
             "items": {
              "type": "object",
              "properties": {
               "description": {
                "type": "string"
               },
               "direction": {
                "type": "string",
                "enum": [
                 "out",
                 "in"
                ]
               },
               "id": {
                "type": "string"
               },
               "other": {
                "type": "object",
                "properties": {
                 "code": {
                  "type": "string"
                 },
                 "domain": {
                  "type": "string",
                  "enum": [
                   "layanan",
                   "proses_bisnis",
                   "data_informasi",
                   "aplikasi",
                   "infrastruktur",
                   "keamanan"
                  ]
                 },
                 "id": {
                  "type": "string"
                 },
                 "name": {
                  "type": "string"
                 },
                 "state": {
                  "type": "string",
                  "enum": [
                   "as_is",
                   "to_be",
                   "retired"
                  ]
                 }
                },
                "required": [
                 "code",
                 "domain",
                 "id",
                 "name",
                 "state"
                ]
               },
               "type": {
                "type": "string",
                "enum": [
                 "realised_by",
                 "supported_by",
                 "uses_data",
                 "runs_on",
                 "protected_by",
                 "integrates_with"
                ]
               }
              },
              "required": [
               "description",
               "direction",
               "id",
               "other",
               "type"
              ]
             }
            },
            "initiatives": {
             "type": "array",
             "items": {
              "type": "object",
              "properties": {
               "code": {
                "type": "string"
               },
               "effect": {
                "type": "string",
                "enum": [
                 "create",
                 "change",
                 "retire"
                ]
               },
               "id": {
                "type": "string"
               },
               "name": {
                "type": "string"
               }
              },
              "required": [
               "code",
               "effect",
               "id",
               "name"
              ]
             }
            }
           },
           "required": [
            "initiatives",
            "relations"
           ]
          }
         ]
        }
       }
      }
     }
    },
    "description": "Requires: architecture.read."
   },
   "patch": {
    "tags": [
     "Architecture"
    ],
    "summary": "Change an element",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ArchitectureElement"
        }
       }
      }
     }
    },
    "description": "Requires: architecture.write (or .own).",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "code": {
          "type": "string"
         },
         "name": {
          "type": "string"
         },
         "description": {
          "type": "string",
          "nullable": true
         },
         "domain": {
          "type": "string",
          "enum": [
           "layanan",
           "proses_bisnis",
           "data_informasi",
           "aplikasi",
           "infrastruktur",
           "keamanan"
          ]
         },
         "level": {
          "type": "integer"
         },
         "parent_id": {
          "type": "string",
          "nullable": true
         },
         "reference_code": {
          "type": "string",
          "nullable": true
         },
         "owner_agency_id": {
          "type": "string"
         },
         "state": {
          "type": "string",
          "enum": [
           "as_is",
           "to_be",
           "retired"
          ]
         },
         "attributes": {
          "type": "object",
          "additionalProperties": {
           "oneOf": [
            {
             "type": "string"
            },
            {
             "type": "number"
            },
            {
             "type": "boolean"
            }
           ],
           "nullable": true,
           "description": "text, number, flag or null, per the domain's attribute"
          },
          "description": "the domain's own attributes (docs/spbe-architecture.md)"
         }
        }
       }
      }
     }
    }
   },
   "delete": {
    "tags": [
     "Architecture"
    ],
    "summary": "Delete an element and its relations",
    "responses": {
     "204": {
      "description": "success"
     }
    },
    "description": "Requires: architecture.write (or .own)."
   }
  },
  "/api/architecture/elements/{id}/graph": {
   "get": {
    "tags": [
     "Architecture"
    ],
    "summary": "Elements and relations around an element (depth 1-3)",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "edges": {
           "type": "array",
           "items": {
            "type": "object",
            "properties": {
             "description": {
              "type": "string"
             },
             "id": {
              "type": "string"
             },
             "source": {
              "type": "string"
             },
             "target": {
              "type": "string"
             },
             "type": {
              "type": "string",
              "enum": [
               "realised_by",
               "supported_by",
               "uses_data",
               "runs_on",
               "protected_by",
               "integrates_with"
              ]
             }
            },
            "required": [
             "description",
             "id",
             "source",
             "target",
             "type"
            ]
           }
          },
          "nodes": {
           "type": "array",
           "items": {
            "type": "object",
            "properties": {
             "code": {
              "type": "string"
             },
             "domain": {
              "type": "string",
              "enum": [
               "layanan",
               "proses_bisnis",
               "data_informasi",
               "aplikasi",
               "infrastruktur",
               "keamanan"
              ]
             },
             "id": {
              "type": "string"
             },
             "name": {
              "type": "string"
             },
             "state": {
              "type": "string",
              "enum": [
               "as_is",
               "to_be",
               "retired"
              ]
             }
            },
            "required": [
             "code",
             "domain",
             "id",
             "name",
             "state"
            ]
           }
          }
         },
         "required": [
          "edges",
          "nodes"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: architecture.read."
   }
  },
  "/api/architecture/elements/{id}/trace": {
   "get": {
    "tags": [
     "Architecture"
    ],
    "summary": "Service to process, application, data, infrastructure and security",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "edges": {
           "type": "array",
           "items": {
            "type": "object",
            "properties": {
             "description": {
              "type": "string"
             },
             "id": {
              "type": "string"
             },
             "source": {
              "type": "string"
             },
             "target": {
              "type": "string"
             },
             "type": {
              "type": "string",
              "enum": [
               "realised_by",
               "supported_by",
               "uses_data",
               "runs_on",
               "protected_by",
               "integrates_with"
              ]
             }
            },
            "required": [
             "description",
             "id",
             "source",
             "target",
             "type"
            ]
           }
          },
          "layers": {
           "type": "object",
           "properties": {
            "aplikasi": {
             "type": "array",
             "items": {
              "$ref": "#/components/schemas/ArchitectureElement"
             }
            },
            "data_informasi": {
             "type": "array",
             "items": {
              "$ref": "#/components/schemas/ArchitectureElement"
             }
            },
            "infrastruktur": {
             "type": "array",
             "items": {
              "$ref": "#/components/schemas/ArchitectureElement"
             }
            },
            "keamanan": {
             "type": "array",
             "items": {
              "$ref": "#/components/schemas/ArchitectureElement"
             }
            },
            "proses_bisnis": {
             "type": "array",
             "items": {
              "$ref": "#/components/schemas/ArchitectureElement"
             }
            }
           },
           "required": [
            "aplikasi",
            "data_informasi",
            "infrastruktur",
            "keamanan",
            "proses_bisnis"
           ]
          },
          "service": {
           "$ref": "#/components/schemas/ArchitectureElement"
          }
         },
         "required": [
          "edges",
          "layers",
          "service"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: architecture.read."
   }
  },
  "/api/architecture/relations": {
   "post": {
    "tags": [
     "Architecture"
    ],
    "summary": "Relate two elements (allowed pairs only)",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "description": {
           "type": "string"
          },
          "id": {
           "type": "string"
          },
          "source": {
           "type": "string"
          },
          "target": {
           "type": "string"
          },
          "type": {
           "type": "string",
           "enum": [
            "realised_by",
            "supported_by",
            "uses_data",
            "runs_on",
            "protected_by",
            "integrates_with"
           ]
          }
         },
         "required": [
          "description",
          "id",
          "source",
          "target",
          "type"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: architecture.write (or .own).",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
         "source_id": {
          "type": "string"
         },
         "type": {
          "type": "string"
         },
         "target_id": {
          "type": "string"
         },
         "description": {
          "type": "string"
         }
        },
        "required": [
         "source_id",
         "type",
         "target_id"
        ]
       }
      }
     }
    }
   }
  },
  "/api/architecture/relations/{id}": {
   "delete": {
    "tags": [
     "Architecture"
    ],
    "summary": "Delete a relation",
    "responses": {
     "204": {
      "description": "success"
     }
    },
    "description": "Requires: architecture.write (or .own)."
   }
  },
  "/api/architecture/gap": {
   "get": {
    "tags": [
     "Architecture"
    ],
    "summary": "As-is, to-be and retired per domain; to-be elements no initiative delivers",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "domains": {
           "type": "array",
           "items": {
            "type": "object",
            "properties": {
             "as_is": {
              "type": "integer"
             },
             "domain": {
              "type": "string",
              "enum": [
               "layanan",
               "proses_bisnis",
               "data_informasi",
               "aplikasi",
               "infrastruktur",
               "keamanan"
              ]
             },
             "retired": {
              "type": "integer"
             },
             "retired_items": {
              "type": "array",
              "items": {
               "$ref": "#/components/schemas/ArchitectureElement"
              }
             },
             "to_be": {
              "type": "integer"
             },
             "to_be_items": {
              "type": "array",
              "items": {
               "$ref": "#/components/schemas/ArchitectureElement"
              }
             },
             "unplanned": {
              "type": "array",
              "items": {
               "$ref": "#/components/schemas/ArchitectureElement"
              }
             }
            },
            "required": [
             "as_is",
             "domain",
             "retired",
             "retired_items",
             "to_be",
             "to_be_items",
             "unplanned"
            ]
           }
          }
         },
         "required": [
          "domains"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: architecture.read."
   }
  },
  "/api/architecture/status": {
   "get": {
    "tags": [
     "Architecture"
    ],
    "summary": "Architecture checks with citations",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "checks": {
           "type": "array",
           "items": {
            "type": "object",
            "properties": {
             "count": {
              "type": "integer"
             },
             "id": {
              "type": "string"
             },
             "items": {
              "type": "array",
              "items": {
               "type": "object",
               "description": "an element, a review that is due, or a document out of its period",
               "properties": {
                "id": {
                 "type": "string"
                },
                "code": {
                 "type": "string"
                },
                "name": {
                 "type": "string"
                },
                "domain": {
                 "type": "string",
                 "enum": [
                  "layanan",
                  "proses_bisnis",
                  "data_informasi",
                  "aplikasi",
                  "infrastruktur",
                  "keamanan"
                 ]
                },
                "document_id": {
                 "type": "string"
                },
                "kind": {
                 "type": "string"
                },
                "version": {
                 "type": "integer"
                },
                "label": {
                 "type": "string"
                },
                "due": {
                 "type": "string"
                },
                "overdue": {
                 "type": "boolean"
                },
                "period_start": {
                 "type": "integer"
                },
                "period_end": {
                 "type": "integer"
                },
                "rule": {
                 "type": "object",
                 "properties": {
                  "id": {
                   "type": "string"
                  },
                  "citation": {
                   "type": "string"
                  }
                 },
                 "required": [
                  "id",
                  "citation"
                 ],
                 "nullable": true
                }
               }
              }
             },
             "ok": {
              "type": "boolean"
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
             "count",
             "id",
             "items",
             "ok",
             "rule"
            ]
           }
          },
          "date": {
           "type": "string"
          }
         },
         "required": [
          "checks",
          "date"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: architecture.read."
   }
  },
  "/api/architecture/documents": {
   "get": {
    "tags": [
     "Architecture"
    ],
    "summary": "Versions of the Arsitektur SPBE and Peta Rencana SPBE",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "type": "object",
          "properties": {
           "approved_at": {
            "type": "string",
            "nullable": true
           },
           "approved_by_name": {
            "type": "string"
           },
           "created_at": {
            "type": "string"
           },
           "element_count": {
            "type": "integer"
           },
           "id": {
            "type": "string"
           },
           "instrument": {
            "$ref": "#/components/schemas/ArchitectureDocumentInstrument"
           },
           "kind": {
            "type": "string"
           },
           "notes": {
            "type": "string"
           },
           "period_end": {
            "type": "integer"
           },
           "period_start": {
            "type": "integer"
           },
           "relation_count": {
            "type": "integer"
           },
           "status": {
            "type": "string",
            "enum": [
             "draft",
             "approved",
             "superseded"
            ]
           },
           "title": {
            "type": "string"
           },
           "updated_at": {
            "type": "string"
           },
           "validity_rule": {
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
           "validity_years": {
            "type": "integer"
           },
           "version": {
            "type": "integer"
           },
           "kind_label": {
            "type": "string",
            "description": "The kind's Indonesian label (Arsitektur SPBE, Peta Rencana SPBE, Rencana Induk SPBE)"
           },
           "kind_label_en": {
            "type": "string"
           },
           "parts": {
            "type": "object",
            "additionalProperties": {
             "type": "string"
            },
            "description": "Part kind -> id of the linked document (a Rencana Induk's architecture and roadmap)"
           }
          },
          "required": [
           "approved_at",
           "approved_by_name",
           "created_at",
           "element_count",
           "id",
           "instrument",
           "kind",
           "kind_label",
           "kind_label_en",
           "notes",
           "parts",
           "period_end",
           "period_start",
           "relation_count",
           "status",
           "title",
           "updated_at",
           "validity_rule",
           "validity_years",
           "version"
          ]
         }
        }
       }
      }
     }
    },
    "description": "Requires: architecture.read."
   },
   "post": {
    "tags": [
     "Architecture"
    ],
    "summary": "Start a draft version",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ArchitectureDocument"
        }
       }
      }
     }
    },
    "description": "Requires: architecture.manage.",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "kind": {
          "type": "string"
         },
         "title": {
          "type": "string"
         },
         "period_start": {
          "type": "integer"
         },
         "period_end": {
          "type": "integer",
          "nullable": true
         },
         "notes": {
          "type": "string",
          "nullable": true
         },
         "domain_coordinators": {
          "type": "object",
          "additionalProperties": {
           "type": "string",
           "nullable": true
          },
          "description": "domain → agency id; null removes the domain's coordinator"
         },
         "parts": {
          "type": "object",
          "additionalProperties": {
           "type": "string",
           "nullable": true
          },
          "description": "part kind → id of the linked document; null unlinks (a Rencana Induk's architecture and roadmap)"
         }
        },
        "required": [
         "kind",
         "title",
         "period_start"
        ]
       }
      }
     }
    }
   }
  },
  "/api/architecture/documents/{id}": {
   "get": {
    "tags": [
     "Architecture"
    ],
    "summary": "One version with reviews and review schedule",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ArchitectureDocument"
        }
       }
      }
     }
    },
    "description": "Requires: architecture.read."
   },
   "patch": {
    "tags": [
     "Architecture"
    ],
    "summary": "Change a draft",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ArchitectureDocument"
        }
       }
      }
     }
    },
    "description": "Requires: architecture.manage.",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "kind": {
          "type": "string"
         },
         "title": {
          "type": "string"
         },
         "period_start": {
          "type": "integer"
         },
         "period_end": {
          "type": "integer",
          "nullable": true
         },
         "notes": {
          "type": "string",
          "nullable": true
         },
         "domain_coordinators": {
          "type": "object",
          "additionalProperties": {
           "type": "string",
           "nullable": true
          },
          "description": "domain → agency id; null removes the domain's coordinator"
         },
         "parts": {
          "type": "object",
          "additionalProperties": {
           "type": "string",
           "nullable": true
          },
          "description": "part kind → id of the linked document; null unlinks (a Rencana Induk's architecture and roadmap)"
         }
        }
       }
      }
     }
    }
   }
  },
  "/api/architecture/documents/{id}/approve": {
   "post": {
    "tags": [
     "Architecture"
    ],
    "summary": "Record the deciding instrument and freeze the model",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ArchitectureDocument"
        }
       }
      }
     }
    },
    "description": "Requires: architecture.approve.",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
         "instrument_number": {
          "type": "string"
         },
         "instrument_date": {
          "type": "string"
         }
        },
        "required": [
         "instrument_number",
         "instrument_date"
        ]
       }
      }
     }
    }
   }
  },
  "/api/architecture/documents/{id}/reviews": {
   "post": {
    "tags": [
     "Architecture"
    ],
    "summary": "Record a review",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "created_at": {
           "type": "string"
          },
          "date": {
           "type": "string"
          },
          "decree_number": {
           "type": "string",
           "nullable": true
          },
          "id": {
           "type": "string"
          },
          "outcome": {
           "type": "string",
           "enum": [
            "tetap",
            "perlu_perubahan"
           ]
          },
          "recorded_by_name": {
           "type": "string"
          },
          "summary": {
           "type": "string"
          }
         },
         "required": [
          "created_at",
          "date",
          "decree_number",
          "id",
          "outcome",
          "recorded_by_name",
          "summary"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: architecture.manage.",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "date": {
          "type": "string"
         },
         "reasons": {
          "type": "array",
          "items": {
           "type": "string"
          }
         },
         "summary": {
          "type": "string"
         },
         "outcome": {
          "type": "string",
          "enum": [
           "tetap",
           "perlu_perubahan"
          ]
         },
         "decree_number": {
          "type": "string"
         }
        },
        "required": [
         "date",
         "reasons",
         "summary",
         "outcome"
        ]
       }
      }
     }
    }
   }
  },
  "/api/architecture/documents/{id}/diff": {
   "get": {
    "tags": [
     "Architecture"
    ],
    "summary": "Compare with another version or the live model (?against=)",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "elements": {
           "type": "object",
           "properties": {
            "added": {
             "type": "array",
             "items": {
              "type": "object",
              "properties": {
               "attributes": {
                "type": "object",
                "additionalProperties": {
                 "oneOf": [
                  {
                   "type": "string"
                  },
                  {
                   "type": "number"
                  },
                  {
                   "type": "boolean"
                  }
                 ],
                 "nullable": true,
                 "description": "text, number, flag or null, per the domain's attribute"
                },
                "description": "the domain's own attributes (docs/spbe-architecture.md)"
               },
               "code": {
                "type": "string"
               },
               "description": {
                "type": "string"
               },
               "domain": {
                "type": "string",
                "enum": [
                 "layanan",
                 "proses_bisnis",
                 "data_informasi",
                 "aplikasi",
                 "infrastruktur",
                 "keamanan"
                ]
               },
               "level": {
                "type": "integer"
               },
               "name": {
                "type": "string"
               },
               "owner_agency_code": {
                "type": "string"
               },
               "parent_code": {
                "type": "string"
               },
               "reference_code": {
                "type": "string"
               },
               "state": {
                "type": "string",
                "enum": [
                 "as_is",
                 "to_be",
                 "retired"
                ]
               }
              },
              "required": [
               "attributes",
               "code",
               "description",
               "domain",
               "level",
               "name",
               "owner_agency_code",
               "parent_code",
               "reference_code",
               "state"
              ]
             }
            },
            "changed": {
             "type": "array",
             "items": {
              "type": "object",
              "properties": {
               "code": {
                "type": "string"
               },
               "fields": {
                "type": "array",
                "items": {
                 "type": "object",
                 "properties": {
                  "after": {
                   "x-any": true,
                   "description": "the field's value before or after: text, number, flag, list or object as the field holds it"
                  },
                  "before": {
                   "x-any": true,
                   "description": "the field's value before or after: text, number, flag, list or object as the field holds it"
                  },
                  "field": {
                   "type": "string"
                  }
                 },
                 "required": [
                  "after",
                  "before",
                  "field"
                 ]
                }
               },
               "name": {
                "type": "string"
               }
              },
              "required": [
               "code",
               "fields",
               "name"
              ]
             }
            },
            "removed": {
             "type": "array",
             "items": {
              "type": "object",
              "properties": {
               "attributes": {
                "type": "object",
                "additionalProperties": {
                 "oneOf": [
                  {
                   "type": "string"
                  },
                  {
                   "type": "number"
                  },
                  {
                   "type": "boolean"
                  }
                 ],
                 "nullable": true,
                 "description": "text, number, flag or null, per the domain's attribute"
                },
                "description": "the domain's own attributes (docs/spbe-architecture.md)"
               },
               "code": {
                "type": "string"
               },
               "description": {
                "type": "string"
               },
               "domain": {
                "type": "string",
                "enum": [
                 "layanan",
                 "proses_bisnis",
                 "data_informasi",
                 "aplikasi",
                 "infrastruktur",
                 "keamanan"
                ]
               },
               "level": {
                "type": "integer"
               },
               "name": {
                "type": "string"
               },
               "owner_agency_code": {
                "type": "string"
               },
               "parent_code": {
                "type": "string"
               },
               "reference_code": {
                "type": "string"
               },
               "state": {
                "type": "string",
                "enum": [
                 "as_is",
                 "to_be",
                 "retired"
                ]
               }
              },
              "required": [
               "attributes",
               "code",
               "description",
               "domain",
               "level",
               "name",
               "owner_agency_code",
               "parent_code",
               "reference_code",
               "state"
              ]
             }
            }
           },
           "required": [
            "added",
            "changed",
            "removed"
           ]
          },
          "from": {
           "type": "object",
           "properties": {
            "id": {
             "type": "string"
            },
            "kind": {
             "type": "string"
            },
            "version": {
             "type": "integer"
            }
           },
           "required": [
            "id",
            "kind",
            "version"
           ]
          },
          "initiatives": {
           "type": "object",
           "properties": {
            "added": {
             "type": "array",
             "items": {
              "type": "object",
              "properties": {
               "category": {
                "type": "string"
               },
               "code": {
                "type": "string"
               },
               "name": {
                "type": "string"
               },
               "start_year": {
                "type": "integer"
               },
               "status": {
                "type": "string",
                "enum": [
                 "rencana",
                 "berjalan",
                 "selesai",
                 "tertunda",
                 "batal"
                ]
               },
               "target_year": {
                "type": "integer"
               }
              },
              "required": [
               "category",
               "code",
               "name",
               "start_year",
               "status",
               "target_year"
              ]
             }
            },
            "changed": {
             "type": "array",
             "items": {
              "type": "object",
              "properties": {
               "code": {
                "type": "string"
               },
               "fields": {
                "type": "array",
                "items": {
                 "type": "object",
                 "properties": {
                  "after": {
                   "x-any": true,
                   "description": "the field's value before or after: text, number, flag, list or object as the field holds it"
                  },
                  "before": {
                   "x-any": true,
                   "description": "the field's value before or after: text, number, flag, list or object as the field holds it"
                  },
                  "field": {
                   "type": "string"
                  }
                 },
                 "required": [
                  "after",
                  "before",
                  "field"
                 ]
                }
               },
               "name": {
                "type": "string"
               }
              },
              "required": [
               "code",
               "fields",
               "name"
              ]
             }
            },
            "removed": {
             "type": "array",
             "items": {
              "type": "object",
              "properties": {
               "category": {
                "type": "string"
               },
               "code": {
                "type": "string"
               },
               "name": {
                "type": "string"
               },
               "start_year": {
                "type": "integer"
               },
               "status": {
                "type": "string",
                "enum": [
                 "rencana",
                 "berjalan",
                 "selesai",
                 "tertunda",
                 "batal"
                ]
               },
               "target_year": {
                "type": "integer"
               }
              },
              "required": [
               "category",
               "code",
               "name",
               "start_year",
               "status",
               "target_year"
              ]
             }
            }
           },
           "required": [
            "added",
            "changed",
            "removed"
           ]
          },
          "relations": {
           "type": "object",
           "properties": {
            "added": {
             "type": "array",
             "items": {
              "type": "object",
              "properties": {
               "source_code": {
                "type": "string"
               },
               "type": {
                "type": "string",
                "enum": [
                 "realised_by",
                 "supported_by",
                 "uses_data",
                 "runs_on",
                 "protected_by",
                 "integrates_with"
                ]
               },
               "target_code": {
                "type": "string"
               }
              },
              "required": [
               "source_code",
               "type",
               "target_code"
              ]
             }
            },
            "removed": {
             "type": "array",
             "items": {
              "type": "object",
              "properties": {
               "source_code": {
                "type": "string"
               },
               "type": {
                "type": "string",
                "enum": [
                 "realised_by",
                 "supported_by",
                 "uses_data",
                 "runs_on",
                 "protected_by",
                 "integrates_with"
                ]
               },
               "target_code": {
                "type": "string"
               }
              },
              "required": [
               "source_code",
               "type",
               "target_code"
              ]
             }
            }
           },
           "required": [
            "added",
            "removed"
           ]
          },
          "to": {
           "oneOf": [
            {
             "type": "string",
             "enum": [
              "live"
             ]
            },
            {
             "type": "object",
             "properties": {
              "id": {
               "type": "string"
              },
              "kind": {
               "type": "string"
              },
              "version": {
               "type": "integer"
              }
             },
             "required": [
              "id",
              "kind",
              "version"
             ]
            }
           ],
           "description": "the version compared against, or \"live\" for the current model"
          }
         },
         "required": [
          "elements",
          "from",
          "initiatives",
          "relations",
          "to"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: architecture.read."
   }
  },
  "/api/roadmap/initiatives": {
   "get": {
    "tags": [
     "Roadmap"
    ],
    "summary": "List Peta Rencana initiatives (filters: category, status, owner_agency_id, year)",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Page"
        }
       }
      }
     }
    },
    "description": "Requires: architecture.read.",
    "parameters": [
     "list-query"
    ]
   },
   "post": {
    "tags": [
     "Roadmap"
    ],
    "summary": "Create an initiative",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/RoadmapInitiative"
        }
       }
      }
     }
    },
    "description": "Requires: architecture.manage.",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "code": {
          "type": "string"
         },
         "name": {
          "type": "string"
         },
         "description": {
          "type": "string",
          "nullable": true
         },
         "category": {
          "type": "string"
         },
         "owner_agency_id": {
          "type": "string"
         },
         "start_year": {
          "type": "integer"
         },
         "target_year": {
          "type": "integer"
         },
         "status": {
          "type": "string",
          "enum": [
           "rencana",
           "berjalan",
           "selesai",
           "tertunda",
           "batal"
          ]
         },
         "elements": {
          "type": "array",
          "items": {
           "type": "object",
           "properties": {
            "element_id": {
             "type": "string"
            },
            "effect": {
             "type": "string",
             "enum": [
              "create",
              "change",
              "retire"
             ]
            }
           },
           "required": [
            "element_id",
            "effect"
           ]
          }
         }
        },
        "required": [
         "code",
         "name",
         "category",
         "owner_agency_id",
         "start_year",
         "target_year"
        ]
       }
      }
     }
    }
   }
  },
  "/api/roadmap/initiatives/{id}": {
   "get": {
    "tags": [
     "Roadmap"
    ],
    "summary": "One initiative with its elements and monitoring",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/RoadmapInitiative"
        }
       }
      }
     }
    },
    "description": "Requires: architecture.read."
   },
   "patch": {
    "tags": [
     "Roadmap"
    ],
    "summary": "Change an initiative",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/RoadmapInitiative"
        }
       }
      }
     }
    },
    "description": "Requires: architecture.manage.",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "code": {
          "type": "string"
         },
         "name": {
          "type": "string"
         },
         "description": {
          "type": "string",
          "nullable": true
         },
         "category": {
          "type": "string"
         },
         "owner_agency_id": {
          "type": "string"
         },
         "start_year": {
          "type": "integer"
         },
         "target_year": {
          "type": "integer"
         },
         "status": {
          "type": "string",
          "enum": [
           "rencana",
           "berjalan",
           "selesai",
           "tertunda",
           "batal"
          ]
         },
         "elements": {
          "type": "array",
          "items": {
           "type": "object",
           "properties": {
            "element_id": {
             "type": "string"
            },
            "effect": {
             "type": "string",
             "enum": [
              "create",
              "change",
              "retire"
             ]
            }
           },
           "required": [
            "element_id",
            "effect"
           ]
          }
         }
        }
       }
      }
     }
    }
   },
   "delete": {
    "tags": [
     "Roadmap"
    ],
    "summary": "Delete an initiative",
    "responses": {
     "204": {
      "description": "success"
     }
    },
    "description": "Requires: architecture.manage."
   }
  },
  "/api/roadmap/initiatives/{id}/monitoring": {
   "post": {
    "tags": [
     "Roadmap"
    ],
    "summary": "Record yearly monitoring",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/RoadmapMonitoring"
        }
       }
      }
     }
    },
    "description": "Requires: architecture.manage (owner agency: architecture.write).",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
         "year": {
          "type": "integer"
         },
         "progress": {
          "type": "integer"
         },
         "status": {
          "type": "string"
         },
         "note": {
          "type": "string"
         }
        },
        "required": [
         "year",
         "status"
        ]
       }
      }
     }
    }
   }
  },
  "/api/architecture/document-kinds": {
   "get": {
    "tags": [
     "Architecture"
    ],
    "summary": "The plan document kinds the region's regulation names (Arsitektur SPBE, Peta Rencana SPBE, and e.g. Lampung Timur's Rencana Induk SPBE)",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/ArchitectureDocumentKind"
         }
        }
       }
      }
     }
    },
    "description": "Requires: architecture.read."
   }
  }
 },
 "components": {
  "schemas": {
   "ArchitectureDocument": {
    "properties": {
     "approved_at": {
      "nullable": true,
      "type": "string"
     },
     "approved_by_name": {
      "type": "string"
     },
     "coordinators_rule": {
      "type": "object",
      "properties": {
       "id": {
        "type": "string"
       },
       "citation": {
        "type": "string"
       }
      },
      "required": [
       "id",
       "citation"
      ],
      "nullable": true
     },
     "created_at": {
      "type": "string"
     },
     "decree_required": {
      "type": "boolean"
     },
     "domain_coordinators": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "domain": {
         "type": "string",
         "enum": [
          "layanan",
          "proses_bisnis",
          "data_informasi",
          "aplikasi",
          "infrastruktur",
          "keamanan"
         ]
        },
        "role_id": {
         "type": "string",
         "nullable": true
        },
        "agency_id": {
         "type": "string"
        },
        "agency_name": {
         "type": "string"
        }
       },
       "required": [
        "domain",
        "role_id",
        "agency_id",
        "agency_name"
       ]
      }
     },
     "element_count": {
      "type": "integer"
     },
     "id": {
      "type": "string"
     },
     "instrument": {
      "$ref": "#/components/schemas/ArchitectureDocumentInstrument"
     },
     "kind": {
      "type": "string"
     },
     "notes": {
      "type": "string"
     },
     "period_end": {
      "type": "integer"
     },
     "period_start": {
      "type": "integer"
     },
     "reasons_allowed": {
      "items": {
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
       ],
       "type": "object"
      },
      "type": "array"
     },
     "relation_count": {
      "type": "integer"
     },
     "review_mandatory": {
      "type": "boolean"
     },
     "review_rule": {
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
     "review_schedule": {
      "items": {
       "type": "object",
       "properties": {
        "due": {
         "type": "string"
        },
        "label": {
         "type": "string"
        },
        "overdue": {
         "type": "boolean"
        },
        "review_id": {
         "type": "string",
         "nullable": true
        },
        "window_start": {
         "type": "string"
        }
       },
       "required": [
        "due",
        "label",
        "overdue",
        "review_id",
        "window_start"
       ]
      },
      "type": "array"
     },
     "reviews": {
      "items": {
       "type": "object",
       "properties": {
        "created_at": {
         "type": "string"
        },
        "date": {
         "type": "string"
        },
        "decree_number": {
         "type": "string"
        },
        "id": {
         "type": "string"
        },
        "outcome": {
         "type": "string",
         "enum": [
          "tetap",
          "perlu_perubahan"
         ]
        },
        "reasons": {
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
        "recorded_by_name": {
         "type": "string"
        },
        "summary": {
         "type": "string"
        }
       },
       "required": [
        "created_at",
        "date",
        "decree_number",
        "id",
        "outcome",
        "reasons",
        "recorded_by_name",
        "summary"
       ]
      },
      "type": "array"
     },
     "schedule": {
      "type": "string"
     },
     "status": {
      "type": "string",
      "enum": [
       "draft",
       "approved",
       "superseded"
      ]
     },
     "title": {
      "type": "string"
     },
     "updated_at": {
      "type": "string"
     },
     "validity_rule": {
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
     "validity_years": {
      "type": "integer"
     },
     "version": {
      "type": "integer"
     },
     "kind_label": {
      "type": "string",
      "description": "The kind's Indonesian label (Arsitektur SPBE, Peta Rencana SPBE, Rencana Induk SPBE)"
     },
     "kind_label_en": {
      "type": "string"
     },
     "parts": {
      "type": "object",
      "additionalProperties": {
       "type": "string"
      },
      "description": "Part kind -> id of the linked document (a Rencana Induk's architecture and roadmap)"
     }
    },
    "required": [
     "approved_at",
     "approved_by_name",
     "coordinators_rule",
     "created_at",
     "decree_required",
     "domain_coordinators",
     "element_count",
     "id",
     "instrument",
     "kind",
     "kind_label",
     "kind_label_en",
     "notes",
     "parts",
     "period_end",
     "period_start",
     "reasons_allowed",
     "relation_count",
     "review_mandatory",
     "review_rule",
     "review_schedule",
     "reviews",
     "schedule",
     "status",
     "title",
     "updated_at",
     "validity_rule",
     "validity_years",
     "version"
    ],
    "type": "object"
   },
   "RoadmapInitiative": {
    "properties": {
     "category": {
      "type": "string"
     },
     "category_name": {
      "type": "string"
     },
     "code": {
      "type": "string"
     },
     "created_at": {
      "type": "string"
     },
     "description": {
      "type": "string"
     },
     "elements": {
      "items": {
       "type": "object",
       "properties": {
        "code": {
         "type": "string"
        },
        "domain": {
         "type": "string",
         "enum": [
          "layanan",
          "proses_bisnis",
          "data_informasi",
          "aplikasi",
          "infrastruktur",
          "keamanan"
         ]
        },
        "effect": {
         "type": "string",
         "enum": [
          "create",
          "change",
          "retire"
         ]
        },
        "element_id": {
         "type": "string"
        },
        "name": {
         "type": "string"
        }
       },
       "required": [
        "code",
        "domain",
        "effect",
        "element_id",
        "name"
       ]
      },
      "type": "array"
     },
     "id": {
      "type": "string"
     },
     "monitoring": {
      "items": {
       "$ref": "#/components/schemas/RoadmapMonitoring"
      },
      "type": "array"
     },
     "name": {
      "type": "string"
     },
     "owner_agency_id": {
      "type": "string"
     },
     "owner_agency_name": {
      "type": "string"
     },
     "start_year": {
      "type": "integer"
     },
     "status": {
      "type": "string",
      "enum": [
       "rencana",
       "berjalan",
       "selesai",
       "tertunda",
       "batal"
      ]
     },
     "target_year": {
      "type": "integer"
     },
     "updated_at": {
      "type": "string"
     }
    },
    "required": [
     "category",
     "category_name",
     "code",
     "created_at",
     "description",
     "elements",
     "id",
     "monitoring",
     "name",
     "owner_agency_id",
     "owner_agency_name",
     "start_year",
     "status",
     "target_year",
     "updated_at"
    ],
    "type": "object"
   },
   "ArchitectureDocumentInstrument": {
    "properties": {
     "date": {
      "nullable": true,
      "type": "string"
     },
     "note": {
      "nullable": true,
      "type": "string"
     },
     "number": {
      "nullable": true,
      "type": "string"
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
      ],
      "nullable": true
     },
     "type": {
      "nullable": true,
      "type": "string"
     }
    },
    "required": [
     "date",
     "note",
     "number",
     "rule",
     "type"
    ],
    "type": "object"
   },
   "RoadmapMonitoring": {
    "properties": {
     "id": {
      "type": "string"
     },
     "note": {
      "type": "string"
     },
     "progress": {
      "type": "integer"
     },
     "recorded_at": {
      "type": "string"
     },
     "recorded_by_name": {
      "type": "string"
     },
     "status": {
      "type": "string",
      "enum": [
       "rencana",
       "berjalan",
       "selesai",
       "tertunda",
       "batal"
      ]
     },
     "year": {
      "type": "integer"
     }
    },
    "required": [
     "id",
     "note",
     "progress",
     "recorded_at",
     "recorded_by_name",
     "status",
     "year"
    ],
    "type": "object"
   },
   "ArchitectureElement": {
    "type": "object",
    "properties": {
     "attributes": {
      "type": "object",
      "additionalProperties": {
       "oneOf": [
        {
         "type": "string"
        },
        {
         "type": "number"
        },
        {
         "type": "boolean"
        }
       ],
       "nullable": true,
       "description": "text, number, flag or null, per the domain's attribute"
      },
      "description": "the domain's own attributes (docs/spbe-architecture.md)"
     },
     "code": {
      "type": "string"
     },
     "created_at": {
      "type": "string"
     },
     "description": {
      "type": "string"
     },
     "domain": {
      "type": "string",
      "enum": [
       "layanan",
       "proses_bisnis",
       "data_informasi",
       "aplikasi",
       "infrastruktur",
       "keamanan"
      ]
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
     "owner_agency_id": {
      "type": "string"
     },
     "owner_agency_name": {
      "type": "string"
     },
     "parent_id": {
      "type": "string",
      "nullable": true
     },
     "reference_code": {
      "type": "string",
      "nullable": true
     },
     "state": {
      "type": "string",
      "enum": [
       "as_is",
       "to_be",
       "retired"
      ]
     },
     "updated_at": {
      "type": "string"
     }
    },
    "required": [
     "attributes",
     "code",
     "created_at",
     "description",
     "domain",
     "id",
     "level",
     "name",
     "owner_agency_id",
     "owner_agency_name",
     "parent_id",
     "reference_code",
     "state",
     "updated_at"
    ],
    "description": "An element of the SPBE architecture (one of the six domains)"
   },
   "ArchitectureDocumentKind": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string"
     },
     "in_force_rule": {
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
     "instrument": {
      "type": "string",
      "nullable": true
     },
     "instrument_rule": {
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
     "label": {
      "type": "string"
     },
     "label_en": {
      "type": "string"
     },
     "parts": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "parts_rule": {
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
     "review_mandatory": {
      "type": "boolean"
     },
     "review_rule": {
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
     "review_schedule": {
      "type": "string"
     },
     "validity_years": {
      "type": "integer"
     }
    },
    "required": [
     "id",
     "in_force_rule",
     "instrument",
     "instrument_rule",
     "label",
     "label_en",
     "parts",
     "parts_rule",
     "review_mandatory",
     "review_rule",
     "review_schedule",
     "validity_years"
    ]
   }
  }
 }
})json";
}

}  // namespace simpul::architecture
