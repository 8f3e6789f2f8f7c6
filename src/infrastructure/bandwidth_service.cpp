#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <set>

#include <boost/json/serialize.hpp>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/log.hpp"
#include "infrastructure/bandwidth.hpp"
#include "infrastructure/bandwidth_json.hpp"
#include "infrastructure/bandwidth_repository.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::infrastructure {
namespace {

constexpr std::int64_t kSlotSeconds = 300;  // samples are evaluated per 5-minute slot
constexpr std::int64_t kClockSkewSeconds = 300;

std::int64_t epoch_seconds(clock::TimePoint t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

std::string iso_of(std::int64_t seconds) { return clock::to_iso(clock::TimePoint(std::chrono::seconds(seconds))); }

bool is_month(const std::string& m) {
  if (m.size() != 7 || m[4] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u})
    if (m[i] < '0' || m[i] > '9') return false;
  int month = std::stoi(m.substr(5, 2));
  return month >= 1 && month <= 12;
}

[[noreturn]] void bad_sample(std::size_t index, const char* field, const char* reason) {
  throw Error(ErrorCode::ValidationInvalidValue, "samples[" + std::to_string(index) + "]." + field, reason);
}

struct PerSlot {
  double in = 0, out = 0;
};

/// agency -> slot start -> summed rates of its interfaces (bit/s).
std::map<std::string, std::map<std::int64_t, PerSlot>> by_slot(const std::vector<RateRow>& rates) {
  std::map<std::string, std::map<std::int64_t, PerSlot>> out;
  for (const auto& r : rates) {
    auto& slot = out[r.agency_id][r.at_s / kSlotSeconds * kSlotSeconds];
    slot.in += static_cast<double>(r.in_bps);
    slot.out += static_cast<double>(r.out_bps);
  }
  return out;
}

BandwidthEvaluation evaluation_from(std::pair<BandwidthEvaluation, std::string> stored) {
  stored.first.rows = rows_from_json(stored.second);
  return std::move(stored.first);
}

const Actor kMonthClose{"system", "Simpul (penutupan bulan)", ""};

}  // namespace

const std::vector<tenancy::EnumItem>& wan_media() {
  static const std::vector<tenancy::EnumItem> k = {{"fiber_optik", "Fiber optik Pemerintah Daerah"},
                                                   {"radio", "Radio / nirkabel"},
                                                   {"vpn", "VPN melalui internet"},
                                                   {"sewa", "Sirkuit sewa penyedia jasa"}};
  return k;
}

std::string month_of(const std::string& date) { return date.substr(0, 7); }

std::int64_t month_start_utc(const std::string& month, int offset_hours) {
  using namespace std::chrono;
  sys_days day = year{std::stoi(month.substr(0, 4))} /
                 std::chrono::month{static_cast<unsigned>(std::stoi(month.substr(5, 2)))} / 1;
  return day.time_since_epoch().count() * 86400LL - offset_hours * 3600LL;
}

std::string next_month(const std::string& month) {
  int y = std::stoi(month.substr(0, 4)), m = std::stoi(month.substr(5, 2)) + 1;
  if (m == 13) {
    m = 1;
    ++y;
  }
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  return buf;
}

void assess_row(EvaluationRow& row) {
  if (!row.allocated_mbps) {
    row.assessment = "tanpa_alokasi";
    row.recommendation = "Tetapkan alokasi bandwidth Perangkat Daerah ini berdasarkan skala prioritas.";
    return;
  }
  if (row.samples == 0) {
    row.assessment = "tanpa_data";
    row.recommendation = "Periksa pemantauan otomatis: tidak ada data penggunaan bulan ini.";
    return;
  }
  row.share = row.p95_mbps / *row.allocated_mbps;
  if (*row.share >= 0.9) {
    row.assessment = "lebih";
    row.recommendation =
        "Penggunaan mendekati atau melebihi alokasi: tinjau kebutuhan, tambah alokasi, atau kendalikan penggunaan.";
  } else if (*row.share < 0.3) {
    row.assessment = "kurang";
    row.recommendation =
        "Penggunaan jauh di bawah alokasi: pertimbangkan mengurangi alokasi dan mengalihkannya ke Perangkat Daerah lain.";
  } else {
    row.assessment = "sesuai";
    row.recommendation = "Alokasi sesuai dengan penggunaan; pertahankan.";
  }
}

