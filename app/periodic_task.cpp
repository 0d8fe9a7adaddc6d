#include "app/periodic_task.hpp"

namespace galley::app {

periodic_task::periodic_task(std::chrono::milliseconds interval, std::function<void()> work) {
    thread_ = std::thread([this, interval, work = std::move(work)] {
        std::unique_lock lock(mutex_);
        while (!stopping_) {
            lock.unlock();
            work();
            lock.lock();
            wake_.wait_for(lock, interval, [this] { return stopping_; });
        }
    });
}

periodic_task::~periodic_task() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

}  // namespace galley::app
