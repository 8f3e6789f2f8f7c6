#include "infrastructure/service.hpp"

#include <algorithm>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "infrastructure/facts.hpp"
#include "infrastructure/rack_repository.hpp"
#include "infrastructure/repository.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::infrastructure {
namespace {

constexpr const char* kDomain = "infrastruktur";

void require_choice(const std::string& value, const std::vector<tenancy::EnumItem>& items, const char* field) {
  if (std::any_of(items.begin(), items.end(), [&](const auto& i) { return i.id == value; })) return;
  boost::json::array allowed;
  for (const auto& i : items) allowed.emplace_back(i.id);
  throw Error(ErrorCode::ValidationInvalidValue, {{"field", field}, {"allowed", allowed}});
}

void require_one_of(const std::string& value, std::initializer_list<const char*> allowed, const char* field) {
  boost::json::array list;
  for (const char* a : allowed) {
    if (value == a) return;
    list.emplace_back(a);
  }
  throw Error(ErrorCode::ValidationInvalidValue, {{"field", field}, {"allowed", list}});
}

void apply(ServerRecord& r, const ServerInput& in) {
  if (in.kind) r.kind = *in.kind;
  if (in.hosting) r.hosting = *in.hosting;
  if (in.environment) r.environment = *in.environment;
  if (in.managed_by) r.managed_by = *in.managed_by;
  if (in.hostname) r.hostname = *in.hostname;
  if (in.operating_system) r.operating_system = *in.operating_system;
  if (in.site_id) r.site_id = *in.site_id;
  if (in.rack_id) r.rack_id = *in.rack_id;
}

boost::json::object record_json(const ServerRecord& r) {
  return {{"kind", r.kind},
          {"hosting", r.hosting},
          {"environment", r.environment},
          {"managed_by", r.managed_by},
          {"site_id", r.site_id ? boost::json::value(*r.site_id) : nullptr},
          {"rack_id", r.rack_id ? boost::json::value(*r.rack_id) : nullptr},
          {"hostname", r.hostname},
          {"operating_system", r.operating_system}};
}

}  // namespace

void check_server_record(Repository& repo, const Scope& s, const ServerRecord& r) {
  require_choice(r.kind, server_kinds(), "kind");
  require_choice(r.hosting, hosting_modes(), "hosting");
  require_choice(r.environment, environments(), "environment");
  require_one_of(r.managed_by, {"dinas", "pd"}, "managed_by");
  std::optional<Site> site;
  if (r.site_id) {
    site = repo.site(s, *r.site_id);
    if (!site) throw Error(ErrorCode::ValidationInvalidValue, "site_id", "not a site of this tenant");
  }
  if (r.rack_id) {
    auto rack = repo.rack(s, *r.rack_id);
    if (!rack || !site || rack->site_id != site->id)
      throw Error(ErrorCode::ValidationInvalidValue, "rack_id", "not a rack of the server's site");
  }
  if (r.hosting == "luar" && site)
    throw Error(ErrorCode::ValidationInvalidValue, "site_id", "a server outside the Pemda has no site");
  if ((r.hosting == "kolokasi" || r.hosting == "vps") && (!site || site->kind == "ruang_server_pd"))
    throw Error(ErrorCode::ValidationInvalidValue, "site_id", "colocation and VPS stand in a Pusat Data site");
  if (r.hosting == "ruang_pd" && site && site->kind != "ruang_server_pd")
    throw Error(ErrorCode::ValidationInvalidValue, "site_id", "a PD's own room is a site of kind ruang_server_pd");
}

const std::vector<tenancy::EnumItem>& site_kinds() {
  static const std::vector<tenancy::EnumItem> k = {
      {"pusat_data_pemda", "Pusat Data Pemerintah Daerah (dikelola Dinas)"},
      {"pdn", "Pusat Data Nasional (PDN)"},
      {"ruang_server_pd", "Ruang server milik Perangkat Daerah"},
      {"pusat_pemulihan_data", "Pusat pemulihan data (dikelola Dinas)"},
      {"pusat_pengelolaan_jaringan", "Pusat pengelolaan jaringan (dikelola Dinas)"}};
  return k;
}

const std::vector<tenancy::EnumItem>& server_kinds() {
  static const std::vector<tenancy::EnumItem> k = {{"fisik", "Server fisik"}, {"virtual", "Server virtual"}};
  return k;
}

