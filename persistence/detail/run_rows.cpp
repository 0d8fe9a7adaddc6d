#include "persistence/detail/run_rows.hpp"

namespace galley::persistence::detail {

result<run_record> load_run(soci::session& s, const std::string& run_id, const std::string* user_id) {
    run_record r;
    std::string status;
    int cancel = 0;
    long long created = 0, started = 0, finished = 0;
    const std::string query =
        "SELECT id, project_id, user_id, status, cancel_requested, options, created_at,"
        " COALESCE(started_at, 0), COALESCE(finished_at, 0) FROM runs WHERE id = :id";
    if (user_id) {
        s << query + " AND user_id = :u", soci::use(run_id), soci::use(*user_id), soci::into(r.id),
            soci::into(r.project_id), soci::into(r.user_id), soci::into(status), soci::into(cancel),
            soci::into(r.options_json), soci::into(created), soci::into(started), soci::into(finished);
    } else {
        s << query, soci::use(run_id), soci::into(r.id), soci::into(r.project_id), soci::into(r.user_id),
            soci::into(status), soci::into(cancel), soci::into(r.options_json), soci::into(created),
            soci::into(started), soci::into(finished);
    }
    if (!s.got_data()) return make_error(errc::not_found, "run not found");
    r.cancel_requested = cancel != 0;
    r.created_at = created;
    r.started_at = started;
    r.finished_at = finished;

    const std::size_t batch = 256;
    std::vector<std::string> ids(batch), names(batch), statuses(batch), errors(batch);
    std::vector<int> attempts(batch);
    soci::statement st = (s.prepare << "SELECT rd.document_id, d.filename, rd.status, rd.attempts,"
                                       " COALESCE(rd.last_error, '') FROM run_documents rd"
                                       " JOIN documents d ON d.id = rd.document_id"
                                       " WHERE rd.run_id = :id ORDER BY rd.position",
                          soci::use(run_id), soci::into(ids), soci::into(names), soci::into(statuses),
                          soci::into(attempts), soci::into(errors));
    st.execute();
    while (st.fetch()) {
        for (std::size_t i = 0; i < ids.size(); ++i) {
            doc_status ds = parse_doc_status(statuses[i]).value_or(doc_status::queued);
            r.documents.push_back({ids[i], names[i], ds, attempts[i], errors[i]});
            switch (ds) {
                case doc_status::queued: ++r.counts.queued; break;
                case doc_status::running: ++r.counts.running; break;
                case doc_status::retrying: ++r.counts.retrying; break;
                case doc_status::succeeded: ++r.counts.succeeded; break;
                case doc_status::failed: ++r.counts.failed; break;
                case doc_status::cancelled: ++r.counts.cancelled; break;
            }
        }
        for (auto* v : {&ids, &names, &statuses, &errors}) v->resize(batch);
        attempts.resize(batch);
    }
    run_status stored = parse_run_status(status).value_or(run_status::queued);
    if (is_terminal(stored)) {
        r.status = stored;
    } else {
        run_status derived = aggregate_run_status(r.counts, r.cancel_requested);
        // Finished documents do not finish the run: its artefacts must be published first.
        r.status = is_terminal(derived) && derived != run_status::cancelled ? run_status::running : derived;
    }
    return r;
}

std::vector<export_record> load_exports(soci::session& s, const std::string& run_id) {
    const std::size_t batch = 256;
    std::vector<std::string> ids(batch), docs(batch), kinds(batch), names(batch), shas(batch);
    std::vector<int> versions(batch);
    std::vector<long long> sizes(batch), created(batch);
    soci::statement st = (s.prepare << "SELECT id, document_id, kind, version, filename, size, sha256,"
                                       " created_at FROM exports WHERE run_id = :r"
                                       " ORDER BY created_at, document_id, kind, version",
                          soci::use(run_id), soci::into(ids), soci::into(docs), soci::into(kinds),
                          soci::into(versions), soci::into(names), soci::into(sizes), soci::into(shas),
                          soci::into(created));
    std::vector<export_record> out;
    st.execute();
    while (st.fetch()) {
        for (std::size_t i = 0; i < ids.size(); ++i)
            out.push_back({ids[i], run_id, docs[i], kinds[i], versions[i], names[i], sizes[i], shas[i], created[i]});
        for (auto* v : {&ids, &docs, &kinds, &names, &shas}) v->resize(batch);
        versions.resize(batch);
        sizes.resize(batch);
        created.resize(batch);
    }
    return out;
}

void insert_export(soci::session& s, const export_record& e) {
    long long size = e.size, created = e.created_at;
    s << "INSERT INTO exports(id, run_id, document_id, kind, version, filename, size, sha256, created_at)"
         " VALUES(:id, :r, :d, :k, :v, :f, :s, :h, :c)",
        soci::use(e.id), soci::use(e.run_id), soci::use(e.document_id), soci::use(e.kind), soci::use(e.version),
        soci::use(e.filename), soci::use(size), soci::use(e.sha256), soci::use(created);
}

void lock_queue(soci::session& s, db_backend backend) {
    if (backend == db_backend::postgresql) s << "SELECT pg_advisory_xact_lock(7461626)";
}

}  // namespace galley::persistence::detail
