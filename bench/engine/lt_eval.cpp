// Development benchmark: the engine against LanguageTool's rule examples (corpus/lt).
// For each rule family: error sentences with a suggestion overlapping the marked span
// ("covered"), sentences our replacements turn exactly into the first correction ("exact"),
// and correct sentences we would change ("ok changed"). Never tune on individual sentences.
//
// Usage: galley_lt_eval [es|en] [-v]   (-v prints the ok sentences we change, and misses)
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "bench/engine/apply_suggestions.hpp"
#include "domain/engine/engine.hpp"
#include "domain/utf8.hpp"

using namespace galley;

namespace {

const std::vector<std::string> kFamilies = {"TYPOGRAPHY",  "ACCURATE_TYPOGRAPHY", "TYPOS",
                                            "MISSPELLING", "DIACRITICS",          "PUNCTUATION",
                                            "CASING",      "CONFUSED_WORDS",      "REPETITIONS"};

// A cell holding quotes is written CSV-style: "Es ""grande""." is «Es "grande".».
std::string unquote(const std::string& cell) {
    if (cell.size() < 2 || cell.front() != '"' || cell.back() != '"') return cell;
    std::string out;
    for (std::size_t i = 1; i + 1 < cell.size(); ++i) {
        out += cell[i];
        if (cell[i] == '"' && i + 2 < cell.size() && cell[i + 1] == '"') ++i;
    }
    return out;
}

std::vector<std::vector<std::string>> read_tsv(const std::string& path) {
    std::ifstream in(path);
    std::vector<std::vector<std::string>> rows;
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        std::vector<std::string> cells;
        std::stringstream ss(line);
        std::string cell;
        while (std::getline(ss, cell, '\t')) cells.push_back(unquote(cell));
        rows.push_back(std::move(cells));
    }
    return rows;
}

std::u32string decode(const std::string& s) {
    std::u32string out;
    std::size_t i = 0;
    while (i < s.size()) out.push_back(utf8::next(s, i));
    return out;
}

std::string encode(const std::u32string& s) {
    std::string out;
    for (char32_t c : s) utf8::append(out, c);
    return out;
}

std::string apply_all(const std::string& text, const std::vector<suggestion>& ss) {
    std::u32string t = decode(text);
    for (auto it = ss.rbegin(); it != ss.rend(); ++it) {
        if (!it->replacement) continue;
        t.replace(it->offset, it->length, decode(*it->replacement));
    }
    return encode(t);
}

std::string family_of(std::string category) {
    if (!category.empty() && category.back() == '?') category.pop_back();
    return category;
}

struct tally {
    int errors = 0, covered = 0, exact = 0, ok = 0, ok_changed = 0;
};

std::vector<suggestion> run(const engine& e, const std::string& text, const std::string& lang) {
    return bench::check_paragraph(e, text, lang);
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> langs = {"es", "en"};
    bool verbose = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "-v")
            verbose = true;
        else
            langs = {a};
    }
    auto e = engine::load();
    if (!e) {
        std::cerr << "cannot load dictionaries: " << e.err().message << "\n";
        return 1;
    }
    const std::string dir = std::string(GALLEY_CORPUS_DIR) + "/lt/";
    for (const auto& lang : langs) {
        std::map<std::string, tally> by_family;
        std::map<std::string, int> ok_rules;
        int ok_total = 0, ok_changed_total = 0;
        for (const auto& row : read_tsv(dir + lang + ".tsv")) {
            if (row.size() < 7) continue;
            std::string fam = family_of(row[1]);
            tally& t = by_family[fam];
            ++t.errors;
            const std::string& marked = row[6];
            std::size_t open = marked.find("[[");
            if (open == std::string::npos) continue;
            auto m_off = utf8::count(std::string_view(marked).substr(0, open));
            auto m_len = utf8::count(row[3]);
            auto ss = run(*e, row[2], lang);
            bool cover = false;
            for (const auto& s : ss)
                cover |= s.offset < m_off + std::max<std::size_t>(m_len, 1) &&
                         m_off < s.offset + std::max<std::uint32_t>(s.length, 1);
            t.covered += cover;
            bool exact = apply_all(row[2], ss) == row[5];
            t.exact += exact;
            if (verbose && !cover && fam != "" && std::getenv("GALLEY_LT_MISSES"))
                std::cout << "MISS [" << fam << "] " << row[0] << "\t" << marked << "\n";
        }
        for (const auto& row : read_tsv(dir + lang + "_ok.tsv")) {
            if (row.size() < 3) continue;
            std::string fam = family_of(row[1]);
            tally& t = by_family[fam];
            ++t.ok;
            ++ok_total;
            auto ss = run(*e, row[2], lang);
            bool changed = false;
            for (const auto& s : ss) {
                if (!s.replacement) continue;
                changed = true;
                ++ok_rules[s.rule_id];
                if (verbose)
                    std::cout << "OK-CHANGED [" << fam << "] " << s.rule_id << "\t'" << s.original << "' -> '"
                              << *s.replacement << "'\t" << row[2] << "\n";
            }
            t.ok_changed += changed;
            ok_changed_total += changed;
        }
        std::printf("\n== %s ==\n%-22s %7s %8s %6s   %6s %11s\n", lang.c_str(), "family", "errors",
                    "covered", "exact", "ok", "ok changed");
        for (const auto& fam : kFamilies) {
            const tally& t = by_family[fam];
            std::printf("%-22s %7d %8d %6d   %6d %11d\n", fam.c_str(), t.errors, t.covered, t.exact,
                        t.ok, t.ok_changed);
        }
        tally all;
        for (const auto& [fam, t] : by_family) {
            all.errors += t.errors;
            all.covered += t.covered;
            all.exact += t.exact;
        }
        std::printf("%-22s %7d %8d %6d   %6d %11d  (%.1f%% of ok sentences changed)\n",
                    "ALL (every category)", all.errors, all.covered, all.exact, ok_total,
                    ok_changed_total, ok_total ? 100.0 * ok_changed_total / ok_total : 0.0);
        std::printf("rules changing ok sentences:");
        for (const auto& [rule, n] : ok_rules) std::printf(" %s=%d", rule.c_str(), n);
        std::printf("\n");
    }
    return 0;
}
