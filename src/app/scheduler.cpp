#include "app/scheduler.hpp"

#include "core/log.hpp"

namespace simpul::app {

Scheduler::Scheduler(std::vector<seam::Job> jobs) : jobs_(std::move(jobs)), thread_([this] { loop(); }) {}

Scheduler::~Scheduler() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void Scheduler::loop() {
  using clock = std::chrono::steady_clock;
  std::vector<clock::time_point> due(jobs_.size(), clock::now());
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    auto now = clock::now();
    auto next = now + std::chrono::hours(24);
    for (std::size_t i = 0; i < jobs_.size(); ++i) {
      if (due[i] <= now) {
        lock.unlock();
        try {
          jobs_[i].run();
        } catch (const std::exception& e) {
          log::error("job.failed", {{"job", jobs_[i].id}, {"error", e.what()}});
        }
        lock.lock();
        if (stopping_) return;
        due[i] = clock::now() + jobs_[i].every;
      }
      next = std::min(next, due[i]);
    }
    wake_.wait_until(lock, next, [this] { return stopping_; });
  }
}

}  // namespace simpul::app
