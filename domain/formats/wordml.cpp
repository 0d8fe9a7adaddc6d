#include "domain/formats/wordml.hpp"

#include <cstring>

namespace galley::formats::wordml {

namespace {
std::string_view local_if_prefixed(const char* qname, std::string_view prefix) {
    std::string_view name(qname);
    if (prefix.empty()) return name.find(':') == std::string_view::npos ? name : std::string_view{};
    if (name.size() <= prefix.size() + 1 || name[prefix.size()] != ':' ||
        name.compare(0, prefix.size(), prefix) != 0)
        return {};
    return name.substr(prefix.size() + 1);
}

bool has_w_text(const names& ns, pugi::xml_node n) {
    bool found = false;
    for_each_element_below(n, [&](pugi::xml_node c) {
        found = found || ns.w_local(c) == "t";
        return !found;
    });
    return found;
}
}  // namespace

names::names(pugi::xml_node root) {
    for (pugi::xml_attribute a : root.attributes()) {
        std::string_view name(a.name());
        std::string_view value(a.value());
        bool is_w = value == transitional_uri || value == strict_uri;
        if (name == "xmlns") {
            if (is_w && !w_found_) {
                w_found_ = true;
                w_prefix_.clear();
                uri_ = value;
            }
        } else if (name.substr(0, 6) == "xmlns:") {
            std::string prefix(name.substr(6));
            if (is_w) {
                if (!w_found_) {
                    w_found_ = true;
                    w_prefix_ = prefix;
                    uri_ = value;
                }
                if (w_attr_prefix_.empty()) {
                    w_attr_prefix_ = prefix;
                    attr_prefix_declared_ = true;
                }
            } else if (value == markup_compat_uri && mc_prefix_.empty()) {
                mc_prefix_ = prefix;
            }
        }
    }
    if (w_attr_prefix_.empty()) w_attr_prefix_ = "w";
    if (uri_.empty()) uri_ = transitional_uri;
}

std::string_view names::w_local(pugi::xml_node n) const {
    if (!w_found_) return {};
    return local_if_prefixed(n.name(), w_prefix_);
}

std::string_view names::mc_local(pugi::xml_node n) const {
    if (mc_prefix_.empty()) return {};
    return local_if_prefixed(n.name(), mc_prefix_);
}

pugi::xml_attribute names::w_attr(pugi::xml_node n, std::string_view local) const {
    for (pugi::xml_attribute a : n.attributes()) {
        std::string_view name(a.name());
        if (attr_prefix_declared_ && local_if_prefixed(a.name(), w_attr_prefix_) == local) return a;
        if (w_prefix_.empty() && name == local) return a;
    }
    return {};
}

std::string names::element(std::string_view local) const {
    return w_prefix_.empty() ? std::string(local) : w_prefix_ + ":" + std::string(local);
}

std::string names::attribute(std::string_view local) const {
    return w_attr_prefix_ + ":" + std::string(local);
}

void names::declare_attribute_prefix(pugi::xml_node root) const {
    if (attr_prefix_declared_) return;
    std::string decl = "xmlns:" + w_attr_prefix_;
    if (!root.attribute(decl.c_str())) root.append_attribute(decl.c_str()).set_value(uri_.c_str());
}

pugi::xml_node chosen_branch(const names& ns, pugi::xml_node alternate) {
    pugi::xml_node fallback;
    for (pugi::xml_node c = alternate.first_child(); c; c = c.next_sibling()) {
        std::string_view local = ns.mc_local(c);
        if (local == "Choice" && has_w_text(ns, c)) return c;
        if (local == "Fallback") fallback = c;
    }
    return fallback;
}

std::vector<pugi::xml_node> find_by_offsets(const pugi::xml_document& doc,
                                            const std::vector<std::uint32_t>& offsets) {
    std::vector<pugi::xml_node> out(offsets.size());
    if (offsets.empty()) return out;
    std::size_t next = 0;
    // Pre-order visits elements in increasing offset order, so one cursor suffices.
    pugi::xml_node n = doc.first_child();
    while (n && next < offsets.size()) {
        if (n.type() == pugi::node_element) {
            std::ptrdiff_t off = n.offset_debug();
            while (next < offsets.size() && off >= 0 && offsets[next] < off) ++next;
            if (next < offsets.size() && off == static_cast<std::ptrdiff_t>(offsets[next]))
                out[next++] = n;
        }
        if (n.first_child()) {
            n = n.first_child();
            continue;
        }
        while (n && !n.next_sibling()) n = n.parent();
        if (n) n = n.next_sibling();
    }
    return out;
}

}  // namespace galley::formats::wordml
