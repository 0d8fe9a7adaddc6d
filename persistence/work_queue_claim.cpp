// work_queue: claiming. One transaction claims up to `max` documents in fair-share order, so the
// cost of asking which users have ready work is paid once per batch, not once per document.
#include <algorithm>
#include <deque>
#include <iterator>
#include <tuple>
#include <map>
#include <set>

#include "domain/fair_share.hpp"
#include "persistence/detail/job_log.hpp"
#include "persistence/detail/run_rows.hpp"
#include "persistence/detail/sql.hpp"
#include "persistence/work_queue.hpp"

namespace galley::persistence {

namespace {
// Users with ready work: fair-share candidates, with each one's plan name and whether any of its
// ready documents waits to retry (parallel to `candidates`).
struct ready_set {
    std::vector<fair_share_candidate> candidates;
    std::vector<std::string> plans;
    std::vector<char> retrying;
    void erase(std::size_t i) {
        candidates.erase(candidates.begin() + static_cast<std::ptrdiff_t>(i));
        plans.erase(plans.begin() + static_cast<std::ptrdiff_t>(i));
        retrying.erase(retrying.begin() + static_cast<std::ptrdiff_t>(i));
    }
};

// Loads the candidates for fair share: users with ready documents, their plan and virtual time.
ready_set ready_users(soci::session& s, micros now, const plan_table& plans) {
    const std::size_t batch = 128;
    std::vector<std::string> users(batch), user_plans(batch);
    std::vector<long long> oldest_queued(batch), oldest_retrying(batch);
    std::vector<soci::indicator> queued_ind(batch), retrying_ind(batch);
    std::vector<double> vts(batch);
    long long at = now, at2 = now;
    // Only users with an unfinished run are asked, each with one index probe per status (the
    // oldest ready document, read in enqueued order), so the cost follows the number of active
    // users, not the number of ready documents.
    auto oldest_in = [](const char* status, const char* placeholder) {
        return std::string("(SELECT enqueued_at FROM run_documents WHERE user_id = a.user_id AND quarantined = 0"
                           " AND status = '") +
               status + "' AND next_attempt_at + 0 <= " + placeholder + " ORDER BY enqueued_at LIMIT 1)";
    };
    soci::statement st =
        (s.prepare << "SELECT a.user_id, " + oldest_in("queued", ":now") + ", " + oldest_in("retrying", ":now2") +
                          ", u.plan, COALESCE(f.virtual_time, 0) FROM"
                          " (SELECT DISTINCT user_id FROM runs WHERE status IN ('queued', 'running', 'cancelling')) a"
                          " JOIN users u ON u.id = a.user_id LEFT JOIN fair_share f ON f.user_id = a.user_id",
         soci::use(at), soci::use(at2), soci::into(users), soci::into(oldest_queued, queued_ind),
         soci::into(oldest_retrying, retrying_ind), soci::into(user_plans), soci::into(vts));
    ready_set ready;
    auto& out = ready.candidates;
    st.execute();
    while (st.fetch()) {
        for (std::size_t i = 0; i < users.size(); ++i) {
            bool queued = queued_ind[i] == soci::i_ok, retrying = retrying_ind[i] == soci::i_ok;
            if (!queued && !retrying) continue;  // everything of this user runs or waits to retry
            long long oldest = !retrying ? oldest_queued[i]
                               : !queued ? oldest_retrying[i]
                                         : std::min(oldest_queued[i], oldest_retrying[i]);
            const plan& p = plans.find_or_free(user_plans[i]);
            out.push_back({users[i], vts[i], 0, p.max_concurrent, p.weight, oldest});
            ready.plans.push_back(user_plans[i]);
            ready.retrying.push_back(retrying);
        }
        for (auto* v : {&users, &user_plans}) v->resize(batch);
        for (auto* v : {&oldest_queued, &oldest_retrying}) v->resize(batch);
        for (auto* v : {&queued_ind, &retrying_ind}) v->resize(batch);
        vts.resize(batch);
    }
    if (out.empty()) return ready;
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
    return ready;
}

// A ready document not yet claimed: what the claim reads before it writes.
struct ready_document {
    std::string run_id, document_id;
    long long claim_epoch = 0;
    int attempts = 0;
    long long enqueued_at = 0;
    int position = 0;
};

// Up to `limit` of `user_id`'s oldest documents in `status`, in claim order.
std::vector<ready_document> oldest_in_status(soci::session& s, db_backend backend, const std::string& user_id,
                                             const char* status, long long now, int limit) {
    std::vector<std::string> runs(limit), docs(limit);
    std::vector<long long> epochs(limit), enqueued(limit);
    std::vector<int> attempts(limit), positions(limit);
    std::string wanted = status;
    // One status at a time, so the index (run_documents_user_ready) gives the order. "+ 0" keeps
    // SQLite's planner on it instead of a range over every user's ready documents.
    soci::statement st =
        (s.prepare << "SELECT run_id, document_id, claim_epoch, attempts, enqueued_at, position FROM run_documents"
                      " WHERE user_id = :u AND quarantined = 0 AND status = :s AND next_attempt_at + 0 <= :now"
                      " ORDER BY enqueued_at, run_id, position LIMIT " +
                          std::to_string(limit) + (backend == db_backend::postgresql ? " FOR UPDATE SKIP LOCKED" : ""),
         soci::use(user_id), soci::use(wanted), soci::use(now), soci::into(runs), soci::into(docs),
         soci::into(epochs), soci::into(attempts), soci::into(enqueued), soci::into(positions));
    st.execute();
    std::vector<ready_document> out;
    while (st.fetch())
        for (std::size_t i = 0; i < runs.size(); ++i)
            out.push_back({runs[i], docs[i], epochs[i], attempts[i], enqueued[i], positions[i]});
    return out;
}

// Up to `limit` of `user_id`'s oldest ready documents (queued, and waiting to retry when
// `any_retrying`), oldest first.
std::vector<ready_document> oldest_ready(soci::session& s, db_backend backend, const std::string& user_id,
                                         bool any_retrying, long long now, int limit) {
    auto queued = oldest_in_status(s, backend, user_id, "queued", now, limit);
    if (!any_retrying) return queued;
    auto retrying = oldest_in_status(s, backend, user_id, "retrying", now, limit);
    std::vector<ready_document> out;
    auto key = [](const ready_document& d) { return std::tie(d.enqueued_at, d.run_id, d.position); };
    std::merge(std::make_move_iterator(queued.begin()), std::make_move_iterator(queued.end()),
               std::make_move_iterator(retrying.begin()), std::make_move_iterator(retrying.end()),
               std::back_inserter(out), [&](const ready_document& a, const ready_document& b) { return key(a) < key(b); });
    out.resize(std::min<std::size_t>(out.size(), static_cast<std::size_t>(limit)));
    return out;
}

// The quarantined document an idle node runs alone, if one is ready; its user's virtual time in
// `virtual_time`.
std::optional<claimed_document> ready_quarantined(soci::session& s, db_backend backend, long long now,
                                                  double& virtual_time) {
    claimed_document c;
    // The quarantined row first, on its partial index (run_documents_quarantined), then its user.
    s << std::string("SELECT rd.run_id, rd.document_id, rd.claim_epoch, rd.attempts, rd.user_id, u.plan,"
                     " COALESCE(f.virtual_time, 0) FROM (SELECT run_id, document_id, claim_epoch, attempts, user_id"
                     " FROM run_documents WHERE quarantined = 1 AND status IN ('queued', 'retrying')"
                     " AND next_attempt_at <= :now ORDER BY enqueued_at, run_id, position LIMIT 1") +
             (backend == db_backend::postgresql ? " FOR UPDATE SKIP LOCKED" : "") +
             ") rd JOIN users u ON u.id = rd.user_id LEFT JOIN fair_share f ON f.user_id = rd.user_id",
        soci::use(now), soci::into(c.run_id), soci::into(c.document_id), soci::into(c.claim_epoch),
        soci::into(c.attempts), soci::into(c.user_id), soci::into(c.plan), soci::into(virtual_time);
    if (!s.got_data()) return std::nullopt;
    return c;
}
// Fills `out` up to `max` documents in the order single claims would take them: each pick
// advances its user's virtual time and counts against its cap. Each user's share of the batch is
// read at once; a user who comes up short (fewer ready documents than planned, or rows another
// node holds) leaves its slots to the others, whose lists are then read further. Records each
// picked user's virtual time after the batch in `virtual_times`.
void pick_in_fair_share_order(soci::session& s, db_backend backend, ready_set ready, long long now, int max,
                              std::vector<claimed_document>& out, std::map<std::string, double>& virtual_times) {
    std::vector<int> planned = planned_picks(ready.candidates, max);
    struct user_documents {
        std::deque<ready_document> unclaimed;
        int read = 0;           // rows read so far, in claim order
        bool all_read = false;  // fewer rows than asked came back
    };
    std::map<std::string, user_documents> documents;
    while (static_cast<int>(out.size()) < max) {
        auto pick = pick_next(ready.candidates);
        if (!pick) break;
        fair_share_candidate& who = ready.candidates[*pick];
        user_documents& mine = documents[who.user_id];
        if (mine.unclaimed.empty() && !mine.all_read) {
            // Its planned share, or, past it (others came up short), every slot left.
            const int left = max - static_cast<int>(out.size());
            const int want = planned[*pick] > mine.read ? planned[*pick] - mine.read : left;
            const int limit = mine.read + std::min(want, left);
            // Nothing is written before the batch ends, so reading again from the start gives
            // the same rows first: skip the ones already taken.
            auto rows = oldest_ready(s, backend, who.user_id, ready.retrying[*pick] != 0, now, limit);
            mine.all_read = static_cast<int>(rows.size()) < limit;
            for (std::size_t i = static_cast<std::size_t>(mine.read); i < rows.size(); ++i)
                mine.unclaimed.push_back(std::move(rows[i]));
            mine.read = static_cast<int>(rows.size());
        }
        if (mine.unclaimed.empty()) {
            ready.erase(*pick);
            planned.erase(planned.begin() + static_cast<std::ptrdiff_t>(*pick));
            continue;
        }
        ready_document d = std::move(mine.unclaimed.front());
        mine.unclaimed.pop_front();
        claimed_document c;
        c.run_id = std::move(d.run_id);
        c.document_id = std::move(d.document_id);
        c.claim_epoch = d.claim_epoch;
        c.attempts = d.attempts;
        c.user_id = who.user_id;
        c.plan = ready.plans[*pick];
        who.virtual_time = advance_virtual_time(who.virtual_time, 1.0, who.weight);
        who.running += 1;
        virtual_times[who.user_id] = who.virtual_time;
        out.push_back(std::move(c));
    }
}
}  // namespace

result<std::optional<claimed_document>> work_queue::claim_next(const std::string& lease_owner, micros lease_until) {
    auto batch = claim_batch(lease_owner, lease_until, 1);
    if (!batch) return batch.err();
    if (batch->empty()) return std::optional<claimed_document>();
    return std::optional<claimed_document>(std::move(batch->front()));
}

result<std::vector<claimed_document>> work_queue::claim_batch(const std::string& lease_owner, micros lease_until,
                                                              int max) {
    const db_backend backend = db_.backend();
    return detail::with_session(db_, [&](soci::session& s) -> result<std::vector<claimed_document>> {
        std::vector<claimed_document> out;
        if (max < 1) return out;
        detail::write_transaction tx(s, backend);
        detail::lock_queue(s, backend);
        long long now = now_micros();
        // Each claimed user's virtual time after the batch, written once per user.
        std::map<std::string, double> virtual_times;
        // Poison isolation: a document recovered from a dead process runs alone on its node, so a
        // crash during it is its own; while it runs, this node claims nothing else.
        int mine = 0, mine_quarantined = 0;
        s << "SELECT COUNT(*), COALESCE(SUM(quarantined), 0) FROM run_documents WHERE status = 'running'"
             " AND lease_owner = :o",
            soci::use(lease_owner), soci::into(mine), soci::into(mine_quarantined);
        if (mine_quarantined > 0) return out;
        int isolated = 0;
        if (mine == 0) {
            double virtual_time = 0;
            if (auto q = ready_quarantined(s, backend, now, virtual_time)) {
                isolated = 1;
                virtual_times[q->user_id] =
                    advance_virtual_time(virtual_time, 1.0, plans_.find_or_free(q->plan).weight);
                out.push_back(std::move(*q));
            }
        }
        if (!isolated) pick_in_fair_share_order(s, backend, ready_users(s, now, plans_), now, max, out, virtual_times);
        if (out.empty()) return out;

        std::string run_id, document_id;
        long long until = lease_until, epoch = 0;
        int attempts = 0;
        soci::statement take = (s.prepare << "UPDATE run_documents SET status = 'running', lease_owner = :o,"
                                             " lease_until = :l, claim_epoch = :e, attempts = :a, isolated = :i,"
                                             " started_at = COALESCE(started_at, :t) WHERE run_id = :r"
                                             " AND document_id = :d",
                                soci::use(lease_owner), soci::use(until), soci::use(epoch), soci::use(attempts),
                                soci::use(isolated), soci::use(now), soci::use(run_id), soci::use(document_id));
        claimed_document row;
        long long chars = 0;
        soci::statement describe =
            (s.prepare << "SELECT d.project_id, d.filename, d.format, d.sha256, r.options, d.char_count"
                          " FROM run_documents rd JOIN documents d ON d.id = rd.document_id JOIN runs r ON r.id = rd.run_id"
                          " WHERE rd.run_id = :r AND rd.document_id = :d",
             soci::use(run_id), soci::use(document_id), soci::into(row.project_id), soci::into(row.filename),
             soci::into(row.format), soci::into(row.sha256), soci::into(row.options_json), soci::into(chars));
        detail::job_log_appender log(s);
        std::set<std::string> runs;
        for (claimed_document& c : out) {
            c.lease_owner = lease_owner;
            c.claim_epoch += 1;
            c.attempts += 1;
            run_id = c.run_id;
            document_id = c.document_id;
            epoch = c.claim_epoch;
            attempts = c.attempts;
            take.execute(true);
            describe.execute(true);
            c.project_id = row.project_id;
            c.filename = row.filename;
            c.format = row.format;
            c.sha256 = row.sha256;
            c.options_json = row.options_json;
            c.chars = chars;
            log.append(c.run_id, c.document_id, now, "claimed", lease_owner, c.attempts, "");
            // A microsecond later, so the log orders the claim before the attempt it starts.
            log.append(c.run_id, c.document_id, now + 1, "started", lease_owner, c.attempts,
                       "attempt " + std::to_string(c.attempts) +
                           (isolated ? ", alone on its node (its last node died while correcting it)" : ""));
            runs.insert(c.run_id);
        }
        std::string user_id;
        double vt = 0;
        soci::statement charge = (s.prepare << "INSERT INTO fair_share(user_id, virtual_time) VALUES(:u, :v)"
                                               " ON CONFLICT(user_id) DO UPDATE SET virtual_time = excluded.virtual_time",
                                  soci::use(user_id), soci::use(vt));
        for (const auto& [user, time] : virtual_times) {
            user_id = user;
            vt = time;
            charge.execute(true);
        }
        soci::statement start = (s.prepare << "UPDATE runs SET status = 'running', started_at = COALESCE(started_at, :t)"
                                              " WHERE id = :r AND status = 'queued'",
                                 soci::use(now), soci::use(run_id));
        for (const std::string& r : runs) {
            run_id = r;
            start.execute(true);
        }
        tx.commit();
        return out;
    });
}

}  // namespace galley::persistence