const std::vector<tenancy::EnumItem>& hosting_modes() {
  static const std::vector<tenancy::EnumItem> k = {{"kolokasi", "Kolokasi di Pusat Data"},
                                                   {"vps", "VPS dari Dinas di Pusat Data"},
                                                   {"ruang_pd", "Ruang server Perangkat Daerah"},
                                                   {"luar", "Di luar fasilitas Pemerintah Daerah"}};
  return k;
}

const std::vector<tenancy::EnumItem>& environments() {
  static const std::vector<tenancy::EnumItem> k = {
      {"produksi", "Produksi"}, {"pengembangan", "Pengembangan"}, {"uji", "Pengujian"}};
  return k;
}

const std::vector<tenancy::EnumItem>& device_kinds() {
  static const std::vector<tenancy::EnumItem> k = {{"router", "Router"},
                                                   {"switch", "Switch"},
                                                   {"access_point", "Access point"},
                                                   {"firewall", "Firewall"},
                                                   {"lainnya", "Perangkat lainnya"}};
  return k;
}

std::string name_of(const std::vector<tenancy::EnumItem>& items, const std::string& id) {
  for (const auto& i : items)
    if (i.id == id) return i.name;
  return id;
}

void Service::check_gate(storage::Connection& c, const Scope& s, const regulation::Fact& after) const {
  const auto& p = profile_of(s);
  auto v = compliance_.engine().gate(p, compliance_.tenant_facts(c, s), after, p.today());
  if (!v) return;
  const auto& spec = *v->rule->spec;
  boost::json::object details = v->details;
  details["rule_title"] = spec.title;
  details["rule_title_en"] = spec.title_en;
  throw Error(ErrorCode::InfraGateRefused, std::move(details), tenancy::rule_ref(p, spec.rule));
}

void Service::require_agency(storage::Connection& c, const Scope& s, const std::string& agency_id,
                             const char* field) const {
  if (!tenancy_.agency(c, s, agency_id))
    throw Error(ErrorCode::ValidationInvalidValue, field, "not an agency of this tenant");
}

std::vector<tenancy::Agency> Service::agencies(const Scope& s) const {
  return storage::read(db_, [&](storage::Connection& c) { return tenancy_.agencies(c, s); });
}

Site Service::create_site(const Scope& s, const SiteInput& in, const Actor& actor) {
  require_choice(in.kind, site_kinds(), "kind");
  require_one_of(in.status, {"operasi", "rencana"}, "status");
  Site x;
  x.id = crypto::new_id();
  x.code = in.code;
  x.name = in.name;
  x.kind = in.kind;
  x.status = in.status;
  x.agency_id = in.agency_id;
  x.location = in.location;
  x.created_at = clock::now_iso();
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    require_agency(c, s, in.agency_id, "agency_id");
    Repository repo(c);
    if (repo.site_code_taken(s, in.code)) throw Error(ErrorCode::InfraDuplicateCode, {{"field", "code"}});
    // Lampung Timur Pasal 17 ayat (9): a PD does not build a data centre (a gate of the profile).
    check_gate(c, s, site_fact(x));
    repo.insert(s, x);
    ledger_.append(
        c, ledger::change_in(s, actor, "infrastructure.site.create", "infra_site", x.id,
                             {{"code", x.code}, {"kind", x.kind}, {"status", x.status}, {"agency_id", x.agency_id}}));
    return *repo.site(s, x.id);
  });
}

std::vector<Site> Service::sites(const Scope& s, const std::string& agency_id) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).sites(s, agency_id); });
}

Site Service::site(const Scope& s, const std::string& id) const {
  return storage::read(db_, [&](storage::Connection& c) {
    auto x = Repository(c).site(s, id);
    if (!x) throw Error(ErrorCode::InfraSiteNotFound);
    return *x;
  });
}

std::vector<Rack> Service::racks(const Scope& s, const std::string& site_id) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).racks(s, site_id); });
}

std::vector<Assessment> Service::assessments(const Scope& s, const std::string& site_id) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).assessments(s, site_id); });
}

Rack Service::add_rack(const Scope& s, const std::string& site_id, const std::string& code, int units,
                       const Actor& actor) {
  auto where = site(s, site_id);
  Rack r{crypto::new_id(), where.id, code, units, clock::now_iso()};
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    for (const auto& other : repo.racks(s, site_id))
      if (other.code == code) throw Error(ErrorCode::InfraDuplicateCode, {{"field", "code"}});
    repo.insert(s, r);
    ledger_.append(c, ledger::change_in(s, actor, "infrastructure.rack.create", "infra_site", site_id,
                                        {{"rack_id", r.id}, {"code", code}}));
    return r;
  });
}

