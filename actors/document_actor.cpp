#include "actors/document_actor.hpp"

#include <caf/all.hpp>

#include <cstdio>

#include "actors/corrector.hpp"
#include "actors/document_outcome.hpp"

namespace galley::actors {

namespace {
struct document_state {
    caf::actor corrector;
    caf::actor committer;  // set once the corrector ended and its outcome is being committed
    correction_job_ptr job = std::make_shared<correction_job>();
    bool lease_lost = false;
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
};

// Commits on a thread of its own, so the document actor goes on renewing the lease while a large
// outcome is stored: a commit slower than the lease TTL must not let another node recover the
// document under it (the commit would then be fenced out and the work done twice).
void committer(caf::event_based_actor* self, context_ptr ctx, claimed_document doc, correction_job_ptr job,
               bool crashed, bool cancelled, bool shutting_down) {
    commit_outcome(*ctx, doc, *job, crashed, cancelled, shutting_down);
    self->quit();
}
}  // namespace

caf::behavior document_actor(caf::event_based_actor* self, context_ptr ctx, claimed_document doc,
                             cancel_flag flag, std::shared_ptr<std::atomic<bool>> shutting_down) {
    auto state = std::make_shared<document_state>();
    state->corrector = self->spawn<caf::detached + caf::monitored>(corrector, ctx, doc, flag, state->job);
    self->send(state->corrector, correct_atom::value);
    auto heartbeat = std::chrono::seconds(ctx->options.heartbeat_seconds);
    auto renew_lease = [=] {
        micros until = now_micros() + static_cast<micros>(ctx->options.lock_ttl_seconds) * 1'000'000;
        return ctx->queue.renew(doc, ctx->lease_owner(), until);
    };
    self->delayed_send(self, heartbeat, heartbeat_atom::value);

    // The corrector ended, normally or not: commit what it means (renewing meanwhile), then quit.
    self->set_down_handler([=](caf::down_msg& dm) {
        if (state->committer && dm.source == state->committer.address()) {
            self->quit();
            return;
        }
        if (dm.source != state->corrector.address()) return;
        if (state->lease_lost) {
            std::fprintf(stderr, "{\"level\":\"warn\",\"msg\":\"lease lost; attempt discarded\",\"run_id\":\"%s\","
                                 "\"document_id\":\"%s\"}\n", doc.run_id.c_str(), doc.document_id.c_str());
            self->quit();
            return;
        }
        bool crashed = dm.reason != caf::none || !state->job->crash.empty() || !state->job->outcome;
        state->committer = self->spawn<caf::detached + caf::monitored>(committer, ctx, doc, state->job, crashed,
                                                                       flag->load(), shutting_down->load());
    });

    return {
        // Timer, every heartbeat interval: renew the lease; a lost lease or a cancel of the run
        // (possibly requested on another node) stops the corrector at its next checkpoint.
        [=](heartbeat_atom) {
            if (state->committer) {
                // Committing: only the lease matters now (the commit's own fence decides).
                (void)renew_lease();
                self->delayed_send(self, heartbeat, heartbeat_atom::value);
                return;
            }
            // Past its deadline the attempt is abandoned: the corrector is asked to stop (a hung
            // one is left behind, its result never read), the failed attempt is committed while
            // the lease is still ours, and this actor quits, freeing the worker.
            const auto deadline = attempt_deadline(doc, std::chrono::seconds(ctx->options.attempt_deadline_seconds));
            if (std::chrono::steady_clock::now() - state->started > deadline) {
                flag->store(true);
                std::fprintf(stderr, "{\"level\":\"warn\",\"msg\":\"attempt deadline passed; corrector abandoned\","
                                     "\"run_id\":\"%s\",\"document_id\":\"%s\"}\n", doc.run_id.c_str(), doc.document_id.c_str());
                commit_deadline_passed(*ctx, doc, deadline);
                self->demonitor(state->corrector);
                self->quit();
                return;
            }
            auto renewed = renew_lease();
            if (!renewed && renewed.err().code == errc::conflict) {
                state->lease_lost = true;
                flag->store(true);
                return;
            }
            auto cancel = ctx->queue.cancel_requested(doc.run_id);
            if (cancel && *cancel) flag->store(true);
            self->delayed_send(self, heartbeat, heartbeat_atom::value);
        },
        // From the dispatcher: the run is being cancelled.
        [=](cancel_atom) { flag->store(true); },
    };
}

}  // namespace galley::actors
