#include "tenancy/profile_region.hpp"

#include <regex>

#include "core/clock.hpp"

namespace simpul::tenancy {
namespace {

DomainSpec read_domain(const Reader& r, const YAML::Node& n, const std::string& path) {
  DomainSpec d;
  d.literal = r.str(n, "literal", path);
  d.effective = r.str(n, "effective", path);
  static const std::regex kDomain("[a-z0-9-]+(\\.[a-z0-9-]+)+");
  if (!std::regex_match(d.effective, kDomain))
    r.fail(n["effective"], path + "effective", "must be a bare domain like kota.go.id");
  d.rule = r.opt_str(n, "rule", path);
  return d;
}

/// "Kota Balikpapan" -> "Balikpapan": the name without the region type the official titles add.
std::string short_name_of(const std::string& name, const std::string& type) {
  std::string prefix = type == "kota" ? "Kota " : "Kabupaten ";
  return name.rfind(prefix, 0) == 0 ? name.substr(prefix.size()) : name;
}

void read_region(const Reader& r, Profile& p, const YAML::Node& root) {
  auto region = r.need(root, "region", "");
  p.region_type = r.str(region, "type", "region.");
  if (p.region_type != "kota" && p.region_type != "kabupaten")
    r.fail(region["type"], "region.type", "must be kota or kabupaten");
  p.region_name = r.str(region, "name", "region.");
  p.head_title = r.str(region, "head_title", "region.");
  p.region_short_name =
      r.opt_str(region, "short_name", "region.").value_or(short_name_of(p.region_name, p.region_type));
  p.government_name = r.opt_str(region, "government_name", "region.").value_or("Pemerintah " + p.region_name);
  // Every date and deadline a user sees is in the Pemda's own time (WIB, WITA or WIT).
  p.time_zone = r.str(region, "time_zone", "region.");
  if (p.time_zone != "WIB" && p.time_zone != "WITA" && p.time_zone != "WIT")
    r.fail(region["time_zone"], "region.time_zone", "must be WIB, WITA or WIT");
}

void read_regulation(const Reader& r, Profile& p, const YAML::Node& root) {
  auto reg = r.need(root, "regulation", "");
  p.regulation_instrument = r.str(reg, "instrument", "regulation.");
  p.regulation_number = r.opt_str(reg, "number", "regulation.");
  if (auto y = reg["year"]; y.IsDefined() && !y.IsNull()) p.regulation_year = r.integer(y, "regulation.year");
  p.regulation_title = r.str(reg, "title", "regulation.");
  p.regulation_enacted = r.opt_str(reg, "enacted", "regulation.");
  if (p.regulation_enacted && !clock::is_iso_date(*p.regulation_enacted))
    r.fail(reg["enacted"], "regulation.enacted", "must be a date YYYY-MM-DD or null");
}

}  // namespace

void read_region_and_regulation(const Reader& r, Profile& p, const YAML::Node& root,
                                const std::filesystem::path& file) {
  if (!root.IsMap()) r.fail(root, "(document)", "must be a mapping");
  if (r.str(root, "schema", "") != "simpul.profile/1") r.fail(root["schema"], "schema", "must be simpul.profile/1");
  p.source_path = file.string();
  p.id = r.str(root, "id", "");
  if (p.id != file.stem().string()) r.fail(root["id"], "id", "must equal the file name '" + file.stem().string() + "'");
  p.version = r.integer(r.need(root, "version", ""), "version");
  if (p.version < 1) r.fail(root["version"], "version", "must be at least 1");
  if (auto g = root["grace_period_days"]; g.IsDefined() && !g.IsNull()) {
    p.grace_days = r.integer(g, "grace_period_days");
    if (p.grace_days < 1 || p.grace_days > 365) r.fail(g, "grace_period_days", "must be 1 to 365 days");
    p.grace_days_stated = true;
  }
  p.rule_prefix = r.str(root, "rule_prefix", "");
  read_region(r, p, root);
  read_regulation(r, p, root);
}

void read_domains(const Reader& r, Profile& p, const YAML::Node& root) {
  p.domain = read_domain(r, r.need(root, "domain", ""), "domain.");
  if (auto e = root["email_domain"]; e.IsDefined() && !e.IsNull()) p.email_domain = read_domain(r, e, "email_domain.");
}

}  // namespace simpul::tenancy
