// The knowledge base (docs/service-desk.md, "Knowledge base"): Markdown articles with a category
// and a visibility, often written from a resolved ticket. Knowledge management is one of the
// region's management processes (e.g. Balikpapan Pasal 35); the articles are its record.
#include "servicedesk/internal.hpp"
#include "servicedesk/service.hpp"

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::servicedesk {
namespace {

void check_article_fields(Repository& repo, const Scope& s, const ArticleInput& in) {
  if (in.visibility != "public" && in.visibility != "technicians") invalid("visibility", "public or technicians");
  if (!in.category_id.empty()) {
    bool known = false;
    for (const auto& c : repo.categories(s)) known = known || c.id == in.category_id;
    if (!known) invalid("category_id", "not a category of this desk");
  }
}

void require_text(const std::string& value, const char* field) {
  if (value.empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", field}});
}

boost::json::object article_details(const Article& a) {
  return {
      {"title", a.title}, {"visibility", a.visibility}, {"category_id", a.category_id}, {"ticket", a.ticket_number}};
}

}  // namespace

bool Service::technician(const Caller& who) const {
  if (who.manage || who.supervise) return true;
  return storage::read(db_, [&](storage::Connection& c) {
    auto r = roles_of(c, who.scope, who.actor.id);
    return r.level2 || !r.level1.empty();
  });
}

std::vector<Article> Service::articles(const Caller& who, const std::string& category_id, const ListQuery& q,
                                       std::int64_t& total) const {
  bool tech = technician(who);
  return storage::read(
      db_, [&](storage::Connection& c) { return Repository(c).articles(who.scope, category_id, tech, q, total); });
}

Article Service::article(const Caller& who, const std::string& id) const {
  bool tech = technician(who);
  return storage::read(db_, [&](storage::Connection& c) {
    auto a = Repository(c).article(who.scope, id);
    // An article for technicians is not revealed to other staff.
    if (!a || (a->visibility != "public" && !tech)) throw Error(ErrorCode::SdArticleNotFound);
    return *a;
  });
}

Article Service::add_article(const Caller& who, const ArticleInput& in) {
  if (!technician(who)) throw Error(ErrorCode::AuthForbidden, {{"reason", "desk staff write the knowledge base"}});
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    check_article_fields(repo, who.scope, in);
    Article a;
    a.id = crypto::new_id();
    a.title = in.title;
    a.body = in.body;
    a.category_id = in.category_id;
    a.visibility = in.visibility;
    a.author_id = who.actor.id;
    a.author_name = who.actor.name;
    a.created_at = a.updated_at = clock::now_iso();
    if (!in.ticket_id.empty()) {
      auto r = roles_of(c, who.scope, who.actor.id);
      Ticket t = visible(c, who, r, in.ticket_id);
      if (t.state != "resolved" && t.state != "closed")
        throw Error(ErrorCode::SdTicketNotResolved, {{"field", "ticket_id"}, {"state", t.state}});
      a.ticket_id = t.id;
      a.ticket_number = t.number;
      if (a.title.empty()) a.title = t.title;
      if (a.body.empty())
        a.body = "## Masalah\n\n" + (t.description.empty() ? t.title : t.description) + "\n\n## Penyelesaian\n\n" +
                 t.resolution + "\n";
      if (a.category_id.empty()) a.category_id = t.category_id;
      Event e;
      e.kind = "article";
      e.body = a.title;
      t.updated_at = a.created_at;
      repo.update(who.scope, t);
      record(c, who, t, e, "servicedesk.ticket_article");
    }
    require_text(a.title, "title");
    require_text(a.body, "body");
    repo.insert(who.scope, a);
    ledger_.append(c, ledger::change_in(who.scope, who.actor, "servicedesk.article_create", "kb_article", a.id,
                                        article_details(a)));
    return a;
  });
}

Article Service::edit_article(const Caller& who, const std::string& id, const ArticleInput& in) {
  if (!technician(who)) throw Error(ErrorCode::AuthForbidden, {{"reason", "desk staff write the knowledge base"}});
  require_text(in.title, "title");
  require_text(in.body, "body");
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto a = repo.article(who.scope, id);
    if (!a) throw Error(ErrorCode::SdArticleNotFound);
    check_article_fields(repo, who.scope, in);
    a->title = in.title;
    a->body = in.body;
    a->category_id = in.category_id;
    a->visibility = in.visibility;
    a->updated_at = clock::now_iso();
    repo.update(who.scope, *a);
    ledger_.append(c, ledger::change_in(who.scope, who.actor, "servicedesk.article_edit", "kb_article", a->id,
                                        article_details(*a)));
    return *a;
  });
}

}  // namespace simpul::servicedesk
