#pragma once
// A fixed pool of threads that run request handlers, so RESTinio's I/O threads never block on
// the database or on password hashing. The queue is bounded: when full, post() refuses and the
// caller answers 503 at once instead of queueing without limit. Thread-safe.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace galley::http {

class handler_pool {
public:
    handler_pool(std::size_t threads, std::size_t max_queued);
    ~handler_pool();  // drains the queue, then joins
    handler_pool(const handler_pool&) = delete;
    handler_pool& operator=(const handler_pool&) = delete;

    /// Queues `job`; false when the queue is full or the pool is stopping.
    bool post(std::function<void()> job);
    /// Jobs queued or running right now.
    std::size_t in_flight() const;
    /// Stops taking jobs, finishes the queued ones and joins the threads. Idempotent.
    void shutdown();

private:
    void work();
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::function<void()>> queue_;
    std::vector<std::thread> threads_;
    std::size_t max_queued_;
    std::size_t running_ = 0;
    bool stopping_ = false;
};

}  // namespace galley::http
