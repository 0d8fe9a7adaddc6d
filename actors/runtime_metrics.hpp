#pragma once
// Prometheus metrics of the runtime: queue depth by plan, running documents, outcomes,
// retries, orphans recovered, corrector restarts and correction latency. Thread-safe.
#include <memory>
#include <string>

namespace prometheus {
class Registry;
}

namespace galley::actors {

class runtime_metrics {
public:
    /// Registers the families on `registry` and keeps it alive as long as these metrics.
    explicit runtime_metrics(std::shared_ptr<prometheus::Registry> registry);
    ~runtime_metrics();

    void document_finished(const std::string& outcome);  // succeeded | failed | cancelled
    void document_retried();
    void corrector_restarted();
    void orphans_recovered(int n);
    void correction_seconds(double s);
    void running_documents(int n);
    void queue_depth(const std::string& plan, double n);

private:
    struct impl;
    std::shared_ptr<prometheus::Registry> registry_;
    std::unique_ptr<impl> impl_;
};

}  // namespace galley::actors
