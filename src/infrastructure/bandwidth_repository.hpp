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

/// A stored counter reading: time in epoch seconds, rates in bit/s (none after a reset or for the first).
struct StoredSample {
  std::int64_t at_s = 0, in_octets = 0, out_octets = 0;
};

struct RateRow {
  std::string agency_id, interface;
  std::int64_t at_s = 0, in_bps = 0, out_bps = 0;
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

  std::optional<StoredSample> latest_sample(const Scope& s, const std::string& agency_id,
                                            const std::string& interface) const;
  std::optional<StoredSample> sample_at(const Scope& s, const std::string& agency_id, const std::string& interface,
                                        std::int64_t at_s) const;
  void insert_sample(const Scope& s, const SampleInput& x, std::int64_t at_s, std::optional<std::int64_t> in_bps,
                     std::optional<std::int64_t> out_bps);
  /// Rates in [from, to) (epoch seconds), of one agency or all, summed per agency and 5-minute slot
  /// (`interface` empty, `at_s` the slot's start).
  std::vector<RateRow> rates(const Scope& s, const std::string& agency_id, std::int64_t from, std::int64_t to) const;
  /// The earliest sample's time (epoch seconds), if any.
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
