// The routes of this module as the API contract states them (http/api_description.hpp): request
// and response schemas, summaries and permissions. Registered with the routes; served at
// /api/openapi.json; every answer the API tests receive is checked against it.
#include <string_view>

namespace simpul::servicedesk {

std::string_view openapi_fragment() {
  return R"json({
 "paths": {
  "/api/servicedesk/options": {
   "get": {
    "tags": [
     "Service desk"
    ],
    "summary": "Ticket types, urgency and impact levels, priorities with SLA targets, the matrix, tiers and their articles",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ServiceDeskOptions"
        }
       }
      }
     }
    },
    "description": "Requires: servicedesk.use."
   }
  },
  "/api/servicedesk/tickets": {
   "get": {
    "tags": [
     "Service desk"
    ],
    "summary": "Tickets the caller may see (own, shared, their desk's PD; Level 2 and supervisors: all)",
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
            "$ref": "#/components/schemas/ServiceDeskTicket"
           }
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
    "description": "Requires: servicedesk.use.",
    "parameters": [
     "list-query",
     {
      "name": "view",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "mine | queue | all"
     },
     {
      "name": "state",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "open or a state"
     },
     {
      "name": "agency",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "requester's PD"
     },
     {
      "name": "queue_agency",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "the PD whose queue holds it"
     },
     {
      "name": "tier",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "1 or 2"
     },
     {
      "name": "type",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "ticket type"
     },
     {
      "name": "priority",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "a priority of the profile"
     },
     {
      "name": "assigned",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "me: assigned to the caller"
     },
     {
      "name": "breached",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "true: only tickets whose time to own or to resolve is breached (recomputed from the events)"
     }
    ]
   },
   "post": {
    "tags": [
     "Service desk"
    ],
    "summary": "Open a ticket; one asked of Level 2 directly is redirected to the PD's Level 1 where the regulation says so (`redirected` cites it)",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ServiceDeskTicketDetail"
        }
       }
      }
     }
    },
    "description": "Requires: servicedesk.use.",
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
         "title": {
          "type": "string"
         },
         "description": {
          "type": "string"
         },
         "urgency": {
          "type": "string"
         },
         "impact": {
          "type": "string"
         },
         "category_id": {
          "type": "string"
         },
         "element_id": {
          "type": "string"
         },
         "tier": {
          "type": "integer"
         },
         "agency_id": {
          "type": "string"
         },
         "shared": {
          "type": "boolean"
         },
         "service_id": {
          "type": "string",
          "description": "a service of the Layanan SPBE catalogue; where the profile says so (dinas_services_from_catalogue) its owning PD decides whether a ticket asked of Level 2 is for the Dinas's own service"
         }
        },
        "required": [
         "type",
         "title",
         "urgency",
         "impact"
        ]
       }
      }
     }
    }
   }
  },
  "/api/servicedesk/tickets/{id}": {
   "get": {
    "tags": [
     "Service desk"
    ],
    "summary": "One ticket with its timeline, SLA clocks and the steps the caller may take",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ServiceDeskTicketDetail"
        }
       }
      }
     }
    },
    "description": "Requires: servicedesk.use."
   }
  },
  "/api/servicedesk/tickets/{id}/actions": {
   "post": {
    "tags": [
     "Service desk"
    ],
    "summary": "Move a ticket: assign, start, pend (with reason), resume, resolve (with resolution), close, reopen (within the window)",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ServiceDeskTicketDetail"
        }
       }
      }
     }
    },
    "description": "Requires: servicedesk.use (desk staff of the queue; close and reopen also the requester).",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "action": {
          "type": "string",
          "enum": [
           "assign",
           "start",
           "pend",
           "resume",
           "resolve",
           "close",
           "reopen"
          ]
         },
         "assignee_id": {
          "type": "string"
         },
         "reason": {
          "type": "string"
         },
         "resolution": {
          "type": "string"
         }
        },
        "required": [
         "action"
        ]
       }
      }
     }
    }
   }
  },
  "/api/servicedesk/tickets/{id}/escalate": {
   "post": {
    "tags": [
     "Service desk"
    ],
    "summary": "Level 1 asks Level 2 for a solution; recorded with the region's article",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ServiceDeskTicketDetail"
        }
       }
      }
     }
    },
    "description": "Requires: servicedesk.use (Level 1 staff of the PD).",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "note": {
          "type": "string"
         }
        },
        "required": [
         "note"
        ]
       }
      }
     }
    }
   }
  },
  "/api/servicedesk/tickets/{id}/return": {
   "post": {
    "tags": [
     "Service desk"
    ],
    "summary": "Level 2 returns a ticket to the PD's Level 1 with a note",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ServiceDeskTicketDetail"
        }
       }
      }
     }
    },
    "description": "Requires: servicedesk.use (Level 2 staff).",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "note": {
          "type": "string"
         }
        },
        "required": [
         "note"
        ]
       }
      }
     }
    }
   }
  },
  "/api/servicedesk/tickets/{id}/comments": {
   "post": {
    "tags": [
     "Service desk"
    ],
    "summary": "A public comment, or an internal note for the desk's staff",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ServiceDeskTicketDetail"
        }
       }
      }
     }
    },
    "description": "Requires: servicedesk.use.",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "body": {
          "type": "string"
         },
         "internal": {
          "type": "boolean"
         }
        },
        "required": [
         "body"
        ]
       }
      }
     }
    }
   }
  },
  "/api/servicedesk/tickets/{id}/rating": {
   "post": {
    "tags": [
     "Service desk"
    ],
    "summary": "The requester rates the service (1-5) after resolution",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ServiceDeskTicketDetail"
        }
       }
      }
     }
    },
    "description": "Requires: servicedesk.use (the requester).",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "score": {
          "type": "integer"
         },
         "comment": {
          "type": "string"
         }
        },
        "required": [
         "score"
        ]
       }
      }
     }
    }
   }
  },
  "/api/servicedesk/tickets/{id}/share": {
   "post": {
    "tags": [
     "Service desk"
    ],
    "summary": "Share a ticket with every user of the tenant, or stop sharing it",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ServiceDeskTicketDetail"
        }
       }
      }
     }
    },
    "description": "Requires: servicedesk.use (desk staff of the queue).",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "shared": {
          "type": "boolean"
         }
        },
        "required": [
         "shared"
        ]
       }
      }
     }
    }
   }
  },
  "/api/servicedesk/agents": {
   "get": {
    "tags": [
     "Service desk"
    ],
    "summary": "Desk staff: Level 1 per PD, Level 2 at the Dinas",
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
            "$ref": "#/components/schemas/ServiceDeskAgent"
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
    "description": "Requires: servicedesk.use."
   },
   "post": {
    "tags": [
     "Service desk"
    ],
    "summary": "Appoint a user as Level 1 staff of their PD, or as Level 2 staff (Dinas staff only)",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ServiceDeskAgent"
        }
       }
      }
     }
    },
    "description": "Requires: servicedesk.manage.",
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
         "tier": {
          "type": "integer"
         }
        },
        "required": [
         "user_id",
         "tier"
        ]
       }
      }
     }
    }
   }
  },
  "/api/servicedesk/agents/{id}": {
   "delete": {
    "tags": [
     "Service desk"
    ],
    "summary": "Remove a desk staff member",
    "responses": {
     "204": {
      "description": "removed"
     }
    },
    "description": "Requires: servicedesk.manage."
   }
  },
  "/api/servicedesk/desks": {
   "post": {
    "tags": [
     "Service desk"
    ],
    "summary": "Record a PD's desk: its unit, SOP reference and since when",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ServiceDeskDesk"
        }
       }
      }
     }
    },
    "description": "Requires: servicedesk.manage.",
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
         "unit_name": {
          "type": "string"
         },
         "sop_reference": {
          "type": "string"
         },
         "since": {
          "type": "string"
         }
        },
        "required": [
         "agency_id"
        ]
       }
      }
     }
    }
   }
  },
  "/api/servicedesk/staffing": {
   "get": {
    "tags": [
     "Service desk"
    ],
    "summary": "The staffing board: each PD's desk against the region's requirement",
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
            "$ref": "#/components/schemas/ServiceDeskStaffingRow"
           }
          },
          "tiers": {
           "type": "integer"
          }
         },
         "required": [
          "items",
          "tiers"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: servicedesk.use."
   }
  },
  "/api/servicedesk/categories": {
   "get": {
    "tags": [
     "Service desk"
    ],
    "summary": "The category tree",
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
            "$ref": "#/components/schemas/ServiceDeskCategory"
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
    "description": "Requires: servicedesk.use."
   },
   "post": {
    "tags": [
     "Service desk"
    ],
    "summary": "Add a category (under a parent)",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ServiceDeskCategory"
        }
       }
      }
     }
    },
    "description": "Requires: servicedesk.manage.",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "name": {
          "type": "string"
         },
         "parent_id": {
          "type": "string"
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
  "/api/servicedesk/holidays": {
   "get": {
    "tags": [
     "Service desk"
    ],
    "summary": "Public holidays the SLA clocks skip",
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
            "$ref": "#/components/schemas/ServiceDeskHoliday"
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
    "description": "Requires: servicedesk.use."
   },
   "post": {
    "tags": [
     "Service desk"
    ],
    "summary": "Add or rename a holiday",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ServiceDeskHoliday"
        }
       }
      }
     }
    },
    "description": "Requires: servicedesk.manage.",
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
         "name": {
          "type": "string"
         }
        },
        "required": [
         "date",
         "name"
        ]
       }
      }
     }
    }
   }
  },
  "/api/servicedesk/holidays/{date}": {
   "delete": {
    "tags": [
     "Service desk"
    ],
    "summary": "Remove a holiday",
    "responses": {
     "204": {
      "description": "removed"
     }
    },
    "description": "Requires: servicedesk.manage."
   }
  },
  "/api/servicedesk/reports": {
   "get": {
    "tags": [
     "Service desk"
    ],
    "summary": "Periodic desk reports submitted to the Kominfo PD",
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
            "$ref": "#/components/schemas/ServiceDeskReport"
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
    "description": "Requires: servicedesk.use."
   },
   "post": {
    "tags": [
     "Service desk"
    ],
    "summary": "Submit a PD desk's periodic report (its ticket counts over the period)",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ServiceDeskReport"
        }
       }
      }
     }
    },
    "description": "Requires: servicedesk.use (Level 1 staff of the PD).",
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
         "period_start": {
          "type": "string"
         },
         "period_end": {
          "type": "string"
         }
        },
        "required": [
         "agency_id",
         "period_start",
         "period_end"
        ]
       }
      }
     }
    }
   }
  },
  "/api/servicedesk/statistics": {
   "get": {
    "tags": [
     "Service desk"
    ],
    "summary": "Per PD and tier: opened, resolved, backlog, SLA breaches and breach rate, time to resolve, ratings",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "properties": {
          "from": {
           "type": "string"
          },
          "to": {
           "type": "string"
          },
          "items": {
           "type": "array",
           "items": {
            "$ref": "#/components/schemas/ServiceDeskStatRow"
           }
          }
         },
         "required": [
          "from",
          "to",
          "items"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: servicedesk.supervise.",
    "parameters": [
     {
      "name": "from",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "YYYY-MM-DD, default the first of this month"
     },
     {
      "name": "to",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "YYYY-MM-DD, default today"
     }
    ]
   }
  }
 },
 "components": {
  "schemas": {
   "ServiceDeskTicket": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string"
     },
     "number": {
      "type": "string"
     },
     "agency_id": {
      "type": "string"
     },
     "agency_name": {
      "type": "string"
     },
     "requester_id": {
      "type": "string"
     },
     "requester_name": {
      "type": "string"
     },
     "type": {
      "type": "string"
     },
     "type_label": {
      "type": "string"
     },
     "category_id": {
      "type": "string",
      "nullable": true
     },
     "element_id": {
      "type": "string",
      "nullable": true
     },
     "element_label": {
      "type": "string"
     },
     "title": {
      "type": "string"
     },
     "description": {
      "type": "string"
     },
     "urgency": {
      "type": "string"
     },
     "impact": {
      "type": "string"
     },
     "priority": {
      "type": "string"
     },
     "priority_label": {
      "type": "string"
     },
     "tier": {
      "type": "integer"
     },
     "tier_label": {
      "type": "string"
     },
     "queue_agency_id": {
      "type": "string"
     },
     "queue_agency_name": {
      "type": "string"
     },
     "state": {
      "type": "string",
      "enum": [
       "new",
       "assigned",
       "in_progress",
       "pending",
       "resolved",
       "closed"
      ]
     },
     "state_label": {
      "type": "string"
     },
     "pending_reason": {
      "type": "string"
     },
     "assignee_id": {
      "type": "string",
      "nullable": true
     },
     "assignee_name": {
      "type": "string"
     },
     "shared": {
      "type": "boolean"
     },
     "resolution": {
      "type": "string"
     },
     "rating": {
      "type": "integer",
      "nullable": true
     },
     "rating_comment": {
      "type": "string"
     },
     "created_at": {
      "type": "string"
     },
     "updated_at": {
      "type": "string"
     },
     "resolved_at": {
      "type": "string",
      "nullable": true
     },
     "closed_at": {
      "type": "string",
      "nullable": true
     }
    },
    "required": [
     "id",
     "number",
     "agency_id",
     "type",
     "title",
     "priority",
     "tier",
     "state",
     "created_at"
    ]
   },
   "ServiceDeskTicketDetail": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string"
     },
     "number": {
      "type": "string"
     },
     "agency_id": {
      "type": "string"
     },
     "agency_name": {
      "type": "string"
     },
     "requester_id": {
      "type": "string"
     },
     "requester_name": {
      "type": "string"
     },
     "type": {
      "type": "string"
     },
     "type_label": {
      "type": "string"
     },
     "category_id": {
      "type": "string",
      "nullable": true
     },
     "element_id": {
      "type": "string",
      "nullable": true
     },
     "element_label": {
      "type": "string"
     },
     "title": {
      "type": "string"
     },
     "description": {
      "type": "string"
     },
     "urgency": {
      "type": "string"
     },
     "impact": {
      "type": "string"
     },
     "priority": {
      "type": "string"
     },
     "priority_label": {
      "type": "string"
     },
     "tier": {
      "type": "integer"
     },
     "tier_label": {
      "type": "string"
     },
     "queue_agency_id": {
      "type": "string"
     },
     "queue_agency_name": {
      "type": "string"
     },
     "state": {
      "type": "string",
      "enum": [
       "new",
       "assigned",
       "in_progress",
       "pending",
       "resolved",
       "closed"
      ]
     },
     "state_label": {
      "type": "string"
     },
     "pending_reason": {
      "type": "string"
     },
     "assignee_id": {
      "type": "string",
      "nullable": true
     },
     "assignee_name": {
      "type": "string"
     },
     "shared": {
      "type": "boolean"
     },
     "resolution": {
      "type": "string"
     },
     "rating": {
      "type": "integer",
      "nullable": true
     },
     "rating_comment": {
      "type": "string"
     },
     "created_at": {
      "type": "string"
     },
     "updated_at": {
      "type": "string"
     },
     "resolved_at": {
      "type": "string",
      "nullable": true
     },
     "closed_at": {
      "type": "string",
      "nullable": true
     },
     "events": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/ServiceDeskEvent"
      }
     },
     "actions": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "works": {
      "type": "boolean"
     },
     "sla": {
      "type": "object",
      "properties": {
       "own": {
        "$ref": "#/components/schemas/ServiceDeskSlaClock"
       },
       "resolve": {
        "$ref": "#/components/schemas/ServiceDeskSlaClock"
       },
       "paused": {
        "type": "boolean"
       }
      },
      "required": [
       "own",
       "resolve",
       "paused"
      ]
     },
     "redirected": {
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
    },
    "required": [
     "id",
     "number",
     "agency_id",
     "type",
     "title",
     "priority",
     "tier",
     "state",
     "created_at",
     "events",
     "sla",
     "actions"
    ]
   },
   "ServiceDeskEvent": {
    "type": "object",
    "properties": {
     "seq": {
      "type": "integer"
     },
     "at": {
      "type": "string"
     },
     "kind": {
      "type": "string"
     },
     "from_state": {
      "type": "string"
     },
     "to_state": {
      "type": "string"
     },
     "tier": {
      "type": "integer"
     },
     "body": {
      "type": "string"
     },
     "internal": {
      "type": "boolean"
     },
     "actor_name": {
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
       "id",
       "citation"
      ],
      "nullable": true
     }
    },
    "required": [
     "seq",
     "at",
     "kind"
    ]
   },
   "ServiceDeskSlaClock": {
    "type": "object",
    "properties": {
     "used_minutes": {
      "type": "integer"
     },
     "target_minutes": {
      "type": "integer"
     },
     "running": {
      "type": "boolean"
     },
     "done": {
      "type": "boolean"
     },
     "breached": {
      "type": "boolean"
     }
    },
    "required": [
     "used_minutes",
     "target_minutes",
     "breached"
    ]
   },
   "ServiceDeskAgent": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string"
     },
     "user_id": {
      "type": "string"
     },
     "user_name": {
      "type": "string"
     },
     "agency_id": {
      "type": "string"
     },
     "agency_name": {
      "type": "string"
     },
     "tier": {
      "type": "integer"
     },
     "created_at": {
      "type": "string"
     }
    },
    "required": [
     "id",
     "user_id",
     "tier"
    ]
   },
   "ServiceDeskDesk": {
    "type": "object",
    "properties": {
     "agency_id": {
      "type": "string"
     },
     "unit_name": {
      "type": "string"
     },
     "sop_reference": {
      "type": "string"
     },
     "since": {
      "type": "string"
     }
    },
    "required": [
     "agency_id"
    ]
   },
   "ServiceDeskStaffingRow": {
    "type": "object",
    "properties": {
     "agency_id": {
      "type": "string"
     },
     "agency_name": {
      "type": "string"
     },
     "is_dinas": {
      "type": "boolean"
     },
     "runs_services": {
      "type": "boolean"
     },
     "level1": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/ServiceDeskAgent"
      }
     },
     "level2": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/ServiceDeskAgent"
      }
     },
     "desk": {
      "type": "object",
      "properties": {
       "unit_name": {
        "type": "string"
       },
       "sop_reference": {
        "type": "string"
       },
       "since": {
        "type": "string"
       }
      },
      "nullable": true
     },
     "last_report": {
      "type": "string",
      "nullable": true
     },
     "staffed": {
      "type": "boolean"
     }
    },
    "required": [
     "agency_id",
     "staffed"
    ]
   },
   "ServiceDeskCategory": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string"
     },
     "name": {
      "type": "string"
     },
     "parent_id": {
      "type": "string",
      "nullable": true
     }
    },
    "required": [
     "id",
     "name"
    ]
   },
   "ServiceDeskHoliday": {
    "type": "object",
    "properties": {
     "date": {
      "type": "string"
     },
     "name": {
      "type": "string"
     }
    },
    "required": [
     "date",
     "name"
    ]
   },
   "ServiceDeskReport": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string"
     },
     "agency_id": {
      "type": "string"
     },
     "agency_name": {
      "type": "string"
     },
     "period_start": {
      "type": "string"
     },
     "period_end": {
      "type": "string"
     },
     "submitted_on": {
      "type": "string"
     },
     "submitted_by_name": {
      "type": "string"
     },
     "opened": {
      "type": "integer"
     },
     "resolved": {
      "type": "integer"
     },
     "open_now": {
      "type": "integer"
     }
    },
    "required": [
     "id",
     "agency_id",
     "submitted_on"
    ]
   },
   "ServiceDeskStatRow": {
    "type": "object",
    "properties": {
     "agency_id": {
      "type": "string"
     },
     "agency_name": {
      "type": "string"
     },
     "tier": {
      "type": "integer"
     },
     "opened": {
      "type": "integer"
     },
     "resolved": {
      "type": "integer"
     },
     "backlog": {
      "type": "integer"
     },
     "breached": {
      "type": "integer"
     },
     "breach_rate": {
      "type": "number"
     },
     "avg_resolve_minutes": {
      "type": "integer",
      "nullable": true
     },
     "rated": {
      "type": "integer"
     },
     "avg_rating": {
      "type": "number",
      "nullable": true
     }
    },
    "required": [
     "agency_id",
     "tier",
     "opened",
     "breach_rate"
    ]
   },
   "ServiceDeskOptions": {
    "type": "object",
    "properties": {
     "tiers": {
      "type": "integer"
     },
     "types": {
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
        "name_en": {
         "type": "string"
        }
       },
       "required": [
        "id",
        "name"
       ]
      }
     },
     "types_rule": {
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
     "levels": {
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
        "name_en": {
         "type": "string"
        }
       },
       "required": [
        "id",
        "name"
       ]
      }
     },
     "priorities": {
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
        "name_en": {
         "type": "string"
        },
        "own_minutes": {
         "type": "integer"
        },
        "resolve_minutes": {
         "type": "integer"
        }
       }
      }
     },
     "matrix": {
      "type": "object",
      "additionalProperties": {
       "type": "object",
       "additionalProperties": {
        "type": "string"
       }
      }
     },
     "categories": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/ServiceDeskCategory"
      }
     },
     "holidays": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/ServiceDeskHoliday"
      }
     },
     "working_hours": {
      "type": "string"
     },
     "working_days": {
      "type": "array",
      "items": {
       "type": "integer"
      }
     },
     "reopen_days": {
      "type": "integer"
     },
     "level2_direct_for_dinas_services": {
      "type": "boolean"
     },
     "rules": {
      "type": "object",
      "additionalProperties": {
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
    },
    "required": [
     "tiers",
     "types",
     "priorities",
     "rules"
    ]
   }
  }
 }
})json";
}

}  // namespace simpul::servicedesk
