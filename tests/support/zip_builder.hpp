#pragma once
// Builds zip archives in memory for tests (hostile packages, minimal DOCX files).
#include <string>
#include <utility>
#include <vector>

namespace galley::testing {

struct zip_item {
    std::string name;
    std::string data;
    bool encrypt = false;  // AES-256 with a fixed password
};

/// The archive bytes; empty when libzip refused (e.g. no encryption support).
std::string build_zip(const std::vector<zip_item>& items);

/// A minimal valid DOCX whose body has one paragraph per string.
std::string minimal_docx(const std::vector<std::string>& paragraphs, const std::string& extra_content_types = {});

}  // namespace galley::testing
