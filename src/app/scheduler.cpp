#include "app/scheduler.hpp"

#include "core/clock.hpp"
#include "core/log.hpp"

namespace simpul::app {

ComplianceScheduler::ComplianceScheduler(Platform& platform, std::chrono::minutes interval)
    : platform_(platform), interval_(interval), thread_([this] { loop(); }) {}

ComplianceScheduler::~ComplianceScheduler() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void ComplianceScheduler::evaluate_all(Platform& platform) {
  static const Actor kScheduler{"system", "Simpul (evaluasi terjadwal)", ""};
  for (const auto& t : platform.tenancy().tenants()) {
    try {
      auto r = platform.compliance().evaluate(Scope{t.id}, kScheduler, clock::now_iso().substr(0, 10));
      log::info("compliance.evaluated", {{"tenant", t.slug}, {"open", r.open}, {"new", r.created}, {"escalated", r.escalated}});
    } catch (const std::exception& e) {
      log::error("compliance.evaluation_failed", {{"tenant", t.slug}, {"error", e.what()}});
    }
  }
}

void ComplianceScheduler::loop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    evaluate_all(platform_);
    lock.lock();
    wake_.wait_for(lock, interval_, [this] { return stopping_; });
  }
}

}  // namespace simpul::app
