#include "evaluation/service.hpp"

#include <algorithm>
#include <functional>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "evaluation/repository.hpp"
#include "storage/blob_store.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::evaluation {
namespace {

namespace json = boost::json;

bool has_any(const std::vector<std::string>& held, std::initializer_list<const char*> wanted) {
  for (const char* w : wanted)
    if (std::find(held.begin(), held.end(), w) != held.end()) return true;
  return false;
}

std::vector<std::string> roles_in(Repository& repo, const Scope& s, const std::string& period_id, const std::string& user_id) {
  std::vector<std::string> out;
  for (const auto& m : repo.members(s, period_id))
    if (m.user_id == user_id) out.push_back(m.role);
  return out;
}

/// The answers as the index computation reads them: evidence verdicts feed the cumulative rule.
std::vector<Answer> to_answers(const Framework& f, const std::vector<AnswerRecord>& records,
                               const std::vector<EvidenceItem>& evidence) {
  std::vector<Answer> out;
  for (const auto& r : records) {
    Answer a;
    a.indicator = r.indicator_id;
    if (f.level_rule == LevelRule::Direct) {
      a.level = r.level;
    } else {
      a.external_score = r.external_score;
      for (const auto& e : evidence)
        if (e.indicator_id == r.indicator_id && e.level) a.evidence.push_back({*e.level, e.main, e.verdict == "diterima"});
    }
    out.push_back(std::move(a));
  }
  return out;
}

json::object result_snapshot(const Framework& f, const IndexResult& r) {
  json::object aspects, domains;
  for (std::size_t i = 0; i < f.aspects.size(); ++i) aspects[f.aspects[i].id] = r.aspects[i];
  for (std::size_t i = 0; i < f.domains.size(); ++i) domains[f.domains[i].id] = r.domains[i];
  return {{"index", r.index},     {"predicate", r.predicate ? json::value(r.predicate->name) : json::value(nullptr)},
          {"aspects", aspects},   {"domains", domains},
          {"framework", f.id},    {"framework_version", f.version}};
}

const char* state_name(const std::string& state) {
  if (state == kDraft) return "Draf";
  if (state == kSubmitted) return "Diajukan";
  if (state == kApproved) return "Disetujui";
  if (state == kReturned) return "Dikembalikan";
  return "Belum diisi";
}

}  // namespace

const std::vector<std::pair<std::string, std::string>>& workflow_roles() {
  static const std::vector<std::pair<std::string, std::string>> kRoles = {
      {kKoordinator, "Koordinator"},
      {kPenanggungJawab, "Penanggung Jawab"},
      {kDataEntry, "Pelaksana Data Entri"},
      {kAnggota, "Anggota"},
  };
  return kRoles;
}

// ---- frameworks -------------------------------------------------------------------------------

std::vector<FrameworkVersion> Service::frameworks(const Scope& s) const {
  return storage::read(db_, [&](storage::Connection& c) { return registry_.versions(c, s); });
}

FrameworkPtr Service::framework(const Scope& s, const std::string& id, std::optional<int> version) const {
  return storage::read(db_, [&](storage::Connection& c) {
    return version ? registry_.get(c, s, id, *version) : registry_.latest(c, s, id);
  });
}

FrameworkPtr Service::correct_framework(const Scope& s, const std::string& id, int base_version,
                                        const json::object& corrections, const std::string& note, const Actor& actor) {
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    auto f = registry_.save_correction(c, s, id, base_version, corrections, note, actor);
    ledger_.append(c, ledger::change_in(s, actor, "evaluation.framework_correct", "evaluation_framework", id,
                                        {{"base_version", base_version}, {"version", f->version}, {"note", note},
                                         {"corrections", corrections}}));
    return f;
  });
}

// ---- periods and team -------------------------------------------------------------------------

Service::Loaded Service::load(storage::Connection& c, const Scope& s, const std::string& id) const {
  auto p = Repository(c).period(s, id);
  if (!p) throw Error(ErrorCode::EvaluationPeriodNotFound);
  return {*p, registry_.get(c, s, p->framework_id, p->framework_version)};
}

