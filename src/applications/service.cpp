#include "applications/service.hpp"

#include "storage/blob_store.hpp"

#include <algorithm>
#include <regex>

#include <boost/json/serialize.hpp>

#include "applications/facts.hpp"
#include "applications/json.hpp"
#include "applications/repository.hpp"
#include "applications/source_archive.hpp"
#include "architecture/json.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/text.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::applications {
namespace {

bool listed(const std::vector<tenancy::EnumItem>& items, const std::string& id) {
  return std::any_of(items.begin(), items.end(), [&](const auto& i) { return i.id == id; });
}

void require_choice(const std::string& value, const std::vector<tenancy::EnumItem>& items, const char* field) {
  if (value.empty() || listed(items, value)) return;
  boost::json::array allowed;
  for (const auto& i : items) allowed.emplace_back(i.id);
  throw Error(ErrorCode::ValidationInvalidValue, {{"field", field}, {"allowed", allowed}});
}

void apply(Record& r, const RecordInput& in) {
  if (in.operator_agency_id) r.operator_agency_id = *in.operator_agency_id;
  if (in.last_audit_date) r.last_audit_date = *in.last_audit_date;
  if (in.builder) r.builder = *in.builder;
  if (in.vendor_name) r.vendor_name = *in.vendor_name;
  if (in.source_model) r.source_model = *in.source_model;
  if (in.hosting) r.hosting = *in.hosting;
  if (in.subdomain) r.subdomain = text::to_lower_ascii(*in.subdomain);
  if (in.contact_email) r.contact_email = *in.contact_email;
  if (in.similar_to_umum) r.similar_to_umum = *in.similar_to_umum;
  if (in.justification) r.justification = *in.justification;
}

void require_one_of(const std::string& value, std::initializer_list<const char*> allowed, const char* field) {
  boost::json::array list;
  for (const char* a : allowed) {
    if (value == a) return;
    list.emplace_back(a);
  }
  throw Error(ErrorCode::ValidationInvalidValue, {{"field", field}, {"allowed", list}});
}

void require_date(const std::string& value, const char* field) {
  if (!clock::is_iso_date(value)) throw Error(ErrorCode::ValidationInvalidValue, field, "must be YYYY-MM-DD");
}

}  // namespace

const std::vector<tenancy::EnumItem>& builders() {
  static const std::vector<tenancy::EnumItem> k = {{"dinas", "Dinas Kominfo"},
                                                   {"pd_mandiri_tik", "Perangkat Daerah Mandiri TIK"},
                                                   {"perangkat_daerah", "Perangkat Daerah pemilik"},
                                                   {"vendor", "Penyedia (vendor)"}};
  return k;
}

const std::vector<tenancy::EnumItem>& hosting_options() {
  // Named so that the place is never in doubt: a PD-owned server inside the Pusat Data and a
  // server in the PD's own premises are different answers to Pasal 14 (docs/applications.md).
  static const std::vector<tenancy::EnumItem> k = {
      {"pusat_data_kolokasi", "Kolokasi di Pusat Data Pemda"},
      {"pusat_data_vps", "VPS dari Diskominfo di Pusat Data"},
      {"server_pd_di_pusat_data", "Server milik Perangkat Daerah, ditempatkan di Pusat Data"},
      {"server_di_kantor_pd", "Server di kantor atau lokasi Perangkat Daerah sendiri (di luar Pusat Data)"},
      {"luar_pusat_data", "Di luar Pusat Data (mis. cloud komersial)"}};
  return k;
}

const std::vector<tenancy::EnumItem>& source_models() {
  static const std::vector<tenancy::EnumItem> k = {{"terbuka", "Kode sumber terbuka"},
                                                   {"tertutup", "Kode sumber tertutup"}};
  return k;
}

const std::vector<tenancy::EnumItem>& consideration_kinds() {
  static const std::vector<tenancy::EnumItem> k = {
      {"kebutuhan_aplikasi_khusus", "Pertimbangan menteri atas Aplikasi Khusus"},
      {"kode_sumber_tertutup", "Pertimbangan menteri atas kode sumber tertutup"},
      {"aplikasi_sejenis", "Pertimbangan menteri atas aplikasi sejenis Aplikasi Umum"}};
  return k;
}

std::vector<tenancy::EnumItem> Service::artifact_kinds(const tenancy::Profile& p) {
  auto out = p.applications.handover_documents;
  out.push_back({"laporan_uji", "Laporan uji kelaikan"});
  out.push_back({"lainnya", "Dokumen lainnya"});
  return out;
}

