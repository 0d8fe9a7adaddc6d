#pragma once
// API.md JSON shapes of stored resources.
#include <nlohmann/json.hpp>

#include "domain/entities.hpp"
#include "domain/run_model.hpp"

namespace galley::http {

nlohmann::json project_json(const project& p);
nlohmann::json document_json(const document& d);
nlohmann::json run_json(const run_record& r);
nlohmann::json export_json(const export_record& e);

/// {"items": [...], "next_cursor": "..."|null}
template <class T, class Fn>
nlohmann::json page_json(const page<T>& pg, Fn&& to_json) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& item : pg.items) items.push_back(to_json(item));
    nlohmann::json next = nullptr;
    if (!pg.next_cursor.empty()) next = pg.next_cursor;
    return {{"items", std::move(items)}, {"next_cursor", std::move(next)}};
}

}  // namespace galley::http
