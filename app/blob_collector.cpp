#include "app/blob_collector.hpp"

#include <cstdio>

#include "persistence/blob_references.hpp"

namespace galley::app {

namespace {
constexpr auto kInterval = std::chrono::minutes(10);

void warn(const char* what, const std::string& cause) {
    std::fprintf(stderr, "{\"level\":\"warn\",\"msg\":\"%s\",\"cause\":\"%s\"}\n", what, cause.c_str());
}
}  // namespace

int blob_collector::collect(persistence::database& db, persistence::blob_store& blobs, std::chrono::seconds grace) {
    auto projects = blobs.projects();
    if (!projects) {
        warn("blob collection failed", projects.err().message);
        return 0;
    }
    int removed = 0;
    for (const auto& key : *projects) {
        auto files = blobs.files_of(key.user_id, key.project_id);
        if (!files || files->empty()) continue;
        auto used = persistence::referenced_blobs(db, key.project_id);
        if (!used) {
            warn("blob collection failed", used.err().message);
            return removed;  // the database is unwell: try again next time
        }
        for (const std::string& name : *files) {
            if (used->count(name)) continue;
            auto gone = blobs.remove_if_unused(key.user_id, key.project_id, name, grace, [&] {
                return persistence::blob_referenced(db, key.project_id, name);
            });
            if (gone && *gone) ++removed;
        }
    }
    return removed;
}

blob_collector::blob_collector(persistence::database& db, persistence::blob_store& blobs)
    : task_(kInterval, [&db, &blobs] {
          if (int n = collect(db, blobs, kGrace); n > 0)
              std::printf("{\"level\":\"info\",\"msg\":\"unused files removed\",\"count\":%d}\n", n);
      }) {}

}  // namespace galley::app
