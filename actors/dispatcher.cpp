#include "actors/dispatcher.hpp"

#include <caf/all.hpp>

#include <cstdio>
#include <set>
#include <unordered_map>

#include "actors/document_actor.hpp"
#include "actors/run_actor.hpp"

namespace galley::actors {

namespace {
struct running_document {
    std::string run_id;
    cancel_flag flag;
    caf::actor actor;
};

struct dispatcher_state {
    int free_slots = 0;
    bool stopping = false;
    std::shared_ptr<std::atomic<bool>> shutting_down = std::make_shared<std::atomic<bool>>(false);
    std::unordered_map<caf::actor_addr, running_document> documents;
    std::unordered_map<caf::actor_addr, std::string> finishing;  // run actors at work
    int ticks = 0;
};

constexpr auto kTick = std::chrono::milliseconds(250);

void fill_slots(caf::event_based_actor* self, runtime_context& ctx, const context_ptr& shared, dispatcher_state& st) {
    // Every free slot in one claim transaction; a batch smaller than asked means the queue had no
    // more for this node now.
    while (!st.stopping && st.free_slots > 0) {
        micros until = now_micros() + static_cast<micros>(ctx.options.lock_ttl_seconds) * 1'000'000;
        auto claimed = ctx.queue.claim_batch(ctx.lease_owner(), until, st.free_slots);
        if (!claimed || claimed->empty()) break;
        const bool drained = static_cast<int>(claimed->size()) < st.free_slots;
        for (auto& doc : *claimed) {
            auto flag = std::make_shared<std::atomic<bool>>(false);
            std::string run_id = doc.run_id;
            auto a = self->spawn<caf::detached + caf::monitored>(document_actor, shared, std::move(doc), flag,
                                                                 st.shutting_down);
            st.documents.emplace(a.address(), running_document{run_id, flag, a});
            --st.free_slots;
        }
        if (drained) break;
    }
    ctx.metrics->running_documents(static_cast<int>(st.documents.size()));
}

void finish_ready_runs(caf::event_based_actor* self, runtime_context& ctx, const context_ptr& shared,
                       dispatcher_state& st) {
    auto ready = ctx.queue.runs_ready_to_finish();
    if (!ready) return;
    for (const auto& run_id : *ready) {
        bool busy = false;
        for (const auto& [_, r] : st.finishing) busy = busy || r == run_id;
        if (busy) continue;
        auto a = self->spawn<caf::detached + caf::monitored>(run_actor, shared, run_id);
        st.finishing.emplace(a.address(), run_id);
        self->send(a, finish_atom::value);
    }
}

void housekeeping(runtime_context& ctx, dispatcher_state& st) {
    auto recovered = ctx.queue.recover_expired(now_micros(), ctx.lease_owner());
    if (recovered && recovered->requeued + recovered->failed + recovered->cancelled > 0) {
        ctx.metrics->orphans_recovered(recovered->requeued + recovered->failed + recovered->cancelled);
        std::printf("{\"level\":\"info\",\"msg\":\"orphans recovered\",\"requeued\":%d,\"failed\":%d,\"cancelled\":%d}\n",
                    recovered->requeued, recovered->failed, recovered->cancelled);
    }
    if (st.ticks % 8 == 0) {
        if (auto depth = ctx.queue.queued_by_plan()) {
            for (const auto& [name, _] : ctx.plans->all()) ctx.metrics->queue_depth(name, 0);
            for (const auto& [plan, n] : *depth) ctx.metrics->queue_depth(plan, static_cast<double>(n));
        }
    }
}
}  // namespace

caf::behavior dispatcher(caf::event_based_actor* self, context_ptr ctx) {
    auto st = std::make_shared<dispatcher_state>();
    st->free_slots = ctx->options.max_workers;
    self->set_down_handler([=](caf::down_msg& dm) {
        if (st->documents.erase(dm.source) > 0) {
            ++st->free_slots;
            if (!st->stopping) {
                finish_ready_runs(self, *ctx, ctx, *st);
                fill_slots(self, *ctx, ctx, *st);
            }
            ctx->metrics->running_documents(static_cast<int>(st->documents.size()));
        }
        st->finishing.erase(dm.source);
        if (st->stopping && st->documents.empty() && st->finishing.empty()) self->quit();
    });
    self->send(self, tick_atom::value);
    return {
        // Timer, every 250 ms: recover orphans, finish runs, claim work.
        [=](tick_atom) {
            if (st->stopping) return;
            ++st->ticks;
            housekeeping(*ctx, *st);
            finish_ready_runs(self, *ctx, ctx, *st);
            fill_slots(self, *ctx, ctx, *st);
            self->delayed_send(self, kTick, tick_atom::value);
        },
        // From user actors after a run was created: work is ready now.
        [=](poke_atom) { fill_slots(self, *ctx, ctx, *st); },
        // From user actors: stop this run's running correctors at their next checkpoint.
        [=](cancel_atom, const std::string& run_id) {
            for (auto& [_, d] : st->documents)
                if (d.run_id == run_id) d.flag->store(true);
        },
        // From the runtime on shutdown: stop claiming, release what runs, quit when all ended.
        [=](stop_atom) {
            st->stopping = true;
            st->shutting_down->store(true);
            for (auto& [_, d] : st->documents) d.flag->store(true);
            if (st->documents.empty() && st->finishing.empty()) self->quit();
        },
    };
}

}  // namespace galley::actors