void check_record(const tenancy::Profile& p, const tenancy::Service& tenancy, storage::Connection& c, const Scope& s,
                  const Record& r) {
  require_choice(r.builder, builders(), "builder");
  require_choice(r.source_model, source_models(), "source_model");
  require_choice(r.hosting, hosting_options(), "hosting");
  static const std::regex kHost("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
  if (!r.subdomain.empty() && (r.subdomain.size() > 253 || !std::regex_match(r.subdomain, kHost)))
    throw Error(ErrorCode::ValidationInvalidValue, "subdomain", "must be a host name such as sipd.kota.go.id");
  static const std::regex kEmail("[^@\\s]{1,64}@([a-z0-9-]+\\.)+[a-z]{2,63}", std::regex::icase);
  if (!r.contact_email.empty() && !std::regex_match(r.contact_email, kEmail))
    throw Error(ErrorCode::ValidationInvalidValue, "contact_email", "must be an e-mail address");
  if (r.last_audit_date && !clock::is_iso_date(*r.last_audit_date))
    throw Error(ErrorCode::ValidationInvalidValue, "last_audit_date", "must be YYYY-MM-DD");
  if (r.operator_agency_id && !tenancy.agency(c, s, *r.operator_agency_id))
    throw Error(ErrorCode::ValidationInvalidValue, "operator_agency_id", "not an agency of this tenant");
  const auto& conditions = p.applications.similar_conditions;
  for (const auto& [key, value] : r.justification) {
    if (!listed(conditions, std::string(key)))
      throw Error(ErrorCode::ValidationUnknownField, {{"field", "justification." + std::string(key)}});
    if (!value.is_bool())
      throw Error(ErrorCode::ValidationWrongType,
                  {{"field", "justification." + std::string(key)}, {"expected", "boolean"}});
  }
}

std::map<std::string, std::string> Service::builders(storage::Connection& c, const Scope& s) const {
  std::map<std::string, std::string> out;
  for (const auto& [id, r] : Repository(c).records(s))
    if (!r.builder.empty()) out[id] = r.builder;
  return out;
}

std::map<std::string, std::string> Service::recorded_audit_dates(storage::Connection& c, const Scope& s) const {
  std::map<std::string, std::string> out;
  for (const auto& [id, r] : Repository(c).records(s))
    if (r.last_audit_date && !r.last_audit_date->empty()) out[id] = *r.last_audit_date;
  return out;
}

regulation::Fact Service::fact_of(storage::Connection& c, const Scope& s, const architecture::Element& e,
                                  const Record& r) const {
  auto tenant = compliance_.tenant_facts(c, s);
  return application_fact(profile_of(s), e, r, holdings_of(c, s, elements_, audit_history_, e.id),
                          tenant.agency_has_flag(e.owner_agency_id, "mandiri_tik"));
}

std::vector<Application> Service::list(const Scope& s, const Filter& f, const ListQuery& q, std::int64_t& total) const {
  return storage::read(db_, [&](storage::Connection& c) {
    architecture::ElementFilter ef;
    ef.domain = "aplikasi";
    ef.owner_agency_id = f.agency_id;
    ListQuery all = q;
    all.page = 1;
    all.per_page = 1000000;
    std::int64_t count = 0;
    auto elements = elements_.elements(c, s, ef, all, count);
    auto records = Repository(c).records(s);
    auto findings = compliance_.open_counts(c, s, "application");
    std::vector<Application> matched;
    for (auto& e : elements) {
      if (!f.stage.empty() && stage_of(e) != f.stage) continue;
      if (!f.category.empty() && text_attribute(e, "category") != f.category) continue;
      Application a{std::move(e), {}, 0};
      if (auto r = records.find(a.element.id); r != records.end()) a.record = r->second;
      if (auto n = findings.find(a.element.id); n != findings.end()) a.open_findings = n->second;
      matched.push_back(std::move(a));
    }
    total = static_cast<std::int64_t>(matched.size());
    auto from = std::min<std::size_t>(matched.size(), static_cast<std::size_t>(q.offset()));
    auto to = std::min<std::size_t>(matched.size(), from + static_cast<std::size_t>(q.per_page));
    return std::vector<Application>(std::make_move_iterator(matched.begin() + from),
                                    std::make_move_iterator(matched.begin() + to));
  });
}

Application Service::get(const Scope& s, const std::string& id) const {
  return storage::read(db_, [&](storage::Connection& c) {
    auto e = elements_.find(c, s, id);
    if (!e || e->domain != "aplikasi") throw Error(ErrorCode::ApplicationNotFound);
    Application a{*e, Repository(c).record(s, id).value_or(Record{}), 0};
    auto counts = compliance_.open_counts(c, s, "application");
    if (auto n = counts.find(id); n != counts.end()) a.open_findings = n->second;
    return a;
  });
}

Application Service::create(const Scope& s, const architecture::ElementInput& element, const RecordInput& input,
                            const Actor& actor) {
  const auto& p = profile_of(s);
  architecture::ElementInput in = element;
  in.domain = "aplikasi";
  boost::json::object attributes = in.attributes.value_or(boost::json::object{});
  attributes["lifecycle_stage"] = p.applications.stages.front().id;
  in.attributes = attributes;
  Record record;
  apply(record, input);
  auto e = elements_.create(
      s, in, actor,
      [&](storage::Connection& c, const architecture::Element&, const architecture::Element& after) {
        check_record(profile_of(s), tenancy_, c, s, record);
        Repository(c).save_record(s, after.id, record, clock::now_iso());
        ledger_.append(
            c, ledger::change_in(s, actor, "application.create", "element", after.id, {{"record", to_json(record)}}));
      },
      true);
  return get(s, e.id);
}

Application Service::update(const Scope& s, const std::string& id, const architecture::ElementInput& element,
                            const RecordInput& input, const Actor& actor) {
  auto current = get(s, id);
  if (element.domain && *element.domain != "aplikasi")
    throw Error(ErrorCode::ValidationInvalidValue, "domain", "cannot change");
  elements_.update(
      s, id, element, actor, [&](storage::Connection& c, const architecture::Element&, const architecture::Element&) {
        Record record = current.record;
        apply(record, input);
        if (to_json(record) == to_json(current.record)) return;  // nothing changes: nothing is written
        check_record(profile_of(s), tenancy_, c, s, record);
        Repository(c).save_record(s, id, record, clock::now_iso());
        ledger_.append(c, ledger::change_in(s, actor, "application.update", "element", id,
                                            {{"before", to_json(current.record)}, {"after", to_json(record)}}));
      });
  return get(s, id);
}

Application Service::move(const Scope& s, const std::string& id, const std::string& to, const std::string& note,
                          const Actor& actor, const std::string& today) {
  const auto& p = profile_of(s);
  if (to != kRetiredStage && p.applications.stage_index(to) < 0) {
    boost::json::array allowed;
    for (const auto& st : p.applications.stages) allowed.emplace_back(st.id);
    allowed.emplace_back(kRetiredStage);
    throw Error(ErrorCode::ValidationInvalidValue, {{"field", "to"}, {"allowed", allowed}});
  }
  auto current = get(s, id);
  std::string from = stage_of(current.element);
  if (from == to) throw Error(ErrorCode::ValidationInvalidValue, "to", "is the current stage");
  architecture::ElementInput in;
  auto attributes = current.element.attributes;
  attributes["lifecycle_stage"] = to;
  in.attributes = attributes;
  if (to == kRetiredStage) in.state = "retired";
  elements_.update(
      s, id, in, actor,
      [&](storage::Connection& c, const architecture::Element&, const architecture::Element& after) {
        Record record = current.record;
        compliance_.check_gate(s, compliance_.tenant_facts(c, s), fact_of(c, s, after, record), today);
        if (p.applications.is_live(to) && !record.live_since) {
          record.live_since = today;
          Repository(c).save_record(s, id, record, clock::now_iso());
        }
        ledger_.append(c, ledger::change_in(s, actor, "application.stage", "element", id,
                                            {{"from", from}, {"to", to}, {"note", note}}));
      },
      true);
  return get(s, id);
}

std::vector<Move> Service::moves(const Scope& s, const std::string& id, const std::string& today) const {
  const auto& p = profile_of(s);
  auto current = get(s, id);
  std::string from = stage_of(current.element);
  std::vector<Move> out;
  storage::read(db_, [&](storage::Connection& c) {
    auto tenant = compliance_.tenant_facts(c, s);
    // What the application holds does not depend on the target stage: read it once.
    auto holdings = holdings_of(c, s, elements_, audit_history_, id);
    bool mandiri = tenant.agency_has_flag(current.element.owner_agency_id, "mandiri_tik");
    std::vector<tenancy::EnumItem> targets = p.applications.stages;
    targets.push_back({kRetiredStage, "Pensiun (tidak digunakan lagi)"});
    for (const auto& stage : targets) {
      if (stage.id == from) continue;
      auto after = current.element;
      after.attributes["lifecycle_stage"] = stage.id;
      if (stage.id == kRetiredStage) after.state = "retired";
      Move m{stage.id, stage.name, std::nullopt};
      try {
        compliance_.check_gate(s, tenant, application_fact(p, after, current.record, holdings, mandiri), today);
      } catch (const Error& e) {
        m.refusal = e;
      }
      out.push_back(std::move(m));
    }
    return 0;
  });
  return out;
}

std::vector<regulation::Violation> Service::early_warnings(const Scope& s, const std::string& id,
                                                           const std::string& today) const {
  auto current = get(s, id);
  return storage::read(db_, [&](storage::Connection& c) {
    auto tenant = compliance_.tenant_facts(c, s);
    return compliance_.early_warnings(s, tenant, fact_of(c, s, current.element, current.record), today);
  });
}

regulation::Fact Service::fact(const Scope& s, const std::string& id) const {
  auto current = get(s, id);
  return storage::read(db_, [&](storage::Connection& c) { return fact_of(c, s, current.element, current.record); });
}

std::pair<std::vector<architecture::Element>, std::vector<architecture::Element>> Service::linked(
    const Scope& s, const std::string& id) const {
  std::vector<architecture::Element> services, data;
  for (auto& r : elements_.relations_of(s, id)) {
    if (r.relation.type == "supported_by" && r.direction == "in" && r.other.domain == "layanan")
      services.push_back(std::move(r.other));
    else if (r.relation.type == "uses_data" && r.direction == "out")
      data.push_back(std::move(r.other));
  }
  return {std::move(services), std::move(data)};
}

Recommendation Service::request_recommendation(const Scope& s, const std::string& id, const std::string& purpose,
                                               const std::string& justification, const Actor& actor) {
  get(s, id);
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    if (!repo.recommendations(s, "diajukan", id).empty()) throw Error(ErrorCode::RecommendationPending);
    Recommendation r;
    r.id = crypto::new_id();
    r.application_id = id;
    r.purpose = purpose;
    r.justification = justification;
    r.requested_by = actor.id;
    r.requested_by_name = actor.name;
    r.requested_at = clock::now_iso();
    repo.insert(s, r);
    ledger_.append(c, ledger::change_in(s, actor, "recommendation.request", "element", id,
                                        {{"recommendation_id", r.id}, {"purpose", purpose}}));
    return *repo.recommendation(s, r.id);
  });
}

