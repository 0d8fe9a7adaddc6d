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

namespace galley::engine_data {

std::string_view word_frequencies_es() {
    return {galley_freq_es_begin, static_cast<std::size_t>(galley_freq_es_end - galley_freq_es_begin)};
}

std::string_view word_frequencies_en() {
    return {galley_freq_en_begin, static_cast<std::size_t>(galley_freq_en_end - galley_freq_en_begin)};
}

}  // namespace galley::engine_data
