#include "domain/engine/common_words.hpp"

#include <string>
#include <unordered_set>

namespace galley::engine_detail {

namespace {

std::unordered_set<std::string_view> make(std::initializer_list<std::string_view> words) {
    return std::unordered_set<std::string_view>(words);
}

const std::unordered_set<std::string_view>& spanish() {
    static const auto set = make(
        {"de",        "la",        "que",      "el",          "en",       "y",          "a",
         "los",       "se",        "del",      "las",         "un",       "por",        "con",
         "no",        "una",       "su",       "para",        "es",       "al",         "lo",
         "como",      "más",       "o",        "pero",        "sus",      "le",         "ha",
         "me",        "si",        "sin",      "sobre",       "este",     "ya",         "entre",
         "cuando",    "todo",      "esta",     "ser",         "son",      "dos",        "también",
         "fue",       "había",     "era",      "muy",         "años",     "hasta",      "desde",
         "está",      "mi",        "porque",   "qué",         "sólo",     "solo",       "han",
         "yo",        "hay",       "vez",      "puede",       "todos",    "así",        "nos",
         "ni",        "parte",     "tiene",    "él",          "uno",      "donde",      "bien",
         "tiempo",    "mismo",     "ese",      "ahora",       "cada",     "e",          "vida",
         "otro",      "después",   "te",       "otros",       "aunque",   "esa",        "eso",
         "hace",      "otra",      "gobierno", "tan",         "durante",  "siempre",    "día",
         "tanto",     "ella",      "tres",     "sí",          "dijo",     "sido",       "gran",
         "país",      "según",     "menos",    "mundo",       "año",      "antes",      "estado",
         "contra",    "sino",      "forma",    "caso",        "nada",     "hacer",      "general",
         "estaba",    "poco",      "estos",    "presidente",  "mayor",    "ante",       "unos",
         "les",       "algo",      "hacia",    "casa",        "ellos",    "ayer",       "hecho",
         "primera",   "mucho",     "mientras", "además",      "quien",    "momento",    "millones",
         "esto",      "españa",    "hombre",   "están",       "pues",     "hoy",        "lugar",
         "madrid",    "nacional",  "trabajo",  "otras",       "mejor",    "nuevo",      "decir",
         "algunos",   "entonces",  "todas",    "días",        "debe",     "política",   "cómo",
         "casi",      "toda",      "tal",      "luego",       "pasado",   "primer",     "medio",
         "va",        "estas",     "sea",      "tenía",       "nunca",    "poder",      "aquí",
         "ver",       "veces",     "embargo",  "partido",     "personas", "grupo",      "cuenta",
         "pueden",    "tienen",    "misma",    "nueva",       "cual",     "fueron",     "mujer",
         "frente",    "josé",      "tras",     "cosas",       "fin",      "ciudad",     "he",
         "social",    "manera",    "tener",    "sistema",     "será",     "historia",   "muchos",
         "juan",      "tipo",      "cuatro",   "dentro",      "nuestro",  "punto",      "dice",
         "ello",      "cualquier", "noche",    "aún",         "agua",     "parece",     "haber",
         "situación", "fuera",     "bajo",     "grandes",     "nuestra",  "ejemplo",    "acuerdo",
         "habían",    "usted",     "estados",  "hizo",        "nadie",    "países",     "horas",
         "posible",   "tarde",     "ley",      "importante",  "guerra",   "desarrollo", "proceso",
         "realidad",  "sentido",   "lado",     "mí",          "tu",       "cambio",     "allí",
         "mano",      "eran",      "estar",    "san",         "número",   "sociedad",   "unas",
         "centro",    "padre",     "gente",    "final",       "relación", "cuerpo",     "obra",
         "incluso",   "través",    "último",   "madre",       "mis",      "modo",       "problema",
         "cinco",     "carlos",    "hombres",  "información", "ojos",     "muerte",     "nombre",
         "algunas",   "público",   "mujeres",  "siglo",       "todavía",  "meses",      "mañana",
         "esos",      "nosotros",  "hora",     "muchas",      "pueblo",   "alguna",     "dar",
         "problemas", "don",       "da",       "tú",          "derecho",  "verdad",     "maría",
         "único",     "vamos",     "hemos",    "tenemos",     "quiero",   "creo",       "puedo",
         "sé",        "señor",     "señora",   "niño",        "niños",    "porqué",     "qué",
         "quién",     "dónde",     "cuándo",   "cuál",        "también"});
    return set;
}

const std::unordered_set<std::string_view>& english() {
    static const auto set =
        make({"the",        "be",          "to",      "of",         "and",       "a",
              "in",         "that",        "have",    "i",          "it",        "for",
              "not",        "on",          "with",    "he",         "as",        "you",
              "do",         "at",          "this",    "but",        "his",       "by",
              "from",       "they",        "we",      "say",        "her",       "she",
              "or",         "an",          "will",    "my",         "one",       "all",
              "would",      "there",       "their",   "what",       "so",        "up",
              "out",        "if",          "about",   "who",        "get",       "which",
              "go",         "me",          "when",    "make",       "can",       "like",
              "time",       "no",          "just",    "him",        "know",      "take",
              "people",     "into",        "year",    "your",       "good",      "some",
              "could",      "them",        "see",     "other",      "than",      "then",
              "now",        "look",        "only",    "come",       "its",       "over",
              "think",      "also",        "back",    "after",      "use",       "two",
              "how",        "our",         "work",    "first",      "well",      "way",
              "even",       "new",         "want",    "because",    "any",       "these",
              "give",       "day",         "most",    "us",         "is",        "was",
              "are",        "were",        "been",    "has",        "had",       "did",
              "does",       "said",        "made",    "went",       "got",       "very",
              "much",       "many",        "more",    "where",      "why",       "here",
              "those",      "should",      "must",    "might",      "may",       "shall",
              "being",      "still",       "own",     "through",    "before",    "between",
              "under",      "never",       "always",  "again",      "while",     "another",
              "same",       "each",        "every",   "both",       "few",       "little",
              "long",       "great",       "old",     "right",      "left",      "thing",
              "things",     "man",         "woman",   "men",        "women",     "life",
              "world",      "house",       "hand",    "eyes",       "place",     "part",
              "case",       "week",        "company", "system",     "program",   "question",
              "government", "number",      "night",   "point",      "home",      "water",
              "room",       "mother",      "father",  "area",       "money",     "story",
              "fact",       "month",       "lot",     "book",       "word",      "business",
              "issue",      "side",        "kind",    "head",       "friend",    "hour",
              "game",       "line",        "end",     "member",     "law",       "car",
              "city",       "name",        "team",    "minute",     "idea",      "kid",
              "body",       "information", "school",  "face",       "others",    "level",
              "office",     "door",        "health",  "person",     "art",       "war",
              "history",    "party",       "result",  "change",     "morning",   "reason",
              "research",   "girl",        "guy",     "moment",     "air",       "teacher",
              "force",      "education",   "found",   "tell",       "told",      "thought",
              "felt",       "became",      "left",    "heard",      "began",     "seemed",
              "upon",       "without",     "against", "nothing",    "something", "everything",
              "anything",   "himself",     "herself", "myself",     "yourself",  "themselves",
              "which",      "whom",        "whose",   "though",     "although",  "however",
              "therefore",  "because",     "since",   "until",      "whether",   "really",
              "quite",      "perhaps",     "almost",  "already",    "enough",    "together",
              "often",      "better",      "best",    "less",       "least",     "last",
              "next",       "young",       "high",    "small",      "large",     "different",
              "important",  "possible",    "public",  "able",       "sure",      "free",
              "true",       "whole",       "help",    "need",       "feel",      "try",
              "leave",      "call",        "ask",     "keep",       "let",       "begin",
              "seem",       "show",        "hear",    "play",       "run",       "move",
              "live",       "believe",     "bring",   "happen",     "write",     "sit",
              "stand",      "lose",        "pay",     "meet",       "include",   "continue",
              "set",        "learn",       "lead",    "understand", "watch",     "follow",
              "stop",       "create",      "speak",   "read",       "spend",     "grow",
              "open",       "walk",        "win",     "offer",      "remember",  "love",
              "consider",   "appear",      "buy",     "wait",       "serve",     "die",
              "send",       "expect",      "build",   "stay",       "fall",      "cut",
              "reach",      "kill",        "remain",  "receive",    "their",     "there",
              "then",       "than",        "too"});
    return set;
}

const std::unordered_set<std::string_view>& function_words() {
    static const auto set = make(
        {// Spanish
         "de", "la", "que", "el", "en", "y", "a", "los", "se", "del", "las", "un", "por", "con",
         "no", "una", "su", "para", "es", "al", "lo", "como", "más", "o", "pero", "sus", "le", "ha",
         "me", "si", "sin", "sobre", "este", "ya", "entre", "cuando", "todo", "esta", "ser", "son",
         "fue", "había", "era", "muy", "hasta", "desde", "está", "mi", "porque", "qué", "han", "yo",
         "hay", "nos", "ni", "él", "uno", "donde", "te", "esa", "eso", "ese", "e", "u", "tan",
         "ella", "sí", "les", "ellos", "ellas", "pues", "aquel", "aquella", "estaba", "tenía",
         "mismo", "misma", "otro", "otra", "cual", "quien", "cuyo", "tu", "tú", "usted", "nosotros",
         "mí", "ti", "aunque", "sino", "tras", "ante", "bajo", "hacia", "según", "durante",
         "mientras", "también", "tanto", "todos", "todas", "cada", "estos", "estas", "esos", "esas",
         "unos", "unas", "algo", "nada", "así", "bien", "ahora", "luego", "entonces", "siempre",
         "nunca", "aquí", "allí", "don", "doña", "señor",
         // English
         "the", "of", "and", "to", "in", "is", "that", "it", "was", "he", "for", "with", "as",
         "his", "on", "be", "at", "by", "had", "not", "are", "but", "from", "she", "her", "or",
         "an", "they", "which", "you", "one", "were", "all", "we", "been", "this", "has", "him",
         "their", "there", "would", "could", "should", "what", "so", "if", "no", "when", "who",
         "will", "more", "them", "some", "into", "than", "its", "then", "my", "me", "i", "do",
         "did", "have", "any", "can", "very", "such", "only", "upon", "our", "your", "these",
         "those", "am", "may", "might", "must", "shall", "said", "mr", "mrs", "miss", "much", "own",
         "other", "how", "before", "after", "again", "out", "up", "most", "every"});
    return set;
}

}  // namespace

bool is_common_word(lang l, std::string_view lower) {
    if (l == lang::es) return spanish().count(lower) > 0;
    if (l == lang::en) return english().count(lower) > 0;
    return false;
}

bool is_function_word(std::string_view lower) { return function_words().count(lower) > 0; }

}  // namespace galley::engine_detail