BandwidthRequest BandwidthService::request(const Scope& s, const std::string& agency_id, int need_mbps,
                                           const std::string& justification, const Actor& actor) {
  BandwidthRequest r;
  r.id = crypto::new_id();
  r.agency_id = agency_id;
  r.need_mbps = need_mbps;
  r.justification = justification;
  r.requested_by = actor.id;
  r.requested_by_name = actor.name;
  r.requested_at = clock::now_iso();
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    if (!tenancy_.agency(c, s, agency_id))
      throw Error(ErrorCode::ValidationInvalidValue, "agency_id", "not an agency of this tenant");
    BandwidthRepository repo(c);
    repo.insert(s, r);
    ledger_.append(c, ledger::change_in(s, actor, "infrastructure.bandwidth.request", "infra_bw_request", r.id,
                                        {{"agency_id", agency_id}, {"need_mbps", need_mbps}}));
    return *repo.request(s, r.id);
  });
}

BandwidthRequest BandwidthService::decide(const Scope& s, const std::string& id, bool approve,
                                          std::optional<int> priority, std::optional<int> allocated_mbps,
                                          const std::string& reasons, const Actor& actor) {
  const auto& p = profile_of(s);
  const auto& spec = spec_of(p);
  // Lampung Timur Pasal 21 ayat (2), Bandar Lampung Pasal 20 ayat (1); elsewhere no article names the decider
  // and the Pusat Data's operator decides as a product rule (the refusal then cites nothing).
  const auto& rule = spec.bandwidth_request_rule;
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    BandwidthRepository repo(c);
    auto r = repo.request(s, id);
    if (!r) throw Error(ErrorCode::InfraBandwidthRequestNotFound);
    if (r->state != "diajukan") throw Error(ErrorCode::InfraRequestDecided, {{"state", r->state}});
    if (r->requested_by == actor.id) throw Error(ErrorCode::InfraSelfDecision, {}, tenancy::rule_ref(p, rule));
    auto holder = compliance_.tenant_facts(c, s).agency_for_role(spec.operator_role);
    if (holder.empty() || holder != actor.agency_id)
      throw Error(ErrorCode::InfraNotOperator, {{"role", spec.operator_role}}, tenancy::rule_ref(p, rule));
    if (approve && !priority) throw Error(ErrorCode::ValidationMissingField, {{"field", "priority"}});
    if (approve && !allocated_mbps) throw Error(ErrorCode::ValidationMissingField, {{"field", "allocated_mbps"}});
    r->state = approve ? "disetujui" : "ditolak";
    r->priority = priority;
    r->allocated_mbps = approve ? allocated_mbps : std::nullopt;
    r->reasons = reasons;
    r->decided_by_name = actor.name;
    r->decided_at = clock::now_iso();
    repo.decide(s, *r, actor.id);
    ledger_.append(
        c, ledger::change_in(s, actor, "infrastructure.bandwidth.decide", "infra_bw_request", r->id,
                             {{"decision", r->state},
                              {"priority", priority ? boost::json::value(*priority) : nullptr},
                              {"allocated_mbps", r->allocated_mbps ? boost::json::value(*r->allocated_mbps) : nullptr},
                              {"reasons", reasons}}));
    return *r;
  });
}

BandwidthRequest BandwidthService::get_request(const Scope& s, const std::string& id) const {
  return storage::read(db_, [&](storage::Connection& c) {
    auto r = BandwidthRepository(c).request(s, id);
    if (!r) throw Error(ErrorCode::InfraBandwidthRequestNotFound);
    return *r;
  });
}

std::vector<BandwidthRequest> BandwidthService::requests(const Scope& s, const std::string& state,
                                                         const std::string& agency_id) const {
  return storage::read(db_,
                       [&](storage::Connection& c) { return BandwidthRepository(c).requests(s, state, agency_id); });
}

std::vector<std::pair<std::string, int>> BandwidthService::allocations(const Scope& s) const {
  return storage::read(db_, [&](storage::Connection& c) {
    auto m = BandwidthRepository(c).allocations(s);
    return std::vector<std::pair<std::string, int>>(m.begin(), m.end());
  });
}

