#include "domain/engine/spelling/candidate_index.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "domain/engine/spelling/edit_cost.hpp"
#include "domain/utf8.hpp"

namespace galley::engine_detail {

namespace {

constexpr std::size_t kLongWord = 16;  // longer words get single deletions only

using utf8::decode;
using utf8::encode;

std::uint64_t hash_skipping(const std::u32string& folded, std::size_t skip1, std::size_t skip2) {
    std::uint64_t h = 1469598103934665603ull;  // FNV-1a over the kept code points
    for (std::size_t i = 0; i < folded.size(); ++i) {
        if (i == skip1 || i == skip2) continue;
        h = (h ^ static_cast<std::uint64_t>(folded[i])) * 1099511628211ull;
    }
    return h;
}

// Hashes of `folded` with one and two letters deleted, each once ("aab" loses an "a" one way).
template <class Emit>
void for_each_delete(const std::u32string& folded, Emit&& emit) {
    constexpr std::size_t none = static_cast<std::size_t>(-1);
    const std::size_t n = folded.size();
    thread_local std::vector<std::uint64_t> hashes;
    hashes.clear();
    for (std::size_t i = 0; i < n; ++i) {
        hashes.push_back(hash_skipping(folded, i, none));
        if (n > kLongWord) continue;
        for (std::size_t j = i + 1; j < n; ++j) hashes.push_back(hash_skipping(folded, i, j));
    }
    std::sort(hashes.begin(), hashes.end());
    hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
    for (std::uint64_t h : hashes) emit(h);
}

// Each letter trigram of `folded` with 0 marking the word's start and end, packed in 63 bits.
template <class Emit>
void for_each_trigram(const std::u32string& folded, Emit&& emit) {
    auto at = [&](std::size_t i) -> std::uint64_t {  // i is shifted by one: 0 and n+1 are ends
        return i == 0 || i > folded.size() ? 0 : folded[i - 1] & 0x1FFFFF;
    };
    for (std::size_t i = 0; i + 2 <= folded.size() + 1; ++i)
        emit((at(i) << 42) | (at(i + 1) << 21) | at(i + 2));
}

}  // namespace

candidate_index::candidate_index(const std::vector<std::pair<std::string, std::uint64_t>>& words,
                                 lang l)
    : lang_(l) {
    std::unordered_set<std::string_view> seen;
    words_.reserve(words.size());
    for (const auto& [w, c] : words) {
        if (w.empty() || !seen.insert(w).second) continue;
        words_.push_back({decode(w), static_cast<float>(std::log(static_cast<double>(std::max<std::uint64_t>(c, 1))))});
    }
    constexpr std::size_t none = static_cast<std::size_t>(-1);
    deletes_.reserve(words_.size() * 40);
    for (std::uint32_t id = 0; id < words_.size(); ++id) {
        std::u32string folded = fold_word(words_[id].text);
        exact_.emplace_back(hash_skipping(folded, none, none), id);
        for_each_delete(folded, [&](std::uint64_t h) { deletes_.emplace_back(h, id); });
    }
    std::sort(exact_.begin(), exact_.end());
    std::sort(deletes_.begin(), deletes_.end());
    deletes_.shrink_to_fit();
    std::vector<std::uint64_t> all;
    for (const auto& w : words_) {
        std::vector<std::uint64_t> mine;
        for_each_trigram(fold_word(w.text), [&](std::uint64_t t) { mine.push_back(t); });
        std::sort(mine.begin(), mine.end());
        mine.erase(std::unique(mine.begin(), mine.end()), mine.end());
        all.insert(all.end(), mine.begin(), mine.end());
    }
    std::sort(all.begin(), all.end());
    for (std::size_t i = 1; i < all.size(); ++i)  // in two words or more
        if (all[i] == all[i - 1] && (trigrams_.empty() || trigrams_.back() != all[i]))
            trigrams_.push_back(all[i]);
    trigrams_.shrink_to_fit();
}

bool candidate_index::plausible(std::string_view word) const {
    bool all_seen = true;
    for_each_trigram(fold_word(decode(word)), [&](std::uint64_t t) {
        all_seen = all_seen && std::binary_search(trigrams_.begin(), trigrams_.end(), t);
    });
    return all_seen;
}

std::vector<candidate_index::candidate> candidate_index::lookup(std::string_view typed_utf8,
                                                                double max_cost,
                                                                std::size_t limit) const {
    const std::u32string typed = decode(typed_utf8);
    const std::u32string folded = fold_word(typed);
    std::vector<std::uint32_t> ids;
    auto collect = [&](const std::vector<std::pair<std::uint64_t, std::uint32_t>>& table,
                       std::uint64_t h) {
        auto it = std::lower_bound(table.begin(), table.end(), std::make_pair(h, std::uint32_t{0}));
        for (; it != table.end() && it->first == h; ++it) ids.push_back(it->second);
    };
    constexpr std::size_t none = static_cast<std::size_t>(-1);
    const std::uint64_t whole = hash_skipping(folded, none, none);
    collect(exact_, whole);    // same letters, other accents
    collect(deletes_, whole);  // the typed word lacks one or two letters
    for_each_delete(folded, [&](std::uint64_t h) {
        collect(exact_, h);    // the typed word has one or two letters too many
        collect(deletes_, h);  // substitutions, swaps, and mixes
    });
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    std::vector<candidate> out;
    for (std::uint32_t id : ids) {
        const word_entry& w = words_[id];
        if (w.text == typed) continue;
        const edit e = edit_of(typed, w.text, lang_, max_cost);
        if (e.cost > max_cost) continue;
        out.push_back({encode(w.text), e.cost, score_of(w.log_count, e.cost, e.slips), e.slips});
    }
    std::sort(out.begin(), out.end(), [](const candidate& a, const candidate& b) {
        return a.score != b.score ? a.score > b.score : a.word < b.word;
    });
    if (out.size() > limit) out.resize(limit);
    return out;
}

std::uint64_t candidate_index::count(std::string_view word) const {
    const std::u32string text = decode(word);
    constexpr std::size_t none = static_cast<std::size_t>(-1);
    const std::uint64_t h = hash_skipping(fold_word(text), none, none);
    auto it = std::lower_bound(exact_.begin(), exact_.end(), std::make_pair(h, std::uint32_t{0}));
    for (; it != exact_.end() && it->first == h; ++it)
        if (words_[it->second].text == text)
            return static_cast<std::uint64_t>(std::llround(std::exp(words_[it->second].log_count)));
    return 0;
}

std::size_t candidate_index::memory_bytes() const {
    std::size_t bytes = words_.capacity() * sizeof(word_entry) +
                        (deletes_.capacity() + exact_.capacity()) * sizeof(deletes_[0]) +
                        trigrams_.capacity() * sizeof(std::uint64_t);
    for (const auto& w : words_) bytes += w.text.capacity() * sizeof(char32_t);
    return bytes;
}

}  // namespace galley::engine_detail
