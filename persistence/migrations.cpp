#include "persistence/migrations.hpp"

#include <algorithm>
#include <chrono>
#include <thread>

#include "domain/clock.hpp"
#include "persistence/detail/sql.hpp"

namespace galley::persistence {

// Types are the portable subset of SQLite and PostgreSQL: TEXT, BIGINT, INTEGER. Times are
// BIGINT microseconds since the epoch (UTC); booleans are INTEGER 0/1.
const std::vector<migration>& all_migrations() {
    static const std::vector<migration> kMigrations = {
        {1,
         "users, refresh tokens, projects, documents, usage",
         {
             "CREATE TABLE users ("
             " id TEXT PRIMARY KEY,"
             " email TEXT NOT NULL UNIQUE,"
             " name TEXT NOT NULL,"
             " password_hash TEXT NOT NULL,"
             " role TEXT NOT NULL CHECK (role IN ('user','admin')),"
             " plan TEXT NOT NULL,"
             " created_at BIGINT NOT NULL)",
             "CREATE TABLE refresh_tokens ("
             " token_hash TEXT PRIMARY KEY,"
             " user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
             " family_id TEXT NOT NULL,"
             " used INTEGER NOT NULL DEFAULT 0,"
             " revoked INTEGER NOT NULL DEFAULT 0,"
             " expires_at BIGINT NOT NULL,"
             " created_at BIGINT NOT NULL)",
             "CREATE INDEX refresh_tokens_family ON refresh_tokens(family_id)",
             "CREATE INDEX refresh_tokens_user ON refresh_tokens(user_id)",
             "CREATE TABLE projects ("
             " id TEXT PRIMARY KEY,"
             " user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
             " name TEXT NOT NULL,"
             " language TEXT NOT NULL,"
             " created_at BIGINT NOT NULL)",
             "CREATE INDEX projects_user_created ON projects(user_id, created_at, id)",
             "CREATE TABLE documents ("
             " id TEXT PRIMARY KEY,"
             " project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,"
             " user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
             " filename TEXT NOT NULL,"
             " format TEXT NOT NULL CHECK (format IN ('docx','txt','pdf')),"
             " size BIGINT NOT NULL,"
             " sha256 TEXT NOT NULL,"
             " language TEXT NOT NULL,"
             " word_count BIGINT NOT NULL,"
             " created_at BIGINT NOT NULL)",
             "CREATE INDEX documents_project_created ON documents(project_id, created_at, id)",
             "CREATE INDEX documents_project_sha ON documents(project_id, sha256)",
             "CREATE TABLE usage_monthly ("
             " user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
             " period TEXT NOT NULL,"
             " chars_used BIGINT NOT NULL DEFAULT 0,"
             " PRIMARY KEY (user_id, period))",
         }},
        {2,
         "runs, the durable work queue with leases, fair-share state, exports",
         {
             "ALTER TABLE documents ADD COLUMN char_count BIGINT NOT NULL DEFAULT 0",
             "CREATE TABLE runs ("
             " id TEXT PRIMARY KEY,"
             " project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,"
             " user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
             " status TEXT NOT NULL,"
             " cancel_requested INTEGER NOT NULL DEFAULT 0,"
             " options TEXT NOT NULL,"
             " created_at BIGINT NOT NULL,"
             " started_at BIGINT,"
             " finished_at BIGINT)",
             "CREATE INDEX runs_project_created ON runs(project_id, created_at, id)",
             "CREATE INDEX runs_status ON runs(status)",
             // One row per document of a run: the durable queue. lease_owner is node id plus the
             // owner's boot incarnation; claim_epoch is the fencing token, bumped by every claim.
             "CREATE TABLE run_documents ("
             " run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
             " document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
             " user_id TEXT NOT NULL,"
             " position INTEGER NOT NULL,"
             " status TEXT NOT NULL,"
             " attempts INTEGER NOT NULL DEFAULT 0,"
             " recoveries INTEGER NOT NULL DEFAULT 0,"
             " lease_owner TEXT,"
             " lease_until BIGINT,"
             " claim_epoch BIGINT NOT NULL DEFAULT 0,"
             " enqueued_at BIGINT NOT NULL,"
             " next_attempt_at BIGINT NOT NULL,"
             " last_error TEXT,"
             " chars BIGINT NOT NULL DEFAULT 0,"
             " started_at BIGINT,"
             " finished_at BIGINT,"
             " PRIMARY KEY (run_id, document_id))",
             "CREATE INDEX run_documents_ready ON run_documents(status, next_attempt_at)",
             "CREATE INDEX run_documents_user ON run_documents(user_id, status)",
             "CREATE INDEX run_documents_lease ON run_documents(status, lease_until)",
             "CREATE TABLE fair_share ("
             " user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,"
             " virtual_time DOUBLE PRECISION NOT NULL DEFAULT 0)",
             // document_id is '' for run-level artefacts so the unique key also covers them
             // (NULLs would never collide).
             "CREATE TABLE exports ("
             " id TEXT PRIMARY KEY,"
             " run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
             " document_id TEXT NOT NULL DEFAULT '',"
             " kind TEXT NOT NULL,"
             " version INTEGER NOT NULL DEFAULT 1,"
             " filename TEXT NOT NULL,"
             " size BIGINT NOT NULL,"
             " sha256 TEXT NOT NULL,"
             " created_at BIGINT NOT NULL,"
             " UNIQUE (run_id, document_id, kind, version))",
         }},
        {3,
         "user settings",
         {
             "CREATE TABLE user_settings ("
             " user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,"
             " settings TEXT NOT NULL)",
         }},
        {4,
         "review: suggestions, decisions and their history, project dictionaries",
         {
             // One row per suggestion of a committed document. story is story_kind as a number
             // (body first) so (doc_position, story, paragraph, char_offset, id) is document order.
             "CREATE TABLE suggestions ("
             " run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
             " id TEXT NOT NULL,"
             " document_id TEXT NOT NULL,"
             " doc_position INTEGER NOT NULL,"
             " story INTEGER NOT NULL,"
             " paragraph INTEGER NOT NULL,"
             " char_offset INTEGER NOT NULL,"
             " span_length INTEGER NOT NULL,"
             " original TEXT NOT NULL,"
             " replacement TEXT,"
             " rule_id TEXT NOT NULL,"
             " category TEXT NOT NULL,"
             " confidence DOUBLE PRECISION NOT NULL,"
             " message TEXT NOT NULL,"
             " context_text TEXT NOT NULL,"
             " context_offset INTEGER NOT NULL,"
             " state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','accepted','rejected')),"
             " edited_replacement TEXT,"
             " PRIMARY KEY (run_id, id))",
             "CREATE INDEX suggestions_order ON suggestions(run_id, doc_position, story, paragraph, char_offset, id)",
             "CREATE INDEX suggestions_document ON suggestions(run_id, document_id, story, paragraph, char_offset, id)",
             "CREATE INDEX suggestions_category ON suggestions(run_id, category, doc_position, story, paragraph,"
             " char_offset, id)",
             "CREATE INDEX suggestions_rule ON suggestions(run_id, rule_id, doc_position, story, paragraph,"
             " char_offset, id)",
             "CREATE INDEX suggestions_state ON suggestions(run_id, state, doc_position, story, paragraph,"
             " char_offset, id)",
             // A batch is one POST that changed something; its rows say what changed.
             "CREATE TABLE review_batches ("
             " id TEXT PRIMARY KEY,"
             " run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
             " user_id TEXT NOT NULL,"
             " kind TEXT NOT NULL CHECK (kind IN ('single','bulk')),"
             " filter_json TEXT,"
             " decision_count INTEGER NOT NULL,"
             " created_at BIGINT NOT NULL)",
             "CREATE INDEX review_batches_run ON review_batches(run_id, created_at, id)",
             "CREATE TABLE review_decisions ("
             " batch_id TEXT NOT NULL REFERENCES review_batches(id) ON DELETE CASCADE,"
             " suggestion_id TEXT NOT NULL,"
             " decision TEXT NOT NULL,"
             " replacement TEXT,"
             " previous_state TEXT NOT NULL,"
             " seq INTEGER NOT NULL,"
             " PRIMARY KEY (batch_id, suggestion_id))",
             "CREATE TABLE project_dictionary ("
             " project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,"
             " word TEXT NOT NULL,"
             " PRIMARY KEY (project_id, word))",
         }},
        {5,
         "cluster membership",
         {
             "CREATE TABLE nodes ("
             " node_id TEXT PRIMARY KEY,"
             " address TEXT NOT NULL,"
             " http_address TEXT NOT NULL,"
             " incarnation TEXT NOT NULL,"
             " status TEXT NOT NULL CHECK (status IN ('alive', 'suspect', 'dead')),"
             " running INTEGER NOT NULL DEFAULT 0,"
             " last_heartbeat BIGINT NOT NULL,"
             " started_at BIGINT NOT NULL)",
         }},
        {6,
         "guest users expire",
         {
             "ALTER TABLE users ADD COLUMN expires_at BIGINT",
             "CREATE INDEX users_expiring ON users(expires_at) WHERE expires_at IS NOT NULL",
         }},
        {7,
         "per-user storage and document limits",
         {
             "CREATE INDEX documents_user ON documents(user_id)",
         }},
        {8,
         "shared projects",
         {
             // The owner is projects.user_id and never a row here.
             "CREATE TABLE project_members ("
             " project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,"
             " user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
             " role TEXT NOT NULL CHECK (role IN ('editor','reviewer','viewer')),"
             " added_at BIGINT NOT NULL,"
             " PRIMARY KEY (project_id, user_id))",
             "CREATE INDEX project_members_user ON project_members(user_id, project_id)",
         }},
        {9,
         "admin: disabled users, session revocation, audit log",
         {
             "ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0",
             "ALTER TABLE users ADD COLUMN session_generation BIGINT NOT NULL DEFAULT 0",
             "CREATE INDEX users_created ON users(created_at, id)",
             // Append-only; actor_id has no foreign key so the record outlives the account.
             "CREATE TABLE audit_log ("
             " id TEXT PRIMARY KEY,"
             " at BIGINT NOT NULL,"
             " actor_id TEXT,"
             " action TEXT NOT NULL,"
             " target TEXT NOT NULL,"
             " request_id TEXT NOT NULL,"
             " client_address TEXT NOT NULL,"
             " details TEXT NOT NULL)",
             "CREATE INDEX audit_log_at ON audit_log(at, id)",
             "CREATE INDEX audit_log_actor ON audit_log(actor_id, at, id)",
             "CREATE INDEX audit_log_action ON audit_log(action, at, id)",
         }},
        {10,
         "feature flags",
         {
             // user_id '' is the global setting (NULL would never collide in the key).
             "CREATE TABLE feature_flags ("
             " name TEXT NOT NULL,"
             " user_id TEXT NOT NULL,"
             " enabled INTEGER NOT NULL,"
             " updated_at BIGINT NOT NULL,"
             " updated_by TEXT NOT NULL,"
             " PRIMARY KEY (name, user_id))",
         }},
        {11,
         "request rate buckets shared by a cluster",
         {
             // One token bucket per key (a user, or a client address on sign-in routes), refilled
             // with the database's clock; nodes lease tokens from it in small chunks.
             "CREATE TABLE rate_buckets ("
             " key TEXT PRIMARY KEY,"
             " capacity DOUBLE PRECISION NOT NULL,"
             " per_us DOUBLE PRECISION NOT NULL,"
             " tokens DOUBLE PRECISION NOT NULL,"
             " refilled_at BIGINT NOT NULL,"
             " last_grant DOUBLE PRECISION NOT NULL)",
             "CREATE INDEX rate_buckets_refilled ON rate_buckets(refilled_at)",
         }},
        {12,
         "job log",
         {
             // One line per step of a document's life in a run, written in the transaction that
             // takes the step. seq orders lines written in the same microsecond.
             "CREATE TABLE job_log ("
             " id TEXT PRIMARY KEY,"
             " run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
             " document_id TEXT NOT NULL,"
             " at BIGINT NOT NULL,"
             " event TEXT NOT NULL CHECK (event IN ('queued','claimed','started','retried','recovered',"
             "'cancelled','failed','succeeded')),"
             " node_id TEXT,"
             " attempt INTEGER NOT NULL,"
             " detail TEXT NOT NULL)",
             "CREATE INDEX job_log_run ON job_log(run_id, at, id)",
             "CREATE INDEX job_log_document ON job_log(run_id, document_id, at, id)",
         }},
        {13,
         "idempotency keys",
         {
             // status 0: the first request is still being handled.
             "CREATE TABLE idempotency_keys ("
             " user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
             " idem_key TEXT NOT NULL,"
             " fingerprint TEXT NOT NULL,"
             " status INTEGER NOT NULL,"
             " content_type TEXT NOT NULL,"
             " body TEXT NOT NULL,"
             " created_at BIGINT NOT NULL,"
             " PRIMARY KEY (user_id, idem_key))",
             "CREATE INDEX idempotency_keys_created ON idempotency_keys(created_at)",
         }},
        {14,
         "webhooks",
         {
             "CREATE TABLE webhook_secrets ("
             " user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,"
             " secret TEXT NOT NULL,"
             " created_at BIGINT NOT NULL)",
             // The outbox: one row per run transition (unique run_id), written in the transaction
             // that ends the run; lease_until keeps two nodes from sending it at once.
             "CREATE TABLE webhook_events ("
             " id TEXT PRIMARY KEY,"
             " user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
             " run_id TEXT NOT NULL UNIQUE,"
             " type TEXT NOT NULL,"
             " created_at BIGINT NOT NULL,"
             " state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'abandoned')),"
             " attempts INTEGER NOT NULL,"
             " next_attempt_at BIGINT NOT NULL,"
             " lease_until BIGINT NOT NULL,"
             " body TEXT)",
             "CREATE INDEX webhook_events_due ON webhook_events(state, next_attempt_at)",
             "CREATE TABLE webhook_deliveries ("
             " id TEXT PRIMARY KEY,"
             " event_id TEXT NOT NULL REFERENCES webhook_events(id) ON DELETE CASCADE,"
             " user_id TEXT NOT NULL,"
             " type TEXT NOT NULL,"
             " attempt INTEGER NOT NULL,"
             " status_code INTEGER NOT NULL,"  // 0: no HTTP answer
             " error TEXT NOT NULL,"
             " at BIGINT NOT NULL)",
             "CREATE INDEX webhook_deliveries_user ON webhook_deliveries(user_id, at, id)",
         }},
        {15,
         "poison quarantine",
         {
             // quarantined: recovered from a dead process, so it runs alone on its node next
             // time; isolated: this claim runs alone, so a crash during it is the document's.
             "ALTER TABLE run_documents ADD COLUMN quarantined INTEGER NOT NULL DEFAULT 0",
             "ALTER TABLE run_documents ADD COLUMN isolated INTEGER NOT NULL DEFAULT 0",
         }},
        {16,
         "quarantine index",
         {
             // An idle node looks for a quarantined document before every claim: a partial index
             // keeps that lookup off the (possibly long) list of ordinary queued documents.
             "CREATE INDEX run_documents_quarantined ON run_documents(enqueued_at)"
             " WHERE quarantined = 1 AND status IN ('queued', 'retrying')",
         }},
        {17,
         "ready documents by user",
         {
             // Every claim asks which users have ready documents and the oldest of each (the
             // first index answers it without reading the rows), then takes the chosen user's
             // oldest ready document (the second reads only that user's ready rows).
             "CREATE INDEX run_documents_ready_by_user ON run_documents(status, quarantined, next_attempt_at,"
             " user_id, enqueued_at)",
             "CREATE INDEX run_documents_user_ready ON run_documents(user_id, quarantined, status, enqueued_at)",
         }},
        {18,
         "active users",
         {
             // Claims ask which users have an unfinished run (then probe each one's oldest ready
             // document), so their cost follows active users, not queued documents.
             "CREATE INDEX runs_status_user ON runs(status, user_id)",
             // A user's ready documents in claim order, per status, without sorting the run's
             // documents (they share one enqueued_at).
             "DROP INDEX run_documents_user_ready",
             // Served the grouping over every ready document that claims no longer do; each
             // index is one more write per claim and per commit.
             "DROP INDEX run_documents_ready_by_user",
             // Its ready range served the same grouping; every status-only look-up now reads
             // run_documents_lease (status, lease_until), and no claim asks for a time range
             // without a user.
             "DROP INDEX run_documents_ready",
             // SQLite's planner never chose the partial index on enqueued_at over the range on
             // (status, next_attempt_at), so an idle node's look for quarantined work read every
             // ready document; with these keys it is the better match and stays tiny.
             "DROP INDEX run_documents_quarantined",
             "CREATE INDEX run_documents_quarantined ON run_documents(quarantined, status, next_attempt_at)"
             " WHERE quarantined = 1",
             "CREATE INDEX run_documents_user_ready ON run_documents(user_id, quarantined, status, enqueued_at,"
             " run_id, position)",
         }},
    };
    return kMigrations;
}

namespace {
constexpr const char* kCreateLedger =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)";
// Any constant: serialises migrations across nodes sharing one PostgreSQL.
constexpr long long kMigrationLockKey = 0x67616c6c6579LL;
}  // namespace

