#include "actors/user_actor.hpp"

#include <caf/all.hpp>

#include <unordered_map>

namespace galley::actors {

caf::behavior user_actor(caf::event_based_actor* self, context_ptr ctx, caf::actor dispatcher) {
    return {
        // From the registry (for an HTTP handler): admit and enqueue a run; replies run_reply_ptr.
        [=](create_atom, const create_run_ptr& req) -> run_reply_ptr {
            persistence::run_admission admission{&ctx->plans->find_or_free(req->plan), ctx->options.max_queued};
            auto run = ctx->runs.create(req->user_id, req->project_id, req->document_ids, req->options, admission);
            if (run) self->send(dispatcher, poke_atom::value);
            return std::make_shared<const result<run_record>>(std::move(run));
        },
        // From the registry: cancel a run; replies run_reply_ptr.
        [=](cancel_atom, const std::string& user_id, const std::string& run_id) -> run_reply_ptr {
            auto run = ctx->runs.request_cancel(user_id, run_id);
            if (run) {
                self->send(dispatcher, cancel_atom::value, run_id);
                // Documents of this run may be running on other nodes: tell them too.
                if (auto relay = ctx->relay->get()) self->send(relay, broadcast_atom::value, run_id);
            }
            return std::make_shared<const result<run_record>>(std::move(run));
        },
        caf::after(std::chrono::seconds(60)) >> [=] { self->quit(); },
    };
}

caf::behavior user_registry(caf::event_based_actor* self, context_ptr ctx, caf::actor dispatcher) {
    auto users = std::make_shared<std::unordered_map<std::string, caf::actor>>();
    self->set_down_handler([users](caf::down_msg& dm) {
        for (auto it = users->begin(); it != users->end(); ++it)
            if (it->second.address() == dm.source) {
                users->erase(it);
                return;
            }
    });
    auto actor_of = [=](const std::string& user_id) {
        auto it = users->find(user_id);
        if (it != users->end()) return it->second;
        // Linked: when the registry stops (shutdown), idle user actors stop with it.
        auto a = self->spawn<caf::monitored + caf::linked>(user_actor, ctx, dispatcher);
        users->emplace(user_id, a);
        return a;
    };
    return {
        // From runtime::create_run.
        [=](create_atom a, const create_run_ptr& req) { return self->delegate(actor_of(req->user_id), a, req); },
        // From runtime::cancel_run.
        [=](cancel_atom a, const std::string& user_id, const std::string& run_id) {
            return self->delegate(actor_of(user_id), a, user_id, run_id);
        },
    };
}

}  // namespace galley::actors
