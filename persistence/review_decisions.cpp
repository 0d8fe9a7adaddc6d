// review_repository::decide and decide_bulk: one transaction each, a batch row only when
// something changed (so repeating a decision is not a second history entry).
#include <map>

#include "domain/ids.hpp"
#include "persistence/detail/review_rows.hpp"
#include "persistence/detail/sql.hpp"
#include "persistence/detail/suggestion_rows.hpp"
#include "persistence/review_repository.hpp"

namespace galley::persistence {

namespace {
bool finished_badly(const std::string& doc_status) {
    return doc_status == "failed" || doc_status == "cancelled";
}

error document_gone() {
    return make_error(errc::conflict, "the suggestion's document was cancelled or failed");
}

struct current_state {
    review_state state = review_state::pending;
    std::optional<std::string> edited;
};

// The stored state of one suggestion; not_found / conflict per decide's contract.
result<current_state> load_state(soci::session& s, const std::string& run_id,
                                 const std::string& id) {
    std::string state, edited, doc_status;
    soci::indicator edited_ind = soci::i_null;
    s << "SELECT s.state, s.edited_replacement, rd.status FROM suggestions s JOIN run_documents rd"
         " ON rd.run_id = s.run_id AND rd.document_id = s.document_id WHERE s.run_id = :r AND s.id "
         "= :i",
        soci::use(run_id), soci::use(id), soci::into(state), soci::into(edited, edited_ind),
        soci::into(doc_status);
    if (!s.got_data())
        return make_error(errc::not_found, "suggestion " + id + " is not in this run");
    if (finished_badly(doc_status)) return document_gone();
    current_state c;
    c.state = parse_review_state(state).value_or(review_state::pending);
    if (edited_ind == soci::i_ok) c.edited = edited;
    return c;
}

void apply_change(soci::session& s, const std::string& run_id, const std::string& batch_id,
                  const review_change& c, int seq) {
    std::string decision(review_state_name(c.decision)), previous(review_state_name(c.previous));
    std::string repl = c.replacement.value_or("");
    soci::indicator ind = c.replacement ? soci::i_ok : soci::i_null;
    s << "INSERT INTO review_decisions(batch_id, suggestion_id, decision, replacement, "
         "previous_state, seq)"
         " VALUES(:b, :s, :d, :r, :p, :q)",
        soci::use(batch_id), soci::use(c.suggestion_id), soci::use(decision), soci::use(repl, ind),
        soci::use(previous), soci::use(seq);
    std::string repl2 = repl;
    soci::indicator ind2 = ind;
    s << "UPDATE suggestions SET state = :d, edited_replacement = :e WHERE run_id = :r AND id = :i",
        soci::use(decision), soci::use(repl2, ind2), soci::use(run_id), soci::use(c.suggestion_id);
}
}  // namespace

result<int> review_repository::decide(const std::string& user_id, const std::string& run_id,
                                      const std::vector<review_decision>& decisions,
                                      const std::string& decided_by) {
    const db_backend backend = db_.backend();
    return detail::with_session(db_, [&](soci::session& s) -> result<int> {
        detail::write_transaction tx(s, backend);
        if (auto owned = detail::check_run_owner(s, user_id, run_id); !owned) return owned.err();
        std::map<std::string, std::size_t> last;  // id -> index of its winning entry
        for (std::size_t i = 0; i < decisions.size(); ++i) last[decisions[i].suggestion_id] = i;
        std::vector<review_change> changes;
        for (std::size_t i = 0; i < decisions.size(); ++i) {
            const review_decision& d = decisions[i];
            if (!is_suggestion_id(d.suggestion_id))
                return make_error(errc::not_found,
                                  "suggestion " + d.suggestion_id + " is not in this run");
            auto now = load_state(s, run_id, d.suggestion_id);
            if (!now) return now.err();
            if (last[d.suggestion_id] != i) continue;
            std::optional<std::string> edited =
                d.decision == review_state::accepted ? d.replacement : std::nullopt;
            if (now->state == d.decision && now->edited == edited) continue;
            changes.push_back({d.suggestion_id, d.decision, edited, now->state});
        }
        if (changes.empty()) return 0;
        review_batch b;
        b.id = new_uuid();
        b.user_id = decided_by.empty() ? user_id : decided_by;
        b.kind = "single";
        b.count = static_cast<int>(changes.size());
        b.at = now_micros();
        detail::insert_batch(s, run_id, b);
        for (std::size_t i = 0; i < changes.size(); ++i)
            apply_change(s, run_id, b.id, changes[i], static_cast<int>(i));
        tx.commit();
        return b.count;
    });
}

result<int> review_repository::decide_bulk(const std::string& user_id, const std::string& run_id,
                                           const suggestion_filter& filter, review_state decision,
                                           const std::string& filter_json,
                                           const std::string& decided_by) {
    const db_backend backend = db_.backend();
    return detail::with_session(db_, [&](soci::session& s) -> result<int> {
        detail::write_transaction tx(s, backend);
        if (auto owned = detail::check_run_owner(s, user_id, run_id); !owned) return owned.err();
        if (filter.document_id) {
            auto status = detail::run_document_status(s, run_id, *filter.document_id);
            if (!status) return make_error(errc::not_found, "document not found in this run");
            if (finished_badly(*status)) return document_gone();
        }
        const std::string target(review_state_name(decision));
        auto where = detail::suggestion_where(run_id, filter);
        where.text("(s.state <> ? OR s.edited_replacement IS NOT NULL)", target);
        int count = 0;
        {
            soci::statement st(s);
            where.bind(st);
            st.exchange(soci::into(count));
            st.alloc();
            st.prepare("SELECT COUNT(*) FROM suggestions s WHERE " + where.sql());
            st.define_and_bind();
            st.execute(true);
        }
        if (count == 0) return 0;
        review_batch b;
        b.id = new_uuid();
        b.user_id = decided_by.empty() ? user_id : decided_by;
        b.kind = "bulk";
        b.filter_json = filter_json;
        b.count = count;
        b.at = now_micros();
        detail::insert_batch(s, run_id, b);
        std::string batch_id = b.id, decided = target;
        {
            soci::statement st(s);
            st.exchange(soci::use(batch_id));
            st.exchange(soci::use(decided));
            where.bind(st);
            st.alloc();
            // Positional binding follows the text: :b and :d come before `where`'s values.
            st.prepare(
                "INSERT INTO review_decisions(batch_id, suggestion_id, decision, replacement,"
                " previous_state, seq) SELECT :b, s.id, :d, NULL, s.state, ROW_NUMBER() OVER "
                "(ORDER BY"
                " s.doc_position, s.story, s.paragraph, s.char_offset, s.id) FROM suggestions s "
                "WHERE " +
                where.sql());
            st.define_and_bind();
            st.execute(true);
        }
        {
            // Positional binding follows the placeholders' order in the text: :d, :r, then `where`.
            std::string run = run_id;
            soci::statement st(s);
            st.exchange(soci::use(decided));
            st.exchange(soci::use(run));
            where.bind(st);
            st.alloc();
            st.prepare(
                "UPDATE suggestions SET state = :d, edited_replacement = NULL WHERE run_id = :r "
                "AND id IN"
                " (SELECT s.id FROM suggestions s WHERE " +
                where.sql() + ")");
            st.define_and_bind();
            st.execute(true);
        }
        tx.commit();
        return count;
    });
}

}  // namespace galley::persistence
