#pragma once
// Bandwidth and WAN of the Jaringan Intra (docs/infrastructure.md, "Bandwidth", "WAN links"): PD
// requests decided by the Dinas with a priority score, the allocation they set, per-interface
// counters ingested from the Dinas's monitoring, the monthly evaluation per PD for the Tim
// Koordinasi, and WAN links as architecture elements with their operational record. No HTTP.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "infrastructure/service.hpp"

namespace simpul::infrastructure {

struct BandwidthRequest {
  std::string id;
  std::string agency_id, agency_name;
  int need_mbps = 0;
  std::string justification;
  std::string state = "diajukan";  // diajukan | disetujui | ditolak
  std::string requested_by, requested_by_name, requested_at;
  std::optional<int> priority;        // 1 (highest) .. 5, the Dinas's priority scale
  std::optional<int> allocated_mbps;  // set on approval: the PD's allocation from then on
  std::string reasons, decided_by_name;
  std::optional<std::string> decided_at;
};

/// One counter reading of a PD's interface, as the monitoring posts it.
struct SampleInput {
  std::string agency_id, interface, at;
  std::int64_t in_octets = 0, out_octets = 0;
  bool reset = false;  // the counter restarted (device reboot, wrap): no rate from the previous reading
};

struct IngestResult {
  int stored = 0, duplicates = 0;
};

/// Per PD, one closed month: utilisation of the sum of its interfaces per 5-minute slot.
struct EvaluationRow {
  std::string agency_id, agency_name;
  std::int64_t samples = 0;
  double average_mbps = 0, p95_mbps = 0, peak_mbps = 0;
  std::optional<int> allocated_mbps;
  std::optional<double> share;  // p95 / allocation
  std::string assessment;       // kurang | sesuai | lebih | tanpa_alokasi | tanpa_data
  std::string recommendation;
};

struct BandwidthEvaluation {
  std::string id;
  std::string month;  // YYYY-MM in the tenant's time
  std::string generated_at, generated_by_name;
  std::vector<EvaluationRow> rows;
  std::string acknowledged_by_name;
  std::optional<std::string> acknowledged_at;
};

/// The operational record of a WAN link element (domain infrastruktur, infra_type jaringan_intra).
struct WanLink {
  architecture::Element element;
  std::string from_agency_id, from_agency_name, to_agency_id, to_agency_name;
  std::string medium;  // fiber_optik | radio | vpn | sewa
  int capacity_mbps = 0;
  std::string operated_by;  // dinas | pd
  std::string provider;     // a network service provider, or empty when the Pemda built it
  std::string updated_at;
};

struct WanInput {
  architecture::ElementInput element;
  std::string from_agency_id, to_agency_id, medium, operated_by = "dinas", provider;
  int capacity_mbps = 0;
};

class BandwidthService {
 public:
  BandwidthService(storage::Database& db, const tenancy::Service& tenancy, architecture::Service& elements,
                   regulation::Compliance& compliance, const ledger::Ledger& ledger)
      : db_(db), tenancy_(tenancy), elements_(elements), compliance_(compliance), ledger_(ledger) {}

  const tenancy::Profile& profile_of(const Scope& s) const { return elements_.profile_of(s); }

  BandwidthRequest request(const Scope& s, const std::string& agency_id, int need_mbps,
                           const std::string& justification, const Actor& actor);
  /// The Dinas decides: approval with a priority (1-5) and the allocation in Mbps; refusal with reasons.
  BandwidthRequest decide(const Scope& s, const std::string& id, bool approve, std::optional<int> priority,
                          std::optional<int> allocated_mbps, const std::string& reasons, const Actor& actor);
  BandwidthRequest get_request(const Scope& s, const std::string& id) const;
  std::vector<BandwidthRequest> requests(const Scope& s, const std::string& state, const std::string& agency_id) const;
  /// agency -> its allocation (the newest approved request's).
  std::vector<std::pair<std::string, int>> allocations(const Scope& s) const;

  /// All samples stored or none: refused ones name their index and field.
  IngestResult ingest(const Scope& s, std::vector<SampleInput> samples, const Actor& actor);
  /// Per 5-minute slot of one PD: [slot start (UTC ISO), Mbps in, Mbps out] between two UTC instants.
  struct UsagePoint {
    std::string at;
    double in_mbps = 0, out_mbps = 0;
  };
  std::vector<UsagePoint> usage(const Scope& s, const std::string& agency_id, const std::string& month) const;

  /// The evaluation of a closed month: generated once (later calls return it, `created` false).
  BandwidthEvaluation evaluate(const Scope& s, const std::string& month, const Actor& actor, bool& created);
  std::vector<BandwidthEvaluation> evaluations(const Scope& s) const;
  BandwidthEvaluation evaluation(const Scope& s, const std::string& id) const;
  /// A member of the Tim Koordinasi acknowledges receipt (Lampung Timur Pasal 21 ayat (4)).
  BandwidthEvaluation acknowledge(const Scope& s, const std::string& id, const Actor& actor);
  /// The scheduler's month close: every tenant's last closed month with samples gets its evaluation.
  void close_months();

  WanLink create_wan(const Scope& s, const WanInput& in, const Actor& actor);
  std::vector<WanLink> wan_links(const Scope& s) const;
  WanLink wan(const Scope& s, const std::string& id) const;

 private:
  storage::Database& db_;
  const tenancy::Service& tenancy_;
  architecture::Service& elements_;
  regulation::Compliance& compliance_;
  const ledger::Ledger& ledger_;
};

/// The month (YYYY-MM) of a local date, and its first instant in UTC for a tenant at `offset` hours.
std::string month_of(const std::string& date);
std::int64_t month_start_utc(const std::string& month, int offset_hours);
std::string next_month(const std::string& month);
/// The assessment of one PD's month from its p95 and allocation (thresholds in docs/infrastructure.md).
void assess_row(EvaluationRow& row);

const std::vector<tenancy::EnumItem>& wan_media();

/// The checks of a WAN link's record on creation and on edit (wan_check.cpp), in one place: the
/// medium, who runs it, two different agencies of the tenant, and the region's rule that the Dinas
/// runs the WAN (refused citing it). Returns the agency owning the link's element: the operator
/// role's holder when the Dinas runs it, else the link's first agency.
std::string checked_wan_owner(storage::Connection& c, const Scope& s, const tenancy::Profile& p, const WanInput& in,
                              const tenancy::Service& tenancy, regulation::Compliance& compliance);

}  // namespace simpul::infrastructure

namespace simpul::http {
class Router;
}

namespace simpul::infrastructure {
/// /api/infrastructure/bandwidth/* and /api/infrastructure/wan-links (bandwidth_routes.cpp).
void register_bandwidth_routes(http::Router& router, BandwidthService& bandwidth, Service& infrastructure);
}  // namespace simpul::infrastructure
