#include "architecture/service.hpp"

#include <algorithm>
#include <set>

#include "architecture/domains.hpp"
#include "architecture/json.hpp"
#include "architecture/repository.hpp"
#include "architecture/roadmap_repository.hpp"
#include "architecture/validation.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "storage/storage_error.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::architecture {
void apply(Element& e, const ElementInput& in) {
  if (in.domain) e.domain = *in.domain;
  if (in.code) e.code = *in.code;
  if (in.name) e.name = *in.name;
  if (in.description) e.description = *in.description;
  if (in.owner_agency_id) e.owner_agency_id = *in.owner_agency_id;
  if (in.state) e.state = *in.state;
  if (in.level) e.level = *in.level;
  if (in.parent_id) e.parent_id = *in.parent_id;
  if (in.reference_code) e.reference_code = *in.reference_code;
  if (in.attributes) {
    // Attributes merge: a JSON null removes one, so a form can send only what it shows.
    for (const auto& [k, v] : *in.attributes) {
      if (v.is_null())
        e.attributes.erase(k);
      else
        e.attributes[k] = v;
    }
  }
}

std::vector<Element> Service::list(const Scope& s, const ElementFilter& f, const ListQuery& q,
                                   std::int64_t& total) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).elements(s, f, q, total); });
}

Element Service::element(const Scope& s, const std::string& id) const {
  auto e = storage::read(db_, [&](storage::Connection& c) { return Repository(c).element(s, id); });
  if (!e) throw Error(ErrorCode::ElementNotFound);
  return *e;
}

namespace {

/// The API may not set attributes another module maintains; what is already stored stays valid.
void refuse_read_only(const ElementInput& in, const std::string& domain, bool allowed,
                      const Element* before = nullptr) {
  if (allowed || !in.attributes) return;
  for (const auto& [key, value] : *in.attributes) {
    const auto* stored = before ? before->attributes.if_contains(key) : nullptr;
    if (stored && *stored == value) continue;  // resent unchanged, as a form does
    if (const auto* def = find_attribute(domain, key); def && def->read_only)
      throw Error(ErrorCode::ValidationInvalidValue, "attributes." + std::string(key),
                  "maintained by the application lifecycle");
  }
}

}  // namespace

Element Service::create(const Scope& s, const ElementInput& in, const Actor& actor, const Hook& also,
                        bool allow_read_only) {
  Element e;
  e.id = crypto::new_id();
  apply(e, in);
  e.created_at = e.updated_at = clock::now_iso();
  const auto& profile = profile_of(s);
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    DatabaseLookup lookup(c, s, tenancy_);
    refuse_read_only(in, e.domain, allow_read_only);
    Validator(lookup, profile, reference_).element(e, true);
    try {
      Repository(c).insert_element(s, e);
    } catch (const storage::StorageError& err) {
      if (err.kind() == storage::StorageError::Kind::UniqueViolation)
        throw Error(ErrorCode::ElementDuplicateCode, {{"code", e.code}});
      throw;
    }
    auto stored = *Repository(c).element(s, e.id);
    if (also) also(c, stored, stored);
    ledger_.append(c, ledger::change_in(s, actor, "element.create", "element", e.id, {{"after", to_json(stored)}}));
    return stored;
  });
}

Element Service::update(const Scope& s, const std::string& id, const ElementInput& in, const Actor& actor,
                        const Hook& also, bool allow_read_only) {
  const auto& profile = profile_of(s);
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto before = repo.element(s, id);
    if (!before) throw Error(ErrorCode::ElementNotFound);
    if (in.domain && *in.domain != before->domain)
      throw Error(ErrorCode::ValidationInvalidValue, "domain", "cannot change; create a new element instead");
    Element e = *before;
    apply(e, in);
    DatabaseLookup lookup(c, s, tenancy_);
    refuse_read_only(in, e.domain, allow_read_only, &*before);
    // An update that changes nothing writes nothing (the hook may still change what it owns).
    if (to_json(e) == to_json(*before)) {
      if (also) also(c, *before, *before);
      return *before;
    }
    e.updated_at = clock::now_iso();
    Validator(lookup, profile, reference_).element(e, true);
    repo.update_element(s, e);
    auto stored = *repo.element(s, id);
    if (also) also(c, *before, stored);
    ledger_.append(c, ledger::change_in(s, actor, "element.update", "element", id,
                                        {{"before", to_json(*before)}, {"after", to_json(stored)}}));
    return stored;
  });
}

