#include "tenancy/service.hpp"

#include <algorithm>
#include <regex>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "storage/storage_error.hpp"
#include "storage/unit_of_work.hpp"
#include "tenancy/json.hpp"
#include "tenancy/repository.hpp"

namespace simpul::tenancy {

bool is_single_holder_flag(const std::string& flag) { return flag != "mandiri_tik"; }

bool Agency::has_flag(const std::string& f) const { return std::find(flags.begin(), flags.end(), f) != flags.end(); }

namespace {

/// A role the regulation gives to several agencies at once: `holders: each` on the profile's role
/// (Balikpapan Pasal 1 angka 30: every PD is Wali Data for the data it owns). Read from the profile
/// document, which keeps every key of the file, so that RoleSpec (included everywhere) stays as it is.
bool held_by_each(const Profile& p, const std::string& flag) {
  const auto* roles = p.document.if_contains("roles");
  if (!roles || !roles->is_array()) return false;
  for (const auto& r : roles->as_array()) {
    if (!r.is_object()) continue;
    const auto* f = r.as_object().if_contains("agency_flag");
    const auto* h = r.as_object().if_contains("holders");
    if (f && f->is_string() && f->as_string() == flag && h && h->is_string() && h->as_string() == "each") return true;
  }
  return false;
}

std::optional<RuleRef> role_rule(const Profile& p, const std::string& flag) {
  for (const auto& r : p.roles)
    if (r.agency_flag && *r.agency_flag == flag && r.rule) {
      const RuleInstance* ri = p.rule(*r.rule);
      return RuleRef{*r.rule, ri ? ri->citation : ""};
    }
  return std::nullopt;
}

void apply(Agency& a, const AgencyInput& in) {
  if (in.code) a.code = *in.code;
  if (in.name) a.name = *in.name;
  if (in.short_name) a.short_name = *in.short_name;
  if (in.type) a.type = *in.type;
  if (in.head_title) a.head_title = *in.head_title;
  if (in.flags) a.flags = *in.flags;
  if (in.mandiri_tik_decree) a.mandiri_tik_decree = *in.mandiri_tik_decree;
}

}  // namespace

Tenant Service::create_tenant(const std::string& profile_id, const std::string& slug, const Actor& actor) {
  const Profile& profile = profiles_.get(profile_id);
  static const std::regex kSlug("[a-z0-9][a-z0-9-]{1,39}");
  if (!std::regex_match(slug, kSlug))
    throw Error(ErrorCode::ValidationInvalidValue, "slug", "lowercase letters, digits and dashes");
  Tenant t{crypto::new_id(), slug, profile.region_name, profile.id, profile.version, clock::now_iso()};
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    if (repo.tenant_by_slug(slug)) throw Error(ErrorCode::TenantExists, {{"slug", slug}});
    repo.insert_tenant(t);
    Scope scope{t.id};
    for (const auto& team : profile.teams) repo.insert_team(scope, crypto::new_id(), team.id, t.created_at);
    ledger_.append(c,
                   ledger::change_in(scope, actor, "tenant.create", "tenant", t.id,
                                     {{"slug", slug}, {"profile", profile.id}, {"profile_version", profile.version}}));
    return t;
  });
}

Tenant Service::tenant(const std::string& id) const {
  auto t = storage::read(db_, [&](storage::Connection& c) { return Repository(c).tenant_by_id(id); });
  if (!t) throw Error(ErrorCode::TenantNotFound);
  return *t;
}

std::optional<Tenant> Service::tenant_by_slug(const std::string& slug) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).tenant_by_slug(slug); });
}

std::vector<Tenant> Service::tenants() const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).tenants(); });
}

std::vector<Agency> Service::list_agencies(const Scope& s, const ListQuery& q, std::int64_t& total) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).agencies(s, q, total); });
}

Agency Service::agency(const Scope& s, const std::string& id) const {
  auto a = storage::read(db_, [&](storage::Connection& c) { return Repository(c).agency(s, id); });
  if (!a) throw Error(ErrorCode::AgencyNotFound);
  return *a;
}

std::optional<Agency> Service::agency_by_code(const Scope& s, const std::string& code) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).agency_by_code(s, code); });
}

