#include "regulation/service.hpp"

#include <algorithm>
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

std::string key_of(const std::string& rule, const std::string& kind, const std::string& subject,
                   const std::string& object) {
  return rule + '\x1f' + kind + '\x1f' + subject + '\x1f' + object;
}

std::string responsible_agency(const CompiledRule& r, const Facts& facts, const Fact& f) {
  if (r.spec->responsible == "owner") return f.agency_id;
  auto holder = facts.tenant.agency_for_role(r.spec->responsible);
  return holder.empty() ? f.agency_id : holder;
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
    for (auto& f : repo.all_findings(s))
      existing.emplace(key_of(f.rule_id, f.kind, f.subject, f.object_id), std::move(f));
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
        want.due = v.due.empty() ? clock::plus_days(today, profile.grace_days) : v.due;
        want.first_seen_at = want.last_seen_at = result.evaluated_at;
        created.push_back(std::move(want));
        ++result.created;
        ++result.open;
        continue;
      }
      if (it->second.state != "waived") ++result.open;
      Finding f = it->second;
      bool reopen = f.state == "resolved";
      std::string due = v.due.empty() ? (reopen ? clock::plus_days(today, profile.grace_days) : f.due) : v.due;
      if (!reopen && f.object_label == want.object_label && f.agency_id == want.agency_id &&
          f.severity == want.severity && f.chapter == want.chapter && f.details == want.details && f.due == due)
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
    propose_sanctions(c, s, profile, today, result);
    repo.record_run(s, result.evaluated_at);
    if (result.created || result.resolved || result.reopened || result.proposed || result.escalated)
      ledger_.append(c, ledger::change_in(s, actor, "compliance.evaluate", "tenant", s.tenant_id,
                                          {{"date", today},
                                           {"created", result.created},
                                           {"resolved", result.resolved},
                                           {"reopened", result.reopened},
                                           {"proposed", result.proposed},
                                           {"escalated", result.escalated},
                                           {"open", result.open}}));
  });
  return result;
}

std::vector<Finding> Compliance::findings(const Scope& s, const FindingFilter& f, const ListQuery& q,
                                          const std::string& today, std::int64_t& total) const {
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
    ledger_.append(
        c, ledger::change_in(s, actor, "finding.waive", "finding", id, {{"rule", f->rule_id}, {"reason", reason}}));
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
      chapters.push_back({{"chapter", ch.id},
                          {"title", ch.title},
                          {"open", k.open},
                          {"overdue", k.overdue},
                          {"waived", k.waived},
                          {"resolved", k.resolved}});
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
  auto out = storage::read(db_, [&](storage::Connection& c) { return Repository(c).sanctions(s, finding_id); });
  // In the order of the regulation's steps (two proposals may share a second of created_at).
  const auto& p = tenancy_.profile_of(s);
  auto index = [&](const Sanction& x) {
    const auto* step = p.sanctions ? p.sanctions->step(x.step) : nullptr;
    return step ? step - p.sanctions->steps.data() : std::ptrdiff_t{0};
  };
  std::stable_sort(out.begin(), out.end(), [&](const Sanction& a, const Sanction& b) { return index(a) < index(b); });
  return out;
}

namespace {

bool is_sanctionable(const tenancy::Profile& p, const std::string& rule_id) {
  return p.sanctions && std::find(p.sanctions->applies_to.begin(), p.sanctions->applies_to.end(), rule_id) !=
                            p.sanctions->applies_to.end();
}

/// The article listing what is sanctionable (Pasal 46 ayat (1)), else the one stating the steps.
std::optional<RuleRef> trigger_ref(const tenancy::Profile& p) {
  if (!p.sanctions) return std::nullopt;
  return tenancy::rule_ref(p, std::optional<std::string>(p.sanctions->trigger_rule.value_or(p.sanctions->rule)));
}

/// The steps are the list of the sanctions article in its order: "Pasal 46 ayat (2) huruf b".
std::string step_citation(const tenancy::Profile& p, std::size_t index) {
  const auto* r = p.rule(p.sanctions->rule);
  return (r ? r->citation : p.sanctions->rule) + " huruf " + std::string(1, static_cast<char>('a' + index));
}

RuleRef step_ref(const tenancy::Profile& p, std::size_t index) { return {p.sanctions->rule, step_citation(p, index)}; }

/// "1 (satu) tahun" as the regulation writes the period; other periods in months.
std::string period_text(int months) {
  if (months == 12) return "1 (satu) tahun";
  if (months % 12 == 0) return std::to_string(months / 12) + " tahun";
  return std::to_string(months) + " bulan";
}

const Sanction* record_of(const std::vector<Sanction>& records, const std::string& step, bool given_only) {
  for (const auto& x : records)
    if (x.step == step && (!given_only || x.status == "given")) return &x;
  return nullptr;
}

}  // namespace