Assessment Service::assess(const Scope& s, const std::string& site_id, Assessment in, const Actor& actor) {
  auto where = site(s, site_id);
  if (where.kind != "ruang_server_pd")
    throw Error(ErrorCode::ValidationInvalidValue, "site", "only a PD's own server room is assessed");
  require_one_of(in.result, {"memenuhi", "tidak_memenuhi"}, "result");
  if (!clock::is_iso_date(in.date)) throw Error(ErrorCode::ValidationInvalidValue, "date", "must be YYYY-MM-DD");
  if (in.date > profile_of(s).today()) throw Error(ErrorCode::ValidationInvalidValue, "date", "is in the future");
  in.id = crypto::new_id();
  in.site_id = site_id;
  in.recorded_by_name = actor.name;
  in.recorded_at = clock::now_iso();
  storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    repo.insert(s, in);
    // The room's standing is its newest assessment.
    auto all = repo.assessments(s, site_id);
    repo.set_standard(s, site_id, all.front().result, all.front().date);
    ledger_.append(
        c, ledger::change_in(
               s, actor, "infrastructure.site.assess", "infra_site", site_id,
               {{"assessment_id", in.id}, {"date", in.date}, {"result", in.result}, {"assessor", in.assessor}}));
  });
  return in;
}

Server Service::create_server(const Scope& s, const architecture::ElementInput& element, const ServerInput& input,
                              const Actor& actor) {
  architecture::ElementInput in = element;
  in.domain = kDomain;
  boost::json::object attributes = in.attributes.value_or(boost::json::object{});
  attributes["infra_type"] = "perangkat_keras";
  in.attributes = attributes;
  ServerRecord record;
  apply(record, input);
  record.updated_at = clock::now_iso();
  auto e = elements_.create(
      s, in, actor, [&](storage::Connection& c, const architecture::Element&, const architecture::Element& after) {
        Repository repo(c);
        check_server_record(repo, s, record);
        repo.save_server(s, after.id, record);
        ledger_.append(c, ledger::change_in(s, actor, "infrastructure.server.create", "element", after.id,
                                            {{"record", record_json(record)}}));
      });
  return server(s, e.id);
}

Server Service::update_server(const Scope& s, const std::string& id, const architecture::ElementInput& element,
                              const ServerInput& input, const Actor& actor) {
  auto current = server(s, id);
  if (element.domain && *element.domain != kDomain)
    throw Error(ErrorCode::ValidationInvalidValue, "domain", "cannot change");
  elements_.update(
      s, id, element, actor, [&](storage::Connection& c, const architecture::Element&, const architecture::Element&) {
        ServerRecord record = current.record;
        apply(record, input);
        if (record_json(record) == record_json(current.record)) return;  // nothing changes: nothing is written
        Repository repo(c);
        check_server_record(repo, s, record);
        record.updated_at = clock::now_iso();
        repo.save_server(s, id, record);
        // A server moved to another rack (or out of one) is not placed there yet: its old units are freed.
        if (record.rack_id != current.record.rack_id) RackRepository(c).unplace(s, "server", id);
        ledger_.append(c, ledger::change_in(s, actor, "infrastructure.server.update", "element", id,
                                            {{"before", record_json(current.record)}, {"after", record_json(record)}}));
      });
  return server(s, id);
}

Server Service::server(const Scope& s, const std::string& id) const {
  return storage::read(db_, [&](storage::Connection& c) {
    auto e = elements_.find(c, s, id);
    Repository repo(c);
    auto r = e && e->domain == kDomain ? repo.server(s, id) : std::nullopt;
    if (!r) throw Error(ErrorCode::InfraServerNotFound);
    Server out{*e, *r, std::nullopt};
    if (r->site_id) out.site = repo.site(s, *r->site_id);
    return out;
  });
}

std::vector<Server> Service::servers(const Scope& s, const std::string& agency_id, const std::string& site_id) const {
  return storage::read(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto records = repo.servers(s);
    std::map<std::string, Site> sites;
    for (auto& x : repo.sites(s, "")) sites.emplace(x.id, std::move(x));
    std::vector<Server> out;
    for (auto& e : elements_.all_elements(c, s)) {
      if (e.domain != kDomain) continue;
      auto r = records.find(e.id);
      if (r == records.end()) continue;
      if (!agency_id.empty() && e.owner_agency_id != agency_id) continue;
      if (!site_id.empty() && r->second.site_id != site_id) continue;
      Server x{std::move(e), r->second, std::nullopt};
      if (x.record.site_id)
        if (auto it = sites.find(*x.record.site_id); it != sites.end()) x.site = it->second;
      out.push_back(std::move(x));
    }
    return out;
  });
}

