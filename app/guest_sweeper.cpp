#include "app/guest_sweeper.hpp"

#include <chrono>
#include <cstdio>

#include "persistence/user_repository.hpp"

namespace galley::app {

namespace {
constexpr auto kInterval = std::chrono::seconds(60);
constexpr int kBatch = 200;
}  // namespace

int guest_sweeper::sweep(persistence::database& db, persistence::blob_store& blobs, micros now) {
    persistence::user_repository users(db);
    int removed = 0;
    while (true) {
        auto gone = users.remove_expired_guests(now, kBatch);
        if (!gone) {
            std::fprintf(stderr, "{\"level\":\"warn\",\"msg\":\"guest sweep failed\",\"cause\":\"%s\"}\n",
                         gone.err().message.c_str());
            return removed;
        }
        for (const auto& id : *gone) (void)blobs.remove_user(id);  // a leftover file is harmless
        removed += static_cast<int>(gone->size());
        if (static_cast<int>(gone->size()) < kBatch) return removed;
    }
}

guest_sweeper::guest_sweeper(persistence::database& db, persistence::blob_store& blobs)
    : task_(kInterval, [&db, &blobs] {
          if (int n = sweep(db, blobs, now_micros()); n > 0)
              std::printf("{\"level\":\"info\",\"msg\":\"expired guests removed\",\"count\":%d}\n", n);
      }) {}

}  // namespace galley::app