Service::Loaded Service::open_for(storage::Connection& c, const Scope& s, const std::string& id, const Actor& actor,
                                  std::initializer_list<const char*> roles) const {
  auto l = load(c, s, id);
  if (l.period.state != "terbuka") throw Error(ErrorCode::EvaluationPeriodSubmitted);
  Repository repo(c);
  if (!has_any(roles_in(repo, s, id, actor.id), roles)) {
    json::array wanted;
    for (const char* r : roles) wanted.push_back(json::value(r));
    throw Error(ErrorCode::EvaluationRoleRequired, {{"roles", wanted}});
  }
  return l;
}

const Indicator& Service::indicator_of(const Framework& f, const std::string& indicator) const {
  auto i = f.find_indicator(indicator);
  if (!i) throw Error(ErrorCode::EvaluationIndicatorNotFound);
  return f.indicators[*i];
}

void Service::append(storage::Connection& c, const Scope& s, const Actor& actor, const char* action,
                     const std::string& period_id, json::object details) const {
  ledger_.append(c, ledger::change_in(s, actor, action, "evaluation_period", period_id, std::move(details)));
}

Period Service::create_period(const Scope& s, int year, const std::string& agency_id,
                              const std::optional<std::string>& framework_id, const std::string& title, const Actor& actor) {
  if (year < 2000 || year > 2100) throw Error(ErrorCode::ValidationInvalidValue, {{"field", "year"}});
  const auto& profile = tenancy_.profile_of(s);
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    if (!agency_id.empty() &&
        c.query("SELECT 1 FROM agencies WHERE tenant_id = ? AND id = ?", {s.tenant_id, agency_id}).empty())
      throw Error(ErrorCode::AgencyNotFound);
    if (repo.period_exists(s, year, agency_id)) throw Error(ErrorCode::EvaluationPeriodExists);
    auto f = framework_id ? registry_.latest(c, s, *framework_id) : registry_.for_year(c, s, year);
    Period p;
    p.id = crypto::new_id();
    p.year = year;
    p.agency_id = agency_id;
    p.framework_id = f->id;
    p.framework_version = f->version;
    p.title = title.empty() ? "Penilaian Mandiri SPBE " + std::to_string(year) : title;
    p.state = "terbuka";
    p.created_by_name = actor.name;
    p.created_at = clock::now_iso();
    repo.insert(s, p);
    // The assessor team starts as the profile's team says (Bontang Pasal 49 ayat (2)); the
    // koordinator adjusts it per period.
    json::array team;
    if (profile.evaluation && profile.evaluation->team)
      for (const auto& r : c.query("SELECT m.user_id, m.position_id FROM team_members m JOIN teams t ON t.id = m.team_id "
                                   "WHERE t.tenant_id = ? AND t.kind = ?",
                                   {s.tenant_id, *profile.evaluation->team}))
        for (const auto& [position, role] : profile.evaluation->positions)
          if (position == r.text_at(1)) {
            repo.insert(s, Member{crypto::new_id(), p.id, r.text_at(0), "", role, p.created_at});
            team.push_back(json::object{{"user_id", r.text_at(0)}, {"role", role}});
          }
    append(c, s, actor, "evaluation.period_create", p.id,
           {{"year", year}, {"agency_id", agency_id}, {"framework", f->id}, {"version", f->version}, {"team", team}});
    return *repo.period(s, p.id);
  });
}

std::vector<Period> Service::periods(const Scope& s, std::optional<int> year, const std::string& agency) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).periods(s, year, agency); });
}

Period Service::period(const Scope& s, const std::string& id) const {
  return storage::read(db_, [&](storage::Connection& c) { return load(c, s, id).period; });
}

std::vector<Member> Service::members(const Scope& s, const std::string& id) const {
  return storage::read(db_, [&](storage::Connection& c) {
    load(c, s, id);
    return Repository(c).members(s, id);
  });
}

std::vector<std::string> Service::roles_of(const Scope& s, const std::string& id, const std::string& user_id) const {
  return storage::read(db_, [&](storage::Connection& c) {
    Repository repo(c);
    return roles_in(repo, s, id, user_id);
  });
}

