#include "servicedesk/search_repository.hpp"

namespace simpul::servicedesk {
namespace {

/// Each word as a quoted phrase: FTS5 and websearch_to_tsquery both read it as the word itself
/// (`AND`, `OR`, `NOT`, `or` and `-` included), and every word must match.
std::string quoted_words(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "\"" : " \"") + w + "\"";
  return out;
}

bool word_byte(unsigned char ch) {
  return ch >= 0x80 || (ch >= '0' && ch <= '9') || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z');
}

}  // namespace

std::vector<storage::Migration> knowledge_search_migrations() {
  return {{1106, "servicedesk: knowledge base full-text search (FTS5 / tsvector)",
           "CREATE VIRTUAL TABLE sd_articles_fts USING fts5(title, body, article_id UNINDEXED, "
           "tokenize = 'unicode61 remove_diacritics 2');"
           "INSERT INTO sd_articles_fts (title, body, article_id) SELECT title, body, id FROM sd_articles;"
           "CREATE TRIGGER sd_articles_fts_insert AFTER INSERT ON sd_articles BEGIN "
           "INSERT INTO sd_articles_fts (title, body, article_id) VALUES (new.title, new.body, new.id); END;"
           "CREATE TRIGGER sd_articles_fts_update AFTER UPDATE OF title, body ON sd_articles BEGIN "
           "DELETE FROM sd_articles_fts WHERE article_id = old.id; "
           "INSERT INTO sd_articles_fts (title, body, article_id) VALUES (new.title, new.body, new.id); END;"
           "CREATE TRIGGER sd_articles_fts_delete AFTER DELETE ON sd_articles BEGIN "
           "DELETE FROM sd_articles_fts WHERE article_id = old.id; END;",
           // unaccent where this database may create it (migrations run one at a time under the
           // storage layer's advisory lock); otherwise the words are folded by case only.
           "DO $do$ BEGIN "
           "BEGIN "
           "CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public; "
           "CREATE FUNCTION sd_search_fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT "
           "AS $f$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $f$; "
           "EXCEPTION WHEN OTHERS THEN "
           "CREATE FUNCTION sd_search_fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT "
           "AS $f$ SELECT $1 $f$; "
           "END; "
           "END $do$;"
           "ALTER TABLE sd_articles ADD COLUMN search tsvector GENERATED ALWAYS AS ("
           "setweight(to_tsvector('simple', sd_search_fold(title)), 'A') || "
           "setweight(to_tsvector('simple', sd_search_fold(body)), 'B')) STORED;"
           "CREATE INDEX sd_articles_search ON sd_articles USING gin (search);"}};
}

std::vector<std::string> search_words(std::string_view q) {
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    if (!word.empty() && word.size() <= 60 && out.size() < 16) out.push_back(word);
    word.clear();
  };
  for (char ch : q) {
    if (word_byte(static_cast<unsigned char>(ch)))
      word += ch;
    else
      flush();
  }
  flush();
  return out;
}

storage::Rows search_articles(storage::Connection& c, const Scope& s, const std::vector<std::string>& words,
                              const std::string& category_id, bool technician, std::string_view columns,
                              const ListQuery& q, std::int64_t& total) {
  bool pg = c.dialect() == storage::Dialect::Postgres;
  std::string match = quoted_words(words);
  std::string from, where, order;
  storage::Params params;
  if (pg) {
    from = " FROM sd_articles a, websearch_to_tsquery('simple', sd_search_fold(?)) query";
    where = " WHERE a.search @@ query AND a.tenant_id = ?";
    order = " ORDER BY ts_rank(a.search, query) DESC, a.updated_at DESC, a.id";
  } else {
    from = " FROM sd_articles_fts JOIN sd_articles a ON a.id = sd_articles_fts.article_id";
    where = " WHERE sd_articles_fts MATCH ? AND a.tenant_id = ?";
    order = " ORDER BY bm25(sd_articles_fts, 4.0, 1.0), a.updated_at DESC, a.id";  // bm25: lower is better
  }
  params = {match, s.tenant_id};
  if (!category_id.empty()) {
    where += " AND a.category_id = ?";
    params.emplace_back(category_id);
  }
  if (!technician) where += " AND a.visibility = 'public'";
  auto counted = c.query("SELECT COUNT(*)" + from + where, params);
  total = counted.empty() ? 0 : counted[0].int_at(0);
  params.emplace_back(static_cast<std::int64_t>(q.per_page));
  params.emplace_back(static_cast<std::int64_t>(q.offset()));
  return c.query("SELECT " + std::string(columns) + from + where + order + " LIMIT ? OFFSET ?", params);
}

}  // namespace simpul::servicedesk
