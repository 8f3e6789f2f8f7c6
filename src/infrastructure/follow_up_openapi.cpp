// The evaluation PDF and the Pusat Data service review routes as the API contract states them
// (http/api_description.hpp); every answer the API tests receive is checked against it.
#include <string_view>

#include "infrastructure/follow_up.hpp"

namespace simpul::infrastructure {

std::string_view follow_up_openapi_fragment() {
  return R"json({
 "paths": {
  "/api/infrastructure/bandwidth/evaluations/{id}/evaluation.pdf": {
   "get": {
    "tags": ["Infrastructure"],
    "summary": "The monthly evaluation as a PDF for the Tim Koordinasi: readings per PD, verdicts with their recommendation, the article, the acknowledgement (local time)",
    "description": "Requires: infrastructure.read. Always downloaded as an attachment.",
    "responses": {"200": {"description": "success"}}
   }
  },
  "/api/infrastructure/service-review": {
   "get": {
    "tags": ["Infrastructure"],
    "summary": "The yearly Pusat Data service review: the article allowing it ('dapat', a reminder and never a finding), this year's reminder and the reviews held",
    "description": "Requires: infrastructure.read.",
    "responses": {
     "200": {
      "description": "success",
      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/InfraServiceReviewStatus"}}}
     }
    }
   }
  },
  "/api/infrastructure/service-review/reviews": {
   "post": {
    "tags": ["Infrastructure"],
    "summary": "A member of the reviewing team (Tim Koordinasi) records a review it held",
    "description": "Requires: infrastructure.read and membership of the reviewing team (auth.forbidden citing the article otherwise).",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {"reviewed_on": {"type": "string"}, "summary": {"type": "string"}},
        "required": ["reviewed_on", "summary"]
       }
      }
     }
    },
    "responses": {
     "201": {
      "description": "created",
      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/InfraServiceReview"}}}
     }
    }
   }
  }
 },
 "components": {
  "schemas": {
   "InfraServiceReview": {
    "type": "object",
    "properties": {
     "id": {"type": "string"},
     "reviewed_on": {"type": "string"},
     "summary": {"type": "string"},
     "recorded_by_name": {"type": "string"},
     "recorded_at": {"type": "string"}
    },
    "required": ["id", "reviewed_on", "summary", "recorded_by_name", "recorded_at"]
   },
   "InfraServiceReviewStatus": {
    "type": "object",
    "properties": {
     "rule": {
      "type": "object",
      "nullable": true,
      "properties": {"id": {"type": "string"}, "citation": {"type": "string"}},
      "required": ["id", "citation"]
     },
     "discretionary": {"type": "boolean"},
     "team": {"type": "string"},
     "team_name": {"type": "string"},
     "year": {"type": "string"},
     "reviewed_this_year": {"type": "boolean"},
     "reminded_at": {"type": "string", "nullable": true},
     "recipients": {"type": "integer"},
     "reviews": {"type": "array", "items": {"$ref": "#/components/schemas/InfraServiceReview"}}
    },
    "required": ["rule", "discretionary", "team", "team_name", "year", "reviewed_this_year", "reminded_at", "recipients", "reviews"]
   }
  }
 }
})json";
}

}  // namespace simpul::infrastructure
