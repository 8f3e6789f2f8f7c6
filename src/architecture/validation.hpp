#pragma once
// The rules an element and a relation must satisfy, shared by the API and the importer so that a
// spreadsheet row is refused for exactly the reasons a form would be.
#include "architecture/model.hpp"
#include "architecture/reference.hpp"
#include "core/context.hpp"
#include "storage/database.hpp"
#include "tenancy/profile.hpp"

namespace simpul::tenancy {
class Service;
}

namespace simpul::architecture {

/// An element or initiative code in upper case; refused unless 1-40 of A-Z 0-9 . - _.
std::string normalised_code(std::string_view code);

/// The facts a validation looks up. The API asks the database; a bulk import answers from memory
/// what it loaded once, so 25,000 rows cost a few statements instead of 100,000.
class Lookup {
 public:
  virtual ~Lookup() = default;
  virtual std::optional<Element> element(const std::string& id) = 0;
  virtual std::optional<Element> element_by_code(const std::string& code) = 0;
  virtual bool agency_exists(const std::string& id) = 0;
  virtual bool relation_exists(const std::string& source, const std::string& type, const std::string& target) = 0;
};

/// Elements and relations from this module's tables, agencies through the tenancy module's read port.
class DatabaseLookup : public Lookup {
 public:
  DatabaseLookup(storage::Connection& c, const Scope& s, const tenancy::Service& tenancy)
      : c_(c), s_(s), tenancy_(tenancy) {}
  std::optional<Element> element(const std::string& id) override;
  std::optional<Element> element_by_code(const std::string& code) override;
  bool agency_exists(const std::string& id) override;
  bool relation_exists(const std::string& source, const std::string& type, const std::string& target) override;

 private:
  storage::Connection& c_;
  const Scope& s_;
  const tenancy::Service& tenancy_;
};

class Validator {
 public:
  Validator(Lookup& lookup, const tenancy::Profile& profile, const ReferenceArchitecture& reference)
      : lookup_(lookup), profile_(profile), reference_(reference) {}

  /// Normalises the code (upper case) and throws a catalogue Error for the first problem found.
  /// `allow_read_only` lets the owning module set attributes the API may not.
  void element(Element& e, bool allow_read_only = false) const;
  /// Source and target must exist in the tenant and the type must join their domains.
  void relation(const Relation& r, const Element& source, const Element& target) const;

 private:
  void attributes(const Element& e, bool allow_read_only) const;
  Lookup& lookup_;
  const tenancy::Profile& profile_;
  const ReferenceArchitecture& reference_;
};

}  // namespace simpul::architecture
