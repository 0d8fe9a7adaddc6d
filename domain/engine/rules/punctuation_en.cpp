// English punctuation with a certain frame: the comma before a tag question ("She isn't coming,
// is she?"), after "e.g." and "i.e.", in dates ("October 18, 1983", "Friday, July 15", not
// "October, 1958"), the hyphens of compound adjectives before a noun ("a two-year-old reindeer",
// "a 35-hour week", "state-of-the-art"), "o'clock", "for heaven's sake" and "the cars are".
#include <array>
#include <string>
#include <unordered_map>

#include "domain/engine/rules/en_context.hpp"

namespace galley::engine_detail {

namespace {

using namespace en_context;

const set kMonths = {"january", "february", "march", "april", "may", "june", "july", "august",
                     "september", "october", "november", "december"};
const set kWeekdays = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

bool is_year(const rule_context& cx, int k) {
    return cx.p.kind_at(k, token_kind::number) && cx.p.tokens[k].end - cx.p.tokens[k].begin == 4;
}

// "She isn't coming is she?": a statement followed by an auxiliary and a pronoun before the
// question mark. Real questions ("What time is it?", "Do you know where he is?") start with a
// question word or an auxiliary and are left alone.
void tag_question(rule_context& cx, int i) {
    static const set aux = {"is", "isn't", "was", "wasn't", "are", "aren't", "were", "weren't", "do", "don't",
                            "does", "doesn't", "did", "didn't", "have", "haven't", "has", "hasn't", "had",
                            "hadn't", "can", "can't", "could", "couldn't", "will", "won't", "would",
                            "wouldn't", "should", "shouldn't", "shall", "must", "mustn't"};
    static const set pronouns = {"i", "you", "he", "she", "it", "we", "they", "there"};
    static const set question_openers = {"what", "who", "whom", "where", "when", "why", "how", "which", "whose",
                                         "is", "are", "was", "were", "do", "does", "did", "have", "has", "had",
                                         "can", "could", "will", "would", "should", "shall", "may", "might",
                                         "must", "isn't", "aren't", "wasn't", "weren't", "don't", "doesn't",
                                         "didn't", "haven't", "hasn't", "won't", "wouldn't", "can't", "couldn't",
                                         "shouldn't", "so", "and", "or", "but"};
    const token& t = cx.p.tokens[i];
    if (!cx.p.punct_at(i + 3, U'?')) return;  // cheapest test first: most words are not before "X?"
    std::string scratch;
    if (!aux.count(plain(t, scratch))) return;
    const token* pronoun = next_word(cx, i);
    if (!pronoun || !pronouns.count(pronoun->lower)) return;
    const token* before = prev_word(cx, i);
    if (!before || before->is("and") || before->is("or")) return;
    // Walk back to the sentence start: a statement of three or more words.
    int words = 0;
    const token* first = nullptr;
    for (int k = i - 2; k >= 0; --k) {
        const token& x = cx.p.tokens[k];
        if (x.kind == token_kind::punct) {
            char32_t c = cx.p.text[x.begin];
            if (c == U',' || c == U';' || c == U':') return;  // already punctuated, or a clause
            if (c == U'.' || c == U'!' || c == U'?') break;
            continue;
        }
        if (x.kind != token_kind::word) continue;
        ++words;
        first = &x;
        if (sentence_start(x)) break;
    }
    if (!first || words < 3 || question_openers.count(plain(*first, scratch))) return;
    cx.emit_tokens("EN_COMMA_TAG_QUESTION", i - 2, i - 2, before->text + ",", 0.75, "",
                   "A comma sets off the tag question.");
}

// ", e.g. LanguageTool" → "e.g.,"; "eg", "ie" and "i.e." likewise.
void eg_ie(rule_context& cx, int i) {
    static const std::unordered_map<std::string_view, std::string_view> forms = {
        {"eg", "e.g.,"}, {"ie", "i.e.,"}, {"e.g", "e.g.,"}, {"i.e", "i.e.,"}};
    const token& t = cx.p.tokens[i];
    if (t.text.size() > 3 || t.text.size() < 2) return;
    auto it = forms.find(t.text);  // lower case only: "IE" is a browser, "Eg" a name
    if (it == forms.end()) return;
    int last = i;
    if (cx.p.punct_at(i + 1, U'.')) last = i + 1;
    if (!cx.p.kind_at(last + 1, token_kind::space) || last + 2 >= static_cast<int>(cx.p.tokens.size()) ||
        cx.p.tokens[last + 2].kind != token_kind::word)
        return;  // "e.g.," is already right
    // Only after a comma or a parenthesis: "eg" elsewhere may be a word or a name.
    int p = cx.p.prev_solid(i);
    if (p < 0 || !(cx.p.punct_at(p, U',') || cx.p.punct_at(p, U'('))) return;
    cx.emit_tokens("EN_EG_IE_COMMA", i, last, std::string(it->second), 0.8, "",
                   "Write '" + std::string(it->second) + "' with its periods and a comma after it.");
}

// "October 18 1983" → "October 18, 1983"; "Friday July 15" → "Friday, July 15";
// "October, 1958" → "October 1958".
void dates(rule_context& cx, int i) {
    const token& t = cx.p.tokens[i];
    if (t.shape != word_shape::capitalized) return;
    if (kMonths.count(t.lower) && !t.is("may") && !t.is("march")) {
        // Month, day, year without the comma after the day.
        if (cx.p.kind_at(i + 1, token_kind::space) && cx.p.kind_at(i + 2, token_kind::number) && cx.p.tokens[i + 2].end - cx.p.tokens[i + 2].begin <= 2 &&
            cx.p.kind_at(i + 3, token_kind::space) && is_year(cx, i + 4)) {
            const token& day = cx.p.tokens[i + 2];
            cx.emit_tokens("EN_DATE_COMMA", i + 2, i + 2, day.text + ",", 0.85, "",
                           "A comma separates the day from the year.");
        } else if (cx.p.punct_at(i + 1, U',') && cx.p.kind_at(i + 2, token_kind::space) && is_year(cx, i + 3)) {
            cx.emit_tokens("EN_DATE_COMMA", i, i + 3, t.text + " " + cx.p.tokens[i + 3].text, 0.8, "",
                           "No comma between a month and a year.");
        }
    } else if (kWeekdays.count(t.lower) && next_word(cx, i) && kMonths.count(next_word(cx, i)->lower) &&
               next_word(cx, i)->shape == word_shape::capitalized && cx.p.kind_at(i + 3, token_kind::space) && cx.p.kind_at(i + 4, token_kind::number)) {
        cx.emit_tokens("EN_DATE_COMMA", i, i, t.text + ",", 0.85, "", "A comma follows the weekday in a date.");
    }
}

// "a two year old reindeer", "a 35 hour week", "the 100 metre sprint", "right hand man",
// "English speaking people", "state of the art solution": compound adjectives take hyphens.
void compound_adjective(rule_context& cx, int i) {
    static const set number_words = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                                     "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty",
                                     "hundred", "eighteen", "sixteen"};
    static const set units = {"hour", "minute", "second", "day", "week", "month", "year", "metre", "meter",
                              "foot", "inch", "mile", "page", "kilometre", "kilometer", "pound", "ton",
                              "storey", "story", "lane", "seat", "room", "bed", "door", "star", "point",
                              "step", "piece", "game", "man", "person", "hole", "gallon", "litre", "liter"};
    static const set hand_nouns = {"side", "man", "corner", "drive", "lane", "turn", "column", "margin", "seat"};
    static const set languages = {"english", "spanish", "french", "german", "italian", "portuguese", "chinese",
                                  "russian", "arabic", "japanese", "dutch"};
    static const set speaking_nouns = {"people", "countries", "country", "world", "population", "community",
                                       "students", "users", "regions", "areas", "nations", "staff"};
    const token& t = cx.p.tokens[i];
    // "a two-year old reindeer": the first hyphen is there, the second is missing.
    if (t.kind == token_kind::word && t.lower.find('-') != std::string::npos) {
        std::string unit = t.lower.substr(t.lower.rfind('-') + 1);
        const token* old = next_word(cx, i);
        const token* noun = old ? next_word(cx, i + 2) : nullptr;
        if (units.count(unit) && old && old->is("old") && noun && noun->shape == word_shape::lower &&
            in(prev_word(cx, i), {"a", "an", "the", "this", "his", "her", "my", "our", "their", "your"})) {
            cx.emit_tokens("EN_COMPOUND_HYPHEN", i, i + 2, t.text + "-old", 0.8, "",
                           "A compound adjective before a noun takes hyphens: '" + t.text + "-old'.");
        }
        return;
    }
    const bool numeric = t.kind == token_kind::number ||
                         (t.lower.size() >= 3 && t.lower.size() <= 9 && number_words.count(t.lower));
    if (numeric && cx.p.kind_at(i + 1, token_kind::space)) {
        const token* unit = word_at(cx, i + 2);
        if (!unit || !units.count(unit->lower)) return;
        int last = i + 2;
        std::string repl = t.text + "-" + unit->text;
        // "two year old reindeer" → "two-year-old reindeer"
        if (const token* old = next_word(cx, i + 2); old && old->is("old")) {
            last = i + 4;
            repl += "-old";
        }
        const token* noun = next_word(cx, last);
        static const set not_nouns = {"of", "and", "or", "to", "in", "on", "at", "for", "ago", "later", "before",
                                      "after", "per", "a", "an", "the", "is", "was", "it", "he", "she", "they", "we",
                                      "i", "you", "from", "with", "by", "away", "long", "old", "earlier", "since"};
        if (!noun || noun->shape != word_shape::lower || not_nouns.count(noun->lower)) return;
        // Only after an article or determiner: "a 35 hour week", "the 100 metre sprint".
        const token* det = prev_word(cx, i);
        if (!in(det, {"a", "an", "the", "this", "that", "his", "her", "my", "our", "their", "your"})) return;
        if (t.kind == token_kind::word && t.is("one") && det && (det->is("a") || det->is("an"))) return;
        cx.emit_tokens("EN_COMPOUND_HYPHEN", i, last, repl, 0.75, "",
                       "A compound adjective before a noun takes hyphens: '" + repl + "'.");
    } else if ((t.is("right") || t.is("left")) && next_word(cx, i) && next_word(cx, i)->is("hand") &&
               in(next_word(cx, i + 2), hand_nouns)) {
        cx.emit_tokens("EN_COMPOUND_HYPHEN", i, i + 2, t.text + "-" + cx.p.tokens[i + 2].text, 0.8, "",
                       "A compound adjective before a noun takes hyphens.");
    } else if (languages.count(t.lower) && t.shape == word_shape::capitalized && next_word(cx, i) &&
               next_word(cx, i)->is("speaking") && in(next_word(cx, i + 2), speaking_nouns)) {
        cx.emit_tokens("EN_COMPOUND_HYPHEN", i, i + 2, t.text + "-speaking", 0.8, "",
                       "A compound adjective before a noun takes hyphens.");
    } else if (t.is("state")) {
        std::array<const token*, 3> w = {next_word(cx, i), nullptr, nullptr};
        if (!w[0] || !w[0]->is("of")) return;
        w[1] = next_word(cx, i + 2);
        if (!w[1] || !w[1]->is("the")) return;
        w[2] = next_word(cx, i + 4);
        if (!w[2] || !w[2]->is("art")) return;
        const token* noun = next_word(cx, i + 6);
        if (!noun || noun->shape != word_shape::lower || in(noun, {"in", "of", "and", "is", "was", "for"})) return;
        cx.emit_tokens("EN_COMPOUND_HYPHEN", i, i + 6, cased(t, "state-of-the-art"), 0.8, "",
                       "Before a noun: 'state-of-the-art'.");
    }
}

// "o' clock" → "o'clock"; "For heavens sake" → "For heaven's sake"; "The car's are" → "cars".
void fixed_marks(rule_context& cx, int i) {
    const token& t = cx.p.tokens[i];
    std::string scratch;
    std::string_view w = plain(t, scratch);
    if (t.is("o") && (cx.p.punct_at(i + 1, U'\'') || cx.p.punct_at(i + 1, 0x2019)) && cx.p.kind_at(i + 2, token_kind::space) &&
        word_at(cx, i + 3) && cx.p.tokens[i + 3].is("clock")) {
        cx.emit_tokens("EN_FIXED_PUNCTUATION", i, i + 3, "o'clock", 0.85, "", "'o'clock' is one word.");
    } else if ((t.is("heavens") || t.is("goodness") || t.is("pete's") || t.is("petes")) &&
               in(prev_word(cx, i), {"for"}) && in(next_word(cx, i), {"sake"})) {
        std::string repl = t.is("heavens") ? "heaven's" : t.is("goodness") ? "goodness'" : "Pete's";
        cx.emit_tokens("EN_FIXED_PUNCTUATION", i, i, repl, 0.85, "", "The idiom is 'for " + repl + " sake'.");
    } else if (w.size() > 3 && w.ends_with("'s") && t.shape == word_shape::lower &&
               !in(&t, {"let's", "it's", "that's", "he's", "she's", "what's", "there's", "here's", "who's"}) &&
               w.find("\xE2") == std::string_view::npos &&
               in(next_word(cx, i), {"are", "were"}) &&
               in(prev_word(cx, i), {"the", "these", "those", "my", "our", "their", "your", "some", "many", "all"})) {
        std::string plural = t.text.substr(0, t.text.size() - (t.text.ends_with("'s") ? 2 : 4)) + "s";
        cx.emit_tokens("EN_FIXED_PUNCTUATION", i, i, plural, 0.8, "", "A plural takes no apostrophe: '" + plural + "'.");
    }
}

}  // namespace

void check_punctuation_en(rule_context& cx) {
    const auto& toks = cx.p.tokens;
    for (int i = 0; i < static_cast<int>(toks.size()); ++i) {
        if (toks[i].kind == token_kind::number) {
            compound_adjective(cx, i);
            continue;
        }
        if (toks[i].kind == token_kind::url) eg_ie(cx, i);  // "e.g" reads as a host name
        if (toks[i].kind != token_kind::word) continue;
        tag_question(cx, i);
        eg_ie(cx, i);
        dates(cx, i);
        compound_adjective(cx, i);
        fixed_marks(cx, i);
    }
}

}  // namespace galley::engine_detail
