#include "domain/formats/read_document.hpp"

#include "domain/formats/document_inspector.hpp"
#include "domain/formats/docx_reader.hpp"
#include "domain/formats/txt_document.hpp"

namespace galley::formats {

result<document_text> read_document(std::string_view bytes) {
    if (bytes.substr(0, 2) == "PK") {  // read_docx runs the inspector itself
        auto docx = read_docx(bytes);
        if (!docx) return docx.err();
        return std::move(docx->text);
    }
    auto inspected = inspect_document(bytes);
    if (!inspected) return inspected.err();
    if (inspected->format != document_format::txt)
        return make_error(errc::unsupported_media, "the file is neither DOCX nor text");
    auto txt = txt_document::parse(bytes);
    if (!txt) return txt.err();
    return txt->text();
}

}  // namespace galley::formats
