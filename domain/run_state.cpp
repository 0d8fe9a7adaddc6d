#include "domain/run_state.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace galley {

namespace {
constexpr std::array<std::string_view, 6> kDoc = {"queued", "running", "retrying", "succeeded", "failed", "cancelled"};
constexpr std::array<std::string_view, 7> kRun = {"queued", "running", "succeeded", "partial",
                                                  "failed", "cancelling", "cancelled"};
}  // namespace

std::string_view to_string(doc_status s) { return kDoc[static_cast<std::size_t>(s)]; }
std::string_view to_string(run_status s) { return kRun[static_cast<std::size_t>(s)]; }

std::optional<doc_status> parse_doc_status(std::string_view s) {
    for (std::size_t i = 0; i < kDoc.size(); ++i)
        if (kDoc[i] == s) return static_cast<doc_status>(i);
    return std::nullopt;
}

std::optional<run_status> parse_run_status(std::string_view s) {
    for (std::size_t i = 0; i < kRun.size(); ++i)
        if (kRun[i] == s) return static_cast<run_status>(i);
    return std::nullopt;
}

std::optional<doc_status> transition(doc_status s, doc_event e) {
    switch (s) {
        case doc_status::queued:
        case doc_status::retrying:
            switch (e) {
                case doc_event::claim: return doc_status::running;
                case doc_event::cancel: return doc_status::cancelled;
                default: return std::nullopt;
            }
        case doc_status::running:
            switch (e) {
                case doc_event::succeed: return doc_status::succeeded;
                case doc_event::fail_retry: return doc_status::retrying;
                case doc_event::fail_final: return doc_status::failed;
                case doc_event::cancel: return doc_status::cancelled;
                case doc_event::recover: return doc_status::queued;
                case doc_event::claim: return std::nullopt;
            }
            return std::nullopt;
        case doc_status::succeeded:
        case doc_status::failed:
        case doc_status::cancelled:
            return std::nullopt;
    }
    return std::nullopt;
}

bool is_terminal(doc_status s) {
    return s == doc_status::succeeded || s == doc_status::failed || s == doc_status::cancelled;
}

bool is_terminal(run_status s) {
    return s == run_status::succeeded || s == run_status::partial || s == run_status::failed ||
           s == run_status::cancelled;
}

run_status aggregate_run_status(const doc_counts& c, bool cancel_requested) {
    bool pending = c.queued + c.running + c.retrying > 0;
    if (cancel_requested) return c.running > 0 ? run_status::cancelling : run_status::cancelled;
    if (!pending) {
        if (c.total() == 0 || c.failed == 0) return run_status::succeeded;
        return c.succeeded == 0 ? run_status::failed : run_status::partial;
    }
    bool started = c.running + c.retrying + c.succeeded + c.failed > 0;
    return started ? run_status::running : run_status::queued;
}

micros retry_delay(int failed_attempts, double unit_random) {
    constexpr double kBase = 0.5, kCap = 30.0;
    int n = std::clamp(failed_attempts, 1, 30);
    double ceiling = std::min(kCap, kBase * std::pow(2.0, n - 1));
    double seconds = ceiling * std::clamp(unit_random, 0.0, 1.0);
    return static_cast<micros>(seconds * 1'000'000);
}

}  // namespace galley
