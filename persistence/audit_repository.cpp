#include "persistence/audit_repository.hpp"

#include <deque>

#include "persistence/detail/sql.hpp"

namespace galley::persistence {

namespace {
// A WHERE clause whose values are bound in the order they were added (":pN" placeholders).
class conditions {
public:
    void add(const std::string& sql_with_question_marks, std::initializer_list<long long> numbers,
             std::initializer_list<std::string> texts = {}) {
        // Every '?' takes the next number, then the next text, in the order written here.
        std::string clause;
        auto n = numbers.begin();
        auto t = texts.begin();
        for (char c : sql_with_question_marks) {
            if (c != '?') {
                clause += c;
                continue;
            }
            clause += ":p" + std::to_string(++count_);
            if (n != numbers.end()) {
                numbers_.push_back(*n++);
                order_.emplace_back(&numbers_.back(), nullptr);
            } else {
                texts_.push_back(*t++);
                order_.emplace_back(nullptr, &texts_.back());
            }
        }
        sql_ += " AND " + clause;
    }
    const std::string& sql() const { return sql_; }
    void bind(soci::statement& st) const {
        for (const auto& [number, text] : order_) {
            if (number) st.exchange(soci::use(*number));
            else st.exchange(soci::use(*text));
        }
    }

private:
    std::string sql_ = "1 = 1";
    std::deque<long long> numbers_;
    std::deque<std::string> texts_;
    std::vector<std::pair<const long long*, const std::string*>> order_;
    int count_ = 0;
};
}  // namespace

status audit_repository::record(const audit_entry& e) {
    return detail::with_session(db_, [&](soci::session& s) -> status {
        long long at = e.at;
        soci::indicator actor_ind = e.actor_id.empty() ? soci::i_null : soci::i_ok;
        s << "INSERT INTO audit_log(id, at, actor_id, action, target, request_id, client_address, details)"
             " VALUES(:id, :at, :actor, :action, :target, :rid, :addr, :details)",
            soci::use(e.id), soci::use(at), soci::use(e.actor_id, actor_ind), soci::use(e.action),
            soci::use(e.target), soci::use(e.request_id), soci::use(e.client_address), soci::use(e.details);
        return {};
    });
}

result<page<audit_entry>> audit_repository::list(const audit_filter& filter, int limit,
                                                 const std::optional<cursor_key>& after) {
    return detail::with_session(db_, [&](soci::session& s) -> result<page<audit_entry>> {
        conditions where;
        if (filter.actor_id) where.add("actor_id = ?", {}, {*filter.actor_id});
        if (filter.action) where.add("action = ?", {}, {*filter.action});
        if (filter.since) where.add("at >= ?", {*filter.since});
        if (filter.until) where.add("at < ?", {*filter.until});
        if (after) where.add("(at > ? OR (at = ? AND id > ?))", {after->created_at, after->created_at}, {after->id});
        page<audit_entry> out;
        audit_entry row;
        long long at = 0;
        soci::indicator actor_ind = soci::i_null;
        soci::statement st(s);
        where.bind(st);
        st.exchange(soci::into(row.id));
        st.exchange(soci::into(at));
        st.exchange(soci::into(row.actor_id, actor_ind));
        st.exchange(soci::into(row.action));
        st.exchange(soci::into(row.target));
        st.exchange(soci::into(row.request_id));
        st.exchange(soci::into(row.client_address));
        st.exchange(soci::into(row.details));
        st.alloc();
        st.prepare("SELECT id, at, actor_id, action, target, request_id, client_address, details FROM audit_log"
                   " WHERE " + where.sql() + " ORDER BY at, id LIMIT " + std::to_string(limit + 1));
        st.define_and_bind();
        bool more = false;
        if (st.execute(true)) {
            do {
                if (static_cast<int>(out.items.size()) == limit) {
                    more = true;
                    break;
                }
                row.at = at;
                if (actor_ind != soci::i_ok) row.actor_id.clear();
                out.items.push_back(row);
            } while (st.fetch());
        }
        if (more) out.next_cursor = encode_cursor({out.items.back().at, out.items.back().id});
        return out;
    });
}

result<int> audit_repository::prune(micros before, int limit) {
    return detail::with_session(db_, [&](soci::session& s) -> result<int> {
        long long cutoff = before;
        // Oldest first in bounded batches, so a backlog never holds a long write lock.
        soci::statement st = (s.prepare << "DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log"
                                           " WHERE at < :t ORDER BY at, id LIMIT " + std::to_string(limit) + ")",
                              soci::use(cutoff));
        st.execute(true);
        return static_cast<int>(detail::affected_rows(st));
    });
}

}  // namespace galley::persistence