std::vector<Agency> Service::agencies(storage::Connection& c, const Scope& s) const {
  std::int64_t total = 0;
  return Repository(c).agencies(s, ListQuery{"", "name", false, 1, 100000}, total);
}

std::optional<Agency> Service::agency(storage::Connection& c, const Scope& s, const std::string& id) const {
  return Repository(c).agency(s, id);
}

std::optional<Agency> Service::agency_with_flag(storage::Connection& c, const Scope& s, const std::string& flag) const {
  return Repository(c).agency_with_flag(s, flag, "");
}

std::int64_t Service::count_agencies(const Scope& s) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).count_agencies(s); });
}

std::int64_t Service::count_agency_users(const Scope& s, const std::string& agency_id) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).count_agency_users(s, agency_id); });
}

void Service::validate(const Scope& s, storage::Connection& c, const Agency& a) const {
  const Profile& profile = profile_of(s);
  static const std::regex kCode("[A-Z0-9][A-Z0-9-]{0,19}");
  if (!std::regex_match(a.code, kCode))
    throw Error(ErrorCode::ValidationInvalidValue, "code", "1-20 capital letters, digits or dashes");
  if (a.name.empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", "name"}});
  const Enumeration* types = profile.enumeration("agency_types");
  if (!types->contains(a.type)) {
    boost::json::array allowed;
    for (const auto& i : types->items) allowed.emplace_back(i.id);
    std::optional<RuleRef> rule;
    if (const RuleInstance* r = types->rule.empty() ? nullptr : profile.rule(types->rule))
      rule = RuleRef{r->id, r->citation};
    throw Error(ErrorCode::ValidationInvalidValue, {{"field", "type"}, {"allowed", allowed}}, rule);
  }
  const auto& known = agency_flags();
  for (std::size_t i = 0; i < a.flags.size(); ++i) {
    const auto& f = a.flags[i];
    if (std::find(known.begin(), known.end(), f) == known.end() ||
        std::find(a.flags.begin(), a.flags.begin() + static_cast<long>(i), f) != a.flags.begin() + static_cast<long>(i))
      throw Error(ErrorCode::ValidationInvalidValue, {{"field", "flags"}, {"flag", f}});
  }
  if (a.has_flag("mandiri_tik")) {
    if (!profile.recognises_agency_flag("mandiri_tik")) throw Error(ErrorCode::AgencyMandiriTikUnknown);
    if (!a.mandiri_tik_decree || a.mandiri_tik_decree->empty())
      throw Error(ErrorCode::AgencyDecreeRequired, {{"field", "mandiri_tik_decree"}},
                  role_rule(profile, "mandiri_tik"));
  }
  Repository repo(c);
  if (repo.agency_with_code(s, a.code, a.id)) throw Error(ErrorCode::AgencyDuplicateCode, {{"code", a.code}});
  for (const auto& f : a.flags)
    if (is_single_holder_flag(f) && !held_by_each(profile, f))
      if (auto holder = repo.agency_with_flag(s, f, a.id))
        throw Error(ErrorCode::AgencyFlagTaken, {{"flag", f}, {"holder", holder->name}}, role_rule(profile, f));
}

Agency Service::create_agency(const Scope& s, const AgencyInput& in, const Actor& actor) {
  Agency a;
  a.id = crypto::new_id();
  a.tenant_id = s.tenant_id;
  a.head_title = "Kepala";
  apply(a, in);
  if (a.short_name.empty()) a.short_name = a.code;
  if (!a.has_flag("mandiri_tik")) a.mandiri_tik_decree.reset();
  a.created_at = a.updated_at = clock::now_iso();
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    validate(s, c, a);
    try {
      Repository(c).insert_agency(a);
    } catch (const storage::StorageError& e) {
      if (e.kind() == storage::StorageError::Kind::UniqueViolation)
        throw Error(ErrorCode::AgencyDuplicateCode, {{"code", a.code}});
      throw;
    }
    ledger_.append(c, ledger::change_in(s, actor, "agency.create", "agency", a.id, {{"after", to_json(a)}}));
    return a;
  });
}

