#include "persistence/run_repository.hpp"

#include <algorithm>

#include <set>

#include "domain/ids.hpp"
#include "persistence/detail/job_log.hpp"
#include "persistence/detail/webhook_outbox.hpp"
#include "persistence/detail/run_rows.hpp"
#include "persistence/detail/sql.hpp"

namespace galley::persistence {

namespace {
struct candidate_document {
    std::string id;
    long long chars = 0;
};

// The project's documents (all, or the requested ones), owner-checked.
result<std::vector<candidate_document>> pick_documents(soci::session& s, const std::string& user_id,
                                                       const std::string& project_id,
                                                       const std::vector<std::string>& wanted) {
    int owned = 0;
    s << "SELECT COUNT(*) FROM projects WHERE id = :p AND user_id = :u", soci::use(project_id),
        soci::use(user_id), soci::into(owned);
    if (owned == 0) return make_error(errc::not_found, "project not found");
    std::vector<candidate_document> all;
    const std::size_t batch = 256;
    std::vector<std::string> ids(batch);
    std::vector<long long> chars(batch);
    soci::statement st = (s.prepare << "SELECT id, char_count FROM documents WHERE project_id = :p"
                                       " ORDER BY created_at, id",
                          soci::use(project_id), soci::into(ids), soci::into(chars));
    st.execute();
    while (st.fetch()) {
        for (std::size_t i = 0; i < ids.size(); ++i) all.push_back({ids[i], chars[i]});
        ids.resize(batch);
        chars.resize(batch);
    }
    if (wanted.empty()) return all;
    std::vector<candidate_document> out;
    std::set<std::string> seen;
    for (const auto& id : wanted) {
        if (!seen.insert(id).second) continue;
        auto it = std::find_if(all.begin(), all.end(), [&](const auto& d) { return d.id == id; });
        if (it == all.end()) return make_error(errc::not_found, "document not found in this project");
        out.push_back(*it);
    }
    return out;
}

long long pending_chars(soci::session& s, const std::string& user_id) {
    long long pending = 0;
    soci::indicator ind = soci::i_null;
    s << "SELECT SUM(d.char_count) FROM run_documents rd JOIN documents d ON d.id = rd.document_id"
         " WHERE rd.user_id = :u AND rd.status IN ('queued', 'running', 'retrying')",
        soci::use(user_id), soci::into(pending, ind);
    return ind == soci::i_ok ? pending : 0;
}
}  // namespace

result<run_record> run_repository::create(const std::string& user_id, const std::string& project_id,
                                          const std::vector<std::string>& document_ids,
                                          const run_options& options, const run_admission& admission) {
    const db_backend backend = db_.backend();
    return detail::with_session(db_, [&](soci::session& s) -> result<run_record> {
        detail::write_transaction tx(s, backend);
        detail::lock_queue(s, backend);
        auto docs = pick_documents(s, user_id, project_id, document_ids);
        if (!docs) return docs.err();
        if (docs->empty())
            return make_error(errc::invalid_argument, "the run has no documents", "document_ids");
        const plan& tier = *admission.tier;
        if (tier.max_docs_per_run > 0 && static_cast<int>(docs->size()) > tier.max_docs_per_run)
            return make_error(errc::quota_exceeded, "your plan allows " + std::to_string(tier.max_docs_per_run) +
                                                        " documents per run");
        micros now = now_micros();
        if (tier.chars_per_month > 0) {
            long long used = 0;
            soci::indicator ind = soci::i_null;
            std::string period = month_period(now);
            s << "SELECT chars_used FROM usage_monthly WHERE user_id = :u AND period = :p", soci::use(user_id),
                soci::use(period), soci::into(used, ind);
            long long wanted = 0;
            for (const auto& d : *docs) wanted += d.chars;
            if ((ind == soci::i_ok ? used : 0) + pending_chars(s, user_id) + wanted > tier.chars_per_month)
                return make_error(errc::quota_exceeded, "this run would exceed your plan's monthly character budget");
        }
        const long long wanted_docs = static_cast<long long>(docs->size());
        long long mine_queued = 0;
        s << "SELECT COUNT(*) FROM run_documents WHERE user_id = :u AND status IN ('queued', 'retrying')",
            soci::use(user_id), soci::into(mine_queued);
        if (tier.max_queued_docs > 0 && mine_queued + wanted_docs > tier.max_queued_docs)
            return make_error(errc::quota_exceeded, "your plan allows " + std::to_string(tier.max_queued_docs) +
                                                        " queued documents; wait for your runs to progress");
        // No single user holds more than half of the node-wide queue, so one account cannot lock
        // everyone else out.
        if (mine_queued + wanted_docs > std::max<long long>(1, admission.max_queued / 2))
            return make_error(errc::over_capacity, "you hold half of the queue already; retry when your runs progress");
        long long queued = 0;
        s << "SELECT COUNT(*) FROM run_documents WHERE status IN ('queued', 'retrying')", soci::into(queued);
        if (queued + wanted_docs > admission.max_queued)
            return make_error(errc::over_capacity, "the queue is full; retry shortly");

        // A user who had nothing pending re-enters fair share at the floor, not with banked credit.
        int pending = 0;
        s << "SELECT COUNT(*) FROM run_documents WHERE user_id = :u AND status IN ('queued', 'running', 'retrying')",
            soci::use(user_id), soci::into(pending);
        if (pending == 0) {
            double floor = 0;
            soci::indicator ind = soci::i_null;
            s << "SELECT MIN(f.virtual_time) FROM fair_share f WHERE f.user_id IN (SELECT DISTINCT user_id FROM"
                 " run_documents WHERE status IN ('queued', 'running', 'retrying'))",
                soci::into(floor, ind);
            if (ind != soci::i_ok) floor = 0;
            s << "INSERT INTO fair_share(user_id, virtual_time) VALUES(:u, :v) ON CONFLICT(user_id) DO UPDATE"
                 " SET virtual_time = CASE WHEN fair_share.virtual_time < excluded.virtual_time"
                 " THEN excluded.virtual_time ELSE fair_share.virtual_time END",
                soci::use(user_id), soci::use(floor);
        }

        std::string run_id = new_uuid(), options_text = to_json_text(options), status = "queued";
        long long created = now;
        s << "INSERT INTO runs(id, project_id, user_id, status, options, created_at)"
             " VALUES(:id, :p, :u, :s, :o, :c)",
            soci::use(run_id), soci::use(project_id), soci::use(user_id), soci::use(status),
            soci::use(options_text), soci::use(created);
        for (std::size_t i = 0; i < docs->size(); ++i) {
            int position = static_cast<int>(i);
            s << "INSERT INTO run_documents(run_id, document_id, user_id, position, status, enqueued_at,"
                 " next_attempt_at) VALUES(:r, :d, :u, :p, 'queued', :e, :n)",
                soci::use(run_id), soci::use((*docs)[i].id), soci::use(user_id), soci::use(position),
                soci::use(created), soci::use(created);
            detail::append_job_log(s, run_id, (*docs)[i].id, created, "queued", {}, 0, "in run position " + std::to_string(i + 1));
        }
        auto run = detail::load_run(s, run_id, &user_id);
        tx.commit();
        return run;
    });
}

result<run_record> run_repository::get(const std::string& user_id, const std::string& run_id) {
    return detail::with_session(db_, [&](soci::session& s) { return detail::load_run(s, run_id, &user_id); });
}

result<run_record> run_repository::get_any(const std::string& run_id) {
    return detail::with_session(db_, [&](soci::session& s) { return detail::load_run(s, run_id, nullptr); });
}

result<page<run_record>> run_repository::list(const std::string& user_id, const std::string& project_id,
                                              int limit, const std::optional<cursor_key>& after) {
    return detail::with_session(db_, [&](soci::session& s) -> result<page<run_record>> {
        int owned = 0;
        s << "SELECT COUNT(*) FROM projects WHERE id = :p AND user_id = :u", soci::use(project_id),
            soci::use(user_id), soci::into(owned);
        if (owned == 0) return make_error(errc::not_found, "project not found");
        std::string after_id = after ? after->id : std::string();
        long long after_ts = after ? after->created_at : -1;
        std::size_t n = static_cast<std::size_t>(limit) + 1;
        std::vector<std::string> ids(n);
        std::vector<long long> created(n);
        s << "SELECT id, created_at FROM runs WHERE project_id = :p AND user_id = :u"
             " AND (created_at > :t OR (created_at = :t2 AND id > :i)) ORDER BY created_at, id LIMIT " +
                 std::to_string(n),
            soci::use(project_id), soci::use(user_id), soci::use(after_ts), soci::use(after_ts),
            soci::use(after_id), soci::into(ids), soci::into(created);
        page<run_record> out;
        for (std::size_t i = 0; i < ids.size() && i < static_cast<std::size_t>(limit); ++i) {
            auto r = detail::load_run(s, ids[i], &user_id);
            if (!r) return r.err();
            out.items.push_back(std::move(*r));
        }
        if (ids.size() > static_cast<std::size_t>(limit))
            out.next_cursor = encode_cursor({out.items.back().created_at, out.items.back().id});
        return out;
    });
}

result<run_record> run_repository::request_cancel(const std::string& user_id, const std::string& run_id) {
    const db_backend backend = db_.backend();
    return detail::with_session(db_, [&](soci::session& s) -> result<run_record> {
        detail::write_transaction tx(s, backend);
        detail::lock_queue(s, backend);
        auto run = detail::load_run(s, run_id, &user_id);
        if (!run) return run.err();
        if (is_terminal(run->status) || run->cancel_requested)
            return make_error(errc::conflict, "the run has already finished or is being cancelled");
        long long now = now_micros();
        s << "UPDATE runs SET cancel_requested = 1 WHERE id = :r", soci::use(run_id);
        detail::append_job_log_for_status(s, run_id, "('queued', 'retrying')", now, "cancelled",
                                          "the run was cancelled before this document started");
        s << "UPDATE run_documents SET status = 'cancelled', finished_at = :t, lease_owner = NULL"
             " WHERE run_id = :r AND status IN ('queued', 'retrying')",
            soci::use(now), soci::use(run_id);
        int running = 0;
        s << "SELECT COUNT(*) FROM run_documents WHERE run_id = :r AND status = 'running'", soci::use(run_id),
            soci::into(running);
        std::string status = running > 0 ? "cancelling" : "cancelled";
        if (running > 0)
            s << "UPDATE runs SET status = :s WHERE id = :r", soci::use(status), soci::use(run_id);
        else
            s << "UPDATE runs SET status = :s, finished_at = :t WHERE id = :r", soci::use(status), soci::use(now),
                soci::use(run_id);
        detail::enqueue_run_event(s, run_id, now);
        auto after = detail::load_run(s, run_id, &user_id);
        tx.commit();
        return after;
    });
}

result<std::vector<export_record>> run_repository::exports(const std::string& user_id, const std::string& run_id) {
    return detail::with_session(db_, [&](soci::session& s) -> result<std::vector<export_record>> {
        int owned = 0;
        s << "SELECT COUNT(*) FROM runs WHERE id = :r AND user_id = :u", soci::use(run_id), soci::use(user_id),
            soci::into(owned);
        if (owned == 0) return make_error(errc::not_found, "run not found");
        return detail::load_exports(s, run_id);
    });
}

result<export_record> run_repository::find_export(const std::string& user_id, const std::string& run_id,
                                                  const std::string& export_id) {
    auto all = exports(user_id, run_id);
    if (!all) return all.err();
    for (auto& e : *all)
        if (e.id == export_id) return e;
    return make_error(errc::not_found, "export not found");
}

result<export_record> run_repository::run_export(const std::string& user_id, const std::string& run_id,
                                                 const std::string& kind) {
    auto all = exports(user_id, run_id);
    if (!all) return all.err();
    const export_record* best = nullptr;
    for (const auto& e : *all)
        if (e.document_id.empty() && e.kind == kind && (!best || e.version > best->version)) best = &e;
    if (!best) return make_error(errc::not_found, "the run has not produced its " + kind + " yet");
    return *best;
}

result<int> run_repository::running_documents(const std::string& user_id) {
    return detail::with_session(db_, [&](soci::session& s) -> result<int> {
        int n = 0;
        s << "SELECT COUNT(*) FROM run_documents WHERE user_id = :u AND status = 'running'", soci::use(user_id),
            soci::into(n);
        return n;
    });
}

}  // namespace galley::persistence
