#pragma once
// Server-sent event streams of runs (GET /runs/{id}/events). One thread serves every open
// stream: it polls each stream's run every 200 ms, sends one event per status change of the run
// or of one of its documents, and closes the stream when the run finishes or after kMaxLifetime
// (the client reconnects; a stream held open forever would pin memory and a slot). The number
// of open streams is bounded, per user by the plan and in all. Internal to http/ (includes
// RESTinio).
#include <restinio/all.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "persistence/run_repository.hpp"

namespace galley::http {

class event_streams {
public:
    event_streams(persistence::run_repository& runs, std::size_t max_streams);
    ~event_streams();  // closes every stream

    static constexpr std::chrono::minutes kMaxLifetime{60};

    enum class admission { added, user_limit, server_full };
    /// Starts streaming `run_id` on `req` (already authorised) for `user_id`, who may hold
    /// `per_user` streams at once (0: unlimited); `extra_headers` (CORS) go with the response.
    admission add(const restinio::request_handle_t& req, const std::string& run_id, const std::string& user_id,
                  int per_user, const std::string& request_id,
                  const std::vector<std::pair<std::string, std::string>>& extra_headers = {});
    /// Ends every stream (shutdown).
    void close_all();

private:
    struct stream;
    void loop();
    persistence::run_repository& runs_;
    std::size_t max_streams_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::vector<std::unique_ptr<stream>> streams_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace galley::http
