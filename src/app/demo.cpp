#include "app/demo.hpp"

#include <fcntl.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <sstream>

#include "core/crypto.hpp"
#include "gateway/control/control_plane.hpp"
#include "core/log.hpp"
#include "core/text.hpp"

namespace simpul::app {
namespace {

const Actor kSeeder{"cli", "Simpul (data demo)", ""};

std::filesystem::path login_file(const Platform& p) { return p.config().data_dir / "initial-admin.txt"; }

void write_private_file(const std::filesystem::path& path, const std::string& content) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0) throw std::runtime_error("cannot write " + path.string());
  auto n = ::write(fd, content.data(), content.size());
  ::close(fd);
  if (n != static_cast<ssize_t>(content.size())) throw std::runtime_error("short write to " + path.string());
}

std::vector<std::string> strings(const YAML::Node& n) {
  std::vector<std::string> out;
  if (n && n.IsSequence())
    for (const auto& i : n) out.push_back(i.as<std::string>());
  return out;
}

std::string text(const YAML::Node& n, const std::string& fallback = "") {
  return n && n.IsScalar() ? n.as<std::string>() : fallback;
}

// Returns the demo colleagues' usernames; they all get `colleague_password`.
std::vector<std::string> seed_organisation(Platform& platform, const Scope& scope, const std::filesystem::path& file,
                                           const std::string& colleague_password) {
  if (!std::filesystem::exists(file)) {
    log::warn("demo.no_organisation_file", {{"path", file.string()}});
    return {};
  }
  YAML::Node root = YAML::LoadFile(file.string());
  auto& tenancy = platform.tenancy();
  bool mandiri_known = tenancy.profile_of(scope).recognises_agency_flag("mandiri_tik");
  for (const auto& a : root["agencies"]) {
    tenancy::AgencyInput in;
    in.code = text(a["code"]);
    in.name = text(a["name"]);
    in.short_name = text(a["short_name"]);
    in.type = text(a["type"]);
    in.head_title = text(a["head_title"], "Kepala");
    auto flags = strings(a["flags"]);
    if (!mandiri_known) std::erase(flags, std::string("mandiri_tik"));
    in.flags = flags;
    if (a["mandiri_tik_decree"] && !a["mandiri_tik_decree"].IsNull())
      in.mandiri_tik_decree = text(a["mandiri_tik_decree"]);
    tenancy.create_agency(scope, in, kSeeder);
  }
  for (const auto& p : root["positions"]) {
    auto agency = tenancy.agency_by_code(scope, text(p["agency"]));
    tenancy.add_position(
        scope, {"", "", agency ? agency->id : "", text(p["id"]), text(p["title"]), text(p["holder_name"])}, kSeeder);
  }
  std::vector<std::string> usernames;
  const std::string colleague_hash = crypto::hash_password(colleague_password);
  for (const auto& u : root["users"]) {
    auto agency = tenancy.agency_by_code(scope, text(u["agency"]));
    identity::UserInput in;
    in.username = text(u["username"]);
    in.display_name = text(u["display_name"]);
    in.agency_id = agency ? agency->id : "";
    in.roles = strings(u["roles"]);
    // One generated password for every demo colleague, printed at start, so each role can be tried
    // (an approver's password cannot be reset by the administrator).
    in.password = colleague_password;
    in.password_hash = colleague_hash;
    platform.identity().create_user(scope, in, kSeeder);
    usernames.push_back(*in.username);
  }
  return usernames;
}

}  // namespace

std::string add_user_cli(Platform& platform, const std::string& tenant_slug, const std::string& username,
                         const std::string& display_name, const std::vector<std::string>& roles,
                         const std::string& agency_code, std::string password) {
  auto tenant = platform.tenancy().tenant_by_slug(tenant_slug);
  if (!tenant) throw Error(ErrorCode::TenantNotFound, {{"tenant", tenant_slug}});
  Scope scope{tenant->id};
  std::string generated;
  if (password.empty()) password = generated = crypto::random_token(12);
  identity::UserInput in;
  in.username = username;
  in.display_name = display_name.empty() ? username : display_name;
  in.roles = roles;
  in.password = password;
  if (!agency_code.empty()) {
    auto agency = platform.tenancy().agency_by_code(scope, agency_code);
    if (!agency) throw Error(ErrorCode::AgencyNotFound, {{"code", agency_code}});
    in.agency_id = agency->id;
  }
  platform.identity().create_user(scope, in, kSeeder);
  return generated;
}

std::string reset_password_cli(Platform& platform, const std::string& tenant_slug, const std::string& username,
                               std::string password) {
  auto tenant = platform.tenancy().tenant_by_slug(tenant_slug);
  if (!tenant) throw Error(ErrorCode::TenantNotFound, {{"tenant", tenant_slug}});
  Scope scope{tenant->id};
  auto user = platform.identity().user_by_username(scope, username);
  if (!user) throw Error(ErrorCode::UserNotFound, {{"username", username}});
  std::string generated;
  if (password.empty()) password = generated = crypto::random_token(12);
  identity::UserInput in;
  in.password = password;
  platform.identity().update_user(scope, user->id, in, Actor{"cli", "Operator server (CLI)", ""});
  return generated;
}

AdminLogin ensure_demo(Platform& platform, const std::string& profile_id, const std::string& upstream_base) {
  auto tenants = platform.tenancy().tenants();
  if (!tenants.empty()) {
    AdminLogin login{tenants.front().slug, "admin", ""};
    std::ifstream in(login_file(platform));
    std::string slug;
    if (in >> slug >> login.username >> login.password) login.tenant_slug = slug;
    std::string colleagues;
    if (in >> login.colleague_password >> colleagues) login.colleagues = text::split_nonempty(colleagues, ',');
    return login;
  }
  auto tenant = platform.tenancy().create_tenant(profile_id, profile_id, kSeeder);
  Scope scope{tenant.id};
  AdminLogin login{tenant.slug, "admin", ""};
  login.colleague_password = crypto::random_token(12);
  login.colleagues = seed_organisation(
      platform, scope, platform.config().profiles_dir / "demo" / (profile_id + ".yaml"), login.colleague_password);
  auto kominfo = std::string();
  for (const auto& a : [&] {
         std::int64_t total = 0;
         ListQuery q;
         q.per_page = 200;
         return platform.tenancy().list_agencies(scope, q, total);
       }())
    if (a.has_flag("kominfo")) kominfo = a.code;
  login.password = add_user_cli(platform, tenant.slug, "admin", "Administrator SPBE", {"tenant_admin"}, kominfo, "");
  write_private_file(login_file(platform), login.tenant_slug + "\n" + login.username + "\n" + login.password + "\n" +
                                               login.colleague_password + "\n" + text::join(login.colleagues, ',') +
                                               "\n");
  // Each module seeds its own demo records; the gateway issues the demo consumer's key once.
  std::map<std::string, std::string> shown_once;
  platform.seed_demo(seam::DemoTenant{
      scope, profile_id, upstream_base.empty() ? platform.config().demo_upstream_base : upstream_base, &shown_once});
  login.gateway_api_key = shown_once["gateway_api_key"];
  log::info("demo.created", {{"tenant", tenant.slug}, {"profile", profile_id}});
  return login;
}

}  // namespace simpul::app
