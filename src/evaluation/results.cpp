// The results of a period (docs/evaluation.md): scoring its answers with its framework version,
// what-if, submission with the stored snapshot, history across years, the league table and the
// data of the report.
#include <algorithm>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "evaluation/repository.hpp"
#include "evaluation/service.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::evaluation {
namespace {

namespace json = boost::json;

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
        if (e.indicator_id == r.indicator_id && e.level)
          a.evidence.push_back({*e.level, e.main, e.verdict == "diterima"});
    }
    out.push_back(std::move(a));
  }
  return out;
}

json::object result_snapshot(const Framework& f, const IndexResult& r) {
  json::object aspects, domains;
  for (std::size_t i = 0; i < f.aspects.size(); ++i) aspects[f.aspects[i].id] = r.aspects[i];
  for (std::size_t i = 0; i < f.domains.size(); ++i) domains[f.domains[i].id] = r.domains[i];
  return {{"index", r.index},   {"predicate", r.predicate ? json::value(r.predicate->name) : json::value(nullptr)},
          {"aspects", aspects}, {"domains", domains},
          {"framework", f.id},  {"framework_version", f.version}};
}

/// "2026-12-04T23:39:51Z" in WITA → "5 Desember 2026 07.39 WITA" (with_time) or "5 Desember 2026".
std::string local_time_id(const std::string& utc_iso, const tenancy::Profile& p, bool with_time) {
  static constexpr const char* kMonths[] = {"Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
                                            "Juli",    "Agustus",  "September", "Oktober", "November", "Desember"};
  auto t = clock::parse_iso(utc_iso);
  if (!t) return utc_iso;
  auto local = clock::to_iso(*t + std::chrono::hours(p.utc_offset_hours()));  // YYYY-MM-DDTHH:MM:SSZ
  int month = std::stoi(local.substr(5, 2));
  std::string out =
      std::to_string(std::stoi(local.substr(8, 2))) + " " + kMonths[(month - 1) % 12] + " " + local.substr(0, 4);
  if (with_time) out += " " + local.substr(11, 2) + "." + local.substr(14, 2) + " " + p.time_zone;
  return out;
}

const char* state_name(const std::string& state) {
  if (state == kDraft) return "Draf";
  if (state == kSubmitted) return "Diajukan";
  if (state == kApproved) return "Disetujui";
  if (state == kReturned) return "Dikembalikan";
  return "Belum diisi";
}

}  // namespace

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
    std::stable_sort(rows.begin(), rows.end(),
                     [](const LeagueRow& a, const LeagueRow& b) { return a.index > b.index; });
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
    // Dates as the Pemda reads them: its local time (WIB, WITA or WIT), never UTC.
    const auto& profile = tenancy_.profile_of(s);
    d.state = l.period.state == "terbuka"
                  ? "Terbuka (belum diserahkan)"
                  : "Diserahkan " + local_time_id(l.period.submitted_at.value_or(""), profile, false) + " oleh " +
                        l.period.submitted_by_name;
    d.generated_at = local_time_id(clock::now_iso(), profile, true);
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
        if (e.indicator_id == ind.id)
          row.evidence.push_back({e.label, e.kind == "file" ? "file" : e.ref_kind, e.verdict, e.level});
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
