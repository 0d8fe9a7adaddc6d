#include "persistence/work_queue.hpp"

#include <cstdio>
#include <map>
#include <set>

#include "domain/fair_share.hpp"
#include "persistence/detail/group_commit.hpp"
#include "persistence/detail/job_log.hpp"
#include "persistence/detail/webhook_outbox.hpp"
#include "persistence/detail/run_rows.hpp"
#include "persistence/detail/sql.hpp"
#include "persistence/detail/suggestion_rows.hpp"

namespace galley::persistence {

namespace {
// Crashes of its process while a document ran alone before it is failed as poison.
constexpr int kIsolatedCrashes = 2;

// The fencing decision on a row read under its lock: ok only while `c` still holds the running
// claim.
status fence(bool found, long long epoch, const std::string& stored_status, const claimed_document& c) {
    if (!found || epoch != c.claim_epoch || stored_status != "running")
        return make_error(errc::conflict, "the claim was fenced out by a newer one");
    return {};
}

// Checks the fencing token under a row lock.
status check_fence(soci::session& s, db_backend backend, const claimed_document& c) {
    long long epoch = -1;
    std::string st;
    s << std::string("SELECT claim_epoch, status FROM run_documents WHERE run_id = :r AND document_id = :d") +
             (backend == db_backend::postgresql ? " FOR UPDATE" : ""),
        soci::use(c.run_id), soci::use(c.document_id), soci::into(epoch), soci::into(st);
    return fence(s.got_data(), epoch, st, c);
}

// A cancelling run with nothing running any more is cancelled (and raises its webhook event).
void settle_cancelled_run(soci::session& s, const std::string& run_id, long long now) {
    // Most runs are not being cancelled: one look-up by key spares them the scan of their documents.
    int cancelling = 0;
    s << "SELECT cancel_requested FROM runs WHERE id = :r", soci::use(run_id), soci::into(cancelling);
    if (!cancelling) return;
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

work_queue::work_queue(database& db, const plan_table& plans)
    : db_(db), plans_(plans), successes_(std::make_unique<detail::group_commit<document_success>>()) {}

work_queue::~work_queue() = default;

status work_queue::commit_success(const claimed_document& c, const std::vector<export_record>& exports,
                                  std::int64_t chars, const std::vector<suggestion_record>& suggestions) {
    return successes_->commit(document_success{c, exports, chars, suggestions},
                              [this](std::span<const document_success> group) { return commit_successes(group); });
}

std::vector<status> work_queue::commit_successes(std::span<const document_success> group) {
    std::vector<status> results(group.size());
    auto together = commit_together(group, results);
    if (together || group.size() == 1) {
        if (!together) results.front() = together;
        return results;
    }
    // One item broke the shared transaction (nothing of it was written): each alone, so only that
    // item fails.
    for (std::size_t i = 0; i < group.size(); ++i) {
        std::vector<status> one(1);
        auto alone = commit_together(group.subspan(i, 1), one);
        results[i] = alone ? std::move(one.front()) : alone;
    }
    return results;
}

status work_queue::commit_together(std::span<const document_success> group, std::vector<status>& results) {
    const db_backend backend = db_.backend();
    return detail::with_session(db_, [&](soci::session& s) -> status {
        detail::write_transaction tx(s, backend);
        long long now = now_micros();
        std::string run_id, document_id, stored_status;
        long long epoch = -1, started = now, n = 0;
        int position = 0;
        soci::statement read_row =
            (s.prepare << std::string("SELECT claim_epoch, status, position, COALESCE(started_at, :t) FROM run_documents"
                                      " WHERE run_id = :r AND document_id = :d") +
                              (backend == db_backend::postgresql ? " FOR UPDATE" : ""),
             soci::use(now), soci::use(run_id), soci::use(document_id), soci::into(epoch), soci::into(stored_status),
             soci::into(position), soci::into(started));
        soci::statement finish = (s.prepare << "UPDATE run_documents SET status = 'succeeded', chars = :c,"
                                               " finished_at = :t, lease_owner = NULL, lease_until = NULL,"
                                               " last_error = NULL WHERE run_id = :r AND document_id = :d",
                                  soci::use(n), soci::use(now), soci::use(run_id), soci::use(document_id));
        detail::job_log_appender log(s);
        std::map<std::string, long long> charged;  // user → characters
        std::set<std::string> runs;
        for (std::size_t i = 0; i < group.size(); ++i) {
            const document_success& item = group[i];
            const claimed_document& c = item.claim;
            run_id = c.run_id;
            document_id = c.document_id;
            epoch = -1;
            read_row.execute(true);
            if (auto held = fence(read_row.got_data(), epoch, stored_status, c); !held) {
                results[i] = held;
                continue;
            }
            if (hold_commit_) hold_commit_(c);
            for (const auto& e : item.exports) detail::insert_export(s, e);
            detail::insert_suggestions(s, c.run_id, position, item.suggestions);
            n = item.chars;
            finish.execute(true);
            char seconds[32];
            std::snprintf(seconds, sizeof seconds, "%.3f", static_cast<double>(now - started) / 1e6);
            log.append(c.run_id, c.document_id, now, "succeeded", c.lease_owner, c.attempts,
                       std::to_string(item.suggestions.size()) + " suggestions, " + std::to_string(item.chars) +
                           " characters, " + std::to_string(item.exports.size()) + " exports, " + seconds +
                           " s since it first started");
            charged[c.user_id] += item.chars;
            runs.insert(c.run_id);
        }
        std::string period = month_period(now), user_id;
        soci::statement charge = (s.prepare << "INSERT INTO usage_monthly(user_id, period, chars_used) VALUES(:u, :p, :c)"
                                               " ON CONFLICT(user_id, period) DO UPDATE"
                                               " SET chars_used = usage_monthly.chars_used + excluded.chars_used",
                                  soci::use(user_id), soci::use(period), soci::use(n));
        for (const auto& [user, chars] : charged) {
            user_id = user;
            n = chars;
            charge.execute(true);
        }
        for (const std::string& r : runs) settle_cancelled_run(s, r, now);
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
