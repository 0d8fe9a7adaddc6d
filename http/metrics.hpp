#pragma once
// Prometheus metrics of the HTTP layer (prometheus-cpp core): requests by route template,
// method and status, and a latency histogram. Thread-safe.
#include <memory>
#include <string>
#include <string_view>

namespace prometheus {
class Registry;
}

namespace galley::http {

class http_metrics {
public:
    http_metrics();
    ~http_metrics();

    /// Counts one finished request. `route` is the template, never the raw path, so label
    /// cardinality stays bounded.
    void observe(std::string_view route, std::string_view method, int status, double seconds);

    /// The registry, so other layers can register their own families on it.
    std::shared_ptr<prometheus::Registry> registry() const;

    /// Everything registered, in the Prometheus text format.
    std::string render() const;

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

}  // namespace galley::http
