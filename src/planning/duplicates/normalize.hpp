#pragma once
// Normalisation of RKA item names for the duplicate finder: case and accent folding, punctuation,
// quantities and units ("2 Unit x 12 Bulan"), the tenant's synonyms, stop words of RKA item names.
// The result is lowercase ASCII words separated by single spaces; its trigrams are those of pg_trgm.
#include <string>
#include <string_view>
#include <vector>

#include "planning/duplicates/index.hpp"

namespace simpul::planning::duplicates {

/// Lowercase, accents folded (é → e), every character that is not a letter or digit a single
/// space, trimmed. Characters outside Latin-1 and Latin Extended-A become spaces.
std::string fold(std::string_view text);

/// The synonyms every tenant starts with (term → canonical, already folded); a tenant may override
/// or remove each of them (docs/plan-and-budget-duplicates.md).
const std::vector<Synonym>& default_synonyms();

/// Synonyms prepared for matching: folded, longest term first.
class SynonymTable {
 public:
  explicit SynonymTable(const std::vector<Synonym>& synonyms);
  /// Replaces every occurrence of a term (whole words, longest first, left to right) by its canonical.
  std::vector<std::string> apply(const std::vector<std::string>& words) const;

 private:
  struct Entry {
    std::vector<std::string> term, canonical;
  };
  std::vector<Entry> entries_;
};

/// A budget line's name split into what is bought (the object: what trigrams compare) and the kind of
/// work (the activity: pengadaan, pengembangan, pemeliharaan, langganan ...; "aplikasi" when the line
/// is about an application). Both folded, quantities and units dropped, synonyms applied, stop words
/// dropped; the activity's words sorted and unique.
struct NormalizedName {
  std::string object;
  std::string activity;
};
NormalizedName analyze_name(std::string_view name, const SynonymTable& synonyms);

/// The object part of analyze_name().
std::string normalize_name(std::string_view name, const SynonymTable& synonyms);

/// True when two activities are both stated and share no word (other than "aplikasi"): buying a
/// thing and maintaining it are different spending.
bool activities_differ(std::string_view a, std::string_view b);

/// pg_trgm's trigrams of a normalised text: per word "  w " padded, sorted and unique.
std::vector<std::string> trigrams(std::string_view normalized);

/// Jaccard similarity of two sorted, unique sets.
double jaccard(const std::vector<std::string>& a, const std::vector<std::string>& b);

/// Jaccard similarity of the two texts' trigram sets (pg_trgm's similarity()); 0 when either is empty.
double trigram_similarity(std::string_view a, std::string_view b);

/// True when an analysed name is about an application or information system (aplikasi, website,
/// portal, e-xxx ...): the reason is then "aplikasi_mirip" rather than "nama_mirip".
bool is_application_name(const NormalizedName& name);

/// Words of a folded text.
std::vector<std::string> split_words(std::string_view folded);

}  // namespace simpul::planning::duplicates