Recommendation Service::decide(const Scope& s, const std::string& recommendation_id, bool approve,
                               const std::string& reasons, const Actor& actor, const std::string& today) {
  const auto& p = profile_of(s);
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto r = repo.recommendation(s, recommendation_id);
    if (!r) throw Error(ErrorCode::RecommendationNotFound);
    if (r->state != "diajukan") throw Error(ErrorCode::RecommendationDecided, {{"state", r->state}});
    regulation::Fact decision;
    decision.subject = "recommendation";
    decision.id = r->id;
    decision.fields = {
        {"requested_by", r->requested_by}, {"decided_by", actor.id}, {"decider_agency", actor.agency_id}};
    compliance_.check_gate(s, compliance_.tenant_facts(c, s), decision, today);
    r->state = approve ? "disetujui" : "ditolak";
    r->reasons = reasons;
    r->decided_by_name = actor.name;
    r->decided_at = clock::now_iso();
    repo.decide(s, *r, actor.id);
    ledger_.append(c, ledger::change_in(s, actor, "recommendation.decide", "element", r->application_id,
                                        {{"recommendation_id", r->id}, {"decision", r->state}, {"reasons", reasons}}));
    return *r;
  });
}

std::vector<Recommendation> Service::recommendations(const Scope& s, const std::string& state,
                                                     const std::string& application_id) const {
  return storage::read(db_,
                       [&](storage::Connection& c) { return Repository(c).recommendations(s, state, application_id); });
}

