// The routes of this module as the API contract states them (http/api_description.hpp), generated
// once from a description and kept by hand since. Every answer the API tests receive is checked
// against it.
#include <string_view>

namespace simpul::infrastructure {

std::string_view openapi_fragment() {
  return R"json({
 "paths": {
  "/api/infrastructure/options": {
   "get": {
    "tags": [
     "Infrastructure"
    ],
    "summary": "The profile's infrastructure section (Pusat Data operator, placement, VPS duty, backup, LAN cadence) with citations, and the fixed choices",
    "description": "Requires: infrastructure.read.",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "site_kinds": {
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
          "server_kinds": {
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
          "hosting_modes": {
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
          "environments": {
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
          "device_kinds": {
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
          "operator_role": {
           "type": "string"
          },
          "pusat_data_kinds": {
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
          "placement_rule": {
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
            "citation",
            "id"
           ],
           "nullable": true
          },
          "vps": {
           "type": "object",
           "properties": {
            "modal": {
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
            "modal",
            "rule"
           ]
          },
          "pd_data_centre_ban_rule": {
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
            "citation",
            "id"
           ],
           "nullable": true
          },
          "backup": {
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
              }
             },
             "required": [
              "citation",
              "id"
             ],
             "nullable": true
            },
            "legal_exception": {
             "type": "boolean"
            },
            "by_dinas_rule": {
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
              "citation",
              "id"
             ],
             "nullable": true
            }
           },
           "required": [
            "by_dinas_rule",
            "legal_exception",
            "rule"
           ]
          },
          "lan_diagram": {
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
              }
             },
             "required": [
              "citation",
              "id"
             ],
             "nullable": true
            },
            "months": {
             "type": "integer",
             "nullable": true
            }
           },
           "required": [
            "months",
            "rule"
           ]
          },
          "lan_change_report_rule": {
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
            "citation",
            "id"
           ],
           "nullable": true
          },
          "device_coordination_rule": {
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
            "citation",
            "id"
           ],
           "nullable": true
          }
         },
         "required": [
          "backup",
          "device_coordination_rule",
          "device_kinds",
          "environments",
          "hosting_modes",
          "lan_change_report_rule",
          "lan_diagram",
          "operator_role",
          "pd_data_centre_ban_rule",
          "placement_rule",
          "pusat_data_kinds",
          "server_kinds",
          "site_kinds",
          "vps"
         ]
        }
       }
      }
     }
    }
   }
  },
  "/api/infrastructure/sites": {
   "get": {
    "tags": [
     "Infrastructure"
    ],
    "summary": "Pusat Data sites and PD server rooms (?agency=)",
    "description": "Requires: infrastructure.read.",
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
            "$ref": "#/components/schemas/InfraSite"
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
    "parameters": [
     {
      "name": "agency",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      }
     }
    ]
   },
   "post": {
    "tags": [
     "Infrastructure"
    ],
    "summary": "Register a site; a planned PD data centre is refused where the regulation forbids it (Lampung Timur Pasal 17 ayat (9))",
    "description": "Requires: infrastructure.write (own agency: infrastructure.write.own).",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/InfraSiteDetail"
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
         "code": {
          "type": "string"
         },
         "name": {
          "type": "string"
         },
         "kind": {
          "type": "string"
         },
         "agency_id": {
          "type": "string"
         },
         "location": {
          "type": "string"
         },
         "status": {
          "type": "string",
          "enum": [
           "operasi",
           "rencana"
          ]
         }
        },
        "required": [
         "code",
         "name",
         "kind"
        ]
       }
      }
     }
    }
   }
  },
  "/api/infrastructure/sites/{id}": {
   "get": {
    "tags": [
     "Infrastructure"
    ],
    "summary": "A site with its racks, assessments, servers and open findings",
    "description": "Requires: infrastructure.read.",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/InfraSiteDetail"
        }
       }
      }
     }
    }
   }
  },
  "/api/infrastructure/sites/{id}/racks": {
   "post": {
    "tags": [
     "Infrastructure"
    ],
    "summary": "Add a rack to a site",
    "description": "Requires: infrastructure.write (own agency: infrastructure.write.own).",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/InfraRack"
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
         "code": {
          "type": "string"
         },
         "units": {
          "type": "integer"
         }
        },
        "required": [
         "code"
        ]
       }
      }
     }
    }
   }
  },
  "/api/infrastructure/sites/{id}/assessments": {
   "post": {
    "tags": [
     "Infrastructure"
    ],
    "summary": "Assess a PD server room against the standard (the newest assessment is the room's standing)",
    "description": "Requires: infrastructure.decide.",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/InfraAssessment"
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
         "result": {
          "type": "string"
         },
         "assessor": {
          "type": "string"
         },
         "note": {
          "type": "string"
         }
        },
        "required": [
         "date",
         "result",
         "assessor"
        ]
       }
      }
     }
    }
   }
  },
  "/api/infrastructure/servers": {
   "get": {
    "tags": [
     "Infrastructure"
    ],
    "summary": "Servers: architecture elements of the domain infrastruktur with their operational record (?agency=, ?site=)",
    "description": "Requires: infrastructure.read.",
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
            "$ref": "#/components/schemas/InfraServer"
           }
          },
          "total": {
           "type": "integer"
          },
          "note_count": {
           "type": "integer",
           "description": "Informational notes of the listed servers (not findings)"
          }
         },
         "required": [
          "items",
          "note_count",
          "total"
         ]
        }
       }
      }
     }
    },
    "parameters": [
     {
      "name": "agency",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "site",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      }
     }
    ]
   },
   "post": {
    "tags": [
     "Infrastructure"
    ],
    "summary": "Register a server (an architecture element) with its hosting record",
    "description": "Requires: infrastructure.write (own agency: infrastructure.write.own).",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/InfraServerDetail"
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
         "code": {
          "type": "string"
         },
         "name": {
          "type": "string"
         },
         "description": {
          "type": "string"
         },
         "owner_agency_id": {
          "type": "string"
         },
         "kind": {
          "type": "string"
         },
         "hosting": {
          "type": "string"
         },
         "environment": {
          "type": "string"
         },
         "managed_by": {
          "type": "string"
         },
         "hostname": {
          "type": "string"
         },
         "operating_system": {
          "type": "string"
         },
         "site_id": {
          "type": "string",
          "nullable": true
         },
         "rack_id": {
          "type": "string",
          "nullable": true
         }
        },
        "required": [
         "code",
         "name"
        ]
       }
      }
     }
    }
   }
  },
  "/api/infrastructure/servers/{id}": {
   "get": {
    "tags": [
     "Infrastructure"
    ],
    "summary": "A server with what runs on it (architecture relations runs_on) and its open findings",
    "description": "Requires: infrastructure.read.",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/InfraServerDetail"
        }
       }
      }
     }
    }
   },
   "patch": {
    "tags": [
     "Infrastructure"
    ],
    "summary": "Change a server's element fields or hosting record",
    "description": "Requires: infrastructure.write (own agency: infrastructure.write.own).",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/InfraServerDetail"
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
         "code": {
          "type": "string"
         },
         "name": {
          "type": "string"
         },
         "description": {
          "type": "string"
         },
         "owner_agency_id": {
          "type": "string"
         },
         "kind": {
          "type": "string"
         },
         "hosting": {
          "type": "string"
         },
         "environment": {
          "type": "string"
         },
         "managed_by": {
          "type": "string"
         },
         "hostname": {
          "type": "string"
         },
         "operating_system": {
          "type": "string"
         },
         "site_id": {
          "type": "string",
          "nullable": true
         },
         "rack_id": {
          "type": "string",
          "nullable": true
         }
        }
       }
      }
     }
    }
   }
  },
  "/api/infrastructure/requests": {
   "get": {
    "tags": [
     "Infrastructure"
    ],
    "summary": "Colocation and VPS requests (?state=, ?agency=)",
    "description": "Requires: infrastructure.read.",
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
            "$ref": "#/components/schemas/InfraRequest"
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
    "parameters": [
     {
      "name": "state",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "agency",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      }
     }
    ]
   },
   "post": {
    "tags": [
     "Infrastructure"
    ],
    "summary": "A PD asks the Dinas for colocation or a VPS",
    "description": "Requires: infrastructure.write (own agency: infrastructure.write.own).",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/InfraRequest"
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
         "agency_id": {
          "type": "string"
         },
         "kind": {
          "type": "string"
         },
         "purpose": {
          "type": "string"
         },
         "specification": {
          "type": "string"
         }
        },
        "required": [
         "kind",
         "purpose"
        ]
       }
      }
     }
    }
   }
  },
  "/api/infrastructure/requests/{id}": {
   "get": {
    "tags": [
     "Infrastructure"
    ],
    "summary": "One request with the Dinas's duty the region states",
    "description": "Requires: infrastructure.read.",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/InfraRequest"
        }
       }
      }
     }
    }
   }
  },
  "/api/infrastructure/requests/{id}/decision": {
   "post": {
    "tags": [
     "Infrastructure"
    ],
    "summary": "The Dinas approves or refuses a request, with reasons (not the requester; only the operator agency)",
    "description": "Requires: infrastructure.decide.",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/InfraRequest"
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
  "/api/infrastructure/backup-duties": {
   "get": {
    "tags": [
     "Infrastructure"
    ],
    "summary": "Backup board: every duty with its state (overdue, last run failed, restore test due) as of the tenant's today (?agency=)",
    "description": "Requires: infrastructure.read.",
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
            "$ref": "#/components/schemas/InfraBackupDuty"
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
    "parameters": [
     {
      "name": "agency",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      }
     }
    ]
   },
   "post": {
    "tags": [
     "Infrastructure"
    ],
    "summary": "Record a backup duty of a PD (data set, schedule, retention, target, legal-basis exception where the region has one)",
    "description": "Requires: infrastructure.write (own agency: infrastructure.write.own).",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/InfraBackupDutyDetail"
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
         "agency_id": {
          "type": "string"
         },
         "name": {
          "type": "string"
         },
         "data_element_id": {
          "type": "string"
         },
         "target_site_id": {
          "type": "string"
         },
         "owner_approval": {
          "type": "string"
         },
         "exception_basis": {
          "type": "string"
         },
         "schedule_days": {
          "type": "integer"
         },
         "retention_days": {
          "type": "integer"
         },
         "restore_test_days": {
          "type": "integer"
         },
         "performed_by": {
          "type": "string",
          "enum": [
           "pd",
           "dinas"
          ]
         }
        },
        "required": [
         "name"
        ]
       }
      }
     }
    }
   }
  },
  "/api/infrastructure/backup-duties/{id}": {
   "get": {
    "tags": [
     "Infrastructure"
    ],
    "summary": "A duty with its runs, restore tests and open findings",
    "description": "Requires: infrastructure.read.",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/InfraBackupDutyDetail"
        }
       }
      }
     }
    }
   }
  },
  "/api/infrastructure/backup-duties/{id}/runs": {
   "post": {
    "tags": [
     "Infrastructure"
    ],
    "summary": "Record a backup run: called by the backup job (restic, Bareos) with an API token after each run, or by hand",
    "description": "Requires: infrastructure.write (own agency: infrastructure.write.own).",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/InfraBackupRun"
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
         "started_at": {
          "type": "string"
         },
         "finished_at": {
          "type": "string"
         },
         "result": {
          "type": "string"
         },
         "tool": {
          "type": "string"
         },
         "note": {
          "type": "string"
         },
         "size_bytes": {
          "type": "integer"
         }
        },
        "required": [
         "started_at",
         "finished_at",
         "result"
        ]
       }
      }
     }
    }
   }
  },
  "/api/infrastructure/backup-duties/{id}/restore-tests": {
   "post": {
    "tags": [
     "Infrastructure"
    ],
    "summary": "Record a restore test",
    "description": "Requires: infrastructure.write (own agency: infrastructure.write.own).",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/InfraRestoreTest"
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
         "result": {
          "type": "string"
         },
         "note": {
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
  "/api/infrastructure/lans": {
   "get": {
    "tags": [
     "Infrastructure"
    ],
    "summary": "PD LANs (?agency=)",
    "description": "Requires: infrastructure.read.",
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
            "$ref": "#/components/schemas/InfraLan"
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
    "parameters": [
     {
      "name": "agency",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      }
     }
    ]
   },
   "post": {
    "tags": [
     "Infrastructure"
    ],
    "summary": "Register a PD's LAN (built by the Dinas, or by a PD Mandiri TIK)",
    "description": "Requires: infrastructure.write (own agency: infrastructure.write.own).",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/InfraLanDetail"
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
         "agency_id": {
          "type": "string"
         },
         "name": {
          "type": "string"
         },
         "registered_on": {
          "type": "string"
         },
         "built_by": {
          "type": "string",
          "enum": [
           "dinas",
           "pd_mandiri_tik"
          ]
         }
        },
        "required": [
         "name"
        ]
       }
      }
     }
    }
   }
  },
  "/api/infrastructure/lans/{id}": {
   "get": {
    "tags": [
     "Infrastructure"
    ],
    "summary": "A LAN with its diagram versions and open findings",
    "description": "Requires: infrastructure.read.",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/InfraLanDetail"
        }
       }
      }
     }
    }
   }
  },
  "/api/infrastructure/lans/{id}/diagrams": {
   "post": {
    "tags": [
     "Infrastructure"
    ],
    "summary": "Upload a new version of the LAN diagram: raw body (PDF, PNG, SVG or draw.io, checked by content, at most 10 MB), ?filename=",
    "description": "Requires: infrastructure.write (own agency: infrastructure.write.own).",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/InfraDiagram"
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
  "/api/infrastructure/diagrams/{id}/content": {
   "get": {
    "tags": [
     "Infrastructure"
    ],
    "summary": "Download a LAN diagram (always as an attachment)",
    "description": "Requires: infrastructure.read.",
    "responses": {
     "200": {
      "description": "success"
     }
    }
   }
  },
  "/api/infrastructure/devices": {
   "get": {
    "tags": [
     "Infrastructure"
    ],
    "summary": "Network devices of the PDs (?agency=)",
    "description": "Requires: infrastructure.read.",
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
            "$ref": "#/components/schemas/InfraDevice"
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
    "parameters": [
     {
      "name": "agency",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      }
     }
    ]
   },
   "post": {
    "tags": [
     "Infrastructure"
    ],
    "summary": "Register a network device (a LAN change that needs its change report where the region says so)",
    "description": "Requires: infrastructure.write (own agency: infrastructure.write.own).",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/InfraDevice"
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
         "agency_id": {
          "type": "string"
         },
         "name": {
          "type": "string"
         },
         "kind": {
          "type": "string"
         },
         "coordination": {
          "type": "string"
         },
         "installed_on": {
          "type": "string"
         }
        },
        "required": [
         "name",
         "kind",
         "installed_on"
        ]
       }
      }
     }
    }
   }
  },
  "/api/infrastructure/devices/{id}/changes": {
   "post": {
    "tags": [
     "Infrastructure"
    ],
    "summary": "Record a change of a network device",
    "description": "Requires: infrastructure.write (own agency: infrastructure.write.own).",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/InfraDevice"
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
         "change": {
          "type": "string"
         }
        },
        "required": [
         "date",
         "change"
        ]
       }
      }
     }
    }
   }
  },
  "/api/infrastructure/devices/{id}/change-reports": {
   "post": {
    "tags": [
     "Infrastructure"
    ],
    "summary": "Report a LAN change to the Dinas",
    "description": "Requires: infrastructure.write (own agency: infrastructure.write.own).",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/InfraDevice"
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
         "summary": {
          "type": "string"
         }
        },
        "required": [
         "date",
         "summary"
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
   "InfraSite": {
    "type": "object",
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
     "kind": {
      "type": "string"
     },
     "kind_name": {
      "type": "string"
     },
     "status": {
      "type": "string"
     },
     "status_name": {
      "type": "string"
     },
     "agency": {
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
     },
     "location": {
      "type": "string"
     },
     "standard": {
      "type": "string",
      "nullable": true
     },
     "standard_name": {
      "type": "string"
     },
     "assessed_on": {
      "type": "string",
      "nullable": true
     },
     "created_at": {
      "type": "string"
     }
    },
    "required": [
     "agency",
     "assessed_on",
     "code",
     "created_at",
     "id",
     "kind",
     "kind_name",
     "location",
     "name",
     "standard",
     "standard_name",
     "status",
     "status_name"
    ]
   },
   "InfraRack": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string"
     },
     "site_id": {
      "type": "string"
     },
     "code": {
      "type": "string"
     },
     "units": {
      "type": "integer"
     }
    },
    "required": [
     "code",
     "id",
     "site_id",
     "units"
    ]
   },
   "InfraAssessment": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string"
     },
     "date": {
      "type": "string"
     },
     "result": {
      "type": "string"
     },
     "result_name": {
      "type": "string"
     },
     "assessor": {
      "type": "string"
     },
     "note": {
      "type": "string"
     },
     "recorded_by_name": {
      "type": "string"
     },
     "recorded_at": {
      "type": "string"
     }
    },
    "required": [
     "assessor",
     "date",
     "id",
     "note",
     "recorded_at",
     "recorded_by_name",
     "result",
     "result_name"
    ]
   },
   "InfraServer": {
    "type": "object",
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
     "description": {
      "type": "string"
     },
     "state": {
      "type": "string"
     },
     "owner": {
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
     },
     "kind": {
      "type": "string"
     },
     "kind_name": {
      "type": "string"
     },
     "hosting": {
      "type": "string"
     },
     "hosting_name": {
      "type": "string"
     },
     "environment": {
      "type": "string"
     },
     "environment_name": {
      "type": "string"
     },
     "managed_by": {
      "type": "string"
     },
     "managed_by_name": {
      "type": "string"
     },
     "site": {
      "type": "object",
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
       "kind": {
        "type": "string"
       }
      },
      "required": [
       "code",
       "id",
       "kind",
       "name"
      ],
      "nullable": true
     },
     "rack_id": {
      "type": "string",
      "nullable": true
     },
     "hostname": {
      "type": "string"
     },
     "operating_system": {
      "type": "string"
     },
     "updated_at": {
      "type": "string"
     },
     "notes": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/InfraNote"
      }
     }
    },
    "required": [
     "code",
     "description",
     "environment",
     "environment_name",
     "hosting",
     "hosting_name",
     "hostname",
     "id",
     "kind",
     "kind_name",
     "managed_by",
     "managed_by_name",
     "name",
     "operating_system",
     "owner",
     "rack_id",
     "site",
     "state",
     "updated_at"
    ]
   },
   "InfraRequest": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string"
     },
     "agency": {
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
     },
     "kind": {
      "type": "string"
     },
     "kind_name": {
      "type": "string"
     },
     "purpose": {
      "type": "string"
     },
     "specification": {
      "type": "string"
     },
     "state": {
      "type": "string"
     },
     "state_name": {
      "type": "string"
     },
     "requested_by_name": {
      "type": "string"
     },
     "requested_at": {
      "type": "string"
     },
     "reasons": {
      "type": "string"
     },
     "decided_by_name": {
      "type": "string"
     },
     "decided_at": {
      "type": "string",
      "nullable": true
     },
     "dinas_duty": {
      "type": "object",
      "properties": {
       "modal": {
        "type": "string"
       },
       "text": {
        "type": "string"
       },
       "text_en": {
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
       "modal",
       "rule",
       "text",
       "text_en"
      ]
     }
    },
    "required": [
     "agency",
     "decided_at",
     "decided_by_name",
     "dinas_duty",
     "id",
     "kind",
     "kind_name",
     "purpose",
     "reasons",
     "requested_at",
     "requested_by_name",
     "specification",
     "state",
     "state_name"
    ]
   },
   "InfraBackupDuty": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string"
     },
     "agency": {
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
     },
     "name": {
      "type": "string"
     },
     "data_element_id": {
      "type": "string",
      "nullable": true
     },
     "schedule_days": {
      "type": "integer"
     },
     "retention_days": {
      "type": "integer"
     },
     "target_site_id": {
      "type": "string",
      "nullable": true
     },
     "restore_test_days": {
      "type": "integer"
     },
     "performed_by": {
      "type": "string"
     },
     "performed_by_name": {
      "type": "string"
     },
     "owner_approval": {
      "type": "string"
     },
     "exception_basis": {
      "type": "string"
     },
     "created_at": {
      "type": "string"
     },
     "status": {
      "type": "object",
      "properties": {
       "state": {
        "type": "string"
       },
       "state_name": {
        "type": "string"
       },
       "last_run_on": {
        "type": "string",
        "nullable": true
       },
       "last_result": {
        "type": "string",
        "nullable": true
       },
       "last_ok_on": {
        "type": "string",
        "nullable": true
       },
       "last_restore_on": {
        "type": "string",
        "nullable": true
       },
       "target_in_pusat_data": {
        "type": "boolean"
       },
       "overdue": {
        "type": "boolean"
       },
       "last_failed": {
        "type": "boolean"
       },
       "restore_overdue": {
        "type": "boolean"
       }
      },
      "required": [
       "last_failed",
       "last_ok_on",
       "last_restore_on",
       "last_result",
       "last_run_on",
       "overdue",
       "restore_overdue",
       "state",
       "state_name",
       "target_in_pusat_data"
      ]
     }
    },
    "required": [
     "agency",
     "created_at",
     "data_element_id",
     "exception_basis",
     "id",
     "name",
     "owner_approval",
     "performed_by",
     "performed_by_name",
     "restore_test_days",
     "retention_days",
     "schedule_days",
     "status",
     "target_site_id"
    ]
   },
   "InfraBackupRun": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string"
     },
     "started_at": {
      "type": "string"
     },
     "finished_at": {
      "type": "string"
     },
     "result": {
      "type": "string"
     },
     "size_bytes": {
      "type": "integer"
     },
     "tool": {
      "type": "string"
     },
     "note": {
      "type": "string"
     },
     "source": {
      "type": "string"
     },
     "recorded_by_name": {
      "type": "string"
     },
     "recorded_at": {
      "type": "string"
     }
    },
    "required": [
     "finished_at",
     "id",
     "note",
     "recorded_at",
     "recorded_by_name",
     "result",
     "size_bytes",
     "source",
     "started_at",
     "tool"
    ]
   },
   "InfraRestoreTest": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string"
     },
     "date": {
      "type": "string"
     },
     "result": {
      "type": "string"
     },
     "note": {
      "type": "string"
     },
     "recorded_by_name": {
      "type": "string"
     },
     "recorded_at": {
      "type": "string"
     }
    },
    "required": [
     "date",
     "id",
     "note",
     "recorded_at",
     "recorded_by_name",
     "result"
    ]
   },
   "InfraLan": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string"
     },
     "agency": {
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
     },
     "name": {
      "type": "string"
     },
     "built_by": {
      "type": "string"
     },
     "built_by_name": {
      "type": "string"
     },
     "registered_on": {
      "type": "string"
     },
     "created_at": {
      "type": "string"
     }
    },
    "required": [
     "agency",
     "built_by",
     "built_by_name",
     "created_at",
     "id",
     "name",
     "registered_on"
    ]
   },
   "InfraDiagram": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string"
     },
     "lan_id": {
      "type": "string"
     },
     "version": {
      "type": "integer"
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
     }
    },
    "required": [
     "content_type",
     "filename",
     "id",
     "lan_id",
     "sha256",
     "size",
     "uploaded_at",
     "uploaded_by_name",
     "version"
    ]
   },
   "InfraDevice": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string"
     },
     "agency": {
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
     },
     "name": {
      "type": "string"
     },
     "kind": {
      "type": "string"
     },
     "kind_name": {
      "type": "string"
     },
     "coordination": {
      "type": "string"
     },
     "last_change_on": {
      "type": "string"
     },
     "last_change": {
      "type": "string"
     },
     "last_report_on": {
      "type": "string",
      "nullable": true
     },
     "last_report": {
      "type": "string"
     },
     "change_reported": {
      "type": "boolean"
     },
     "created_at": {
      "type": "string"
     }
    },
    "required": [
     "agency",
     "change_reported",
     "coordination",
     "created_at",
     "id",
     "kind",
     "kind_name",
     "last_change",
     "last_change_on",
     "last_report",
     "last_report_on",
     "name"
    ]
   },
   "InfraSiteDetail": {
    "type": "object",
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
     "kind": {
      "type": "string"
     },
     "kind_name": {
      "type": "string"
     },
     "status": {
      "type": "string"
     },
     "status_name": {
      "type": "string"
     },
     "agency": {
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
     },
     "location": {
      "type": "string"
     },
     "standard": {
      "type": "string",
      "nullable": true
     },
     "standard_name": {
      "type": "string"
     },
     "assessed_on": {
      "type": "string",
      "nullable": true
     },
     "created_at": {
      "type": "string"
     },
     "racks": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/InfraRack"
      }
     },
     "assessments": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/InfraAssessment"
      }
     },
     "servers": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/InfraServer"
      }
     },
     "findings": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/ComplianceFinding"
      }
     }
    },
    "required": [
     "agency",
     "assessed_on",
     "assessments",
     "code",
     "created_at",
     "findings",
     "id",
     "kind",
     "kind_name",
     "location",
     "name",
     "racks",
     "servers",
     "standard",
     "standard_name",
     "status",
     "status_name"
    ]
   },
   "InfraServerDetail": {
    "type": "object",
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
     "description": {
      "type": "string"
     },
     "state": {
      "type": "string"
     },
     "owner": {
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
     },
     "kind": {
      "type": "string"
     },
     "kind_name": {
      "type": "string"
     },
     "hosting": {
      "type": "string"
     },
     "hosting_name": {
      "type": "string"
     },
     "environment": {
      "type": "string"
     },
     "environment_name": {
      "type": "string"
     },
     "managed_by": {
      "type": "string"
     },
     "managed_by_name": {
      "type": "string"
     },
     "site": {
      "type": "object",
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
       "kind": {
        "type": "string"
       }
      },
      "required": [
       "code",
       "id",
       "kind",
       "name"
      ],
      "nullable": true
     },
     "rack_id": {
      "type": "string",
      "nullable": true
     },
     "hostname": {
      "type": "string"
     },
     "operating_system": {
      "type": "string"
     },
     "updated_at": {
      "type": "string"
     },
     "hosted": {
      "type": "array",
      "items": {
       "type": "object",
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
         "type": "string"
        }
       },
       "required": [
        "code",
        "domain",
        "id",
        "name"
       ]
      }
     },
     "findings": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/ComplianceFinding"
      }
     },
     "notes": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/InfraNote"
      }
     }
    },
    "required": [
     "code",
     "description",
     "environment",
     "environment_name",
     "findings",
     "hosted",
     "hosting",
     "hosting_name",
     "hostname",
     "id",
     "kind",
     "kind_name",
     "managed_by",
     "managed_by_name",
     "name",
     "notes",
     "operating_system",
     "owner",
     "rack_id",
     "site",
     "state",
     "updated_at"
    ]
   },
   "InfraBackupDutyDetail": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string"
     },
     "agency": {
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
     },
     "name": {
      "type": "string"
     },
     "data_element_id": {
      "type": "string",
      "nullable": true
     },
     "schedule_days": {
      "type": "integer"
     },
     "retention_days": {
      "type": "integer"
     },
     "target_site_id": {
      "type": "string",
      "nullable": true
     },
     "restore_test_days": {
      "type": "integer"
     },
     "performed_by": {
      "type": "string"
     },
     "performed_by_name": {
      "type": "string"
     },
     "owner_approval": {
      "type": "string"
     },
     "exception_basis": {
      "type": "string"
     },
     "created_at": {
      "type": "string"
     },
     "status": {
      "type": "object",
      "properties": {
       "state": {
        "type": "string"
       },
       "state_name": {
        "type": "string"
       },
       "last_run_on": {
        "type": "string",
        "nullable": true
       },
       "last_result": {
        "type": "string",
        "nullable": true
       },
       "last_ok_on": {
        "type": "string",
        "nullable": true
       },
       "last_restore_on": {
        "type": "string",
        "nullable": true
       },
       "target_in_pusat_data": {
        "type": "boolean"
       },
       "overdue": {
        "type": "boolean"
       },
       "last_failed": {
        "type": "boolean"
       },
       "restore_overdue": {
        "type": "boolean"
       }
      },
      "required": [
       "last_failed",
       "last_ok_on",
       "last_restore_on",
       "last_result",
       "last_run_on",
       "overdue",
       "restore_overdue",
       "state",
       "state_name",
       "target_in_pusat_data"
      ]
     },
     "runs": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/InfraBackupRun"
      }
     },
     "restore_tests": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/InfraRestoreTest"
      }
     },
     "findings": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/ComplianceFinding"
      }
     }
    },
    "required": [
     "agency",
     "created_at",
     "data_element_id",
     "exception_basis",
     "findings",
     "id",
     "name",
     "owner_approval",
     "performed_by",
     "performed_by_name",
     "restore_test_days",
     "restore_tests",
     "retention_days",
     "runs",
     "schedule_days",
     "status",
     "target_site_id"
    ]
   },
   "InfraLanDetail": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string"
     },
     "agency": {
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
     },
     "name": {
      "type": "string"
     },
     "built_by": {
      "type": "string"
     },
     "built_by_name": {
      "type": "string"
     },
     "registered_on": {
      "type": "string"
     },
     "created_at": {
      "type": "string"
     },
     "diagrams": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/InfraDiagram"
      }
     },
     "findings": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/ComplianceFinding"
      }
     }
    },
    "required": [
     "agency",
     "built_by",
     "built_by_name",
     "created_at",
     "diagrams",
     "findings",
     "id",
     "name",
     "registered_on"
    ]
   },
   "InfraNote": {
    "type": "object",
    "description": "An informational note, not a finding: it is counted apart from findings and never needs resolving.",
    "properties": {
     "kind": {
      "type": "string",
      "enum": [
       "informasi"
      ]
     },
     "kind_name": {
      "type": "string"
     },
     "rule": {
      "type": "object",
      "nullable": true,
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
      ]
     },
     "text": {
      "type": "string"
     },
     "text_en": {
      "type": "string"
     }
    },
    "required": [
     "kind",
     "kind_name",
     "rule",
     "text",
     "text_en"
    ]
   }
  }
 }
})json";
}

}  // namespace simpul::infrastructure
