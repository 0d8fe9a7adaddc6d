#pragma once
// Internal to persistence/: the few queries every request runs (authentication, /users/me),
// kept prepared per pooled session and executed again with new values. SQLite spends most of a
// small query's time preparing it, PostgreSQL parsing and planning it; a kept statement skips
// both (on PostgreSQL it is a named server-side statement). Kept statements are dropped before
// their session re-opens (database::prepare_session) and after any failure, and are always run to
// completion so they never hold a read transaction between calls.
//
// A query type Q owns the variables its statement binds:
//   struct Q { static std::string sql(); void bind(soci::statement&); ...members };
// `bind` exchanges use()/into() on its members; values are set before and read after each run.
#include <soci/soci.h>

#include <memory>
#include <type_traits>
#include <utility>

#include "persistence/detail/sql.hpp"

namespace galley::persistence::detail {

template <class Q>
struct prepared_query final : kept_statement {
    Q q;
    soci::statement st;
    explicit prepared_query(soci::session& s) : st(s) {
        q.bind(st);
        st.alloc();
        st.prepare(Q::sql(), soci::details::st_repeatable_query);
        st.define_and_bind();
    }
};

/// Runs Q: `set(Q&)` fills its parameters, then `read(Q&, bool got_data)` makes the result.
/// Database failures become typed errors as in with_session.
template <class Q, class Set, class Read>
auto run_prepared(database& db, Set&& set, Read&& read) -> std::invoke_result_t<Read, Q&, bool> {
    static const char key = 0;  // one address per query type
    pooled_session ps(db);
    if (!ps.leased()) return make_error(errc::unavailable, "the database is busy");
    kept_statements& kept = db.kept(ps.pos());
    try {
        db.prepare_session(ps.pos());
        prepared_query<Q>* query = nullptr;
        for (auto& [k, stmt] : kept)
            if (k == &key) query = static_cast<prepared_query<Q>*>(stmt.get());
        if (!query) {
            auto made = std::make_unique<prepared_query<Q>>(ps.get());
            query = made.get();
            kept.emplace_back(&key, std::move(made));
        }
        set(query->q);
        query->st.execute(true);
        auto out = read(query->q, query->st.got_data());
        // Step to the end: an SQLite statement left on its row keeps its read transaction (and its
        // snapshot) open, and the next write on this session would fail at once with
        // SQLITE_BUSY_SNAPSHOT once another session has committed.
        while (query->st.fetch()) {
        }
        return out;
    } catch (const std::exception& e) {
        std::erase_if(kept, [](const auto& entry) { return entry.first == &key; });  // prepare afresh
        return map_exception(e, db.still_connected(ps.pos()));
    }
}

}  // namespace galley::persistence::detail
