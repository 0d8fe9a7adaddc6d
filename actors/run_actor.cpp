#include "actors/run_actor.hpp"

#include <caf/all.hpp>

#include <cstdio>

#include "domain/corrections_reader.hpp"
#include "domain/engine/artefacts.hpp"
#include "domain/ids.hpp"
#include "persistence/document_repository.hpp"

namespace galley::actors {

namespace {
result<std::vector<document_report>> reports_of(runtime_context& ctx, const run_record& run) {
    auto exports = ctx.runs.exports(run.user_id, run.id);
    if (!exports) return exports.err();
    persistence::document_repository documents(*ctx.db);
    std::vector<document_report> reports;
    for (const auto& d : run.documents) {
        if (d.status != doc_status::succeeded) continue;
        auto doc = documents.get(run.user_id, d.document_id);
        if (!doc) continue;  // deleted meanwhile: nothing to report
        document_report report{d.document_id, doc->sha256, d.filename, doc->language, {}};
        for (const auto& e : *exports) {
            if (e.document_id != d.document_id || e.kind != "corrections_jsonl") continue;
            auto bytes = ctx.blobs->get(run.user_id, run.project_id, e.sha256);
            if (!bytes) return bytes.err();
            auto suggestions = read_corrections_jsonl(*bytes);
            if (!suggestions) return suggestions.err();
            report.suggestions = std::move(*suggestions);
        }
        reports.push_back(std::move(report));
    }
    return reports;
}

status finish(runtime_context& ctx, const std::string& run_id) {
    auto run = ctx.runs.get_any(run_id);
    if (!run) return run.err();
    std::vector<export_record> exports;
    if (!run->cancel_requested) {
        auto reports = reports_of(ctx, *run);
        if (!reports) return reports.err();
        for (auto [kind, name, bytes] : {std::tuple{"changelog_csv", "changelog.csv", changelog_csv(*reports)},
                                         std::tuple{"summary_md", "summary.md", summary_md(*reports)}}) {
            auto sha = ctx.blobs->put(run->user_id, run->project_id, bytes);
            if (!sha) return sha.err();
            exports.push_back({new_uuid(), run_id, "", kind, 1, name, static_cast<std::int64_t>(bytes.size()), *sha,
                               now_micros()});
        }
    }
    return ctx.queue.finish_run(run_id, exports);
}
}  // namespace

caf::behavior run_actor(caf::event_based_actor* self, context_ptr ctx, std::string run_id) {
    return {
        // From the dispatcher, once: publish the run's artefacts and final status, then quit.
        [=](finish_atom) {
            auto s = finish(*ctx, run_id);
            if (!s)
                std::fprintf(stderr, "{\"level\":\"warn\",\"msg\":\"run not finished yet\",\"run_id\":\"%s\",\"cause\":\"%s\"}\n",
                             run_id.c_str(), s.err().message.c_str());
            self->quit();
        },
    };
}

}  // namespace galley::actors
