#pragma once
// One list query, described once (issue 15): the conditions of a filtered list with their
// parameters, a free-text search over named columns, a sort key mapped to its column from the
// route's whitelist, the order and the page, and the COUNT(*) of the same WHERE for the total.
// Repositories say what their list is; this writes the WHERE / LIKE / ORDER BY / LIMIT.
//
//   storage::ListSql list("FROM arch_elements e");          // what the WHERE and the count read
//   list.where("e.tenant_id = ?", {s.tenant_id})
//       .equals_if_set("e.domain", f.domain)
//       .contains(q.q, {"e.name", "e.code"})
//       .order_by(q.sort, q.descending, {{"code", "e.code"}, {"name", "e.name"}}, "e.id");
//   auto rows = list.page(c, "SELECT e.id, … FROM arch_elements e JOIN …", q, total);
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "core/list_query.hpp"
#include "storage/database.hpp"

namespace simpul::storage {

/// A sort key a route allows and the SQL expression it orders by.
struct SortColumn {
  std::string_view key;
  std::string_view column;
};

class ListSql {
 public:
  /// `from`: "FROM <table> [joins]", the tables the conditions read; COUNT(*) reads them.
  explicit ListSql(std::string from) : from_(std::move(from)) {}

  /// AND <condition>, its '?' bound to `params` in order.
  ListSql& where(std::string_view condition, Params params = {});
  /// AND <column> = ? when `value` is not empty: a filter left blank matches everything.
  ListSql& equals_if_set(std::string_view column, const std::string& value);
  /// AND (lower(c1) LIKE lower(?) ESCAPE '\' OR ...): some column contains `text` literally
  /// (%, _ and \ are matched as themselves), ignoring case. Nothing when `text` is empty.
  ListSql& contains(std::string_view text, std::initializer_list<std::string_view> columns);
  /// ORDER BY the column of `key`, descending or ascending, then `tie_break` (ascending) so pages
  /// never overlap. The first column is the default: an empty or unlisted key takes it, so raw
  /// input never reaches the SQL.
  ListSql& order_by(std::string_view key, bool descending, std::initializer_list<SortColumn> columns,
                    std::string_view tie_break);
  /// ORDER BY a fixed expression with its own parameters (lists sorted by what needs action first).
  ListSql& order_by(std::string expression, Params params = {});

  /// SELECT COUNT(*) <from> WHERE ...
  std::int64_t count(Connection& c) const;
  /// SELECT COUNT(*) FROM (SELECT 1 <from> WHERE ... LIMIT ?): stops after `limit` rows, so a
  /// huge list's count costs at most `limit` rows (issue 17's capped totals).
  std::int64_t count_up_to(Connection& c, std::int64_t limit) const;
  /// `select` is the statement up to its WHERE: "SELECT <columns> <from>", possibly with joins
  /// that only add columns. Every row, in order.
  Rows rows(Connection& c, std::string_view select) const;
  /// The same rows one at a time (Connection::each), for lists read whole and kept in no vector.
  void each(Connection& c, std::string_view select, const std::function<void(const Row&)>& fn) const;
  /// One page: ... LIMIT ? OFFSET ?.
  Rows page(Connection& c, std::string_view select, std::int64_t limit, std::int64_t offset) const;
  /// The total (count()) and the page `q` asks for.
  Rows page(Connection& c, std::string_view select, const ListQuery& q, std::int64_t& total) const;

  /// The statements and their parameters as they are sent (tests, EXPLAIN).
  std::string count_sql() const;
  std::string select_sql(std::string_view select) const;
  Params select_params() const;
  const Params& where_params() const { return where_params_; }

 private:
  std::string from_;
  std::string where_;  // " WHERE a AND b", or empty
  std::string order_;  // " ORDER BY ...", or empty
  Params where_params_, order_params_;
};

}  // namespace simpul::storage
