#pragma once
// A background thread that runs `work` at once and then every `interval` until destroyed; the
// destructor wakes it and joins, so shutdown never waits out an interval. The housekeeping
// loops (guest_sweeper, blob_collector) are built on it.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace galley::app {

class periodic_task {
public:
    periodic_task(std::chrono::milliseconds interval, std::function<void()> work);
    ~periodic_task();
    periodic_task(const periodic_task&) = delete;
    periodic_task& operator=(const periodic_task&) = delete;

private:
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace galley::app
