#pragma once
// SQL for architecture/roadmap documents, their frozen snapshots and their reviews.
#include <optional>
#include <string>
#include <vector>

#include "architecture/model.hpp"
#include "core/context.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace simpul::architecture {

class DocumentRepository {
 public:
  explicit DocumentRepository(storage::Connection& c) : c_(c) {}
  static std::vector<storage::Migration> migrations();

  std::vector<Document> documents(const Scope& s, const std::string& kind);
  std::optional<Document> document(const Scope& s, const std::string& id);
  std::optional<Document> approved(const Scope& s, const std::string& kind);
  int next_version(const Scope& s, const std::string& kind);
  void insert(const Scope& s, const Document& d);
  void update(const Scope& s, const Document& d);
  void supersede_approved(const Scope& s, const std::string& kind);

  void insert_snapshot(const Scope& s, const std::string& document_id, const std::string& model_json);
  std::optional<std::string> snapshot(const Scope& s, const std::string& document_id);

  std::vector<Review> reviews(const Scope& s, const std::string& document_id);
  void insert_review(const Scope& s, const Review& r);

 private:
  storage::Connection& c_;
};

}  // namespace simpul::architecture