void Compliance::propose(storage::Connection& c, const Scope& s, const Finding& f, std::size_t index,
                         const std::string& basis, const std::string& today) const {
  const auto& p = tenancy_.profile_of(s);
  static const Actor kSystem{"system", "Simpul (otomatis)", ""};
  Sanction x;
  x.id = crypto::new_id();
  x.finding_id = f.id;
  x.step = p.sanctions->steps[index].id;
  x.status = "proposed";
  x.basis = basis;
  x.basis_citation = step_citation(p, index);
  x.proposed_on = today;
  x.due = today;  // Pasal 46 sets no period for the decision: it is due when proposed
  x.automatic = true;
  x.issued_by_name = "";
  x.created_at = clock::now_iso();
  Repository(c).insert_sanction(s, x, kSystem.id, "");
  ledger_.append(c, ledger::change_in(
                        s, kSystem, "sanction.propose", "finding", f.id,
                        {{"sanction_id", x.id}, {"step", x.step}, {"basis", basis}, {"citation", x.basis_citation}}));
}

void Compliance::propose_sanctions(storage::Connection& c, const Scope& s, const tenancy::Profile& p,
                                   const std::string& today, EvaluationResult& result) const {
  if (!p.sanctions || p.sanctions->steps.empty()) return;
  Repository repo(c);
  std::map<std::string, std::vector<Sanction>> by_finding;
  for (auto& x : repo.all_sanctions(s)) by_finding[x.finding_id].push_back(std::move(x));
  const auto& steps = p.sanctions->steps;
  for (const auto& f : repo.all_findings(s)) {
    if (f.state != "open" || !is_sanctionable(p, f.rule_id)) continue;
    const auto& records = by_finding[f.id];
    if (records.empty()) {
      // The case opens when the violation is first found: its first step is proposed (ayat (1)-(2)).
      const auto* rule = p.rule(f.rule_id);
      const auto* trigger = p.sanctions->trigger_rule ? p.rule(*p.sanctions->trigger_rule) : nullptr;
      propose(c, s, f, 0,
              "Pelanggaran " + (rule ? rule->citation : f.rule_id) + " ditemukan pertama kali pada tanggal " +
                  p.local_date(f.first_seen_at) +
                  (trigger ? "; dikenakan sanksi administratif menurut " + trigger->citation : "") + ".",
              today);
      ++result.proposed;
      continue;
    }
    for (std::size_t i = 1; i < steps.size(); ++i) {
      if (record_of(records, steps[i].id, false)) continue;  // proposed or given already
      const Sanction* previous = record_of(records, steps[i - 1].id, true);
      if (!previous || steps[i].after_months == 0) break;
      // "apabila tidak dilakukan perbaikan ... selama 1 (satu) tahun": proposed once more than the
      // period has passed since the previous step was given (the anniversary itself is not enough).
      if (today <= add_months(previous->date, steps[i].after_months)) break;
      propose(c, s, f, i,
              steps[i - 1].name + " tanggal " + previous->date + ", lebih dari " + period_text(steps[i].after_months) +
                  " tanpa perbaikan.",
              today);
      ++result.escalated;
      break;
    }
  }
}

