#include "http/resource_json.hpp"

namespace galley::http {

nlohmann::json project_json(const project& p) {
    return {{"id", p.id},
            {"name", p.name},
            {"language", p.language},
            {"created_at", to_rfc3339(p.created_at)},
            {"document_count", p.document_count}};
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

}  // namespace galley::http
