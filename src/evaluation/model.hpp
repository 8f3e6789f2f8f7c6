#pragma once
// Records of the yearly self-assessment (docs/evaluation.md): a period (one year, one framework
// version, the Pemda or one agency), its assessor team, one answer per indicator with evidence and
// a comment thread.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace simpul::evaluation {

/// Workflow roles inside a period's assessor team (Bontang Pasal 49 ayat (2)).
inline constexpr const char* kKoordinator = "koordinator";
inline constexpr const char* kPenanggungJawab = "penanggung_jawab";
inline constexpr const char* kDataEntry = "data_entry";
inline constexpr const char* kAnggota = "anggota";

/// Answer states: filled by data entry (draf) → sent for validation (diajukan) → approved
/// (disetujui) or returned with notes (dikembalikan) → edited again.
inline constexpr const char* kDraft = "draf";
inline constexpr const char* kSubmitted = "diajukan";
inline constexpr const char* kApproved = "disetujui";
inline constexpr const char* kReturned = "dikembalikan";

struct Period {
  std::string id;
  int year = 0;
  std::string agency_id;  ///< empty: the whole Pemda
  std::string agency_name;
  std::string framework_id;
  int framework_version = 0;
  std::string title;
  std::string state;  ///< "terbuka" or "diserahkan"
  std::string created_by_name, created_at;
  std::string submitted_by_name;
  std::optional<std::string> submitted_at;
  std::string result;  ///< JSON snapshot of the index at submission; empty while open
};

struct Member {
  std::string id;
  std::string period_id;
  std::string user_id;
  std::string user_name;
  std::string role;
  std::string added_at;
};

struct AnswerRecord {
  std::string indicator_id;
  std::optional<int> level;
  std::optional<double> external_score;
  std::string explanation;
  std::string state = kDraft;
  std::string filled_by, filled_by_name, updated_at;
  std::string reviewed_by_name;
  std::optional<std::string> reviewed_at;
  std::string review_note;
};

struct EvidenceItem {
  std::string id;
  std::string indicator_id;
  std::string kind;    ///< "file" or "link"
  std::string label;   ///< file name, or the linked record's label
  std::string sha256;  ///< files
  std::int64_t size = 0;
  std::string ref_kind;  ///< links: the record kind an EvidenceSource resolves
  std::string ref_id;
  std::optional<int> level;  ///< the level it supports (8/2026's cumulative rule)
  bool main = true;
  std::string verdict;  ///< "", "diterima", "ditolak": the penanggung jawab's check
  std::string added_by_name, added_at;
};

struct Comment {
  std::string id;
  std::string indicator_id;
  std::string author_name;
  std::string role;
  std::string text;
  std::string created_at;
};

}  // namespace simpul::evaluation
