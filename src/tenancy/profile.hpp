#pragma once
// A regulation profile: one Pemda's SPBE regulation as data (see docs/profile-format.md).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

namespace simpul::tenancy {

struct EnumItem {
  std::string id;
  std::string name;
};

struct Enumeration {
  std::string rule;
  std::vector<EnumItem> items;
  bool contains(const std::string& id) const;
};

struct RoleSpec {
  std::string id;
  std::string name;
  std::string term;
  std::optional<std::string> agency_flag;
  std::optional<std::string> rule;
};

struct TeamPosition {
  std::string id;
  std::string name;
  std::optional<std::string> holder;
  int min = 0;
  std::optional<int> max;
  std::optional<std::string> rule;
  std::vector<std::string> duties;
};

struct TeamSpec {
  std::string id;
  std::string name;
  std::optional<std::string> instrument;
  std::optional<std::string> rule;
  bool optional = false;
  std::vector<TeamPosition> positions;
  const TeamPosition* position(const std::string& id) const;
};

struct Chapter {
  std::string id;
  std::string title;
  int first_article = 0;
  int last_article = 0;
};

struct RuleInstance {
  std::string id;
  std::string citation;
  int article = 0;
  std::string chapter;
  std::string kind;
  std::string checkable;
};

struct DomainSpec {
  std::string literal;
  std::string effective;
  std::optional<std::string> rule;
};

struct Profile {
  std::string id;
  int version = 1;
  std::string rule_prefix;
  std::string region_type;  // kota | kabupaten
  std::string region_name;
  std::string head_title;
  std::string regulation_instrument;
  std::optional<std::string> regulation_number;
  std::optional<int> regulation_year;
  std::string regulation_title;
  DomainSpec domain;
  std::optional<DomainSpec> email_domain;
  std::vector<RoleSpec> roles;
  std::vector<TeamSpec> teams;
  std::vector<Chapter> chapters;
  std::map<std::string, Enumeration> enumerations;
  std::vector<RuleInstance> rules;
  boost::json::object document;  // the whole file as JSON, served by GET /api/profiles/{id}
  std::string source_path;

  const RuleInstance* rule(const std::string& id) const;
  const TeamSpec* team(const std::string& id) const;
  const Enumeration* enumeration(const std::string& name) const;
  /// True when some organisational role of the regulation is held by agencies with this flag.
  bool recognises_agency_flag(const std::string& flag) const;
  /// "Peraturan Wali Kota Nomor 31 Tahun 2020" (with 'Nomor …' omitted when unknown).
  std::string regulation_label() const;
};

}  // namespace simpul::tenancy
