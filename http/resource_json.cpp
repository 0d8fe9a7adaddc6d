#include "http/resource_json.hpp"

namespace galley::http {

nlohmann::json project_json(const project& p) {
    return {{"id", p.id},
            {"name", p.name},
            {"language", p.language},
            {"created_at", to_rfc3339(p.created_at)},
            {"document_count", p.document_count},
            {"role", p.role}};
}

nlohmann::json document_json(const document& d) {
    return {{"id", d.id},
            {"project_id", d.project_id},
            {"filename", d.filename},
            {"format", d.format},
            {"size", d.size},
            {"sha256", d.sha256},
            {"language", d.language},
            {"word_count", d.word_count},
            {"created_at", to_rfc3339(d.created_at)}};
}

namespace {
nlohmann::json time_or_null(micros t) { return t > 0 ? nlohmann::json(to_rfc3339(t)) : nlohmann::json(); }
}  // namespace

nlohmann::json run_json(const run_record& r) {
    nlohmann::json docs = nlohmann::json::array();
    for (const auto& d : r.documents)
        docs.push_back({{"document_id", d.document_id},
                        {"filename", d.filename},
                        {"status", to_string(d.status)},
                        {"attempts", d.attempts},
                        {"error", d.error.empty() ? nlohmann::json() : nlohmann::json(d.error)}});
    return {{"id", r.id},
            {"project_id", r.project_id},
            {"status", to_string(r.status)},
            {"created_at", to_rfc3339(r.created_at)},
            {"started_at", time_or_null(r.started_at)},
            {"finished_at", time_or_null(r.finished_at)},
            {"counts",
             {{"queued", r.counts.queued},
              {"running", r.counts.running},
              {"retrying", r.counts.retrying},
              {"succeeded", r.counts.succeeded},
              {"failed", r.counts.failed},
              {"cancelled", r.counts.cancelled}}},
            {"documents", std::move(docs)}};
}

nlohmann::json export_json(const export_record& e) {
    return {{"id", e.id},
            {"kind", e.kind},
            {"document_id", e.document_id.empty() ? nlohmann::json() : nlohmann::json(e.document_id)},
            {"version", e.version},
            {"filename", e.filename},
            {"size", e.size},
            {"sha256", e.sha256},
            {"created_at", to_rfc3339(e.created_at)}};
}

}  // namespace galley::http
