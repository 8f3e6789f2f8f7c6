// The routes of this module as the API contract states them (http/api_description.hpp): request
// and response schemas, summaries and permissions. Registered with the routes; served at
// /api/openapi.json; every answer the API tests receive is checked against it.
#include <string_view>

namespace simpul::notification {

std::string_view openapi_fragment() {
  return R"json({
 "paths": {
  "/api/notifications": {
   "get": {
    "tags": [
     "Notifications"
    ],
    "summary": "The signed-in user's inbox, newest first, with the unread count",
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
            "$ref": "#/components/schemas/NotificationInboxItem"
           }
          },
          "unread": {
           "type": "integer"
          }
         },
         "required": [
          "items",
          "unread"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: notification.read.",
    "parameters": [
     {
      "name": "unread",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "true: only unread"
     }
    ]
   }
  },
  "/api/notifications/unread": {
   "get": {
    "tags": [
     "Notifications"
    ],
    "summary": "How many notifications the signed-in user has not read (the header badge)",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/NotificationUnread"
        }
       }
      }
     }
    },
    "description": "Requires: notification.read."
   }
  },
  "/api/notifications/{id}/read": {
   "post": {
    "tags": [
     "Notifications"
    ],
    "summary": "Mark one notification read",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/NotificationUnread"
        }
       }
      }
     }
    },
    "description": "Requires: notification.read."
   }
  },
  "/api/notifications/read-all": {
   "post": {
    "tags": [
     "Notifications"
    ],
    "summary": "Mark every notification read",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/NotificationUnread"
        }
       }
      }
     }
    },
    "description": "Requires: notification.read."
   }
  },
  "/api/notifications/outbox": {
   "get": {
    "tags": [
     "Notifications"
    ],
    "summary": "The tenant's e-mail outbox: delivery state, attempts and the last error",
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
            "$ref": "#/components/schemas/NotificationOutboxMail"
           }
          },
          "email_enabled": {
           "type": "boolean"
          }
         },
         "required": [
          "items",
          "email_enabled"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: notification.outbox."
   }
  }
 },
 "components": {
  "schemas": {
   "NotificationInboxItem": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string"
     },
     "title": {
      "type": "string"
     },
     "title_en": {
      "type": "string"
     },
     "body": {
      "type": "string"
     },
     "link": {
      "type": "string"
     },
     "created_at": {
      "type": "string"
     },
     "read": {
      "type": "boolean"
     }
    },
    "required": [
     "id",
     "title",
     "read"
    ]
   },
   "NotificationOutboxMail": {
    "type": "object",
    "properties": {
     "id": {
      "type": "string"
     },
     "recipient": {
      "type": "string"
     },
     "subject": {
      "type": "string"
     },
     "state": {
      "type": "string",
      "enum": [
       "queued",
       "sent",
       "failed"
      ]
     },
     "attempts": {
      "type": "integer"
     },
     "next_attempt_at": {
      "type": "string"
     },
     "last_error": {
      "type": "string"
     },
     "created_at": {
      "type": "string"
     },
     "sent_at": {
      "type": "string",
      "nullable": true
     }
    },
    "required": [
     "id",
     "state",
     "attempts"
    ]
   },
   "NotificationUnread": {
    "type": "object",
    "properties": {
     "unread": {
      "type": "integer"
     }
    },
    "required": [
     "unread"
    ]
   }
  }
 }
})json";
}

}  // namespace simpul::notification
