// Spelling with hunspell: accents restored, single-candidate typos fixed, the rest noted.
// Skips what a dictionary cannot judge: names mid-sentence, acronyms, numbers, URLs, words
// with digits, roman numerals and the project's own words.
#include <algorithm>

#include "domain/engine/analysis/analyser.hpp"
#include "domain/engine/rules/es_context.hpp"
#include "domain/engine/rules/spelling_known.hpp"
#include "domain/engine/rules/spelling_context.hpp"
#include "domain/engine/rules/spelling_register.hpp"
#include "domain/engine/rules/rules.hpp"
#include "domain/engine/speller.hpp"
#include "domain/engine/spelling/edit_cost.hpp"
#include "domain/utf8.hpp"

namespace galley::engine_detail {

namespace {

using es_context::set;

// log(count) given to a dictionary word outside the frequency list: the lists end near 150–190
// occurrences, so such a word is taken to be about half as frequent as the rarest listed one.
constexpr double kUnlistedLogCount = 4.4;
// A neighbouring key, a doubled letter or a letter of the same sound (edit_cost.cpp).
constexpr double kNearKeyCost = 0.6;

std::string list(const std::vector<std::string>& words) {
    std::string out;
    for (std::size_t i = 0; i < words.size() && i < 5; ++i) {
        if (i) out += ", ";
        out += words[i];
    }
    return out;
}

// Swapped neighbours ("recieve") or a doubled/undoubled letter ("untill", "ocurred"): the
// typos hands make, unlike a substituted letter that often turns one real word into another.
bool typical_typo(const std::string& word, const std::string& fix) {
    if (word.size() == fix.size()) {
        std::size_t i = 0;
        while (i < word.size() && word[i] == fix[i]) ++i;
        return i + 1 < word.size() && word[i] == fix[i + 1] && word[i + 1] == fix[i] &&
               word.compare(i + 2, std::string::npos, fix, i + 2, std::string::npos) == 0;
    }
    const std::string& longer = word.size() > fix.size() ? word : fix;
    const std::string& shorter = word.size() > fix.size() ? fix : word;
    if (longer.size() != shorter.size() + 1) return false;
    std::size_t i = 0;
    while (i < shorter.size() && longer[i] == shorter[i]) ++i;
    bool doubled = (i > 0 && longer[i] == longer[i - 1]) ||
                   (i + 1 < longer.size() && longer[i] == longer[i + 1]);
    return doubled && longer.compare(i + 1, std::string::npos, shorter, i, std::string::npos) == 0;
}

// Writers leave accents out; they seldom add a wrong one. An accent the dictionary lacks is
// more often a spelling it does not know ("rehúya", a period "hipógrifo") than a slip, so it
// gets a note, except the monosyllables the 1959 rules stripped ("fué", "dió").
bool removes_an_accent(const std::string& typed, const std::string& word) {
    static const set old_monosyllables = {"fué", "fuí", "dió", "vió"};
    if (old_monosyllables.count(typed) > 0) return false;
    auto marks = [](const std::string& w) {
        std::size_t n = 0;
        for (char32_t c : utf8::decode(w)) n += c != U'ñ' && c != U'ü' && fold_letter(c) != c;
        return n;
    };
    return marks(typed) > marks(word);
}

struct choice {
    std::string replacement;
    double confidence = 0;
    bool accent = false;
    bool unlisted = false;  // a rare word, chosen because no listed word is as near
};

// The one confident candidate, if there is one.
std::optional<choice> choose(spell_session& sp, const std::string& word, const candidates& c,
                             std::size_t length) {
    auto frequent = [&](const std::vector<std::string>& v) {
        std::vector<std::string> out;
        for (const auto& w : v)
            if (sp.frequent(w)) out.push_back(w);
        return out;
    };
    if (c.accents.size() == 1) return choice{c.accents[0], 0.9, true};
    if (c.accents.size() > 1) {
        auto f = frequent(c.accents);
        if (f.size() == 1) return choice{f[0], 0.6, true};
        return std::nullopt;
    }
    std::vector<std::string> all = c.edits;
    // Splits have two frequent halves ("dela" -> "de la", never "amongst" -> "among st").
    all.insert(all.end(), c.splits.begin(), c.splits.end());
    if (all.size() == 1) {
        if (sp.frequent(all[0]) && length >= 3) return choice{all[0], 0.7, false};
        if (length >= 5 && typical_typo(word, all[0])) return choice{all[0], 0.6, false};
        return std::nullopt;
    }
    // Several candidates: the only frequent one is trusted when it is a typical slip of the
    // hand ("qeu" -> "que", "teh" -> "the"); otherwise it is a hint in the note.
    auto f = frequent(c.edits);
    if (f.size() == 1 && c.edits.size() <= 4 && typical_typo(word, f[0]))
        return choice{f[0], 0.6, false};
    return std::nullopt;
}

// Ranked candidates (edit cost × frequency) plus the hunspell-verified single edits the
// frequency list lacks ("enfrascaod" -> "enfrascado"), priced like the others and counted as
// rarer than the list's rarest word.
std::vector<candidate_index::candidate> ranked_candidates(spell_session& sp,
                                                          const std::string& lower,
                                                          const candidates& c) {
    auto out = sp.ranked(lower, 6);
    const std::u32string typed = utf8::decode(lower);
    for (const auto& w : c.edits) {
        bool listed = std::any_of(out.begin(), out.end(), [&](const auto& r) { return r.word == w; });
        if (listed) continue;
        const edit e = edit_of(typed, utf8::decode(w), sp.language(), 2.0);
        out.push_back({w, e.cost, candidate_index::score_of(kUnlistedLogCount, e.cost, e.slips), e.slips});
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.score > b.score; });
    return out;
}

// A long word one slip from dictionary words outside the frequency list, when every listed
// word needs two ("nsinuaba" -> "insinuaba", "ceremoniosq" -> "ceremoniosa"): rare as they are,
// the one meant is among them. Of several, the cheapest slip that agrees with its neighbours
// ("otra pregunta inopinad" -> "inopinada"); two as cheap are a note. Measured on five slips
// seeds: a single neighbour +1.6 points of typos fixed, clean paragraphs unchanged; choosing
// among several +0.5 points, one clean paragraph of 2500 changed ("estremarme").
std::optional<choice> best_rare_neighbour(rule_context& cx, std::size_t at, const std::string& lower,
                                          const candidates& c,
                                          const std::vector<candidate_index::candidate>& ranked) {
    if (c.rare_neighbours.empty() || !cx.morphology) return std::nullopt;
    spell_session& sp = *cx.speller;
    const std::u32string typed = utf8::decode(lower);
    const std::string* best = nullptr;
    double best_cost = 99.0, runner_up_cost = 99.0;
    int best_slips = 1;
    for (const std::string& word : c.rare_neighbours) {
        // Both dictionaries must know it: the analyser's vocabulary is the common one
        // ("citados", "incorporándose"); words only hunspell has are as rare as the typed word
        // ("señoriles" is not "señoriales", nor "belloritas" "velloritas").
        if (!cx.morphology->knows(word) || !agrees_with_neighbours(cx, at, word)) continue;
        const std::u32string meant = utf8::decode(word);
        const edit e = edit_of(typed, meant, sp.language(), 2.0);
        // A letter left out, or one struck for its neighbour or its sound; any other letter for
        // another is as often a period or technical spelling ("mármores", "hipotérmico").
        if (meant.size() == typed.size() && e.cost > kNearKeyCost) continue;
        if (e.cost < best_cost) {
            runner_up_cost = best_cost;
            best_cost = e.cost;
            best_slips = e.slips;
            best = &word;
        } else {
            runner_up_cost = std::min(runner_up_cost, e.cost);
        }
    }
    // A neighbouring key (0.6) beats a letter added (1.0); two added letters tie.
    if (!best || runner_up_cost - best_cost < 0.3) return std::nullopt;
    const double score = candidate_index::score_of(kUnlistedLogCount, best_cost, best_slips);
    if (!ranked.empty() && score - ranked[0].score < 2.0) return std::nullopt;
    return choice{*best, 0.6, false, /*unlisted=*/true};
}

// The best candidate after the first that is spelt with other letters (accent twins such as
// "cual" and "cuál" are one answer), or null.
const candidate_index::candidate* first_rival(const std::vector<candidate_index::candidate>& ranked) {
    const std::u32string letters = fold_word_utf8(ranked[0].word);
    for (std::size_t k = 1; k < ranked.size(); ++k)
        if (fold_word_utf8(ranked[k].word) != letters) return &ranked[k];
    return nullptr;
}

// How far the best candidate leads the best one spelt with other letters.
double lead_over_other_spellings(const std::vector<candidate_index::candidate>& ranked) {
    const candidate_index::candidate* rival = first_rival(ranked);
    return rival ? ranked[0].score - rival->score : 99.0;
}

constexpr double kPlausibleLead = 2.0;

// The best candidate, `chosen`, is one slip of the hand from `typed`: a neighbouring key, a
// doubled or swapped letter (costs 0.6–0.7; sounds and a silent h cost 0.5 and are how period
// spelling differs), or a letter left out where no period spelling leaves one.
bool slip_of_the_hand(const std::string& typed, const std::vector<candidate_index::candidate>& ranked,
                      const std::string& chosen) {
    if (ranked.empty() || ranked[0].word != chosen || ranked[0].slips != 1) return false;
    return (ranked[0].cost > 0.5 && ranked[0].cost <= 0.7) || dropped_letter_slip(typed, chosen);
}

// The runner-up spelt with other letters needs more slips than the best one.
bool fewer_slips_than_rivals(const std::vector<candidate_index::candidate>& ranked) {
    const candidate_index::candidate* rival = first_rival(ranked);
    return !rival || rival->slips > ranked[0].slips;
}

// The best candidate is a cheaper slip than the runner-up spelt with other letters.
bool cheaper_than_rivals(const std::vector<candidate_index::candidate>& ranked) {
    const candidate_index::candidate* rival = first_rival(ranked);
    return !rival || rival->cost > ranked[0].cost;
}

// The best candidate replaces the word only when it is clearly ahead of the next one (the
// score is a log-probability: a margin of 2 is about seven times likelier).
std::optional<choice> choose_ranked(const std::vector<candidate_index::candidate>& ranked,
                                    const std::string& typed, std::size_t length) {
    if (ranked.empty() || length < 3) return std::nullopt;
    const auto& best = ranked[0];
    // The runner-up is the best candidate spelt with other letters: "cual" and "cuál" are one
    // answer to the typo "cyal", and the accent rules judge the accent.
    const double margin = lead_over_other_spellings(ranked);
    if (length == 3 && (best.cost > 0.7 || margin < 4.0)) return std::nullopt;  // "qeu", "teh"
    // A rare word is no safer for being the only one near: it must also be likely on its own.
    // ... unless it is a slip of the hand away (a swap, a doubled letter): "enfrascaod"; or a
    // long word with a letter left out, whose neighbourhood is sparse: "resignción" (five slips
    // seeds: +4 typos fixed of 1000, clean paragraphs unchanged).
    const bool long_drop = length >= 8 && dropped_letter_slip(typed, best.word);
    const double least = (best.cost <= 0.8 ? 1.0 : best.cost <= 1.0 ? 2.0 : 3.0) - (long_drop ? 1.0 : 0.0);
    if (best.score < least) return std::nullopt;
    // One slip away and ahead by a margin of 1 (e ≈ 2.7 times likelier than the next): measured
    // on the slips set, margins between 1 and 2 fix 5–7% more typos and change no clean text.
    if (best.cost <= 1.0 && margin >= 1.0)
        return choice{best.word, margin >= 4.0 ? 0.75 : margin >= 2.0 ? 0.65 : 0.6, false};
    // Still ahead of every other spelling although they are more frequent, and one slip away
    // where they need two: "lexcho" is "lecho" more than "hecho", "ddeos" "dedos" more than "dos".
    if (best.cost <= 1.0 && best.slips == 1 && margin > 0.0 && fewer_slips_than_rivals(ranked))
        return choice{best.word, 0.6, false};
    if (best.cost <= 1.6 && margin >= 4.0) return choice{best.word, 0.6, false};
    // A cheaper slip than every other spelling (a swap or a neighbouring key against a letter
    // added or left out), ahead by less: "etso" is "esto" rather than "eso", "sabse" "sabes".
    // Five seeds: +9 typos fixed of 1000 in Spanish (about three wrong replacements for each
    // nine right), +2 in English, clean paragraphs unchanged; a lead below 0.5 changes them.
    if (best.cost < 1.0 && best.slips == 1 && margin >= 0.5 && cheaper_than_rivals(ranked))
        return choice{best.word, 0.6, false};
    return std::nullopt;
}

// Words the dictionaries do not know, by token: lower-case words, and capitalised ones that
// start a sentence and do not look like a word of the language ("Caveant consules", not
// "Obdulia hablaba"). Names mid-sentence, classical words ("destos") and derivatives of known
// words ("prudentísimo") are not counted.
std::vector<bool> unknown_words(rule_context& cx) {
    spell_session& sp = *cx.speller;
    std::vector<bool> unknown(cx.p.tokens.size(), false);
    for (std::size_t k = 0; k < cx.p.tokens.size(); ++k) {
        const token& t = cx.p.tokens[k];
        if (t.kind != token_kind::word || t.has_digit) continue;
        const bool capital = t.shape == word_shape::capitalized && t.starts != boundary::none;
        if (t.shape != word_shape::lower && !capital) continue;
        std::string lower = cx.en() ? normalise_apostrophes(t.lower) : t.lower;
        word_entry& e = sp.entry(lower);
        if (accepted(sp, e, lower) || sp.in_project(t.text, lower)) continue;
        if (cx.es() && cx.morphology && cx.morphology->knows(lower)) continue;
        if (capital && sp.plausible(lower)) continue;
        if (cx.es() && (classical_word(lower) || derived_from_known(sp, lower))) continue;
        unknown[k] = true;
    }
    return unknown;
}

// A passage in another language (a Latin motto, Italian verse): many of its words are unknown,
// and each is more likely foreign than mistyped, so they get notes only. Counted over the
// paragraph's lower-case words: at least three unknown, and a quarter of them.
bool foreign_passage(rule_context& cx, const std::vector<bool>& unknown) {
    std::size_t words = 0, unknowns = 0;
    for (std::size_t k = 0; k < cx.p.tokens.size(); ++k) {
        const token& t = cx.p.tokens[k];
        if (t.kind != token_kind::word || t.shape != word_shape::lower || t.has_digit) continue;
        ++words;
        unknowns += unknown[k];
    }
    return unknowns >= 3 && unknowns * 4 >= words;
}

// Two unknown words side by side are a foreign phrase ("temporis acti", "la donna è mobile",
// "marron foncé") far more often than two slips: neither is corrected. When the only unknown
// neighbour is capitalised it may as well be a name opening the sentence ("Obdulia hablabz").
enum class unknown_neighbour { none, capitalised, lower_case };

unknown_neighbour beside_unknown(const rule_context& cx, const std::vector<bool>& unknown, std::size_t at) {
    const auto& toks = cx.p.tokens;
    unknown_neighbour out = unknown_neighbour::none;
    auto see = [&](std::size_t k) {
        if (!unknown[k]) return;
        out = toks[k].shape == word_shape::lower ? unknown_neighbour::lower_case
              : out == unknown_neighbour::none   ? unknown_neighbour::capitalised
                                                 : out;
    };
    if (at >= 2 && toks[at - 1].kind == token_kind::space) see(at - 2);
    if (at + 2 < toks.size() && toks[at + 1].kind == token_kind::space) see(at + 2);
    return out;
}

// `register_of_paragraph`: period spelling, where only accents and slips of the hand are
// restored, or a foreign passage, where only accents are
// restored. `before_ellipsis`: the word may be cut short, so a candidate that merely
// completes it is no correction, and nothing is noted. `foreign_phrase`: which unknown word
// stands beside it (beside_unknown).
enum class paragraph_register { modern, classical, foreign };

void check_word(rule_context& cx, std::size_t at, paragraph_register reg, bool before_ellipsis,
                unknown_neighbour foreign_phrase) {
    const token& t = cx.p.tokens[at];
    spell_session& sp = *cx.speller;
    const bool initial = t.starts != boundary::none;
    if (t.has_digit || t.shape == word_shape::upper || t.shape == word_shape::mixed ||
        t.shape == word_shape::none)
        return;
    if (t.shape == word_shape::capitalized && !initial) return;  // a name
    std::string lower = cx.en() ? normalise_apostrophes(t.lower) : t.lower;
    if (cx.es() &&
        (lower.find('\'') != std::string::npos || lower.find("\xE2\x80\x99") != std::string::npos))
        return;  // "d’Artagnan"
    if (sp.in_project(t.text, lower) || is_roman(lower)) return;
    word_entry& e = sp.entry(lower);
    if (accepted(sp, e, lower)) return;
    // Spanish: the morphological dictionary knows words es_ES lacks ("morriña"). Not English,
    // whose analyser knows both spellings where the user may have chosen one variant.
    if (cx.es() && cx.morphology && cx.morphology->knows(lower)) return;
    if (plural_of_known_noun(cx, lower)) return;
    if (cx.es() && poetic_diaeresis(sp, lower)) return;
    // Nobody types a ligature by accident: "dæmon", "œuvre" are the writer's choice.
    if (lower.find("\xC3\xA6") != std::string::npos || lower.find("\xC5\x93") != std::string::npos)
        return;
    const bool capital = t.shape == word_shape::capitalized;
    if (capital && (e.capital_mid_count > 0 || sp.known(t.text))) return;  // a name
    if (lower.find('-') != std::string::npos || lower.find('\'') != std::string::npos) return;
    const candidates& c = sp.candidates_of(e, lower);
    // A word written the same way three times or more is deliberate: only accents are offered.
    // An accent candidate that only takes an accent away is never chosen; when it is no word
    // the analyser knows either ("abia" for "abía", unlike "rehuya" for "rehúya"), the typed
    // word is a typo and its candidates ("había") are ranked.
    const bool adds_accents = std::any_of(c.accents.begin(), c.accents.end(), [&](const std::string& w) {
        return !removes_an_accent(lower, w) || !cx.morphology || cx.morphology->knows(w);
    });
    std::vector<candidate_index::candidate> ranked;
    if (!adds_accents && e.lower_count < 3) {
        ranked = ranked_candidates(sp, lower, c);
        rerank_by_context(cx, at, ranked);
    }
    auto pick = ranked.empty() ? choose(sp, lower, c, t.end - t.begin)
                               : choose_ranked(ranked, lower, t.end - t.begin);
    if (!pick) pick = best_rare_neighbour(cx, at, lower, c, ranked);
    // A Spanish unknown word that looks like a word of the language (every letter trigram
    // attested) is as likely a period, dialect or missing word as a slip: it needs a clear lead
    // (four slips seeds: clean paragraphs changed -9 cases, typos fixed -4 of 800; in English
    // it costs typos and saves no clean paragraph). Not a slip of the hand one neighbouring key,
    // doubled letter or swap away ("porbe", "merded", "duese": five seeds, +9 typos fixed of
    // 1000, +2 clean paragraphs of 2500 changed, "arras", "confesata"), nor a letter left out
    // where no period spelling leaves one ("aestro", "glería": +11 typos, clean unchanged).
    const bool hand_slip_pick = pick && slip_of_the_hand(lower, ranked, pick->replacement);
    if (pick && !pick->accent && !pick->unlisted && cx.es() && sp.plausible(lower) && !hand_slip_pick &&
        (ranked.empty() || lead_over_other_spellings(ranked) < kPlausibleLead))
        pick.reset();
    // The same unknown word twice in a row is a sound ("el chin chin", "rum, rum").
    auto same_word = [&](std::size_t k) {
        return k < cx.p.tokens.size() && cx.p.tokens[k].kind == token_kind::word &&
               cx.p.tokens[k].lower == t.lower;
    };
    auto neighbour_word = [&](std::size_t k, int dir) {
        for (int steps = 0; steps < 3 && k < cx.p.tokens.size(); ++steps) {
            k += static_cast<std::size_t>(dir);
            if (k >= cx.p.tokens.size()) return k;
            const token& n = cx.p.tokens[k];
            if (n.kind == token_kind::word) return k;
            if (n.kind != token_kind::space && !n.is_punct(U',', cx.p.text)) return cx.p.tokens.size();
        }
        return cx.p.tokens.size();
    };
    if (pick && !pick->accent && (same_word(neighbour_word(at, -1)) || same_word(neighbour_word(at, 1))))
        pick.reset();
    // A frequent word that lacks only its accent ("tambien") is not foreign, whatever its
    // neighbour; "aurea" (mediocritas) is.
    // Beside a capitalised unknown word only a slip of one letter clearly ahead of every other
    // spelling is fixed.
    const bool clear_slip = !ranked.empty() && ranked[0].word == (pick ? pick->replacement : "") &&
                            ranked[0].slips == 1 && lead_over_other_spellings(ranked) >= 3.0;
    if (pick && foreign_phrase != unknown_neighbour::none &&
        !(pick->accent && sp.frequent(pick->replacement)) &&
        !(foreign_phrase == unknown_neighbour::capitalised && clear_slip))
        pick.reset();
    if (pick && !pick->accent && cx.es() && derived_from_known(sp, lower)) pick.reset();
    const bool es = cx.es();
    // Period spellings ("fermoso", "estraño") are the writer's: noted, not modernised. In a
    // paragraph of period spelling only a slip of the hand is fixed — a neighbouring key, an
    // extra, swapped or dropped letter ("cavballero", "pyueda", "djio") ahead of every other
    // spelling by the margin of any fix (a lead of 3 instead: five seeds, 9 typos of 1000 fewer
    // fixed, one clean paragraph fewer changed, "yele"). See slip_of_the_hand.
    const bool hand_slip = pick && hand_slip_pick && lead_over_other_spellings(ranked) >= 1.0;
    if (pick && ((cx.es() && (archaic_spelling(lower, pick->replacement) ||
                              (!pick->accent && has_modern_twin(sp, cx.morphology, lower, pick->replacement)))) ||
                 (reg == paragraph_register::foreign && !pick->accent) ||
                 (reg == paragraph_register::classical && !pick->accent && !hand_slip)))
        pick.reset();
    if (before_ellipsis && (!pick || pick->replacement.rfind(lower, 0) == 0)) return;
    if (pick && pick->accent && removes_an_accent(lower, pick->replacement)) pick.reset();
    if (pick && (!capital || pick->accent)) {
        std::string repl = capital ? capitalize(pick->replacement) : pick->replacement;
        if (pick->accent) {
            cx.emit(es ? "ES_SPELLING_ACCENT" : "EN_SPELLING_TYPO", t.begin, t.end, repl,
                    pick->confidence, "Falta o sobra una tilde: «" + repl + "».",
                    "Accent: \"" + repl + "\".");
        } else {
            cx.emit(es ? "ES_SPELLING_TYPO" : "EN_SPELLING_TYPO", t.begin, t.end, repl,
                    pick->confidence, "Posible errata: ¿«" + repl + "»?",
                    "Possible typo: \"" + repl + "\"?");
        }
        return;
    }
    if (capital || t.end - t.begin < 3) return;  // an unknown capitalised word is likely a name
    std::vector<std::string> all = c.accents;
    for (const auto& r : ranked) all.push_back(r.word);
    if (ranked.empty()) all.insert(all.end(), c.edits.begin(), c.edits.end());
    std::string hint_es = all.empty() ? "" : " ¿Quizá " + list(all) + "?";
    std::string hint_en = all.empty() ? "" : " Perhaps " + list(all) + "?";
    cx.emit(es ? "ES_SPELLING_UNKNOWN" : "EN_SPELLING_UNKNOWN", t.begin, t.end, std::nullopt,
            all.empty() ? 0.3 : 0.35,
            "Palabra desconocida para el diccionario." + hint_es +
                " Si es correcta, añádala al diccionario del proyecto.",
            "Word not in the dictionary." + hint_en +
                " If it is right, add it to the project dictionary.");
}

}  // namespace

