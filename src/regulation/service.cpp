#include "regulation/service.hpp"

#include <map>

#include <boost/json/serialize.hpp>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "regulation/letter.hpp"
#include "regulation/repository.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::regulation {
namespace {

std::string key_of(const std::string& rule, const std::string& kind, const std::string& subject, const std::string& object) {
  return rule + '\x1f' + kind + '\x1f' + subject + '\x1f' + object;
}

std::string responsible_agency(const CompiledRule& r, const Facts& facts, const Fact& f) {
  if (r.spec->responsible == "owner") return f.agency_id;
  auto holder = facts.tenant.agency_for_role(r.spec->responsible);
  return holder.empty() ? f.agency_id : holder;
}

/// YYYY-MM-DD plus whole days (a finding's grace period where the article states none).
std::string plus_days(const std::string& date, int days) {
  auto t = clock::parse_iso(date + "T00:00:00Z");
  return t ? clock::to_iso(*t + std::chrono::hours(24 * days)).substr(0, 10) : date;
}

}  // namespace

Facts Compliance::load_facts(const Scope& s, const std::string& today) const {
  const auto& profile = tenancy_.profile_of(s);
  return storage::read(db_, [&](storage::Connection& c) { return facts_.load(c, s, profile, today); });
}

EvaluationResult Compliance::evaluate(const Scope& s, const Actor& actor, const std::string& today) {
  const auto& profile = tenancy_.profile_of(s);
  EvaluationResult result;
  result.evaluated_at = clock::now_iso();
  storage::write_transaction(db_, [&](storage::Connection& c) {
    Facts facts = facts_.load(c, s, profile, today);
    auto violations = engine_.evaluate(profile, facts, today);
    Repository repo(c);
    std::map<std::string, Finding> existing;
    for (auto& f : repo.all_findings(s)) existing.emplace(key_of(f.rule_id, f.kind, f.subject, f.object_id), std::move(f));
    std::map<std::string, bool> seen;
    std::vector<Finding> created;
    for (const auto& v : violations) {
      const Fact& obj = facts.objects[v.object];
      const auto& spec = *v.rule->spec;
      auto key = key_of(spec.rule, spec.kind, spec.subject, obj.id);
      if (!seen.emplace(key, true).second) continue;  // two instances of one rule on one object: one finding
      const auto* rule = profile.rule(spec.rule);
      Finding want;
      want.object_label = obj.label;
      want.agency_id = responsible_agency(*v.rule, facts, obj);
      want.severity = spec.severity;
      want.chapter = rule ? rule->chapter : "";
      if (obj.subject == "architecture_document") {
        // Which document: when none is in force the object id is only the kind.
        auto details = v.details;
        details["document_kind"] = obj.field("kind");
        want.details = boost::json::serialize(details);
      } else {
        want.details = boost::json::serialize(v.details);
      }
      auto it = existing.find(key);
      if (it == existing.end()) {
        want.id = crypto::new_time_ordered_id();
        want.rule_id = spec.rule;
        want.kind = spec.kind;
        want.subject = spec.subject;
        want.object_id = obj.id;
        want.due = v.due.empty() ? plus_days(today, profile.grace_days) : v.due;
        want.first_seen_at = want.last_seen_at = result.evaluated_at;
        created.push_back(std::move(want));
        ++result.created;
        ++result.open;
        continue;
      }
      if (it->second.state != "waived") ++result.open;
      Finding f = it->second;
      bool reopen = f.state == "resolved";
      std::string due = v.due.empty() ? (reopen ? plus_days(today, profile.grace_days) : f.due) : v.due;
      if (!reopen && f.object_label == want.object_label && f.agency_id == want.agency_id && f.severity == want.severity &&
          f.chapter == want.chapter && f.details == want.details && f.due == due)
        continue;  // unchanged: steady-state evaluations write nothing
      f.object_label = want.object_label;
      f.agency_id = want.agency_id;
      f.severity = want.severity;
      f.chapter = want.chapter;
      f.details = want.details;
      f.due = due;
      f.last_seen_at = result.evaluated_at;
      if (reopen) {
        f.state = "open";
        f.resolved_at.reset();
        ++result.reopened;
      }
      repo.update(s, f);
    }
    repo.insert_many(s, created);
    for (auto& [key, f] : existing) {
      if (f.state == "resolved" || seen.count(key)) continue;
      f.state = "resolved";
      f.resolved_at = f.last_seen_at = result.evaluated_at;
      repo.update(s, f);
      ++result.resolved;
    }
    result.escalated = escalate(c, s, profile, today);
    repo.record_run(s, result.evaluated_at);
    if (result.created || result.resolved || result.reopened || result.escalated)
      ledger_.append(c, ledger::change_in(s, actor, "compliance.evaluate", "tenant", s.tenant_id,
                                          {{"date", today},
                                           {"created", result.created},
                                           {"resolved", result.resolved},
                                           {"reopened", result.reopened},
                                           {"escalated", result.escalated},
                                           {"open", result.open}}));
  });
  return result;
}

