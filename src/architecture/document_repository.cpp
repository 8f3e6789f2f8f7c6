#include "architecture/document_repository.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "core/text.hpp"

namespace simpul::architecture {

std::vector<storage::Migration> DocumentRepository::migrations() {
  return {
      {410, "architecture: documents, snapshots, reviews",
       "CREATE TABLE arch_documents (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "kind TEXT NOT NULL, version INTEGER NOT NULL, title TEXT NOT NULL, status TEXT NOT NULL, notes TEXT NOT NULL, "
       "instrument_number TEXT, instrument_date TEXT, period_start INTEGER NOT NULL, period_end INTEGER NOT NULL, "
       "domain_coordinators TEXT NOT NULL, approved_at TEXT, approved_by_name TEXT NOT NULL, "
       "element_count INTEGER NOT NULL, relation_count INTEGER NOT NULL, created_at TEXT NOT NULL, "
       "updated_at TEXT NOT NULL, UNIQUE (tenant_id, kind, version));"
       "CREATE TABLE arch_snapshots (document_id TEXT PRIMARY KEY REFERENCES arch_documents(id), "
       "tenant_id TEXT NOT NULL REFERENCES tenants(id), model TEXT NOT NULL);"
       "CREATE TABLE arch_reviews (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "document_id TEXT NOT NULL REFERENCES arch_documents(id), review_date TEXT NOT NULL, reasons TEXT NOT NULL, "
       "summary TEXT NOT NULL, outcome TEXT NOT NULL, decree_number TEXT, recorded_by_name TEXT NOT NULL, "
       "created_at TEXT NOT NULL);"
       "CREATE INDEX arch_reviews_by_document ON arch_reviews (document_id, review_date)"},
      {430, "architecture: the documents a plan document contains (a Rencana Induk's architecture and roadmap)",
       "ALTER TABLE arch_documents ADD COLUMN parts TEXT NOT NULL DEFAULT '{}'"},
  };
}

namespace {

constexpr const char* kDocumentColumns =
    "SELECT id, kind, version, title, status, notes, instrument_number, instrument_date, period_start, period_end, "
    "domain_coordinators, approved_at, approved_by_name, element_count, relation_count, created_at, updated_at, parts "
    "FROM arch_documents ";

Document document_from(const storage::Row& r) {
  Document d;
  d.id = r.text_at(0);
  d.kind = r.text_at(1);
  d.version = static_cast<int>(r.int_at(2));
  d.title = r.text_at(3);
  d.status = r.text_at(4);
  d.notes = r.text_at(5);
  d.instrument_number = r.optional_text_at(6);
  d.instrument_date = r.optional_text_at(7);
  d.period_start = static_cast<int>(r.int_at(8));
  d.period_end = static_cast<int>(r.int_at(9));
  d.domain_coordinators = boost::json::parse(r.text_at(10)).as_object();
  d.approved_at = r.optional_text_at(11);
  d.approved_by_name = r.text_at(12);
  d.element_count = r.int_at(13);
  d.relation_count = r.int_at(14);
  d.created_at = r.text_at(15);
  d.updated_at = r.text_at(16);
  d.parts = boost::json::parse(r.text_at(17)).as_object();
  return d;
}

}  // namespace

std::vector<Document> DocumentRepository::documents(const Scope& s, const std::string& kind) {
  std::string sql = std::string(kDocumentColumns) + "WHERE tenant_id = ?";
  storage::Params params{s.tenant_id};
  if (!kind.empty()) {
    sql += " AND kind = ?";
    params.emplace_back(kind);
  }
  std::vector<Document> out;
  for (const auto& r : c_.query(sql + " ORDER BY kind, version DESC", params)) out.push_back(document_from(r));
  return out;
}

std::optional<Document> DocumentRepository::document(const Scope& s, const std::string& id) {
  auto rows = c_.query(std::string(kDocumentColumns) + "WHERE tenant_id = ? AND id = ?", {s.tenant_id, id});
  if (rows.empty()) return std::nullopt;
  return document_from(rows[0]);
}

std::optional<Document> DocumentRepository::approved(const Scope& s, const std::string& kind) {
  auto rows = c_.query(std::string(kDocumentColumns) + "WHERE tenant_id = ? AND kind = ? AND status = 'approved'",
                       {s.tenant_id, kind});
  if (rows.empty()) return std::nullopt;
  return document_from(rows[0]);
}

int DocumentRepository::next_version(const Scope& s, const std::string& kind) {
  auto rows = c_.query("SELECT COALESCE(MAX(version), 0) FROM arch_documents WHERE tenant_id = ? AND kind = ?",
                       {s.tenant_id, kind});
  return static_cast<int>(rows[0].int_at(0)) + 1;
}

void DocumentRepository::insert(const Scope& s, const Document& d) {
  c_.execute(
      "INSERT INTO arch_documents (id, tenant_id, kind, version, title, status, notes, instrument_number, "
      "instrument_date, period_start, period_end, domain_coordinators, approved_at, approved_by_name, element_count, "
      "relation_count, created_at, updated_at, parts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {d.id, s.tenant_id, d.kind, d.version, d.title, d.status, d.notes, d.instrument_number, d.instrument_date,
       d.period_start, d.period_end, boost::json::serialize(d.domain_coordinators), d.approved_at, d.approved_by_name,
       d.element_count, d.relation_count, d.created_at, d.updated_at, boost::json::serialize(d.parts)});
}

