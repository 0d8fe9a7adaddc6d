#include "http/metrics.hpp"

#include <prometheus/counter.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

#include <mutex>
#include <unordered_map>

namespace galley::http {

struct http_metrics::impl {
    // Series looked up once per (route, method, status): building label maps on every request
    // costs more than the observation itself.
    struct series {
        prometheus::Counter* requests;
        prometheus::Histogram* duration;
    };
    std::mutex mutex;
    std::unordered_map<std::string, series> cache;

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
    std::string key;
    key.reserve(route.size() + method.size() + 8);
    key.append(route).append(1, '\0').append(method).append(1, '\0').append(std::to_string(status));
    impl::series series{};
    {
        std::lock_guard lock(impl_->mutex);
        auto it = impl_->cache.find(key);
        if (it == impl_->cache.end()) {
            std::string r(route), m(method), s = std::to_string(status);
            impl::series fresh{&impl_->requests.Add({{"route", r}, {"method", m}, {"status", s}}),
                               &impl_->durations.Add({{"route", r}, {"method", m}}, kBuckets)};
            it = impl_->cache.emplace(std::move(key), fresh).first;
        }
        series = it->second;
    }
    series.requests->Increment();
    series.duration->Observe(seconds);
}

std::shared_ptr<prometheus::Registry> http_metrics::registry() const { return impl_->registry; }

std::string http_metrics::render() const {
    prometheus::TextSerializer serializer;
    return serializer.Serialize(impl_->registry->Collect());
}

}  // namespace galley::http
