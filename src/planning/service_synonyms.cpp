// The synonym list the Dinas maintains for the duplicate finder (laptop / notebook, presensi /
// absensi): each change one ledger entry in the transaction that re-normalises the lines.
#include <stdexcept>

#include "planning/duplicates/normalize.hpp"
#include "planning/errors.hpp"
#include "planning/service.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::planning {

std::vector<duplicates::Synonym> Service::synonyms(const Scope& s) const {
  return storage::read(db_, [&](storage::Connection& c) { return duplicates::synonyms(c, s.tenant_id); });
}

duplicates::Synonym Service::add_synonym(const Scope& s, const std::string& term, const std::string& canonical,
                                         const Actor& actor) {
  duplicates::Synonym entry{duplicates::fold(term), duplicates::fold(canonical)};
  if (entry.term.empty())
    throw Error(ErrorCode::ValidationInvalidValue, {{"field", "term"}, {"reason", "needs a letter or digit"}});
  if (entry.canonical.empty())
    throw Error(ErrorCode::ValidationInvalidValue, {{"field", "canonical"}, {"reason", "needs a letter or digit"}});
  if (entry.term == entry.canonical)
    throw Error(ErrorCode::ValidationInvalidValue, {{"field", "canonical"}, {"reason", "the same as the term"}});
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    try {
      duplicates::add_synonym(c, s.tenant_id, entry);
    } catch (const std::invalid_argument&) {
      throw Error(ErrorCode::ValidationInvalidValue, {{"field", "canonical"}});
    }
    ledger_.append(c, ledger::change_in(s, actor, "planning.synonym_add", "planning_synonym", entry.term,
                                        {{"term", entry.term}, {"canonical", entry.canonical}}));
    return entry;
  });
}

void Service::remove_synonym(const Scope& s, const std::string& term, const Actor& actor) {
  auto folded = duplicates::fold(term);
  storage::write_transaction(db_, [&](storage::Connection& c) {
    bool known = false;
    for (const auto& x : duplicates::synonyms(c, s.tenant_id)) known = known || x.term == folded;
    if (folded.empty() || !known) throw Error(ErrorCode::PlanSynonymNotFound, {{"term", term}});
    duplicates::remove_synonym(c, s.tenant_id, folded);
    ledger_.append(
        c, ledger::change_in(s, actor, "planning.synonym_remove", "planning_synonym", folded, {{"term", folded}}));
  });
}

}  // namespace simpul::planning
