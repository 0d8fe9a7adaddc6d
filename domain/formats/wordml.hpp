#pragma once
// WordprocessingML helpers shared by the DOCX reader and writers. pugixml has no namespace
// support, so element names are matched by the prefix that the part's root element binds to the
// WordprocessingML URI (transitional or Strict), never by assuming `w:`.
// Nodes are identified across parses by their byte offset in the parsed part (offset_debug):
// parsing the same bytes twice with `parse_flags` gives the same offsets.
#include <cstdint>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace galley::formats::wordml {

/// Keeps the XML declaration (else its encoding is lost on save) and whitespace-only text.
inline constexpr unsigned parse_flags =
    pugi::parse_default | pugi::parse_declaration | pugi::parse_ws_pcdata;

inline constexpr std::string_view transitional_uri =
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
inline constexpr std::string_view strict_uri = "http://purl.oclc.org/ooxml/wordprocessingml/main";
inline constexpr std::string_view markup_compat_uri =
    "http://schemas.openxmlformats.org/markup-compatibility/2006";

/// Prefixes of one part, read from the xmlns declarations of its root element.
class names {
public:
    explicit names(pugi::xml_node root);

    /// False when the root binds no prefix (nor the default namespace) to WordprocessingML.
    bool has_w() const { return w_found_; }
    /// The local name of `n` when it is a WordprocessingML element, else empty.
    std::string_view w_local(pugi::xml_node n) const;
    /// The local name of `n` when it is a markup-compatibility element (AlternateContent...).
    std::string_view mc_local(pugi::xml_node n) const;
    /// The WordprocessingML attribute `local` of `n` (prefixed, or unprefixed in a document
    /// that uses the default namespace), or an empty attribute.
    pugi::xml_attribute w_attr(pugi::xml_node n, std::string_view local) const;
    /// Qualified names to create elements and attributes with the document's own prefix.
    std::string element(std::string_view local) const;
    std::string attribute(std::string_view local) const;
    /// Declares on the root the prefix attribute() uses, when the document has none yet.
    void declare_attribute_prefix(pugi::xml_node root) const;

private:
    bool w_found_ = false;
    std::string w_prefix_;       // "" when WordprocessingML is the default namespace
    std::string w_attr_prefix_;  // a non-empty prefix bound to WordprocessingML
    bool attr_prefix_declared_ = false;
    std::string mc_prefix_;
    std::string uri_;
};

/// For an mc:AlternateContent element: the branch whose content counts as the document's text,
/// i.e. the first mc:Choice holding any w:t, else the mc:Fallback, else an empty node.
pugi::xml_node chosen_branch(const names& ns, pugi::xml_node alternate);

/// Calls visit(element) for every element below `root` (not `root` itself) in document order,
/// without recursion; visit returns whether to go into that element's children. Safe on any
/// depth, and `visit` may rename or change attributes of the element it is given.
template <class Visit>
void for_each_element_below(pugi::xml_node root, Visit&& visit) {
    pugi::xml_node c = root.first_child();
    while (c) {
        bool descend = c.type() == pugi::node_element && visit(c);
        if (descend && c.first_child()) {
            c = c.first_child();
            continue;
        }
        while (c != root && !c.next_sibling()) c = c.parent();
        if (c == root) break;
        c = c.next_sibling();
    }
}

/// Finds the elements whose offsets are listed (ascending, unique) in one pre-order walk.
/// out[i] is the element at offsets[i], or an empty node when none starts there.
std::vector<pugi::xml_node> find_by_offsets(const pugi::xml_document& doc,
                                            const std::vector<std::uint32_t>& offsets);

/// Offset of an element of a freshly parsed (unmodified) document.
inline std::uint32_t offset_of(pugi::xml_node n) {
    return static_cast<std::uint32_t>(n.offset_debug());
}

}  // namespace galley::formats::wordml