Agency Service::update_agency(const Scope& s, const std::string& id, const AgencyInput& in, const Actor& actor) {
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto before = repo.agency(s, id);
    if (!before) throw Error(ErrorCode::AgencyNotFound);
    Agency a = *before;
    apply(a, in);
    if (!a.has_flag("mandiri_tik")) a.mandiri_tik_decree.reset();
    if (to_json(a) == to_json(*before)) return a;  // nothing changes: nothing is written, nothing is logged
    a.updated_at = clock::now_iso();
    validate(s, c, a);
    repo.update_agency(a);
    ledger_.append(c, ledger::change_in(s, actor, "agency.update", "agency", a.id,
                                        {{"before", to_json(*before)}, {"after", to_json(a)}}));
    return a;
  });
}

void Service::delete_agency(const Scope& s, const std::string& id, const Actor& actor) {
  storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto before = repo.agency(s, id);
    if (!before) throw Error(ErrorCode::AgencyNotFound);
    try {
      repo.delete_agency(s, id);
    } catch (const storage::StorageError& e) {
      if (e.kind() == storage::StorageError::Kind::ForeignKeyViolation) throw Error(ErrorCode::AgencyInUse);
      throw;
    }
    ledger_.append(c, ledger::change_in(s, actor, "agency.delete", "agency", id, {{"before", to_json(*before)}}));
  });
}

std::vector<Position> Service::positions(const Scope& s, const std::optional<std::string>& agency_id) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).positions(s, agency_id); });
}

Position Service::add_position(const Scope& s, Position p, const Actor& actor) {
  p.id = crypto::new_id();
  p.tenant_id = s.tenant_id;
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository(c).insert_position(p);
    ledger_.append(c, ledger::change_in(s, actor, "position.create", "position", p.id, to_json(p)));
    return p;
  });
}

std::vector<Team> Service::teams(const Scope& s) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).teams(s); });
}

std::vector<Team> Service::teams(storage::Connection& c, const Scope& s) const { return Repository(c).teams(s); }

TeamMember Service::add_team_member(const Scope& s, const std::string& team_id, const std::string& user_id,
                                    const std::string& position_id, const Actor& actor) {
  const Profile& profile = profile_of(s);
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto kind = repo.team_kind(s, team_id);
    if (!kind) throw Error(ErrorCode::TeamNotFound);
    const TeamSpec* spec = profile.team(*kind);
    const TeamPosition* pos = spec ? spec->position(position_id) : nullptr;
    std::optional<RuleRef> rule;
    if (spec && spec->rule)
      if (const RuleInstance* r = profile.rule(*spec->rule)) rule = RuleRef{r->id, r->citation};
    if (!pos) throw Error(ErrorCode::TeamPositionUnknown, {{"position_id", position_id}}, rule);
    auto name = repo.user_display_name(s, user_id);
    if (!name) throw Error(ErrorCode::UserNotFound);
    if (repo.has_member(team_id, user_id, position_id)) throw Error(ErrorCode::TeamMemberDuplicate);
    if (pos->max && repo.count_members(team_id, position_id) >= *pos->max) {
      if (pos->rule)
        if (const RuleInstance* r = profile.rule(*pos->rule)) rule = RuleRef{r->id, r->citation};
      throw Error(ErrorCode::TeamPositionFull, {{"position", pos->name}, {"max", *pos->max}}, rule);
    }
    TeamMember m{crypto::new_id(), team_id, user_id, *name, "", position_id, clock::now_iso()};
    try {
      repo.insert_member(s, m);
    } catch (const storage::StorageError& e) {
      if (e.kind() == storage::StorageError::Kind::UniqueViolation) throw Error(ErrorCode::TeamMemberDuplicate);
      throw;
    }
    ledger_.append(
        c, ledger::change_in(s, actor, "team.member_add", "team", team_id,
                             {{"member_id", m.id}, {"user_id", user_id}, {"user", *name}, {"position", pos->name}}));
    return m;
  });
}

void Service::remove_team_member(const Scope& s, const std::string& team_id, const std::string& member_id,
                                 const Actor& actor) {
  storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto m = repo.member(s, team_id, member_id);
    if (!m) throw Error(ErrorCode::TeamMemberNotFound);
    repo.delete_member(s, member_id);
    ledger_.append(c, ledger::change_in(s, actor, "team.member_remove", "team", team_id,
                                        {{"member_id", member_id},
                                         {"user_id", m->user_id},
                                         {"user", m->display_name},
                                         {"position_id", m->position_id}}));
  });
}

}  // namespace simpul::tenancy
