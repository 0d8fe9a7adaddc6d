#pragma once
// One compiled lttoolbox transducer (Apertium's *.automorf.bin analysers and *.autogen.bin
// generators) run in process, a word at a time. lttoolbox's FSTProcessor only reads streams
// in the Debian version (3.7.1), so the transducer is driven through its public State class as
// FSTProcessor does inside. Immutable after load(): lookups are const and thread-safe.
// The only translation unit that includes lttoolbox headers is transducer.cpp.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.hpp"

namespace galley::engine_detail {

class transducer {
public:
    /// Loads `path` (an analyser or a generator: they load alike and differ in what they are
    /// asked). Fails with errc::unavailable when the file is missing or unreadable.
    static result<std::unique_ptr<transducer>> load(const std::string& path);
    ~transducer();

    /// Analysis: the lexical forms of one word (UTF-8, any case), lemmas in dictionary case,
    /// escaped as Apertium prints them ("casa<n><f><sg>", "casar<vblex><pri><p3><sg>");
    /// empty when the word is unknown.
    std::vector<std::string> analyse(std::string_view word) const;

    /// Generation: the surface forms of a lexical form ("haber<vbhaver><pii><p3><sg>" →
    /// "había"); empty when the transducer cannot generate it.
    std::vector<std::string> generate(std::string_view lexical_form) const;

private:
    struct impl;
    explicit transducer(std::unique_ptr<impl> i);
    std::unique_ptr<impl> impl_;
};

}  // namespace galley::engine_detail