Member Service::add_member(const Scope& s, const std::string& id, const std::string& user_id, const std::string& role,
                           const Actor& actor) {
  bool known_role = false;
  for (const auto& [r, name] : workflow_roles()) known_role = known_role || r == role;
  if (!known_role) throw Error(ErrorCode::ValidationInvalidValue, {{"field", "role"}});
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    auto l = load(c, s, id);
    if (l.period.state != "terbuka") throw Error(ErrorCode::EvaluationPeriodSubmitted);
    if (c.query("SELECT 1 FROM users WHERE tenant_id = ? AND id = ?", {s.tenant_id, user_id}).empty())
      throw Error(ErrorCode::UserNotFound);
    Repository repo(c);
    for (const auto& m : repo.members(s, id))
      if (m.user_id == user_id && m.role == role) return m;
    Member m{crypto::new_id(), id, user_id, "", role, clock::now_iso()};
    repo.insert(s, m);
    append(c, s, actor, "evaluation.member_add", id, {{"user_id", user_id}, {"role", role}});
    for (const auto& x : repo.members(s, id))
      if (x.id == m.id) return x;
    return m;
  });
}

void Service::remove_member(const Scope& s, const std::string& id, const std::string& member_id, const Actor& actor) {
  storage::write_transaction(db_, [&](storage::Connection& c) {
    auto l = load(c, s, id);
    if (l.period.state != "terbuka") throw Error(ErrorCode::EvaluationPeriodSubmitted);
    Repository repo(c);
    for (const auto& m : repo.members(s, id))
      if (m.id == member_id) {
        repo.delete_member(s, id, member_id);
        append(c, s, actor, "evaluation.member_remove", id, {{"user_id", m.user_id}, {"role", m.role}});
        return;
      }
    throw Error(ErrorCode::EvaluationMemberNotFound);
  });
}

// ---- answers ----------------------------------------------------------------------------------

std::vector<AnswerRecord> Service::answers(const Scope& s, const std::string& id) const {
  return storage::read(db_, [&](storage::Connection& c) {
    load(c, s, id);
    return Repository(c).answers(s, id);
  });
}

IndicatorView Service::indicator(const Scope& s, const std::string& id, const std::string& indicator,
                                 const std::string& today) const {
  return storage::read(db_, [&](storage::Connection& c) {
    auto l = load(c, s, id);
    const auto& ind = indicator_of(*l.framework, indicator);
    Repository repo(c);
    IndicatorView v;
    v.answer = repo.answer(s, id, indicator);
    for (auto& e : repo.evidence(s, id))
      if (e.indicator_id == indicator) v.evidence.push_back(std::move(e));
    v.comments = repo.comments(s, id, indicator);
    EvidenceQuery q{s, &tenancy_.profile_of(s), l.period.agency_id, l.period.year, today};
    v.proposals = sources_.propose(c, q, ind.evidence_topics);
    return v;
  });
}

AnswerRecord Service::save_answer(const Scope& s, const std::string& id, const std::string& indicator,
                                  const AnswerInput& in, const Actor& actor) {
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    auto l = open_for(c, s, id, actor, {kDataEntry});
    const auto& ind = indicator_of(*l.framework, indicator);
    const auto& scale = l.framework->scales[ind.scale];
    Repository repo(c);
    auto a = repo.answer(s, id, indicator).value_or(AnswerRecord{});
    if (a.state != kDraft && a.state != kReturned) throw Error(ErrorCode::EvaluationAnswerState, {{"state", a.state}});
    a.indicator_id = indicator;
    if (in.level) {
      // Under the cumulative rule the level is the one the data entry aims for; the index follows
      // the evidence verdicts, not this number.
      if (*in.level && (**in.level < scale.min_level() || **in.level > scale.max_level()))
        throw Error(ErrorCode::ValidationInvalidValue, {{"field", "level"}, {"min", scale.min_level()}, {"max", scale.max_level()}});
      a.level = *in.level;
    }
    if (in.external_score) {
      if (ind.external_kind.empty()) throw Error(ErrorCode::ValidationInvalidValue, {{"field", "external_score"}});
      if (*in.external_score && (**in.external_score < 0 || **in.external_score > 5))
        throw Error(ErrorCode::ValidationInvalidValue, {{"field", "external_score"}, {"min", 0}, {"max", 5}});
      a.external_score = *in.external_score;
    }
    if (in.explanation) a.explanation = *in.explanation;
    a.filled_by = actor.id;
    a.filled_by_name = actor.name;
    a.updated_at = clock::now_iso();
    repo.save(s, id, a);
    append(c, s, actor, "evaluation.answer_save", id,
           {{"indicator", indicator}, {"level", a.level ? json::value(*a.level) : json::value(nullptr)},
            {"external_score", a.external_score ? json::value(*a.external_score) : json::value(nullptr)},
            {"explanation_sha256", crypto::sha256_hex(a.explanation)}});
    return a;
  });
}

