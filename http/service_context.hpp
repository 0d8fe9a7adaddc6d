#pragma once
// Everything a handler may use, built once by app/ and shared by all handler threads.
// Each member is thread-safe; handlers hold no other state.
#include <cstdint>
#include <memory>
#include <string>

#include "domain/auth/jwt.hpp"
#include "domain/plans.hpp"
#include "actors/runtime.hpp"
#include "http/metrics.hpp"
#include "http/client_address.hpp"
#include "http/cors.hpp"
#include "http/login_throttle.hpp"
#include "http/malware_scanner.hpp"
#include "http/rate_limiter.hpp"
#include "persistence/account_admin_repository.hpp"
#include "persistence/audit_repository.hpp"
#include "persistence/blob_store.hpp"
#include "persistence/database.hpp"
#include "persistence/dictionary_repository.hpp"
#include "persistence/member_repository.hpp"
#include "persistence/document_repository.hpp"
#include "persistence/feature_flag_repository.hpp"
#include "persistence/node_repository.hpp"
#include "persistence/project_repository.hpp"
#include "persistence/rate_bucket_repository.hpp"
#include "persistence/refresh_token_repository.hpp"
#include "persistence/review_repository.hpp"
#include "persistence/run_repository.hpp"
#include "persistence/user_repository.hpp"

namespace galley::http {

struct service_context {
    service_context(persistence::database& db, persistence::blob_store& blobs,
                    const plan_table& plans, const auth::key_ring& keys)
        : db(db), blobs(blobs), plans(plans), keys(keys), users(db), refresh_tokens(db),
          projects(db), members(db), documents(db), runs(db), reviews(db), dictionaries(db), nodes(db), audit_log(db), accounts(db), rate_buckets(db), flags(db) {}

    persistence::database& db;
    persistence::blob_store& blobs;
    const plan_table& plans;
    const auth::key_ring& keys;
    persistence::user_repository users;
    persistence::refresh_token_repository refresh_tokens;
    persistence::project_repository projects;
    persistence::member_repository members;
    persistence::document_repository documents;
    persistence::run_repository runs;
    persistence::review_repository reviews;
    persistence::dictionary_repository dictionaries;
    persistence::node_repository nodes;
    persistence::audit_repository audit_log;
    persistence::account_admin_repository accounts;
    persistence::rate_bucket_repository rate_buckets;  // the cluster's request-rate buckets (PostgreSQL)
    persistence::feature_flag_cache flags;  // read per request; sees other nodes' changes within 2 s
    actors::runtime* runtime = nullptr;  // set by app/ before the server starts
    http_metrics metrics;
    rate_limiter limiter;
    login_throttle sign_in_failures;
    std::vector<cidr> trusted_proxies;  // --trusted-proxy: whose X-Forwarded-For is believed
    cors_policy cors;                   // --cors-origins: which other origins' pages may call the API
    malware_scanner scanner;            // GALLEY_CLAMAV_SOCKET: clamd scans every upload before it is stored
    int auth_per_minute = 30;  // per client address on sign-in routes (GALLEY_AUTH_PER_MINUTE)

    micros access_token_ttl = 15ll * 60 * 1'000'000;
    micros refresh_token_ttl = 30ll * 24 * 3600 * 1'000'000;
    micros guest_ttl = 24ll * 3600 * 1'000'000;  // GALLEY_GUEST_TTL_HOURS
};

}  // namespace galley::http
