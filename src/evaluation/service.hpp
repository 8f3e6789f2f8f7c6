#pragma once
// The yearly self-assessment (docs/evaluation.md): periods, the assessor team and its workflow
// (data entry fills → penanggung jawab validates → koordinator submits), evidence files and links,
// live evidence proposals, the index, what-if, comparisons, the league table and the report data.
// Every change is one ledger entry; nothing changes once a period is submitted.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "core/context.hpp"
#include "evaluation/evidence.hpp"
#include "evaluation/index.hpp"
#include "evaluation/model.hpp"
#include "evaluation/registry.hpp"
#include "evaluation/report.hpp"
#include "ledger/ledger.hpp"
#include "storage/database.hpp"
#include "tenancy/service.hpp"

namespace simpul::identity {
class Service;
}

namespace simpul::evaluation {

struct Options {
  std::size_t max_evidence_bytes = 8u << 20;  ///< also bounded by the HTTP body limit
};

/// A period's answers scored with its framework version.
struct Scored {
  FrameworkPtr framework;
  std::vector<Answer> answers;
  IndexResult result;
};

/// One indicator of a period with everything the workspace shows.
struct IndicatorView {
  std::optional<AnswerRecord> answer;
  std::vector<EvidenceItem> evidence;
  std::vector<Comment> comments;
  std::vector<EvidenceProposal> proposals;
};

/// An agency's place in the league table of one year.
struct LeagueRow {
  Period period;
  double index = 0;
  std::string predicate;
  std::size_t approved = 0;
};

struct AnswerInput {
  std::optional<std::optional<int>> level;  ///< outer: given; inner: null clears
  std::optional<std::optional<double>> external_score;
  std::optional<std::string> explanation;
};

struct EvidenceInput {
  std::optional<int> level;
  bool main = true;
};

class Service {
 public:
  Service(storage::Database& db, tenancy::Service& tenancy, const identity::Service& identity,
          const ledger::Ledger& ledger, const FrameworkRegistry& registry, const EvidenceSources& sources,
          Options options)
      : db_(db),
        tenancy_(tenancy),
        identity_(identity),
        ledger_(ledger),
        registry_(registry),
        sources_(sources),
        options_(options) {}

  const EvidenceSources& sources() const { return sources_; }
  const tenancy::Profile& profile_of(const Scope& s) const { return tenancy_.profile_of(s); }
  const Options& options() const { return options_; }

  std::vector<FrameworkVersion> frameworks(const Scope& s) const;
  FrameworkPtr framework(const Scope& s, const std::string& id, std::optional<int> version) const;
  FrameworkPtr correct_framework(const Scope& s, const std::string& id, int base_version,
                                 const boost::json::object& corrections, const std::string& note, const Actor& actor);

  /// A new period; framework: the given id's latest version, else the one in force in `year`.
  /// The assessor team starts from the profile's team positions (profile `evaluation:`).
  Period create_period(const Scope& s, int year, const std::string& agency_id,
                       const std::optional<std::string>& framework_id, const std::string& title, const Actor& actor);
  std::vector<Period> periods(const Scope& s, std::optional<int> year, const std::string& agency) const;
  Period period(const Scope& s, const std::string& id) const;
  std::vector<Member> members(const Scope& s, const std::string& id) const;
  Member add_member(const Scope& s, const std::string& id, const std::string& user_id, const std::string& role,
                    const Actor& actor);
  void remove_member(const Scope& s, const std::string& id, const std::string& member_id, const Actor& actor);
  /// The actor's roles in the period's team.
  std::vector<std::string> roles_of(const Scope& s, const std::string& id, const std::string& user_id) const;

  std::vector<AnswerRecord> answers(const Scope& s, const std::string& id) const;
  IndicatorView indicator(const Scope& s, const std::string& id, const std::string& indicator,
                          const std::string& today) const;
  AnswerRecord save_answer(const Scope& s, const std::string& id, const std::string& indicator, const AnswerInput& in,
                           const Actor& actor);
  AnswerRecord send_for_review(const Scope& s, const std::string& id, const std::string& indicator, const Actor& actor);
  AnswerRecord review(const Scope& s, const std::string& id, const std::string& indicator, bool approve,
                      const std::string& note, const Actor& actor);
  Comment comment(const Scope& s, const std::string& id, const std::string& indicator, const std::string& text,
                  const Actor& actor);

  std::vector<EvidenceItem> evidence(const Scope& s, const std::string& id) const;
  EvidenceItem add_file(const Scope& s, const std::string& id, const std::string& indicator,
                        const std::string& filename, const std::string& content, const EvidenceInput& in,
                        const Actor& actor);
  EvidenceItem add_link(const Scope& s, const std::string& id, const std::string& indicator,
                        const std::string& ref_kind, const std::string& ref_id, const EvidenceInput& in,
                        const Actor& actor);
  void remove_evidence(const Scope& s, const std::string& id, const std::string& evidence_id, const Actor& actor);
  EvidenceItem verdict(const Scope& s, const std::string& id, const std::string& evidence_id, bool accepted,
                       const Actor& actor);
  std::pair<EvidenceItem, std::string> download(const Scope& s, const std::string& id,
                                                const std::string& evidence_id) const;

  Scored score(const Scope& s, const std::string& id) const;
  Scored what_if(const Scope& s, const std::string& id, const std::vector<Change>& changes) const;
  /// Locks the period and stores its result; koordinator only, every answer approved.
  Period submit(const Scope& s, const std::string& id, const Actor& actor);
  /// Every period of the scope (Pemda-wide: agency ""), oldest year first, with its index.
  std::vector<std::pair<Period, Scored>> history(const Scope& s, const std::string& agency_id) const;
  /// Agency periods of one year, best index first.
  std::vector<LeagueRow> league(const Scope& s, int year) const;
  ReportData report(const Scope& s, const std::string& id) const;

 private:
  struct Loaded {
    Period period;
    FrameworkPtr framework;
  };
  Loaded load(storage::Connection& c, const Scope& s, const std::string& id) const;
  /// Loads an open period and checks the actor holds one of `roles` in its team.
  Loaded open_for(storage::Connection& c, const Scope& s, const std::string& id, const Actor& actor,
                  std::initializer_list<const char*> roles) const;
  const Indicator& indicator_of(const Framework& f, const std::string& indicator) const;
  Scored score_in(storage::Connection& c, const Scope& s, const Loaded& l) const;
  void append(storage::Connection& c, const Scope& s, const Actor& actor, const char* action,
              const std::string& period_id, boost::json::object details) const;
  EvidenceItem insert_evidence(const Scope& s, const std::string& id, const std::string& indicator, EvidenceItem e,
                               const Actor& actor,
                               const std::function<void(storage::Connection&, EvidenceItem&)>& before);

  storage::Database& db_;
  tenancy::Service& tenancy_;
  const identity::Service& identity_;
  const ledger::Ledger& ledger_;
  const FrameworkRegistry& registry_;
  const EvidenceSources& sources_;
  Options options_;
};

/// Role names in Indonesian for the console and the report.
const std::vector<std::pair<std::string, std::string>>& workflow_roles();

}  // namespace simpul::evaluation
