// /api/v1/runs/{run_id}/preview, /finalize and /reviews/export: the outputs of a review, built
// from the original documents and the stored decisions (domain/review).
#include <cstdio>
#include <memory>

#include "domain/formats/docx_writer.hpp"
#include "domain/formats/txt_document.hpp"
#include "domain/ids.hpp"
#include "domain/review/decisions.hpp"
#include "domain/review/preview.hpp"
#include "domain/review/training_export.hpp"
#include "http/document_upload.hpp"
#include "http/audit.hpp"
#include "http/errors.hpp"
#include "http/handlers.hpp"
#include "http/idempotency.hpp"
#include "http/project_access.hpp"
#include "http/resource_json.hpp"
#include "http/review_support.hpp"

namespace galley::http {

namespace {
std::string stem_of(const std::string& filename) {
    auto dot = filename.rfind('.');
    return dot == std::string::npos || dot == 0 ? filename : filename.substr(0, dot);
}

// ?name= among `allowed` (the first is the default); bad_request otherwise.
result<std::string> choice(const http_request& req, const char* name,
                           std::initializer_list<const char*> allowed) {
    auto v = req.query_param(name);
    if (!v || v->empty()) return std::string(*allowed.begin());
    for (const char* a : allowed)
        if (*v == a) return std::string(a);
    return make_error(errc::bad_request, std::string(name) + " has an unsupported value");
}

// The final bytes of one document: accepted suggestions applied by the engine's writers.
result<std::string> final_bytes(const run_document_source& src,
                                const std::vector<suggestion_record>& records) {
    auto edits = accepted_edits(records);
    auto out = src.docx ? formats::write_corrected_docx(src.bytes, *src.docx, edits)
                        : formats::apply_txt_edits(src.bytes, edits);
    if (!out)
        return make_error(errc::internal,
                          "the final document could not be written: " + out.err().message);
    return out;
}
}  // namespace

http_response run_preview(const http_request& req, service_context& ctx) {
    const auto& rid = req.request_id;
    auto scope = authorize(req, ctx, access_target::run, req.param(0), project_action::review);
    if (!scope) return json_error(scope.err(), rid);
    const caller* who = &scope->who;
    const std::string& owner = scope->owner();
    auto doc_id = req.query_param("document_id");
    if (!doc_id || !is_uuid(*doc_id))
        return json_error(make_error(errc::bad_request, "document_id must be a document id"), rid);
    auto format = choice(req, "format", {"txt", "html"});
    if (!format) return json_error(format.err(), rid);
    auto run = ctx.runs.get(owner, req.param(0));
    if (!run) return json_error(run.err(), rid);
    auto src = load_run_document(ctx, owner, *run, std::string(*doc_id));
    if (!src) return json_error(src.err(), rid);
    if (src->status != doc_status::succeeded)
        return json_error(make_error(errc::conflict, "the document has no corrections to preview"),
                          rid);
    auto records = ctx.reviews.document_suggestions(owner, run->id, src->document_id);
    if (!records) return json_error(records.err(), rid);
    bool html = *format == "html";
    auto renderer = std::make_shared<preview_renderer>(
        src->text, std::move(*records), html ? preview_format::html : preview_format::txt);
    http_response r;
    r.content_type = html ? "text/html; charset=utf-8" : "text/plain; charset=utf-8";
    r.stream = [renderer](std::string& out) { return renderer->next(out); };
    return with_user(std::move(r), *who);
}

namespace {
http_response write_final_exports(const http_request& req, service_context& ctx, const project_scope* scope) {
    const auto& rid = req.request_id;
    const caller* who = &scope->who;
    const std::string& owner = scope->owner();
    auto run = ctx.runs.get(owner, req.param(0));
    if (!run) return json_error(run.err(), rid);
    if (!is_terminal(run->status))
        return json_error(make_error(errc::conflict, "the run has not finished yet"), rid);
    auto version = ctx.reviews.next_final_version(owner, run->id);
    if (!version) return json_error(version.err(), rid);
    // One document at a time: the request holds one original, its parse and its final copy.
    std::vector<export_record> exports;
    for (const auto& d : run->documents) {
        if (d.status != doc_status::succeeded) continue;
        auto reviewed = load_reviewed_document(ctx, owner, *run, d.document_id);
        if (!reviewed) return json_error(reviewed.err(), rid);
        const run_document_source& source = reviewed->source;
        auto bytes = final_bytes(source, reviewed->suggestions);
        if (!bytes) return json_error(bytes.err(), rid);
        auto sha = ctx.blobs.put(owner, run->project_id, *bytes);
        if (!sha) return json_error(sha.err(), rid);
        bool docx = source.docx.has_value();
        std::string name = stem_of(source.filename) + ".final.v" + std::to_string(*version) +
                           (docx ? ".docx" : ".txt");
        exports.push_back({new_uuid(), run->id, source.document_id, docx ? "final_docx" : "final_txt",
                           *version, name, static_cast<std::int64_t>(bytes->size()), *sha,
                           now_micros()});
    }
    if (exports.empty())
        return json_error(
            make_error(errc::conflict, "the run has no corrected documents to finalize"), rid);
    auto saved = ctx.reviews.add_final_exports(owner, run->id, exports);
    if (!saved) {
        if (saved.err().code == errc::conflict)
            return json_error(
                make_error(errc::conflict, "another finalize of this run is in progress"), rid);
        return json_error(saved.err(), rid);
    }
    nlohmann::json items = nlohmann::json::array();
    for (const auto& e : exports) items.push_back(export_json(e));
    audit(ctx, req, who->account.id, "run.finalize", run->id, {{"version", *version}, {"exports", exports.size()}});
    return with_user(json_ok(items, rid), *who);
}
}  // namespace

http_response finalize_run(const http_request& req, service_context& ctx) {
    auto scope = authorize(req, ctx, access_target::run, req.param(0), project_action::edit);
    if (!scope) return json_error(scope.err(), req.request_id);
    return idempotent(req, ctx, scope->who.account.id, [&] { return write_final_exports(req, ctx, &*scope); });
}

http_response export_reviews(const http_request& req, service_context& ctx) {
    const auto& rid = req.request_id;
    auto scope = authorize(req, ctx, access_target::run, req.param(0), project_action::edit);
    if (!scope) return json_error(scope.err(), rid);
    const caller* who = &scope->who;
    const std::string& owner = scope->owner();
    auto format = choice(req, "format", {"jsonl", "csv"});
    if (!format) return json_error(format.err(), rid);
    auto schema = choice(req, "schema", {"sft", "preference"});
    if (!schema) return json_error(schema.err(), rid);
    auto anonymize = choice(req, "anonymize", {"false", "true"});
    if (!anonymize) return json_error(anonymize.err(), rid);
    auto run = ctx.runs.get(owner, req.param(0));
    if (!run) return json_error(run.err(), rid);
    std::optional<anonymizer> anon;
    if (*anonymize == "true") {
        auto words = ctx.dictionaries.words(owner, run->project_id);
        if (!words) return json_error(words.err(), rid);
        anon.emplace(*words);
    }
    const bool csv = *format == "csv";
    const training_schema sch = *schema == "sft" ? training_schema::sft : training_schema::preference;
    const training_format fmt = csv ? training_format::csv : training_format::jsonl;
    // Spooled to an anonymous temporary file one document at a time, then streamed from it: the
    // request holds one document in memory, and a failure still answers with an error code.
    auto spool = std::shared_ptr<std::FILE>(std::tmpfile(), [](std::FILE* f) { if (f) std::fclose(f); });
    if (!spool) return json_error(make_error(errc::unavailable, "no room for the export"), rid);
    auto write = [&](const std::string& piece) {
        return piece.empty() || std::fwrite(piece.data(), 1, piece.size(), spool.get()) == piece.size();
    };
    bool written = write(training_export_header(sch, fmt));
    for (const auto& d : run->documents) {
        if (!written) break;
        if (d.status != doc_status::succeeded) continue;
        auto reviewed = load_reviewed_document(ctx, owner, *run, d.document_id);
        if (!reviewed) return json_error(reviewed.err(), rid);
        const reviewed_document doc{std::move(reviewed->source.text), std::move(reviewed->suggestions)};
        written = write(training_export_rows(doc, sch, fmt, anon ? &*anon : nullptr));
    }
    if (!written || std::fflush(spool.get()) != 0 || std::fseek(spool.get(), 0, SEEK_SET) != 0)
        return json_error(make_error(errc::unavailable, "no room for the export"), rid);
    http_response r;
    r.content_type = csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
    r.stream = [spool](std::string& out) {
        char buffer[64 * 1024];
        const std::size_t got = std::fread(buffer, 1, sizeof buffer, spool.get());
        out.append(buffer, got);
        return got > 0;
    };
    r.headers.emplace_back(
        "Content-Disposition",
        content_disposition("run-" + run->id + "." + *schema + (csv ? ".csv" : ".jsonl")));
    return with_user(std::move(r), *who);
}

}  // namespace galley::http
