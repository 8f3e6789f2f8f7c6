#pragma once
// The architecture repository: elements of the six domains and their relations, with the views
// built on them (graph, service trace, gap). Every change is written with its ledger entry.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "architecture/model.hpp"
#include "architecture/reference.hpp"
#include "core/context.hpp"
#include "core/list_query.hpp"
#include "ledger/ledger.hpp"
#include "storage/database.hpp"
#include "tenancy/service.hpp"

namespace simpul::architecture {

struct Graph {
  std::vector<Element> nodes;
  std::vector<Relation> edges;
};

struct Trace {
  Element service;
  std::map<std::string, std::vector<Element>> layers;  // domain -> elements reached
  std::vector<Relation> edges;
};

struct GapDomain {
  std::string domain;
  std::int64_t as_is = 0, to_be = 0, retired = 0;
  std::vector<Element> to_be_items, retired_items, unplanned;
};

class Service {
 public:
  Service(storage::Database& db, tenancy::Service& tenancy, const ReferenceArchitecture& reference,
          const ledger::Ledger& ledger)
      : db_(db), tenancy_(tenancy), reference_(reference), ledger_(ledger) {}

  const ReferenceArchitecture& reference() const { return reference_; }
  const tenancy::Profile& profile_of(const Scope& s) const { return tenancy_.profile_of(s); }

  std::vector<Element> list(const Scope& s, const ElementFilter& f, const ListQuery& q, std::int64_t& total) const;
  Element element(const Scope& s, const std::string& id) const;

  // Read ports for other modules, inside the caller's transaction.
  /// Elements of one domain that are not retired, with their attributes.
  std::vector<Element> live_elements(storage::Connection& c, const Scope& s, std::string_view domain) const;
  /// Layanan supported by each application (application id -> count).
  std::map<std::string, std::int64_t> services_per_application(storage::Connection& c, const Scope& s) const;
  /// Applications supporting each layanan (service id -> count).
  std::map<std::string, std::int64_t> applications_per_service(storage::Connection& c, const Scope& s) const;
  /// One element inside the caller's transaction, when it exists in the tenant.
  std::optional<Element> find(storage::Connection& c, const Scope& s, const std::string& id) const;
  /// A page of elements as list() reads it, inside the caller's transaction.
  std::vector<Element> elements(storage::Connection& c, const Scope& s, const ElementFilter& f, const ListQuery& q,
                                std::int64_t& total) const;
  /// Every element of the tenant, ordered by code, inside the caller's transaction.
  std::vector<Element> all_elements(storage::Connection& c, const Scope& s) const;
  /// Write ports for a module that imports elements of its domain (the application inventory): the
  /// elements were checked with this module's Validator, and the caller writes the ledger entry in
  /// the same transaction.
  void insert_elements(storage::Connection& c, const Scope& s, const std::vector<Element>& elements) const;
  void update_element(storage::Connection& c, const Scope& s, const Element& e) const;
  /// Lets a module that owns a domain's extra record (applications) write it in the same
  /// transaction as the element, after validation and before the ledger entry.
  using Hook = std::function<void(storage::Connection&, const Element& before, const Element& after)>;

  /// `allow_read_only` is for the module owning a reserved attribute (the lifecycle stage).
  Element create(const Scope& s, const ElementInput& in, const Actor& actor, const Hook& also = {},
                 bool allow_read_only = false);
  Element update(const Scope& s, const std::string& id, const ElementInput& in, const Actor& actor,
                 const Hook& also = {}, bool allow_read_only = false);
  void remove(const Scope& s, const std::string& id, const Actor& actor);
  std::vector<RelationView> relations_of(const Scope& s, const std::string& id) const;

  Relation relate(const Scope& s, Relation r, const Actor& actor);
  Relation relation(const Scope& s, const std::string& id) const;
  void unrelate(const Scope& s, const std::string& id, const Actor& actor);

  /// Elements within `depth` relations of the element, either direction (at most `max_nodes`).
  Graph graph(const Scope& s, const std::string& id, int depth, std::size_t max_nodes = 200) const;
  /// service → processes → applications → data → infrastructure → security.
  Trace trace(const Scope& s, const std::string& service_id) const;
  std::vector<GapDomain> gap(const Scope& s) const;
  /// Services (not retired) no application supports, and applications (not retired) that support
  /// no service, directly or through a process realising one: read together.
  std::pair<std::vector<Element>, std::vector<Element>> unsupported(const Scope& s) const;

 private:
  storage::Database& db_;
  tenancy::Service& tenancy_;
  const ReferenceArchitecture& reference_;
  const ledger::Ledger& ledger_;
};

/// Applies a partial input to an element (fields left unset keep their value).
void apply(Element& e, const ElementInput& in);

}  // namespace simpul::architecture
