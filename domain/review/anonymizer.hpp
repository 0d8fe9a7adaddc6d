#pragma once
// Anonymization for the training-data export (API.md: reviews/export?anonymize=true). Replaces
// e-mail addresses, URLs, numbers and personal names with placeholders <EMAIL_n>, <URL_n>,
// <NUMBER_n>, <NAME_n>. Placeholders are stable: one anonymizer gives the same value the same
// placeholder in every text it sees (n counts distinct values per kind, from 1).
//
// - URL: http:// or https:// (any case) or www., up to white space or < > " , trailing
//   punctuation . , ; : ! ? ) ] } ' excluded.
// - e-mail: local@domain.tld over [A-Za-z0-9._%+-], the domain holding a dot.
// - number: digits, with . or , between digits (1.000,50).
// - name: a capitalised word (first letter upper case, some other letter lower case: "Ana",
//   "McEwan"; not "I", "THE" or "ONU") that does not start a sentence (text start, or after
//   . ! ? … or a line break, skipping quotes, dashes and brackets) and is not in the dictionary
//   (compared case-insensitively).
// Pure; not thread-safe (the placeholder table is state).
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace galley {

class anonymizer {
public:
    /// `dictionary`: the project's words (names the project accepts are still names, but
    /// dictionary words such as jargon are not).
    explicit anonymizer(const std::vector<std::string>& dictionary = {});

    /// `text` (valid UTF-8) with every match replaced.
    std::string apply(std::string_view text);

private:
    enum kind { email, url, number, name, kinds };
    std::string placeholder(kind k, std::string_view value);

    std::set<std::string> dictionary_;  // lower-cased
    std::map<std::pair<int, std::string>, std::string> seen_;
    int counts_[kinds] = {0, 0, 0, 0};
};

}  // namespace galley
