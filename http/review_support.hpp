#pragma once
// Shared by the review handlers: filters from the query string or a JSON body, the suggestion
// JSON of API.md, the suggestions cursor, and loading a run's document (original bytes and text)
// for preview, finalize and the training export.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/formats/docx_map.hpp"
#include "domain/review/review_cursor.hpp"
#include "domain/review/review_model.hpp"
#include "domain/run_model.hpp"
#include "http/auth_support.hpp"
#include "http/http_types.hpp"
#include "http/service_context.hpp"

namespace galley::http {

/// ?document_id=&category=&rule_id=&confidence_min=&state= ; bad_request naming the parameter
/// when one is malformed (not a UUID, unknown category or state, confidence outside [0, 1]).
result<suggestion_filter> filter_from_query(const http_request& req);

/// The `filter` object of reviews/bulk (absent or null: everything); invalid_argument naming
/// filter.<field> for a bad value.
result<suggestion_filter> filter_from_json(const nlohmann::json& body);

/// The filter back as JSON (for the history).
nlohmann::json filter_json(const suggestion_filter& f);

/// ?cursor= of GET /suggestions; bad_request when present but not one of ours.
result<std::optional<suggestion_position>> suggestion_cursor(const http_request& req);

/// API.md `suggestion`, plus `edited_replacement` (string|null: the text accepted instead).
nlohmann::json suggestion_json(const suggestion_record& r);

/// A document of a run, read back from the blob store.
struct run_document_source {
    std::string document_id;
    std::string filename;
    std::string format;  // "docx" | "txt"
    doc_status status = doc_status::queued;
    std::string bytes;                           // the original upload
    std::optional<formats::docx_document> docx;  // set for DOCX
    document_text text;                          // what the engine checked
};

/// Loads `document_id` of `run` (owned by `owner_id`); not_found when it is not in the run.
result<run_document_source> load_run_document(service_context& ctx, const std::string& owner_id,
                                              const run_record& run,
                                              const std::string& document_id);

/// A succeeded document of a run with its stored suggestions (and their decisions).
struct reviewed_source {
    run_document_source source;
    std::vector<suggestion_record> suggestions;
};

/// Document `document_id` of `run` read back with its suggestions: what finalize and the
/// training-data export take, one document at a time so a request holds one in memory.
result<reviewed_source> load_reviewed_document(service_context& ctx, const std::string& owner_id,
                                               const run_record& run, const std::string& document_id);

}  // namespace galley::http
