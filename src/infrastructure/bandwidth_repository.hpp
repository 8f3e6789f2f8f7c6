#pragma once
// SQL of bandwidth and WAN links (bandwidth.hpp); every query is confined to the tenant.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/context.hpp"
#include "infrastructure/bandwidth.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace simpul::infrastructure {

/// A stored counter reading with its rates (bit/s; none after a reset or for an interface's first reading).
struct StoredSample {
  std::int64_t at_s = 0, in_octets = 0, out_octets = 0;
  std::optional<std::int64_t> in_bps, out_bps;
};

struct NewSample {
  const SampleInput* input = nullptr;
  std::int64_t at_s = 0;
  std::optional<std::int64_t> in_bps, out_bps;
};

/// What a batch adds to one agency's 5-minute slot: summed rates of its interfaces and how many readings had one.
struct SlotDelta {
  std::string agency_id;
  std::int64_t slot_s = 0, in_bps = 0, out_bps = 0, rated = 0;
};

struct SlotRate {
  std::int64_t slot_s = 0, in_bps = 0, out_bps = 0;
};

class BandwidthRepository {
 public:
  explicit BandwidthRepository(storage::Connection& c) : c_(c) {}
  static std::vector<storage::Migration> migrations();

  void insert(const Scope& s, const BandwidthRequest& r);
  std::optional<BandwidthRequest> request(const Scope& s, const std::string& id) const;
  std::vector<BandwidthRequest> requests(const Scope& s, const std::string& state, const std::string& agency_id) const;
  void decide(const Scope& s, const BandwidthRequest& r, const std::string& decided_by);
  /// agency -> allocation of its newest approved request.
  std::map<std::string, int> allocations(const Scope& s) const;

  /// The stored readings of one interface from the last one before `from` to the first one after `to`
  /// (both included when they exist), oldest first: what a batch spanning [from, to] is merged into.
  std::vector<StoredSample> window(const Scope& s, const std::string& agency_id, const std::string& interface,
                                   std::int64_t from, std::int64_t to) const;
  /// New readings, in multi-row statements (a batch of 20,000 is a few hundred statements, not 20,000).
  void insert_samples(const Scope& s, const std::vector<NewSample>& samples);
  /// A stored reading's rate, recomputed when a backfilled reading became its predecessor.
  void update_rate(const Scope& s, const std::string& agency_id, const std::string& interface, std::int64_t at_s,
                   std::int64_t in_bps, std::int64_t out_bps);
  /// Adds to the per-agency 5-minute rollup (created on first use).
  void add_to_slots(const Scope& s, const std::vector<SlotDelta>& deltas);
  /// One agency's rollup in [from, to) (epoch seconds), slots with at least one rate, oldest first.
  std::vector<SlotRate> slot_rates(const Scope& s, const std::string& agency_id, std::int64_t from,
                                   std::int64_t to) const;
  /// The earliest reading's 5-minute slot (epoch seconds), if any.
  std::optional<std::int64_t> first_sample(const Scope& s) const;

  void insert(const Scope& s, const BandwidthEvaluation& e, const std::string& rows_json);
  /// (evaluation, its rows as stored JSON)
  std::vector<std::pair<BandwidthEvaluation, std::string>> evaluations(const Scope& s, const std::string& month,
                                                                       const std::string& id) const;
  void acknowledge(const Scope& s, const std::string& id, const std::string& by_name, const std::string& at);

  void save_wan(const Scope& s, const std::string& element_id, const WanInput& in, const std::string& updated_at);
  /// element id -> its record (names of the agencies joined); element fields are the architecture's.
  std::map<std::string, WanLink> wan_links(const Scope& s) const;

 private:
  storage::Connection& c_;
};

}  // namespace simpul::infrastructure
