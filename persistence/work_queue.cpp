#include "persistence/work_queue.hpp"

#include <cstdio>

#include "domain/fair_share.hpp"
#include "persistence/detail/job_log.hpp"
#include "persistence/detail/webhook_outbox.hpp"
#include "persistence/detail/run_rows.hpp"
#include "persistence/detail/sql.hpp"
#include "persistence/detail/suggestion_rows.hpp"

namespace galley::persistence {

namespace {
// Crashes of its process while a document ran alone before it is failed as poison.
constexpr int kIsolatedCrashes = 2;

// Ready for an ordinary claim; quarantined documents are claimed only by an idle node.
constexpr const char* kReady = "status IN ('queued', 'retrying') AND quarantined = 0";

// Loads the candidates for fair share: users with ready documents, their plan and virtual time.
std::vector<fair_share_candidate> ready_users(soci::session& s, micros now, const plan_table& plans,
                                              std::vector<std::string>& plan_names) {
    const std::size_t batch = 128;
    std::vector<std::string> users(batch), user_plans(batch);
    std::vector<long long> oldest(batch);
    std::vector<double> vts(batch);
    long long at = now;
    soci::statement st =
        // Grouped before the joins: one look-up per user, not per ready document.
        (s.prepare << std::string("SELECT r.user_id, r.oldest, u.plan, COALESCE(f.virtual_time, 0) FROM"
                                  " (SELECT user_id, MIN(enqueued_at) AS oldest FROM run_documents WHERE ") +
                          kReady + " AND next_attempt_at <= :now GROUP BY user_id) r"
                                   " JOIN users u ON u.id = r.user_id LEFT JOIN fair_share f ON f.user_id = r.user_id",
         soci::use(at), soci::into(users), soci::into(oldest), soci::into(user_plans), soci::into(vts));
    std::vector<fair_share_candidate> out;
    st.execute();
    while (st.fetch()) {
        for (std::size_t i = 0; i < users.size(); ++i) {
            const plan& p = plans.find_or_free(user_plans[i]);
            out.push_back({users[i], vts[i], 0, p.max_concurrent, p.weight, oldest[i]});
            plan_names.push_back(user_plans[i]);
        }
        users.resize(batch);
        user_plans.resize(batch);
        oldest.resize(batch);
        vts.resize(batch);
    }
    if (out.empty()) return out;
    std::vector<std::string> running_users(batch);
    std::vector<int> counts(batch);
    soci::statement rs = (s.prepare << "SELECT user_id, COUNT(*) FROM run_documents WHERE status = 'running'"
                                       " GROUP BY user_id",
                          soci::into(running_users), soci::into(counts));
    rs.execute();
    while (rs.fetch()) {
        for (std::size_t i = 0; i < running_users.size(); ++i)
            for (auto& c : out)
                if (c.user_id == running_users[i]) c.running = counts[i];
        running_users.resize(batch);
        counts.resize(batch);
    }
    return out;
}

// Checks the fencing token under a row lock: ok only while `c` still holds the running claim.
status check_fence(soci::session& s, db_backend backend, const claimed_document& c) {
    long long epoch = -1;
    std::string st;
    s << std::string("SELECT claim_epoch, status FROM run_documents WHERE run_id = :r AND document_id = :d") +
             (backend == db_backend::postgresql ? " FOR UPDATE" : ""),
        soci::use(c.run_id), soci::use(c.document_id), soci::into(epoch), soci::into(st);
    if (!s.got_data() || epoch != c.claim_epoch || st != "running")
        return make_error(errc::conflict, "the claim was fenced out by a newer one");
    return {};
}

// A cancelling run with nothing running any more is cancelled (and raises its webhook event).
void settle_cancelled_run(soci::session& s, const std::string& run_id, long long now) {
    soci::statement st = (s.prepare << "UPDATE runs SET status = 'cancelled', finished_at = :t WHERE id = :r"
                                       " AND cancel_requested = 1 AND status <> 'cancelled' AND NOT EXISTS"
                                       " (SELECT 1 FROM run_documents WHERE run_id = :r2"
                                       " AND status IN ('queued', 'running', 'retrying'))",
                          soci::use(now), soci::use(run_id), soci::use(run_id));
    st.execute(true);
    if (detail::affected_rows(st) == 1) detail::enqueue_run_event(s, run_id, now);
}

bool cancel_requested_in(soci::session& s, const std::string& run_id) {
    int cancel = 0;
    s << "SELECT cancel_requested FROM runs WHERE id = :r", soci::use(run_id), soci::into(cancel);
    return cancel != 0;
}
}  // namespace

result<std::optional<claimed_document>> work_queue::claim_next(const std::string& lease_owner, micros lease_until) {
    const db_backend backend = db_.backend();
    return detail::with_session(db_, [&](soci::session& s) -> result<std::optional<claimed_document>> {
        detail::write_transaction tx(s, backend);
        detail::lock_queue(s, backend);
        long long now = now_micros();
        claimed_document c;
        c.lease_owner = lease_owner;
        double virtual_time = 0, weight = 1;
        // Poison isolation: a document recovered from a dead process runs alone on its node, so a
        // crash during it is its own; while it runs, this node claims nothing else.
        int mine = 0, mine_quarantined = 0;
        s << "SELECT COUNT(*), COALESCE(SUM(quarantined), 0) FROM run_documents WHERE status = 'running'"
             " AND lease_owner = :o",
            soci::use(lease_owner), soci::into(mine), soci::into(mine_quarantined);
        if (mine_quarantined > 0) return std::optional<claimed_document>();
        int isolated = 0;
        if (mine == 0) {
            s << std::string("SELECT rd.run_id, rd.document_id, rd.claim_epoch, rd.attempts, rd.user_id, u.plan,"
                             " COALESCE(f.virtual_time, 0) FROM run_documents rd JOIN users u ON u.id = rd.user_id"
                             " LEFT JOIN fair_share f ON f.user_id = rd.user_id WHERE rd.quarantined = 1"
                             " AND rd.status IN ('queued', 'retrying') AND rd.next_attempt_at <= :now"
                             " ORDER BY rd.enqueued_at, rd.run_id, rd.position LIMIT 1") +
                     (backend == db_backend::postgresql ? " FOR UPDATE OF rd SKIP LOCKED" : ""),
                soci::use(now), soci::into(c.run_id), soci::into(c.document_id), soci::into(c.claim_epoch),
                soci::into(c.attempts), soci::into(c.user_id), soci::into(c.plan), soci::into(virtual_time);
            if (s.got_data()) {
                isolated = 1;
                weight = plans_.find_or_free(c.plan).weight;
            }
        }
        if (!isolated) {
            std::vector<std::string> plan_names;
            auto candidates = ready_users(s, now, plans_, plan_names);
            auto pick = pick_next(candidates);
            if (!pick) return std::optional<claimed_document>();
            const fair_share_candidate& who = candidates[*pick];
            c.user_id = who.user_id;
            c.plan = plan_names[*pick];
            virtual_time = who.virtual_time;
            weight = who.weight;
            // "+ 0" keeps SQLite's planner on the user's own rows (run_documents_user_ready)
            // instead of a range over every user's ready documents.
            s << std::string("SELECT run_id, document_id, claim_epoch, attempts FROM run_documents WHERE user_id = :u AND ") +
                     kReady + " AND next_attempt_at + 0 <= :now ORDER BY enqueued_at, run_id, position LIMIT 1" +
                     (backend == db_backend::postgresql ? " FOR UPDATE SKIP LOCKED" : ""),
                soci::use(c.user_id), soci::use(now), soci::into(c.run_id), soci::into(c.document_id),
                soci::into(c.claim_epoch), soci::into(c.attempts);
            if (!s.got_data()) return std::optional<claimed_document>();
        }
        c.claim_epoch += 1;
        c.attempts += 1;
        long long until = lease_until;
        s << "UPDATE run_documents SET status = 'running', lease_owner = :o, lease_until = :l, claim_epoch = :e,"
             " attempts = :a, isolated = :i, started_at = COALESCE(started_at, :t) WHERE run_id = :r AND document_id = :d",
            soci::use(lease_owner), soci::use(until), soci::use(c.claim_epoch), soci::use(c.attempts),
            soci::use(isolated), soci::use(now), soci::use(c.run_id), soci::use(c.document_id);
        double vt = advance_virtual_time(virtual_time, 1.0, weight);
        s << "INSERT INTO fair_share(user_id, virtual_time) VALUES(:u, :v) ON CONFLICT(user_id) DO UPDATE"
             " SET virtual_time = excluded.virtual_time",
            soci::use(c.user_id), soci::use(vt);
        s << "UPDATE runs SET status = 'running', started_at = COALESCE(started_at, :t) WHERE id = :r AND status = 'queued'",
            soci::use(now), soci::use(c.run_id);
        detail::append_job_log(s, c.run_id, c.document_id, now, "claimed", lease_owner, c.attempts, "");
        // A microsecond later, so the log orders the claim before the attempt it starts.
        detail::append_job_log(s, c.run_id, c.document_id, now + 1, "started", lease_owner, c.attempts,
                               "attempt " + std::to_string(c.attempts) +
                                   (isolated ? ", alone on its node (its last node died while correcting it)" : ""));
        long long chars = 0;
        s << "SELECT d.project_id, d.filename, d.format, d.sha256, r.options, d.char_count FROM run_documents rd"
             " JOIN documents d ON d.id = rd.document_id JOIN runs r ON r.id = rd.run_id"
             " WHERE rd.run_id = :r AND rd.document_id = :d",
            soci::use(c.run_id), soci::use(c.document_id), soci::into(c.project_id), soci::into(c.filename),
            soci::into(c.format), soci::into(c.sha256), soci::into(c.options_json), soci::into(chars);
        c.chars = chars;
        tx.commit();
        return std::optional<claimed_document>(std::move(c));
    });
}

status work_queue::renew(const claimed_document& c, const std::string& lease_owner, micros lease_until) {
    return detail::with_session(db_, [&](soci::session& s) -> status {
        long long until = lease_until;
        soci::statement st = (s.prepare << "UPDATE run_documents SET lease_until = :l WHERE run_id = :r"
                                           " AND document_id = :d AND claim_epoch = :e AND status = 'running'"
                                           " AND lease_owner = :o",
                              soci::use(until), soci::use(c.run_id), soci::use(c.document_id),
                              soci::use(c.claim_epoch), soci::use(lease_owner));
        st.execute(true);
        if (detail::affected_rows(st) != 1) return make_error(errc::conflict, "the lease was lost");
        return {};
    });
}

status work_queue::commit_success(const claimed_document& c, const std::vector<export_record>& exports,
                                  std::int64_t chars, const std::vector<suggestion_record>& suggestions) {
    const db_backend backend = db_.backend();
    return detail::with_session(db_, [&](soci::session& s) -> status {
        detail::write_transaction tx(s, backend);
        if (auto f = check_fence(s, backend, c); !f) return f;
        if (hold_commit_) hold_commit_(c);
        for (const auto& e : exports) detail::insert_export(s, e);
        int position = 0;
        s << "SELECT position FROM run_documents WHERE run_id = :r AND document_id = :d", soci::use(c.run_id),
            soci::use(c.document_id), soci::into(position);
        detail::insert_suggestions(s, c.run_id, position, suggestions);
        long long now = now_micros(), n = chars;
        long long started = now;
        s << "SELECT COALESCE(started_at, :t) FROM run_documents WHERE run_id = :r AND document_id = :d",
            soci::use(now), soci::use(c.run_id), soci::use(c.document_id), soci::into(started);
        s << "UPDATE run_documents SET status = 'succeeded', chars = :c, finished_at = :t, lease_owner = NULL,"
             " lease_until = NULL, last_error = NULL WHERE run_id = :r AND document_id = :d",
            soci::use(n), soci::use(now), soci::use(c.run_id), soci::use(c.document_id);
        char seconds[32];
        std::snprintf(seconds, sizeof seconds, "%.3f", static_cast<double>(now - started) / 1e6);
        detail::append_job_log(s, c.run_id, c.document_id, now, "succeeded", c.lease_owner, c.attempts,
                               std::to_string(suggestions.size()) + " suggestions, " + std::to_string(chars) +
                                   " characters, " + std::to_string(exports.size()) + " exports, " + seconds +
                                   " s since it first started");
        std::string period = month_period(now);
        s << "INSERT INTO usage_monthly(user_id, period, chars_used) VALUES(:u, :p, :c) ON CONFLICT(user_id, period)"
             " DO UPDATE SET chars_used = usage_monthly.chars_used + excluded.chars_used",
            soci::use(c.user_id), soci::use(period), soci::use(n);
        settle_cancelled_run(s, c.run_id, now);
        tx.commit();
        return {};
    });
}

status work_queue::commit_failure(const claimed_document& c, const std::string& error, std::optional<micros> retry_at) {
    const db_backend backend = db_.backend();
    return detail::with_session(db_, [&](soci::session& s) -> status {
        detail::write_transaction tx(s, backend);
        if (auto f = check_fence(s, backend, c); !f) return f;
        long long now = now_micros();
        std::string message = error.substr(0, 1000);
        if (cancel_requested_in(s, c.run_id)) {
            s << "UPDATE run_documents SET status = 'cancelled', finished_at = :t, lease_owner = NULL, last_error = :m"
                 " WHERE run_id = :r AND document_id = :d",
                soci::use(now), soci::use(message), soci::use(c.run_id), soci::use(c.document_id);
            detail::append_job_log(s, c.run_id, c.document_id, now, "cancelled", c.lease_owner, c.attempts, message);
        } else if (retry_at) {
            long long at = *retry_at;
            s << "UPDATE run_documents SET status = 'retrying', next_attempt_at = :n, last_error = :m,"
                 " lease_owner = NULL, lease_until = NULL WHERE run_id = :r AND document_id = :d",
                soci::use(at), soci::use(message), soci::use(c.run_id), soci::use(c.document_id);
            detail::append_job_log(s, c.run_id, c.document_id, now, "retried", c.lease_owner, c.attempts,
                                   message + " (next attempt at " + to_rfc3339(at) + ")");
        } else {
            s << "UPDATE run_documents SET status = 'failed', finished_at = :t, last_error = :m, lease_owner = NULL,"
                 " lease_until = NULL WHERE run_id = :r AND document_id = :d",
                soci::use(now), soci::use(message), soci::use(c.run_id), soci::use(c.document_id);
            detail::append_job_log(s, c.run_id, c.document_id, now, "failed", c.lease_owner, c.attempts, message);
        }
        settle_cancelled_run(s, c.run_id, now);
        tx.commit();
        return {};
    });
}

status work_queue::commit_cancelled(const claimed_document& c) {
    const db_backend backend = db_.backend();
    return detail::with_session(db_, [&](soci::session& s) -> status {
        detail::write_transaction tx(s, backend);
        if (auto f = check_fence(s, backend, c); !f) return f;
        long long now = now_micros();
        s << "UPDATE run_documents SET status = 'cancelled', finished_at = :t, lease_owner = NULL, lease_until = NULL"
             " WHERE run_id = :r AND document_id = :d",
            soci::use(now), soci::use(c.run_id), soci::use(c.document_id);
        detail::append_job_log(s, c.run_id, c.document_id, now, "cancelled", c.lease_owner, c.attempts,
                               "stopped at a checkpoint");
        settle_cancelled_run(s, c.run_id, now);
        tx.commit();
        return {};
    });
}

status work_queue::release(const claimed_document& c) {
    const db_backend backend = db_.backend();
    return detail::with_session(db_, [&](soci::session& s) -> status {
        detail::write_transaction tx(s, backend);
        if (auto f = check_fence(s, backend, c); !f) return f;
        long long now = now_micros();
        s << "UPDATE run_documents SET status = 'queued', attempts = attempts - 1, next_attempt_at = :t,"
             " lease_owner = NULL, lease_until = NULL WHERE run_id = :r AND document_id = :d",
            soci::use(now), soci::use(c.run_id), soci::use(c.document_id);
        detail::append_job_log(s, c.run_id, c.document_id, now, "queued", c.lease_owner, c.attempts - 1,
                               "given back by a node shutting down");
        tx.commit();
        return {};
    });
}

result<bool> work_queue::cancel_requested(const std::string& run_id) {
    return detail::with_session(db_, [&](soci::session& s) -> result<bool> { return cancel_requested_in(s, run_id); });
}

result<recovery_report> work_queue::recover_expired(micros now, const std::string& own_owner) {
    const db_backend backend = db_.backend();
    return detail::with_session(db_, [&](soci::session& s) -> result<recovery_report> {
        detail::write_transaction tx(s, backend);
        detail::lock_queue(s, backend);
        long long at = now;
        const std::size_t batch = 256;
        std::vector<std::string> runs(batch), docs(batch), users(batch), user_plans(batch), owners(batch);
        std::vector<int> recoveries(batch), cancels(batch), attempts(batch), isolated(batch);
        std::vector<long long> epochs(batch);
        std::vector<soci::indicator> owner_inds(batch);
        struct orphan {
            std::string run, doc, user, plan;
            int recoveries;
            int cancel;
            long long epoch;
            std::string owner;
            int attempts;
            int isolated;
        };
        std::vector<orphan> orphans;
        soci::statement st = (s.prepare << "SELECT rd.run_id, rd.document_id, rd.user_id, u.plan, rd.recoveries,"
                                           " r.cancel_requested, rd.claim_epoch, rd.lease_owner, rd.attempts, rd.isolated"
                                           " FROM run_documents rd"
                                           " JOIN runs r ON r.id = rd.run_id JOIN users u ON u.id = rd.user_id"
                                           " WHERE rd.status = 'running' AND rd.lease_until < :now"
                                           " AND (rd.lease_owner IS NULL OR rd.lease_owner <> :me)" +
                                           // Never wait on a row under the global lock: a row a
                                           // stalled commit holds is recovered on a later pass.
                                           std::string(backend == db_backend::postgresql
                                                           ? " FOR UPDATE OF rd SKIP LOCKED" : ""),
                              soci::use(at), soci::use(own_owner), soci::into(runs), soci::into(docs), soci::into(users),
                              soci::into(user_plans), soci::into(recoveries), soci::into(cancels), soci::into(epochs),
                              soci::into(owners, owner_inds), soci::into(attempts), soci::into(isolated));
        st.execute();
        while (st.fetch()) {
            for (std::size_t i = 0; i < runs.size(); ++i)
                orphans.push_back({runs[i], docs[i], users[i], user_plans[i], recoveries[i], cancels[i], epochs[i],
                                   owner_inds[i] == soci::i_ok ? owners[i] : std::string(), attempts[i], isolated[i]});
            runs.resize(batch);
            docs.resize(batch);
            users.resize(batch);
            user_plans.resize(batch);
            recoveries.resize(batch);
            cancels.resize(batch);
            epochs.resize(batch);
            owners.resize(batch);
            owner_inds.resize(batch);
            attempts.resize(batch);
            isolated.resize(batch);
        }
        recovery_report report;
        for (const auto& o : orphans) {
            if (o.cancel) {
                s << "UPDATE run_documents SET status = 'cancelled', finished_at = :t, lease_owner = NULL,"
                     " lease_until = NULL WHERE run_id = :r AND document_id = :d AND claim_epoch = :e AND status = 'running'",
                    soci::use(at), soci::use(o.run), soci::use(o.doc), soci::use(o.epoch);
                detail::append_job_log(s, o.run, o.doc, at, "cancelled", o.owner, o.attempts,
                                       "its node stopped while the run was being cancelled");
                ++report.cancelled;
            } else if (o.isolated && o.recoveries + 1 >= kIsolatedCrashes) {
                // Only crashes while it ran alone count: a neighbour's crash is not its fault.
                std::string error = "correcting this document kills its worker process (" +
                                    std::to_string(kIsolatedCrashes) + " crashes while it ran alone)";
                s << "UPDATE run_documents SET status = 'failed', finished_at = :t, last_error = :m,"
                     " recoveries = recoveries + 1, lease_owner = NULL, lease_until = NULL"
                     " WHERE run_id = :r AND document_id = :d AND claim_epoch = :e AND status = 'running'",
                    soci::use(at), soci::use(error), soci::use(o.run), soci::use(o.doc), soci::use(o.epoch);
                detail::append_job_log(s, o.run, o.doc, at, "failed", o.owner, o.attempts, error);
                ++report.failed;
            } else {
                // The dead owner's try was not a failed attempt: give it back, and give back the
                // fair-share service its claim charged, so the user is not served later for it.
                soci::statement requeue =
                    (s.prepare << "UPDATE run_documents SET status = 'queued', attempts = attempts - 1,"
                                  " recoveries = recoveries + :i, quarantined = 1, next_attempt_at = :t,"
                                  " lease_owner = NULL, lease_until = NULL WHERE run_id = :r AND document_id = :d"
                                  " AND claim_epoch = :e AND status = 'running'",
                     soci::use(o.isolated), soci::use(at), soci::use(o.run), soci::use(o.doc), soci::use(o.epoch));
                requeue.execute(true);
                if (detail::affected_rows(requeue) == 1) {
                    detail::append_job_log(s, o.run, o.doc, at, "recovered", o.owner, o.attempts - 1,
                                           o.isolated ? "its node died while it ran alone (lease expired); queued "
                                                        "again to run alone"
                                                      : "its node stopped holding it (lease expired); queued again "
                                                        "to run alone on a node");
                    double charged = advance_virtual_time(0.0, 1.0, plans_.find_or_free(o.plan).weight);
                    s << "UPDATE fair_share SET virtual_time = virtual_time - :c WHERE user_id = :u",
                        soci::use(charged), soci::use(o.user);
                    ++report.requeued;
                }
            }
            settle_cancelled_run(s, o.run, at);
        }
        tx.commit();
        return report;
    });
}

result<std::vector<std::string>> work_queue::runs_ready_to_finish() {
    return detail::with_session(db_, [&](soci::session& s) -> result<std::vector<std::string>> {
        std::vector<std::string> ids(512);
        s << "SELECT r.id FROM runs r WHERE r.status IN ('queued', 'running', 'cancelling') AND NOT EXISTS"
             " (SELECT 1 FROM run_documents rd WHERE rd.run_id = r.id AND rd.status IN ('queued', 'running', 'retrying'))"
             " ORDER BY r.created_at LIMIT 512",
            soci::into(ids);
        return ids;
    });
}

status work_queue::finish_run(const std::string& run_id, const std::vector<export_record>& exports) {
    const db_backend backend = db_.backend();
    return detail::with_session(db_, [&](soci::session& s) -> status {
        detail::write_transaction tx(s, backend);
        detail::lock_queue(s, backend);
        auto run = detail::load_run(s, run_id, nullptr);
        if (!run) return run.err();
        std::string stored;
        s << "SELECT status FROM runs WHERE id = :r", soci::use(run_id), soci::into(stored);
        if (is_terminal(parse_run_status(stored).value_or(run_status::queued))) return {};
        if (run->counts.queued + run->counts.running + run->counts.retrying > 0)
            return make_error(errc::conflict, "the run still has unfinished documents");
        run_status final_status = aggregate_run_status(run->counts, run->cancel_requested);
        if (final_status != run_status::cancelled)
            for (const auto& e : exports) detail::insert_export(s, e);
        std::string text(to_string(final_status));
        long long now = now_micros();
        s << "UPDATE runs SET status = :s, finished_at = :t WHERE id = :r", soci::use(text), soci::use(now),
            soci::use(run_id);
        detail::enqueue_run_event(s, run_id, now);
        tx.commit();
        return {};
    });
}

result<std::vector<std::pair<std::string, std::int64_t>>> work_queue::queued_by_plan() {
    return detail::with_session(db_, [&](soci::session& s) -> result<std::vector<std::pair<std::string, std::int64_t>>> {
        std::vector<std::string> plans(64);
        std::vector<long long> counts(64);
        s << "SELECT u.plan, COUNT(*) FROM run_documents rd JOIN users u ON u.id = rd.user_id"
             " WHERE rd.status IN ('queued', 'retrying') GROUP BY u.plan",
            soci::into(plans), soci::into(counts);
        std::vector<std::pair<std::string, std::int64_t>> out;
        for (std::size_t i = 0; i < plans.size(); ++i) out.emplace_back(plans[i], counts[i]);
        return out;
    });
}

}  // namespace galley::persistence
