// Spanish opening ¿ and ¡. A question or exclamation is a segment of a sentence that ends in
// ? or ! — the sentence itself, or a part of it ("¡Ya lo sabían!, estaban en confianza", "¿qué
// enseña eso?, ¿qué vamos aprendiendo?"). Each segment without its opening mark gets one where
// the question or exclamation starts: at the segment's start, at an interrogative word after a
// clause break ("Si lo sabes, ¿por qué…?"), or nowhere we can tell (then only a note).
#include <algorithm>
#include <vector>

#include "domain/engine/analysis/analyser.hpp"
#include "domain/engine/rules/es_context.hpp"
#include "domain/engine/rules/rules.hpp"
#include "domain/engine/speller.hpp"

namespace galley::engine_detail {

namespace {

using es_context::set;

char32_t ch(const rule_context& cx, const token& t) { return cx.p.text[t.begin]; }

bool leading_mark(char32_t c) {
    return c == U'"' || c == 0x201C || c == 0xAB || c == 0xBB || c == U'(' || c == 0x2014 ||
           c == 0x2013 || c == U'-' || c == U'\'' || c == 0x2018;
}

bool interrogative(const token& t) {
    static const set words = {"qué",   "cómo",   "dónde",  "adónde", "cuándo",
                              "quién", "quiénes", "cuál",  "cuáles", "cuánto",
                              "cuánta", "cuántos", "cuántas", "acaso"};
    return words.count(t.lower) > 0;
}

// A preposition that may govern the interrogative word ("¿A quién…?", "¿Para qué…?").
bool preposition(const token& t) {
    static const set words = {"a",     "de",    "para",  "por",   "con",    "en",    "hasta",
                              "desde", "hacia", "sin",   "sobre", "contra", "entre", "según"};
    return words.count(t.lower) > 0;
}

// Words that may stand before the question's own start ("pero ¿qué sucede?").
bool conjunction(const token& t) {
    static const set words = {"pero", "y", "o", "pues", "entonces", "e", "mas", "luego"};
    return words.count(t.lower) > 0;
}

// Exclamations that open with these span the whole segment ("¡Oh, no, eso no!").
bool interjection(const token& t) {
    static const set words = {"oh",   "ah",     "ay",     "bah",    "eh",    "uf",
                              "vaya", "caramba", "hola",  "jesús",  "dios",  "hombre",
                              "que",  "ojalá",  "cuánto", "cuánta", "cuántos", "cuántas"};
    return words.count(t.lower) > 0;
}

// Interjections proper: mid-sentence they open the exclamation ("pero ¡ay de él!", "tus proezas
// envidio, ¡oh gran Quijote!").
bool true_interjection(const token& t) {
    static const set words = {"oh", "ah", "ay", "bah", "eh", "uf", "caramba", "ojalá"};
    return words.count(t.lower) > 0;
}

// A tag after a comma is the question itself ("Es chusco, ¿eh?").
bool question_tag(const std::vector<int>& words, const rule_context& cx) {
    static const set tags = {"eh", "verdad", "no", "sí", "vale", "cierto", "sabes", "entiendes"};
    return words.size() == 1 && tags.count(cx.p.tokens[words[0]].lower) > 0;
}

struct segment {
    int first = -1;  // first token after the leading marks
    int last = -1;   // the closing ? or !
    bool after_closed = false;  // follows another question or exclamation of the same sentence
};

struct clause_break {
    int at;        // the break's token
    bool comma;    // a comma or a dash (a vocative or a tag may follow), not ; or :
};

bool tail_has_verb(const rule_context& cx, const std::vector<int>& words, std::size_t from) {
    for (std::size_t k = from; k < words.size(); ++k) {
        const reading* r = cx.best(words[k]);
        if (r && r->verb() && r->tense != "inf" && r->tense != "pp" && r->tense != "ger")
            return true;
    }
    return false;
}

// The sentence opens with a finite verb and its subject pronoun: "Querrá usted…", "Vienes tú…",
// the word order of a question.
bool inverted_subject(const rule_context& cx, const std::vector<int>& words) {
    static const set subjects = {"usted", "ustedes", "tú", "vos", "él", "ella", "vosotros", "vosotras"};
    if (words.size() < 2 || !subjects.count(cx.p.tokens[words[1]].lower)) return false;
    const reading* r = cx.best(words[0]);
    return r && r->verb() && r->tense != "inf" && r->tense != "pp" && r->tense != "ger";
}

// The position in `words` (token indices, ascending) of the first word after token `at`.
std::size_t first_after(const std::vector<int>& words, int at) {
    return static_cast<std::size_t>(std::upper_bound(words.begin(), words.end(), at) - words.begin());
}

// Where the question or exclamation of `s` starts, or -1. `guessed` is set when nothing in the
// segment says where, and the whole of it is the likeliest answer.
int start_of(const rule_context& cx, const segment& s, bool question, bool& guessed) {
    const auto& toks = cx.p.tokens;
    std::vector<int> words;  // every step below is linear in these or logarithmic
    for (int k = s.first; k < s.last; ++k)
        if (toks[k].kind == token_kind::word) words.push_back(k);
    if (words.empty()) return -1;
    int last_dash = -1;
    for (int k = s.first; k < s.last; ++k)
        if (toks[k].kind == token_kind::punct && ch(cx, toks[k]) == 0x2014) last_dash = k;
    // Breaks outside a parenthetical dialogue tag ("¿cómo supo mi padre —dijo don Luis— que…?").
    std::vector<clause_break> breaks;
    int dash_open = -1, dash_pairs = 0;
    for (int k = s.first; k < s.last; ++k) {
        if (toks[k].kind != token_kind::punct) continue;
        char32_t c = ch(cx, toks[k]);
        if (c == 0x2014) {
            if (dash_open >= 0) {
                dash_open = -1;  // the tag closes: what follows continues the question
                ++dash_pairs;
                continue;
            }
            if (k < last_dash) {  // another dash closes it later
                dash_open = k;
                continue;
            }
        }
        if (dash_open >= 0) continue;
        // "…" mid-sentence pauses like a comma ("No… si lo diré todo… pero ¿qué es todo?"),
        // though not right before the closing mark ("¡No faltaba más…!").
        if (c == 0x2026 && cx.p.next_solid(k) == s.last) continue;
        if (c == U',' || c == U';' || c == U':' || c == 0x2014 || c == 0x2026)
            breaks.push_back({k, c == U',' || c == 0x2014 || c == 0x2026});
    }
    const token& lead = toks[words[0]];
    // "—¡Bah! —decía Visitación…": a dialogue tag is not the question; it starts after it only
    // at an interrogative word or an interjection ("—decía Visitación—; bah!, tú…").
    const int before_lead = cx.p.prev_solid(words[0]);
    const bool tag_lead = lead.shape == word_shape::lower && before_lead >= 0 &&
                          toks[before_lead].kind == token_kind::punct &&
                          ch(cx, toks[before_lead]) == 0x2014;
    if (tag_lead) {
        for (const clause_break& b : breaks) {
            const std::size_t w = first_after(words, b.at);
            if (w < words.size() && (interrogative(toks[words[w]]) ||
                                     (!question && true_interjection(toks[words[w]]))))
                return words[w];
        }
        return -1;
    }
    if (interrogative(lead) || (!question && interjection(lead))) return words[0];
    if (words.size() > 1 && preposition(lead) && interrogative(toks[words[1]])) return words[0];
    // "¡Y qué…!", "¡Pero qué divina, Ana…!": an exclamation opens before its conjunction
    // (sixteen to one in the novels of the corpus; a question goes either way).
    if (!question && words.size() > 1 && conjunction(lead) && interrogative(toks[words[1]]))
        return words[0];
    if (breaks.empty()) {
        if (s.after_closed) return words[0];
        // "Pero ¿adónde irían…?", "Mas ¡ay!": a conjunction, then the interrogative word or
        // the interjection.
        if (words.size() > 1 && conjunction(lead) &&
            (interrogative(toks[words[1]]) || (!question && true_interjection(toks[words[1]]))))
            return words[1];
        guessed = words.size() > 15;
        return words[0];
    }
    // Words quoted after a colon start with a capital ("gritaron: ¡Al campo, al campo!").
    for (auto b = breaks.rbegin(); b != breaks.rend(); ++b) {
        if (ch(cx, toks[b->at]) != U':') continue;
        const std::size_t w = first_after(words, b->at);
        if (w < words.size() && toks[words[w]].shape == word_shape::capitalized) return words[w];
        break;
    }
    // The first break followed by an interrogative word (after a conjunction, perhaps): "Si no,
    // dime: ¿qué mayor contento…, o qué gusto…?".
    const std::size_t before_first_break = first_after(words, breaks.front().at);
    for (const clause_break& b : breaks) {
        std::size_t w = first_after(words, b.at);
        if (w == words.size()) continue;
        if (w + 1 < words.size() && conjunction(toks[words[w]])) ++w;
        const token& t = toks[words[w]];
        bool asks = interrogative(t) ||
                    (preposition(t) && w + 1 < words.size() && interrogative(toks[words[w + 1]])) ||
                    (!question && true_interjection(t));
        if (asks) {
            // "¡Jesús, qué carta!": an exclamation after a single interjection or vocative;
            // not after a conjunction ("Y, sin embargo, ¡qué deliciosa…!").
            if (!question && before_first_break == 1 && !conjunction(lead)) return words[0];
            return words[w];
        }
    }
    // "¡Conque ya ve usted! ¡Sólo que al pobre Marqués, por supuesto…!": after a question or
    // an exclamation, the next one is most often whole.
    if (s.after_closed) return words[0];
    const clause_break& last = breaks.back();
    const std::vector<int> tail(words.begin() + static_cast<std::ptrdiff_t>(first_after(words, last.at)),
                                words.end());
    if (tail.empty()) return -1;
    const std::vector<int> head(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(first_after(words, last.at)));
    if (question && last.comma && question_tag(tail, cx))
        return inverted_subject(cx, head) ? words[0] : tail[0];  // "¿Querrá usted irse, verdad?"
    std::size_t w = tail.size() > 1 && conjunction(toks[tail[0]]) ? 1 : 0;
    const bool verb = tail_has_verb(cx, tail, w);
    // A question after a clause with a verb of its own ("Si no llueve, ¿vienes mañana?"). A
    // head without a verb is a call or a conjunction ("Pero, señor Guimarán, ¿tan seguro…?" is
    // whole), and a tail opening with "que" depends on the head ("¿Paréceos, caballeros, que…?").
    if (question && verb) {
        if (toks[tail[w]].is("que")) return words[0];
        return tail[w];
    }
    // "¡Oiga usted, señor don Pompeyo, que…!": a short call before the first comma.
    const bool commas_only = std::all_of(breaks.begin(), breaks.end(), [&](const clause_break& b) {
        return ch(cx, toks[b.at]) == U',';
    });
    if (!question && commas_only && before_first_break <= 3 && dash_pairs == 0)
        return words[0];
    // After a colon or semicolon a short tail is a label or a list, not a vocative.
    if (last.comma && tail.size() <= 3 && (!verb || !question)) return words[0];  // "—Bravo, paisano!"
    // Otherwise the whole segment is a guess (on five slips seeds 11 of 29 such guesses were
    // right, hence its confidence of 0.4; a note without a place helps no more). A semicolon or
    // colon moves the guess after the last of them ("…llama la electricidad; ¡si fueran pinos
    // menos mal!": 7 more of 30 right, where a note fixed none); a dialogue tag leaves it as
    // often one part as another.
    if (dash_pairs > 0) return -1;
    guessed = true;
    for (auto b = breaks.rbegin(); b != breaks.rend(); ++b) {
        if (ch(cx, toks[b->at]) != U';' && ch(cx, toks[b->at]) != U':') continue;
        const std::size_t w = first_after(words, b->at);
        return w < words.size() ? words[w] : -1;
    }
    return words[0];
}

// A question or exclamation in another language ("«In illo tempore…!»"): where it starts is
// not ours to say. Two thirds of its words are not Spanish (capitalised ones after the first
// are names, and do not count).
bool foreign(rule_context& cx, const segment& s) {
    if (!cx.speller) return false;
    int words = 0, unknown = 0;
    for (int k = s.first; k < s.last; ++k) {
        const token& t = cx.p.tokens[k];
        if (t.kind != token_kind::word || (words > 0 && t.shape != word_shape::lower)) continue;
        ++words;
        unknown += !cx.speller->known(t.lower) && !(cx.morphology && cx.morphology->knows(t.lower));
    }
    return words >= 2 && unknown * 3 >= words * 2;
}

// The two words before the closing mark are in neither dictionary (one may be a name).
bool foreign_ending(rule_context& cx, const segment& s) {
    if (!cx.speller) return false;
    auto unknown = [&](int k) {
        if (k < s.first || cx.p.tokens[k].kind != token_kind::word) return false;
        const std::string& w = cx.p.tokens[k].lower;
        return !cx.speller->known(w) && !(cx.morphology && cx.morphology->knows(w));
    };
    const int last = cx.p.prev_solid(s.last);
    return last >= 0 && unknown(last) && unknown(cx.p.prev_solid(last));
}

void open_segment(rule_context& cx, const segment& s, bool first_of_sentence) {
    const auto& toks = cx.p.tokens;
    const bool question = ch(cx, toks[s.last]) == U'?';
    int first_word = -1;
    for (int k = s.first; k < s.last && first_word < 0; ++k) {
        const token& t = toks[k];
        if (t.kind == token_kind::word) first_word = k;
        else if (t.kind == token_kind::punct && !leading_mark(ch(cx, t))) return;  // odd start
        else if (t.kind != token_kind::space && t.kind != token_kind::punct) return;
    }
    if (first_word < 0) return;
    // A paragraph that starts mid-sentence (a lowercase continuation) is not ours to open; a
    // continued quotation ("»—Luego, …?") is.
    bool only_marks = true;  // back to the paragraph start, stopping at the first other token
    for (int k = first_word - 1; k >= 0 && only_marks; --k)
        only_marks = toks[k].kind == token_kind::space ||
                     (toks[k].kind == token_kind::punct && leading_mark(ch(cx, toks[k])));
    // A quotation opening mid-sentence opens the question too ("se dijo: «Se acercará…?»").
    const bool quoted = toks[s.first].kind == token_kind::punct &&
                        (ch(cx, toks[s.first]) == 0xAB || ch(cx, toks[s.first]) == 0x201C);
    if (first_of_sentence && toks[first_word].starts == boundary::none && !only_marks && !quoted)
        return;
    segment from_word = s;
    from_word.first = first_word;
    const char* rule = question ? "ES_OPENING_QUESTION" : "ES_OPENING_EXCLAMATION";
    const char* es_msg = question ? "Falta el signo de apertura de interrogación (¿)."
                                  : "Falta el signo de apertura de exclamación (¡).";
    const char* en_msg =
        question ? "Missing opening question mark (¿)." : "Missing opening exclamation mark (¡).";
    bool guessed = false;
    int at = start_of(cx, from_word, question, guessed);
    // A guess ends where a foreign phrase does ("quería decir Vae Victis!"): not ours to open.
    if (guessed && foreign_ending(cx, from_word)) at = -1;
    if (at < 0 || foreign(cx, from_word)) {
        cx.emit_tokens(rule, s.last, s.last, std::nullopt, 0.35, es_msg, en_msg);
        return;
    }
    std::string repl =
        (question ? std::string("\xC2\xBF") : std::string("\xC2\xA1")) + toks[at].text;
    cx.emit_tokens(rule, at, at, repl, guessed ? 0.4 : 0.9, es_msg, en_msg);
}

// Splits a sentence at its closing ? and ! and opens each part that lacks its mark.
// `after_closed`: the previous part (of this sentence or the one before) ended in ? or !.
void open_sentence(rule_context& cx, const sentence_span& span, bool& after_closed) {
    const auto& toks = cx.p.tokens;
    int begin = static_cast<int>(span.first_token);
    const int end = static_cast<int>(span.last_token);
    bool opened = false, first = true, closed_here = false;
    for (int k = begin; k < end; ++k) {
        if (toks[k].kind != token_kind::punct) continue;
        char32_t c = ch(cx, toks[k]);
        if (c == 0xBF || c == 0xA1) opened = true;
        // An opening quote starts a quoted question of its own ("«¡Qué indecencia!», pensó").
        if ((c == 0xAB || c == 0x201C) && !opened) begin = k;
        if (c != U'?' && c != U'!') continue;
        int run_end = k;  // "?!", "!!!": the run closes once
        while (run_end + 1 < end && toks[run_end + 1].kind == token_kind::punct &&
               (ch(cx, toks[run_end + 1]) == U'?' || ch(cx, toks[run_end + 1]) == U'!'))
            ++run_end;
        if (!opened) {
            segment s{begin, k, after_closed};
            open_segment(cx, s, first);
        }
        after_closed = closed_here = true;
        first = false;
        opened = false;
        k = run_end;
        // The next part starts after the run and its closing quotes, commas or semicolons.
        begin = k + 1;
        while (begin < end && (toks[begin].kind == token_kind::space ||
                               (toks[begin].kind == token_kind::punct &&
                                (ch(cx, toks[begin]) == U',' || ch(cx, toks[begin]) == U';' ||
                                 ch(cx, toks[begin]) == 0xBB || ch(cx, toks[begin]) == 0x201D ||
                                 ch(cx, toks[begin]) == U'"' || ch(cx, toks[begin]) == U')'))))
            ++begin;
        k = begin - 1;
    }
    // A sentence that ends otherwise ("¡Ya lo sabían!, estaban en confianza.") breaks the chain.
    int tail = end - 1;
    while (tail >= begin && toks[tail].kind != token_kind::word &&
           !(toks[tail].kind == token_kind::punct && (ch(cx, toks[tail]) == U'?' || ch(cx, toks[tail]) == U'!')))
        --tail;
    if (!closed_here || (tail >= begin && toks[tail].kind == token_kind::word)) after_closed = false;
}

}  // namespace

void check_opening_marks_es(rule_context& cx) {
    bool after_closed = false;
    for (const auto& s : cx.p.sentences) open_sentence(cx, s, after_closed);
}

}  // namespace galley::engine_detail