void Service::remove(const Scope& s, const std::string& id, const Actor& actor) {
  storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto before = repo.element(s, id);
    if (!before) throw Error(ErrorCode::ElementNotFound);
    if (repo.count_children(s, id) > 0) throw Error(ErrorCode::ElementHasChildren);
    repo.delete_relations_of(s, id);
    RoadmapRepository(c).unlink_element(s, id);
    repo.delete_element(s, id);
    ledger_.append(c, ledger::change_in(s, actor, "element.delete", "element", id, {{"before", to_json(*before)}}));
  });
}

std::vector<RelationView> Service::relations_of(const Scope& s, const std::string& id) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).relations_of(s, id); });
}

Relation Service::relate(const Scope& s, Relation r, const Actor& actor) {
  r.id = crypto::new_id();
  r.created_at = clock::now_iso();
  const auto& profile = profile_of(s);
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto source = repo.element(s, r.source_id);
    if (!source) throw Error(ErrorCode::ValidationInvalidValue, "source_id", "not an element of this tenant");
    auto target = repo.element(s, r.target_id);
    if (!target) throw Error(ErrorCode::ValidationInvalidValue, "target_id", "not an element of this tenant");
    DatabaseLookup lookup(c, s, tenancy_);
    Validator(lookup, profile, reference_).relation(r, *source, *target);
    repo.insert_relation(s, r);
    ledger_.append(c, ledger::change_in(s, actor, "relation.create", "relation", r.id,
                                        {{"source", source->code}, {"type", r.type}, {"target", target->code}}));
    return r;
  });
}

Relation Service::relation(const Scope& s, const std::string& id) const {
  auto r = storage::read(db_, [&](storage::Connection& c) { return Repository(c).relation(s, id); });
  if (!r) throw Error(ErrorCode::RelationNotFound);
  return *r;
}

void Service::unrelate(const Scope& s, const std::string& id, const Actor& actor) {
  storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto r = repo.relation(s, id);
    if (!r) throw Error(ErrorCode::RelationNotFound);
    repo.delete_relation(s, id);
    ledger_.append(c, ledger::change_in(s, actor, "relation.delete", "relation", id,
                                        {{"source_id", r->source_id}, {"type", r->type}, {"target_id", r->target_id}}));
  });
}

Graph Service::graph(const Scope& s, const std::string& id, int depth, std::size_t max_nodes) const {
  return storage::read(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto root = repo.element(s, id);
    if (!root) throw Error(ErrorCode::ElementNotFound);
    std::set<std::string> seen{id}, edge_ids;
    std::vector<std::string> frontier{id};
    Graph g;
    for (int d = 0; d < depth && !frontier.empty() && seen.size() < max_nodes; ++d) {
      std::vector<std::string> next;
      for (auto& r : repo.touching(s, frontier)) {
        for (const auto& end : {r.source_id, r.target_id})
          if (seen.size() < max_nodes && seen.insert(end).second) next.push_back(end);
        if (seen.count(r.source_id) && seen.count(r.target_id) && edge_ids.insert(r.id).second)
          g.edges.push_back(std::move(r));
      }
      frontier = std::move(next);
    }
    g.nodes = repo.elements_by_ids(s, std::vector<std::string>(seen.begin(), seen.end()));
    return g;
  });
}

