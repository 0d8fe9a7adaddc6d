#pragma once
// Data files linked into the binary (see README.md): bytes that live as long as the program.
#include <string_view>

#include <vector>

namespace galley::engine_data {

struct embedded_file {
    std::string_view name;  // as in the source tree, e.g. "es_diacritics.rules"
    std::string_view text;
};

/// The rule files of domain/engine/rules/ (*.rules), in a fixed order.
const std::vector<embedded_file>& rule_files();

/// `word count` lines, most frequent first (CC-BY-SA 4.0, FrequencyWords / OpenSubtitles 2018).
std::string_view word_frequencies_es();
std::string_view word_frequencies_en();

}  // namespace galley::engine_data
