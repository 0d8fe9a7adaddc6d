#include "persistence/feature_flag_repository.hpp"

#include <cstdio>

#include "persistence/detail/sql.hpp"

namespace galley::persistence {

result<std::vector<flag_setting>> feature_flag_repository::all() {
    return detail::with_session(db_, [&](soci::session& s) -> result<std::vector<flag_setting>> {
        const std::size_t n = kMaxSettings + 1;
        std::vector<std::string> names(n), users(n), by(n);
        std::vector<int> enabled(n);
        std::vector<long long> at(n);
        s << "SELECT name, user_id, enabled, updated_at, updated_by FROM feature_flags ORDER BY name, user_id"
             " LIMIT " + std::to_string(n),
            soci::into(names), soci::into(users), soci::into(enabled), soci::into(at), soci::into(by);
        std::vector<flag_setting> out;
        for (std::size_t i = 0; i < names.size(); ++i) out.push_back({names[i], users[i], enabled[i] != 0, at[i], by[i]});
        return out;
    });
}

status feature_flag_repository::apply(const std::vector<flag_change>& changes, const std::string& updated_by,
                                      micros now) {
    const db_backend backend = db_.backend();
    return detail::with_session(db_, [&](soci::session& s) -> status {
        detail::write_transaction tx(s, backend);
        for (const flag_change& c : changes) {
            if (!c.user_id.empty()) {
                int found = 0;
                s << "SELECT COUNT(*) FROM users WHERE id = :u", soci::use(c.user_id), soci::into(found);
                if (found == 0) return make_error(errc::not_found, "no user has the id " + c.user_id);
            }
            if (!c.enabled) {
                s << "DELETE FROM feature_flags WHERE name = :n AND user_id = :u", soci::use(c.name),
                    soci::use(c.user_id);
                continue;
            }
            int on = *c.enabled ? 1 : 0;
            long long at = now;
            s << "INSERT INTO feature_flags(name, user_id, enabled, updated_at, updated_by) VALUES(:n, :u, :e, :t, :b)"
                 " ON CONFLICT(name, user_id) DO UPDATE SET enabled = excluded.enabled,"
                 " updated_at = excluded.updated_at, updated_by = excluded.updated_by",
                soci::use(c.name), soci::use(c.user_id), soci::use(on), soci::use(at), soci::use(updated_by);
        }
        int count = 0;
        s << "SELECT COUNT(*) FROM feature_flags", soci::into(count);
        if (count > kMaxSettings)
            return make_error(errc::invalid_argument,
                              "at most " + std::to_string(kMaxSettings) + " flag settings are kept", "flags");
        tx.commit();
        return {};
    });
}

feature_flag_cache::feature_flag_cache(database& db, std::chrono::milliseconds refresh, clock_fn clock)
    : repo_(db), refresh_(refresh), clock_(std::move(clock)), snapshot_(std::make_shared<flag_snapshot>()) {}

bool feature_flag_cache::enabled(std::string_view name, std::string_view user_id) {
    return current()->enabled(name, user_id);
}

void feature_flag_cache::invalidate() {
    std::lock_guard lock(mutex_);
    loaded_at_.reset();
}

std::shared_ptr<const flag_snapshot> feature_flag_cache::current() {
    const auto now = clock_();
    {
        std::lock_guard lock(mutex_);
        if (loaded_at_ && now - *loaded_at_ < refresh_) return snapshot_;
    }
    std::unique_lock reloading(reload_, std::try_to_lock);
    if (!reloading.owns_lock()) {
        // Another thread is reloading: use the copy we have, unless there has never been one.
        if (std::lock_guard lock(mutex_); loaded_at_) return snapshot_;
        reloading.lock();
    }
    {
        std::lock_guard lock(mutex_);
        if (loaded_at_ && now - *loaded_at_ < refresh_) return snapshot_;
    }
    auto rows = repo_.all();
    std::lock_guard lock(mutex_);
    if (!rows) {
        std::fprintf(stderr, "{\"level\":\"warn\",\"msg\":\"feature flags not reloaded\",\"cause\":\"%s\"}\n",
                     rows.err().message.c_str());
        loaded_at_ = now;  // try again after the interval, meanwhile the last good copy holds
        return snapshot_;
    }
    auto fresh = std::make_shared<flag_snapshot>();
    for (const auto& r : *rows) fresh->set(r.name, r.user_id, r.enabled);
    snapshot_ = std::move(fresh);
    loaded_at_ = now;
    return snapshot_;
}

}  // namespace galley::persistence
