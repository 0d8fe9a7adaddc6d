#include "app/clock_sync.hpp"

#include <atomic>
#include <cstdio>
#include <cstdlib>

#include "persistence/database_clock.hpp"

namespace galley::app {

namespace {
constexpr micros kReported = 1'000'000;

void apply(micros offset) {
    static std::atomic<bool> reported{false};
    set_clock_offset(offset);
    if (std::llabs(offset) > kReported && !reported.exchange(true))
        std::printf("{\"level\":\"warn\",\"msg\":\"this machine's clock is off the database's; galley follows the "
                    "database\",\"offset_ms\":%lld}\n",
                    static_cast<long long>(offset / 1000));
}
}  // namespace

result<std::unique_ptr<clock_sync>> clock_sync::start(persistence::database& db) {
    auto offset = persistence::measure_clock_offset(db);
    if (!offset) return offset.err();
    apply(*offset);
    return std::unique_ptr<clock_sync>(new clock_sync(db));
}

clock_sync::clock_sync(persistence::database& db)
    : task_(std::chrono::seconds(5), [&db] {
          if (auto offset = persistence::measure_clock_offset(db)) apply(*offset);
      }) {}

}  // namespace galley::app
