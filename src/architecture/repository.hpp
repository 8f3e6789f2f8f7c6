#pragma once
// SQL for architecture elements and relations. Every query is confined to the caller's tenant.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "architecture/model.hpp"
#include "core/context.hpp"
#include "core/list_query.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace simpul::architecture {

class Repository {
 public:
  explicit Repository(storage::Connection& c) : c_(c) {}
  static std::vector<storage::Migration> migrations();

  std::vector<Element> elements(const Scope& s, const ElementFilter& f, const ListQuery& q, std::int64_t& total);
  /// Every element of the tenant, ordered by code (snapshots, export, checks).
  std::vector<Element> all_elements(const Scope& s);
  std::vector<Element> elements_by_ids(const Scope& s, const std::vector<std::string>& ids);
  std::optional<Element> element(const Scope& s, const std::string& id);
  std::optional<Element> element_by_code(const Scope& s, const std::string& code);
  void insert_element(const Scope& s, const Element& e);
  void update_element(const Scope& s, const Element& e);
  /// Many rows per statement: an import of thousands costs tens of round trips, not thousands.
  void insert_elements(const Scope& s, const std::vector<Element>& elements);
  void insert_relations(const Scope& s, const std::vector<Relation>& relations);
  bool delete_element(const Scope& s, const std::string& id);
  std::int64_t count_children(const Scope& s, const std::string& id);
  std::int64_t count_elements(const Scope& s);
  /// Elements of one domain that are not retired (attributes parsed), for the compliance facts.
  std::vector<Element> live_elements(const Scope& s, std::string_view domain);
  /// Per target (or source) element: how many elements of `other_domain` it is related to by `type`.
  std::map<std::string, std::int64_t> related_counts(const Scope& s, std::string_view type, bool by_target,
                                                     std::string_view other_domain);

  std::vector<Relation> all_relations(const Scope& s);
  std::optional<Relation> relation(const Scope& s, const std::string& id);
  bool relation_exists(const Scope& s, const std::string& source, const std::string& type, const std::string& target);
  void insert_relation(const Scope& s, const Relation& r);
  bool delete_relation(const Scope& s, const std::string& id);
  void delete_relations_of(const Scope& s, const std::string& element_id);
  std::vector<RelationView> relations_of(const Scope& s, const std::string& element_id);
  /// Relations of the given types leaving any of `sources` (one query per call, for trace and graph).
  std::vector<Relation> outgoing(const Scope& s, const std::vector<std::string>& sources,
                                 const std::vector<std::string>& types);
  /// Relations touching any of `ids`, either direction.
  std::vector<Relation> touching(const Scope& s, const std::vector<std::string>& ids);
  std::int64_t count_relations(const Scope& s);
  /// After a bulk load PostgreSQL plans the graph walks from stale statistics (a fresh table looks
  /// empty, so it scans); this refreshes them (outside a transaction). Nothing to do on SQLite.
  void refresh_statistics();

  /// Services (not retired) with no application supporting them directly or through a realising process.
  std::vector<Element> services_without_application(const Scope& s);
  /// Applications (not retired) that support no service directly or through a process realising one.
  std::vector<Element> applications_without_service(const Scope& s);

 private:
  storage::Connection& c_;
};

}  // namespace simpul::architecture
