// SQL of the knowledge base and of ticket attachments; every query is confined to the tenant.
#include "servicedesk/repository.hpp"

#include "servicedesk/search_repository.hpp"
#include "storage/list_sql.hpp"

namespace simpul::servicedesk {
namespace {

constexpr const char* kArticleColumns =
    "id, title, body, category_id, visibility, ticket_id, ticket_number, author_id, author_name, created_at, updated_at";

/// The same columns for the search, whose FROM joins the index (search_repository.cpp).
constexpr const char* kArticleColumnsOfA =
    "a.id, a.title, a.body, a.category_id, a.visibility, a.ticket_id, a.ticket_number, a.author_id, a.author_name, "
    "a.created_at, a.updated_at";

Article article_from(const storage::Row& r) {
  Article a;
  a.id = r.text_at(0);
  a.title = r.text_at(1);
  a.body = r.text_at(2);
  a.category_id = r.text_at(3);
  a.visibility = r.text_at(4);
  a.ticket_id = r.text_at(5);
  a.ticket_number = r.text_at(6);
  a.author_id = r.text_at(7);
  a.author_name = r.text_at(8);
  a.created_at = r.text_at(9);
  a.updated_at = r.text_at(10);
  return a;
}

constexpr const char* kAttachmentColumns =
    "id, ticket_id, filename, content_type, size, sha256, uploaded_by_id, uploaded_by_name, uploaded_at";

Attachment attachment_from(const storage::Row& r) {
  Attachment a;
  a.id = r.text_at(0);
  a.ticket_id = r.text_at(1);
  a.filename = r.text_at(2);
  a.content_type = r.text_at(3);
  a.size = r.int_at(4);
  a.sha256 = r.text_at(5);
  a.uploaded_by_id = r.text_at(6);
  a.uploaded_by_name = r.text_at(7);
  a.uploaded_at = r.text_at(8);
  return a;
}

}  // namespace

std::vector<Article> Repository::articles(const Scope& s, const std::string& category_id, bool technician,
                                          const ListQuery& q, std::int64_t& total) const {
  std::vector<Article> out;
  if (!q.q.empty()) {
    // Search: the database's full-text index, best match first (search_repository.cpp). A query
    // of no words (only punctuation, say) finds nothing.
    auto words = search_words(q.q);
    total = 0;
    if (words.empty()) return out;
    for (const auto& r : search_articles(c_, s, words, category_id, technician, kArticleColumnsOfA, q, total))
      out.push_back(article_from(r));
    return out;
  }
  storage::ListSql list("FROM sd_articles");
  list.where("tenant_id = ?", {s.tenant_id}).equals_if_set("category_id", category_id);
  if (!technician) list.where("visibility = 'public'");
  list.order_by(q.sort, q.descending, {{"updated_at", "updated_at"}, {"title", "title"}}, "id");
  for (const auto& r : list.page(c_, std::string("SELECT ") + kArticleColumns + " FROM sd_articles", q, total))
    out.push_back(article_from(r));
  return out;
}

std::optional<Article> Repository::article(const Scope& s, const std::string& id) const {
  auto rows = c_.query(std::string("SELECT ") + kArticleColumns + " FROM sd_articles WHERE tenant_id = ? AND id = ?",
                       {s.tenant_id, id});
  if (rows.empty()) return std::nullopt;
  return article_from(rows[0]);
}

void Repository::insert(const Scope& s, const Article& a) {
  c_.execute(std::string("INSERT INTO sd_articles (tenant_id, ") + kArticleColumns +
                 ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
             {s.tenant_id, a.id, a.title, a.body, a.category_id, a.visibility, a.ticket_id, a.ticket_number,
              a.author_id, a.author_name, a.created_at, a.updated_at});
}

void Repository::update(const Scope& s, const Article& a) {
  c_.execute(
      "UPDATE sd_articles SET title = ?, body = ?, category_id = ?, visibility = ?, updated_at = ? WHERE tenant_id = ? AND id = ?",
      {a.title, a.body, a.category_id, a.visibility, a.updated_at, s.tenant_id, a.id});
}

bool Repository::claim_digest(const Scope& s, const std::string& date) {
  if (!c_.query("SELECT date FROM sd_digests WHERE tenant_id = ? AND date = ?", {s.tenant_id, date}).empty())
    return false;
  c_.execute("INSERT INTO sd_digests (tenant_id, date) VALUES (?, ?)", {s.tenant_id, date});
  return true;
}

std::vector<Attachment> Repository::attachments(const Scope& s, const std::string& ticket_id) const {
  std::vector<Attachment> out;
  for (const auto& r :
       c_.query(std::string("SELECT ") + kAttachmentColumns +
                    " FROM sd_attachments WHERE tenant_id = ? AND ticket_id = ? ORDER BY uploaded_at, id",
                {s.tenant_id, ticket_id}))
    out.push_back(attachment_from(r));
  return out;
}

std::optional<Attachment> Repository::attachment(const Scope& s, const std::string& id) const {
  auto rows =
      c_.query(std::string("SELECT ") + kAttachmentColumns + " FROM sd_attachments WHERE tenant_id = ? AND id = ?",
               {s.tenant_id, id});
  if (rows.empty()) return std::nullopt;
  return attachment_from(rows[0]);
}

void Repository::insert(const Scope& s, const Attachment& a) {
  c_.execute(std::string("INSERT INTO sd_attachments (tenant_id, ") + kAttachmentColumns +
                 ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
             {s.tenant_id, a.id, a.ticket_id, a.filename, a.content_type, a.size, a.sha256, a.uploaded_by_id,
              a.uploaded_by_name, a.uploaded_at});
}

}  // namespace simpul::servicedesk
