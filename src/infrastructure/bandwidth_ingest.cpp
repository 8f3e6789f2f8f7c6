// Counter ingestion (docs/infrastructure.md, "Bandwidth"): a batch of readings is validated whole,
// merged per interface with the stored readings around it (so a backfilled reading gets its rate and
// the stored reading after it gets a new one), written with multi-row statements, and added to the
// per-agency 5-minute rollup the chart and the monthly evaluation read. One transaction, one ledger
// entry per batch.
#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "infrastructure/bandwidth.hpp"
#include "infrastructure/bandwidth_repository.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::infrastructure {
namespace {

constexpr std::int64_t kRollupSlotSeconds = 300;
constexpr std::int64_t kIngestClockSkewSeconds = 300;

std::int64_t seconds_since_epoch(clock::TimePoint t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

std::string iso_of_seconds(std::int64_t seconds) {
  return clock::to_iso(clock::TimePoint(std::chrono::seconds(seconds)));
}

[[noreturn]] void refuse_sample(std::size_t index, const char* field, const std::string& reason) {
  throw Error(ErrorCode::ValidationInvalidValue, "samples[" + std::to_string(index) + "]." + field, reason);
}

/// One reading of an interface's timeline: a stored one or one of the batch (`index` into the batch).
struct TimelinePoint {
  std::int64_t at_s = 0, in_octets = 0, out_octets = 0;
  bool fresh = false, reset = false;
  std::size_t index = 0;
  std::optional<std::int64_t> in_bps, out_bps;  // stored rates (for a stored point)
};

std::int64_t rate_of(std::int64_t octets, std::int64_t previous, std::int64_t seconds) {
  return static_cast<std::int64_t>(static_cast<double>(octets - previous) * 8.0 / static_cast<double>(seconds));
}

/// Everything one batch writes.
struct IngestPlan {
  std::vector<NewSample> inserts;
  struct RateUpdate {
    std::int64_t at_s, in_bps, out_bps;
  };
  std::vector<RateUpdate> updates;  // of the interface being merged (flushed per interface)
  std::map<std::pair<std::string, std::int64_t>, SlotDelta> slots;

  void add_rate(const std::string& agency_id, std::int64_t at_s, std::int64_t in_bps, std::int64_t out_bps,
                std::int64_t rated) {
    auto slot = at_s / kRollupSlotSeconds * kRollupSlotSeconds;
    auto& d = slots[{agency_id, slot}];
    d.agency_id = agency_id;
    d.slot_s = slot;
    d.in_bps += in_bps;
    d.out_bps += out_bps;
    d.rated += rated;
  }
};

/// Merges one interface's new readings (time order, duplicates of the batch already dropped) with its stored
/// readings around them; refuses a reading that breaks the counters; fills `plan`. Returns the duplicates.
int merge_interface(const std::vector<SampleInput>& samples,
                    const std::vector<std::pair<std::int64_t, std::size_t>>& fresh,
                    const std::vector<StoredSample>& stored, IngestPlan& plan) {
  std::vector<TimelinePoint> line;
  line.reserve(fresh.size() + stored.size());
  for (const auto& x : stored)
    line.push_back({x.at_s, x.in_octets, x.out_octets, false, false, 0, x.in_bps, x.out_bps});
  std::set<std::int64_t> stored_times;
  for (const auto& x : stored) stored_times.insert(x.at_s);
  int duplicates = 0;
  for (const auto& [at_s, i] : fresh) {
    if (stored_times.count(at_s)) {  // posted again: kept once, the stored reading wins
      ++duplicates;
      continue;
    }
    const auto& x = samples[i];
    line.push_back({at_s, x.in_octets, x.out_octets, true, x.reset, i, std::nullopt, std::nullopt});
  }
  std::stable_sort(line.begin(), line.end(), [](const auto& a, const auto& b) { return a.at_s < b.at_s; });
  const auto& agency_id = samples[fresh.front().second].agency_id;
  const TimelinePoint* prev = nullptr;
  bool stored_before = false;  // a stored reading precedes this point (so a stored one without rate was a reset)
  for (auto& p : line) {
    if (p.fresh) {
      NewSample n{&samples[p.index], p.at_s, std::nullopt, std::nullopt};
      if (prev && !p.reset) {
        if (p.in_octets < prev->in_octets)
          refuse_sample(p.index, "in_octets", "decreases without reset: set reset=true after a counter restart");
        if (p.out_octets < prev->out_octets)
          refuse_sample(p.index, "out_octets", "decreases without reset: set reset=true after a counter restart");
        n.in_bps = rate_of(p.in_octets, prev->in_octets, p.at_s - prev->at_s);
        n.out_bps = rate_of(p.out_octets, prev->out_octets, p.at_s - prev->at_s);
        plan.add_rate(agency_id, p.at_s, *n.in_bps, *n.out_bps, 1);
      }
      plan.inserts.push_back(n);
    } else if (prev && prev->fresh) {
      // A backfilled reading is now this stored reading's predecessor: its rate comes from that reading.
      bool was_reset = !p.in_bps && stored_before;
      bool monotone = p.in_octets >= prev->in_octets && p.out_octets >= prev->out_octets;
      if (p.in_bps && !monotone)
        refuse_sample(prev->index, p.in_octets < prev->in_octets ? "in_octets" : "out_octets",
                      "is larger than the interface's next stored reading at " + iso_of_seconds(p.at_s));
      if (!was_reset && monotone) {
        auto in = rate_of(p.in_octets, prev->in_octets, p.at_s - prev->at_s);
        auto out = rate_of(p.out_octets, prev->out_octets, p.at_s - prev->at_s);
        plan.add_rate(agency_id, p.at_s, in - p.in_bps.value_or(0), out - p.out_bps.value_or(0), p.in_bps ? 0 : 1);
        plan.updates.push_back({p.at_s, in, out});
      }
    }
    if (!p.fresh) stored_before = true;
    prev = &p;
  }
  return duplicates;
}

}  // namespace

IngestResult BandwidthService::ingest(const Scope& s, std::vector<SampleInput> samples, const Actor& actor) {
  if (samples.empty()) throw Error(ErrorCode::ValidationInvalidValue, "samples", "is empty");
  auto now_s = seconds_since_epoch(clock::now());
  // Per interface in time order; the first of equal times in the batch is kept, later ones are duplicates.
  std::map<std::pair<std::string, std::string>, std::vector<std::pair<std::int64_t, std::size_t>>> by_interface;
  for (std::size_t i = 0; i < samples.size(); ++i) {
    const auto& x = samples[i];
    auto t = clock::parse_iso(x.at);
    if (!t) refuse_sample(i, "at", "must be an ISO 8601 time");
    auto at_s = seconds_since_epoch(*t);
    if (at_s > now_s + kIngestClockSkewSeconds) refuse_sample(i, "at", "is in the future");
    if (x.in_octets < 0) refuse_sample(i, "in_octets", "is negative");
    if (x.out_octets < 0) refuse_sample(i, "out_octets", "is negative");
    by_interface[{x.agency_id, x.interface}].emplace_back(at_s, i);
  }
  IngestResult result;
  for (auto& [key, list] : by_interface) {
    std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    auto last = std::unique(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.first == b.first; });
    result.duplicates += static_cast<int>(list.end() - last);
    list.erase(last, list.end());
  }
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    BandwidthRepository repo(c);
    std::set<std::string> known_agencies;
    IngestPlan plan;
    plan.inserts.reserve(samples.size());
    int duplicates = result.duplicates;
    for (const auto& [key, list] : by_interface) {
      const auto& [agency_id, interface] = key;
      if (!known_agencies.count(agency_id)) {
        if (!tenancy_.agency(c, s, agency_id))
          refuse_sample(list.front().second, "agency_id", "not an agency of this tenant");
        known_agencies.insert(agency_id);
      }
      auto stored = repo.window(s, agency_id, interface, list.front().first, list.back().first);
      duplicates += merge_interface(samples, list, stored, plan);
      for (const auto& u : plan.updates) repo.update_rate(s, agency_id, interface, u.at_s, u.in_bps, u.out_bps);
      plan.updates.clear();
    }
    IngestResult out{static_cast<int>(plan.inserts.size()), duplicates};
    if (out.stored == 0) return out;
    repo.insert_samples(s, plan.inserts);
    std::vector<SlotDelta> deltas;
    deltas.reserve(plan.slots.size());
    for (auto& [k, d] : plan.slots) deltas.push_back(std::move(d));
    repo.add_to_slots(s, deltas);
    auto [first, latest] = std::minmax_element(plan.inserts.begin(), plan.inserts.end(),
                                               [](const auto& a, const auto& b) { return a.at_s < b.at_s; });
    // One ledger entry per batch: who posted how many readings of which period (not one per reading).
    ledger_.append(c,
                   ledger::change_in(s, actor, "infrastructure.bandwidth.samples", "infra_bw_samples", crypto::new_id(),
                                     {{"stored", out.stored},
                                      {"duplicates", out.duplicates},
                                      {"agencies", known_agencies.size()},
                                      {"from", iso_of_seconds(first->at_s)},
                                      {"to", iso_of_seconds(latest->at_s)}}));
    return out;
  });
}

}  // namespace simpul::infrastructure