IngestResult BandwidthService::ingest(const Scope& s, std::vector<SampleInput> samples, const Actor& actor) {
  if (samples.empty()) throw Error(ErrorCode::ValidationInvalidValue, "samples", "is empty");
  auto now_s = epoch_seconds(clock::now());
  std::vector<std::pair<std::int64_t, std::size_t>> order;  // (time, index)
  order.reserve(samples.size());
  for (std::size_t i = 0; i < samples.size(); ++i) {
    const auto& x = samples[i];
    auto t = clock::parse_iso(x.at);
    if (!t) bad_sample(i, "at", "must be an ISO 8601 time");
    auto at_s = epoch_seconds(*t);
    if (at_s > now_s + kClockSkewSeconds) bad_sample(i, "at", "is in the future");
    if (x.in_octets < 0) bad_sample(i, "in_octets", "is negative");
    if (x.out_octets < 0) bad_sample(i, "out_octets", "is negative");
    order.emplace_back(at_s, i);
  }
  // Per interface in time order, so each reading's rate comes from the one before it.
  std::stable_sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
    const auto &x = samples[a.second], &y = samples[b.second];
    if (x.agency_id != y.agency_id) return x.agency_id < y.agency_id;
    if (x.interface != y.interface) return x.interface < y.interface;
    return a.first < b.first;
  });
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    BandwidthRepository repo(c);
    IngestResult result;
    std::set<std::string> known_agencies;
    std::map<std::pair<std::string, std::string>, std::optional<StoredSample>> last;
    std::int64_t first = 0, latest = 0;
    for (const auto& [at_s, i] : order) {
      const auto& x = samples[i];
      if (!known_agencies.count(x.agency_id)) {
        if (!tenancy_.agency(c, s, x.agency_id)) bad_sample(i, "agency_id", "not an agency of this tenant");
        known_agencies.insert(x.agency_id);
      }
      auto key = std::make_pair(x.agency_id, x.interface);
      auto it = last.find(key);
      if (it == last.end()) it = last.emplace(key, repo.latest_sample(s, x.agency_id, x.interface)).first;
      auto& prev = it->second;
      if (prev && at_s <= prev->at_s) {
        // The same reading posted again is kept once; an older one would break the rates after it.
        if (at_s == prev->at_s || repo.sample_at(s, x.agency_id, x.interface, at_s)) {
          ++result.duplicates;
          continue;
        }
        bad_sample(i, "at", "is older than the interface's latest sample (post readings in time order)");
      }
      std::optional<std::int64_t> in_bps, out_bps;
      if (prev && !x.reset) {
        if (x.in_octets < prev->in_octets)
          bad_sample(i, "in_octets", "decreases without reset: set reset=true after a counter restart");
        if (x.out_octets < prev->out_octets)
          bad_sample(i, "out_octets", "decreases without reset: set reset=true after a counter restart");
        double seconds = static_cast<double>(at_s - prev->at_s);
        in_bps = static_cast<std::int64_t>(static_cast<double>(x.in_octets - prev->in_octets) * 8.0 / seconds);
        out_bps = static_cast<std::int64_t>(static_cast<double>(x.out_octets - prev->out_octets) * 8.0 / seconds);
      }
      repo.insert_sample(s, x, at_s, in_bps, out_bps);
      prev = StoredSample{at_s, x.in_octets, x.out_octets};
      first = result.stored == 0 ? at_s : std::min(first, at_s);
      latest = std::max(latest, at_s);
      ++result.stored;
    }
    if (result.stored > 0)
      ledger_.append(
          c, ledger::change_in(s, actor, "infrastructure.bandwidth.samples", "infra_bw_samples", crypto::new_id(),
                               {{"stored", result.stored},
                                {"duplicates", result.duplicates},
                                {"agencies", known_agencies.size()},
                                {"from", iso_of(first)},
                                {"to", iso_of(latest)}}));
    return result;
  });
}

