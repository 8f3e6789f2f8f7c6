#include "storage/postgres.hpp"

#include <libpq-fe.h>

#include <cstring>
#include <unordered_map>

#include "storage/storage_error.hpp"

namespace simpul::storage {

std::string to_postgres_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  char quote = 0;
  for (char c : sql) {
    if (quote) {
      if (c == quote) quote = 0;
      out.push_back(c);
    } else if (c == '\'' || c == '"') {
      quote = c;
      out.push_back(c);
    } else if (c == '?') {
      out += "$" + std::to_string(++n);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

namespace {

// Type OIDs from pg_type.h, for the few types our schema uses.
constexpr Oid kBoolOid = 16, kInt8Oid = 20, kInt2Oid = 21, kInt4Oid = 23, kFloat4Oid = 700, kFloat8Oid = 701;

StorageError error_from(PGresult* res, PGconn* conn) {
  const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  std::string msg = res ? PQresultErrorMessage(res) : PQerrorMessage(conn);
  if (state) {
    if (std::strcmp(state, "23505") == 0) return StorageError(StorageError::Kind::UniqueViolation, msg);
    if (std::strcmp(state, "23503") == 0) return StorageError(StorageError::Kind::ForeignKeyViolation, msg);
    if (std::strcmp(state, "40001") == 0 || std::strcmp(state, "40P01") == 0)
      return StorageError(StorageError::Kind::Busy, msg);
  }
  if (PQstatus(conn) != CONNECTION_OK) return StorageError(StorageError::Kind::Connection, msg);
  return StorageError(StorageError::Kind::Other, msg);
}

struct ResultGuard {
  PGresult* res;
  ~ResultGuard() { PQclear(res); }
};

class PostgresConnection : public Connection {
 public:
  explicit PostgresConnection(const std::string& url) {
    conn_ = PQconnectdb(url.c_str());
    if (PQstatus(conn_) != CONNECTION_OK) {
      std::string msg = PQerrorMessage(conn_);
      PQfinish(conn_);
      throw StorageError(StorageError::Kind::Connection, "postgres connect: " + msg);
    }
    execute_script("SET client_min_messages = warning; SET TIME ZONE 'UTC'");
  }
  ~PostgresConnection() override { PQfinish(conn_); }

  Dialect dialect() const override { return Dialect::Postgres; }
  bool healthy() const override { return PQstatus(conn_) == CONNECTION_OK; }

  std::int64_t execute(std::string_view sql, const Params& params) override {
    ResultGuard g{run(sql, params)};
    const char* n = PQcmdTuples(g.res);
    return (n && *n) ? std::stoll(n) : 0;
  }

  Rows query(std::string_view sql, const Params& params) override {
    ResultGuard g{run(sql, params)};
    Rows rows;
    int nrows = PQntuples(g.res);
    rows.reserve(static_cast<std::size_t>(nrows));
    for (int r = 0; r < nrows; ++r) {
      Row row;
      read_row(g.res, r, row);
      rows.push_back(std::move(row));
    }
    return rows;
  }

  void each(std::string_view sql, const Params& params, const std::function<void(const Row&)>& fn) override {
    ResultGuard g{run(sql, params)};
    Row row;
    for (int r = 0, nrows = PQntuples(g.res); r < nrows; ++r) {
      read_row(g.res, r, row);
      fn(row);
    }
  }

  /// Row `r` of `res` into `row`, reusing its values' strings.
  static void read_row(PGresult* res, int r, Row& row) {
    auto& cols = row.columns();
    int ncols = PQnfields(res);
    cols.resize(static_cast<std::size_t>(ncols));
    for (int c = 0; c < ncols; ++c) {
      auto& v = cols[static_cast<std::size_t>(c)];
      if (PQgetisnull(res, r, c)) {
        v = Value(nullptr);
        continue;
      }
      const char* text = PQgetvalue(res, r, c);
      switch (PQftype(res, c)) {
        case kInt8Oid:
        case kInt4Oid:
        case kInt2Oid:
          v = Value(std::stoll(text));
          break;
        case kFloat4Oid:
        case kFloat8Oid:
          v = Value(std::strtod(text, nullptr));
          break;
        case kBoolOid:
          v = Value(text[0] == 't');
          break;
        default:
          v.assign_text(std::string_view(text, static_cast<std::size_t>(PQgetlength(res, r, c))));
      }
    }
  }

  void execute_script(std::string_view sql) override {
    std::string s(sql);
    ResultGuard g{PQexec(conn_, s.c_str())};
    auto st = PQresultStatus(g.res);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) throw error_from(g.res, conn_);
  }

  void begin(bool /*write*/) override { execute_script("BEGIN ISOLATION LEVEL READ COMMITTED"); }
  void commit() override { execute_script("COMMIT"); }
  void rollback() override {
    if (PQtransactionStatus(conn_) != PQTRANS_IDLE) execute_script("ROLLBACK");
  }

 private:
  PGresult* run(std::string_view sql, const Params& params) {
    auto it = names_.find(std::string(sql));
    if (it == names_.end()) {
      std::string name = "s" + std::to_string(names_.size());
      std::string translated = to_postgres_placeholders(sql);
      ResultGuard g{PQprepare(conn_, name.c_str(), translated.c_str(), 0, nullptr)};
      if (PQresultStatus(g.res) != PGRES_COMMAND_OK) throw error_from(g.res, conn_);
      it = names_.emplace(std::string(sql), name).first;
    }
    std::vector<std::string> text(params.size());
    std::vector<const char*> values(params.size());
    for (std::size_t i = 0; i < params.size(); ++i) {
      const Value& v = params[i];
      if (v.is_null()) {
        values[i] = nullptr;
        continue;
      }
      if (v.is_int())
        text[i] = std::to_string(v.as_int());
      else if (v.is_double())
        text[i] = std::to_string(v.as_double());
      else
        text[i] = v.as_text();
      values[i] = text[i].c_str();
    }
    PGresult* res =
        PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(params.size()), values.data(), nullptr, nullptr, 0);
    auto st = PQresultStatus(res);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
      StorageError e = error_from(res, conn_);
      PQclear(res);
      throw e;
    }
    return res;
  }

  PGconn* conn_ = nullptr;
  std::unordered_map<std::string, std::string> names_;
};

}  // namespace

PostgresDatabase::PostgresDatabase(std::string url, std::size_t pool_size)
    : Database(Dialect::Postgres, pool_size, redact_url(url)), url_(std::move(url)) {}

std::unique_ptr<Connection> PostgresDatabase::connect() { return std::make_unique<PostgresConnection>(url_); }

}  // namespace simpul::storage
