#include "persistence/detail/job_log.hpp"

#include <vector>

#include "domain/ids.hpp"

namespace galley::persistence::detail {

void append_job_log(soci::session& s, const std::string& run_id, const std::string& document_id, micros at,
                    const char* event, const std::string& node_id, int attempt, const std::string& detail) {
    const std::string id = new_time_ordered_uuid(), ev = event;
    long long t = at;
    soci::indicator node_ind = node_id.empty() ? soci::i_null : soci::i_ok;
    s << "INSERT INTO job_log(id, run_id, document_id, at, event, node_id, attempt, detail)"
         " VALUES(:id, :r, :d, :t, :e, :n, :a, :x)",
        soci::use(id), soci::use(run_id), soci::use(document_id), soci::use(t), soci::use(ev),
        soci::use(node_id, node_ind), soci::use(attempt), soci::use(detail);
}

job_log_appender::job_log_appender(soci::session& s)
    : insert_((s.prepare << "INSERT INTO job_log(id, run_id, document_id, at, event, node_id, attempt, detail)"
                            " VALUES(:id, :r, :d, :t, :e, :n, :a, :x)",
               soci::use(id_), soci::use(run_), soci::use(doc_), soci::use(at_), soci::use(event_),
               soci::use(node_, node_ind_), soci::use(attempt_), soci::use(detail_))) {}

void job_log_appender::append(const std::string& run_id, const std::string& document_id, micros at, const char* event,
                              const std::string& node_id, int attempt, const std::string& detail) {
    id_ = new_time_ordered_uuid();
    run_ = run_id;
    doc_ = document_id;
    at_ = at;
    event_ = event;
    node_ = node_id;
    node_ind_ = node_id.empty() ? soci::i_null : soci::i_ok;
    attempt_ = attempt;
    detail_ = detail;
    insert_.execute(true);
}

void append_job_log_for_status(soci::session& s, const std::string& run_id, const char* statuses_sql, micros at,
                               const char* event, const std::string& detail) {
    const std::size_t batch = 512;
    std::vector<std::string> docs(batch), all_docs;
    std::vector<int> attempts(batch), all_attempts;
    soci::statement st = (s.prepare << std::string("SELECT document_id, attempts FROM run_documents WHERE run_id = :r"
                                                   " AND status IN ") + statuses_sql,
                          soci::use(run_id), soci::into(docs), soci::into(attempts));
    st.execute();
    while (st.fetch()) {
        all_docs.insert(all_docs.end(), docs.begin(), docs.end());
        all_attempts.insert(all_attempts.end(), attempts.begin(), attempts.end());
        docs.resize(batch);
        attempts.resize(batch);
    }
    for (std::size_t i = 0; i < all_docs.size(); ++i)
        append_job_log(s, run_id, all_docs[i], at, event, {}, all_attempts[i], detail);
}

}  // namespace galley::persistence::detail