result<std::vector<int>> applied_migrations(database& db) {
    return detail::with_session(db, [](soci::session& s) -> result<std::vector<int>> {
        s << kCreateLedger;
        std::vector<int> versions(1000);
        s << "SELECT version FROM schema_migrations ORDER BY version", soci::into(versions);
        return versions;
    });
}

result<int> apply_migrations(database& db) {
    const db_backend backend = db.backend();
    return detail::with_session(db, [backend](soci::session& s) -> result<int> {
        const std::string key = std::to_string(kMigrationLockKey);
        // Polled rather than waited for: sessions give up waiting for any lock after
        // lock_timeout, and another node's migrations may take longer than that.
        if (backend == db_backend::postgresql) {
            for (int locked = 0; !locked;) {
                s << "SELECT CASE WHEN pg_try_advisory_lock(" + key + ") THEN 1 ELSE 0 END", soci::into(locked);
                if (!locked) std::this_thread::sleep_for(std::chrono::milliseconds(100));
            }
        }
        struct unlock_on_exit {
            soci::session& s;
            bool pg;
            std::string key;
            ~unlock_on_exit() {
                if (!pg) return;
                try {
                    s << "SELECT pg_advisory_unlock(" + key + ")";
                } catch (...) {
                    // The lock dies with the connection anyway.
                }
            }
        } unlock{s, backend == db_backend::postgresql, key};
        s << kCreateLedger;
        int applied = 0;
        for (const migration& m : all_migrations()) {
            detail::write_transaction tx(s, backend);
            int present = 0;
            s << "SELECT COUNT(*) FROM schema_migrations WHERE version = :v", soci::use(m.version),
                soci::into(present);
            if (present > 0) continue;  // the transaction rolls back: nothing was written
            // A schema change may wait for the running nodes' locks and rebuild large tables.
            if (backend == db_backend::postgresql) {
                s << "SET LOCAL lock_timeout = 0";
                s << "SET LOCAL statement_timeout = 0";
            }
            for (const std::string& sql : m.statements) s << sql;
            long long now = now_micros();
            s << "INSERT INTO schema_migrations(version, name, applied_at) VALUES(:v, :n, :t)",
                soci::use(m.version), soci::use(m.name), soci::use(now);
            tx.commit();
            ++applied;
        }
        return applied;
    });
}

}  // namespace galley::persistence