AnswerRecord Service::send_for_review(const Scope& s, const std::string& id, const std::string& indicator,
                                      const Actor& actor) {
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    auto l = open_for(c, s, id, actor, {kDataEntry});
    indicator_of(*l.framework, indicator);
    Repository repo(c);
    auto a = repo.answer(s, id, indicator);
    if (!a || (a->state != kDraft && a->state != kReturned))
      throw Error(ErrorCode::EvaluationAnswerState, {{"state", a ? a->state : "kosong"}});
    if (l.framework->level_rule == LevelRule::Direct && !a->level)
      throw Error(ErrorCode::ValidationMissingField, {{"field", "level"}});
    a->state = kSubmitted;
    a->updated_at = clock::now_iso();
    repo.save(s, id, *a);
    append(c, s, actor, "evaluation.answer_submit", id, {{"indicator", indicator}});
    return *a;
  });
}

AnswerRecord Service::review(const Scope& s, const std::string& id, const std::string& indicator, bool approve,
                             const std::string& note, const Actor& actor) {
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    // The koordinator "ensures the quality of the self-assessment" (Bontang Pasal 49 ayat (3)
    // huruf b), so it may validate too; regions without a penanggung jawab rely on that.
    auto l = open_for(c, s, id, actor, {kPenanggungJawab, kKoordinator});
    indicator_of(*l.framework, indicator);
    Repository repo(c);
    auto a = repo.answer(s, id, indicator);
    // Approving needs a submitted answer; returning also reopens an approved one.
    bool allowed = a && (a->state == kSubmitted || (!approve && a->state == kApproved));
    if (!allowed) throw Error(ErrorCode::EvaluationAnswerState, {{"state", a ? a->state : "kosong"}});
    if (a->filled_by == actor.id) throw Error(ErrorCode::EvaluationSelfApproval);
    if (!approve && note.empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", "note"}});
    a->state = approve ? kApproved : kReturned;
    a->reviewed_by_name = actor.name;
    a->reviewed_at = clock::now_iso();
    a->review_note = note;
    repo.save(s, id, *a);
    // The note joins the indicator's thread, so data entry sees why it came back.
    if (!note.empty())
      repo.insert(s, id, Comment{crypto::new_id(), indicator, actor.name, roles_in(repo, s, id, actor.id).front(),
                                 (approve ? "Disetujui: " : "Dikembalikan: ") + note, *a->reviewed_at});
    append(c, s, actor, approve ? "evaluation.answer_approve" : "evaluation.answer_return", id,
           {{"indicator", indicator}, {"note", note}});
    return *a;
  });
}

Comment Service::comment(const Scope& s, const std::string& id, const std::string& indicator, const std::string& text,
                         const Actor& actor) {
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    auto l = open_for(c, s, id, actor, {kDataEntry, kPenanggungJawab, kKoordinator, kAnggota});
    indicator_of(*l.framework, indicator);
    Repository repo(c);
    auto roles = roles_in(repo, s, id, actor.id);
    Comment x{crypto::new_id(), indicator, actor.name, roles.front(), text, clock::now_iso()};
    repo.insert(s, id, x);
    append(c, s, actor, "evaluation.comment", id, {{"indicator", indicator}, {"comment_id", x.id}});
    return x;
  });
}

// ---- evidence ---------------------------------------------------------------------------------

