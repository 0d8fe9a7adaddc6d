// The upload gate: content decides the format, hostile packages are refused before inflating.
#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>

#include <zlib.h>

#include "domain/formats/document_inspector.hpp"
#include "tests/support/galley_process.hpp"
#include "tests/support/zip_builder.hpp"

using namespace galley;
using namespace galley::formats;
using galley::testing::build_zip;
using galley::testing::minimal_docx;

namespace {
errc refusal(const std::string& bytes) {
    auto r = inspect_document(bytes);
    EXPECT_FALSE(r.ok());
    return r.ok() ? errc::internal : r.err().code;
}
std::string docx_with(const std::string& name, const std::string& data) {
    auto base = minimal_docx({"Hola"});
    // Rebuild with an extra entry.
    std::string types = "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>";
    std::string rels =
        "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"r\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
        "Target=\"word/document.xml\"/></Relationships>";
    std::string doc = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>";
    return build_zip({{"[Content_Types].xml", types}, {"_rels/.rels", rels}, {"word/document.xml", doc}, {name, data}});
}
}  // namespace

TEST(inspector, text_and_docx_are_recognised_by_content) {
    EXPECT_EQ(inspect_document("Hola, mundo.\n")->format, document_format::txt);
    EXPECT_EQ(inspect_document("\xEF\xBB\xBFwith BOM")->format, document_format::txt);
    auto docx = inspect_document(minimal_docx({"Hola"}));
    ASSERT_TRUE(docx.ok()) << docx.err().message;
    EXPECT_EQ(docx->format, document_format::docx);
    EXPECT_EQ(docx->main_part, "word/document.xml");
}

TEST(inspector, other_formats_are_unsupported) {
    EXPECT_EQ(refusal("%PDF-1.7\n..."), errc::unsupported_media);
    EXPECT_EQ(refusal(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(100, '\0')), errc::unsupported_media);
    EXPECT_EQ(refusal("caf\xE9 latin-1 text"), errc::unsupported_media);
    EXPECT_EQ(refusal(std::string("binary\0data", 11)), errc::unsupported_media);
    EXPECT_EQ(refusal(build_zip({{"hello.txt", "not a document"}})), errc::unsupported_media);
    EXPECT_EQ(refusal("PK\x03\x04 truncated garbage"), errc::unsupported_media);
    EXPECT_EQ(inspect_document("").err().code, errc::invalid_argument);
}

TEST(inspector, encrypted_office_files_are_unsafe) {
    std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
    ole += std::string(64, '\0');
    for (char c : std::string("EncryptedPackage")) { ole += c; ole += '\0'; }
    EXPECT_EQ(refusal(ole), errc::unsafe_input);
}

TEST(inspector, encrypted_zip_entries_are_unsafe) {
    auto zip = build_zip({{"word/document.xml", "<w:document/>", true}});
    ASSERT_FALSE(zip.empty()) << "libzip cannot write AES entries here";
    EXPECT_EQ(refusal(zip), errc::unsafe_input);
}

TEST(inspector, macros_are_unsafe) {
    EXPECT_EQ(refusal(docx_with("word/vbaProject.bin", "macro")), errc::unsafe_input);
    EXPECT_EQ(refusal(minimal_docx({"x"}, "<Override PartName=\"/word/x.bin\" ContentType=\"application/vnd.ms-word.vbaProject\"/>")),
              errc::unsafe_input);
    EXPECT_EQ(refusal(minimal_docx({"x"}, "<Default Extension=\"docm\" ContentType=\"application/vnd.ms-word.document.macroEnabled.main+xml\"/>")),
              errc::unsafe_input);
}

TEST(inspector, path_traversal_is_unsafe) {
    EXPECT_EQ(refusal(docx_with("../../etc/cron.d/x", "x")), errc::unsafe_input);
    EXPECT_EQ(refusal(docx_with("/etc/passwd", "x")), errc::unsafe_input);
    EXPECT_EQ(refusal(docx_with("word/../../x", "x")), errc::unsafe_input);
}