std::vector<architecture::Element> Service::hosted(const Scope& s, const std::string& id) const {
  server(s, id);
  std::vector<architecture::Element> out;
  for (auto& r : elements_.relations_of(s, id))
    if (r.relation.type == "runs_on" && r.direction == "in") out.push_back(std::move(r.other));
  return out;
}

Duty Service::duty_for(const tenancy::Profile& p, const std::string& kind) {
  const auto& spec = spec_of(p);
  if (kind == "vps") {
    if (spec.vps_duty == "wajib")
      return {"wajib", "Dinas wajib menyediakan VPS beserta konfigurasi dan perawatan server di Pusat Data.",
              "The Dinas must provide the VPS with its configuration and maintenance in the Pusat Data.",
              spec.vps_rule};
    if (spec.vps_duty == "dapat")
      return {"dapat",
              "Dinas dapat menyediakan VPS beserta konfigurasi dan perawatan server (kewenangan, bukan kewajiban).",
              "The Dinas may provide the VPS with its configuration and maintenance (discretion, not a duty).",
              spec.vps_rule};
    return {"none", "Regulasi daerah ini tidak mengatur penyediaan VPS oleh Dinas.",
            "This region's regulation says nothing about VPS from the Dinas.", std::nullopt};
  }
  if (spec.colocation_rule)
    return {"wajib", "Pusat Data menjamin kolokasi, keamanan server, dan perawatan/up-time server.",
            "The Pusat Data guarantees colocation, server security and server maintenance/up-time.",
            spec.colocation_rule};
  return {"none", "Regulasi daerah ini tidak merinci jaminan kolokasi.",
          "This region's regulation states no colocation guarantee.", std::nullopt};
}

HostingRequest Service::request(const Scope& s, const std::string& agency_id, const std::string& kind,
                                const std::string& purpose, const std::string& specification, const Actor& actor) {
  require_one_of(kind, {"kolokasi", "vps"}, "kind");
  HostingRequest r;
  r.id = crypto::new_id();
  r.agency_id = agency_id;
  r.kind = kind;
  r.purpose = purpose;
  r.specification = specification;
  r.requested_by = actor.id;
  r.requested_by_name = actor.name;
  r.requested_at = clock::now_iso();
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    require_agency(c, s, agency_id, "agency_id");
    Repository repo(c);
    repo.insert(s, r);
    ledger_.append(c, ledger::change_in(s, actor, "infrastructure.request.create", "infra_request", r.id,
                                        {{"agency_id", agency_id}, {"kind", kind}, {"purpose", purpose}}));
    return *repo.request(s, r.id);
  });
}

HostingRequest Service::decide(const Scope& s, const std::string& id, bool approve, const std::string& reasons,
                               const Actor& actor) {
  const auto& p = profile_of(s);
  const auto& spec = spec_of(p);
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto r = repo.request(s, id);
    if (!r) throw Error(ErrorCode::InfraRequestNotFound);
    if (r->state != "diajukan") throw Error(ErrorCode::InfraRequestDecided, {{"state", r->state}});
    if (r->requested_by == actor.id)
      throw Error(ErrorCode::InfraSelfDecision, {}, tenancy::rule_ref(p, spec.operator_rule));
    // The Pusat Data is run by the agency holding the operator role; only it decides.
    auto holder = compliance_.tenant_facts(c, s).agency_for_role(spec.operator_role);
    if (holder.empty() || holder != actor.agency_id)
      throw Error(ErrorCode::InfraNotOperator, {{"role", spec.operator_role}},
                  tenancy::rule_ref(p, spec.operator_rule));
    r->state = approve ? "disetujui" : "ditolak";
    r->reasons = reasons;
    r->decided_by_name = actor.name;
    r->decided_at = clock::now_iso();
    repo.decide(s, *r, actor.id);
    auto duty = duty_for(p, r->kind);
    ledger_.append(c, ledger::change_in(s, actor, "infrastructure.request.decide", "infra_request", r->id,
                                        {{"decision", r->state}, {"reasons", reasons}, {"duty", duty.modal}}));
    return *r;
  });
}

std::vector<HostingRequest> Service::requests(const Scope& s, const std::string& state,
                                              const std::string& agency_id) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).requests(s, state, agency_id); });
}

HostingRequest Service::get_request(const Scope& s, const std::string& id) const {
  return storage::read(db_, [&](storage::Connection& c) {
    auto r = Repository(c).request(s, id);
    if (!r) throw Error(ErrorCode::InfraRequestNotFound);
    return *r;
  });
}

}  // namespace simpul::infrastructure
