#pragma once
// The problems of one import row, each at the column the user wrote, in Indonesian and English,
// with what to write instead.
#include <string>
#include <vector>

#include "architecture/transfer.hpp"
#include "architecture/transfer_vocabulary.hpp"
#include "core/error.hpp"

namespace simpul::architecture {

/// Collects the problems of one row, each at the column the user wrote.
class RowProblems {
 public:
  RowProblems(const FileRow& row, const std::vector<ColumnDef>& columns, std::vector<ImportProblem>& out)
      : row_(row), columns_(columns), out_(out) {}
  void add(const std::string& key, std::string message, std::string hint, std::string message_en, std::string hint_en);
  /// The header the user wrote for `key`, or the template's when the file has no such column.
  std::string column(const std::string& key) const;
  const ColumnDef* def(const std::string& key) const;
  /// A required cell left empty.
  void missing(const std::string& key);
  /// A value not in the field's list; `cited` names the article behind a list the profile states.
  void not_allowed(const std::string& key, const std::string& value, const Vocabulary& vocabulary,
                   const std::string& field, const std::string& cited = "");
  /// A catalogue error of the Validator, at the column of the field it names.
  void error(const Error& e);
  int count() const { return count_; }

 private:
  const FileRow& row_;
  const std::vector<ColumnDef>& columns_;
  std::vector<ImportProblem>& out_;
  int count_ = 0;
};

}  // namespace simpul::architecture