Sanction Compliance::impose(const Scope& s, const std::string& finding_id, const std::string& step_id,
                            const std::string& date, const std::string& note, const Actor& actor) {
  const auto& p = tenancy_.profile_of(s);
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto f = repo.finding(s, finding_id);
    if (!f) throw Error(ErrorCode::FindingNotFound);
    if (!is_sanctionable(p, f->rule_id))
      throw Error(ErrorCode::FindingNotSanctionable,
                  {{"rule", f->rule_id}, {"regulation_states_sanctions", p.sanctions.has_value()}}, trigger_ref(p));
    if (f->state != "open") throw Error(ErrorCode::FindingNotOpen, {{"state", f->state}});
    const auto* step = p.sanctions->step(step_id);
    if (!step)
      throw Error(ErrorCode::SanctionStepInvalid, {{"step", step_id}}, tenancy::rule_ref(p, p.sanctions->rule));
    // Steps follow the regulation's order: each one once, and only after the previous one was given.
    auto records = repo.sanctions(s, finding_id);
    std::size_t index = static_cast<std::size_t>(step - p.sanctions->steps.data());
    const Sanction* existing = record_of(records, step_id, false);
    const Sanction* previous = index == 0 ? nullptr : record_of(records, p.sanctions->steps[index - 1].id, true);
    bool already = existing && existing->status == "given";
    if (already || (index > 0 && !previous))
      throw Error(ErrorCode::SanctionStepInvalid, {{"step", step_id}, {"already_given", already}}, step_ref(p, index));
    // The user's "today" may already be tomorrow in UTC terms (01:00 WITA is 17:00 UTC).
    if (date > clock::latest_indonesian_date())
      throw Error(ErrorCode::ValidationInvalidValue, "date", "must not be in the future");
    // A sanction answers a violation: not before it was found, nor before the regulation was in force.
    auto found = p.local_date(f->first_seen_at);
    if (date < found)
      throw Error(ErrorCode::ValidationInvalidValue,
                  {{"field", "date"}, {"reason", "before the violation was first found"}, {"first_found", found}},
                  trigger_ref(p));
    if (p.regulation_enacted && date < *p.regulation_enacted)
      throw Error(
          ErrorCode::ValidationInvalidValue,
          {{"field", "date"}, {"reason", "before the regulation was in force"}, {"in_force", *p.regulation_enacted}},
          trigger_ref(p));
    if (previous) {
      // Ayat (2) huruf b: the reprimand only when a year after the oral warning nothing was corrected.
      auto earliest = step->after_months ? add_months(previous->date, step->after_months) : previous->date;
      if (step->after_months ? date <= earliest : date < earliest)
        throw Error(ErrorCode::SanctionStepInvalid,
                    {{"step", step_id}, {"previous_date", previous->date}, {"after_months", step->after_months}},
                    step_ref(p, index));
    }
    Sanction x;
    if (existing) {
      x = *existing;
    } else {
      x.id = crypto::new_id();
      x.finding_id = f->id;
      x.step = step->id;
      x.basis_citation = step_citation(p, index);
      x.created_at = clock::now_iso();
    }
    x.status = "given";
    x.date = date;
    x.note = note;
    x.issued_by_name = actor.name;
    std::string pdf;
    if (step->letter) {
      // The letter exists only once the official decided, signed with the instance key.
      std::vector<Sanction> earlier;
      for (const auto& r : records)
        if (r.status == "given" && r.step != x.step) earlier.push_back(r);
      LetterInput in{p, *f, x, earlier};
      pdf = reprimand_letter(in);
      x.letter_sha256 = crypto::sha256_hex(pdf);
      x.letter_signature = ledger_.sign_hex(x.letter_sha256);
      x.has_letter = true;
    }
    auto letter = pdf.empty() ? std::string() : crypto::to_base64(pdf);
    if (existing)
      repo.give_sanction(s, x, actor.id, letter);
    else
      repo.insert_sanction(s, x, actor.id, letter);
    ledger_.append(c, ledger::change_in(s, actor, "sanction.impose", "finding", f->id,
                                        {{"sanction_id", x.id},
                                         {"step", x.step},
                                         {"date", date},
                                         {"citation", x.basis_citation},
                                         {"proposed", existing != nullptr},
                                         {"letter_sha256", x.letter_sha256}}));
    return x;
  });
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

std::map<std::string, std::int64_t> Compliance::open_counts(storage::Connection& c, const Scope& s,
                                                            const std::string& subject) const {
  return Repository(c).open_counts(s, subject);
}

void Compliance::check_gate(const Scope& s, const TenantFacts& tenant, const Fact& after,
                            const std::string& today) const {
  const auto& p = tenancy_.profile_of(s);
  auto all = engine_.gates(p, tenant, after, today);
  if (all.empty()) return;
  // The refusal names the first rule and lists every unmet requirement of every gate at once, so a
  // Perangkat Daerah sees all it must do before the step (not one rule after another).
  const auto& first = all.front();
  const auto& spec = *first.rule->spec;
  boost::json::object details = first.details;
  details["rule_title"] = spec.title;
  details["rule_title_en"] = spec.title_en;
  boost::json::array unmet;
  for (const auto& v : all) {
    const auto* r = p.rule(v.rule->spec->rule);
    unmet.push_back({{"rule",
                      {{"id", v.rule->spec->rule},
                       {"citation", r ? r->citation : ""},
                       {"title", v.rule->spec->title},
                       {"title_en", v.rule->spec->title_en}}},
                     {"details", v.details}});
  }
  details["unmet"] = std::move(unmet);
  ErrorCode code = ErrorCode::ApplicationGateRefused;
  if (first.rule->kind == Kind::ApprovalChain)
    code = first.details.at("reason") == "self" ? ErrorCode::ApplicationSelfDecision
                                                : ErrorCode::ApplicationDeciderNotRecommender;
  throw Error(code, std::move(details), tenancy::rule_ref(p, spec.rule));
}

std::vector<Violation> Compliance::early_warnings(const Scope& s, const TenantFacts& tenant, const Fact& object,
                                                  const std::string& today) const {
  return engine_.early_warnings(tenancy_.profile_of(s), tenant, object, today);
}

}  // namespace simpul::regulation
