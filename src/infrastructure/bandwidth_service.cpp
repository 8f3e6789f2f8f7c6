#include <algorithm>
#include <chrono>
#include <cmath>

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

std::string iso_of(std::int64_t seconds) { return clock::to_iso(clock::TimePoint(std::chrono::seconds(seconds))); }

bool is_month(const std::string& m) {
  if (m.size() != 7 || m[4] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u})
    if (m[i] < '0' || m[i] > '9') return false;
  int month = std::stoi(m.substr(5, 2));
  return month >= 1 && month <= 12;
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

std::vector<BandwidthService::UsagePoint> BandwidthService::usage(const Scope& s, const std::string& agency_id,
                                                                  const std::string& month) const {
  if (!is_month(month)) throw Error(ErrorCode::ValidationInvalidValue, "month", "must be YYYY-MM");
  int offset = profile_of(s).utc_offset_hours();
  auto slots = storage::read(db_, [&](storage::Connection& c) {
    return BandwidthRepository(c).slot_rates(s, agency_id, month_start_utc(month, offset),
                                             month_start_utc(next_month(month), offset));
  });
  std::vector<UsagePoint> out;
  out.reserve(slots.size());
  for (const auto& x : slots)
    out.push_back({iso_of(x.slot_s), static_cast<double>(x.in_bps) / 1e6, static_cast<double>(x.out_bps) / 1e6});
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
    auto from = month_start_utc(month, offset), to = month_start_utc(next_month(month), offset);
    auto allocations = repo.allocations(s);
    BandwidthEvaluation e;
    for (const auto& a : tenancy_.agencies(c, s)) {
      // The agency's 5-minute rollup of the month (one row per slot, read through its primary key).
      auto used = repo.slot_rates(s, a.id, from, to);
      auto alloc = allocations.find(a.id);
      if (alloc == allocations.end() && used.empty()) continue;  // neither allocated nor monitored
      EvaluationRow row;
      row.agency_id = a.id;
      row.agency_name = a.name;
      if (alloc != allocations.end()) row.allocated_mbps = alloc->second;
      if (!used.empty()) {
        std::vector<double> mbps;
        mbps.reserve(used.size());
        for (const auto& x : used) mbps.push_back(static_cast<double>(std::max(x.in_bps, x.out_bps)) / 1e6);
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
