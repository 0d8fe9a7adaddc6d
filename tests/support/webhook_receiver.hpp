#pragma once
// A webhook receiver for end-to-end tests: a plain HTTP/1.1 server on 127.0.0.1 that records
// every request (headers, body, arrival time) and answers with scripted status codes.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace galley::testing {

struct received_request {
    std::string method, target;
    std::map<std::string, std::string> headers;  // names lower-cased
    std::string body;
    std::chrono::steady_clock::time_point at;
};

class webhook_receiver {
public:
    webhook_receiver();  // listens on a free port at once
    ~webhook_receiver();
    webhook_receiver(const webhook_receiver&) = delete;
    webhook_receiver& operator=(const webhook_receiver&) = delete;

    std::string url(const std::string& path = "/hook") const;
    /// The next requests get these statuses (with `Location` for 3xx), then 200 again.
    void answer_next(std::vector<int> statuses);
    /// Waits until at least `n` requests arrived (up to `deadline`); returns all so far.
    std::vector<received_request> wait_for(std::size_t n, std::chrono::seconds deadline);
    std::vector<received_request> received() const;

private:
    void serve();
    int listener_ = -1;
    std::uint16_t port_ = 0;
    mutable std::mutex mutex_;
    std::condition_variable arrived_;
    std::vector<received_request> requests_;
    std::deque<int> script_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace galley::testing
