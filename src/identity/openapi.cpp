// The routes of this module as the API contract states them (http/api_description.hpp): request
// and response schemas, summaries and permissions. Registered with the routes; served at
// /api/openapi.json; every answer the API tests receive is checked against it.
#include <string_view>

namespace simpul::identity {

std::string_view openapi_fragment() {
  return R"json({
 "paths": {
  "/api/auth/login": {
   "post": {
    "tags": [
     "Auth"
    ],
    "summary": "Sign in; sets the session cookie and returns the CSRF token",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "additionalProperties": false,
         "properties": {
          "user": {
           "$ref": "#/components/schemas/User"
          },
          "csrf_token": {
           "type": "string"
          },
          "expires_at": {
           "type": "string"
          },
          "tenant": {
           "$ref": "#/components/schemas/Tenant"
          },
          "must_change_password": {
           "type": "boolean"
          }
         },
         "required": [
          "user",
          "csrf_token",
          "expires_at",
          "tenant",
          "must_change_password"
         ]
        }
       }
      }
     }
    },
    "security": [],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
         "tenant": {
          "type": "string"
         },
         "username": {
          "type": "string"
         },
         "password": {
          "type": "string"
         }
        },
        "required": [
         "username",
         "password"
        ]
       }
      }
     }
    }
   }
  },
  "/api/auth/logout": {
   "post": {
    "tags": [
     "Auth"
    ],
    "summary": "Sign out (ends the session)",
    "responses": {
     "204": {
      "description": "success"
     }
    },
    "description": "Requires: session."
   }
  },
  "/api/auth/me": {
   "get": {
    "tags": [
     "Auth"
    ],
    "summary": "The signed-in user, CSRF token and tenant",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "additionalProperties": false,
         "properties": {
          "user": {
           "$ref": "#/components/schemas/User"
          },
          "csrf_token": {
           "type": "string"
          },
          "tenant": {
           "$ref": "#/components/schemas/Tenant"
          },
          "must_change_password": {
           "type": "boolean"
          }
         },
         "required": [
          "user",
          "csrf_token",
          "tenant",
          "must_change_password"
         ]
        }
       }
      }
     }
    },
    "description": "Requires: session."
   }
  },
  "/api/auth/tokens": {
   "get": {
    "tags": [
     "Auth"
    ],
    "summary": "My API tokens",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/ApiToken"
         }
        }
       }
      }
     }
    },
    "description": "Requires: session."
   },
   "post": {
    "tags": [
     "Auth"
    ],
    "summary": "Create an API token (shown once), expiring within the tenant's maximum",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "additionalProperties": false,
         "properties": {
          "id": {
           "type": "string"
          },
          "name": {
           "type": "string"
          },
          "token": {
           "type": "string"
          },
          "created_at": {
           "type": "string"
          },
          "last_used_at": {
           "type": "string"
          },
          "expires_at": {
           "type": "string"
          }
         }
        }
       }
      }
     }
    },
    "description": "Requires: session.",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
         "name": {
          "type": "string"
         },
         "expires_in_days": {
          "type": "integer"
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
  "/api/auth/tokens/{id}": {
   "delete": {
    "tags": [
     "Auth"
    ],
    "summary": "Revoke one of my API tokens",
    "responses": {
     "204": {
      "description": "success"
     }
    },
    "description": "Requires: session."
   }
  },
  "/api/auth/password": {
   "post": {
    "tags": [
     "Auth"
    ],
    "summary": "Change my own password (ends my other sessions and my tokens)",
    "responses": {
     "204": {
      "description": "success"
     }
    },
    "description": "Requires: session.",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
         "current_password": {
          "type": "string"
         },
         "new_password": {
          "type": "string"
         }
        },
        "required": [
         "current_password",
         "new_password"
        ]
       }
      }
     }
    }
   }
  },
  "/api/me": {
   "get": {
    "tags": [
     "Auth"
    ],
    "summary": "My profile (name, e-mail, phone) and whether I must change my password",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/MyProfile"
        }
       }
      }
     }
    },
    "description": "Requires: session."
   },
   "patch": {
    "tags": [
     "Auth"
    ],
    "summary": "Change my name, e-mail or phone (never my roles or agency)",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/MyProfile"
        }
       }
      }
     }
    },
    "description": "Requires: session.",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
         "display_name": {
          "type": "string"
         },
         "email": {
          "type": "string"
         },
         "phone": {
          "type": "string"
         }
        }
       }
      }
     }
    }
   }
  },
  "/api/me/password": {
   "post": {
    "tags": [
     "Auth"
    ],
    "summary": "Change my password: the current one is verified, the policy applied, my other sessions and my tokens end",
    "responses": {
     "204": {
      "description": "success"
     }
    },
    "description": "Requires: session. Wrong current password: auth.invalid_credentials; too short: auth.weak_password.",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
         "current": {
          "type": "string"
         },
         "new": {
          "type": "string"
         }
        },
        "required": [
         "current",
         "new"
        ]
       }
      }
     }
    }
   }
  },
  "/api/auth/reset-request": {
   "post": {
    "tags": [
     "Auth"
    ],
    "summary": "Ask for a password reset link by e-mail; answered alike whether or not the address has an account",
    "responses": {
     "202": {
      "description": "accepted",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "additionalProperties": false,
         "properties": {
          "accepted": {
           "type": "boolean"
          }
         }
        }
       }
      }
     }
    },
    "security": [],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
         "tenant": {
          "type": "string"
         },
         "email": {
          "type": "string"
         }
        },
        "required": [
         "email"
        ]
       }
      }
     }
    }
   }
  },
  "/api/auth/reset": {
   "post": {
    "tags": [
     "Auth"
    ],
    "summary": "Set a new password with the single-use token of a reset e-mail; ends every session and token of the account",
    "responses": {
     "204": {
      "description": "success"
     }
    },
    "security": [],
    "description": "An unknown, used or expired token: auth.invalid_token with details.reason unknown, used or expired.",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
         "token": {
          "type": "string"
         },
         "new": {
          "type": "string"
         }
        },
        "required": [
         "token",
         "new"
        ]
       }
      }
     }
    }
   }
  },
  "/api/tokens": {
   "get": {
    "tags": [
     "Organisation"
    ],
    "summary": "Every live API token of the tenant, with its owner",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "additionalProperties": false,
         "properties": {
          "items": {
           "type": "array",
           "items": {
            "$ref": "#/components/schemas/ApiToken"
           }
          },
          "max_days": {
           "type": "integer"
          }
         }
        }
       }
      }
     }
    },
    "description": "Requires: user.manage."
   }
  },
  "/api/tokens/{id}": {
   "delete": {
    "tags": [
     "Organisation"
    ],
    "summary": "Revoke any API token of the tenant",
    "responses": {
     "204": {
      "description": "success"
     }
    },
    "description": "Requires: user.manage."
   }
  },
  "/api/security-settings": {
   "get": {
    "tags": [
     "Organisation"
    ],
    "summary": "The tenant's security settings",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "additionalProperties": false,
         "properties": {
          "token_max_days": {
           "type": "integer"
          }
         }
        }
       }
      }
     }
    },
    "description": "Requires: user.manage."
   },
   "patch": {
    "tags": [
     "Organisation"
    ],
    "summary": "Change the tenant's token lifetime maximum (1-365 days)",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "additionalProperties": false,
         "properties": {
          "token_max_days": {
           "type": "integer"
          }
         }
        }
       }
      }
     }
    },
    "description": "Requires: user.manage.",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
         "token_max_days": {
          "type": "integer"
         }
        }
       }
      }
     }
    }
   }
  },
  "/api/users/{id}/unlock": {
   "post": {
    "tags": [
     "Organisation"
    ],
    "summary": "Lift the sign-in backoff of an account",
    "responses": {
     "204": {
      "description": "success"
     }
    },
    "description": "Requires: user.manage."
   }
  },
  "/api/role-grants": {
   "get": {
    "tags": [
     "Organisation"
    ],
    "summary": "Role grants waiting for (or given) a second person's decision (filter state)",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "additionalProperties": false,
         "properties": {
          "items": {
           "type": "array",
           "items": {
            "$ref": "#/components/schemas/RoleGrant"
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
    "description": "Requires: user.read."
   }
  },
  "/api/role-grants/{id}/confirm": {
   "post": {
    "tags": [
     "Organisation"
    ],
    "summary": "Confirm a role grant (another approver, not requester or beneficiary)",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/RoleGrant"
        }
       }
      }
     }
    },
    "description": "Requires: session (approver).",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
         "note": {
          "type": "string"
         }
        }
       }
      }
     }
    }
   }
  },
  "/api/role-grants/{id}/refuse": {
   "post": {
    "tags": [
     "Organisation"
    ],
    "summary": "Refuse a role grant",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/RoleGrant"
        }
       }
      }
     }
    },
    "description": "Requires: session (approver).",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
         "note": {
          "type": "string"
         }
        }
       }
      }
     }
    }
   }
  },
  "/api/users": {
   "get": {
    "tags": [
     "Organisation"
    ],
    "summary": "List users",
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
    "description": "Requires: user.read.",
    "parameters": [
     "list-query"
    ]
   },
   "post": {
    "tags": [
     "Organisation"
    ],
    "summary": "Create a user",
    "responses": {
     "201": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/User"
        }
       }
      }
     }
    },
    "description": "Requires: user.manage.",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/UserInput"
       }
      }
     }
    }
   }
  },
  "/api/users/{id}": {
   "get": {
    "tags": [
     "Organisation"
    ],
    "summary": "One user",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/User"
        }
       }
      }
     }
    },
    "description": "Requires: user.read."
   },
   "patch": {
    "tags": [
     "Organisation"
    ],
    "summary": "Change a user (roles, agency, active, password)",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/User"
        }
       }
      }
     }
    },
    "description": "Requires: user.manage.",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/UserInput"
       }
      }
     }
    }
   }
  },
  "/api/roles": {
   "get": {
    "tags": [
     "Organisation"
    ],
    "summary": "The role catalogue",
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
           "description": {
            "type": "object",
            "properties": {
             "en": {
              "type": "string"
             },
             "id": {
              "type": "string"
             }
            },
            "required": [
             "en",
             "id"
            ]
           },
           "id": {
            "type": "string"
           },
           "name": {
            "type": "object",
            "properties": {
             "en": {
              "type": "string"
             },
             "id": {
              "type": "string"
             }
            },
            "required": [
             "en",
             "id"
            ]
           },
           "permissions": {
            "type": "array",
            "items": {
             "type": "string"
            }
           }
          },
          "required": [
           "description",
           "id",
           "name",
           "permissions"
          ]
         }
        }
       }
      }
     }
    },
    "description": "Requires: user.read."
   }
  },
  "/api/permissions": {
   "get": {
    "tags": [
     "Organisation"
    ],
    "summary": "Every permission the modules define, with its labels and default roles",
    "responses": {
     "200": {
      "description": "success",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "type": "object",
          "additionalProperties": false,
          "properties": {
           "id": {
            "type": "string"
           },
           "label": {
            "type": "object",
            "additionalProperties": false,
            "properties": {
             "id": {
              "type": "string"
             },
             "en": {
              "type": "string"
             }
            }
           },
           "roles": {
            "type": "array",
            "items": {
             "type": "string"
            }
           }
          }
         }
        }
       }
      }
     }
    },
    "description": "Requires: user.read."
   }
  }
 },
 "components": {
  "schemas": {
   "User": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
     "id": {
      "type": "string"
     },
     "username": {
      "type": "string"
     },
     "display_name": {
      "type": "string"
     },
     "email": {
      "type": "string"
     },
     "agency_id": {
      "type": "string",
      "nullable": true
     },
     "agency_name": {
      "type": "string"
     },
     "roles": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "pending_roles": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "permissions": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "active": {
      "type": "boolean"
     },
     "must_change_password": {
      "type": "boolean"
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
     "username",
     "display_name",
     "email",
     "agency_id",
     "agency_name",
     "roles",
     "permissions",
     "active",
     "created_at",
     "updated_at"
    ]
   },
   "ApiToken": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
     "id": {
      "type": "string"
     },
     "name": {
      "type": "string"
     },
     "created_at": {
      "type": "string"
     },
     "last_used_at": {
      "type": "string"
     },
     "expires_at": {
      "type": "string",
      "nullable": true
     },
     "owner": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
       "id": {
        "type": "string"
       },
       "display_name": {
        "type": "string"
       },
       "username": {
        "type": "string"
       }
      }
     }
    },
    "required": [
     "created_at",
     "expires_at",
     "id",
     "last_used_at",
     "name"
    ]
   },
   "RoleGrant": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
     "id": {
      "type": "string"
     },
     "user": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
       "id": {
        "type": "string"
       },
       "display_name": {
        "type": "string"
       }
      },
      "required": [
       "display_name",
       "id"
      ]
     },
     "role": {
      "type": "string"
     },
     "role_name": {
      "type": "object",
      "properties": {
       "en": {
        "type": "string"
       },
       "id": {
        "type": "string"
       }
      },
      "required": [
       "en",
       "id"
      ],
      "nullable": true
     },
     "state": {
      "type": "string",
      "enum": [
       "pending",
       "confirmed",
       "refused"
      ]
     },
     "requested_by": {
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
     },
     "requested_at": {
      "type": "string"
     },
     "decided_by": {
      "type": "object",
      "nullable": true,
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
     "decided_at": {
      "type": "string",
      "nullable": true
     },
     "note": {
      "type": "string"
     },
     "can_decide": {
      "type": "boolean"
     }
    },
    "required": [
     "can_decide",
     "decided_at",
     "decided_by",
     "id",
     "note",
     "requested_at",
     "requested_by",
     "role",
     "role_name",
     "state",
     "user"
    ]
   },
   "UserInput": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
     "username": {
      "type": "string"
     },
     "display_name": {
      "type": "string"
     },
     "email": {
      "type": "string"
     },
     "agency_id": {
      "type": "string",
      "nullable": true
     },
     "roles": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "password": {
      "type": "string"
     },
     "active": {
      "type": "boolean"
     },
     "must_change_password": {
      "type": "boolean",
      "description": "Whether the holder must choose a new password at the next sign-in; a password an administrator sets forces it unless this is false"
     }
    }
   },
   "MyProfile": {
    "type": "object",
    "additionalProperties": false,
    "properties": {
     "id": {
      "type": "string"
     },
     "username": {
      "type": "string"
     },
     "display_name": {
      "type": "string"
     },
     "email": {
      "type": "string"
     },
     "phone": {
      "type": "string"
     },
     "agency_id": {
      "type": "string",
      "nullable": true
     },
     "agency_name": {
      "type": "string"
     },
     "roles": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "permissions": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "active": {
      "type": "boolean"
     },
     "must_change_password": {
      "type": "boolean"
     },
     "role_names": {
      "type": "array",
      "items": {
       "type": "object",
       "additionalProperties": false,
       "properties": {
        "id": {
         "type": "string"
        },
        "name": {
         "type": "object",
         "additionalProperties": false,
         "properties": {
          "id": {
           "type": "string"
          },
          "en": {
           "type": "string"
          }
         },
         "required": [
          "id",
          "en"
         ]
        }
       },
       "required": [
        "id",
        "name"
       ]
      }
     },
     "created_at": {
      "type": "string"
     },
     "updated_at": {
      "type": "string"
     }
    },
    "required": [
     "active",
     "agency_id",
     "agency_name",
     "created_at",
     "display_name",
     "email",
     "id",
     "must_change_password",
     "permissions",
     "phone",
     "role_names",
     "roles",
     "updated_at",
     "username"
    ]
   }
  }
 }
})json";
}

}  // namespace simpul::identity