void DocumentRepository::update(const Scope& s, const Document& d) {
  c_.execute(
      "UPDATE arch_documents SET title = ?, status = ?, notes = ?, instrument_number = ?, instrument_date = ?, "
      "period_start = ?, period_end = ?, domain_coordinators = ?, approved_at = ?, approved_by_name = ?, "
      "element_count = ?, relation_count = ?, updated_at = ?, parts = ? WHERE tenant_id = ? AND id = ?",
      {d.title, d.status, d.notes, d.instrument_number, d.instrument_date, d.period_start, d.period_end,
       boost::json::serialize(d.domain_coordinators), d.approved_at, d.approved_by_name, d.element_count,
       d.relation_count, d.updated_at, boost::json::serialize(d.parts), s.tenant_id, d.id});
}

void DocumentRepository::supersede_approved(const Scope& s, const std::string& kind) {
  c_.execute("UPDATE arch_documents SET status = 'superseded' WHERE tenant_id = ? AND kind = ? AND status = 'approved'",
             {s.tenant_id, kind});
}

void DocumentRepository::insert_snapshot(const Scope& s, const std::string& document_id,
                                         const std::string& model_json) {
  c_.execute("INSERT INTO arch_snapshots (document_id, tenant_id, model) VALUES (?, ?, ?)",
             {document_id, s.tenant_id, model_json});
}

std::optional<std::string> DocumentRepository::snapshot(const Scope& s, const std::string& document_id) {
  auto rows =
      c_.query("SELECT model FROM arch_snapshots WHERE tenant_id = ? AND document_id = ?", {s.tenant_id, document_id});
  if (rows.empty()) return std::nullopt;
  return rows[0].text_at(0);
}

std::vector<Review> DocumentRepository::reviews(const Scope& s, const std::string& document_id) {
  std::vector<Review> out;
  for (const auto& r :
       c_.query("SELECT id, document_id, review_date, reasons, summary, outcome, decree_number, "
                "recorded_by_name, created_at FROM arch_reviews WHERE tenant_id = ? AND document_id = ? "
                "ORDER BY review_date, created_at",
                {s.tenant_id, document_id}))
    out.push_back({r.text_at(0), r.text_at(1), r.text_at(2), text::split_nonempty(r.text_at(3), ','), r.text_at(4),
                   r.text_at(5), r.optional_text_at(6), r.text_at(7), r.text_at(8)});
  return out;
}

void DocumentRepository::insert_review(const Scope& s, const Review& r) {
  c_.execute(
      "INSERT INTO arch_reviews (id, tenant_id, document_id, review_date, reasons, summary, outcome, decree_number, "
      "recorded_by_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {r.id, s.tenant_id, r.document_id, r.date, text::join(r.reasons, ','), r.summary, r.outcome, r.decree_number,
       r.recorded_by_name, r.created_at});
}

}  // namespace simpul::architecture
