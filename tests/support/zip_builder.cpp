#include "tests/support/zip_builder.hpp"

#include <zip.h>

#include <cstring>

namespace galley::testing {

std::string build_zip(const std::vector<zip_item>& items) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &err);
    zip_source_keep(src);
    zip_t* za = zip_open_from_source(src, ZIP_TRUNCATE, &err);
    if (!za) return {};
    for (const auto& item : items) {
        void* copy = std::malloc(item.data.size() + 1);
        std::memcpy(copy, item.data.data(), item.data.size());
        zip_source_t* s = zip_source_buffer(za, copy, item.data.size(), 1);
        zip_int64_t idx = zip_file_add(za, item.name.c_str(), s, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
        if (idx < 0) { zip_source_free(s); zip_discard(za); return {}; }
        if (item.encrypt && zip_file_set_encryption(za, idx, ZIP_EM_AES_256, "secret") != 0) {
            zip_discard(za);
            return {};
        }
    }
    if (zip_close(za) != 0) return {};
    std::string out;
    zip_stat_t st;
    zip_source_stat(src, &st);
    zip_source_open(src);
    out.resize(st.size);
    zip_source_read(src, out.data(), st.size);
    zip_source_close(src);
    zip_source_free(src);
    return out;
}

std::string minimal_docx(const std::vector<std::string>& paragraphs, const std::string& extra_content_types) {
    std::string body;
    for (const auto& p : paragraphs) body += "<w:p><w:r><w:t xml:space=\"preserve\">" + p + "</w:t></w:r></w:p>";
    std::string document =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
        body + "</w:body></w:document>";
    std::string types =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
        "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>" +
        extra_content_types + "</Types>";
    std::string rels =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
        "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";
    return build_zip({{"[Content_Types].xml", types}, {"_rels/.rels", rels}, {"word/document.xml", document}});
}

}  // namespace galley::testing
