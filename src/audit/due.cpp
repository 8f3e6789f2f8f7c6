// The paged due list (docs/ict-audit.md, "Audit objects and cadence"): the profile's audit types
// become SQL scopes; each object × type row is stored with its due date (audit_due_rows) and
// recomputed only when what it depends on changed, so the database filters, counts, orders and
// pages by index.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>

#include "audit/due_repository.hpp"
#include "audit/service.hpp"
#include "core/clock.hpp"
#include "regulation/engine.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::audit {
namespace {

/// An element change is trusted to be seen by the stamp only once its second is this far in the
/// past: a write in the same second as the latest one would not move `latest`, and a transaction
/// commits well within this after it stamps updated_at (SQLite waits for its lock before, at most 5 s).
constexpr auto kDueSettle = std::chrono::seconds(30);

/// FNV-1a, 64 bits, as hex: stable across processes and builds (std::hash is neither promised).
std::string due_hash(const std::string& text) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char ch : text) {
    h ^= ch;
    h *= 1099511628211ull;
  }
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(h));
  return out;
}

/// Everything of the profile (and the applications' builders) the stored rows were computed from.
std::string due_scope_text(const DueFilter& f) {
  std::string out = "tz " + std::to_string(f.utc_offset_hours) + "\nlive";
  for (const auto& x : f.live_stages) out += " " + x;
  for (const auto& t : f.types) {
    out += "\ntype " + t.type + " " + std::to_string(t.months) + (t.infrastructure ? " infra" : "") + " apps";
    for (const auto& x : t.application_categories) out += " " + x;
    out += " pemda";
    for (const auto& x : t.pemda_built_categories) out += " " + x;
    out += " ids";
    for (const auto& x : t.pemda_built_ids) out += " " + x;
  }
  return out;
}

}  // namespace

std::string due_fingerprint(const DueFilter& f, const ElementStamp& e, clock::TimePoint now) {
  if (!e.latest.empty()) {
    auto latest = clock::parse_iso(e.latest);
    if (!latest || now - *latest < kDueSettle) return "";  // not settled: recompute on every read until it is
  }
  return due_hash(due_scope_text(f)) + " " + std::to_string(e.count) + " " + e.latest;
}

DueFilter Service::due_filter(storage::Connection& c, const Scope& s, const std::string& type,
                              const std::string& agency_id, const std::string& today,
                              const std::string& horizon) const {
  const auto& p = profile_of(s);
  const auto& a = audit_profile(p);
  DueFilter f;
  f.live_stages = p.applications.live_stages;
  f.utc_offset_hours = p.utc_offset_hours();
  f.type = type;
  f.agency_id = agency_id;
  f.today = today;
  f.horizon = horizon;
  std::map<std::string, std::string> builders;
  bool builders_read = false;
  for (const auto& t : a.types) {
    DueTypeScope d;
    d.type = t.id;
    d.months = t.months;
    d.infrastructure = t.infrastructure;
    d.application_categories = t.application_categories;
    d.pemda_built_categories = t.pemda_built_categories;
    if (!t.pemda_built_categories.empty()) {
      if (!builders_read) builders = builders_of(c, s);  // once per request, not once per type
      builders_read = true;
      for (const auto& [id, builder] : builders)
        if (std::find(t.pemda_builders.begin(), t.pemda_builders.end(), builder) != t.pemda_builders.end())
          d.pemda_built_ids.push_back(id);
    }
    f.types.push_back(std::move(d));
  }
  return f;
}

DueFilter Service::current_due_rows(const Scope& s, const std::string& type, const std::string& agency_id,
                                    const std::string& today, const std::string& horizon) const {
  bool current = false;
  auto f = storage::read(db_, [&](storage::Connection& c) {
    auto f = due_filter(c, s, type, agency_id, today, horizon);
    DueRepository repo(c);
    auto fingerprint = due_fingerprint(f, repo.element_stamp(s), clock::now());
    current = !fingerprint.empty() && repo.stored_fingerprint(s) == fingerprint;
    return f;
  });
  if (current) return f;
  storage::write_transaction(db_, [&](storage::Connection& c) {
    DueRepository repo(c);
    repo.lock_stamp(s);
    // Read after the lock: a request that refreshed meanwhile leaves nothing to do.
    auto fingerprint = due_fingerprint(f, repo.element_stamp(s), clock::now());
    if (!fingerprint.empty() && repo.stored_fingerprint(s) == fingerprint) return;
    auto rows = repo.source_rows(s, f);
    std::map<std::string, int> months;
    for (const auto& t : f.types) months[t.type] = t.months;
    for (auto& d : rows)
      if (int m = months[d.type]; m > 0) d.due = regulation::add_months(d.since, m);
    repo.replace(s, rows, fingerprint);
  });
  return f;
}

DuePage Service::due(const Scope& s, const DueQuery& q) const {
  DuePage out;
  out.today = profile_of(s).today();
  out.horizon = clock::plus_days(out.today, q.within_days);
  auto f = current_due_rows(s, q.type, q.agency_id, out.today, out.horizon);
  if (q.status.empty())
    f.buckets = {"terlambat", "jatuh_tempo"};
  else
    f.buckets = {q.status};
  return storage::read(db_, [&](storage::Connection& c) {
    DueRepository repo(c);
    out.totals = repo.totals(s, f);
    for (const auto& b : f.buckets) out.total += out.totals[b];
    out.items = repo.page(s, f, q.limit, q.offset);
    return out;
  });
}

}  // namespace simpul::audit
