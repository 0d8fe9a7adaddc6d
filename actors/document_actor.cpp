#include "actors/document_actor.hpp"

#include <caf/all.hpp>

#include <cstdio>

#include "actors/corrector.hpp"
#include "actors/document_outcome.hpp"

namespace galley::actors {

namespace {
struct document_state {
    caf::actor corrector;
    correction_job_ptr job = std::make_shared<correction_job>();
    bool lease_lost = false;
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
};
}  // namespace

caf::behavior document_actor(caf::event_based_actor* self, context_ptr ctx, claimed_document doc,
                             cancel_flag flag, std::shared_ptr<std::atomic<bool>> shutting_down) {
    auto state = std::make_shared<document_state>();
    state->corrector = self->spawn<caf::detached + caf::monitored>(corrector, ctx, doc, flag, state->job);
    self->send(state->corrector, correct_atom::value);
    auto heartbeat = std::chrono::seconds(ctx->options.heartbeat_seconds);
    self->delayed_send(self, heartbeat, heartbeat_atom::value);

    // The corrector ended, normally or not: commit what it means, then quit.
    self->set_down_handler([=](caf::down_msg& dm) {
        if (dm.source != state->corrector.address()) return;
        if (state->lease_lost) {
            std::fprintf(stderr, "{\"level\":\"warn\",\"msg\":\"lease lost; attempt discarded\",\"run_id\":\"%s\","
                                 "\"document_id\":\"%s\"}\n", doc.run_id.c_str(), doc.document_id.c_str());
        } else {
            bool crashed = dm.reason != caf::none || !state->job->crash.empty() || !state->job->outcome;
            commit_outcome(*ctx, doc, *state->job, crashed, flag->load(), shutting_down->load());
        }
        self->quit();
    });

    return {
        // Timer, every heartbeat interval: renew the lease; a lost lease or a cancel of the run
        // (possibly requested on another node) stops the corrector at its next checkpoint.
        [=](heartbeat_atom) {
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
            micros until = now_micros() + static_cast<micros>(ctx->options.lock_ttl_seconds) * 1'000'000;
            auto renewed = ctx->queue.renew(doc, ctx->lease_owner(), until);
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
