#include "persistence/detail/review_rows.hpp"

namespace galley::persistence::detail {

status check_run_owner(soci::session& s, const std::string& user_id, const std::string& run_id) {
    int n = 0;
    s << "SELECT COUNT(*) FROM runs WHERE id = :r AND user_id = :u", soci::use(run_id),
        soci::use(user_id), soci::into(n);
    if (n == 0) return make_error(errc::not_found, "run not found");
    return {};
}

std::optional<std::string> run_document_status(soci::session& s, const std::string& run_id,
                                               const std::string& document_id) {
    std::string status;
    s << "SELECT status FROM run_documents WHERE run_id = :r AND document_id = :d",
        soci::use(run_id), soci::use(document_id), soci::into(status);
    if (!s.got_data()) return std::nullopt;
    return status;
}

std::vector<review_batch> select_batches(soci::session& s, const std::string& run_id, int limit,
                                         const std::optional<cursor_key>& after) {
    std::vector<review_batch> out;
    review_batch b;
    long long at = 0, after_at = after ? after->created_at : -1;
    std::string after_id = after ? after->id : std::string();
    soci::indicator filter_ind = soci::i_null;
    soci::statement st =
        (s.prepare << "SELECT id, user_id, kind, filter_json, decision_count, created_at FROM "
                      "review_batches"
                      " WHERE run_id = :r AND (created_at > :a OR (created_at = :a2 AND id > :i))"
                      " ORDER BY created_at, id LIMIT " +
                          std::to_string(limit),
         soci::use(run_id), soci::use(after_at), soci::use(after_at), soci::use(after_id),
         soci::into(b.id), soci::into(b.user_id), soci::into(b.kind),
         soci::into(b.filter_json, filter_ind), soci::into(b.count), soci::into(at));
    st.execute();
    while (st.fetch()) {
        b.at = at;
        if (filter_ind != soci::i_ok) b.filter_json.clear();
        out.push_back(b);
    }
    return out;
}

void load_changes(soci::session& s, review_batch& b, int max) {
    const std::size_t n = static_cast<std::size_t>(max) + 1;
    std::vector<std::string> ids(n), decisions(n), replacements(n), previous(n);
    std::vector<soci::indicator> repl_ind(n);
    s << "SELECT suggestion_id, decision, replacement, previous_state FROM review_decisions"
         " WHERE batch_id = :b ORDER BY seq LIMIT " +
             std::to_string(n),
        soci::use(b.id), soci::into(ids), soci::into(decisions), soci::into(replacements, repl_ind),
        soci::into(previous);
    b.truncated = ids.size() > static_cast<std::size_t>(max);
    b.changes.clear();
    for (std::size_t i = 0; i < ids.size() && i < static_cast<std::size_t>(max); ++i) {
        review_change c;
        c.suggestion_id = ids[i];
        c.decision = parse_review_state(decisions[i]).value_or(review_state::pending);
        if (repl_ind[i] == soci::i_ok) c.replacement = replacements[i];
        c.previous = parse_review_state(previous[i]).value_or(review_state::pending);
        b.changes.push_back(std::move(c));
    }
}

void insert_batch(soci::session& s, const std::string& run_id, const review_batch& b) {
    long long at = b.at;
    soci::indicator filter_ind = b.filter_json.empty() ? soci::i_null : soci::i_ok;
    s << "INSERT INTO review_batches(id, run_id, user_id, kind, filter_json, decision_count, "
         "created_at)"
         " VALUES(:i, :r, :u, :k, :f, :n, :t)",
        soci::use(b.id), soci::use(run_id), soci::use(b.user_id), soci::use(b.kind),
        soci::use(b.filter_json, filter_ind), soci::use(b.count), soci::use(at);
}

}  // namespace galley::persistence::detail
