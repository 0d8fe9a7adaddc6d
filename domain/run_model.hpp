#pragma once
// Runs and their documents as stored (API.md, Runs), the work a node claims from the durable
// queue, and the exports a run produces.
#include <cstdint>
#include <string>
#include <vector>

#include "domain/clock.hpp"
#include "domain/result.hpp"
#include "domain/run_state.hpp"

namespace galley {

struct run_options {
    std::string language = "auto";  // "auto" | "es" | "en"
    std::vector<std::string> rules_disabled;
    bool tracked_changes = true;
};

/// Stored form of the options (JSON text).
std::string to_json_text(const run_options& o);
/// Parses stored or client JSON; invalid_argument naming `options.<field>` for bad values
/// (unknown language, unknown rule id, wrong types).
result<run_options> parse_run_options(std::string_view json_text);

struct run_document_state {
    std::string document_id;
    std::string filename;
    doc_status status = doc_status::queued;
    int attempts = 0;
    std::string error;
};

struct run_record {
    std::string id;
    std::string project_id;
    std::string user_id;
    run_status status = run_status::queued;
    bool cancel_requested = false;
    std::string options_json;
    micros created_at = 0, started_at = 0, finished_at = 0;  // 0 = not yet
    doc_counts counts;
    std::vector<run_document_state> documents;
};

/// A document a worker holds a lease on. `claim_epoch` fences every later write.
struct claimed_document {
    std::string run_id;
    std::string document_id;
    std::string user_id;
    std::string project_id;
    std::string filename;
    std::string format;
    std::string sha256;
    std::string options_json;
    std::string plan;
    std::int64_t claim_epoch = 0;
    int attempts = 0;        // including this one
    std::int64_t chars = 0;  // code points of the document's text: what success charges
    std::string lease_owner;  // the node (and incarnation) holding the claim, for the job log
};

/// One step of a document's life in a run (API.md GET /runs/{id}/log).
struct job_log_entry {
    std::string id;
    micros at = 0;
    std::string document_id;
    std::string event;    // queued|claimed|started|retried|recovered|cancelled|failed|succeeded
    std::string node_id;  // empty when no node took the step (a request did)
    int attempt = 0;
    std::string detail;
};

struct export_record {
    std::string id;
    std::string run_id;
    std::string document_id;  // empty for run-level artefacts
    std::string kind;         // corrections_jsonl, corrected_docx, ..., summary_md
    int version = 1;
    std::string filename;
    std::int64_t size = 0;
    std::string sha256;
    micros created_at = 0;
};

}  // namespace galley