std::vector<EvidenceItem> Service::evidence(const Scope& s, const std::string& id) const {
  return storage::read(db_, [&](storage::Connection& c) {
    load(c, s, id);
    return Repository(c).evidence(s, id);
  });
}

EvidenceItem Service::insert_evidence(const Scope& s, const std::string& id, const std::string& indicator, EvidenceItem e,
                                      const Actor& actor, const std::function<void(storage::Connection&, EvidenceItem&)>& before) {
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    auto l = open_for(c, s, id, actor, {kDataEntry});
    const auto& ind = indicator_of(*l.framework, indicator);
    const auto& scale = l.framework->scales[ind.scale];
    if (e.level && (*e.level < scale.min_level() || *e.level > scale.max_level()))
      throw Error(ErrorCode::ValidationInvalidValue, {{"field", "level"}, {"min", scale.min_level()}, {"max", scale.max_level()}});
    if (l.framework->level_rule == LevelRule::CumulativeEvidence && !e.level)
      throw Error(ErrorCode::ValidationMissingField, {{"field", "level"}});
    Repository repo(c);
    auto a = repo.answer(s, id, indicator);
    if (a && a->state != kDraft && a->state != kReturned) throw Error(ErrorCode::EvaluationAnswerState, {{"state", a->state}});
    before(c, e);
    e.id = crypto::new_id();
    e.indicator_id = indicator;
    e.added_by_name = actor.name;
    e.added_at = clock::now_iso();
    repo.insert(s, id, e);
    append(c, s, actor, "evaluation.evidence_add", id,
           {{"indicator", indicator}, {"evidence_id", e.id}, {"kind", e.kind}, {"label", e.label}, {"sha256", e.sha256},
            {"ref_kind", e.ref_kind}, {"ref_id", e.ref_id}});
    return e;
  });
}

EvidenceItem Service::add_file(const Scope& s, const std::string& id, const std::string& indicator,
                               const std::string& filename, const std::string& content, const EvidenceInput& in,
                               const Actor& actor) {
  if (content.empty()) throw Error(ErrorCode::ArtifactEmpty);
  if (content.size() > options_.max_evidence_bytes)
    throw Error(ErrorCode::EvaluationEvidenceTooLarge, {{"max_bytes", options_.max_evidence_bytes}});
  EvidenceItem e;
  e.kind = "file";
  e.label = filename;
  e.size = static_cast<std::int64_t>(content.size());
  e.sha256 = crypto::sha256_hex(content);
  e.level = in.level;
  e.main = in.main;
  return insert_evidence(s, id, indicator, e, actor, [&](storage::Connection& c, EvidenceItem& item) {
    storage::put_blob(c, s.tenant_id, item.sha256, item.size, crypto::to_base64(content), clock::now_iso());
  });
}

EvidenceItem Service::add_link(const Scope& s, const std::string& id, const std::string& indicator,
                               const std::string& ref_kind, const std::string& ref_id, const EvidenceInput& in,
                               const Actor& actor) {
  EvidenceItem e;
  e.kind = "link";
  e.ref_kind = ref_kind;
  e.ref_id = ref_id;
  e.level = in.level;
  e.main = in.main;
  return insert_evidence(s, id, indicator, e, actor, [&](storage::Connection& c, EvidenceItem& item) {
    // A link must name a record of this tenant that some source knows: never another tenant's.
    auto label = sources_.resolve(c, s, ref_kind, ref_id);
    if (!label) throw Error(ErrorCode::EvaluationLinkUnknown);
    item.label = *label;
  });
}

void Service::remove_evidence(const Scope& s, const std::string& id, const std::string& evidence_id, const Actor& actor) {
  storage::write_transaction(db_, [&](storage::Connection& c) {
    open_for(c, s, id, actor, {kDataEntry});
    Repository repo(c);
    auto e = repo.evidence_item(s, id, evidence_id);
    if (!e) throw Error(ErrorCode::EvaluationEvidenceNotFound);
    auto a = repo.answer(s, id, e->indicator_id);
    if (a && a->state != kDraft && a->state != kReturned) throw Error(ErrorCode::EvaluationAnswerState, {{"state", a->state}});
    repo.delete_evidence(s, evidence_id);
    append(c, s, actor, "evaluation.evidence_remove", id,
           {{"indicator", e->indicator_id}, {"evidence_id", evidence_id}, {"label", e->label}});
  });
}

