#pragma once
// Test support: a connection that passes every call on to a real one, for tests that watch the
// statements a repository sends (override query()).
#include "storage/database.hpp"

namespace simpul::test_support {

class ForwardingConnection : public storage::Connection {
 public:
  explicit ForwardingConnection(storage::Connection& c) : c_(c) {}
  storage::Dialect dialect() const override { return c_.dialect(); }
  std::int64_t execute(std::string_view sql, const storage::Params& p) override { return c_.execute(sql, p); }
  storage::Rows query(std::string_view sql, const storage::Params& p) override { return c_.query(sql, p); }
  void execute_script(std::string_view sql) override { c_.execute_script(sql); }
  void begin(bool write) override { c_.begin(write); }
  void commit() override { c_.commit(); }
  void rollback() override { c_.rollback(); }
  bool healthy() const override { return c_.healthy(); }

 protected:
  storage::Connection& real() { return c_; }

 private:
  storage::Connection& c_;
};

}  // namespace simpul::test_support