std::vector<Finding> Compliance::findings(const Scope& s, const FindingFilter& f, const ListQuery& q, const std::string& today,
                                          std::int64_t& total) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).findings(s, f, q, today, total); });
}

Finding Compliance::finding(const Scope& s, const std::string& id) const {
  auto f = storage::read(db_, [&](storage::Connection& c) { return Repository(c).finding(s, id); });
  if (!f) throw Error(ErrorCode::FindingNotFound);
  return *f;
}

Finding Compliance::waive(const Scope& s, const std::string& id, const std::string& reason, const Actor& actor) {
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto f = repo.finding(s, id);
    if (!f) throw Error(ErrorCode::FindingNotFound);
    if (f->state != "open") throw Error(ErrorCode::FindingNotOpen, {{"state", f->state}});
    repo.waive(s, id, reason, actor, clock::now_iso());
    ledger_.append(c, ledger::change_in(s, actor, "finding.waive", "finding", id, {{"rule", f->rule_id}, {"reason", reason}}));
    return *repo.finding(s, id);
  });
}

boost::json::object Compliance::summary(const Scope& s, const std::string& agency_id, const std::string& today) const {
  const auto& p = tenancy_.profile_of(s);
  return storage::read(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto all = repo.all_findings(s);
    struct Counts {
      std::int64_t open = 0, overdue = 0, waived = 0, resolved = 0;
    };
    std::map<std::string, Counts> by_chapter;
    std::map<std::string, std::pair<std::string, Counts>> by_agency;
    Counts total;
    std::map<std::string, std::int64_t> by_severity{{"tinggi", 0}, {"sedang", 0}, {"rendah", 0}};
    for (const auto& f : all) {
      if (!agency_id.empty() && f.agency_id != agency_id) continue;
      bool open = f.state == "open", overdue = open && f.due < today;
      for (Counts* k : {&total, &by_chapter[f.chapter], &by_agency[f.agency_id].second}) {
        k->open += open;
        k->overdue += overdue;
        k->waived += f.state == "waived";
        k->resolved += f.state == "resolved";
      }
      by_agency[f.agency_id].first = f.agency_name;
      if (open) ++by_severity[f.severity];
    }
    boost::json::array chapters;
    for (const auto& ch : p.chapters) {
      auto it = by_chapter.find(ch.id);
      if (it == by_chapter.end()) continue;
      const auto& k = it->second;
      chapters.push_back({{"chapter", ch.id}, {"title", ch.title}, {"open", k.open}, {"overdue", k.overdue},
                          {"waived", k.waived}, {"resolved", k.resolved}});
    }
    boost::json::array agencies;
    for (const auto& [id, entry] : by_agency)
      if (entry.second.open)
        agencies.push_back({{"agency_id", id.empty() ? boost::json::value(nullptr) : boost::json::value(id)},
                            {"agency_name", entry.first},
                            {"open", entry.second.open},
                            {"overdue", entry.second.overdue}});
    boost::json::object severity;
    for (const auto& [k, v] : by_severity) severity[k] = v;
    auto run = repo.last_run(s);
    return boost::json::object{{"evaluated_at", run ? boost::json::value(*run) : boost::json::value(nullptr)},
                               {"open", total.open},
                               {"overdue", total.overdue},
                               {"waived", total.waived},
                               {"resolved", total.resolved},
                               {"by_severity", severity},
                               {"by_chapter", chapters},
                               {"by_agency", agencies}};
  });
}

std::vector<Sanction> Compliance::sanctions(const Scope& s, const std::string& finding_id) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).sanctions(s, finding_id); });
}

Sanction Compliance::write_sanction(storage::Connection& c, const Scope& s, const Finding& f, const tenancy::SanctionStep& step,
                                    const std::string& date, const std::string& note, bool automatic, const Actor& actor) const {
  const auto& p = tenancy_.profile_of(s);
  Sanction x;
  x.id = crypto::new_id();
  x.finding_id = f.id;
  x.step = step.id;
  x.date = date;
  x.note = note;
  x.automatic = automatic;
  x.issued_by_name = actor.name;
  x.created_at = clock::now_iso();
  std::string pdf;
  if (step.letter) {
    LetterInput in{p, f, x, Repository(c).sanctions(s, f.id)};
    pdf = reprimand_letter(in);
    x.letter_sha256 = crypto::sha256_hex(pdf);
    x.letter_signature = ledger_.sign_hex(x.letter_sha256);
    x.has_letter = true;
  }
  Repository(c).insert_sanction(s, x, actor.id, pdf.empty() ? "" : crypto::to_base64(pdf));
  ledger_.append(c, ledger::change_in(s, actor, "sanction.impose", "finding", f.id,
                                      {{"sanction_id", x.id},
                                       {"step", step.id},
                                       {"date", date},
                                       {"automatic", automatic},
                                       {"letter_sha256", x.letter_sha256}}));
  return x;
}