EvidenceItem Service::verdict(const Scope& s, const std::string& id, const std::string& evidence_id, bool accepted,
                              const Actor& actor) {
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    open_for(c, s, id, actor, {kPenanggungJawab, kKoordinator});
    Repository repo(c);
    auto e = repo.evidence_item(s, id, evidence_id);
    if (!e) throw Error(ErrorCode::EvaluationEvidenceNotFound);
    auto a = repo.answer(s, id, e->indicator_id);
    if (!a || a->state != kSubmitted) throw Error(ErrorCode::EvaluationAnswerState, {{"state", a ? a->state : "kosong"}});
    e->verdict = accepted ? "diterima" : "ditolak";
    repo.set_verdict(s, evidence_id, e->verdict);
    append(c, s, actor, "evaluation.evidence_verdict", id,
           {{"indicator", e->indicator_id}, {"evidence_id", evidence_id}, {"verdict", e->verdict}});
    return *e;
  });
}

std::pair<EvidenceItem, std::string> Service::download(const Scope& s, const std::string& id,
                                                       const std::string& evidence_id) const {
  return storage::read(db_, [&](storage::Connection& c) {
    load(c, s, id);
    auto e = Repository(c).evidence_item(s, id, evidence_id);
    if (!e || e->kind != "file") throw Error(ErrorCode::EvaluationEvidenceNotFound);
    auto text = storage::blob_base64(c, s.tenant_id, e->sha256);
    std::string bytes;
    if (!text || !crypto::from_base64(*text, bytes)) throw Error(ErrorCode::EvaluationEvidenceNotFound);
    return std::make_pair(*e, bytes);
  });
}

// ---- results ----------------------------------------------------------------------------------

Scored Service::score_in(storage::Connection& c, const Scope& s, const Loaded& l) const {
  Repository repo(c);
  Scored out;
  out.framework = l.framework;
  out.answers = to_answers(*l.framework, repo.answers(s, l.period.id), repo.evidence(s, l.period.id));
  out.result = compute_index(*l.framework, out.answers);
  return out;
}

Scored Service::score(const Scope& s, const std::string& id) const {
  return storage::read(db_, [&](storage::Connection& c) { return score_in(c, s, load(c, s, id)); });
}

Scored Service::what_if(const Scope& s, const std::string& id, const std::vector<Change>& changes) const {
  auto base = score(s, id);
  base.result = evaluation::what_if(*base.framework, base.answers, changes);
  return base;
}

Period Service::submit(const Scope& s, const std::string& id, const Actor& actor) {
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    auto l = open_for(c, s, id, actor, {kKoordinator});
    Repository repo(c);
    auto records = repo.answers(s, id);
    std::size_t approved = 0;
    for (const auto& a : records) approved += a.state == kApproved;
    if (approved != l.framework->indicators.size())
      throw Error(ErrorCode::EvaluationNotReady,
                  {{"approved", approved}, {"indicators", l.framework->indicators.size()}});
    auto scored = score_in(c, s, l);
    auto snapshot = result_snapshot(*l.framework, scored.result);
    auto now = clock::now_iso();
    repo.submit(s, id, actor.name, now, json::serialize(snapshot));
    append(c, s, actor, "evaluation.period_submit", id, {{"result", snapshot}});
    return *repo.period(s, id);
  });
}

std::vector<std::pair<Period, Scored>> Service::history(const Scope& s, const std::string& agency_id) const {
  return storage::read(db_, [&](storage::Connection& c) {
    std::vector<std::pair<Period, Scored>> out;
    auto list = Repository(c).periods(s, std::nullopt, agency_id.empty() ? "-" : agency_id);
    std::reverse(list.begin(), list.end());
    for (const auto& p : list) {
      Loaded l{p, registry_.get(c, s, p.framework_id, p.framework_version)};
      out.emplace_back(p, score_in(c, s, l));
    }
    return out;
  });
}