Consideration Service::consider(const Scope& s, const std::string& id, Consideration in, const Actor& actor) {
  get(s, id);
  require_choice(in.kind, consideration_kinds(), "kind");
  if (in.kind.empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", "kind"}});
  require_one_of(in.decision, {"disetujui", "ditolak"}, "decision");
  require_date(in.date, "date");
  return append_record(s, id, std::move(in), actor, "consideration.record", [](const Consideration& x) {
    return boost::json::object{
        {"consideration_id", x.id}, {"kind", x.kind}, {"reference", x.reference}, {"decision", x.decision}};
  });
}

std::vector<Consideration> Service::considerations(const Scope& s, const std::string& id) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).considerations(s, id); });
}

TestRecord Service::record_test(const Scope& s, const std::string& id, TestRecord in, const Actor& actor) {
  get(s, id);
  require_one_of(in.result, {"lulus", "gagal"}, "result");
  require_date(in.date, "date");
  return append_record(s, id, std::move(in), actor, "test.record", [](const TestRecord& t) {
    return boost::json::object{{"test_id", t.id}, {"date", t.date}, {"release", t.release}, {"result", t.result}};
  });
}

std::vector<TestRecord> Service::tests(const Scope& s, const std::string& id) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).tests(s, id); });
}

Artifact Service::upload(const Scope& s, const std::string& id, const std::string& kind, const std::string& release,
                         const std::string& filename, const std::string& content, const Actor& actor) {
  get(s, id);
  require_choice(kind, artifact_kinds(profile_of(s)), "kind");
  if (kind.empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", "kind"}});
  if (content.empty()) throw Error(ErrorCode::ArtifactEmpty);
  // Madiun Pasal 24 ayat (4): what can be checked of "source code dengan penjelasan fungsi masing-masing
  // prosedur" is that it is source code at all: an archive listing source files, not a binary.
  if (auto rule = source_code_rule(profile_of(s)); rule && kind == "kode_sumber") {
    auto listing = list_archive(content);
    if (!listing || listing->source_files == 0) {
      boost::json::array entries;
      if (listing)
        for (const auto& e : listing->entries) entries.push_back(boost::json::value(e));
      // validation.invalid_value (not a code of its own, which would rebuild every file using the catalogue).
      throw Error(ErrorCode::ValidationInvalidValue,
                  {{"field", "content"},
                   {"reason", "source_not_archive"},
                   {"format", listing ? boost::json::value(listing->format) : boost::json::value(nullptr)},
                   {"files", listing ? listing->files : 0},
                   {"source_files", 0},
                   {"entries", entries}},
                  tenancy::rule_ref(profile_of(s), rule));
    }
  }
  Artifact a;
  a.id = crypto::new_id();
  a.application_id = id;
  a.kind = kind;
  a.release = release;
  a.filename = filename;
  a.size = static_cast<std::int64_t>(content.size());
  a.sha256 = crypto::sha256_hex(content);
  a.uploaded_by_name = actor.name;
  a.uploaded_at = clock::now_iso();
  storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    storage::put_blob(c, s.tenant_id, a.sha256, a.size, crypto::to_base64(content), a.uploaded_at);
    repo.insert(s, a);
    ledger_.append(c, ledger::change_in(s, actor, "artifact.upload", "element", id,
                                        {{"artifact_id", a.id},
                                         {"kind", kind},
                                         {"release", release},
                                         {"filename", filename},
                                         {"size", a.size},
                                         {"sha256", a.sha256}}));
  });
  return a;
}

