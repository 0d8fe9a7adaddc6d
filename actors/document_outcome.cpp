#include "actors/document_outcome.hpp"

#include <algorithm>
#include <cstdio>
#include <random>
#include <thread>

#include "domain/corrections_reader.hpp"
#include "domain/ids.hpp"
#include "domain/utf8.hpp"

namespace galley::actors {

namespace {
std::string stem_of(const std::string& filename) {
    auto dot = filename.rfind('.');
    return dot == std::string::npos || dot == 0 ? filename : filename.substr(0, dot);
}

result<export_record> store_export(runtime_context& ctx, const claimed_document& doc, const std::string& kind,
                                   const std::string& filename, const std::string& bytes) {
    auto sha = ctx.blobs->put(doc.user_id, doc.project_id, bytes);
    if (!sha) return sha.err();
    return export_record{new_uuid(), doc.run_id, doc.document_id, kind, 1, filename,
                         static_cast<std::int64_t>(bytes.size()), *sha, now_micros()};
}

result<std::vector<export_record>> store_exports(runtime_context& ctx, const claimed_document& doc,
                                                 const correction_output& out) {
    std::string stem = stem_of(doc.filename);
    bool docx = out.format == formats::document_format::docx;
    std::vector<std::tuple<std::string, std::string, const std::string*>> items = {
        {"corrections_jsonl", stem + ".corrections.jsonl", &out.corrections_jsonl},
        {docx ? "corrected_docx" : "corrected_txt", stem + (docx ? ".corrected.docx" : ".corrected.txt"), &out.corrected},
    };
    if (docx && !out.tracked.empty()) items.emplace_back("tracked_docx", stem + ".tracked.docx", &out.tracked);
    std::vector<export_record> exports;
    for (const auto& [kind, name, bytes] : items) {
        auto e = store_export(ctx, doc, kind, name, *bytes);
        if (!e) return e.err();
        exports.push_back(std::move(*e));
    }
    return exports;
}

void log_commit(const claimed_document& doc, const char* what, const status& s) {
    if (s.ok()) return;
    std::fprintf(stderr, "{\"level\":\"warn\",\"msg\":\"%s not committed\",\"run_id\":\"%s\",\"document_id\":\"%s\","
                         "\"cause\":\"%s\"}\n", what, doc.run_id.c_str(), doc.document_id.c_str(),
                 s.err().message.c_str());
}

void fail_or_retry(runtime_context& ctx, const claimed_document& doc, const std::string& error, bool retryable) {
    const plan& tier = ctx.plans->find_or_free(doc.plan);
    bool attempts_left = tier.max_attempts == 0 || doc.attempts < tier.max_attempts;
    if (retryable && attempts_left) {
        static thread_local std::mt19937_64 rng{std::random_device{}()};
        double u = std::uniform_real_distribution<double>(0.0, 1.0)(rng);
        micros at = now_micros() + retry_delay(doc.attempts, u);
        auto s = ctx.queue.commit_failure(doc, error, at);
        log_commit(doc, "retry", s);
        if (s) ctx.metrics->document_retried();
        return;
    }
    auto s = ctx.queue.commit_failure(doc, error, std::nullopt);
    log_commit(doc, "failure", s);
    if (s) ctx.metrics->document_finished("failed");
}
}  // namespace

void commit_deadline_passed(runtime_context& ctx, const claimed_document& doc, std::chrono::seconds deadline) {
    fail_or_retry(ctx, doc, "the attempt exceeded its deadline of " + std::to_string(deadline.count()) + " s", true);
}

std::chrono::seconds attempt_deadline(const claimed_document& doc, std::chrono::seconds base) {
    constexpr std::int64_t kCharsPer100kWords = 600'000;
    const std::int64_t scale = std::max<std::int64_t>(1, (doc.chars + kCharsPer100kWords - 1) / kCharsPer100kWords);
    return base * scale;
}

void commit_outcome(runtime_context& ctx, const claimed_document& doc, const correction_job& job, bool crashed,
                    bool cancelled, bool shutting_down) {
    if (cancelled) {
        if (shutting_down) {
            log_commit(doc, "release", ctx.queue.release(doc));
            return;
        }
        auto s = ctx.queue.commit_cancelled(doc);
        log_commit(doc, "cancel", s);
        if (s) ctx.metrics->document_finished("cancelled");
        return;
    }
    if (crashed) {
        ctx.metrics->corrector_restarted();
        fail_or_retry(ctx, doc, job.crash.empty() ? "the corrector stopped unexpectedly" : job.crash, true);
        return;
    }
    const auto& outcome = *job.outcome;
    if (!outcome) {
        fail_or_retry(ctx, doc, outcome.err().message, !is_refusal(outcome.err()));
        return;
    }
    if (int ms = ctx.options.faults.slow_commit_millis(doc.filename); ms > 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(ms));
    auto exports = store_exports(ctx, doc, *outcome);
    if (!exports) {
        fail_or_retry(ctx, doc, exports.err().message, true);
        return;
    }
    // The stored suggestions are exactly what corrections.jsonl says (ids and contexts included).
    auto suggestions = read_suggestion_records(outcome->corrections_jsonl);
    if (!suggestions) {
        fail_or_retry(ctx, doc, suggestions.err().message, false);
        return;
    }
    // Charged for what the engine read, every story included (the upload's figure is an estimate
    // made by older versions from the body alone).
    auto s = ctx.queue.commit_success(doc, *exports, outcome->budget_chars, *suggestions);
    log_commit(doc, "success", s);
    if (s) {
        ctx.metrics->document_finished("succeeded");
        ctx.metrics->correction_seconds(job.seconds);
    }
}

}  // namespace galley::actors
