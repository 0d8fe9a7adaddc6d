#include "http/handler_pool.hpp"

namespace galley::http {

handler_pool::handler_pool(std::size_t threads, std::size_t max_queued) : max_queued_(max_queued) {
    if (threads == 0) threads = 1;
    threads_.reserve(threads);
    for (std::size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { work(); });
}

handler_pool::~handler_pool() { shutdown(); }

bool handler_pool::post(std::function<void()> job) {
    {
        std::lock_guard lock(mutex_);
        if (stopping_ || queue_.size() >= max_queued_) return false;
        queue_.push_back(std::move(job));
    }
    wake_.notify_one();
    return true;
}

std::size_t handler_pool::in_flight() const {
    std::lock_guard lock(mutex_);
    return queue_.size() + running_;
}

void handler_pool::shutdown() {
    {
        std::lock_guard lock(mutex_);
        if (stopping_ && threads_.empty()) return;
        stopping_ = true;
    }
    wake_.notify_all();
    for (auto& t : threads_)
        if (t.joinable()) t.join();
    threads_.clear();
}

void handler_pool::work() {
    while (true) {
        std::function<void()> job;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
            if (queue_.empty()) return;  // stopping and drained
            job = std::move(queue_.front());
            queue_.pop_front();
            ++running_;
        }
        job();
        std::lock_guard lock(mutex_);
        --running_;
    }
}

}  // namespace galley::http
