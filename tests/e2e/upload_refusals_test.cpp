// End-to-end: every refused upload answers its API.md code and leaves nothing behind.
#include <gtest/gtest.h>

#include "tests/support/api_session.hpp"
#include "tests/support/zip_builder.hpp"

using namespace galley::testing;

namespace {
const std::string rels =
    "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"r\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
    "Target=\"word/document.xml\"/></Relationships>";

std::string docx_plus(const std::string& name, const std::string& data) {
    std::string doc = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>";
    return build_zip({{"[Content_Types].xml", "<Types/>"}, {"_rels/.rels", rels}, {"word/document.xml", doc}, {name, data}});
}
}  // namespace

class upload_refusals : public ::testing::Test {
protected:
    void SetUp() override {
        dir = make_temp_dir("galley-refuse");
        write_plans();
        g = std::make_unique<galley_process>(dir, "", std::map<std::string, std::string>{{"GALLEY_PLANS_FILE", dir + "/plans.json"}});
        ASSERT_TRUE(g->start()) << g->log();
        user = register_user(*g, "editor@example.com");
        project = create_project(*g, user, "Refusals");
    }
    void write_plans() {
        FILE* f = std::fopen((dir + "/plans.json").c_str(), "w");
        std::fputs(R"({"free": {"max_upload_mb": 1, "requests_per_minute": 0}})", f);
        std::fclose(f);
    }
    void expect_refused(const std::string& bytes, int status, const std::string& code, const std::string& what) {
        auto r = upload_raw(*g, user, project, "x.docx", bytes);
        EXPECT_EQ(r.status, status) << what << ": " << r.body;
        EXPECT_EQ(json_of(r)["error"]["code"], code) << what;
        EXPECT_FALSE(json_of(r)["error"]["message"].get<std::string>().empty()) << what;
    }
    std::string dir, project;
    api_user user;
    std::unique_ptr<galley_process> g;
};

TEST_F(upload_refusals, hostile_and_foreign_files_are_refused_and_nothing_is_kept) {
    expect_refused(docx_plus("word/vbaProject.bin", "Attribute VB_Name"), 422, "unsafe_document", "macros");
    expect_refused(docx_plus("../../evil.sh", "rm -rf"), 422, "unsafe_document", "traversal");
    expect_refused(docx_plus("/abs/path.xml", "<x/>"), 422, "unsafe_document", "absolute path");
    expect_refused(docx_plus("word/settings.xml", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"),
                   422, "unsafe_document", "external entity");
    expect_refused(docx_plus("word/media/bomb.bin", std::string(8 << 20, 'A')), 422, "unsafe_document", "zip bomb");
    auto encrypted = build_zip({{"word/document.xml", "<w:document/>", true}});
    if (!encrypted.empty()) expect_refused(encrypted, 422, "unsafe_document", "encrypted zip");
    std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
    for (char c : std::string("EncryptedPackage")) { ole += c; ole += '\0'; }
    expect_refused(ole, 422, "unsafe_document", "password-protected docx");
    std::string deep = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>";
    for (int i = 0; i < 40'000; ++i) deep += "<w:tbl><w:tr><w:tc>";  // under the ratio check's 1 MB
    expect_refused(build_zip({{"[Content_Types].xml", "<Types/>"},
                              {"_rels/.rels", rels},
                              {"word/document.xml", deep}}),
                   422, "unsafe_document", "120 000 nested elements");
    expect_refused("%PDF-1.4 fake", 415, "unsupported_media_type", "pdf");
    expect_refused("caf\xE9 con leche", 415, "unsupported_media_type", "latin-1 text");
    expect_refused(build_zip({{"a.txt", "zip without a document"}}), 415, "unsupported_media_type", "plain zip");
    expect_refused("PK\x03\x04garbage", 415, "unsupported_media_type", "corrupt zip");
    expect_refused(std::string(1'200'000, 'a'), 413, "payload_too_large", "over the plan's 1 MB");

    auto empty = upload_raw(*g, user, project, "e.txt", "");
    EXPECT_EQ(empty.status, 422);
    auto docs = json_of(g->request("GET", "/api/v1/projects/" + project + "/documents", {}, user.access_token));
    EXPECT_TRUE(docs["data"]["items"].empty()) << docs.dump();
    EXPECT_EQ(stored_blob_count(*g), 0);
    EXPECT_TRUE(g->running());
}

TEST_F(upload_refusals, corpus_documents_with_odd_packages_are_accepted) {
    for (const char* name : {"pandoc__alternate_document_path.docx", "pandoc__ns0-reference.docx",
                             "mammoth__strict-format.docx", "docx2python__renamed_document_xml.docx"}) {
        auto r = upload_multipart(*g, user, project, name, slurp(std::string(GALLEY_CORPUS_DIR "/docx/") + name));
        EXPECT_EQ(r.status, 201) << name << ": " << r.body;
    }
}
