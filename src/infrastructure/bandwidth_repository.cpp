#include "infrastructure/bandwidth_repository.hpp"

#include <algorithm>

namespace simpul::infrastructure {
namespace {

constexpr const char* kBandwidthRequestColumns =
    "r.id, r.agency_id, COALESCE(a.name, ''), r.need_mbps, r.justification, r.state, r.requested_by, r.requested_by_name, "
    "r.requested_at, r.priority, r.allocated_mbps, r.reasons, r.decided_by_name, r.decided_at "
    "FROM infra_bw_requests r LEFT JOIN agencies a ON a.id = r.agency_id ";

std::optional<int> optional_int_of(const storage::Value& v) {
  if (v.is_null()) return std::nullopt;
  return static_cast<int>(v.as_int());
}

BandwidthRequest bandwidth_request_from(const storage::Row& r) {
  BandwidthRequest x;
  std::size_t i = 0;
  x.id = r.text_at(i++);
  x.agency_id = r.text_at(i++);
  x.agency_name = r.text_at(i++);
  x.need_mbps = static_cast<int>(r.int_at(i++));
  x.justification = r.text_at(i++);
  x.state = r.text_at(i++);
  x.requested_by = r.text_at(i++);
  x.requested_by_name = r.text_at(i++);
  x.requested_at = r.text_at(i++);
  x.priority = optional_int_of(r[i++]);
  x.allocated_mbps = optional_int_of(r[i++]);
  x.reasons = r.text_at(i++);
  x.decided_by_name = r.text_at(i++);
  x.decided_at = r.optional_text_at(i++);
  return x;
}

}  // namespace

std::vector<storage::Migration> BandwidthRepository::migrations() {
  return {
      {1001, "infrastructure: bandwidth requests, counter samples, monthly evaluations, WAN links",
       "CREATE TABLE infra_bw_requests (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), agency_id TEXT NOT NULL, "
       "need_mbps INTEGER NOT NULL, justification TEXT NOT NULL, state TEXT NOT NULL, requested_by TEXT NOT NULL, "
       "requested_by_name TEXT NOT NULL, requested_at TEXT NOT NULL, priority INTEGER, allocated_mbps INTEGER, "
       "reasons TEXT NOT NULL, decided_by TEXT NOT NULL, decided_by_name TEXT NOT NULL, decided_at TEXT);"
       "CREATE INDEX infra_bw_requests_by_tenant ON infra_bw_requests (tenant_id, state, agency_id);"
       "CREATE TABLE infra_bw_samples (tenant_id TEXT NOT NULL REFERENCES tenants(id), agency_id TEXT NOT NULL, "
       "interface TEXT NOT NULL, at_s BIGINT NOT NULL, in_octets BIGINT NOT NULL, out_octets BIGINT NOT NULL, in_bps BIGINT, "
       "out_bps BIGINT, PRIMARY KEY (tenant_id, agency_id, interface, at_s));"
       "CREATE INDEX infra_bw_samples_by_time ON infra_bw_samples (tenant_id, at_s);"
       "CREATE INDEX infra_bw_samples_by_agency ON infra_bw_samples (tenant_id, agency_id, at_s);"
       "CREATE TABLE infra_bw_evaluations (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), month TEXT NOT NULL, "
       "generated_at TEXT NOT NULL, generated_by_name TEXT NOT NULL, rows_json TEXT NOT NULL, acknowledged_by_name TEXT NOT NULL, "
       "acknowledged_at TEXT, UNIQUE (tenant_id, month));"
       "CREATE TABLE infra_wan_links (element_id TEXT PRIMARY KEY REFERENCES arch_elements(id) ON DELETE CASCADE, "
       "tenant_id TEXT NOT NULL REFERENCES tenants(id), from_agency_id TEXT NOT NULL, to_agency_id TEXT NOT NULL, "
       "medium TEXT NOT NULL, capacity_mbps INTEGER NOT NULL, operated_by TEXT NOT NULL, provider TEXT NOT NULL, "
       "updated_at TEXT NOT NULL);"
       "CREATE INDEX infra_wan_links_by_tenant ON infra_wan_links (tenant_id)"},
      // Issue 16's scale: the chart and the month read a per-agency 5-minute rollup kept at ingest (a quarter of
      // the readings at 4 interfaces per PD); the readings keep only their primary key, which the ingest's
      // neighbour lookups use, so each reading costs one index.
      {1005, "infrastructure: per-agency 5-minute bandwidth rollup; readings without their secondary indexes",
       "CREATE TABLE infra_bw_slots (tenant_id TEXT NOT NULL REFERENCES tenants(id), agency_id TEXT NOT NULL, "
       "slot_s BIGINT NOT NULL, in_bps BIGINT NOT NULL, out_bps BIGINT NOT NULL, rated INTEGER NOT NULL, "
       "PRIMARY KEY (tenant_id, agency_id, slot_s));"
       "CREATE INDEX infra_bw_slots_by_time ON infra_bw_slots (tenant_id, slot_s);"
       "INSERT INTO infra_bw_slots (tenant_id, agency_id, slot_s, in_bps, out_bps, rated) SELECT tenant_id, agency_id, "
       "(at_s / 300) * 300, COALESCE(SUM(in_bps), 0), COALESCE(SUM(out_bps), 0), COUNT(in_bps) FROM infra_bw_samples "
       "GROUP BY tenant_id, agency_id, (at_s / 300) * 300;"
       "DROP INDEX infra_bw_samples_by_time;"
       "DROP INDEX infra_bw_samples_by_agency"}};
}

void BandwidthRepository::insert(const Scope& s, const BandwidthRequest& r) {
  c_.execute(
      "INSERT INTO infra_bw_requests (id, tenant_id, agency_id, need_mbps, justification, state, requested_by, requested_by_name, "
      "requested_at, priority, allocated_mbps, reasons, decided_by, decided_by_name, decided_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, '', '', '', NULL)",
      {r.id, s.tenant_id, r.agency_id, r.need_mbps, r.justification, r.state, r.requested_by, r.requested_by_name,
       r.requested_at});
}

std::optional<BandwidthRequest> BandwidthRepository::request(const Scope& s, const std::string& id) const {
  auto rows = c_.query(std::string("SELECT ") + kBandwidthRequestColumns + "WHERE r.tenant_id = ? AND r.id = ?",
                       {s.tenant_id, id});
  if (rows.empty()) return std::nullopt;
  return bandwidth_request_from(rows.front());
}

std::vector<BandwidthRequest> BandwidthRepository::requests(const Scope& s, const std::string& state,
                                                            const std::string& agency_id) const {
  std::string sql = std::string("SELECT ") + kBandwidthRequestColumns + "WHERE r.tenant_id = ?";
  storage::Params params{s.tenant_id};
  if (!state.empty()) {
    sql += " AND r.state = ?";
    params.emplace_back(state);
  }
  if (!agency_id.empty()) {
    sql += " AND r.agency_id = ?";
    params.emplace_back(agency_id);
  }
  std::vector<BandwidthRequest> out;
  for (const auto& r : c_.query(sql + " ORDER BY r.requested_at DESC, r.id LIMIT 1000", params))
    out.push_back(bandwidth_request_from(r));
  return out;
}

void BandwidthRepository::decide(const Scope& s, const BandwidthRequest& r, const std::string& decided_by) {
  c_.execute(
      "UPDATE infra_bw_requests SET state = ?, priority = ?, allocated_mbps = ?, reasons = ?, decided_by = ?, decided_by_name = ?, "
      "decided_at = ? WHERE tenant_id = ? AND id = ?",
      {r.state, r.priority, r.allocated_mbps, r.reasons, decided_by, r.decided_by_name, r.decided_at, s.tenant_id,
       r.id});
}

std::map<std::string, int> BandwidthRepository::allocations(const Scope& s) const {
  std::map<std::string, int> out;
  // Oldest first, so each agency ends with its newest approval.
  for (const auto& r :
       c_.query("SELECT agency_id, allocated_mbps FROM infra_bw_requests WHERE tenant_id = ? AND state = 'disetujui' "
                "ORDER BY decided_at, id",
                {s.tenant_id}))
    out[r.text_at(0)] = static_cast<int>(r.int_at(1));
  return out;
}

std::vector<StoredSample> BandwidthRepository::window(const Scope& s, const std::string& agency_id,
                                                      const std::string& interface, std::int64_t from,
                                                      std::int64_t to) const {
  // Bounded by the neighbours: appending after the newest reading reads that one row.
  auto rows = c_.query(
      "SELECT at_s, in_octets, out_octets, in_bps, out_bps FROM infra_bw_samples WHERE tenant_id = ? AND agency_id = ? "
      "AND interface = ? AND at_s >= COALESCE((SELECT MAX(at_s) FROM infra_bw_samples WHERE tenant_id = ? AND "
      "agency_id = ? AND interface = ? AND at_s < ?), ?) AND at_s <= COALESCE((SELECT MIN(at_s) FROM infra_bw_samples "
      "WHERE tenant_id = ? AND agency_id = ? AND interface = ? AND at_s > ?), ?) ORDER BY at_s",
      {s.tenant_id, agency_id, interface, s.tenant_id, agency_id, interface, static_cast<long long>(from),
       static_cast<long long>(from), s.tenant_id, agency_id, interface, static_cast<long long>(to),
       static_cast<long long>(to)});
  std::vector<StoredSample> out;
  out.reserve(rows.size());
  for (const auto& r : rows) {
    StoredSample x{r.int_at(0), r.int_at(1), r.int_at(2), std::nullopt, std::nullopt};
    if (!r[3].is_null()) x.in_bps = r.int_at(3);
    if (!r[4].is_null()) x.out_bps = r.int_at(4);
    out.push_back(x);
  }
  return out;
}

namespace {

constexpr std::size_t kRowsPerInsert = 64;

/// "INSERT ... VALUES (?, ...), (?, ...)" with `rows` tuples of `columns` placeholders, then `tail`.
std::string multi_row_sql(const std::string& head, std::size_t columns, std::size_t rows, const char* tail) {
  std::string tuple = "(";
  for (std::size_t i = 0; i < columns; ++i) tuple += i ? ", ?" : "?";
  tuple += ")";
  std::string sql = head + " VALUES ";
  for (std::size_t i = 0; i < rows; ++i) {
    if (i) sql += ", ";
    sql += tuple;
  }
  return sql + tail;
}

storage::Value optional_big(const std::optional<std::int64_t>& v) {
  return v ? storage::Value(static_cast<long long>(*v)) : storage::Value();
}

/// Runs `head` over `items` in chunks of kRowsPerInsert rows (the statements are prepared once and cached).
template <typename T, typename Bind>
void insert_in_chunks(storage::Connection& c, const std::string& head, std::size_t columns, const char* tail,
                      const std::vector<T>& items, Bind bind) {
  std::string full = multi_row_sql(head, columns, kRowsPerInsert, tail);
  storage::Params params;
  params.reserve(columns * kRowsPerInsert);
  for (std::size_t i = 0; i < items.size(); i += kRowsPerInsert) {
    std::size_t n = std::min(kRowsPerInsert, items.size() - i);
    params.clear();
    for (std::size_t k = 0; k < n; ++k) bind(items[i + k], params);
    c.execute(n == kRowsPerInsert ? full : multi_row_sql(head, columns, n, tail), params);
  }
}

}  // namespace

void BandwidthRepository::insert_samples(const Scope& s, const std::vector<NewSample>& samples) {
  insert_in_chunks(
      c_,
      "INSERT INTO infra_bw_samples (tenant_id, agency_id, interface, at_s, in_octets, out_octets, in_bps, out_bps)", 8,
      "", samples, [&](const NewSample& x, storage::Params& p) {
        p.emplace_back(s.tenant_id);
        p.emplace_back(x.input->agency_id);
        p.emplace_back(x.input->interface);
        p.emplace_back(static_cast<long long>(x.at_s));
        p.emplace_back(static_cast<long long>(x.input->in_octets));
        p.emplace_back(static_cast<long long>(x.input->out_octets));
        p.push_back(optional_big(x.in_bps));
        p.push_back(optional_big(x.out_bps));
      });
}

void BandwidthRepository::update_rate(const Scope& s, const std::string& agency_id, const std::string& interface,
                                      std::int64_t at_s, std::int64_t in_bps, std::int64_t out_bps) {
  c_.execute(
      "UPDATE infra_bw_samples SET in_bps = ?, out_bps = ? WHERE tenant_id = ? AND agency_id = ? AND interface = ? AND "
      "at_s = ?",
      {static_cast<long long>(in_bps), static_cast<long long>(out_bps), s.tenant_id, agency_id, interface,
       static_cast<long long>(at_s)});
}

void BandwidthRepository::add_to_slots(const Scope& s, const std::vector<SlotDelta>& deltas) {
  insert_in_chunks(c_, "INSERT INTO infra_bw_slots (tenant_id, agency_id, slot_s, in_bps, out_bps, rated)", 6,
                   " ON CONFLICT (tenant_id, agency_id, slot_s) DO UPDATE SET in_bps = infra_bw_slots.in_bps + "
                   "excluded.in_bps, out_bps = infra_bw_slots.out_bps + excluded.out_bps, rated = "
                   "infra_bw_slots.rated + excluded.rated",
                   deltas, [&](const SlotDelta& d, storage::Params& p) {
                     p.emplace_back(s.tenant_id);
                     p.emplace_back(d.agency_id);
                     p.emplace_back(static_cast<long long>(d.slot_s));
                     p.emplace_back(static_cast<long long>(d.in_bps));
                     p.emplace_back(static_cast<long long>(d.out_bps));
                     p.emplace_back(static_cast<long long>(d.rated));
                   });
}

std::vector<SlotRate> BandwidthRepository::slot_rates(const Scope& s, const std::string& agency_id, std::int64_t from,
                                                      std::int64_t to) const {
  std::vector<SlotRate> out;
  auto rows = c_.query(
      "SELECT slot_s, in_bps, out_bps FROM infra_bw_slots WHERE tenant_id = ? AND agency_id = ? AND slot_s >= ? AND "
      "slot_s < ? AND rated > 0 ORDER BY slot_s",
      {s.tenant_id, agency_id, static_cast<long long>(from), static_cast<long long>(to)});
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back({r.int_at(0), r.int_at(1), r.int_at(2)});
  return out;
}

std::optional<std::int64_t> BandwidthRepository::first_sample(const Scope& s) const {
  auto rows = c_.query("SELECT MIN(slot_s) FROM infra_bw_slots WHERE tenant_id = ?", {s.tenant_id});
  if (rows.empty() || rows[0][0].is_null()) return std::nullopt;
  return rows[0].int_at(0);
}

void BandwidthRepository::insert(const Scope& s, const BandwidthEvaluation& e, const std::string& rows_json) {
  c_.execute(
      "INSERT INTO infra_bw_evaluations (id, tenant_id, month, generated_at, generated_by_name, rows_json, acknowledged_by_name, "
      "acknowledged_at) VALUES (?, ?, ?, ?, ?, ?, '', NULL)",
      {e.id, s.tenant_id, e.month, e.generated_at, e.generated_by_name, rows_json});
}

std::vector<std::pair<BandwidthEvaluation, std::string>> BandwidthRepository::evaluations(const Scope& s,
                                                                                          const std::string& month,
                                                                                          const std::string& id) const {
  std::string sql =
      "SELECT id, month, generated_at, generated_by_name, rows_json, acknowledged_by_name, acknowledged_at FROM infra_bw_evaluations "
      "WHERE tenant_id = ?";
  storage::Params params{s.tenant_id};
  if (!month.empty()) {
    sql += " AND month = ?";
    params.emplace_back(month);
  }
  if (!id.empty()) {
    sql += " AND id = ?";
    params.emplace_back(id);
  }
  std::vector<std::pair<BandwidthEvaluation, std::string>> out;
  for (const auto& r : c_.query(sql + " ORDER BY month DESC LIMIT 240", params)) {
    BandwidthEvaluation e;
    e.id = r.text_at(0);
    e.month = r.text_at(1);
    e.generated_at = r.text_at(2);
    e.generated_by_name = r.text_at(3);
    e.acknowledged_by_name = r.text_at(5);
    e.acknowledged_at = r.optional_text_at(6);
    out.emplace_back(std::move(e), r.text_at(4));
  }
  return out;
}

void BandwidthRepository::acknowledge(const Scope& s, const std::string& id, const std::string& by_name,
                                      const std::string& at) {
  c_.execute(
      "UPDATE infra_bw_evaluations SET acknowledged_by_name = ?, acknowledged_at = ? WHERE tenant_id = ? AND id = ?",
      {by_name, at, s.tenant_id, id});
}

void BandwidthRepository::save_wan(const Scope& s, const std::string& element_id, const WanInput& in,
                                   const std::string& updated_at) {
  c_.execute("DELETE FROM infra_wan_links WHERE tenant_id = ? AND element_id = ?", {s.tenant_id, element_id});
  c_.execute(
      "INSERT INTO infra_wan_links (element_id, tenant_id, from_agency_id, to_agency_id, medium, capacity_mbps, operated_by, "
      "provider, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {element_id, s.tenant_id, in.from_agency_id, in.to_agency_id, in.medium, in.capacity_mbps, in.operated_by,
       in.provider, updated_at});
}

std::map<std::string, WanLink> BandwidthRepository::wan_links(const Scope& s) const {
  std::map<std::string, WanLink> out;
  for (const auto& r :
       c_.query("SELECT w.element_id, w.from_agency_id, COALESCE(f.name, ''), w.to_agency_id, COALESCE(t.name, ''), "
                "w.medium, w.capacity_mbps, w.operated_by, w.provider, w.updated_at FROM infra_wan_links w "
                "LEFT JOIN agencies f ON f.id = w.from_agency_id LEFT JOIN agencies t ON t.id = w.to_agency_id "
                "WHERE w.tenant_id = ?",
                {s.tenant_id})) {
    WanLink w;
    w.from_agency_id = r.text_at(1);
    w.from_agency_name = r.text_at(2);
    w.to_agency_id = r.text_at(3);
    w.to_agency_name = r.text_at(4);
    w.medium = r.text_at(5);
    w.capacity_mbps = static_cast<int>(r.int_at(6));
    w.operated_by = r.text_at(7);
    w.provider = r.text_at(8);
    w.updated_at = r.text_at(9);
    out.emplace(r.text_at(0), std::move(w));
  }
  return out;
}

}  // namespace simpul::infrastructure
