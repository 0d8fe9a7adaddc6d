#pragma once
// The injected-error development set: real paragraphs from ../shared/corpus/text with one
// ordinary slip each (the kinds a writer makes), generated from a seed so every run and every
// checker sees the same set. A bench tool, not product code.
#include <cstdint>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace galley::bench {

struct slip_case {
    std::string language;  // "es" | "en"
    std::string kind;      // e.g. "accent", "typo"; "clean" for untouched paragraphs
    std::string original;  // the paragraph as published
    std::string slipped;   // with the slip (== original for clean)
};

/// Paragraphs of the novels of `language` in `corpus_text_dir`: blank-line blocks with their
/// lines joined by a space, prose only (10–150 words, ending in sentence punctuation).
std::vector<std::string> corpus_paragraphs(const std::string& corpus_text_dir,
                                           const std::string& language);

/// `spelled(word)`: whether the language's dictionary accepts a word (keeps typos non-words and
/// accent slips real words). Up to `per_kind` cases of each slip kind plus `clean` untouched
/// paragraphs, drawn with `seed`.
std::vector<slip_case> make_slip_set(const std::vector<std::string>& paragraphs,
                                     const std::string& language,
                                     const std::function<bool(const std::string&)>& spelled,
                                     std::size_t per_kind, std::size_t clean, std::uint32_t seed);

/// The slip kinds generated for `language`, in report order.
std::vector<std::string> slip_kinds(const std::string& language);

}  // namespace galley::bench
