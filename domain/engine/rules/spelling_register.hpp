#pragma once
// What the spelling rule (rules/spelling.cpp) must not take for slips: period Spanish (Golden
// Age and 19th-century editions), whose spellings a modern word continues and no slip of the
// hand or ear produces, and Latin and French locutions.
#include <cstddef>
#include <string>
#include <string_view>

#include "domain/engine/rule_context.hpp"
#include "domain/engine/speller.hpp"

namespace galley::engine_detail {

/// A Golden Age form ("ansí", "agora", "mesmo") or "de" contracted ("dél", "desta", "dellos").
bool classical_word(std::string_view lower);

/// `typed` is a period spelling of `modern`: a classical word, initial f for h ("fermosa"),
/// s for x ("estraño"), an unstressed e/i or o/u ("recebido"), -ll- for -rl- ("entregalle"),
/// the old second person plural ("quisierdes", "dijistes", "veredes").
bool archaic_spelling(const std::string& typed_utf8, const std::string& modern_utf8);

/// `meant` with one letter left out is `typed`, where period spelling leaves none out: not a
/// silent h, not a consonant before another consonant ("efeto", "dotor", "sinificar",
/// "setiembre"). A slip of the hand even in a paragraph of period spelling ("prosiue").
bool dropped_letter_slip(const std::string& typed_utf8, const std::string& meant_utf8);

/// One of archaic_spelling's letter changes turns `typed` into a dictionary word written at
/// least 1/50 as often as `best` ("estender" is "extender", not "entender"), or `typed` is a
/// clitic assimilated to an infinitive ("respondelle") or a spoken "-ao" ("sentao") of one
/// that the speller or the analyser (`morphology`, may be null) knows.
bool has_modern_twin(spell_session& sp, analysis_session* morphology, const std::string& typed_utf8,
                     const std::string& best);

/// A paragraph of classical Spanish: a classical word, or "vuestra merced", or any paragraph of
/// a document that writes classical words three times or more.
bool classical_register(const rule_context& cx);

/// A Latin or French locution ("sine qua non", "comme il faut") starting at token i: the number
/// of tokens it spans, or 0.
std::size_t foreign_locution_at(const rule_context& cx, std::size_t i);

}  // namespace galley::engine_detail
