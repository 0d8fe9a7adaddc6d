#include "persistence/job_log_repository.hpp"

#include "persistence/detail/review_rows.hpp"
#include "persistence/detail/sql.hpp"

namespace galley::persistence {

result<page<job_log_entry>> job_log_repository::list(const std::string& user_id, const std::string& run_id,
                                                     const std::optional<std::string>& document_id, int limit,
                                                     const std::optional<cursor_key>& after) {
    return detail::with_session(db_, [&](soci::session& s) -> result<page<job_log_entry>> {
        if (auto owned = detail::check_run_owner(s, user_id, run_id); !owned) return owned.err();
        const std::string doc = document_id.value_or(""), after_id = after ? after->id : std::string();
        long long after_at = after ? after->created_at : -1;
        const std::size_t n = static_cast<std::size_t>(limit) + 1;
        std::vector<std::string> ids(n), docs(n), events(n), nodes(n), details(n);
        std::vector<soci::indicator> node_inds(n);
        std::vector<long long> at(n);
        std::vector<int> attempts(n);
        s << "SELECT id, at, document_id, event, node_id, attempt, detail FROM job_log WHERE run_id = :r"
             " AND (:d = '' OR document_id = :d2) AND (at > :t OR (at = :t2 AND id > :i))"
             " ORDER BY at, id LIMIT " + std::to_string(n),
            soci::use(run_id), soci::use(doc), soci::use(doc), soci::use(after_at), soci::use(after_at),
            soci::use(after_id), soci::into(ids), soci::into(at), soci::into(docs), soci::into(events),
            soci::into(nodes, node_inds), soci::into(attempts), soci::into(details);
        page<job_log_entry> out;
        for (std::size_t i = 0; i < ids.size() && i < static_cast<std::size_t>(limit); ++i)
            out.items.push_back({ids[i], at[i], docs[i], events[i], node_inds[i] == soci::i_ok ? nodes[i] : "",
                                 attempts[i], details[i]});
        if (ids.size() > static_cast<std::size_t>(limit))
            out.next_cursor = encode_cursor({out.items.back().at, out.items.back().id});
        return out;
    });
}

}  // namespace galley::persistence
