// The monitoring key and alert routes as the API contract states them (see openapi.cpp).
#include <string_view>

namespace simpul::servicedesk {

std::string_view openapi_monitoring_fragment() {
  return R"json({
 "paths": {
  "/api/servicedesk/monitoring-key": {
   "get": {
    "tags": ["Service desk"],
    "summary": "Whether the tenant has a monitoring key, named by its first characters (never the key)",
    "description": "Requires: servicedesk.manage.",
    "responses": {
     "200": {"description": "success", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ServiceDeskMonitoringKey"}}}}
    }
   },
   "post": {
    "tags": ["Service desk"],
    "summary": "Create or rotate the tenant's monitoring key; the key is in this answer only, and the previous key stops working",
    "description": "Requires: servicedesk.manage.",
    "responses": {
     "201": {"description": "created", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ServiceDeskIssuedMonitoringKey"}}}}
    }
   },
   "delete": {
    "tags": ["Service desk"],
    "summary": "Revoke the tenant's monitoring key (alerts are refused until a new one is created)",
    "description": "Requires: servicedesk.manage.",
    "responses": {"204": {"description": "revoked"}}
   }
  },
  "/api/servicedesk/alerts": {
   "post": {
    "tags": ["Service desk"],
    "summary": "An alert from a monitoring system: opens a gangguan ticket for the element's owning PD, or adds to the one an earlier alert opened while it is open; status resolved notes recovery on it",
    "description": "Authenticated by the tenant's monitoring key in X-Monitoring-Key, not a session (servicedesk.monitoring_key_invalid, 401). An element code the architecture does not know (or not an application, infrastructure or service element) is servicedesk.alert_element_not_found (422).",
    "security": [],
    "parameters": [
     {"name": "X-Monitoring-Key", "in": "header", "required": true, "schema": {"type": "string"}, "description": "the tenant's monitoring key"}
    ],
    "requestBody": {
     "required": true,
     "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ServiceDeskAlertInput"}}}
    },
    "responses": {
     "201": {"description": "a ticket was opened", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ServiceDeskAlertOutcome"}}}},
     "200": {"description": "added to or noted on the open ticket, or nothing to note", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ServiceDeskAlertOutcome"}}}}
    }
   }
  }
 },
 "components": {
  "schemas": {
   "ServiceDeskMonitoringKey": {
    "type": "object",
    "properties": {
     "configured": {"type": "boolean"},
     "prefix": {"type": "string", "nullable": true},
     "created_at": {"type": "string", "nullable": true},
     "created_by_name": {"type": "string", "nullable": true}
    },
    "required": ["configured", "prefix", "created_at", "created_by_name"]
   },
   "ServiceDeskIssuedMonitoringKey": {
    "type": "object",
    "properties": {
     "configured": {"type": "boolean"},
     "prefix": {"type": "string", "nullable": true},
     "created_at": {"type": "string", "nullable": true},
     "created_by_name": {"type": "string", "nullable": true},
     "key": {"type": "string"}
    },
    "required": ["configured", "prefix", "created_at", "created_by_name", "key"]
   },
   "ServiceDeskAlertInput": {
    "type": "object",
    "properties": {
     "element_code": {"type": "string", "description": "the code of an application, infrastructure or service element"},
     "severity": {"type": "string", "enum": ["critical", "major", "warning", "minor"]},
     "summary": {"type": "string"},
     "status": {"type": "string", "enum": ["firing", "resolved"], "description": "firing (the default) or resolved"}
    },
    "required": ["element_code", "severity", "summary"]
   },
   "ServiceDeskAlertOutcome": {
    "type": "object",
    "properties": {
     "outcome": {"type": "string", "enum": ["opened", "added", "recovered", "no_open_ticket"]},
     "ticket_id": {"type": "string", "nullable": true},
     "ticket_number": {"type": "string", "nullable": true}
    },
    "required": ["outcome", "ticket_id", "ticket_number"]
   }
  }
 }
})json";
}

}  // namespace simpul::servicedesk
