// End-to-end: `galley correct` as a user runs it — real binary, real files, real corpus.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "domain/correction_pipeline.hpp"
#include "domain/formats/docx_reader.hpp"
#include "domain/formats/txt_document.hpp"
#include "domain/sha256.hpp"
#include "domain/utf8.hpp"
#include "tests/support/galley_command.hpp"
#include "tests/support/galley_process.hpp"
#include "tests/support/zip_builder.hpp"


using namespace galley;
using namespace galley::testing;
namespace fs = std::filesystem;

namespace {

// Runs `galley correct ARGS...` with stdout/stderr captured into files of `dir`.
command_result run_correct(const std::string& dir, std::vector<std::string> args) {
    args.insert(args.begin(), "correct");
    return run_galley(dir, args);
}

void write_file(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

std::vector<nlohmann::json> jsonl(const std::string& path) {
    std::vector<nlohmann::json> lines;
    std::istringstream in(slurp(path));
    for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
    return lines;
}

// Every API.md suggestion field (minus run_id/state) with its type and range.
void expect_api_fields(const nlohmann::json& s) {
    static const std::regex hex32("[0-9a-f]{32}");
    static const std::set<std::string> categories = {"spelling", "typography", "punctuation",
                                                     "grammar", "style"};
    static const std::set<std::string> stories = {"body",     "header",  "footer",
                                                  "footnote", "endnote", "comment"};
    ASSERT_TRUE(std::regex_match(s.at("id").get<std::string>(), hex32)) << s;
    EXPECT_TRUE(std::regex_match(s.at("document_id").get<std::string>(), hex32)) << s;
    EXPECT_TRUE(stories.contains(s.at("story").get<std::string>())) << s;
    EXPECT_TRUE(s.at("paragraph").is_number_unsigned() && s.at("offset").is_number_unsigned() &&
                s.at("length").is_number_unsigned())
        << s;
    EXPECT_TRUE(s.at("original").is_string() && s.at("rule_id").is_string() &&
                s.at("message").is_string())
        << s;
    EXPECT_TRUE(s.at("replacement").is_string() || s.at("replacement").is_null()) << s;
    EXPECT_TRUE(categories.contains(s.at("category").get<std::string>())) << s;
    double confidence = s.at("confidence").get<double>();
    EXPECT_TRUE(confidence >= 0 && confidence <= 1) << s;
    EXPECT_TRUE(s.at("context").at("text").is_string() && s.at("context").at("offset").is_number())
        << s;
}

// Paragraph texts keyed by (story, index) with the jsonl's replacements applied on code points.
std::map<std::pair<std::string, std::uint32_t>, std::string> expected_texts(
    const document_text& original, const std::vector<nlohmann::json>& suggestions) {
    std::map<std::pair<std::string, std::uint32_t>, std::string> out;
    for (const auto& p : original.paragraphs)
        out[{std::string(story_name(p.story)), p.index}] = p.text;
    // Back to front, so earlier offsets stay valid.
    for (auto it = suggestions.rbegin(); it != suggestions.rend(); ++it) {
        const auto& s = *it;
        // `galley correct` applies only the safe fixes by default (confidence >= 0.6).
        if (s.at("replacement").is_null() || s.at("confidence").get<double>() < 0.6) continue;
        std::string& text =
            out[{s.at("story").get<std::string>(), s.at("paragraph").get<std::uint32_t>()}];
        std::size_t begin = 0, cp = 0, end = 0;
        while (cp < s.at("offset").get<std::size_t>()) utf8::next(text, begin), ++cp;
        for (end = begin;
             cp < s.at("offset").get<std::size_t>() + s.at("length").get<std::size_t>(); ++cp)
            utf8::next(text, end);
        EXPECT_EQ(text.substr(begin, end - begin), s.at("original").get<std::string>()) << s;
        text.replace(begin, end - begin, s.at("replacement").get<std::string>());
    }
    return out;
}

void expect_texts(const document_text& actual,
                  const std::map<std::pair<std::string, std::uint32_t>, std::string>& expected,
                  const std::string& what) {
    ASSERT_EQ(actual.paragraphs.size(), expected.size()) << what;
    for (const auto& p : actual.paragraphs)
        EXPECT_EQ(p.text, expected.at({std::string(story_name(p.story)), p.index}))
            << what << " " << story_name(p.story) << " " << p.index;
}

// The first `bytes` of a corpus novel, cut at a line end (so still valid UTF-8).
std::string excerpt(const std::string& novel, std::size_t bytes) {
    std::string all = slurp(std::string(GALLEY_CORPUS_DIR) + "/text/" + novel);
    return all.substr(0, all.find('\n', bytes) + 1);
}

class correct_command : public ::testing::Test {
protected:
    void SetUp() override {
        dir = make_temp_dir("galley-correct");
        ASSERT_FALSE(dir.empty());
        out = dir + "/out";
    }
    void TearDown() override {
        if (!HasFailure()) fs::remove_all(dir);
    }
    std::string input(const std::string& name, const std::string& bytes) {
        write_file(dir + "/" + name, bytes);
        return dir + "/" + name;
    }
    std::string dir, out;
};

TEST_F(correct_command, spanish_and_english_novel_excerpts) {
    const std::string es = excerpt("es__la_regenta.txt", 40'000);
    const std::string en = excerpt("en__frankenstein.txt", 40'000);
    auto r =
        run_correct(dir, {input("regenta.txt", es), input("frankenstein.txt", en), "--out", out});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    EXPECT_NE(r.out.find("regenta.txt: "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("(language es)"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("(language en)"), std::string::npos) << r.out;
    for (const char* f : {"changelog.csv", "summary.md"})
        EXPECT_TRUE(fs::exists(out + "/" + f)) << f;
    EXPECT_FALSE(fs::exists(out + "/regenta.tracked.docx"));
    for (const auto& [stem, original] : {std::pair{"regenta", es}, std::pair{"frankenstein", en}}) {
        auto lines = jsonl(out + "/" + stem + ".corrections.jsonl");
        EXPECT_GT(lines.size(), 0u) << stem;
        std::set<std::string> ids;
        for (const auto& s : lines) {
            expect_api_fields(s);
            ids.insert(s.at("id").get<std::string>());
            EXPECT_EQ(s.at("document_id"), lines.front().at("document_id"));
        }
        EXPECT_EQ(ids.size(), lines.size()) << "suggestion ids are unique";
        // The corrected text differs from the original exactly where the suggestions apply.
        auto before = formats::txt_document::parse(original);
        auto after = formats::txt_document::parse(slurp(out + "/" + stem + ".corrected.txt"));
        ASSERT_TRUE(before.ok() && after.ok());
        expect_texts(after->text(), expected_texts(before->text(), lines), stem);
    }
    EXPECT_NE(slurp(out + "/changelog.csv").find("regenta.txt"), std::string::npos);
}

TEST_F(correct_command, same_input_gets_the_same_ids_and_a_repeated_stem_is_suffixed) {
    const std::string text = "Yo tambien quiero ir al cine, pero no se si podre ir mañana.\n";
    const std::string a = input("a.txt", text);
    fs::create_directory(dir + "/other");
    write_file(dir + "/other/a.txt", text);
    auto r = run_correct(dir, {a, dir + "/other/a.txt", "--out", out, "--lang", "es"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(slurp(out + "/a.corrections.jsonl"), slurp(out + "/a-2.corrections.jsonl"));
    EXPECT_NE(slurp(out + "/a.corrected.txt").find("también"), std::string::npos);
}

TEST_F(correct_command, misspelling_in_txt_is_corrected) {
    const std::string a =
        input("carta.txt", "Querida Ana:\n\nYo tambien pienso que el libro está casi listo.\n");
    auto r = run_correct(dir, {a, "--out", out, "--lang", "es"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(slurp(out + "/carta.corrected.txt"),
              "Querida Ana:\n\nYo también pienso que el libro está casi listo.\n");
    auto lines = jsonl(out + "/carta.corrections.jsonl");
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].at("original"), "tambien");
    EXPECT_EQ(lines[0].at("replacement"), "también");
    EXPECT_EQ(lines[0].at("category"), "spelling");
}

TEST_F(correct_command, min_confidence_chooses_what_is_applied) {
    const std::string a =
        input("carta.txt", "Querida Ana:\n\nYo tambien pienso que el libro está casi listo.\n");
    auto r = run_correct(dir, {a, "--out", out, "--lang", "es", "--min-confidence", "1"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    // The accent (confidence below 1) stays a suggestion; the text is left as it was.
    EXPECT_EQ(slurp(out + "/carta.corrected.txt"),
              "Querida Ana:\n\nYo tambien pienso que el libro está casi listo.\n");
    EXPECT_EQ(jsonl(out + "/carta.corrections.jsonl").size(), 1u);
    EXPECT_EQ(run_correct(dir, {a, "--out", out, "--min-confidence", "2"}).exit_code, 2);
    EXPECT_EQ(run_correct(dir, {a, "--out", out, "--min-confidence", "high"}).exit_code, 2);
}

TEST_F(correct_command, corpus_docx_files_get_corrected_and_tracked_copies) {
    const std::vector<std::string> names = {"mammoth__footnotes",
                                            "python-docx__hdr-header-footer",
                                            "pandoc__comments",
                                            "pandoc__ns0-reference",
                                            "docx2python__multiple_runs_per_paragraph",
                                            "mammoth__tables",
                                            "pandoc__track_changes_insertion",
                                            "mammoth__strict-format",
                                            "wordextractor__test04",
                                            "docx4j__sample-docx"};
    std::vector<std::string> args = {"--out", out};
    for (const auto& n : names)
        args.push_back(std::string(GALLEY_CORPUS_DIR) + "/docx/" + n + ".docx");
    auto r = run_correct(dir, args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::size_t replacements = 0;
    for (const auto& n : names) {
        SCOPED_TRACE(n);
        const std::string corrected = slurp(out + "/" + n + ".corrected.docx");
        const std::string tracked = slurp(out + "/" + n + ".tracked.docx");
        auto lines = jsonl(out + "/" + n + ".corrections.jsonl");
        for (const auto& s : lines) {
            expect_api_fields(s);
            replacements += s.at("replacement").is_string();
        }
        auto original =
            formats::read_docx(slurp(std::string(GALLEY_CORPUS_DIR) + "/docx/" + n + ".docx"));
        auto c = formats::read_docx(corrected);
        auto t = formats::read_docx(tracked);  // the reader sees the accept-all view
        ASSERT_TRUE(original.ok() && c.ok() && t.ok());
        auto expected = expected_texts(original->text, lines);
        expect_texts(c->text, expected, "corrected");
        expect_texts(t->text, expected, "tracked, all accepted");
    }
    EXPECT_GT(replacements, 0u) << "the sample should contain something to correct";
}

TEST_F(correct_command, no_tracked_omits_the_tracked_copy) {
    const std::string doc =
        input("nota.docx", minimal_docx({"Esto tambien es una prueba del libro."}));
    auto r = run_correct(dir, {doc, "--out", out, "--no-tracked", "--lang", "es"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(fs::exists(out + "/nota.corrected.docx"));
    EXPECT_FALSE(fs::exists(out + "/nota.tracked.docx"));
    auto c = formats::read_docx(slurp(out + "/nota.corrected.docx"));
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(c->text.paragraphs.at(0).text, "Esto también es una prueba del libro.");
}

TEST_F(correct_command, refused_input_exits_2_with_one_line_and_the_rest_is_corrected) {
    const std::string rels =
        "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
        "2006/relationships\"><Relationship Id=\"r\" Type=\"http://schemas.openxmlformats.org/"
        "officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
        "</Relationships>";
    const std::string body =
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/"
        "wordprocessingml/2006/main\"><w:body/></w:document>";
    const std::string macro = input("macro.docx", build_zip({{"[Content_Types].xml", "<Types/>"},
                                                             {"_rels/.rels", rels},
                                                             {"word/document.xml", body},
                                                             {"word/vbaProject.bin", "VB"}}));
    const std::string ok = input("ok.txt", "Una frase sin nada que corregir.\n");
    auto r = run_correct(dir, {macro, ok, "--out", out});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_EQ(r.err.rfind("galley: " + macro + ": refused: ", 0), 0u) << r.err;
    EXPECT_TRUE(fs::exists(out + "/ok.corrected.txt"));
    EXPECT_FALSE(fs::exists(out + "/macro.corrections.jsonl"));
    EXPECT_FALSE(fs::exists(out + "/macro.corrected.docx"));
}

TEST_F(correct_command, usage_errors_exit_2_and_unreadable_files_exit_1) {
    const std::string ok = input("ok.txt", "Hello there.\n");
    EXPECT_EQ(run_correct(dir, {ok}).exit_code, 2);            // no --out
    EXPECT_EQ(run_correct(dir, {"--out", out}).exit_code, 2);  // no input
    EXPECT_EQ(run_correct(dir, {ok, "--out", out, "--lang", "fr"}).exit_code, 2);
    EXPECT_EQ(run_correct(dir, {ok, "--out", out, "--bogus"}).exit_code, 2);
    auto r = run_correct(dir, {dir + "/missing.txt", ok, "--out", out});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "galley: " + dir + "/missing.txt: cannot read the file\n");
    EXPECT_TRUE(fs::exists(out + "/ok.corrected.txt"));
}

// The pipeline's contract as the corrector actors rely on it (in-process, no binary).
class correction_pipeline : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        auto e = engine::load();
        ASSERT_TRUE(e.ok()) << e.err().message;
        eng = new engine(std::move(*e));
    }
    static void TearDownTestSuite() { delete eng; }
    static correction_options options() {
        correction_options o;
        o.document_id = "doc-1";
        o.name = "x";
        o.check.language = "es";
        o.date = "2024-05-01T12:00:00Z";
        return o;
    }
    static inline engine* eng = nullptr;
};

TEST_F(correction_pipeline, docx_gives_every_artefact_and_consistent_ids) {
    const std::string bytes = minimal_docx({"Yo tambien lo creo.", "Sin errores aquí."});
    auto out = correct_document(*eng, bytes, options());
    ASSERT_TRUE(out.ok()) << out.err().message;
    EXPECT_EQ(out->format, formats::document_format::docx);
    EXPECT_FALSE(out->stopped);
    EXPECT_EQ(out->report.sha256, sha256_hex(bytes));
    ASSERT_EQ(out->report.suggestions.size(), 1u);
    const std::string id = suggestion_id("doc-1", sha256_hex(bytes), out->report.suggestions[0]);
    EXPECT_NE(out->corrections_jsonl.find(id), std::string::npos);
    auto corrected = formats::read_docx(out->corrected);
    auto tracked = formats::read_docx(out->tracked);
    ASSERT_TRUE(corrected.ok() && tracked.ok());
    EXPECT_EQ(corrected->text.paragraphs[0].text, "Yo también lo creo.");
    EXPECT_EQ(tracked->text.paragraphs[0].text, "Yo también lo creo.");
}

TEST_F(correction_pipeline, txt_has_no_tracked_copy_and_no_tracked_skips_it_for_docx) {
    auto txt = correct_document(*eng, "Yo tambien.\n", options());
    ASSERT_TRUE(txt.ok());
    EXPECT_EQ(txt->format, formats::document_format::txt);
    EXPECT_EQ(txt->corrected, "Yo también.\n");
    EXPECT_EQ(txt->tracked, "");
    auto o = options();
    o.tracked = false;
    auto docx = correct_document(*eng, minimal_docx({"Yo tambien."}), o);
    ASSERT_TRUE(docx.ok());
    EXPECT_FALSE(docx->corrected.empty());
    EXPECT_EQ(docx->tracked, "");
}

TEST_F(correction_pipeline, should_stop_returns_early_with_stopped) {
    auto o = options();
    o.check.should_stop = [] { return true; };
    auto out = correct_document(*eng, minimal_docx({"Yo tambien.", "Otra vez tambien."}), o);
    ASSERT_TRUE(out.ok());
    EXPECT_TRUE(out->stopped);
    EXPECT_EQ(out->corrected, "");
    EXPECT_EQ(out->tracked, "");
}

TEST_F(correction_pipeline, refusals_and_caller_errors_are_told_apart) {
    auto empty = correct_document(*eng, "", options());
    ASSERT_FALSE(empty.ok());
    EXPECT_TRUE(is_refusal(empty.err()));
    auto binary = correct_document(*eng, std::string("%PDF-1.4\0\x01\x02", 11), options());
    ASSERT_FALSE(binary.ok());
    EXPECT_EQ(binary.err().code, errc::unsupported_media);
    EXPECT_TRUE(is_refusal(binary.err()));
    auto o = options();
    o.date = "yesterday";
    auto bad_date = correct_document(*eng, minimal_docx({"Yo tambien."}), o);
    ASSERT_FALSE(bad_date.ok());
    EXPECT_EQ(bad_date.err().field, "date");
    EXPECT_FALSE(is_refusal(bad_date.err()));
}

}  // namespace
