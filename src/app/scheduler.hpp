#pragma once
// Runs the modules' periodic jobs (seam::Job) on one thread of its own: each at start, then every
// time its period has passed. A failing job is logged and tried again at its next turn.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "seam/module.hpp"

namespace simpul::app {

class Scheduler {
 public:
  explicit Scheduler(std::vector<seam::Job> jobs);
  ~Scheduler();  // stops and joins

 private:
  void loop();
  std::vector<seam::Job> jobs_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace simpul::app
