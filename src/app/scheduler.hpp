#pragma once
// Evaluates every tenant's compliance at start and then on a fixed interval, on its own thread,
// so findings and sanction escalations stay current without anyone pressing a button.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "app/platform.hpp"

namespace simpul::app {

class ComplianceScheduler {
 public:
  ComplianceScheduler(Platform& platform, std::chrono::minutes interval);
  ~ComplianceScheduler();  // stops and joins

  /// One pass over all tenants; failures are logged per tenant and never stop the others.
  static void evaluate_all(Platform& platform);

 private:
  void loop();
  Platform& platform_;
  std::chrono::minutes interval_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace simpul::app