Trace Service::trace(const Scope& s, const std::string& service_id) const {
  return storage::read(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto service = repo.element(s, service_id);
    if (!service) throw Error(ErrorCode::ElementNotFound);
    if (service->domain != "layanan")
      throw Error(ErrorCode::ValidationInvalidValue, "id", "a trace starts at a service (layanan)");
    Trace t;
    t.service = *service;
    std::set<std::string> edge_ids;
    // Walk ids only (one relation query per layer), then load every element reached at once.
    auto step = [&](const std::vector<std::string>& sources, const char* type) {
      std::vector<std::string> targets;
      for (auto& r : repo.outgoing(s, sources, {type})) {
        if (std::find(targets.begin(), targets.end(), r.target_id) == targets.end()) targets.push_back(r.target_id);
        if (edge_ids.insert(r.id).second) t.edges.push_back(std::move(r));
      }
      return targets;
    };
    auto concat = [](std::vector<std::string> a, const std::vector<std::string>& b) {
      a.insert(a.end(), b.begin(), b.end());
      return a;
    };
    auto processes = step({service_id}, "realised_by");
    auto with_service = concat(processes, {service_id});
    auto applications = step(with_service, "supported_by");
    auto data = step(concat(with_service, applications), "uses_data");
    auto infrastructure = step(concat(applications, data), "runs_on");
    auto security = step(concat(concat(concat(with_service, applications), data), infrastructure), "protected_by");
    std::map<std::string, Element> by_id;
    for (auto& e : repo.elements_by_ids(
             s, concat(concat(concat(concat(processes, applications), data), infrastructure), security)))
      by_id.emplace(e.id, std::move(e));
    auto layer = [&](const std::vector<std::string>& ids) {
      std::vector<Element> out;
      for (const auto& id : ids)
        if (auto it = by_id.find(id); it != by_id.end()) out.push_back(it->second);
      std::sort(out.begin(), out.end(), [](const Element& a, const Element& b) { return a.code < b.code; });
      return out;
    };
    t.layers = {{"proses_bisnis", layer(processes)},
                {"aplikasi", layer(applications)},
                {"data_informasi", layer(data)},
                {"infrastruktur", layer(infrastructure)},
                {"keamanan", layer(security)}};
    return t;
  });
}

std::vector<GapDomain> Service::gap(const Scope& s) const {
  return storage::read(db_, [&](storage::Connection& c) {
    std::map<std::string, GapDomain> by_domain;
    for (const auto& d : domains()) by_domain[std::string(d.id)].domain = d.id;
    auto planned = RoadmapRepository(c).planned_elements(s);
    for (auto& e : Repository(c).all_elements(s)) {
      auto& g = by_domain[e.domain];
      if (e.state == "as_is")
        ++g.as_is;
      else if (e.state == "retired")
        ++g.retired, g.retired_items.push_back(e);
      else {
        ++g.to_be;
        if (!planned.count(e.id)) g.unplanned.push_back(e);
        g.to_be_items.push_back(std::move(e));
      }
    }
    std::vector<GapDomain> out;
    for (const auto& d : domains()) out.push_back(std::move(by_domain[std::string(d.id)]));
    return out;
  });
}

std::vector<Element> Service::live_elements(storage::Connection& c, const Scope& s, std::string_view domain) const {
  return Repository(c).live_elements(s, domain);
}

std::map<std::string, std::int64_t> Service::services_per_application(storage::Connection& c, const Scope& s) const {
  return Repository(c).related_counts(s, "supported_by", true, "layanan");
}

std::map<std::string, std::int64_t> Service::applications_per_service(storage::Connection& c, const Scope& s) const {
  return Repository(c).related_counts(s, "supported_by", false, "aplikasi");
}

std::optional<Element> Service::find(storage::Connection& c, const Scope& s, const std::string& id) const {
  return Repository(c).element(s, id);
}

std::vector<Element> Service::elements(storage::Connection& c, const Scope& s, const ElementFilter& f,
                                       const ListQuery& q, std::int64_t& total) const {
  return Repository(c).elements(s, f, q, total);
}

std::vector<Element> Service::all_elements(storage::Connection& c, const Scope& s) const {
  return Repository(c).all_elements(s);
}

void Service::insert_elements(storage::Connection& c, const Scope& s, const std::vector<Element>& elements) const {
  Repository(c).insert_elements(s, elements);
}

void Service::update_element(storage::Connection& c, const Scope& s, const Element& e) const {
  Repository(c).update_element(s, e);
}

std::pair<std::vector<Element>, std::vector<Element>> Service::unsupported(const Scope& s) const {
  return storage::read(db_, [&](storage::Connection& c) {
    Repository repo(c);
    return std::make_pair(repo.services_without_application(s), repo.applications_without_service(s));
  });
}

}  // namespace simpul::architecture
