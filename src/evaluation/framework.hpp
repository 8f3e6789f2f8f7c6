#pragma once
// A national evaluation framework (Indeks SPBE 59/2020, Indeks Pemdi 8/2026,
// ...) as data: profiles/frameworks/evaluation/*.yaml, format in
// docs/evaluation.md. Loaded once, immutable afterwards, so one instance can be
// shared by every tenant and thread.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace simpul::evaluation {

/// A framework file that cannot be used; what() is `file:line: field: problem`.
class FrameworkError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// How an indicator's value follows from an answer.
enum class LevelRule {
  Direct,              ///< the answer is the level (59/2020)
  CumulativeEvidence,  ///< highest L with every main evidence item of
                       ///< levels 1..L accepted (8/2026)
};

struct Level {
  int level = 0;
  std::string name;
  std::string criteria;  ///< empty where the source gives no criteria text
};

/// A named capability scale (59/2020 has one for domains 1-3 and a service
/// scale for domain 4).
struct Scale {
  std::string name;
  std::string confidence;
  std::vector<Level> levels;
  int min_level() const { return levels.front().level; }
  int max_level() const { return levels.back().level; }
};

/// A predicate band, half-open [min, max) as the sources state them.
struct Predicate {
  std::string name;
  double min = 0;
  double max = 0;
};

struct Indicator {
  std::string id;
  int number = 0;
  std::string name;
  double weight = 0;
  std::uint32_t aspect = 0;  ///< index into Framework::aspects
  std::uint32_t scale = 0;   ///< index into Framework::scales
  std::string criteria;      ///< what the indicator measures (may be empty)
  /// Criteria text per level of its scale (index 0 = level 1); empty strings
  /// where the administrator has not filled them from the official lampiran.
  std::vector<std::string> level_criteria;
  /// Where live evidence comes from (evaluation/evidence.hpp), e.g.
  /// "architecture".
  std::vector<std::string> evidence_topics;
  std::string external_kind;  ///< e.g. "sdi": the indicator may take an external
                              ///< score instead of evidence
};

struct Aspect {
  std::string id;
  int number = 0;
  std::string name;
  double weight = 0;
  std::optional<std::uint32_t> domain;  ///< index into Framework::domains; none
                                        ///< when the framework has no domains
  std::vector<std::uint32_t> indicators;
};

struct Domain {
  std::string id;
  int number = 0;
  std::string name;
  double weight = 0;
  std::vector<std::uint32_t> aspects;
};

/// One framework version. Indicators, aspects and domains are flat vectors in
/// file order so the index computation walks arrays instead of a tree.
struct Framework {
  std::string id;
  int version = 0;
  std::string title;
  std::string legal_basis;
  int valid_from = 0;
  std::string source_id;
  std::string replaces;
  std::string confidence;
  bool provisional = false;
  std::string provenance_source;
  std::string provenance_notes;
  /// Where the indicators' level criteria come from (`provenance.level_criteria_source`), and how
  /// far to trust them (`provenance.level_criteria_notes`); empty when the file holds none.
  std::string criteria_source;
  std::string criteria_notes;
  LevelRule level_rule = LevelRule::Direct;
  std::string level_rule_text;
  std::string formula_text;
  double index_scale = 100;  ///< the sum of the top-level weights
  std::vector<std::string> process;
  std::vector<Scale> scales;
  std::vector<Predicate> predicates;  ///< highest band first, as in the source
  std::vector<Domain> domains;        ///< empty for frameworks whose aspects are the
                                      ///< top level (8/2026)
  std::vector<Aspect> aspects;
  std::vector<Indicator> indicators;

  /// Position of an indicator in `indicators`, or none.
  std::optional<std::uint32_t> find_indicator(std::string_view id) const;
  /// The band whose [min, max) holds `index`, or null when none does (e.g. a
  /// Pemdi index below 1.0).
  const Predicate* predicate_for(double index) const;

  std::unordered_map<std::string, std::uint32_t> indicator_by_id_;
};

/// Parses and validates a framework file; throws FrameworkError with file:line
/// on any problem.
Framework load_framework(const std::filesystem::path& file);

/// The same, from text (tests, and later the administrator's edit before it is
/// saved).
Framework parse_framework(const std::string& yaml, const std::string& file_name);

}  // namespace simpul::evaluation
