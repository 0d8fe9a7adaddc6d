#include "actors/runtime_metrics.hpp"

#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

namespace galley::actors {

struct runtime_metrics::impl {
    prometheus::Family<prometheus::Counter>& documents;
    prometheus::Counter& retried;
    prometheus::Counter& restarts;
    prometheus::Counter& orphans;
    prometheus::Histogram& latency;
    prometheus::Gauge& running;
    prometheus::Family<prometheus::Gauge>& queue;

    explicit impl(prometheus::Registry& r)
        : documents(prometheus::BuildCounter().Name("galley_documents_total")
                        .Help("Run documents finished, by outcome").Register(r)),
          retried(prometheus::BuildCounter().Name("galley_documents_retried_total")
                      .Help("Failed attempts that were scheduled again").Register(r).Add({})),
          restarts(prometheus::BuildCounter().Name("galley_actor_restarts_total")
                       .Help("Correctors that crashed and were restarted by their document actor")
                       .Register(r).Add({})),
          orphans(prometheus::BuildCounter().Name("galley_orphans_recovered_total")
                      .Help("Documents whose lease expired (dead owner) and were re-queued").Register(r).Add({})),
          latency(prometheus::BuildHistogram().Name("galley_correction_duration_seconds")
                      .Help("Time to correct one document, successful attempts").Register(r)
                      .Add({}, prometheus::Histogram::BucketBoundaries{0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120})),
          running(prometheus::BuildGauge().Name("galley_documents_running")
                      .Help("Documents being corrected on this node").Register(r).Add({})),
          queue(prometheus::BuildGauge().Name("galley_queue_depth")
                    .Help("Documents waiting in the queue, by plan").Register(r)) {}
};

runtime_metrics::runtime_metrics(std::shared_ptr<prometheus::Registry> registry)
    : registry_(std::move(registry)), impl_(std::make_unique<impl>(*registry_)) {}
runtime_metrics::~runtime_metrics() = default;

void runtime_metrics::document_finished(const std::string& outcome) {
    impl_->documents.Add({{"outcome", outcome}}).Increment();
}
void runtime_metrics::document_retried() { impl_->retried.Increment(); }
void runtime_metrics::corrector_restarted() { impl_->restarts.Increment(); }
void runtime_metrics::orphans_recovered(int n) { impl_->orphans.Increment(n); }
void runtime_metrics::correction_seconds(double s) { impl_->latency.Observe(s); }
void runtime_metrics::running_documents(int n) { impl_->running.Set(n); }
void runtime_metrics::queue_depth(const std::string& plan, double n) { impl_->queue.Add({{"plan", plan}}).Set(n); }

}  // namespace galley::actors
