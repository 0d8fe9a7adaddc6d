#pragma once
// One entry point for the engine: the text of any accepted upload, whatever its format.
#include <string_view>

#include "domain/result.hpp"
#include "domain/text_model.hpp"

namespace galley::formats {

/// Inspects `bytes` (inspect_document) and reads them as DOCX (read_docx) or TXT
/// (txt_document::parse). Fails with the inspector's errors for hostile or unsupported input.
result<document_text> read_document(std::string_view bytes);

}  // namespace galley::formats
