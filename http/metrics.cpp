#include "http/metrics.hpp"

#include <prometheus/counter.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

namespace galley::http {

struct http_metrics::impl {
    std::shared_ptr<prometheus::Registry> registry = std::make_shared<prometheus::Registry>();
    prometheus::Family<prometheus::Counter>& requests =
        prometheus::BuildCounter()
            .Name("galley_http_requests_total")
            .Help("HTTP requests by route template, method and status")
            .Register(*registry);
    prometheus::Family<prometheus::Histogram>& durations =
        prometheus::BuildHistogram()
            .Name("galley_http_request_duration_seconds")
            .Help("HTTP request latency from routing to response")
            .Register(*registry);
};

http_metrics::http_metrics() : impl_(std::make_unique<impl>()) {}
http_metrics::~http_metrics() = default;

void http_metrics::observe(std::string_view route, std::string_view method, int status,
                           double seconds) {
    static const prometheus::Histogram::BucketBoundaries kBuckets = {
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    std::string r(route), m(method), s = std::to_string(status);
    impl_->requests.Add({{"route", r}, {"method", m}, {"status", s}}).Increment();
    impl_->durations.Add({{"route", r}, {"method", m}}, kBuckets).Observe(seconds);
}

std::shared_ptr<prometheus::Registry> http_metrics::registry() const { return impl_->registry; }

std::string http_metrics::render() const {
    prometheus::TextSerializer serializer;
    return serializer.Serialize(impl_->registry->Collect());
}

}  // namespace galley::http
