#include "http/event_streams.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>

#include "http/resource_json.hpp"
#include "http/response_headers.hpp"

namespace galley::http {

using chunked = restinio::response_builder_t<restinio::chunked_output_t>;

struct event_streams::stream {
    std::string run_id;
    std::string user_id;
    chunked response;
    std::map<std::string, std::string> last_doc_state;  // document id → "status/attempts"
    std::string last_run_state;
    std::chrono::steady_clock::time_point opened = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point last_write = opened;
    bool finished = false;
};

namespace {
std::string event(const char* name, const nlohmann::json& data) {
    return std::string("event: ") + name + "\ndata: " + data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n\n";
}

// Appends the events for what changed since the last poll; true when the run has finished.
bool poll_events(const run_record& run, std::map<std::string, std::string>& docs, std::string& run_state,
                 std::string& out) {
    for (const auto& d : run.documents) {
        std::string key = std::string(to_string(d.status)) + "/" + std::to_string(d.attempts);
        auto& last = docs[d.document_id];
        if (last == key) continue;
        last = key;
        out += event("document", {{"run_id", run.id},
                                  {"document_id", d.document_id},
                                  {"status", to_string(d.status)},
                                  {"attempts", d.attempts},
                                  {"error", d.error.empty() ? nlohmann::json() : nlohmann::json(d.error)}});
    }
    nlohmann::json summary = run_json(run);
    summary.erase("documents");
    std::string state = summary.dump();
    if (state != run_state) {
        run_state = state;
        out += event("run", summary);
    }
    return is_terminal(run.status);
}
}  // namespace

event_streams::event_streams(persistence::run_repository& runs, std::size_t max_streams)
    : runs_(runs), max_streams_(max_streams), thread_([this] { loop(); }) {}

event_streams::~event_streams() {
    close_all();
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

event_streams::admission event_streams::add(const restinio::request_handle_t& req, const std::string& run_id,
                                            const std::string& user_id, int per_user,
                                            const std::string& request_id,
                                            const std::vector<std::pair<std::string, std::string>>& extra_headers) {
    std::lock_guard lock(mutex_);
    if (streams_.size() >= max_streams_ || stopping_) return admission::server_full;
    if (per_user > 0) {
        auto mine = std::count_if(streams_.begin(), streams_.end(),
                                  [&](const auto& s) { return !s->finished && s->user_id == user_id; });
        if (mine >= per_user) return admission::user_limit;
    }
    auto rb = req->create_response<restinio::chunked_output_t>();
    append_standard_headers(rb, "text/event-stream; charset=utf-8", request_id);
    for (const auto& [name, value] : extra_headers) rb.append_header(name, value);
    rb.append_chunk(": galley run events\n\n");
    rb.flush();
    auto s = std::make_unique<stream>(stream{run_id, user_id, std::move(rb), {}, {}});
    streams_.push_back(std::move(s));
    wake_.notify_all();
    return admission::added;
}

void event_streams::close_all() {
    std::lock_guard lock(mutex_);
    for (auto& s : streams_) {
        try {
            s->response.done();
        } catch (...) {
        }
    }
    streams_.clear();
}

void event_streams::loop() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        wake_.wait_for(lock, std::chrono::milliseconds(200));
        for (auto& s : streams_) {
            auto run = runs_.get_any(s->run_id);
            std::string out;
            bool finished = !run || poll_events(*run, s->last_doc_state, s->last_run_state, out);
            auto now = std::chrono::steady_clock::now();
            if (out.empty() && now - s->last_write > std::chrono::seconds(15)) out = ": keep-alive\n\n";
            if (!finished && now - s->opened > kMaxLifetime) {
                out += ": the stream reached its maximum lifetime; reconnect to go on\n\n";
                finished = true;
            }
            try {
                if (!out.empty()) {
                    s->response.append_chunk(std::move(out));
                    s->response.flush();
                    s->last_write = now;
                }
                if (finished) {
                    s->response.done();
                    s->finished = true;
                }
            } catch (...) {
                s->finished = true;  // the client went away
            }
        }
        std::erase_if(streams_, [](const auto& s) { return s->finished; });
    }
}

}  // namespace galley::http
