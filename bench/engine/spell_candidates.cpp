// Developer tool: the spelling corrector's ranked candidates for words, with cost and score,
// and the index's size, memory and build time.
//
// Usage: galley_spell_candidates es|en WORD...
#include <chrono>
#include <cstdio>
#include <string>

#include "domain/engine/speller.hpp"

using namespace galley::engine_detail;

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s es|en WORD...\n", argv[0]);
        return 2;
    }
    lang l = std::string(argv[1]) == "es" ? lang::es : lang::en;
    auto dicts = dictionaries::load("/usr/share/hunspell");
    if (!dicts) return 1;
    auto t0 = std::chrono::steady_clock::now();
    const candidate_index& index = (*dicts)->index(l);
    auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    std::printf("index: %zu words, %.1f MB, built in %.0f ms\n", index.size(),
                static_cast<double>(index.memory_bytes()) / (1 << 20), ms);
    for (int i = 2; i < argc; ++i) {
        std::printf("%s:\n", argv[i]);
        for (const auto& c : index.lookup(argv[i], 2.0, 8))
            std::printf("  %-20s cost %.2f  score %6.2f  count %llu\n", c.word.c_str(), c.cost,
                        c.score, static_cast<unsigned long long>(index.count(c.word)));
    }
    return 0;
}
