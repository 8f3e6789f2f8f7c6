#pragma once
// What the compliance engine knows about a tenant: a flat snapshot of objects with text fields and
// sets, built by a loader outside this module (docs/compliance.md, "Facts"). Kinds read fields by
// the names the profile gives, so a new rule instance needs no new code.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace simpul::regulation {

/// One object the rules look at: an application, an architecture document, a service, ...
struct Fact {
  std::string subject;  // application | architecture_document | service | recommendation
  std::string id;
  std::string label;      // shown in findings ("APL-001 SIMPEG")
  std::string agency_id;  // the owner; empty for tenant-wide objects
  std::vector<std::pair<std::string, std::string>> fields;
  std::vector<std::pair<std::string, std::vector<std::string>>> sets;

  /// The field's value, or empty when absent.
  std::string_view field(std::string_view name) const;
  void set_field(std::string name, std::string value);
  const std::vector<std::string>* set(std::string_view name) const;
  bool in_set(std::string_view name, std::string_view item) const;
  void add_to_set(const std::string& name, std::string item);
};

/// The tenant-wide values rules compare against, taken from the profile.
struct TenantFacts {
  std::string domain;                                              // effective domain, e.g. balikpapan.go.id
  std::string email_domain;                                        // effective e-mail domain, or empty
  std::string enacted;                                             // the regulation's enactment date, or empty
  std::vector<std::pair<std::string, std::string>> role_agencies;  // role id -> agency id holding it
  std::vector<std::pair<std::string, std::string>> agency_flags;   // agency id -> one of its flags
  std::string agency_for_role(std::string_view role) const;
  bool agency_has_flag(std::string_view agency_id, std::string_view flag) const;
};

struct Facts {
  TenantFacts tenant;
  std::vector<Fact> objects;
};

}  // namespace simpul::regulation
