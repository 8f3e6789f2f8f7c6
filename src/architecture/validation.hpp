#pragma once
// The rules an element and a relation must satisfy, shared by the API and the importer so that a
// spreadsheet row is refused for exactly the reasons a form would be.
#include "architecture/model.hpp"
#include "architecture/reference.hpp"
#include "core/context.hpp"
#include "storage/database.hpp"
#include "tenancy/profile.hpp"

namespace simpul::architecture {

class Validator {
 public:
  Validator(storage::Connection& c, const Scope& s, const tenancy::Profile& profile, const ReferenceArchitecture& reference)
      : c_(c), s_(s), profile_(profile), reference_(reference) {}

  /// Normalises the code (upper case) and throws a catalogue Error for the first problem found.
  /// `allow_read_only` lets the owning module set attributes the API may not.
  void element(Element& e, bool allow_read_only = false) const;
  /// Source and target must exist in the tenant and the type must join their domains.
  void relation(const Relation& r, const Element& source, const Element& target) const;

 private:
  void attributes(const Element& e, bool allow_read_only) const;
  storage::Connection& c_;
  const Scope& s_;
  const tenancy::Profile& profile_;
  const ReferenceArchitecture& reference_;
};

}  // namespace simpul::architecture
