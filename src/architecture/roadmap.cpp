#include "architecture/roadmap.hpp"

#include <algorithm>
#include <set>

#include "architecture/document_repository.hpp"
#include "architecture/json.hpp"
#include "architecture/repository.hpp"
#include "architecture/validation.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "storage/storage_error.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::architecture {

const std::vector<std::string_view> kInitiativeStatuses = {"rencana", "berjalan", "selesai", "tertunda", "batal"};

namespace {

boost::json::object summary(const Initiative& i) {
  boost::json::array elements;
  for (const auto& e : i.elements) elements.push_back(to_json(e));
  return {{"code", i.code},
          {"name", i.name},
          {"category", i.category},
          {"owner_agency_id", i.owner_agency_id},
          {"start_year", i.start_year},
          {"target_year", i.target_year},
          {"status", i.status},
          {"elements", elements}};
}

ledger::Change change(const Scope& s, const Actor& a, std::string action, const std::string& id,
                      boost::json::object details) {
  return ledger::change_in(s, a, std::move(action), "initiative", id, std::move(details));
}

bool valid_status(const std::string& s) {
  return std::find(kInitiativeStatuses.begin(), kInitiativeStatuses.end(), s) != kInitiativeStatuses.end();
}

void apply(Initiative& i, const InitiativeInput& in) {
  if (in.code) i.code = *in.code;
  if (in.name) i.name = *in.name;
  if (in.description) i.description = *in.description;
  if (in.category) i.category = *in.category;
  if (in.owner_agency_id) i.owner_agency_id = *in.owner_agency_id;
  if (in.status) i.status = *in.status;
  if (in.start_year) i.start_year = *in.start_year;
  if (in.target_year) i.target_year = *in.target_year;
  if (in.elements) i.elements = *in.elements;
}

}  // namespace

void Roadmap::validate(storage::Connection& c, const Scope& s, Initiative& i) const {
  const auto& profile = tenancy_.profile_of(s);
  i.code = normalised_code(i.code);
  if (i.name.empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", "name"}});
  const auto& spec = profile.architecture.roadmap;
  const tenancy::Enumeration* categories = profile.enumeration(spec.categories);
  if (!categories || !categories->contains(i.category)) {
    boost::json::array allowed;
    if (categories)
      for (const auto& item : categories->items) allowed.emplace_back(item.id);
    throw Error(ErrorCode::ValidationInvalidValue, {{"field", "category"}, {"allowed", allowed}},
                rule_ref(profile, categories ? std::optional(categories->rule) : std::nullopt));
  }
  if (!valid_status(i.status))
    throw Error(ErrorCode::ValidationInvalidValue, "status", "rencana, berjalan, selesai, tertunda or batal");
  if (i.start_year < 2000 || i.start_year > 2100)
    throw Error(ErrorCode::ValidationInvalidValue, "start_year", "a year between 2000 and 2100");
  if (i.target_year < i.start_year || i.target_year > 2100)
    throw Error(ErrorCode::ValidationInvalidValue, "target_year", "not before start_year");
  // Initiatives belong to the roadmap in force: its period bounds their years (5 years, per profile).
  if (auto in_force = DocumentRepository(c).approved(s, "peta_rencana"))
    if (i.start_year < in_force->period_start || i.target_year > in_force->period_end) {
      throw Error(ErrorCode::InitiativeOutsidePeriod,
                  {{"period_start", in_force->period_start}, {"period_end", in_force->period_end}},
                  rule_ref(profile, spec.validity_rule));
    }
  if (!tenancy_.agency(c, s, i.owner_agency_id))
    throw Error(ErrorCode::ValidationInvalidValue, "owner_agency_id", "not an agency of this tenant");
  Repository elements(c);
  std::set<std::string> seen;
  for (auto& e : i.elements) {
    if (e.effect != "create" && e.effect != "change" && e.effect != "retire")
      throw Error(ErrorCode::ValidationInvalidValue, "elements.effect", "create, change or retire");
    auto el = elements.element(s, e.element_id);
    if (!el) throw Error(ErrorCode::ValidationInvalidValue, "elements.element_id", "not an element of this tenant");
    if (!seen.insert(e.element_id).second)
      throw Error(ErrorCode::ValidationInvalidValue, "elements", "an element is listed twice");
    e.code = el->code;
    e.name = el->name;
    e.domain = el->domain;
  }
  if (auto other = RoadmapRepository(c).by_code(s, i.code); other && other->id != i.id)
    throw Error(ErrorCode::InitiativeDuplicateCode, {{"code", i.code}});
  // Other modules' rules (a PD may not build a data centre, ...), after the architecture's own.
  gates_.check(c, s, i);
}

std::vector<Initiative> Roadmap::list(const Scope& s, const InitiativeFilter& f, const ListQuery& q,
                                      std::int64_t& total) const {
  return storage::read(db_, [&](storage::Connection& c) { return RoadmapRepository(c).list(s, f, q, total); });
}

Initiative Roadmap::get(const Scope& s, const std::string& id) const {
  auto i = storage::read(db_, [&](storage::Connection& c) { return RoadmapRepository(c).initiative(s, id); });
  if (!i) throw Error(ErrorCode::InitiativeNotFound);
  return *i;
}

std::optional<Initiative> Roadmap::find(storage::Connection& c, const Scope& s, const std::string& id) const {
  return RoadmapRepository(c).initiative(s, id);
}

std::vector<Initiative> Roadmap::all(storage::Connection& c, const Scope& s) const {
  return RoadmapRepository(c).all(s);
}

Initiative Roadmap::create(const Scope& s, const InitiativeInput& in, const Actor& actor) {
  Initiative i;
  i.id = crypto::new_id();
  apply(i, in);
  i.created_at = i.updated_at = clock::now_iso();
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    validate(c, s, i);
    RoadmapRepository repo(c);
    try {
      repo.insert(s, i);
    } catch (const storage::StorageError& e) {
      if (e.kind() == storage::StorageError::Kind::UniqueViolation)
        throw Error(ErrorCode::InitiativeDuplicateCode, {{"code", i.code}});
      throw;
    }
    repo.replace_elements(s, i.id, i.elements);
    ledger_.append(c, change(s, actor, "initiative.create", i.id, {{"after", summary(i)}}));
    return *repo.initiative(s, i.id);
  });
}

