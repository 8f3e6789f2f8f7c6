#include "evaluation/service.hpp"

#include <algorithm>
#include <functional>

#include <boost/json/serialize.hpp>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "evaluation/repository.hpp"
#include "identity/service.hpp"
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

std::vector<std::string> roles_in(Repository& repo, const Scope& s, const std::string& period_id,
                                  const std::string& user_id) {
  std::vector<std::string> out;
  for (const auto& m : repo.members(s, period_id))
    if (m.user_id == user_id) out.push_back(m.role);
  return out;
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
    ledger_.append(
        c,
        ledger::change_in(
            s, actor, "evaluation.framework_correct", "evaluation_framework", id,
            {{"base_version", base_version}, {"version", f->version}, {"note", note}, {"corrections", corrections}}));
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
                              const std::optional<std::string>& framework_id, const std::string& title,
                              const Actor& actor) {
  if (year < 2000 || year > 2100) throw Error(ErrorCode::ValidationInvalidValue, {{"field", "year"}});
  const auto& profile = tenancy_.profile_of(s);
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    if (!agency_id.empty() && !tenancy_.agency(c, s, agency_id)) throw Error(ErrorCode::AgencyNotFound);
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
      for (const auto& t : tenancy_.teams(c, s))
        if (t.kind == *profile.evaluation->team)
          for (const auto& m : t.members)
            for (const auto& [position, role] : profile.evaluation->positions)
              if (position == m.position_id) {
                repo.insert(s, Member{crypto::new_id(), p.id, m.user_id, "", role, p.created_at});
                team.push_back(json::object{{"user_id", m.user_id}, {"role", role}});
              }
    // Someone must coordinate: where the team names no koordinator (the profile's team is not
    // staffed yet), the period's creator takes the role, so the period is never read-only for
    // everybody. The koordinator may hand it over (add and remove members).
    bool has_koordinator = false;
    for (const auto& m : team) has_koordinator = has_koordinator || m.at("role").as_string() == kKoordinator;
    if (!has_koordinator && !actor.id.empty() && identity_.user(c, s, actor.id)) {
      repo.insert(s, Member{crypto::new_id(), p.id, actor.id, "", kKoordinator, p.created_at});
      team.push_back(json::object{{"user_id", actor.id}, {"role", kKoordinator}, {"as_creator", true}});
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
    if (!identity_.user(c, s, user_id)) throw Error(ErrorCode::UserNotFound);
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
        throw Error(ErrorCode::ValidationInvalidValue,
                    {{"field", "level"}, {"min", scale.min_level()}, {"max", scale.max_level()}});
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
           {{"indicator", indicator},
            {"level", a.level ? json::value(*a.level) : json::value(nullptr)},
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
    // Sent to nobody is not sent: someone other than the filler must be able to validate it.
    bool reviewer = false;
    for (const auto& m : repo.members(s, id))
      reviewer = reviewer || (m.user_id != actor.id && (m.role == kPenanggungJawab || m.role == kKoordinator));
    if (!reviewer)
      throw Error(ErrorCode::EvaluationNoReviewer, {{"roles", json::array{kPenanggungJawab, kKoordinator}}});
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
    if (approve && l.framework->level_rule == LevelRule::CumulativeEvidence) {
      // Under the cumulative rule the verdicts decide the value, so an approval vouches for them:
      // every main item needs a verdict first. (Under the direct rule the approval covers the
      // chosen level as a whole; items get no verdicts.)
      json::array unreviewed;
      for (const auto& e : repo.evidence(s, id))
        if (e.indicator_id == indicator && e.main && e.verdict.empty())
          unreviewed.push_back(json::object{{"evidence_id", e.id},
                                            {"label", e.label},
                                            {"level", e.level ? json::value(*e.level) : json::value(nullptr)}});
      if (!unreviewed.empty()) throw Error(ErrorCode::EvaluationEvidenceUnreviewed, {{"evidence", unreviewed}});
    }
    a->state = approve ? kApproved : kReturned;
    a->reviewed_by_name = actor.name;
    a->reviewed_at = clock::now_iso();
    a->review_note = note;
    repo.save(s, id, *a);
    // The note joins the indicator's thread, so data entry sees why it came back.
    if (!note.empty())
      repo.insert(s, id,
                  Comment{crypto::new_id(), indicator, actor.name, roles_in(repo, s, id, actor.id).front(),
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

EvidenceItem Service::insert_evidence(const Scope& s, const std::string& id, const std::string& indicator,
                                      EvidenceItem e, const Actor& actor,
                                      const std::function<void(storage::Connection&, EvidenceItem&)>& before) {
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    auto l = open_for(c, s, id, actor, {kDataEntry});
    const auto& ind = indicator_of(*l.framework, indicator);
    const auto& scale = l.framework->scales[ind.scale];
    if (e.level && (*e.level < scale.min_level() || *e.level > scale.max_level()))
      throw Error(ErrorCode::ValidationInvalidValue,
                  {{"field", "level"}, {"min", scale.min_level()}, {"max", scale.max_level()}});
    if (l.framework->level_rule == LevelRule::CumulativeEvidence && !e.level)
      throw Error(ErrorCode::ValidationMissingField, {{"field", "level"}});
    Repository repo(c);
    auto a = repo.answer(s, id, indicator);
    if (a && a->state != kDraft && a->state != kReturned)
      throw Error(ErrorCode::EvaluationAnswerState, {{"state", a->state}});
    before(c, e);
    e.id = crypto::new_id();
    e.indicator_id = indicator;
    e.added_by_name = actor.name;
    e.added_at = clock::now_iso();
    repo.insert(s, id, e);
    append(c, s, actor, "evaluation.evidence_add", id,
           {{"indicator", indicator},
            {"evidence_id", e.id},
            {"kind", e.kind},
            {"label", e.label},
            {"sha256", e.sha256},
            {"ref_kind", e.ref_kind},
            {"ref_id", e.ref_id}});
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

void Service::remove_evidence(const Scope& s, const std::string& id, const std::string& evidence_id,
                              const Actor& actor) {
  storage::write_transaction(db_, [&](storage::Connection& c) {
    open_for(c, s, id, actor, {kDataEntry});
    Repository repo(c);
    auto e = repo.evidence_item(s, id, evidence_id);
    if (!e) throw Error(ErrorCode::EvaluationEvidenceNotFound);
    auto a = repo.answer(s, id, e->indicator_id);
    if (a && a->state != kDraft && a->state != kReturned)
      throw Error(ErrorCode::EvaluationAnswerState, {{"state", a->state}});
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
    // Reviewable from the first submission until the period is locked (open_for): an item linked
    // after an approval, or a verdict that proves wrong, can still be judged.
    if (!a || a->state == kDraft) throw Error(ErrorCode::EvaluationAnswerState, {{"state", a ? a->state : "kosong"}});
    // Whoever filled the answer does not judge its evidence (the same rule as approving it).
    if (a->filled_by == actor.id) throw Error(ErrorCode::EvaluationSelfApproval);
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

}  // namespace simpul::evaluation
