// The import and export routes of this module as the API contract states them
// (http/api_description.hpp), apart from openapi.cpp because that file is large.
#include <string_view>

namespace simpul::architecture {

std::string_view openapi_transfer_fragment() {
  return R"json({
 "paths": {
  "/api/architecture/import": {
   "post": {
    "tags": ["Architecture"],
    "summary": "Import elements and relations from CSV, XLSX or ArchiMate Open Exchange (?dry_run=true|false, default true; ?kind=elements|relations for CSV, else told by the header); raw file body. Headers and values in Indonesian or English, any case; agencies by code, short name or full name; every problem of every row in one pass",
    "description": "Requires: architecture.write. A real run with problems answers 422 import.has_problems with the same result in error.details; a run that changes nothing writes nothing.",
    "responses": {
     "200": {
      "description": "success",
      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ArchitectureImportResult"}}}
     }
    }
   }
  },
  "/api/architecture/export.xlsx": {
   "get": {
    "tags": ["Architecture"],
    "summary": "The model as an XLSX workbook: sheets Elemen and Relasi with Indonesian headers and labels (they import back unchanged), Pilihan (allowed values) and Petunjuk (what each column holds); attachment",
    "description": "Requires: architecture.read.",
    "responses": {"200": {"description": "success"}}
   }
  },
  "/api/architecture/export.csv": {
   "get": {
    "tags": ["Architecture"],
    "summary": "The elements (?kind=elements, default) or relations (?kind=relations) as CSV, UTF-8 with BOM, separated by ';' (?separator=semicolon, default: Excel with Indonesian regional settings) or ',' (?separator=comma); attachment",
    "description": "Requires: architecture.read.",
    "responses": {"200": {"description": "success"}}
   }
  },
  "/api/architecture/import/template.xlsx": {
   "get": {
    "tags": ["Architecture"],
    "summary": "The empty import template: sheets Elemen and Relasi (Indonesian headers), Pilihan (allowed values from the tenant's profile, agencies and the national reference) and Petunjuk; attachment",
    "description": "Requires: architecture.read.",
    "responses": {"200": {"description": "success"}}
   }
  },
  "/api/architecture/import/template.csv": {
   "get": {
    "tags": ["Architecture"],
    "summary": "The header row of the element (?kind=elements, default) or relation (?kind=relations) import as CSV, UTF-8 with BOM, ';' (default) or ',' (?separator=comma); attachment",
    "description": "Requires: architecture.read.",
    "responses": {"200": {"description": "success"}}
   }
  },
  "/api/architecture/import/allowed-values.csv": {
   "get": {
    "tags": ["Architecture"],
    "summary": "The allowed values of every import column (the template's sheet Pilihan) as CSV: column, what to write, also accepted, note; ';' (default) or ',' (?separator=comma); attachment",
    "description": "Requires: architecture.read.",
    "responses": {"200": {"description": "success"}}
   }
  },
  "/api/architecture/export.xml": {
   "get": {
    "tags": ["Architecture"],
    "summary": "The model as an ArchiMate Open Exchange file; attachment",
    "description": "Requires: architecture.read.",
    "responses": {"200": {"description": "success"}}
   }
  }
 },
 "components": {
  "schemas": {
   "ArchitectureImportResult": {
    "type": "object",
    "additionalProperties": false,
    "required": ["dry_run", "ok", "rows", "skipped", "elements_created", "elements_updated", "elements_unchanged",
                 "relations_created", "relations_unchanged", "problems"],
    "properties": {
     "dry_run": {"type": "boolean"},
     "ok": {"type": "boolean", "description": "no problem was found"},
     "rows": {"type": "integer", "description": "data rows of the file, whatever their problems"},
     "skipped": {"type": "integer", "description": "ArchiMate content with no SPBE counterpart"},
     "elements_created": {"type": "integer"},
     "elements_updated": {"type": "integer", "description": "existing elements the file changes"},
     "elements_unchanged": {"type": "integer", "description": "existing elements the file states as they are"},
     "relations_created": {"type": "integer"},
     "relations_unchanged": {"type": "integer", "description": "relations that exist already"},
     "problems": {
      "type": "array",
      "items": {
       "type": "object",
       "additionalProperties": false,
       "required": ["sheet", "row", "column", "message", "hint", "message_en", "hint_en"],
       "properties": {
        "sheet": {"type": "string"},
        "row": {"type": "integer", "description": "spreadsheet row (the header is row 1)"},
        "column": {"type": "string", "description": "the column header as the file writes it"},
        "message": {"type": "string", "description": "Indonesian: what is wrong"},
        "hint": {"type": "string", "description": "Indonesian: what to write instead"},
        "message_en": {"type": "string"},
        "hint_en": {"type": "string"}
       }
      }
     }
    }
   }
  }
 }
})json";
}

}  // namespace simpul::architecture