Initiative Roadmap::update(const Scope& s, const std::string& id, const InitiativeInput& in, const Actor& actor) {
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    RoadmapRepository repo(c);
    auto before = repo.initiative(s, id);
    if (!before) throw Error(ErrorCode::InitiativeNotFound);
    Initiative i = *before;
    apply(i, in);
    // Nothing changes (new element lists are always treated as a change): nothing is written.
    if (!in.elements && summary(i) == summary(*before) && i.description == before->description) return *before;
    i.updated_at = clock::now_iso();
    validate(c, s, i);
    repo.update(s, i);
    if (in.elements) repo.replace_elements(s, id, i.elements);
    ledger_.append(c, change(s, actor, "initiative.update", id, {{"before", summary(*before)}, {"after", summary(i)}}));
    return *repo.initiative(s, id);
  });
}

void Roadmap::remove(const Scope& s, const std::string& id, const Actor& actor) {
  storage::write_transaction(db_, [&](storage::Connection& c) {
    RoadmapRepository repo(c);
    auto before = repo.initiative(s, id);
    if (!before) throw Error(ErrorCode::InitiativeNotFound);
    repo.remove(s, id);
    ledger_.append(c, change(s, actor, "initiative.delete", id, {{"before", summary(*before)}}));
  });
}

Monitoring Roadmap::add_monitoring(const Scope& s, const std::string& id, const MonitoringInput& in,
                                   const Actor& actor) {
  if (in.progress < 0 || in.progress > 100) throw Error(ErrorCode::ValidationInvalidValue, "progress", "0-100");
  if (!valid_status(in.status))
    throw Error(ErrorCode::ValidationInvalidValue, "status", "rencana, berjalan, selesai, tertunda or batal");
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    RoadmapRepository repo(c);
    auto i = repo.initiative(s, id);
    if (!i) throw Error(ErrorCode::InitiativeNotFound);
    if (in.year < i->start_year || in.year > i->target_year)
      throw Error(ErrorCode::ValidationInvalidValue,
                  {{"field", "year"}, {"start_year", i->start_year}, {"target_year", i->target_year}});
    Monitoring m{crypto::new_id(), in.year, in.progress, in.status, in.note, actor.name, clock::now_iso()};
    repo.insert_monitoring(s, id, m);
    // The latest monitoring sets the initiative's status, so the timeline shows where it stands.
    i->status = in.status;
    i->updated_at = m.recorded_at;
    repo.update(s, *i);
    ledger_.append(c, change(s, actor, "initiative.monitor", id,
                             {{"year", m.year}, {"progress", m.progress}, {"status", m.status}}));
    return m;
  });
}

std::vector<InitiativeElement> Roadmap::initiatives_of_element(const Scope& s, const std::string& element_id) const {
  return storage::read(
      db_, [&](storage::Connection& c) { return RoadmapRepository(c).initiatives_of_element(s, element_id); });
}

}  // namespace simpul::architecture
