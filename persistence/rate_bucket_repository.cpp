#include "persistence/rate_bucket_repository.hpp"

#include "persistence/detail/sql.hpp"

namespace galley::persistence {

namespace {
// Every parameter appears once: the inserted row (`excluded`) carries capacity, rate, the
// database's now and the wanted count into the conflict branch, which refills the existing
// bucket up to now, grants what it holds up to `wanted`, and keeps the rest.
constexpr const char* kLease =
    "INSERT INTO rate_buckets AS b (key, capacity, per_us, tokens, refilled_at, last_grant)"
    " VALUES (:k, :cap, :rate, :fresh, (EXTRACT(EPOCH FROM clock_timestamp()) * 1000000)::BIGINT, :want)"
    " ON CONFLICT (key) DO UPDATE SET"
    " last_grant = LEAST(excluded.last_grant, FLOOR(LEAST(excluded.capacity,"
    "   b.tokens + GREATEST(excluded.refilled_at - b.refilled_at, 0) * excluded.per_us))),"
    " tokens = LEAST(excluded.capacity, b.tokens + GREATEST(excluded.refilled_at - b.refilled_at, 0) * excluded.per_us)"
    "   - LEAST(excluded.last_grant, FLOOR(LEAST(excluded.capacity,"
    "   b.tokens + GREATEST(excluded.refilled_at - b.refilled_at, 0) * excluded.per_us))),"
    " refilled_at = GREATEST(b.refilled_at, excluded.refilled_at),"
    " capacity = excluded.capacity, per_us = excluded.per_us"
    " RETURNING last_grant, tokens";
}  // namespace

bool rate_bucket_repository::shared() const { return db_.backend() == db_backend::postgresql; }

result<token_lease> rate_bucket_repository::lease(const std::string& key, double capacity, double per_minute,
                                                  int wanted) {
    if (!shared()) return make_error(errc::unavailable, "rate buckets are shared only on PostgreSQL");
    return detail::with_session(db_, [&](soci::session& s) -> result<token_lease> {
        double cap = capacity, rate = per_minute / 60e6, want = wanted, fresh = capacity - wanted, granted = 0;
        token_lease out;
        s << kLease, soci::use(key), soci::use(cap), soci::use(rate), soci::use(fresh), soci::use(want),
            soci::into(granted), soci::into(out.remaining);
        out.granted = static_cast<int>(granted);
        return out;
    });
}

result<int> rate_bucket_repository::prune_idle(int idle_seconds) {
    if (!shared()) return 0;
    return detail::with_session(db_, [&](soci::session& s) -> result<int> {
        long long idle_us = static_cast<long long>(idle_seconds) * 1'000'000;
        soci::statement st = (s.prepare << "DELETE FROM rate_buckets WHERE refilled_at <"
                                           " (EXTRACT(EPOCH FROM clock_timestamp()) * 1000000)::BIGINT - :idle",
                              soci::use(idle_us));
        st.execute(true);
        return static_cast<int>(detail::affected_rows(st));
    });
}

}  // namespace galley::persistence
