#include "actors/runtime.hpp"

#include <caf/all.hpp>

#include <caf/io/all.hpp>

#include <chrono>
#include <cstdio>
#include <thread>

#include "actors/dispatcher.hpp"
#include "actors/runtime_internal.hpp"
#include "actors/runtime_context.hpp"
#include "actors/user_actor.hpp"

namespace galley::actors {

namespace {
caf::actor_system_config& configure(caf::actor_system_config& cfg, int workers, bool cluster) {
    if (cluster) cfg.load<caf::io::middleman>();
    // Scheduler threads only route messages; the CPU work runs on detached correctors.
    cfg.set("scheduler.max-threads", std::max(2, std::min(workers, 4)));
    cfg.set("logger.verbosity", caf::atom("quiet"));
    return cfg;
}
}  // namespace

struct runtime::impl {
    // The members cluster/ reads live in runtime_internal.hpp's accessor functions.
    caf::actor_system_config cfg;
    std::unique_ptr<caf::actor_system> system;
    context_ptr ctx;
    caf::actor dispatcher;
    caf::actor registry;
    bool stopped = false;

    // In a cluster the router (cluster/) sends a command to the node that owns the user;
    // otherwise the local user registry serves it.
    result<run_record> ask(caf::message command) {
        caf::actor router = ctx->relay->get();
        caf::actor target = router ? router : registry;
        caf::message msg = router ? caf::make_message(route_atom::value) + command : command;
        for (int attempt = 0; attempt < 2; ++attempt) {
            caf::scoped_actor self{*system};
            std::optional<result<run_record>> answer;
            self->request(target, std::chrono::seconds(60), msg)
                .receive([&](const run_reply_ptr& reply) { answer = *reply; },
                         [&](const caf::error&) {});
            if (answer) return std::move(*answer);
        }
        return make_error(errc::unavailable, "the runtime did not answer");
    }
};

runtime::runtime(runtime_options options, persistence::database& db, persistence::blob_store& blobs,
                 const plan_table& plans, std::shared_ptr<const engine> eng,
                 std::shared_ptr<prometheus::Registry> metrics)
    : impl_(std::make_unique<impl>()) {
    int workers = options.max_workers;
    bool cluster = options.cluster_port > 0;
    impl_->system = std::make_unique<caf::actor_system>(configure(impl_->cfg, workers, cluster));
    impl_->ctx = std::make_shared<runtime_context>(std::move(options), db, blobs, plans, std::move(eng),
                                                   std::make_shared<runtime_metrics>(metrics));
    if (!impl_->ctx->options.faults.held_commits.empty()) {
        const fault_plan faults = impl_->ctx->options.faults;
        impl_->ctx->queue.hold_commits_with([faults](const claimed_document& doc) {
            const int ms = faults.hold_commit_millis(doc.filename);
            if (ms <= 0) return;
            std::fprintf(stderr, "{\"level\":\"warn\",\"msg\":\"injected fault (hold_commit): holding the commit "
                                 "transaction\",\"document_id\":\"%s\"}\n", doc.document_id.c_str());
            std::this_thread::sleep_for(std::chrono::milliseconds(ms));
        });
    }
    impl_->dispatcher = impl_->system->spawn<caf::detached>(dispatcher, impl_->ctx);
    impl_->registry = impl_->system->spawn(user_registry, impl_->ctx, impl_->dispatcher);
}

runtime::~runtime() {
    shutdown();
    // A detached actor's thread ends only when the last handle to it is gone.
    impl_->dispatcher = nullptr;
    impl_->registry = nullptr;
    {
        std::lock_guard lock(impl_->ctx->relay->mutex);
        impl_->ctx->relay->relay = nullptr;
    }
    impl_->system.reset();  // waits for every actor
}

result<run_record> runtime::create_run(const std::string& user_id, const std::string& plan,
                                       const std::string& project_id, const std::vector<std::string>& document_ids,
                                       const run_options& options) {
    auto req = std::make_shared<const create_run_request>(
        create_run_request{user_id, plan, project_id, document_ids, options});
    return impl_->ask(caf::make_message(create_atom::value, create_run_ptr(req)));
}

result<run_record> runtime::cancel_run(const std::string& user_id, const std::string& run_id) {
    return impl_->ask(caf::make_message(cancel_atom::value, user_id, run_id));
}

void runtime::shutdown() {
    if (impl_->stopped) return;
    impl_->stopped = true;
    caf::anon_send(impl_->dispatcher, stop_atom::value);
    if (auto relay = impl_->ctx->relay->get()) caf::anon_send_exit(relay, caf::exit_reason::user_shutdown);
    caf::anon_send_exit(impl_->registry, caf::exit_reason::user_shutdown);
}

const runtime_options& runtime::options() const { return impl_->ctx->options; }

runtime::impl& internals(runtime& rt) { return *rt.impl_; }
caf::actor_system& actor_system_of(runtime& rt) { return *internals(rt).system; }
caf::actor dispatcher_of(runtime& rt) { return internals(rt).dispatcher; }
caf::actor registry_of(runtime& rt) { return internals(rt).registry; }
context_ptr context_of(runtime& rt) { return internals(rt).ctx; }

}  // namespace galley::actors
