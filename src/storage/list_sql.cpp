#include "storage/list_sql.hpp"

#include "core/text.hpp"

namespace simpul::storage {

ListSql& ListSql::where(std::string_view condition, Params params) {
  where_ += where_.empty() ? " WHERE " : " AND ";
  where_ += condition;
  where_params_.insert(where_params_.end(), std::make_move_iterator(params.begin()),
                       std::make_move_iterator(params.end()));
  return *this;
}

ListSql& ListSql::equals_if_set(std::string_view column, const std::string& value) {
  if (value.empty()) return *this;
  return where(std::string(column) + " = ?", {value});
}

ListSql& ListSql::contains(std::string_view text, std::initializer_list<std::string_view> columns) {
  if (text.empty() || columns.size() == 0) return *this;
  const auto pattern = text::like_pattern_contains(text);
  std::string condition = "(";
  Params params;
  for (auto column : columns) {
    if (params.size()) condition += " OR ";
    condition.append("lower(").append(column).append(") LIKE lower(?) ESCAPE '\\'");
    params.emplace_back(pattern);
  }
  condition += ")";
  return where(condition, std::move(params));
}

ListSql& ListSql::order_by(std::string_view key, bool descending, std::initializer_list<SortColumn> columns,
                           std::string_view tie_break) {
  std::string_view column = columns.size() ? columns.begin()->column : std::string_view{};
  for (const auto& c : columns)
    if (c.key == key) column = c.column;
  std::string order(column);
  order += descending ? " DESC" : " ASC";
  if (!tie_break.empty()) order.append(", ").append(tie_break);
  return order_by(std::move(order));
}

ListSql& ListSql::order_by(std::string expression, Params params) {
  order_ = " ORDER BY " + expression;
  order_params_ = std::move(params);
  return *this;
}

std::string ListSql::count_sql() const { return "SELECT COUNT(*) " + from_ + where_; }

std::string ListSql::select_sql(std::string_view select) const {
  std::string sql(select);
  while (!sql.empty() && sql.back() == ' ') sql.pop_back();  // constants often end in a space
  return sql + where_ + order_;
}

Params ListSql::select_params() const {
  Params out = where_params_;
  out.insert(out.end(), order_params_.begin(), order_params_.end());
  return out;
}

std::int64_t ListSql::count(Connection& c) const { return c.query(count_sql(), where_params_).front().int_at(0); }

std::int64_t ListSql::count_up_to(Connection& c, std::int64_t limit) const {
  auto params = where_params_;
  params.emplace_back(limit);
  return c.query("SELECT COUNT(*) FROM (SELECT 1 " + from_ + where_ + " LIMIT ?) capped", params).front().int_at(0);
}

Rows ListSql::rows(Connection& c, std::string_view select) const {
  return c.query(select_sql(select), select_params());
}

void ListSql::each(Connection& c, std::string_view select, const std::function<void(const Row&)>& fn) const {
  c.each(select_sql(select), select_params(), fn);
}

Rows ListSql::page(Connection& c, std::string_view select, std::int64_t limit, std::int64_t offset) const {
  auto params = select_params();
  params.emplace_back(limit);
  params.emplace_back(offset);
  return c.query(select_sql(select) + " LIMIT ? OFFSET ?", params);
}

Rows ListSql::page(Connection& c, std::string_view select, const ListQuery& q, std::int64_t& total) const {
  total = count(c);
  return page(c, select, q.per_page, q.offset());
}

}  // namespace simpul::storage
