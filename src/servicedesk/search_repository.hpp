#pragma once
// Full-text search of the knowledge base with each database's own machinery (docs/service-desk.md,
// "Knowledge base"): SQLite FTS5 (a table kept by triggers on sd_articles, unicode61 tokens
// without case or diacritics, ranked by bm25) and PostgreSQL tsvector (the 'simple'
// configuration over unaccent where the extension can be created, a generated column with a GIN
// index, ranked by ts_rank). Titles weigh more than bodies on both.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/context.hpp"
#include "core/list_query.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace simpul::servicedesk {

/// Version 1106.
std::vector<storage::Migration> knowledge_search_migrations();

/// The words of a search as the index sees them: runs of ASCII letters and digits and of non-ASCII
/// (UTF-8) characters, at most 16 of 1-60 bytes each. Quotes, operators, parentheses, `*`, `:`
/// and SQL metacharacters only separate words: nothing the user types reaches the index as syntax.
std::vector<std::string> search_words(std::string_view q);

/// One page of the articles containing every word, the best match first (then the newest), and
/// their count. `columns` are sd_articles columns prefixed with `a.`.
storage::Rows search_articles(storage::Connection& c, const Scope& s, const std::vector<std::string>& words,
                              const std::string& category_id, bool technician, std::string_view columns,
                              const ListQuery& q, std::int64_t& total);

}  // namespace simpul::servicedesk
