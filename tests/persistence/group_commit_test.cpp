// Group commit (persistence/detail/group_commit.hpp): threads that commit while a group is being
// written share the next one, and each gets its own item's status.
#include "persistence/detail/group_commit.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

using namespace galley;
using galley::persistence::detail::group_commit;

TEST(group_commit, a_lone_caller_commits_at_once_alone) {
    group_commit<int> group;
    std::vector<std::size_t> sizes;
    auto s = group.commit(7, [&](std::span<const int> items) {
        sizes.push_back(items.size());
        return std::vector<status>(items.size());
    });
    EXPECT_TRUE(s.ok());
    EXPECT_EQ(sizes, (std::vector<std::size_t>{1}));
}

TEST(group_commit, callers_arriving_during_a_commit_share_the_next_one_and_get_their_own_status) {
    group_commit<int> group;
    constexpr int kFollowers = 5;
    std::mutex m;
    std::vector<std::vector<int>> groups;
    auto commit_all = [&](std::span<const int> items) {
        {
            std::lock_guard lock(m);
            groups.emplace_back(items.begin(), items.end());
        }
        if (items.size() == 1 && items[0] == 0) {
            // The first group holds its transaction until every follower waits behind it.
            auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
            while (group.waiting() < kFollowers && std::chrono::steady_clock::now() < deadline)
                std::this_thread::yield();
        }
        std::vector<status> out;
        for (int item : items) out.push_back(item % 2 ? status(make_error(errc::conflict, "odd")) : status());
        return out;
    };
    std::vector<status> outcomes(kFollowers + 1);
    std::thread leader([&] { outcomes[0] = group.commit(0, commit_all); });
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (groups.empty() && std::chrono::steady_clock::now() < deadline) {
        std::lock_guard lock(m);
        if (!groups.empty()) break;
    }
    std::vector<std::thread> followers;
    for (int i = 1; i <= kFollowers; ++i) followers.emplace_back([&, i] { outcomes[i] = group.commit(i, commit_all); });
    leader.join();
    for (auto& t : followers) t.join();

    ASSERT_EQ(groups.size(), 2u) << "the followers share one group";
    EXPECT_EQ(groups[0], (std::vector<int>{0}));
    EXPECT_EQ(groups[1].size(), static_cast<std::size_t>(kFollowers));
    for (int i = 0; i <= kFollowers; ++i) EXPECT_EQ(outcomes[i].ok(), i % 2 == 0) << "item " << i;
}
