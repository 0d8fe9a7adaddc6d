// `galley correct INPUT... --out DIR [--lang auto|es|en] [--no-tracked] [--min-confidence X]`: the run
// artefacts of DESIGN.md without a server; replacements below X stay suggestions (not applied).
// Per input, into DIR: STEM.corrections.jsonl, STEM.corrected.txt or STEM.corrected.docx (by
// content, not extension) and, for DOCX, STEM.tracked.docx; per batch changelog.csv and summary.md. A stem used twice in one batch gets "-2", "-3"... appended.
//
// Exit codes: 0 every input corrected; 2 usage error, or some input refused (hostile or not
// DOCX/text: one line `galley: FILE: refused: REASON`, the others are still corrected);
// 1 some input could not be read or written, the engine could not load, or an internal error
// (1 wins over 2 when both happen).
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <sstream>

#include "app/command_catalog.hpp"
#include "app/commands.hpp"
#include "app/config.hpp"
#include "domain/clock.hpp"
#include "domain/correction_pipeline.hpp"
#include "domain/sha256.hpp"

namespace galley::app {

namespace {
namespace fs = std::filesystem;
using steady = std::chrono::steady_clock;

constexpr std::size_t kProgressFromBytes = 256 * 1024;  // "long input": show progress
// Confidence is a rule's measured precision: by default only the fixes right at least six
// times in ten are applied; the rest stay suggestions in the jsonl (--min-confidence 0: all).
constexpr double kSafeFixes = 0.6;

constexpr const char* kUsage = "usage: galley correct INPUT... --out DIR [options] (galley correct --help)\n";

int usage_error(const std::string& line) {
    std::fprintf(stderr, "galley: %s\n%s", line.c_str(), kUsage);
    return 2;
}

bool read_whole(const std::string& path, std::string& out) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return false;
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    out = std::move(ss).str();
    return static_cast<bool>(in) || in.eof();
}

bool write_whole(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    return static_cast<bool>(out);
}

// RFC 3339 UTC to the second: what Word writes in w:date.
std::string now_seconds() { return to_rfc3339(now_micros()).substr(0, 19) + "Z"; }

// A should_stop that never stops but prints "N paragraphs" on a terminal, at most 4 times/s.
std::function<bool()> progress_printer(const std::string& input, std::size_t& paragraphs) {
    auto last = std::make_shared<steady::time_point>(steady::now());
    return [&input, &paragraphs, last] {
        ++paragraphs;
        if (steady::now() - *last >= std::chrono::milliseconds(250)) {
            *last = steady::now();
            std::fprintf(stderr, "\rgalley: %s: %zu paragraphs checked", input.c_str(), paragraphs);
        }
        return false;
    };
}

struct batch {
    const engine& eng;
    fs::path out_dir;
    std::string language;
    bool tracked = true;
    double min_confidence = 0.0;
    std::string date = now_seconds();
    std::map<std::string, int> stems;  // stem → times used
    std::vector<document_report> reports;
    bool refused = false, failed = false;

    std::string unique_stem(const std::string& stem) {
        int n = ++stems[stem];
        return n == 1 ? stem : stem + "-" + std::to_string(n);
    }

    void fail(const std::string& input, const std::string& what) {
        std::fprintf(stderr, "galley: %s: %s\n", input.c_str(), what.c_str());
        failed = true;
    }

    void correct(const std::string& input);
    bool write(const std::string& input, const std::string& file, const std::string& bytes) {
        if (write_whole(out_dir / file, bytes)) return true;
        fail(input, "cannot write " + (out_dir / file).string());
        return false;
    }
};

void batch::correct(const std::string& input) {
    std::string bytes;
    if (!read_whole(input, bytes)) return fail(input, "cannot read the file");
    correction_options options;
    options.document_id = sha256_hex(bytes).substr(0, 32);  // no database: id from content
    options.name = fs::path(input).filename().string();
    options.check.language = language;
    options.tracked = tracked;
    options.min_confidence = min_confidence;
    options.date = date;
    std::size_t paragraphs = 0;
    const bool progress = bytes.size() >= kProgressFromBytes && ::isatty(STDERR_FILENO);
    if (progress) options.check.should_stop = progress_printer(input, paragraphs);
    auto out = correct_document(eng, bytes, options);
    if (progress) std::fprintf(stderr, "\r\033[K");
    if (!out) {
        if (!is_refusal(out.err())) return fail(input, out.err().message);
        std::fprintf(stderr, "galley: %s: refused: %s\n", input.c_str(), out.err().message.c_str());
        refused = true;
        return;
    }
    const bool docx = out->format == formats::document_format::docx;
    const std::string stem = unique_stem(fs::path(input).stem().string());
    if (!write(input, stem + ".corrections.jsonl", out->corrections_jsonl) ||
        !write(input, stem + (docx ? ".corrected.docx" : ".corrected.txt"), out->corrected) ||
        (docx && tracked && !write(input, stem + ".tracked.docx", out->tracked)))
        return;
    std::printf("%s: %zu suggestions (language %s) -> %s\n", input.c_str(),
                out->report.suggestions.size(), out->report.language.c_str(),
                (out_dir / stem).string().c_str());
    reports.push_back(std::move(out->report));
}
}  // namespace

int correct_command(const std::vector<std::string>& args) {
    auto line = read_command_line("correct", args);
    if (const int* exit_code = std::get_if<int>(&line)) return *exit_code;
    auto* parsed = &std::get<parsed_args>(line);
    const auto& flags = parsed->flags;
    if (parsed->positional.empty()) return usage_error("no input files");
    auto out = flags.find("out");
    if (out == flags.end() || out->second.empty()) return usage_error("--out DIR is required");
    std::string language = flags.contains("lang") ? flags.at("lang") : "auto";
    if (language != "auto" && language != "es" && language != "en")
        return usage_error("--lang must be auto, es or en");

    double min_confidence = kSafeFixes;
    if (auto m = flags.find("min-confidence"); m != flags.end()) {
        char* end = nullptr;
        min_confidence = std::strtod(m->second.c_str(), &end);
        if (m->second.empty() || *end != '\0' || !(min_confidence >= 0.0 && min_confidence <= 1.0))
            return usage_error("--min-confidence must be a number from 0 to 1");
    }

    std::error_code ec;
    fs::create_directories(out->second, ec);
    if (ec || !fs::is_directory(out->second)) {
        std::fprintf(stderr, "galley: cannot create %s: %s\n", out->second.c_str(),
                     ec.message().c_str());
        return 1;
    }
    auto eng = engine::load();
    if (!eng) {
        std::fprintf(stderr, "galley: cannot load the engine: %s\n", eng.err().message.c_str());
        return 1;
    }
    batch b{*eng, out->second, language, !flags.contains("no-tracked"), min_confidence, now_seconds(), {}, {}};
    for (const std::string& input : parsed->positional) b.correct(input);
    if (!b.reports.empty()) {
        b.write("changelog.csv", "changelog.csv", changelog_csv(b.reports));
        b.write("summary.md", "summary.md", summary_md(b.reports));
    }
    return b.failed ? 1 : b.refused ? 2 : 0;
}

}  // namespace galley::app
