#pragma once
// Records of the architecture repository and the roadmap (docs/spbe-architecture.md).
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

namespace simpul::architecture {

struct Element {
  std::string id;
  std::string domain;
  std::string code;
  std::string name;
  std::string description;
  int level = 3;
  std::optional<std::string> parent_id;
  std::optional<std::string> reference_code;
  std::string owner_agency_id;
  std::string owner_agency_name;  // joined for display
  std::string owner_agency_code;  // joined for export
  std::string state = "as_is";
  boost::json::object attributes;
  std::string created_at;
  std::string updated_at;
};

/// A partial update or a create request; unset fields keep their value.
struct ElementInput {
  std::optional<std::string> domain, code, name, description, owner_agency_id, state;
  std::optional<int> level;
  std::optional<std::optional<std::string>> parent_id, reference_code;
  std::optional<boost::json::object> attributes;
};

struct ElementFilter {
  std::string domain, state, owner_agency_id, reference_code;
};

struct Relation {
  std::string id;
  std::string source_id;
  std::string type;
  std::string target_id;
  std::string description;
  std::string created_at;
};

/// A relation seen from one element, with the element at the other end.
struct RelationView {
  Relation relation;
  std::string direction;  // "out" | "in"
  Element other;
};

struct Review {
  std::string id;
  std::string document_id;
  std::string date;
  std::vector<std::string> reasons;
  std::string summary;
  std::string outcome;  // tetap | perlu_perubahan
  std::optional<std::string> decree_number;
  std::string recorded_by_name;
  std::string created_at;
};

struct Document {
  std::string id;
  std::string kind;  // arsitektur | peta_rencana | a further kind of the profile (document_kinds.hpp)
  int version = 1;
  std::string title;
  std::string status = "draft";  // draft | approved | superseded
  std::string notes;
  std::optional<std::string> instrument_number, instrument_date;
  int period_start = 0;
  int period_end = 0;
  boost::json::object domain_coordinators;  // domain -> agency id
  boost::json::object parts;                // part kind -> document id (a Rencana Induk's architecture and roadmap)
  std::optional<std::string> approved_at;
  std::string approved_by_name;
  std::int64_t element_count = 0;
  std::int64_t relation_count = 0;
  std::string created_at;
  std::string updated_at;
};

struct InitiativeElement {
  std::string element_id;
  std::string code;
  std::string name;
  std::string domain;
  std::string effect;  // create | change | retire
};

struct Monitoring {
  std::string id;
  int year = 0;
  int progress = 0;
  std::string status;
  std::string note;
  std::string recorded_by_name;
  std::string recorded_at;
};

struct Initiative {
  std::string id;
  std::string code;
  std::string name;
  std::string description;
  std::string category;
  std::string owner_agency_id;
  std::string owner_agency_name;
  int start_year = 0;
  int target_year = 0;
  std::string status = "rencana";  // rencana | berjalan | selesai | tertunda | batal
  std::vector<InitiativeElement> elements;
  std::vector<Monitoring> monitoring;
  std::string created_at;
  std::string updated_at;
};

}  // namespace simpul::architecture
