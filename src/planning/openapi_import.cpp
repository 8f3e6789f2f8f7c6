// The contract of the RKA-shaped import and of the application candidates (routes_import.cpp).
// PlanningLine is described in openapi.cpp; components are shared by the whole document.
#include <string_view>

#include "planning/routes_import.hpp"

namespace simpul::planning {

std::string_view import_openapi_fragment() {
  return R"json({
  "components": {"schemas": {
    "PlanningRuleRef": {"type": "object", "nullable": true, "additionalProperties": false,
      "properties": {"id": {"type": "string"}, "citation": {"type": "string"}}, "required": ["id", "citation"]},
    "PlanningLineImport": {"type": "object", "additionalProperties": false,
      "properties": {
        "dry_run": {"type": "boolean"},
        "ok": {"type": "boolean"},
        "sheet": {"type": "string"},
        "header_row": {"type": "integer"},
        "lines": {"type": "integer"},
        "headings": {"type": "integer"},
        "total": {"type": "integer"},
        "rows": {"type": "array", "items": {"type": "object", "additionalProperties": false,
          "properties": {
            "row": {"type": "integer"},
            "status": {"type": "string", "enum": ["rincian", "judul", "masalah"]},
            "status_name": {"type": "string"},
            "name": {"type": "string"},
            "account_code": {"type": "string"},
            "volume_text": {"type": "string"},
            "unit_price": {"type": "integer"},
            "total": {"type": "integer"},
            "carried": {"type": "array", "items": {"type": "string"}},
            "checks": {"type": "array", "items": {"type": "object", "additionalProperties": false,
              "properties": {"kind": {"type": "string"}, "kind_name": {"type": "string"}, "message": {"type": "string"},
                             "rule": {"$ref": "#/components/schemas/PlanningRuleRef"}},
              "required": ["kind", "kind_name", "message", "rule"]}}},
          "required": ["row", "status", "status_name", "name", "account_code", "volume_text", "unit_price", "total",
                       "carried", "checks"]}},
        "problems": {"type": "array", "items": {"type": "object", "additionalProperties": false,
          "properties": {"row": {"type": "integer"}, "column": {"type": "string"}, "column_name": {"type": "string"},
                         "message": {"type": "string"}, "rule": {"$ref": "#/components/schemas/PlanningRuleRef"}},
          "required": ["row", "column", "column_name", "message", "rule"]}}},
      "required": ["dry_run", "ok", "sheet", "header_row", "lines", "headings", "total", "rows", "problems"]},
    "PlanningApplicationCandidate": {"type": "object", "additionalProperties": false,
      "properties": {
        "id": {"type": "string"},
        "cycle_id": {"type": "string"},
        "kind": {"type": "string", "enum": ["application"]},
        "score": {"type": "number"},
        "reasons": {"type": "array", "items": {"type": "object", "additionalProperties": false,
          "properties": {"id": {"type": "string"}, "name": {"type": "string"}}, "required": ["id", "name"]}},
        "decision": {"type": "string", "nullable": true, "enum": ["duplikat", "berbeda", null]},
        "decision_name": {"type": "string"},
        "reason": {"type": "string"},
        "decided_by_name": {"type": "string"},
        "decided_at": {"type": "string", "nullable": true},
        "found_at": {"type": "string"},
        "agency_name": {"type": "string"},
        "line": {"$ref": "#/components/schemas/PlanningLine"},
        "application": {"type": "object", "additionalProperties": false,
          "properties": {"id": {"type": "string"}, "code": {"type": "string"}, "name": {"type": "string"},
                         "agency_id": {"type": "string"}, "agency_name": {"type": "string"},
                         "umum": {"type": "boolean"}, "kind_name": {"type": "string"}},
          "required": ["id", "code", "name", "agency_id", "agency_name", "umum", "kind_name"]}},
      "required": ["id", "cycle_id", "kind", "score", "reasons", "decision", "decision_name", "reason",
                   "decided_by_name", "decided_at", "found_at", "agency_name", "line", "application"]},
    "PlanningApplicationCandidatePage": {"type": "object", "additionalProperties": false,
      "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/PlanningApplicationCandidate"}},
                     "total": {"type": "integer"}},
      "required": ["items", "total"]}
  }},
  "paths": {
    "/api/planning/proposals/{id}/lines/import": {"post": {
      "tags": ["Rencana dan Anggaran"],
      "summary": "Import a draft proposal's lines from an RKA-shaped CSV or XLSX (dry run by default; all rows or none)",
      "description": "Requires: planning.propose (own agency: planning.propose.own). Every row is checked with the line rules of the API; a refused row names its column and the article.",
      "parameters": [{"name": "dry_run", "in": "query", "required": false, "schema": {"type": "string", "enum": ["true", "false"]},
                      "description": "true (default) or false"}],
      "requestBody": {"required": true, "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}},
      "responses": {"200": {"description": "success", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PlanningLineImport"}}}}}}},
    "/api/planning/proposals/{id}/lines/import/template.xlsx": {"get": {
      "tags": ["Rencana dan Anggaran"],
      "summary": "The import template: Indonesian headers, an example row naming the proposal's PD, and a guide sheet",
      "description": "Requires: planning.read.",
      "responses": {"200": {"description": "the workbook", "content": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {"schema": {"type": "string", "format": "binary"}}}}}}},
    "/api/planning/cycles/{id}/application-candidates": {"get": {
      "tags": ["Rencana dan Anggaran"],
      "summary": "Submitted lines similar to an Aplikasi Umum or another PD's application, with the application",
      "description": "Requires: planning.read.",
      "responses": {"200": {"description": "success", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PlanningApplicationCandidatePage"}}}}}}},
    "/api/planning/application-candidates/{id}/decision": {"post": {
      "tags": ["Rencana dan Anggaran"],
      "summary": "Mark a line-application candidate duplicate (the line's proposal goes back as a draft) or distinct (with a reason)",
      "description": "Requires: planning.coordinate (the coordinating PD).",
      "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "additionalProperties": false,
        "properties": {"decision": {"type": "string", "enum": ["duplikat", "berbeda"]}, "reason": {"type": "string"}},
        "required": ["decision"]}}}},
      "responses": {"200": {"description": "success", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PlanningApplicationCandidate"}}}}}}}
  }
})json";
}

}  // namespace simpul::planning
