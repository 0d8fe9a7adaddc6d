#include "domain/plans.hpp"

namespace galley {

plan_table plan_table::defaults() {
    plan_table t;
    (void)t.set({"guest", 1, 1, 2, 20'000, 2, 30, 4, 20, 50, 20, 4});
    (void)t.set({"free", 1, 2, 10, 500'000, 10, 120, 4, 1024, 5000, 1000, 4});
    (void)t.set({"pro", 4, 8, 200, 20'000'000, 50, 1200, 4, 10240, 100'000, 10'000, 4});
    return t;
}

bool is_valid_plan_name(std::string_view name) {
    if (name.empty() || name.size() > 32) return false;
    for (char c : name) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        if (!ok) return false;
    }
    return true;
}

status plan_table::set(plan p) {
    auto bad = [&](const char* field, const char* why) {
        return make_error(errc::invalid_argument, "plan '" + p.name + "': " + field + " " + why,
                          p.name + "." + field);
    };
    if (!is_valid_plan_name(p.name))
        return make_error(errc::invalid_argument, "plan name must match [a-z0-9_-]{1,32}", "name");
    if (p.weight < 1 || p.weight > 1000) return bad("weight", "must be between 1 and 1000");
    if (p.max_concurrent < 0) return bad("max_concurrent", "must be >= 0");
    if (p.max_docs_per_run < 0) return bad("max_docs_per_run", "must be >= 0");
    if (p.chars_per_month < 0) return bad("chars_per_month", "must be >= 0");
    if (p.max_upload_mb < 0 || p.max_upload_mb > 4096) return bad("max_upload_mb", "must be 0..4096");
    if (p.requests_per_minute < 0) return bad("requests_per_minute", "must be >= 0");
    if (p.max_attempts < 0 || p.max_attempts > 100) return bad("max_attempts", "must be 0..100");
    if (p.max_stored_mb < 0 || p.max_stored_mb > 1'000'000'000) return bad("max_stored_mb", "must be 0..10^9");
    if (p.max_documents < 0) return bad("max_documents", "must be >= 0");
    if (p.max_queued_docs < 0) return bad("max_queued_docs", "must be >= 0");
    if (p.max_event_streams < 0 || p.max_event_streams > 1000) return bad("max_event_streams", "must be 0..1000");
    plans_[p.name] = std::move(p);
    return {};
}

const plan* plan_table::find(std::string_view name) const {
    auto it = plans_.find(name);
    return it == plans_.end() ? nullptr : &it->second;
}

const plan& plan_table::find_or_free(std::string_view name) const {
    if (const plan* p = find(name)) return *p;
    if (const plan* p = find("free")) return *p;
    return plans_.begin()->second;
}

std::int64_t plan_table::largest_upload_bytes() const {
    std::int64_t largest = 0;
    for (const auto& [_, p] : plans_) {
        if (p.max_upload_mb == 0) return 0;
        largest = std::max(largest, p.max_upload_bytes());
    }
    return largest;
}

}  // namespace galley