TEST(inspector, doctype_and_entities_are_unsafe) {
    EXPECT_EQ(refusal(docx_with("word/extra.xml", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>")),
              errc::unsafe_input);
    EXPECT_EQ(refusal(docx_with("customXml/item.xml", "<!doctype x SYSTEM \"file:///etc/passwd\"><x/>")), errc::unsafe_input);
}

TEST(inspector, a_deeply_nested_document_is_refused_not_crashed_on) {
    std::string open, close;
    // 20 000 levels (under 1 MB, so the zip-bomb ratio check does not answer first).
    for (int i = 0; i < 20'000; ++i) { open += "<w:sdt><w:sdtContent>"; close += "</w:sdtContent></w:sdt>"; }
    std::string doc = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                      "<w:body>" + open + "<w:p><w:r><w:t>x</w:t></w:r></w:p>" + close + "</w:body></w:document>";
    std::string rels =
        "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"r\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
        "Target=\"word/main.bin\"/></Relationships>";
    // The main part's name does not end in .xml: it is guarded because galley parses it.
    auto r = inspect_document(build_zip({{"_rels/.rels", rels}, {"word/main.bin", doc}}));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.err().code, errc::unsafe_input);
    EXPECT_NE(r.err().message.find("nesting depth"), std::string::npos) << r.err().message;
}

TEST(inspector, a_flood_of_relationships_is_refused) {
    std::string rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
    for (int i = 0; i < 10'001; ++i)
        rels += "<Relationship Id=\"r" + std::to_string(i) + "\" Type=\"t\" Target=\"x.xml\"/>";
    rels += "</Relationships>";
    auto r = inspect_document(docx_with("word/_rels/document.xml.rels", rels));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.err().code, errc::unsafe_input);
    EXPECT_NE(r.err().message.find("element count"), std::string::npos) << r.err().message;
}

TEST(inspector, two_entries_of_one_name_are_refused) {
    // libzip will not write a duplicate name: write two and rename one in place.
    std::string zip = docx_with("word/documenX.xml", "<w:document/>");
    for (std::size_t at; (at = zip.find("word/documenX.xml")) != std::string::npos;)
        zip.replace(at, 17, "word/document.xml");
    auto r = inspect_document(zip);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.err().code, errc::unsafe_input);
    EXPECT_NE(r.err().message.find("two entries"), std::string::npos) << r.err().message;
}

TEST(inspector, utf16_parts_are_scanned_too) {
    std::string bad("\xFF\xFE", 2);
    for (char c : std::string("<!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>")) { bad += c; bad += '\0'; }
    EXPECT_EQ(refusal(docx_with("customXml/item1.xml", bad)), errc::unsafe_input);
    std::string good("\xFF\xFE", 2);
    for (char c : std::string("<x>hola</x>")) { good += c; good += '\0'; }
    EXPECT_TRUE(inspect_document(docx_with("customXml/item1.xml", good)).ok());
}

TEST(inspector, zip_bombs_are_refused_before_inflating) {
    EXPECT_EQ(refusal(docx_with("word/media/zeros.bin", std::string(4 << 20, '\0'))), errc::unsafe_input);
    std::vector<galley::testing::zip_item> many;
    for (int i = 0; i < 5'100; ++i) many.push_back({"f" + std::to_string(i), "x"});
    EXPECT_EQ(refusal(build_zip(many)), errc::unsafe_input);
}

// A part may inflate to 32 times the plan's largest upload: a 3 MB image (incompressible, so no
// zip bomb by ratio) is too much for a plan allowing 50 kB and fine for one allowing 10 MB.
TEST(inspector, part_sizes_are_bounded_by_the_plans_upload_size) {
    std::string noise(3 << 20, '\0');
    std::uint32_t x = 2463534242u;
    for (char& c : noise) {
        x ^= x << 13, x ^= x >> 17, x ^= x << 5;
        c = static_cast<char>(x);
    }
    const std::string docx = docx_with("word/media/noise.bin", noise);
    auto small = inspect_document(docx, limits_for_upload(50'000));
    ASSERT_FALSE(small.ok());
    EXPECT_EQ(small.err().code, errc::unsafe_input);
    EXPECT_TRUE(inspect_document(docx, limits_for_upload(10'000'000)).ok());
    EXPECT_TRUE(inspect_document(docx, limits_for_upload(0)).ok()) << "no upload limit: the defaults";
    EXPECT_EQ(limits_for_upload(2'000'000).max_entry_uncompressed, 64'000'000u);
    EXPECT_EQ(limits_for_upload(50'000'000).max_entry_uncompressed, package_limits{}.max_entry_uncompressed);
}

TEST(inspector, every_corpus_docx_is_accepted_or_refused_with_a_reason) {
    int accepted = 0;
    for (const auto& entry : std::filesystem::directory_iterator(GALLEY_CORPUS_DIR "/docx")) {
        if (entry.path().extension() != ".docx") continue;
        auto r = inspect_document(galley::testing::slurp(entry.path()));
        if (r.ok()) {
            ++accepted;
            EXPECT_EQ(r->format, document_format::docx) << entry.path();
        } else {
            EXPECT_FALSE(r.err().message.empty()) << entry.path();
        }
    }
    EXPECT_GE(accepted, 55);
}

TEST(inspector, the_main_part_is_found_through_relationships) {
    auto r = inspect_document(galley::testing::slurp(GALLEY_CORPUS_DIR "/docx/pandoc__alternate_document_path.docx"));
    ASSERT_TRUE(r.ok()) << r.err().message;
    EXPECT_NE(r->main_part, "word/document.xml");
}

// A part galley copies without reading (an image) is checked too: a damaged one would make the
// corrected copies fail after the engine ran (found by fuzz_document).
TEST(inspector, a_part_that_fails_its_checksum_is_refused) {
    std::string image(4000, '\0');
    std::uint32_t x = 7;
    for (char& c : image) c = static_cast<char>((x = x * 1103515245u + 12345u) >> 24);
    std::string zip = docx_with("word/media/image1.png", image);
    ASSERT_TRUE(inspect_document(zip).ok());
    const auto crc = static_cast<std::uint32_t>(
        crc32(0, reinterpret_cast<const Bytef*>(image.data()), static_cast<uInt>(image.size())));
    const std::string stored(reinterpret_cast<const char*>(&crc), 4);  // little-endian, as zip writes it
    int replaced = 0;
    for (std::size_t at; (at = zip.find(stored)) != std::string::npos; ++replaced) zip[at] ^= 0x55;
    ASSERT_EQ(replaced, 2);  // the local header and the central directory
    auto r = inspect_document(zip);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.err().code, errc::unsupported_media);
    EXPECT_NE(r.err().message.find("word/media/image1.png"), std::string::npos) << r.err().message;
}

// A central directory that claims more compressed data than the file holds: inflating stops at
// the declared size and passes, but copying the entry into the corrected copy would read past
// the end of the file (found by fuzz_document).
TEST(inspector, an_entry_claiming_more_data_than_the_file_holds_is_refused) {
    std::string zip = docx_with("word/webSettings.xml", "<w:webSettings/>");
    const std::string name = "word/webSettings.xml";
    bool patched = false;
    for (std::size_t at = 0; (at = zip.find("PK\x01\x02", at)) != std::string::npos; at += 4) {
        const auto name_length = static_cast<unsigned char>(zip[at + 28]) | static_cast<unsigned char>(zip[at + 29]) << 8;
        if (zip.compare(at + 46, name_length, name) != 0) continue;
        const std::uint32_t lie = 0x00A00000;  // 10 MiB
        std::memcpy(&zip[at + 20], &lie, 4);   // compressed size, little-endian
        patched = true;
    }
    ASSERT_TRUE(patched);
    auto r = inspect_document(zip);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.err().code, errc::unsafe_input);
    EXPECT_NE(r.err().message.find("more data than the file holds"), std::string::npos) << r.err().message;
}

// An entry whose data would run past the end of the file although its size is less than the
// file's: the deflate stream ends early, so inflating passes, but the corrected copies copy the
// declared bytes and could not be written (found by fuzz_document).
TEST(inspector, an_entry_running_past_the_end_of_the_file_is_refused) {
    std::string zip = docx_with("word/webSettings.xml", "<w:webSettings/>");
    const std::string name = "word/webSettings.xml";
    auto u16 = [&](std::size_t at) { return static_cast<unsigned char>(zip[at]) | static_cast<unsigned char>(zip[at + 1]) << 8; };
    bool patched = false;
    for (std::size_t at = 0; (at = zip.find("PK\x01\x02", at)) != std::string::npos; at += 4) {
        if (zip.compare(at + 46, u16(at + 28), name) != 0) continue;
        std::uint32_t local = 0;
        std::memcpy(&local, &zip[at + 42], 4);
        const std::size_t data = local + 30 + u16(local + 26) + u16(local + 28);
        const auto lie = static_cast<std::uint32_t>(zip.size() - data + 16);  // 16 bytes past the end
        ASSERT_LT(lie, zip.size());  // so the size alone is no lie
        std::memcpy(&zip[at + 20], &lie, 4);  // the central directory's compressed size
        patched = true;
    }
    ASSERT_TRUE(patched);
    auto r = inspect_document(zip);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.err().code, errc::unsafe_input);
    EXPECT_NE(r.err().message.find("more data than the file holds: word/webSettings.xml"), std::string::npos)
        << r.err().message;
}
