// Engine speed: words per second per core over the corpus novels, all rules on, against a
// plain hunspell spell() pass over the same words in the same process. Prints the ratio.
//
// Usage: galley_bench_engine [--rules] [file.txt ...]   (default: every corpus/text/*.txt)
//        --rules also prints how many suggestions each rule made per file.
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <hunspell/hunspell.hxx>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "domain/engine/engine.hpp"
#include "domain/text_stats.hpp"

using namespace galley;
using clock_type = std::chrono::steady_clock;

namespace {

// Simple TXT reader: paragraphs split on blank lines, lines joined with one space.
document_text read_txt(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    document_text doc;
    std::string line, current;
    std::istringstream lines(ss.str());
    auto flush = [&] {
        if (!current.empty())
            doc.paragraphs.push_back(
                {story_kind::body, static_cast<std::uint32_t>(doc.paragraphs.size()), current});
        current.clear();
    };
    while (std::getline(lines, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        std::size_t a = line.find_first_not_of(" \t"), b = line.find_last_not_of(" \t");
        if (a == std::string::npos) {
            flush();
            continue;
        }
        if (!current.empty()) current += ' ';
        current += line.substr(a, b - a + 1);
    }
    flush();
    return doc;
}

// The words hunspell -l would look at: maximal runs of letters (ASCII and UTF-8 multibyte).
std::vector<std::string> words_of(const document_text& doc) {
    std::vector<std::string> out;
    for (const auto& p : doc.paragraphs) {
        std::string w;
        for (char ch : p.text) {
            unsigned char c = static_cast<unsigned char>(ch);
            if (std::isalpha(c) || c >= 0x80 || c == '\'') {
                w.push_back(ch);
            } else if (!w.empty()) {
                out.push_back(std::move(w));
                w.clear();
            }
        }
        if (!w.empty()) out.push_back(std::move(w));
    }
    return out;
}

double seconds_since(clock_type::time_point t) {
    return std::chrono::duration<double>(clock_type::now() - t).count();
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> files;
    bool by_rule = false;
    for (int i = 1; i < argc; ++i) {
        if (std::string(argv[i]) == "--rules")
            by_rule = true;
        else
            files.push_back(argv[i]);
    }
    if (files.empty())
        for (const auto& f :
             std::filesystem::directory_iterator(std::string(GALLEY_CORPUS_DIR) + "/text"))
            if (f.path().extension() == ".txt") files.push_back(f.path().string());
    std::sort(files.begin(), files.end());
    auto e = engine::load();
    if (!e) {
        std::fprintf(stderr, "cannot load dictionaries: %s\n", e.err().message.c_str());
        return 1;
    }
    Hunspell es("/usr/share/hunspell/es_ES.aff", "/usr/share/hunspell/es_ES.dic");
    Hunspell en("/usr/share/hunspell/en_US.aff", "/usr/share/hunspell/en_US.dic");
    std::printf("%-32s %8s %7s %12s %12s %7s %10s\n", "file", "words", "lang", "engine w/s",
                "spell() w/s", "ratio", "suggest.");
    for (const auto& f : files) {
        document_text doc = read_txt(f);
        std::vector<std::string> words = words_of(doc);
        const auto lang = engine::detect(doc).language;
        Hunspell& h = lang == "es" ? es : en;
        auto t0 = clock_type::now();
        std::size_t unknown = 0;
        for (const auto& w : words) unknown += !h.spell(w);
        double spell_s = seconds_since(t0);
        check_options o;
        auto t1 = clock_type::now();
        auto r = e->check_detailed(doc, o);
        double engine_s = seconds_since(t1);
        double n = static_cast<double>(words.size());
        std::printf("%-32s %8zu %7s %12.0f %12.0f %6.1fx %10zu\n",
                    std::filesystem::path(f).filename().string().c_str(), words.size(),
                    lang.c_str(), n / engine_s, n / spell_s, engine_s / spell_s,
                    r.suggestions.size());
        (void)unknown;
        if (!by_rule) continue;
        std::map<std::string, std::pair<int, int>> counts;  // rule -> (all, with replacement)
        for (const auto& s : r.suggestions) {
            ++counts[s.rule_id].first;
            counts[s.rule_id].second += s.replacement.has_value();
        }
        for (const auto& [rule, n] : counts)
            std::printf("    %-28s %7d (%d with a replacement)\n", rule.c_str(), n.first, n.second);
    }
    return 0;
}
