#pragma once
// SQL of Rencana dan Anggaran SPBE: cycles, proposals, lines, standard price lists and the
// duplicate candidates with their decisions; every query is confined to the tenant.
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "planning/model.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace simpul::planning {

class Repository {
 public:
  explicit Repository(storage::Connection& c) : c_(c) {}
  static std::vector<storage::Migration> migrations();

  void insert(const Scope& s, const Cycle& x);
  void save(const Scope& s, const Cycle& x);
  std::optional<Cycle> cycle(const Scope& s, const std::string& id) const;
  std::optional<Cycle> cycle_of_year(const Scope& s, int year) const;
  /// Newest fiscal year first.
  std::vector<Cycle> cycles(const Scope& s) const;

  void insert(const Scope& s, const Proposal& x);
  void save(const Scope& s, const Proposal& x);
  std::optional<Proposal> proposal(const Scope& s, const std::string& id) const;
  std::optional<Proposal> proposal_of(const Scope& s, const std::string& cycle_id, const std::string& agency_id) const;
  /// Empty `agency_id` matches every agency.
  std::vector<Proposal> proposals(const Scope& s, const std::string& cycle_id, const std::string& agency_id) const;

  void insert(const Scope& s, const Line& x);
  void save(const Scope& s, const Line& x);
  void remove_line(const Scope& s, const std::string& id);
  std::optional<Line> line(const Scope& s, const std::string& id) const;
  std::vector<Line> lines_of_proposal(const Scope& s, const std::string& proposal_id) const;
  /// The proposal's lines as lines_of_proposal() orders them, with only id, agency_id and name read
  /// (the application comparison reads every submitted line of a cycle).
  std::vector<Line> line_names_of_proposal(const Scope& s, const std::string& proposal_id) const;
  std::vector<Line> lines_of_cycle(const Scope& s, const std::string& cycle_id) const;
  /// The cycle's submitted (and later) lines summed by PD, category, initiative and element list:
  /// what the consolidated view needs, without reading each line.
  struct LineTotals {
    std::string agency_id, category, initiative_id /*empty: none*/;
    std::vector<std::string> element_ids;
    std::int64_t total = 0, lines = 0;
  };
  std::vector<LineTotals> submitted_totals(const Scope& s, const std::string& cycle_id) const;
  /// The cycle's lines whose proposal is past the draft: id, proposal and PD of each.
  struct LineOwner {
    std::string line_id, proposal_id, agency_id;
  };
  std::vector<LineOwner> submitted_lines(const Scope& s, const std::string& cycle_id) const;

  void insert(const Scope& s, const PriceList& list, const std::vector<PriceItem>& items);
  /// Newest first.
  std::vector<PriceList> price_lists(const Scope& s) const;
  /// The item in force for the year: from the newest list of that year.
  std::optional<std::pair<PriceList, PriceItem>> price_item(const Scope& s, int year, const std::string& code) const;

  /// Adds the pair unless it is already known (decided or not); true when added. The pair carries
  /// the PDs of its lines (agency_b empty for an application).
  bool add_candidate(const Scope& s, const CandidatePair& x);
  void decide(const Scope& s, const CandidatePair& x);
  std::optional<CandidatePair> candidate(const Scope& s, const std::string& id) const;
  /// The cycle's pairs of one kind (line | application), of one PD's lines when `agency_id` is set;
  /// oldest first.
  std::vector<CandidatePair> candidates(const Scope& s, const std::string& cycle_id, const std::string& kind,
                                        const std::string& agency_id = "") const;
  /// One page of the line pairs (kind "line") the query selects, and how many it selects in all.
  std::vector<CandidatePair> candidate_page(const Scope& s, const CandidateQuery& q) const;
  std::int64_t candidate_count(const Scope& s, const CandidateQuery& q) const;
  /// Unresolved pairs (of either kind) of the cycle with a line of the PD (of its one proposal).
  std::int64_t unresolved_count(const Scope& s, const std::string& cycle_id, const std::string& agency_id) const;
  /// The (line_a, line_b) of every candidate of the cycle, decided or not: calls `fn(line_a, line_b)` for each pair
  /// stored for the cycle (over 100,000 at the scale: read one at a time, never kept as strings).
  void each_candidate_key(const Scope& s, const std::string& cycle_id,
                          const std::function<void(const std::string&, const std::string&)>& fn) const;
  /// Drops the pairs a removed line was part of.
  void remove_candidates_of(const Scope& s, const std::string& line_id);

  /// A classification correction of a line (the line's own class_override is saved with it).
  void insert(const Scope& s, const LineCorrection& x);
  /// Oldest first.
  std::vector<LineCorrection> corrections_of_proposal(const Scope& s, const std::string& proposal_id) const;

 private:
  storage::Connection& c_;
};

/// JSON text <-> list of strings, as the repository stores lists.
std::string list_text(const std::vector<std::string>& items);
std::vector<std::string> text_list(const std::string& text);

}  // namespace simpul::planning
