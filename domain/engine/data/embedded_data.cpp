#include "domain/engine/data/embedded_data.hpp"

// The assembler copies each file into .rodata between two symbols; CMake passes the paths and
// makes this object depend on the files.
#define GALLEY_EMBED(name, path)                          \
    asm(".pushsection .rodata\n"                           \
        ".global " #name "_begin\n" #name "_begin:\n"     \
        ".incbin \"" path "\"\n"                          \
        ".global " #name "_end\n" #name "_end:\n"         \
        ".popsection\n");                                  \
    extern "C" const char name##_begin[];                  \
    extern "C" const char name##_end[];

GALLEY_EMBED(galley_freq_es, GALLEY_DATA_DIR "/freq_es.txt")
GALLEY_EMBED(galley_freq_en, GALLEY_DATA_DIR "/freq_en.txt")
// Every *.rules file of domain/engine/rules (a test checks that none is missing here).
GALLEY_EMBED(galley_rules_es_diacritics, GALLEY_RULES_DIR "/es_diacritics.rules")
GALLEY_EMBED(galley_rules_en_confusables, GALLEY_RULES_DIR "/en_confusables.rules")
GALLEY_EMBED(galley_rules_es_grammar, GALLEY_RULES_DIR "/es_grammar.rules")
GALLEY_EMBED(galley_rules_en_phrases, GALLEY_RULES_DIR "/en_phrases.rules")
GALLEY_EMBED(galley_rules_es_words, GALLEY_RULES_DIR "/es_words.rules")

namespace galley::engine_data {

std::string_view word_frequencies_es() {
    return {galley_freq_es_begin, static_cast<std::size_t>(galley_freq_es_end - galley_freq_es_begin)};
}

const std::vector<embedded_file>& rule_files() {
    auto file = [](std::string_view name, const char* begin, const char* end) {
        return embedded_file{name, std::string_view(begin, static_cast<std::size_t>(end - begin))};
    };
    static const std::vector<embedded_file> files = {
        file("es_diacritics.rules", galley_rules_es_diacritics_begin, galley_rules_es_diacritics_end),
        file("en_confusables.rules", galley_rules_en_confusables_begin, galley_rules_en_confusables_end),
        file("es_grammar.rules", galley_rules_es_grammar_begin, galley_rules_es_grammar_end),
        file("en_phrases.rules", galley_rules_en_phrases_begin, galley_rules_en_phrases_end),
        file("es_words.rules", galley_rules_es_words_begin, galley_rules_es_words_end),
    };
    return files;
}

std::string_view word_frequencies_en() {
    return {galley_freq_en_begin, static_cast<std::size_t>(galley_freq_en_end - galley_freq_en_begin)};
}

}  // namespace galley::engine_data