std::vector<BandwidthService::UsagePoint> BandwidthService::usage(const Scope& s, const std::string& agency_id,
                                                                  const std::string& month) const {
  if (!is_month(month)) throw Error(ErrorCode::ValidationInvalidValue, "month", "must be YYYY-MM");
  int offset = profile_of(s).utc_offset_hours();
  auto rates = storage::read(db_, [&](storage::Connection& c) {
    return BandwidthRepository(c).rates(s, agency_id, month_start_utc(month, offset),
                                        month_start_utc(next_month(month), offset));
  });
  std::vector<UsagePoint> out;
  auto slots = by_slot(rates);  // kept: a range over a temporary's member would dangle
  for (const auto& [slot, v] : slots[agency_id]) out.push_back({iso_of(slot), v.in / 1e6, v.out / 1e6});
  return out;
}

BandwidthEvaluation BandwidthService::evaluate(const Scope& s, const std::string& month, const Actor& actor,
                                               bool& created) {
  const auto& p = profile_of(s);
  if (!is_month(month)) throw Error(ErrorCode::ValidationInvalidValue, "month", "must be YYYY-MM");
  if (month >= month_of(p.today())) throw Error(ErrorCode::ValidationInvalidValue, "month", "has not closed yet");
  int offset = p.utc_offset_hours();
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    BandwidthRepository repo(c);
    if (auto existing = repo.evaluations(s, month, ""); !existing.empty()) {
      created = false;
      return evaluation_from(std::move(existing.front()));
    }
    auto slots = by_slot(repo.rates(s, "", month_start_utc(month, offset), month_start_utc(next_month(month), offset)));
    auto allocations = repo.allocations(s);
    BandwidthEvaluation e;
    for (const auto& a : tenancy_.agencies(c, s)) {
      auto alloc = allocations.find(a.id);
      auto used = slots.find(a.id);
      if (alloc == allocations.end() && used == slots.end()) continue;  // neither allocated nor monitored
      EvaluationRow row;
      row.agency_id = a.id;
      row.agency_name = a.name;
      if (alloc != allocations.end()) row.allocated_mbps = alloc->second;
      if (used != slots.end()) {
        std::vector<double> mbps;
        for (const auto& [slot, v] : used->second) mbps.push_back(std::max(v.in, v.out) / 1e6);
        std::sort(mbps.begin(), mbps.end());
        double sum = 0;
        for (double v : mbps) sum += v;
        row.samples = static_cast<std::int64_t>(mbps.size());
        row.average_mbps = sum / static_cast<double>(mbps.size());
        // Nearest rank: the smallest value at or above 95% of the slots.
        auto rank = static_cast<std::size_t>(std::ceil(0.95 * static_cast<double>(mbps.size())));
        row.p95_mbps = mbps[std::max<std::size_t>(rank, 1) - 1];
        row.peak_mbps = mbps.back();
      }
      assess_row(row);
      e.rows.push_back(std::move(row));
    }
    e.id = crypto::new_id();
    e.month = month;
    e.generated_at = clock::now_iso();
    e.generated_by_name = actor.name;
    repo.insert(s, e, boost::json::serialize(rows_json(e.rows)));
    ledger_.append(c, ledger::change_in(s, actor, "infrastructure.bandwidth.evaluate", "infra_bw_evaluation", e.id,
                                        {{"month", month}, {"agencies", e.rows.size()}}));
    created = true;
    // Read back what was stored, so the answer is the same now and later.
    return evaluation_from(std::move(repo.evaluations(s, month, "").front()));
  });
}

std::vector<BandwidthEvaluation> BandwidthService::evaluations(const Scope& s) const {
  return storage::read(db_, [&](storage::Connection& c) {
    std::vector<BandwidthEvaluation> out;
    for (auto& x : BandwidthRepository(c).evaluations(s, "", "")) out.push_back(evaluation_from(std::move(x)));
    return out;
  });
}

BandwidthEvaluation BandwidthService::evaluation(const Scope& s, const std::string& id) const {
  return storage::read(db_, [&](storage::Connection& c) {
    auto found = BandwidthRepository(c).evaluations(s, "", id);
    if (found.empty()) throw Error(ErrorCode::InfraEvaluationNotFound);
    return evaluation_from(std::move(found.front()));
  });
}

