#include "infrastructure/bandwidth_json.hpp"

#include <boost/json/parse.hpp>
#include <cmath>

#include "tenancy/json.hpp"

namespace simpul::infrastructure {
namespace {

boost::json::value rule_or_null(const tenancy::Profile& p, const std::optional<std::string>& rule) {
  if (!rule) return nullptr;
  return tenancy::rule_ref_json(p, rule);
}

/// Mbps with two decimals: what a user reads, and stable across databases.
double rounded(double v) { return std::round(v * 100.0) / 100.0; }

const char* bandwidth_state_name(const std::string& s) {
  if (s == "disetujui") return "Disetujui";
  if (s == "ditolak") return "Ditolak";
  return "Diajukan";
}

}  // namespace

const char* assessment_name(const std::string& a) {
  if (a == "kurang") return "Penggunaan jauh di bawah alokasi";
  if (a == "lebih") return "Penggunaan mendekati atau melebihi alokasi";
  if (a == "sesuai") return "Sesuai alokasi";
  if (a == "tanpa_alokasi") return "Belum ada alokasi";
  return "Tidak ada data penggunaan";
}

boost::json::object to_json(const tenancy::Profile& p, const BandwidthRequest& r) {
  const auto& spec = spec_of(p);
  return {{"id", r.id},
          {"agency", {{"id", r.agency_id}, {"name", r.agency_name}}},
          {"need_mbps", r.need_mbps},
          {"justification", r.justification},
          {"state", r.state},
          {"state_name", bandwidth_state_name(r.state)},
          {"requested_by_name", r.requested_by_name},
          {"requested_at", r.requested_at},
          {"priority", r.priority ? boost::json::value(*r.priority) : nullptr},
          {"allocated_mbps", r.allocated_mbps ? boost::json::value(*r.allocated_mbps) : nullptr},
          {"reasons", r.reasons},
          {"decided_by_name", r.decided_by_name},
          {"decided_at", r.decided_at ? boost::json::value(*r.decided_at) : nullptr},
          {"rule", rule_or_null(p, spec.bandwidth_request_rule)}};
}

boost::json::array rows_json(const std::vector<EvaluationRow>& rows) {
  boost::json::array a;
  for (const auto& r : rows)
    a.push_back({{"agency", {{"id", r.agency_id}, {"name", r.agency_name}}},
                 {"samples", r.samples},
                 {"average_mbps", rounded(r.average_mbps)},
                 {"p95_mbps", rounded(r.p95_mbps)},
                 {"peak_mbps", rounded(r.peak_mbps)},
                 {"allocated_mbps", r.allocated_mbps ? boost::json::value(*r.allocated_mbps) : nullptr},
                 {"share", r.share ? boost::json::value(rounded(*r.share)) : nullptr},
                 {"assessment", r.assessment},
                 {"assessment_name", assessment_name(r.assessment)},
                 {"recommendation", r.recommendation}});
  return a;
}

std::vector<EvaluationRow> rows_from_json(const std::string& text) {
  std::vector<EvaluationRow> out;
  auto v = boost::json::parse(text);
  for (const auto& x : v.as_array()) {
    const auto& o = x.as_object();
    EvaluationRow r;
    r.agency_id = std::string(o.at("agency").at("id").as_string());
    r.agency_name = std::string(o.at("agency").at("name").as_string());
    r.samples = o.at("samples").to_number<std::int64_t>();
    r.average_mbps = o.at("average_mbps").to_number<double>();
    r.p95_mbps = o.at("p95_mbps").to_number<double>();
    r.peak_mbps = o.at("peak_mbps").to_number<double>();
    if (!o.at("allocated_mbps").is_null()) r.allocated_mbps = o.at("allocated_mbps").to_number<int>();
    if (!o.at("share").is_null()) r.share = o.at("share").to_number<double>();
    r.assessment = std::string(o.at("assessment").as_string());
    r.recommendation = std::string(o.at("recommendation").as_string());
    out.push_back(std::move(r));
  }
  return out;
}

boost::json::object to_json(const tenancy::Profile& p, const BandwidthEvaluation& e) {
  const auto& spec = spec_of(p);
  return {{"id", e.id},
          {"month", e.month},
          {"generated_at", e.generated_at},
          {"generated_by_name", e.generated_by_name},
          {"rows", rows_json(e.rows)},
          {"recipient", spec.bandwidth_report_team},
          {"acknowledged_by_name", e.acknowledged_by_name},
          {"acknowledged_at", e.acknowledged_at ? boost::json::value(*e.acknowledged_at) : nullptr},
          {"rule", rule_or_null(p, spec.bandwidth_evaluation_rule)},
          {"report_rule", rule_or_null(p, spec.bandwidth_report_rule)}};
}

boost::json::object to_json(const WanLink& w) {
  return {{"id", w.element.id},
          {"code", w.element.code},
          {"name", w.element.name},
          {"from_agency", {{"id", w.from_agency_id}, {"name", w.from_agency_name}}},
          {"to_agency", {{"id", w.to_agency_id}, {"name", w.to_agency_name}}},
          {"medium", w.medium},
          {"medium_name", name_of(wan_media(), w.medium)},
          {"capacity_mbps", w.capacity_mbps},
          {"operated_by", w.operated_by},
          {"operated_by_name", w.operated_by == "dinas" ? "Dinas" : "Perangkat Daerah"},
          {"provider", w.provider},
          {"updated_at", w.updated_at}};
}

}  // namespace simpul::infrastructure
