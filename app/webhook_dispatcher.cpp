#include "app/webhook_dispatcher.hpp"

#include <cstdio>
#include <future>
#include <random>

#include "domain/ids.hpp"
#include "domain/user_settings.hpp"
#include "http/resource_json.hpp"
#include "http/webhook_sender.hpp"
#include "persistence/run_repository.hpp"
#include "persistence/user_repository.hpp"
#include "persistence/webhook_repository.hpp"

namespace galley::app {

namespace {
constexpr int kBatch = 16;
constexpr micros kLease = 60'000'000;  // well past the sender's 10 s deadline
constexpr micros kKeepFinished = 30LL * 24 * 3600 * 1'000'000;

double jitter() {
    thread_local std::mt19937_64 rng{std::random_device{}()};
    return std::uniform_real_distribution<double>(0.0, 1.0)(rng);
}

// The event's bytes: fixed at the first attempt, so every retry carries the same body.
result<std::string> event_body(persistence::database& db, const persistence::webhook_event& e) {
    if (!e.body.empty()) return e.body;
    auto run = persistence::run_repository(db).get_any(e.run_id);
    if (!run) return run.err();
    return nlohmann::json{{"id", e.id}, {"type", e.type}, {"created_at", to_rfc3339(e.created_at)},
                          {"data", http::run_json(*run)}}
        .dump();
}

// Where the event goes now: the owner's current webhook_url and secret.
result<std::pair<std::string, std::string>> destination(persistence::database& db, const std::string& user_id) {
    auto secret = persistence::webhook_repository(db).secret(user_id);
    if (!secret) return secret.err();
    if (!*secret) return make_error(errc::not_found, "the webhook secret is gone");
    auto text = persistence::user_repository(db).settings(user_id);
    if (!text) return text.err();
    auto settings = text->empty() ? result<user_settings>(user_settings{}) : parse_user_settings(*text);
    if (!settings || !settings->webhook_url) return make_error(errc::not_found, "no webhook_url is set");
    return std::pair{*settings->webhook_url, **secret};
}

void attempt(persistence::database& db, const webhook_options& options, const persistence::webhook_event& e) {
    persistence::webhook_delivery d{new_uuid(), e.id, e.type, e.attempts + 1, 0, "", 0};
    std::string body;
    auto bytes = event_body(db, e);
    auto where = destination(db, e.user_id);
    if (!bytes) {
        d.error = "the run is gone: " + bytes.err().message;
    } else if (!where) {
        body = *bytes;
        d.error = where.err().message;
    } else {
        body = *bytes;
        const auto timestamp = now_micros() / 1'000'000;
        http::webhook_post post{where->first, body,
                                {{"Galley-Event-Id", e.id},
                                 {"Galley-Timestamp", std::to_string(timestamp)},
                                 {"Galley-Signature", webhook_signature(where->second, timestamp, body)}}};
        auto answer = http::send_webhook(post, {options.allow_private, std::chrono::seconds(10)});
        d.status_code = answer.status_code;
        d.error = answer.error;
    }
    d.at = now_micros();
    persistence::attempt_outcome next;
    next.delivered = d.error.empty();
    // A missing run or destination will not come back by waiting: give up at once.
    if (!next.delivered && bytes && where)
        next.retry_at = next_webhook_attempt(options.retry, e.created_at, d.attempt, d.at, jitter());
    if (auto s = persistence::webhook_repository(db).record_attempt(e, body, d, next); !s)
        std::fprintf(stderr, "{\"level\":\"warn\",\"msg\":\"webhook attempt not recorded\",\"event\":\"%s\",\"cause\":\"%s\"}\n",
                     e.id.c_str(), s.err().message.c_str());
}
}  // namespace

int webhook_dispatcher::deliver_due(persistence::database& db, const webhook_options& options, micros now) {
    persistence::webhook_repository outbox(db);
    int attempts = 0;
    while (true) {
        auto due = outbox.claim_due(now, kLease, kBatch);
        if (!due) {
            std::fprintf(stderr, "{\"level\":\"warn\",\"msg\":\"webhook outbox unreadable\",\"cause\":\"%s\"}\n",
                         due.err().message.c_str());
            return attempts;
        }
        std::vector<std::future<void>> sending;
        for (const auto& e : *due)
            sending.push_back(std::async(std::launch::async, [&db, &options, e] { attempt(db, options, e); }));
        for (auto& f : sending) f.get();
        attempts += static_cast<int>(due->size());
        if (due->size() < static_cast<std::size_t>(kBatch)) return attempts;
    }
}

webhook_dispatcher::webhook_dispatcher(persistence::database& db, webhook_options options)
    : sender_(std::chrono::seconds(1), [&db, options] { deliver_due(db, options, now_micros()); }),
      pruner_(std::chrono::hours(1), [&db] {
          (void)persistence::webhook_repository(db).prune(now_micros() - kKeepFinished);
      }) {}

}  // namespace galley::app