std::vector<LeagueRow> Service::league(const Scope& s, int year) const {
  return storage::read(db_, [&](storage::Connection& c) {
    std::vector<LeagueRow> rows;
    Repository repo(c);
    for (const auto& p : repo.periods(s, year, "")) {
      if (p.agency_id.empty()) continue;
      Loaded l{p, registry_.get(c, s, p.framework_id, p.framework_version)};
      auto scored = score_in(c, s, l);
      LeagueRow row{p, scored.result.index, scored.result.predicate ? scored.result.predicate->name : "", 0};
      for (const auto& a : repo.answers(s, p.id)) row.approved += a.state == kApproved;
      rows.push_back(std::move(row));
    }
    std::stable_sort(rows.begin(), rows.end(), [](const LeagueRow& a, const LeagueRow& b) { return a.index > b.index; });
    return rows;
  });
}

ReportData Service::report(const Scope& s, const std::string& id) const {
  return storage::read(db_, [&](storage::Connection& c) {
    auto l = load(c, s, id);
    const auto& f = *l.framework;
    auto scored = score_in(c, s, l);
    Repository repo(c);
    auto records = repo.answers(s, id);
    auto evidence = repo.evidence(s, id);
    ReportData d;
    d.tenant_name = tenancy_.tenant(s.tenant_id).name;
    d.scope_name = l.period.agency_id.empty() ? "Pemerintah Daerah" : l.period.agency_name;
    d.year = l.period.year;
    d.framework_title = f.title + " v" + std::to_string(f.version);
    d.legal_basis = f.legal_basis;
    d.provisional = f.provisional;
    d.state = l.period.state == "terbuka" ? "Terbuka (belum diserahkan)"
                                          : "Diserahkan " + l.period.submitted_at.value_or("").substr(0, 10) + " oleh " +
                                                l.period.submitted_by_name;
    d.generated_at = clock::now_iso();
    d.index = scored.result.index;
    d.predicate = scored.result.predicate ? scored.result.predicate->name : "";
    d.complete = scored.result.complete();
    for (std::size_t i = 0; i < f.domains.size(); ++i)
      d.domains.push_back({f.domains[i].name, scored.result.domains[i], f.domains[i].weight});
    for (std::size_t i = 0; i < f.aspects.size(); ++i)
      d.aspects.push_back({f.aspects[i].name, scored.result.aspects[i], f.aspects[i].weight});
    for (std::size_t i = 0; i < f.indicators.size(); ++i) {
      const auto& ind = f.indicators[i];
      ReportIndicator row;
      row.id = ind.id;
      row.number = ind.number;
      row.name = ind.name;
      row.aspect = f.aspects[ind.aspect].name;
      row.weight = ind.weight;
      row.value = scored.result.indicators[i];
      row.state = state_name("");
      for (const auto& a : records)
        if (a.indicator_id == ind.id) {
          row.state = state_name(a.state);
          row.explanation = a.explanation;
          row.level = f.level_rule == LevelRule::Direct ? a.level : std::optional<int>(static_cast<int>(row.value));
        }
      const auto& scale = f.scales[ind.scale];
      if (row.level && *row.level >= scale.min_level() && *row.level <= scale.max_level())
        row.level_name = scale.levels[static_cast<std::size_t>(*row.level - 1)].name;
      for (const auto& e : evidence)
        if (e.indicator_id == ind.id) row.evidence.push_back({e.label, e.kind == "file" ? "file" : e.ref_kind, e.verdict, e.level});
      d.indicators.push_back(std::move(row));
    }
    d.recommendations = recommend(f, scored.answers, 5);
    for (const auto& p : repo.periods(s, std::nullopt, l.period.agency_id.empty() ? "-" : l.period.agency_id)) {
      if (p.year >= l.period.year || p.result.empty()) continue;
      auto snapshot = json::parse(p.result).as_object();
      d.history.emplace_back(p.year, snapshot.at("index").to_number<double>());
    }
    std::sort(d.history.begin(), d.history.end());
    return d;
  });
}

}  // namespace simpul::evaluation
