#pragma once
// Internal to persistence/: group commit. Threads that commit at about the same time share one
// transaction: the first to arrive leads and commits every item queued so far in one call while
// the others wait; when it is done, a waiting thread whose item is still queued leads the next
// group. No thread waits for a timer, and a lone caller commits at once, alone.
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <span>
#include <vector>

#include "domain/result.hpp"

namespace galley::persistence::detail {

template <class Item>
class group_commit {
public:
    /// Commits `item` together with whatever other threads queued meanwhile: `commit_all` gets
    /// the group (in arrival order) and returns one status per item. Returns this item's status.
    template <class CommitAll>
    status commit(const Item& item, CommitAll&& commit_all) {
        waiter me{&item};
        std::unique_lock lock(mutex_);
        queued_.push_back(&me);
        while (!me.done) {
            if (leading_) {
                changed_.wait(lock);
                continue;
            }
            leading_ = true;
            std::vector<waiter*> group;
            group.swap(queued_);
            lock.unlock();
            std::vector<Item> items;
            items.reserve(group.size());
            for (const waiter* w : group) items.push_back(*w->item);
            std::vector<status> results = commit_all(std::span<const Item>(items));
            lock.lock();
            for (std::size_t i = 0; i < group.size(); ++i) {
                group[i]->result = i < results.size() ? std::move(results[i])
                                                      : make_error(errc::internal, "the group commit lost an item");
                group[i]->done = true;
            }
            leading_ = false;
            changed_.notify_all();
        }
        return std::move(me.result);
    }

    /// Threads whose item waits for the next group (for tests).
    std::size_t waiting() {
        std::lock_guard lock(mutex_);
        return queued_.size();
    }

private:
    struct waiter {
        const Item* item;
        status result{};
        bool done = false;
    };
    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<waiter*> queued_;
    bool leading_ = false;
};

}  // namespace galley::persistence::detail
