#include "persistence/review_repository.hpp"

#include "persistence/detail/review_rows.hpp"
#include "persistence/detail/run_rows.hpp"
#include "persistence/detail/sql.hpp"
#include "persistence/detail/suggestion_rows.hpp"

namespace galley::persistence {

result<page<suggestion_record>> review_repository::list(
    const std::string& user_id, const std::string& run_id, const suggestion_filter& filter,
    int limit, const std::optional<suggestion_position>& after) {
    return detail::with_session(db_, [&](soci::session& s) -> result<page<suggestion_record>> {
        if (auto owned = detail::check_run_owner(s, user_id, run_id); !owned) return owned.err();
        auto where = detail::suggestion_where(run_id, filter);
        if (after) where.after(*after);
        auto rows = detail::select_suggestions(s, where, limit + 1);
        page<suggestion_record> pg;
        if (static_cast<int>(rows.size()) > limit) {
            rows.resize(limit);
            pg.next_cursor = encode_suggestion_cursor(detail::position_of(rows.back()));
        }
        for (auto& r : rows) pg.items.push_back(std::move(r.record));
        return pg;
    });
}

result<std::vector<suggestion_record>> review_repository::document_suggestions(
    const std::string& user_id, const std::string& run_id, const std::string& document_id) {
    return detail::with_session(
        db_, [&](soci::session& s) -> result<std::vector<suggestion_record>> {
            if (auto owned = detail::check_run_owner(s, user_id, run_id); !owned)
                return owned.err();
            suggestion_filter f;
            f.document_id = document_id;
            auto where = detail::suggestion_where(run_id, f);
            std::vector<suggestion_record> out;
            while (true) {
                auto rows = detail::select_suggestions(s, where, 5000);
                if (rows.empty()) break;
                auto next = detail::position_of(rows.back());
                for (auto& r : rows) out.push_back(std::move(r.record));
                if (rows.size() < 5000) break;
                where = detail::suggestion_where(run_id, f);
                where.after(next);
            }
            return out;
        });
}

result<page<review_batch>> review_repository::history(const std::string& user_id,
                                                      const std::string& run_id, int limit,
                                                      const std::optional<cursor_key>& after) {
    return detail::with_session(db_, [&](soci::session& s) -> result<page<review_batch>> {
        if (auto owned = detail::check_run_owner(s, user_id, run_id); !owned) return owned.err();
        auto batches = detail::select_batches(s, run_id, limit + 1, after);
        page<review_batch> pg;
        if (static_cast<int>(batches.size()) > limit) {
            batches.resize(limit);
            pg.next_cursor = encode_cursor({batches.back().at, batches.back().id});
        }
        for (auto& b : batches) detail::load_changes(s, b, kMaxChangesShown);
        pg.items = std::move(batches);
        return pg;
    });
}

result<int> review_repository::next_final_version(const std::string& user_id,
                                                  const std::string& run_id) {
    return detail::with_session(db_, [&](soci::session& s) -> result<int> {
        if (auto owned = detail::check_run_owner(s, user_id, run_id); !owned) return owned.err();
        int version = 0;
        soci::indicator ind = soci::i_null;
        s << "SELECT MAX(version) FROM exports WHERE run_id = :r AND kind IN ('final_docx', "
             "'final_txt')",
            soci::use(run_id), soci::into(version, ind);
        return (ind == soci::i_ok ? version : 0) + 1;
    });
}

status review_repository::add_final_exports(const std::string& user_id, const std::string& run_id,
                                            const std::vector<export_record>& exports) {
    const db_backend backend = db_.backend();
    return detail::with_session(db_, [&](soci::session& s) -> status {
        detail::write_transaction tx(s, backend);
        if (auto owned = detail::check_run_owner(s, user_id, run_id); !owned) return owned;
        for (const auto& e : exports)
            detail::insert_export(s, e);  // unique (run, document, kind, version)
        tx.commit();
        return {};
    });
}

}  // namespace galley::persistence
