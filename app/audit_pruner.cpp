#include "app/audit_pruner.hpp"

#include <chrono>
#include <cstdio>

#include "persistence/audit_repository.hpp"

namespace galley::app {

namespace {
constexpr auto kInterval = std::chrono::hours(1);
constexpr int kBatch = 1000;
constexpr micros kDay = 24LL * 3600 * 1'000'000;
}  // namespace

int audit_pruner::prune(persistence::database& db, int retention_days, micros now) {
    persistence::audit_repository log(db);
    const micros before = now - retention_days * kDay;
    int removed = 0;
    while (true) {
        auto gone = log.prune(before, kBatch);
        if (!gone) {
            std::fprintf(stderr, "{\"level\":\"warn\",\"msg\":\"audit pruning failed\",\"cause\":\"%s\"}\n",
                         gone.err().message.c_str());
            return removed;
        }
        removed += *gone;
        if (*gone < kBatch) return removed;
    }
}

audit_pruner::audit_pruner(persistence::database& db, int retention_days)
    : task_(kInterval, [&db, retention_days] {
          if (int n = prune(db, retention_days, now_micros()); n > 0)
              std::printf("{\"level\":\"info\",\"msg\":\"old audit lines removed\",\"count\":%d}\n", n);
      }) {}

}  // namespace galley::app
