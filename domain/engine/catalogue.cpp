#include "domain/engine/catalogue.hpp"

#include <unordered_map>

#include "domain/engine/patterns/rule_set.hpp"

namespace galley {

namespace {

using c = category;

std::vector<rule_info> build() {
    return {
        // Grammar and confusables: narrow patterns, highest priority.
        {"ES_HABER_IMPERSONAL", c::grammar, "es", "Impersonal haber is singular",
         "habían muchas personas → había muchas personas"},
        {"ES_DEQUEISMO", c::grammar, "es", "Dequeísmo: verbs of thinking and saying take 'que'",
         "pienso de que → pienso que"},
        {"ES_HAYA", c::grammar, "es", "Subjunctive of haber is 'haya', not 'halla'",
         "aunque halla sido → aunque haya sido"},
        {"ES_HOMOPHONES_VERB", c::grammar, "es", "Words that sound alike where the verb frame decides",
         "voy ha hablar → voy a hablar; siempre e comido → siempre he comido"},
        {"ES_COMPOUND_JOINED", c::spelling, "es", "A prefix or compound written apart",
         "co-fundador → cofundador; extra ordinario → extraordinario"},
        {"ES_ACCENT_NOUN_CONTEXT", c::spelling, "es",
         "A noun or adjective after a determiner, 'muy' or 'ser' keeps its accent",
         "el termino → el término"},
        {"ES_ACCENT_FREQUENCY", c::spelling, "es",
         "A rare verb form written for a common accented word",
         "jamas → jamás, entre lineas → entre líneas"},
        {"ES_AGREEMENT_DETERMINER", c::grammar, "es",
         "A determiner that agrees with no reading of the noun after it takes the noun's gender and number",
         "los casa → las casa; la problema → el problema"},
        {"ES_AGREEMENT_ADJECTIVE", c::grammar, "es",
         "An adjective right after a noun takes the noun's gender and number",
         "la casa blanco → la casa blanca"},
        {"ES_PRETERITE_NARRATIVE", c::spelling, "es",
         "A third-person past narration with a first-person present where the preterite is meant",
         "pasó aquel día, y paso el siguiente → y pasó el siguiente"},
        {"ES_PRETERITE_DIALOGUE_TAG", c::spelling, "es",
         "A dialogue tag in the first-person present, where the preterite is meant",
         "—Baje usted —grito la viuda → —gritó la viuda"},
        {"ES_PRETERITE_SUBJECT", c::spelling, "es",
         "A first-person present after a third-person subject, where the preterite is meant",
         "Doña Paula la tomo → la tomó; Frígilis se encaro → se encaró"},
        {"ES_ACCENT_NOUN_TAGGER", c::spelling, "es",
         "A verb form where the tagger reads the accented noun far likelier",
         "su mal animo → su mal ánimo"},
        {"ES_FUTURE_ACCENT", c::spelling, "es",
         "A subjunctive -ra/-re form opening a main clause, where the future is meant",
         "yo le explicare → yo le explicaré"},
        {"ES_ACCENT_VERB_CONTEXT", c::spelling, "es",
         "A verb after a clitic or subject pronoun keeps its accent on í/ú",
         "se hacia → se hacía"},
        {"ES_ESTA_TILDE", c::spelling, "es", "The verb 'está' written as the demonstrative",
         "esta cansado → está cansado"},
        {"ES_AUN", c::spelling, "es", "'aún' (still) and 'aun' (even)", "aun no → aún no"},
        {"ES_ANO_YEAR", c::spelling, "es", "'año' (year) written as 'ano'",
         "el ano pasado → el año pasado"},
        {"ES_DIACRITIC_MONOSYLLABLE", c::spelling, "es",
         "Diacritical accent on tú, él, mí, sé, té, sí, más where only that reading fits",
         "entre tu y yo → entre tú y yo"},
        {"ES_INTERROGATIVE_ACCENT", c::spelling, "es",
         "Interrogative and exclamative words take an accent",
         "¿Que quieres? → ¿Qué quieres?"},
        {"EN_HAVE_OF", c::grammar, "en", "'could of' is 'could have'", "could of → could have"},
        {"EN_A_LOT", c::grammar, "en", "'alot' is two words", "alot → a lot"},
        {"EN_THERE_THEIR", c::grammar, "en", "their/there/they're confusion",
         "their is → there is"},
        {"EN_ITS", c::grammar, "en", "its/it's confusion", "its a → it's a"},
        {"EN_CONFUSION_CONTEXT", c::grammar, "en",
         "their/there, then/than, to/too, affect/effect, lose/loose decided by the tagger",
         "it was not there wish → their wish"},
        {"EN_YOURE", c::grammar, "en", "your/you're confusion", "your welcome → you're welcome"},
        {"EN_YOUR_YOU", c::grammar, "en", "'your' as the subject of a modal verb",
         "your should go → you should go"},
        {"EN_COMMA_TAG_QUESTION", c::punctuation, "en", "A comma before a tag question",
         "She isn't coming is she? → She isn't coming, is she?"},
        {"EN_EG_IE_COMMA", c::punctuation, "en", "'e.g.,' and 'i.e.,' with periods and a comma",
         "tools, eg LanguageTool → tools, e.g., LanguageTool"},
        {"EN_DATE_COMMA", c::punctuation, "en", "Commas in dates",
         "October 18 1983 → October 18, 1983"},
        {"EN_COMPOUND_HYPHEN", c::punctuation, "en", "Hyphens in a compound adjective before a noun",
         "a two year old reindeer → a two-year-old reindeer"},
        {"EN_FIXED_PUNCTUATION", c::punctuation, "en", "Apostrophes in set forms",
         "o' clock → o'clock; for heavens sake → for heaven's sake"},
        {"EN_EGGCORNS", c::grammar, "en", "A set phrase heard right and written wrong",
         "a peace of cake → a piece of cake"},
        {"EN_NOUN_VERB_PAIRS", c::grammar, "en", "The verb where the frame needs the noun (or the reverse)",
         "give advise → give advice"},
        {"EN_PRONOUN_CASE", c::grammar, "en", "Subject or object pronoun in a coordinated phrase",
         "Tim and me work together → Tim and I work together"},
        {"EN_WHAT_LIKE", c::grammar, "en", "'How ... like?' for 'What ... like?'",
         "How is it like? → What is it like?"},
        {"EN_FIXED_PHRASES", c::grammar, "en", "A fixed expression with one word mistaken",
         "tow the line → toe the line"},
        {"EN_PARTICIPLE", c::spelling, "en", "'bee'/'see' where 'have'/'be' need 'been'/'seen'",
         "has bee injured → has been injured"},
        {"EN_WORLD_WORD", c::spelling, "en", "'word' typed for 'world'",
         "the best cake in the word → the best cake in the world"},
        {"EN_APOSTROPHE_PLACEMENT", c::spelling, "en", "An apostrophe in the wrong place",
         "did'nt → didn't"},
        {"EN_CONTEXT_TYPO", c::spelling, "en", "A real word typed for another the context needs",
         "over his should → over his shoulder"},
        {"EN_LOSE", c::grammar, "en", "'loose' (not tight) for 'lose'",
         "to loose weight → to lose weight"},
        {"EN_WERE", c::grammar, "en", "'was' after we/you/they", "they was → they were"},
        {"EN_I_LOWERCASE", c::grammar, "en", "The pronoun 'I' is a capital", "when i went → when I went"},
        {"EN_MISSING_APOSTROPHE", c::grammar, "en", "A contraction without its apostrophe",
         "I dont know → I don't know"},
        {"EN_APOSTROPHE_CASE", c::grammar, "en", "Lower case after a contraction's apostrophe",
         "don'T → don't"},
        {"EN_THAN_THEN", c::grammar, "en", "'than' in comparisons, 'then' for time",
         "more then ever → more than ever"},
        {"EN_AFFECT_EFFECT", c::grammar, "en", "'effect' is the noun, 'affect' the verb",
         "an affect on → an effect on"},
        {"EN_TO_TOO", c::grammar, "en", "to/too/two confusion", "it is to late → it is too late"},
        {"EN_WHOSE", c::grammar, "en", "who's/whose confusion", "Whose the boss? → Who's the boss?"},
        {"EN_HEAR_HERE", c::grammar, "en", "'hear' (listen) written as 'here'",
         "I can here you → I can hear you"},
        {"EN_KNOW_NOW", c::grammar, "en", "'now' written as 'know'", "right know → right now"},
        {"EN_A_AN", c::grammar, "en", "'a' before consonant sounds, 'an' before vowel sounds",
         "a apple → an apple"},
        {"WORD_REPETITION", c::grammar, "any", "The same word twice in a row", "the the → the"},
        {"ES_LOWERCASE_DAYS_MONTHS", c::grammar, "es", "Days and months are lower case in Spanish",
         "el Lunes → el lunes"},
        {"EN_CAPITAL_DAYS_MONTHS", c::grammar, "en", "Days and months are capitalised in English",
         "on monday → on Monday"},
        {"SENTENCE_CAPITAL", c::grammar, "any", "A sentence starts with a capital letter",
         "it rained. then → it rained. Then"},
        // Punctuation.
        {"ES_OPENING_QUESTION", c::punctuation, "es", "Spanish questions open with '¿'",
         "Vienes? → ¿Vienes?"},
        {"ES_OPENING_EXCLAMATION", c::punctuation, "es", "Spanish exclamations open with '¡'",
         "Qué bien! → ¡Qué bien!"},
        {"PERIOD_AFTER_QUESTION", c::punctuation, "any", "No period after '?' or '!'",
         "¿Vienes?. → ¿Vienes?"},
        {"ES_COMMA_AFTER_MARKER", c::punctuation, "es",
         "Comma after a discourse marker that opens a sentence",
         "Sin embargo no vino → Sin embargo, no vino"},
        {"EN_COMMA_AFTER_MARKER", c::punctuation, "en",
         "Comma after a discourse marker that opens a sentence",
         "Moreover the plan → Moreover, the plan"},
        {"ES_SERIAL_COMMA", c::punctuation, "es", "No comma before 'y' closing a simple list",
         "peras, uvas, y manzanas → peras, uvas y manzanas"},
        {"UNBALANCED_BRACKET", c::punctuation, "any",
         "A bracket is opened or closed without its pair", "(sin cerrar"},
        {"UNBALANCED_QUOTE", c::punctuation, "any", "A quotation mark without its pair",
         "«sin cerrar"},
        // Spelling.
        {"ES_SPELLING_ACCENT", c::spelling, "es", "Missing or misplaced accent",
         "tambien → también"},
        {"ES_SPELLING_TYPO", c::spelling, "es", "A typo with one likely correction", "qeu → que"},
        {"EN_SPELLING_TYPO", c::spelling, "en", "A typo with one likely correction", "teh → the"},
        {"ES_SPELLING_UNKNOWN", c::spelling, "es", "A word the dictionary does not know (note)",
         "zzxq"},
        {"EN_SPELLING_UNKNOWN", c::spelling, "en", "A word the dictionary does not know (note)",
         "zzxq"},
        // Typography.
        {"SPACE_BEFORE_PUNCT", c::typography, "any", "No space before , . ; : ? ! )",
         "hola , adiós → hola, adiós"},
        {"SPACE_AFTER_OPENING", c::typography, "any", "No space after ¿ ¡ ( « “",
         "¿ Vienes? → ¿Vienes?"},
        {"MISSING_SPACE_AFTER_PUNCT", c::typography, "any", "A space after , ; . ? !",
         "hola,adiós → hola, adiós"},
        {"DOUBLE_SPACE", c::typography, "any", "One space between words", "a  b → a b"},
        {"NUMBER_UNIT_SPACE", c::typography, "any", "A space between a number and its unit",
         "3kg → 3 kg"},
        {"ES_ORDINAL_ABBREVIATION", c::typography, "es", "Spanish ordinals are abbreviated 2.º, 2.ª, 1.er",
         "2do → 2.º"},
        {"TYPOGRAPHIC_SIGNS", c::typography, "any",
         "Signs typed with ASCII stand-ins; English currency and decade forms",
         "(TM) → ™; 75 +- 1 → 75 ± 1; 100$ → $100; the 1990's → the 1990s"},
        {"UNIT_SYMBOL", c::typography, "any", "Unit symbols: h, g, m², and a space before €",
         "5hrs → 5 h; 100€ → 100 €"},
        {"ABBREVIATION_PERIOD", c::typography, "any", "An abbreviation takes its period",
         "Sr García → Sr. García; nº 18 → n.º 18"},
        {"WRONG_DASH", c::typography, "any", "A box-drawing character used as a dash", "─ → —"},
        {"ES_FOUR_PERIODS", c::typography, "es", "An ellipsis has three periods", ".... → ..."},
        {"ES_UNCLOSED_QUESTION", c::punctuation, "es", "A '¿' or '¡' that is never closed",
         "¿Qué pasa. → ¿Qué pasa?"},
        {"ELLIPSIS", c::typography, "es", "Three periods are one ellipsis character", "... → …"},
        {"ES_DIALOGUE_DASH", c::typography, "es", "Spanish dialogue uses the em dash (—)",
         "-Hola -dijo. → —Hola —dijo."},
        {"ES_DIALOGUE_DASH_SPACE", c::typography, "es", "No space after the opening dialogue dash",
         "— Hola → —Hola"},
        {"ES_STRAIGHT_QUOTES", c::typography, "es", "Spanish prefers « » to straight quotes (note)",
         "\"hola\" → «hola»"},
        {"QUOTE_STYLE_MIXED", c::typography, "any",
         "The document mixes quotation mark styles (note)", "«a» … “b”"},
        {"DASH_STYLE_MIXED", c::typography, "es", "The document mixes dialogue dash styles (note)",
         "—Hola … -Adiós"},
        // Style notes.
        {"LONG_SENTENCE", c::style, "any", "A very long sentence (over 60 words, 50 in English)",
         ""},
        {"ES_MENTE_ADVERBS", c::style, "es", "Several -mente adverbs in one sentence",
         "rápidamente y fácilmente"},
        {"NEARBY_REPETITION", c::style, "any", "The same word repeated within a few words",
         "la casa … la casa"},
        {"SUGGESTION_LIMIT", c::style, "any",
         "A paragraph with more suggestions than one review can hold: the rest are summarised",
         "(a note after the first 1000 suggestions of a paragraph)"},
    };
}

// The rules written as data come first: they are the narrowest patterns.
std::vector<rule_info> with_data_rules(std::vector<rule_info> coded) {
    std::vector<rule_info> out;
    for (const auto& r : engine_detail::pattern_rules()) {
        std::string example;
        for (const auto& e : r.examples)
            if (e.incorrect) {
                example = e.text + " → " + e.correction;
                break;
            }
        out.push_back({r.id, r.cat, r.language, r.description.empty() ? r.message : r.description,
                       example});
    }
    out.insert(out.end(), std::make_move_iterator(coded.begin()),
               std::make_move_iterator(coded.end()));
    return out;
}

}  // namespace

const std::vector<rule_info>& catalogue() {
    static const std::vector<rule_info> rules = with_data_rules(build());
    return rules;
}

std::vector<rule_info> catalogue_for(std::string_view language) {
    std::vector<rule_info> out;
    for (const auto& r : catalogue())
        if (r.language == "any" || r.language == language) out.push_back(r);
    return out;
}

std::optional<std::size_t> rule_index(std::string_view id) {
    static const std::unordered_map<std::string_view, std::size_t> index = [] {
        std::unordered_map<std::string_view, std::size_t> m;
        for (std::size_t i = 0; i < catalogue().size(); ++i) m.emplace(catalogue()[i].id, i);
        return m;
    }();
    auto it = index.find(id);
    if (it == index.end()) return std::nullopt;
    return it->second;
}

}  // namespace galley
