// The Layanan SPBE catalogue routes as the API contract states them (see openapi.cpp).
#include <string_view>

namespace simpul::servicedesk {

std::string_view openapi_catalogue_fragment() {
  return R"json({
 "paths": {
  "/api/servicedesk/services": {
   "get": {
    "tags": ["Service desk"],
    "summary": "The Layanan SPBE catalogue: the services the desk offers, by code",
    "description": "Requires: servicedesk.use.",
    "responses": {
     "200": {"description": "success", "content": {"application/json": {"schema": {
      "type": "object",
      "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/ServiceDeskService"}}},
      "required": ["items"]}}}}
    }
   },
   "post": {
    "tags": ["Service desk"],
    "summary": "Add a service to the catalogue (code unique in the tenant: servicedesk.service_exists)",
    "description": "Requires: servicedesk.manage.",
    "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ServiceDeskServiceInput"}}}},
    "responses": {
     "201": {"description": "created", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ServiceDeskService"}}}}
    }
   }
  },
  "/api/servicedesk/services/{id}": {
   "get": {
    "tags": ["Service desk"],
    "summary": "One service of the catalogue",
    "description": "Requires: servicedesk.use.",
    "responses": {
     "200": {"description": "success", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ServiceDeskService"}}}}
    }
   },
   "patch": {
    "tags": ["Service desk"],
    "summary": "Change a service; fields left out keep their value, element_ids replaces the list",
    "description": "Requires: servicedesk.manage.",
    "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ServiceDeskServiceInput"}}}},
    "responses": {
     "200": {"description": "success", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ServiceDeskService"}}}}
    }
   },
   "delete": {
    "tags": ["Service desk"],
    "summary": "Remove a service from the catalogue",
    "description": "Requires: servicedesk.manage.",
    "responses": {"204": {"description": "removed"}}
   }
  }
 },
 "components": {
  "schemas": {
   "ServiceDeskService": {
    "type": "object",
    "properties": {
     "id": {"type": "string"},
     "code": {"type": "string"},
     "name": {"type": "string"},
     "name_en": {"type": "string"},
     "agency_id": {"type": "string"},
     "agency_name": {"type": "string"},
     "sla_class": {"type": "string", "description": "a priority of the region's profile: its SLA targets"},
     "sla_class_label": {"type": "string"},
     "element_ids": {"type": "array", "items": {"type": "string"}},
     "element_labels": {"type": "array", "items": {"type": "string"}},
     "created_at": {"type": "string"},
     "updated_at": {"type": "string"}
    },
    "required": ["id", "code", "name", "name_en", "agency_id", "agency_name", "sla_class", "sla_class_label", "element_ids", "element_labels", "created_at", "updated_at"]
   },
   "ServiceDeskServiceInput": {
    "type": "object",
    "properties": {
     "code": {"type": "string"},
     "name": {"type": "string"},
     "name_en": {"type": "string"},
     "agency_id": {"type": "string", "description": "the owning PD"},
     "sla_class": {"type": "string"},
     "element_ids": {"type": "array", "items": {"type": "string"}, "description": "application, infrastructure or service elements it runs on"}
    }
   }
  }
 }
})json";
}

}  // namespace simpul::servicedesk
