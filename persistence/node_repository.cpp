#include "persistence/node_repository.hpp"

#include "persistence/detail/sql.hpp"

namespace galley::persistence {

status node_repository::announce(const node_record& n) {
    return detail::with_session(db_, [&](soci::session& s) -> status {
        long long hb = n.last_heartbeat, started = n.started_at;
        s << "INSERT INTO nodes(node_id, address, http_address, incarnation, status, running, last_heartbeat,"
             " started_at) VALUES(:n, :a, :h, :i, 'alive', 0, :b, :s) ON CONFLICT(node_id) DO UPDATE SET"
             " address = excluded.address, http_address = excluded.http_address, incarnation = excluded.incarnation,"
             " status = 'alive', running = 0, last_heartbeat = excluded.last_heartbeat, started_at = excluded.started_at",
            soci::use(n.node_id), soci::use(n.address), soci::use(n.http_address), soci::use(n.incarnation),
            soci::use(hb), soci::use(started);
        return {};
    });
}

status node_repository::heartbeat(const std::string& node_id, const std::string& incarnation,
                                  const std::string& lease_owner, micros now) {
    return detail::with_session(db_, [&](soci::session& s) -> status {
        long long at = now;
        int running = 0;
        s << "SELECT COUNT(*) FROM run_documents WHERE status = 'running' AND lease_owner = :o", soci::use(lease_owner),
            soci::into(running);
        soci::statement st = (s.prepare << "UPDATE nodes SET last_heartbeat = :t, running = :r, status = 'alive'"
                                           " WHERE node_id = :n AND incarnation = :i AND status <> 'dead'",
                              soci::use(at), soci::use(running), soci::use(node_id), soci::use(incarnation));
        st.execute(true);
        if (detail::affected_rows(st) != 1) return make_error(errc::conflict, "this node was declared dead");
        return {};
    });
}

result<std::vector<node_record>> node_repository::list() {
    return detail::with_session(db_, [&](soci::session& s) -> result<std::vector<node_record>> {
        const std::size_t n = 256;
        std::vector<std::string> ids(n), addrs(n), https(n), incs(n), statuses(n);
        std::vector<int> running(n);
        std::vector<long long> hbs(n), started(n);
        s << "SELECT node_id, address, http_address, incarnation, status, running, last_heartbeat, started_at"
             " FROM nodes ORDER BY node_id",
            soci::into(ids), soci::into(addrs), soci::into(https), soci::into(incs), soci::into(statuses),
            soci::into(running), soci::into(hbs), soci::into(started);
        std::vector<node_record> out;
        for (std::size_t i = 0; i < ids.size(); ++i)
            out.push_back({ids[i], addrs[i], https[i], incs[i], statuses[i], running[i], hbs[i], started[i]});
        return out;
    });
}

status node_repository::suspect(const std::string& node_id) {
    return detail::with_session(db_, [&](soci::session& s) -> status {
        s << "UPDATE nodes SET status = 'suspect' WHERE node_id = :n AND status = 'alive'", soci::use(node_id);
        return {};
    });
}

result<std::vector<std::string>> node_repository::declare_dead(micros now, micros ttl) {
    const db_backend backend = db_.backend();
    return detail::with_session(db_, [&](soci::session& s) -> result<std::vector<std::string>> {
        detail::write_transaction tx(s, backend);
        long long cutoff = now - ttl;
        std::vector<std::string> ids(256);
        // Rows another session holds (a node stalled mid-heartbeat or mid-commit) are skipped,
        // never waited on: the next pass sees them.
        const std::string skip_locked = backend == db_backend::postgresql ? " FOR UPDATE SKIP LOCKED" : "";
        s << "SELECT node_id FROM nodes WHERE status <> 'dead' AND last_heartbeat < :c" + skip_locked,
            soci::use(cutoff), soci::into(ids);
        for (const auto& id : ids) {
            s << "UPDATE nodes SET status = 'dead', running = 0 WHERE node_id = :n", soci::use(id);
            // Its leases end now: the next recovery pass on any node re-queues its documents.
            std::string prefix = id + "/%";
            s << "UPDATE run_documents SET lease_until = 0 WHERE (run_id, document_id) IN (SELECT run_id, document_id"
                 " FROM run_documents WHERE status = 'running' AND lease_owner LIKE :p" + skip_locked + ")",
                soci::use(prefix);
        }
        tx.commit();
        return ids;
    });
}

}  // namespace galley::persistence