void check_spelling(rule_context& cx) {
    const auto& toks = cx.p.tokens;
    // Period spellings and foreign passages get notes, never replacements.
    const std::vector<bool> unknown = unknown_words(cx);
    const paragraph_register reg = foreign_passage(cx, unknown)                        ? paragraph_register::foreign
                                   : cx.es() && classical_register(cx) ? paragraph_register::classical
                                                                       : paragraph_register::modern;
    for (std::size_t i = 0; i < toks.size(); ++i) {
        const token& t = toks[i];
        if (t.kind != token_kind::word) continue;
        if (std::size_t span = foreign_locution_at(cx, i)) {
            i += span - 1;
            continue;
        }
        // Glued to a number ("3kg", "2nd") or part of a dotted abbreviation ("p.ej.").
        if (i > 0 && toks[i - 1].kind == token_kind::number) continue;
        if (i + 1 < toks.size() && toks[i + 1].kind == token_kind::number) continue;
        if (i + 2 < toks.size() && toks[i + 1].is_punct(U'.', cx.p.text) &&
            toks[i + 2].kind == token_kind::word)
            continue;
        if (i > 0 &&
            (toks[i - 1].is_punct(U'@', cx.p.text) || toks[i - 1].is_punct(U'#', cx.p.text)))
            continue;
        // A file extension (".doc", ".txt"): a period glued to the word, after a space or nothing.
        if (i > 0 && toks[i - 1].is_punct(U'.', cx.p.text) &&
            (i == 1 || toks[i - 2].kind == token_kind::space))
            continue;
        // A fragment cut by an ellipsis ("...mptoms", "institut…").
        auto cut = [&](std::size_t k) {
            return k < toks.size() &&
                   (toks[k].is_punct(U'.', cx.p.text) || toks[k].is_punct(0x2026, cx.p.text));
        };
        if ((i > 0 && cut(i - 1) && i > 1 && cut(i - 2)) ||
            (i > 0 && toks[i - 1].is_punct(0x2026, cx.p.text)))
            continue;
        // A word before an ellipsis may be cut short ("institut…"); see check_word. Before an
        // ellipsis that ends an English text, it is: a quotation cut off ("…moved to New Salem;
        // by 1835, they were in a relat..."). In Spanish prose speech trails off so ("no me
        // atreví a deseprtarla…"), and only a completion of the word is no fix.
        const bool before_ellipsis =
            cut(i + 1) && (cut(i + 2) || toks[i + 1].is_punct(0x2026, cx.p.text));
        if (before_ellipsis && cx.en()) {
            std::size_t k = i + 1;
            while (k < toks.size() && (cut(k) || toks[k].kind == token_kind::space ||
                                       toks[k].is_punct(U'"', cx.p.text)))
                ++k;
            if (k == toks.size()) continue;
        }
        // A word cut by a hyphen that nothing follows: a suspended prefix ("pre- y posguerra")
        // or a broken-off verse ("el famo-").
        if (i + 1 < toks.size() && toks[i + 1].is_punct(U'-', cx.p.text) &&
            (i + 2 == toks.size() || toks[i + 2].kind != token_kind::word))
            continue;
        check_word(cx, i, reg, before_ellipsis,
                   unknown[i] ? beside_unknown(cx, unknown, i) : unknown_neighbour::none);
    }
}

}  // namespace galley::engine_detail