std::vector<Artifact> Service::artifacts(const Scope& s, const std::string& id) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).artifacts(s, id); });
}

Artifact Service::confirm_explanations(const Scope& s, const std::string& artifact_id, const std::string& note,
                                       const Actor& actor) {
  auto rule = source_code_rule(profile_of(s));
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto a = repo.artifact(s, artifact_id);
    if (!a) throw Error(ErrorCode::ArtifactNotFound);
    if (!rule || a->kind != "kode_sumber")
      throw Error(ErrorCode::ValidationInvalidValue,
                  {{"field", "artifact"}, {"reason", "not_source_code"}, {"kind", a->kind}});
    a->explanations_confirmed_by_name = actor.name;
    a->explanations_confirmed_at = clock::now_iso();
    a->explanations_note = note;
    repo.confirm_explanations(s, *a);
    ledger_.append(c, ledger::change_in(s, actor, "artifact.confirm_explanations", "element", a->application_id,
                                        {{"artifact_id", a->id},
                                         {"filename", a->filename},
                                         {"sha256", a->sha256},
                                         {"note", note},
                                         {"rule", *rule}}));
    return *a;
  });
}

std::pair<Artifact, std::string> Service::download(const Scope& s, const std::string& artifact_id) const {
  return storage::read(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto a = repo.artifact(s, artifact_id);
    if (!a) throw Error(ErrorCode::ArtifactNotFound);
    auto text = storage::blob_base64(c, s.tenant_id, a->sha256);
    std::string bytes;
    if (!text || !crypto::from_base64(*text, bytes)) throw Error(ErrorCode::ArtifactNotFound);
    return std::make_pair(*a, bytes);
  });
}

}  // namespace simpul::applications
