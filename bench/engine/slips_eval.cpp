// Development benchmark: one ordinary slip injected per real paragraph (bench/engine/slips.hpp),
// and clean paragraphs. Prints, per language and slip kind, how many the engine fixes exactly
// (the corrected slipped paragraph equals the corrected original) and the share of clean
// paragraphs it changes. Never tune rules on these paragraphs: they stand for any text.
//
// With --precision it also prints each rule's measured precision, the figure its confidence
// should state (issue #10, item 7): a replacement is right when it turns the slip back into the
// original, wrong when it touches the slip otherwise or changes a clean paragraph; replacements
// elsewhere in slipped paragraphs are not counted (the original text is not known to be clean).
//
// Usage: galley_slips_eval [es|en] [--per-kind N] [--clean N] [--seed S] [--dump FILE] [-v KIND]
//                          [--precision]
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <string>

#include "bench/engine/apply_suggestions.hpp"
#include "bench/engine/slips.hpp"
#include "domain/engine/engine.hpp"
#include "domain/engine/speller.hpp"

using namespace galley;

namespace {

// `want` around where it first differs from `got` (the whole of it is often a long paragraph).
std::string around_first_difference(const std::string& want, const std::string& got) {
    const std::u32string w = utf8::decode(want), g = utf8::decode(got);
    std::size_t i = 0;
    while (i < w.size() && i < g.size() && w[i] == g[i]) ++i;
    const std::size_t from = i > 40 ? i - 40 : 0;
    return "…" + utf8::encode(w.substr(from, 80)) + "…";
}

std::string corrected(const engine& e, const std::string& text, const std::string& lang) {
    return bench::apply_replacements(text, bench::check_paragraph(e, text, lang));
}

// The paragraph with the engine's typography fixes applied: the novels keep conventions of
// their time (hyphens for dialogue dashes, "..." for ellipses) that a modern edition would
// not, and "clean" should measure the changes an editor would call wrong, not those.
std::string modern_edition(const engine& e, const std::string& text, const std::string& lang) {
    auto ss = bench::check_paragraph(e, text, lang);
    std::erase_if(ss, [](const suggestion& s) { return s.cat != category::typography; });
    return bench::apply_replacements(text, ss);
}

// Per rule: replacements that restored the original, wrong ones, and the confidences given.
struct rule_tally {
    int right = 0, wrong = 0;
    double confidence_sum = 0;
    int emitted = 0;
};

void count_precision(std::map<std::string, rule_tally>& rules, const std::vector<suggestion>& ss,
                     const std::string& slipped, const std::string& original) {
    const std::u32string s = utf8::decode(slipped), o = utf8::decode(original);
    std::size_t prefix = 0, suffix = 0;
    while (prefix < s.size() && prefix < o.size() && s[prefix] == o[prefix]) ++prefix;
    while (suffix < s.size() - prefix && suffix < o.size() - prefix &&
           s[s.size() - 1 - suffix] == o[o.size() - 1 - suffix])
        ++suffix;
    const std::size_t slip_begin = prefix, slip_end = s.size() - suffix;  // may be empty (a deletion)
    for (const suggestion& x : ss) {
        if (!x.replacement) continue;
        rule_tally& t = rules[x.rule_id];
        t.confidence_sum += x.confidence;
        ++t.emitted;
        if (slipped == original) {  // a clean paragraph
            ++t.wrong;
            continue;
        }
        const std::size_t b = x.offset, e = x.offset + x.length;
        const bool touches = b <= slip_end && e >= slip_begin;
        if (!touches) continue;
        std::u32string fixed = s;
        fixed.replace(x.offset, x.length, utf8::decode(*x.replacement));
        (fixed == o ? t.right : t.wrong) += 1;
    }
}

std::string tsv_cell(std::string s) {
    for (char& c : s)
        if (c == '\t' || c == '\n') c = ' ';
    return s;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> langs = {"es", "en"};
    std::size_t per_kind = 200, clean = 500;
    std::uint32_t seed = 20261129;
    std::string dump, verbose_kind;
    bool precision = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto next = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
        if (a == "--per-kind") per_kind = std::stoul(next());
        else if (a == "--clean") clean = std::stoul(next());
        else if (a == "--seed") seed = static_cast<std::uint32_t>(std::stoul(next()));
        else if (a == "--dump") dump = next();
        else if (a == "-v") verbose_kind = next();
        else if (a == "--precision") precision = true;
        else langs = {a};
    }
    auto e = engine::load();
    auto dicts = engine_detail::dictionaries::load("/usr/share/hunspell");
    if (!e || !dicts) {
        std::cerr << "cannot load dictionaries\n";
        return 1;
    }
    std::ofstream out;
    if (!dump.empty()) out.open(dump);
    if (out) out << "language\tkind\toriginal\tslipped\n";
    std::printf("%-4s %-16s %6s %6s %8s\n", "lang", "kind", "cases", "fixed", "fixed%");
    for (const std::string& lang : langs) {
        auto l = lang == "es" ? engine_detail::lang::es : engine_detail::lang::en;
        auto spelled = [&](const std::string& w) { return (*dicts)->spell(l, false, w); };
        auto paragraphs = bench::corpus_paragraphs(std::string(GALLEY_CORPUS_DIR) + "/text", lang);
        for (auto& p : paragraphs) p = modern_edition(*e, p, lang);
        auto set = bench::make_slip_set(paragraphs, lang, spelled, per_kind, clean, seed);
        std::map<std::string, std::pair<int, int>> tally;  // kind -> (cases, fixed or changed)
        std::map<std::string, rule_tally> rules;
        for (const auto& c : set) {
            if (precision)
                count_precision(rules, bench::check_paragraph(*e, c.slipped, lang), c.slipped, c.original);
            if (out) out << lang << '\t' << c.kind << '\t' << tsv_cell(c.original) << '\t' << tsv_cell(c.slipped) << '\n';
            std::string want = corrected(*e, c.original, lang);
            auto& [cases, hits] = tally[c.kind];
            ++cases;
            if (c.kind == "clean") {
                hits += want != c.original;
                if (verbose_kind == "clean" && want != c.original) {
                    const std::u32string text = utf8::decode(c.original);
                    for (const auto& s : bench::check_paragraph(*e, c.original, lang)) {
                        if (!s.replacement) continue;
                        const std::size_t from = s.offset > 50 ? s.offset - 50 : 0;
                        std::cout << "CHANGED\t" << s.rule_id << "\t" << s.original << " -> "
                                  << *s.replacement << "\t…"
                                  << utf8::encode(text.substr(from, s.offset - from)) << "[["
                                  << utf8::encode(text.substr(s.offset, s.length)) << "]]"
                                  << utf8::encode(text.substr(s.offset + s.length, 50)) << "…\n";
                    }
                }
                continue;
            }
            std::string got = corrected(*e, c.slipped, lang);
            hits += got == want;
            if (verbose_kind == c.kind && got != want)
                std::cout << "MISSED\t" << c.slipped << "\n   ->\t" << got << "\n   want\t"
                          << around_first_difference(want, got) << "\n   got\t" << around_first_difference(got, want)
                          << "\n";
        }
        int all_cases = 0, all_fixed = 0;
        for (const std::string& kind : bench::slip_kinds(lang)) {
            auto [cases, fixed] = tally[kind];
            all_cases += cases;
            all_fixed += fixed;
            std::printf("%-4s %-16s %6d %6d %7.1f%%\n", lang.c_str(), kind.c_str(), cases, fixed,
                        cases ? 100.0 * fixed / cases : 0.0);
        }
        std::printf("%-4s %-16s %6d %6d %7.1f%%\n", lang.c_str(), "ALL slips", all_cases, all_fixed,
                    all_cases ? 100.0 * all_fixed / all_cases : 0.0);
        auto [clean_cases, changed] = tally["clean"];
        std::printf("%-4s %-16s %6d %6d %7.1f%%  (clean paragraphs changed)\n", lang.c_str(),
                    "clean", clean_cases, changed, clean_cases ? 100.0 * changed / clean_cases : 0.0);
        if (precision) {
            std::printf("\n%-4s %-34s %6s %6s %10s %11s\n", "lang", "rule", "right", "wrong",
                        "precision", "confidence");
            for (const auto& [id, t] : rules) {
                if (t.right + t.wrong == 0) continue;
                std::printf("%-4s %-34s %6d %6d %9.0f%% %10.2f\n", lang.c_str(), id.c_str(), t.right,
                            t.wrong, 100.0 * t.right / (t.right + t.wrong),
                            t.emitted ? t.confidence_sum / t.emitted : 0.0);
            }
        }
    }
    return 0;
}
