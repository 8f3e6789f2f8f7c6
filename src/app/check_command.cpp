#include "app/check_command.hpp"

#include <boost/json/serialize.hpp>

#include "core/clock.hpp"
#include "regulation/json.hpp"

namespace simpul::app {
namespace {

int rank(const std::string& severity) {
  return severity == "tinggi" ? 3 : severity == "sedang" ? 2 : severity == "rendah" ? 1 : 0;
}

}  // namespace

int run_check(Platform& platform, const std::string& tenant_slug, bool json, const std::string& min_severity,
              std::ostream& out) {
  if (rank(min_severity) == 0) throw std::invalid_argument("--severity must be tinggi, sedang or rendah");
  auto tenant = platform.tenancy().tenant_by_slug(tenant_slug);
  if (!tenant) throw Error(ErrorCode::TenantNotFound, {{"tenant", tenant_slug}});
  Scope scope{tenant->id};
  const auto& profile = platform.tenancy().profile_of(scope);
  std::string today = profile.today();  // the Pemda's local date
  auto result = platform.compliance().evaluate(scope, {"cli", "Simpul CLI", ""}, today);
  regulation::FindingFilter open;
  open.state = "open";
  std::int64_t total = 0;
  auto findings = platform.compliance().findings(scope, open, ListQuery{"", "", false, 1, 1000000}, today, total);
  bool failing = false;
  for (const auto& f : findings) failing = failing || rank(f.severity) >= rank(min_severity);
  if (json) {
    boost::json::array items;
    for (const auto& f : findings) items.push_back(regulation::to_json(profile, f, today));
    out << boost::json::serialize(boost::json::object{{"tenant", tenant_slug},
                                                      {"date", today},
                                                      {"open", result.open},
                                                      {"fail_at", min_severity},
                                                      {"failing", failing},
                                                      {"findings", items}})
        << "\n";
  } else {
    out << tenant->name << " — " << profile.regulation_label() << "\n"
        << result.open << " open finding(s) on " << today << "\n";
    for (const auto& f : findings) {
      const auto* rule = profile.rule(f.rule_id);
      out << "[" << f.severity << "] " << f.rule_id << " (" << (rule ? rule->citation : "") << ") " << f.object_label
          << (f.agency_name.empty() ? "" : " — " + f.agency_name) << (f.due < today ? " — overdue since " + f.due : "")
          << "\n";
    }
  }
  return failing ? 1 : 0;
}

}  // namespace simpul::app
