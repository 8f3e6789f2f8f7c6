// The routes of this module as the API contract states them (http/api_description.hpp); every
// answer the API tests receive is checked against it.
#include <string_view>

namespace simpul::audit {

std::string_view openapi_fragment() {
  return R"json({
 "paths": {
  "/api/audit/options": {
   "get": {
    "tags": [
     "Audit"
    ],
    "summary": "The region's audit types, cadence, aspects, auditors and gates",
    "description": "Requires: audit.read.",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/AuditOptions"
        }
       }
      }
     }
    }
   }
  },
  "/api/audit/objects": {
   "get": {
    "tags": [
     "Audit"
    ],
    "summary": "Every object in scope of each audit type, with its last audit and next due date",
    "description": "Requires: audit.read.",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/AuditObjectPage"
        }
       }
      }
     }
    },
    "parameters": [
     {
      "name": "type",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "audit type id (infrastruktur, aplikasi, keamanan)"
     }
    ]
   }
  },
  "/api/audit/due": {
   "get": {
    "tags": [
     "Audit"
    ],
    "summary": "Objects whose audit is due within the horizon (default 90 days), overdue ones included",
    "description": "Requires: audit.read.",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/AuditDuePage"
        }
       }
      }
     }
    },
    "parameters": [
     {
      "name": "type",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "audit type id (infrastruktur, aplikasi, keamanan)"
     },
     {
      "name": "within_days",
      "in": "query",
      "required": false,
      "schema": {
       "type": "integer"
      },
      "description": "horizon in days, 1-3660"
     }
    ]
   }
  },
  "/api/audit/programmes": {
   "get": {
    "tags": [
     "Audit"
    ],
    "summary": "Audit programmes, newest planned start first",
    "description": "Requires: audit.read.",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/AuditProgrammePage"
        }
       }
      }
     }
    },
    "parameters": [
     {
      "name": "type",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "audit type id (infrastruktur, aplikasi, keamanan)"
     }
    ]
   },
   "post": {
    "tags": [
     "Audit"
    ],
    "summary": "Plan an audit programme; the region's gates apply",
    "description": "Requires: audit.manage.",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/AuditProgramme"
        }
       }
      }
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "type": {
          "type": "string"
         },
         "kind": {
          "type": "string"
         },
         "title": {
          "type": "string"
         },
         "aspects": {
          "type": "array",
          "items": {
           "type": "string"
          }
         },
         "object_ids": {
          "type": "array",
          "items": {
           "type": "string"
          }
         },
         "auditor_kind": {
          "type": "string"
         },
         "auditor_name": {
          "type": "string"
         },
         "auditor_reference": {
          "type": "string"
         },
         "planned_start": {
          "type": "string"
         },
         "planned_end": {
          "type": "string"
         },
         "internal_programme_id": {
          "type": "string"
         },
         "team_decree_number": {
          "type": "string"
         },
         "team_decree_date": {
          "type": "string"
         },
         "letter": {
          "type": "object",
          "properties": {
           "purpose": {
            "type": "string"
           },
           "scope": {
            "type": "string"
           },
           "authority": {
            "type": "string"
           },
           "duties": {
            "type": "string"
           },
           "reporting": {
            "type": "string"
           }
          }
         }
        },
        "required": [
         "type",
         "title",
         "auditor_name",
         "planned_start",
         "planned_end"
        ]
       }
      }
     }
    }
   }
  },
  "/api/audit/programmes/{id}": {
   "get": {
    "tags": [
     "Audit"
    ],
    "summary": "One programme with its internal audit deadline and what blocks its start",
    "description": "Requires: audit.read.",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/AuditProgramme"
        }
       }
      }
     }
    }
   }
  },
  "/api/audit/programmes/{id}/steps": {
   "post": {
    "tags": [
     "Audit"
    ],
    "summary": "Record a step: dimulai, laporan_diterima, ditutup (dated, in order)",
    "description": "Requires: audit.manage.",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/AuditProgramme"
        }
       }
      }
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "to": {
          "type": "string"
         },
         "date": {
          "type": "string"
         }
        },
        "required": [
         "to",
         "date"
        ]
       }
      }
     }
    }
   }
  },
  "/api/audit/programmes/{id}/routing": {
   "post": {
    "tags": [
     "Audit"
    ],
    "summary": "Record the routing of the results to the head of region through the Ketua Tim Koordinasi",
    "description": "Requires: audit.manage.",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/AuditProgramme"
        }
       }
      }
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "sent_to_chair_on": {
          "type": "string"
         },
         "sent_to_head_on": {
          "type": "string"
         }
        },
        "required": [
         "sent_to_chair_on",
         "sent_to_head_on"
        ]
       }
      }
     }
    }
   }
  },
  "/api/audit/programmes/{id}/findings": {
   "post": {
    "tags": [
     "Audit"
    ],
    "summary": "Record a finding of the programme",
    "description": "Requires: audit.manage.",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/AuditFinding"
        }
       }
      }
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "object_id": {
          "type": "string"
         },
         "severity": {
          "type": "string"
         },
         "title": {
          "type": "string"
         },
         "recommendation": {
          "type": "string"
         },
         "agency_id": {
          "type": "string"
         },
         "agreed_action": {
          "type": "string"
         },
         "due_date": {
          "type": "string"
         }
        },
        "required": [
         "object_id",
         "severity",
         "title",
         "agency_id",
         "due_date"
        ]
       }
      }
     }
    }
   }
  },
  "/api/audit/findings": {
   "get": {
    "tags": [
     "Audit"
    ],
    "summary": "Audit findings with their follow-up, by due date",
    "description": "Requires: audit.read.",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/AuditFindingPage"
        }
       }
      }
     }
    },
    "parameters": [
     {
      "name": "programme",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "programme id"
     },
     {
      "name": "agency",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "responsible agency id"
     }
    ]
   }
  },
  "/api/audit/findings/{id}/follow-up": {
   "post": {
    "tags": [
     "Audit"
    ],
    "summary": "The responsible agency records its follow-up evidence",
    "description": "Requires: audit.follow_up (own agency: audit.follow_up.own).",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/AuditFinding"
        }
       }
      }
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "evidence": {
          "type": "string"
         },
         "date": {
          "type": "string"
         }
        },
        "required": [
         "evidence",
         "date"
        ]
       }
      }
     }
    }
   }
  },
  "/api/audit/findings/{id}/verification": {
   "post": {
    "tags": [
     "Audit"
    ],
    "summary": "The auditor or Inspektorat verifies the follow-up",
    "description": "Requires: audit.verify.",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/AuditFinding"
        }
       }
      }
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "date": {
          "type": "string"
         }
        },
        "required": [
         "date"
        ]
       }
      }
     }
    }
   }
  },
  "/api/audit/programmes/{id}/reports": {
   "post": {
    "tags": [
     "Audit"
    ],
    "summary": "Upload a new version of the audit report: raw body (PDF or DOCX, checked by content, at most 8 MB), ?filename=",
    "description": "Requires: audit.manage.",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/AuditProgramme"
        }
       }
      }
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "application/octet-stream": {
       "schema": {
        "type": "string",
        "format": "binary"
       }
      }
     }
    },
    "parameters": [
     {
      "name": "filename",
      "in": "query",
      "required": true,
      "schema": {
       "type": "string"
      }
     }
    ]
   }
  },
  "/api/audit/reports/{id}/content": {
   "get": {
    "tags": [
     "Audit"
    ],
    "summary": "Download an audit report (always as an attachment)",
    "description": "Requires: audit.read.",
    "responses": {
     "200": {
      "description": "success"
     }
    }
   }
  },
  "/api/audit/programmes/{id}/summary.pdf": {
   "get": {
    "tags": [
     "Audit"
    ],
    "summary": "The programme summary PDF: scope, team, steps with local dates, findings and follow-up",
    "description": "Requires: audit.read.",
    "responses": {
     "200": {
      "description": "success"
     }
    }
   }
  },
  "/api/audit/summary.pdf": {
   "get": {
    "tags": [
     "Audit"
    ],
    "summary": "The yearly summary PDF: programmes planned to start in the year, findings and follow-up",
    "description": "Requires: audit.read.",
    "responses": {
     "200": {
      "description": "success"
     }
    },
    "parameters": [
     {
      "name": "year",
      "in": "query",
      "required": false,
      "schema": {
       "type": "integer"
      },
      "description": "default: this year in the Pemda's local time"
     }
    ]
   }
  },
  "/api/audit/programmes/{id}/corrections": {
   "post": {
    "tags": [
     "Audit"
    ],
    "summary": "A logged correction of a closed programme: field, new value, reason",
    "description": "Requires: audit.manage.",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/AuditProgramme"
        }
       }
      }
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "field": {
          "type": "string"
         },
         "value": {
          "type": "string"
         },
         "reason": {
          "type": "string"
         }
        },
        "required": [
         "field",
         "value",
         "reason"
        ]
       }
      }
     }
    }
   }
  },
  "/api/audit/programmes/{id}/coordination": {
   "post": {
    "tags": [
     "Audit"
    ],
    "summary": "Record the coordination the region's article asks for on this audit type (e.g. with the ministry)",
    "description": "Requires: audit.manage.",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/AuditProgramme"
        }
       }
      }
     }
    },
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
         "note": {
          "type": "string"
         }
        },
        "required": [
         "date",
         "note"
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
   "AuditCitation": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
     "id": {
      "type": "string"
     },
     "citation": {
      "type": "string"
     }
    },
    "required": [
     "citation",
     "id"
    ],
    "nullable": true
   },
   "AuditDueItem": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
     "type": {
      "type": "string"
     },
     "type_name": {
      "type": "string"
     },
     "object_id": {
      "type": "string"
     },
     "object_code": {
      "type": "string"
     },
     "object_name": {
      "type": "string"
     },
     "object_domain": {
      "type": "string"
     },
     "agency_id": {
      "type": "string"
     },
     "agency_name": {
      "type": "string"
     },
     "last_audit": {
      "type": "string",
      "nullable": true
     },
     "since": {
      "type": "string"
     },
     "due": {
      "type": "string",
      "nullable": true
     },
     "status": {
      "type": "string",
      "enum": [
       "terlambat",
       "terjadwal",
       "tanpa_jadwal"
      ]
     },
     "rule": {
      "$ref": "#/components/schemas/AuditCitation"
     }
    },
    "required": [
     "agency_id",
     "agency_name",
     "due",
     "last_audit",
     "object_code",
     "object_domain",
     "object_id",
     "object_name",
     "rule",
     "since",
     "status",
     "type",
     "type_name"
    ]
   },
   "AuditProgramme": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
     "id": {
      "type": "string"
     },
     "type": {
      "type": "string"
     },
     "type_name": {
      "type": "string"
     },
     "kind": {
      "type": "string",
      "enum": [
       "eksternal",
       "internal"
      ]
     },
     "title": {
      "type": "string"
     },
     "aspects": {
      "type": "array",
      "items": {
       "type": "object",
       "additionalProperties": false,
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
     "object_ids": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "auditor_kind": {
      "type": "string"
     },
     "auditor_kind_name": {
      "type": "string"
     },
     "auditor_name": {
      "type": "string"
     },
     "auditor_reference": {
      "type": "string"
     },
     "planned_start": {
      "type": "string"
     },
     "planned_end": {
      "type": "string"
     },
     "internal_programme_id": {
      "type": "string",
      "nullable": true
     },
     "team_decree_number": {
      "type": "string"
     },
     "team_decree_date": {
      "type": "string"
     },
     "team_agency_id": {
      "type": "string"
     },
     "letter": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
       "purpose": {
        "type": "string"
       },
       "scope": {
        "type": "string"
       },
       "authority": {
        "type": "string"
       },
       "duties": {
        "type": "string"
       },
       "reporting": {
        "type": "string"
       }
      },
      "required": [
       "authority",
       "duties",
       "purpose",
       "reporting",
       "scope"
      ]
     },
     "state": {
      "type": "string",
      "enum": [
       "direncanakan",
       "dimulai",
       "laporan_diterima",
       "ditutup"
      ]
     },
     "state_name": {
      "type": "string"
     },
     "started_on": {
      "type": "string",
      "nullable": true
     },
     "report_date": {
      "type": "string",
      "nullable": true
     },
     "closed_on": {
      "type": "string",
      "nullable": true
     },
     "sent_to_chair_on": {
      "type": "string",
      "nullable": true
     },
     "sent_to_head_on": {
      "type": "string",
      "nullable": true
     },
     "internal_deadline": {
      "type": "string",
      "nullable": true
     },
     "start_refusal": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
       "code": {
        "type": "string"
       },
       "rule": {
        "$ref": "#/components/schemas/AuditCitation"
       },
       "details": {
        "type": "object",
        "additionalProperties": true,
        "description": "The refusal's details, as the error catalogue describes for its code"
       }
      },
      "required": [
       "code",
       "details",
       "rule"
      ],
      "nullable": true
     },
     "reports": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/AuditReport"
      }
     },
     "corrections": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/AuditCorrection"
      }
     },
     "coordination": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/AuditCoordination"
      }
     },
     "coordination_rule": {
      "$ref": "#/components/schemas/AuditCitation"
     },
     "coordination_with": {
      "type": "string"
     }
    },
    "required": [
     "aspects",
     "auditor_kind",
     "auditor_kind_name",
     "auditor_name",
     "auditor_reference",
     "closed_on",
     "coordination",
     "coordination_rule",
     "coordination_with",
     "corrections",
     "id",
     "internal_deadline",
     "internal_programme_id",
     "kind",
     "letter",
     "object_ids",
     "planned_end",
     "planned_start",
     "report_date",
     "reports",
     "sent_to_chair_on",
     "sent_to_head_on",
     "start_refusal",
     "started_on",
     "state",
     "state_name",
     "team_agency_id",
     "team_decree_date",
     "team_decree_number",
     "title",
     "type",
     "type_name"
    ]
   },
   "AuditFinding": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
     "id": {
      "type": "string"
     },
     "programme_id": {
      "type": "string"
     },
     "object_id": {
      "type": "string"
     },
     "severity": {
      "type": "string",
      "enum": [
       "rendah",
       "sedang",
       "tinggi"
      ]
     },
     "title": {
      "type": "string"
     },
     "recommendation": {
      "type": "string"
     },
     "agency_id": {
      "type": "string"
     },
     "agreed_action": {
      "type": "string"
     },
     "due_date": {
      "type": "string"
     },
     "state": {
      "type": "string",
      "enum": [
       "terbuka",
       "ditindaklanjuti",
       "terverifikasi"
      ]
     },
     "state_name": {
      "type": "string"
     },
     "overdue": {
      "type": "boolean"
     },
     "evidence": {
      "type": "string"
     },
     "followed_up_on": {
      "type": "string",
      "nullable": true
     },
     "verified_on": {
      "type": "string",
      "nullable": true
     },
     "verified_by_name": {
      "type": "string"
     }
    },
    "required": [
     "agency_id",
     "agreed_action",
     "due_date",
     "evidence",
     "followed_up_on",
     "id",
     "object_id",
     "overdue",
     "programme_id",
     "recommendation",
     "severity",
     "state",
     "state_name",
     "title",
     "verified_by_name",
     "verified_on"
    ]
   },
   "AuditOptions": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
     "types": {
      "type": "array",
      "items": {
       "type": "object",
       "additionalProperties": false,
       "properties": {
        "id": {
         "type": "string"
        },
        "name": {
         "type": "string"
        },
        "months": {
         "type": "integer",
         "nullable": true
        },
        "cadence_rule": {
         "$ref": "#/components/schemas/AuditCitation"
        },
        "scope_rule": {
         "$ref": "#/components/schemas/AuditCitation"
        },
        "infrastructure": {
         "type": "boolean"
        },
        "application_categories": {
         "type": "array",
         "items": {
          "type": "string"
         }
        },
        "coordination_rule": {
         "$ref": "#/components/schemas/AuditCitation"
        }
       },
       "required": [
        "application_categories",
        "cadence_rule",
        "coordination_rule",
        "id",
        "infrastructure",
        "months",
        "name",
        "scope_rule"
       ]
      }
     },
     "aspects": {
      "type": "array",
      "items": {
       "type": "object",
       "additionalProperties": false,
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
     "aspects_rule": {
      "$ref": "#/components/schemas/AuditCitation"
     },
     "auditor_kinds": {
      "type": "array",
      "items": {
       "type": "object",
       "additionalProperties": false,
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
     "auditor_rule": {
      "$ref": "#/components/schemas/AuditCitation"
     },
     "internal_lead_months": {
      "type": "integer",
      "nullable": true
     },
     "internal_audit_rule": {
      "$ref": "#/components/schemas/AuditCitation"
     },
     "team_decree_rule": {
      "$ref": "#/components/schemas/AuditCitation"
     },
     "routing_rule": {
      "$ref": "#/components/schemas/AuditCitation"
     },
     "routing_to": {
      "type": "string"
     },
     "coordination_with": {
      "type": "string"
     }
    },
    "required": [
     "aspects",
     "aspects_rule",
     "auditor_kinds",
     "auditor_rule",
     "coordination_with",
     "internal_audit_rule",
     "internal_lead_months",
     "routing_rule",
     "routing_to",
     "team_decree_rule",
     "types"
    ]
   },
   "AuditProgrammeRecord": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
     "id": {
      "type": "string"
     },
     "type": {
      "type": "string"
     },
     "type_name": {
      "type": "string"
     },
     "kind": {
      "type": "string",
      "enum": [
       "eksternal",
       "internal"
      ]
     },
     "title": {
      "type": "string"
     },
     "aspects": {
      "type": "array",
      "items": {
       "type": "object",
       "additionalProperties": false,
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
     "object_ids": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "auditor_kind": {
      "type": "string"
     },
     "auditor_kind_name": {
      "type": "string"
     },
     "auditor_name": {
      "type": "string"
     },
     "auditor_reference": {
      "type": "string"
     },
     "planned_start": {
      "type": "string"
     },
     "planned_end": {
      "type": "string"
     },
     "internal_programme_id": {
      "type": "string",
      "nullable": true
     },
     "team_decree_number": {
      "type": "string"
     },
     "team_decree_date": {
      "type": "string"
     },
     "team_agency_id": {
      "type": "string"
     },
     "letter": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
       "purpose": {
        "type": "string"
       },
       "scope": {
        "type": "string"
       },
       "authority": {
        "type": "string"
       },
       "duties": {
        "type": "string"
       },
       "reporting": {
        "type": "string"
       }
      },
      "required": [
       "authority",
       "duties",
       "purpose",
       "reporting",
       "scope"
      ]
     },
     "state": {
      "type": "string",
      "enum": [
       "direncanakan",
       "dimulai",
       "laporan_diterima",
       "ditutup"
      ]
     },
     "state_name": {
      "type": "string"
     },
     "started_on": {
      "type": "string",
      "nullable": true
     },
     "report_date": {
      "type": "string",
      "nullable": true
     },
     "closed_on": {
      "type": "string",
      "nullable": true
     },
     "sent_to_chair_on": {
      "type": "string",
      "nullable": true
     },
     "sent_to_head_on": {
      "type": "string",
      "nullable": true
     }
    },
    "required": [
     "aspects",
     "auditor_kind",
     "auditor_kind_name",
     "auditor_name",
     "auditor_reference",
     "closed_on",
     "id",
     "internal_programme_id",
     "kind",
     "letter",
     "object_ids",
     "planned_end",
     "planned_start",
     "report_date",
     "sent_to_chair_on",
     "sent_to_head_on",
     "started_on",
     "state",
     "state_name",
     "team_agency_id",
     "team_decree_date",
     "team_decree_number",
     "title",
     "type",
     "type_name"
    ]
   },
   "AuditDuePage": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
     "items": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/AuditDueItem"
      }
     },
     "total": {
      "type": "integer"
     },
     "today": {
      "type": "string"
     },
     "horizon": {
      "type": "string"
     }
    },
    "required": [
     "horizon",
     "items",
     "today",
     "total"
    ]
   },
   "AuditObjectPage": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
     "items": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/AuditDueItem"
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
   },
   "AuditProgrammePage": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
     "items": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/AuditProgrammeRecord"
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
   },
   "AuditFindingPage": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
     "items": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/AuditFinding"
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
   },
   "AuditReport": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
     "id": {
      "type": "string"
     },
     "filename": {
      "type": "string"
     },
     "content_type": {
      "type": "string"
     },
     "size": {
      "type": "integer"
     },
     "sha256": {
      "type": "string"
     },
     "uploaded_by_name": {
      "type": "string"
     },
     "uploaded_at": {
      "type": "string"
     },
     "version": {
      "type": "integer"
     }
    },
    "required": [
     "content_type",
     "filename",
     "id",
     "sha256",
     "size",
     "uploaded_at",
     "uploaded_by_name",
     "version"
    ]
   },
   "AuditCorrection": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
     "id": {
      "type": "string"
     },
     "field": {
      "type": "string"
     },
     "old_value": {
      "type": "string"
     },
     "new_value": {
      "type": "string"
     },
     "reason": {
      "type": "string"
     },
     "corrected_by_name": {
      "type": "string"
     },
     "corrected_at": {
      "type": "string"
     }
    },
    "required": [
     "corrected_at",
     "corrected_by_name",
     "field",
     "id",
     "new_value",
     "old_value",
     "reason"
    ]
   },
   "AuditCoordination": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
     "id": {
      "type": "string"
     },
     "with": {
      "type": "string"
     },
     "date": {
      "type": "string"
     },
     "note": {
      "type": "string"
     },
     "recorded_by_name": {
      "type": "string"
     }
    },
    "required": [
     "date",
     "id",
     "note",
     "recorded_by_name",
     "with"
    ]
   }
  }
 }
})json";
}

}  // namespace simpul::audit
