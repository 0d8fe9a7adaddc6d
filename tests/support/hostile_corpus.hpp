#pragma once
// Hostile uploads (issue #11, item 11), generated in memory: what an attacker or a broken tool
// sends. Each file says whether galley must refuse it, must accept it, or may do either; in every
// case the server must stay up and answer.
#include <string>
#include <vector>

namespace galley::testing {

enum class hostile_outcome { refused, accepted, either };

struct hostile_file {
    std::string name;  // with the extension a user would give it
    std::string bytes;
    hostile_outcome expect = hostile_outcome::either;
};

/// The whole set: deep nesting, entity expansion, a huge attribute, 100 000 relationships,
/// duplicate and overlapping entries, zip64 markers and size lies, a CRC mismatch, a truncated
/// central directory, a UTF-16 part, NUL bytes, invalid UTF-8, a `big_line_mb` MB single-line
/// TXT (40 in the issue), combining marks and right-to-left text in TXT and DOCX.
std::vector<hostile_file> hostile_corpus(int big_line_mb = 40);

}  // namespace galley::testing
