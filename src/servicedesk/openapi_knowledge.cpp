// The knowledge base, attachments and bulk routes as the API contract states them (see openapi.cpp).
#include <string_view>

namespace simpul::servicedesk {

std::string_view openapi_knowledge_fragment() {
  return R"json({
 "paths": {
  "/api/servicedesk/articles": {
   "get": {
    "tags": [
     "Service desk"
    ],
    "summary": "Knowledge base articles the caller may read (technicians: all; other staff: public), searched in title and body (?q=, ?category=)",
    "description": "Requires: servicedesk.use.",
    "parameters": [
     "list-query",
     {
      "name": "category",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "a category id"
     }
    ],
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
            "$ref": "#/components/schemas/ServiceDeskArticle"
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
    }
   },
   "post": {
    "tags": [
     "Service desk"
    ],
    "summary": "Write an article (desk staff); with ticket_id from a resolved ticket, whose problem and resolution are the default body",
    "description": "Requires: servicedesk.use and being desk staff, a manager or a supervisor.",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/ServiceDeskArticleInput"
       }
      }
     }
    },
    "responses": {
     "201": {
      "description": "created",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ServiceDeskArticle"
        }
       }
      }
     }
    }
   }
  },
  "/api/servicedesk/articles/{id}": {
   "get": {
    "tags": [
     "Service desk"
    ],
    "summary": "One article (an article for technicians answers 404 to other staff)",
    "description": "Requires: servicedesk.use.",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ServiceDeskArticle"
        }
       }
      }
     }
    }
   },
   "patch": {
    "tags": [
     "Service desk"
    ],
    "summary": "Edit an article (desk staff): title, body, category and visibility, all given",
    "description": "Requires: servicedesk.use and being desk staff, a manager or a supervisor.",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/ServiceDeskArticleInput"
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
         "$ref": "#/components/schemas/ServiceDeskArticle"
        }
       }
      }
     }
    }
   }
  },
  "/api/servicedesk/tickets/{id}/attachments": {
   "get": {
    "tags": [
     "Service desk"
    ],
    "summary": "The ticket's attachments",
    "description": "Requires: servicedesk.use and seeing the ticket.",
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
            "$ref": "#/components/schemas/ServiceDeskAttachment"
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
    }
   },
   "post": {
    "tags": [
     "Service desk"
    ],
    "summary": "Attach a file: raw body (PDF, PNG, JPEG, GIF, plain text or an Office document, checked by content, at most 5 MB), ?filename=",
    "description": "Requires: servicedesk.use and being the requester or staff of the queue holding the ticket.",
    "parameters": [
     {
      "name": "filename",
      "in": "query",
      "required": true,
      "schema": {
       "type": "string"
      }
     }
    ],
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
    "responses": {
     "201": {
      "description": "created",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/ServiceDeskAttachment"
        }
       }
      }
     }
    }
   }
  },
  "/api/servicedesk/attachments/{id}/content": {
   "get": {
    "tags": [
     "Service desk"
    ],
    "summary": "Download an attachment (always as an attachment, nosniff)",
    "description": "Requires: servicedesk.use and seeing the ticket.",
    "responses": {
     "200": {
      "description": "success"
     }
    }
   }
  },
  "/api/servicedesk/tickets/bulk": {
   "post": {
    "tags": [
     "Service desk"
    ],
    "summary": "The same step (assign, start, pend, resume, resolve, close) on up to 100 tickets, each authorized on its own; the outcome per ticket",
    "description": "Requires: servicedesk.use; each ticket needs staff of its queue.",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "ids": {
          "type": "array",
          "items": {
           "type": "string"
          }
         },
         "action": {
          "type": "string"
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
         "ids",
         "action"
        ]
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
          "items": {
           "type": "array",
           "items": {
            "type": "object",
            "properties": {
             "id": {
              "type": "string"
             },
             "status": {
              "type": "integer"
             },
             "code": {
              "type": "string",
              "nullable": true
             }
            },
            "required": [
             "id",
             "status",
             "code"
            ]
           }
          },
          "done": {
           "type": "integer"
          },
          "refused": {
           "type": "integer"
          }
         },
         "required": [
          "items",
          "done",
          "refused"
         ]
        }
       }
      }
     }
    }
   }
  }
 },
 "components": {
  "schemas": {
   "ServiceDeskArticle": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string"
     },
     "title": {
      "type": "string"
     },
     "body": {
      "type": "string",
      "description": "Markdown"
     },
     "category_id": {
      "type": "string",
      "nullable": true
     },
     "category_name": {
      "type": "string"
     },
     "visibility": {
      "type": "string",
      "enum": [
       "public",
       "technicians"
      ]
     },
     "visibility_label": {
      "type": "string"
     },
     "ticket_id": {
      "type": "string",
      "nullable": true
     },
     "ticket_number": {
      "type": "string"
     },
     "author_name": {
      "type": "string"
     },
     "created_at": {
      "type": "string"
     },
     "updated_at": {
      "type": "string"
     }
    },
    "required": [
     "id",
     "title",
     "body",
     "category_id",
     "category_name",
     "visibility",
     "visibility_label",
     "ticket_id",
     "ticket_number",
     "author_name",
     "created_at",
     "updated_at"
    ]
   },
   "ServiceDeskArticleInput": {
    "type": "object",
    "properties": {
     "title": {
      "type": "string"
     },
     "body": {
      "type": "string"
     },
     "category_id": {
      "type": "string"
     },
     "visibility": {
      "type": "string",
      "enum": [
       "public",
       "technicians"
      ]
     },
     "ticket_id": {
      "type": "string",
      "description": "POST only: a resolved ticket to write the article from"
     }
    }
   },
   "ServiceDeskAttachment": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string"
     },
     "ticket_id": {
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
     }
    },
    "required": [
     "id",
     "ticket_id",
     "filename",
     "content_type",
     "size",
     "sha256",
     "uploaded_by_name",
     "uploaded_at"
    ]
   }
  }
 }
})json";
}

}  // namespace simpul::servicedesk