Sanction Compliance::impose(const Scope& s, const std::string& finding_id, const std::string& step_id, const std::string& date,
                            const std::string& note, const Actor& actor) {
  const auto& p = tenancy_.profile_of(s);
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto f = repo.finding(s, finding_id);
    if (!f) throw Error(ErrorCode::FindingNotFound);
    if (!p.sanctions || std::find(p.sanctions->applies_to.begin(), p.sanctions->applies_to.end(), f->rule_id) ==
                            p.sanctions->applies_to.end())
      throw Error(ErrorCode::FindingNotSanctionable, {{"rule", f->rule_id}});
    if (f->state != "open") throw Error(ErrorCode::FindingNotOpen, {{"state", f->state}});
    const auto* step = p.sanctions->step(step_id);
    if (!step) throw Error(ErrorCode::SanctionStepInvalid, {{"step", step_id}}, tenancy::rule_ref(p, p.sanctions->rule));
    // Steps follow the regulation's order: each one only after the previous one was given.
    auto given = repo.sanctions(s, finding_id);
    std::size_t index = static_cast<std::size_t>(step - p.sanctions->steps.data());
    bool already = false;
    for (const auto& g : given) already = already || g.step == step_id;
    bool previous_given = index == 0;
    for (const auto& g : given) previous_given = previous_given || g.step == p.sanctions->steps[index - 1].id;
    if (already || !previous_given)
      throw Error(ErrorCode::SanctionStepInvalid, {{"step", step_id}, {"already_given", already}}, tenancy::rule_ref(p, p.sanctions->rule));
    // The user's "today" may already be tomorrow in UTC terms (01:00 WITA is 17:00 UTC).
    if (date > clock::latest_indonesian_date())
      throw Error(ErrorCode::ValidationInvalidValue, "date", "must not be in the future");
    return write_sanction(c, s, *f, *step, date, note, false, actor);
  });
}

std::int64_t Compliance::escalate(storage::Connection& c, const Scope& s, const tenancy::Profile& p, const std::string& today) const {
  if (!p.sanctions || p.sanctions->steps.size() < 2) return 0;
  static const Actor kSystem{"system", "Simpul (otomatis)", ""};
  Repository repo(c);
  std::int64_t escalated = 0;
  // Only findings that already carry a sanction can escalate: start from the sanctions.
  std::map<std::string, std::vector<Sanction>> by_finding;
  for (auto& x : repo.all_sanctions(s)) by_finding[x.finding_id].push_back(std::move(x));
  for (auto& [finding_id, given] : by_finding) {
    auto f = repo.finding(s, finding_id);
    if (!f || f->state != "open") continue;
    for (std::size_t i = 1; i < p.sanctions->steps.size(); ++i) {
      const auto& step = p.sanctions->steps[i];
      const Sanction* previous = nullptr;
      bool done = false;
      for (const auto& g : given) {
        if (g.step == p.sanctions->steps[i - 1].id) previous = &g;
        done = done || g.step == step.id;
      }
      if (done || !previous || step.after_months == 0) continue;
      if (today <= add_months(previous->date, step.after_months)) break;
      given.push_back(write_sanction(c, s, *f, step, today, "", true, kSystem));
      ++escalated;
    }
  }
  return escalated;
}

std::pair<Sanction, std::string> Compliance::letter(const Scope& s, const std::string& sanction_id) const {
  return storage::read(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto x = repo.sanction(s, sanction_id);
    auto text = repo.letter_base64(s, sanction_id);
    std::string pdf;
    if (!x || !text || !crypto::from_base64(*text, pdf)) throw Error(ErrorCode::SanctionNotFound);
    return std::make_pair(*x, pdf);
  });
}

std::map<std::string, std::int64_t> Compliance::open_counts(storage::Connection& c, const Scope& s, const std::string& subject) const {
  return Repository(c).open_counts(s, subject);
}

void Compliance::check_gate(const Scope& s, const TenantFacts& tenant, const Fact& after, const std::string& today) const {
  const auto& p = tenancy_.profile_of(s);
  auto v = engine_.gate(p, tenant, after, today);
  if (!v) return;
  const auto& spec = *v->rule->spec;
  boost::json::object details = v->details;
  details["rule_title"] = spec.title;
  details["rule_title_en"] = spec.title_en;
  ErrorCode code = ErrorCode::ApplicationGateRefused;
  if (v->rule->kind == Kind::ApprovalChain)
    code = v->details.at("reason") == "self" ? ErrorCode::ApplicationSelfDecision : ErrorCode::ApplicationDeciderNotRecommender;
  throw Error(code, std::move(details), tenancy::rule_ref(p, spec.rule));
}

}  // namespace simpul::regulation