BandwidthEvaluation BandwidthService::acknowledge(const Scope& s, const std::string& id, const Actor& actor) {
  const auto& p = profile_of(s);
  const auto& spec = spec_of(p);
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    BandwidthRepository repo(c);
    auto found = repo.evaluations(s, "", id);
    if (found.empty()) throw Error(ErrorCode::InfraEvaluationNotFound);
    // The evaluation goes to the Tim Koordinasi (Lampung Timur Pasal 21 ayat (4)): one of its members acknowledges it.
    bool member = false;
    for (const auto& t : tenancy_.teams(c, s))
      if (t.kind == spec.bandwidth_report_team)
        for (const auto& m : t.members) member = member || m.user_id == actor.id;
    if (!member)
      throw Error(ErrorCode::AuthForbidden, {{"team", spec.bandwidth_report_team}},
                  tenancy::rule_ref(p, spec.bandwidth_report_rule));
    if (!found.front().first.acknowledged_at) {
      repo.acknowledge(s, id, actor.name, clock::now_iso());
      ledger_.append(c, ledger::change_in(s, actor, "infrastructure.bandwidth.acknowledge", "infra_bw_evaluation", id,
                                          {{"month", found.front().first.month}}));
    }
    return evaluation_from(std::move(repo.evaluations(s, "", id).front()));
  });
}

void BandwidthService::close_months() {
  for (const auto& t : tenancy_.tenants()) {
    try {
      Scope scope{t.id};
      const auto& p = profile_of(scope);
      auto closed = month_of(p.today());
      // The month before the current one.
      int y = std::stoi(closed.substr(0, 4)), m = std::stoi(closed.substr(5, 2)) - 1;
      if (m == 0) {
        m = 12;
        --y;
      }
      char buf[8];
      std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
      std::string month = buf;
      bool has_data = storage::read(db_, [&](storage::Connection& c) {
        BandwidthRepository repo(c);
        auto first = repo.first_sample(scope);
        return first && *first < month_start_utc(closed, p.utc_offset_hours()) &&
               repo.evaluations(scope, month, "").empty();
      });
      if (!has_data) continue;
      bool created = false;
      evaluate(scope, month, kMonthClose, created);
      if (created) log::info("infrastructure.bandwidth_evaluated", {{"tenant", t.slug}, {"month", month}});
    } catch (const std::exception& e) {
      log::error("infrastructure.bandwidth_evaluation_failed", {{"tenant", t.slug}, {"error", e.what()}});
    }
  }
}

WanLink BandwidthService::create_wan(const Scope& s, const WanInput& in, const Actor& actor) {
  const auto& p = profile_of(s);
  auto owner =
      storage::read(db_, [&](storage::Connection& c) { return checked_wan_owner(c, s, p, in, tenancy_, compliance_); });
  architecture::ElementInput element = in.element;
  element.domain = "infrastruktur";
  element.owner_agency_id = owner;
  boost::json::object attributes = element.attributes.value_or(boost::json::object{});
  attributes["infra_type"] = "jaringan_intra";
  element.attributes = attributes;
  auto e = elements_.create(
      s, element, actor, [&](storage::Connection& c, const architecture::Element&, const architecture::Element& after) {
        auto now = clock::now_iso();
        BandwidthRepository(c).save_wan(s, after.id, in, now);
        ledger_.append(c, ledger::change_in(s, actor, "infrastructure.wan.create", "element", after.id,
                                            {{"from_agency_id", in.from_agency_id},
                                             {"to_agency_id", in.to_agency_id},
                                             {"medium", in.medium},
                                             {"capacity_mbps", in.capacity_mbps},
                                             {"operated_by", in.operated_by}}));
      });
  return wan(s, e.id);
}

std::vector<WanLink> BandwidthService::wan_links(const Scope& s) const {
  return storage::read(db_, [&](storage::Connection& c) {
    auto records = BandwidthRepository(c).wan_links(s);
    std::vector<WanLink> out;
    for (auto& e : elements_.all_elements(c, s)) {
      auto r = records.find(e.id);
      if (r == records.end() || e.domain != "infrastruktur") continue;
      WanLink w = r->second;
      w.element = std::move(e);
      out.push_back(std::move(w));
    }
    return out;
  });
}

WanLink BandwidthService::wan(const Scope& s, const std::string& id) const {
  for (auto& w : wan_links(s))
    if (w.element.id == id) return w;
  throw Error(ErrorCode::InfraWanLinkNotFound);
}

}  // namespace simpul::infrastructure
