#pragma once
// An unpacked OFD package for the verifier and the renderer: files by path, OFD path resolution
// (spec/OFD.md §1.1) and namespace-agnostic XML helpers over pugixml (elements are matched by local
// name, so "ofd:Page" and "Page" under a default namespace are the same).
//
// Thread safety: an OfdPackage is immutable after open_ofd_package; share it freely.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "cert/zip_package.h"
#include "domain/common/result.h"

namespace rc::cert {

class OfdPackage {
 public:
  explicit OfdPackage(std::vector<ZipEntry> entries);

  bool has(const std::string& path) const { return files_.count(path) != 0; }
  // REQUIRES: has(path)
  const std::string& bytes(const std::string& path) const { return files_.at(path); }
  std::vector<std::string> paths() const;

 private:
  std::map<std::string, std::string> files_;
};

// Resolves `ref` found in the file `from` to a package path: "/x" is from the root, anything else
// is relative to from's directory. nullopt for empty refs, "..", or anything leaving the root.
std::optional<std::string> resolve_path(std::string_view from, std::string_view ref);
// The directory of a package path with its trailing "/", or "" for root files.
std::string directory_of(std::string_view path);

// Parses one package file as XML. REQUIRES: package.has(path).
[[nodiscard]] Result<pugi::xml_document> parse_xml(const OfdPackage& package, const std::string& path);

// Local name of an element: "ofd:Page" -> "Page".
std::string_view local_name(const pugi::xml_node& n);
// The first child element with that local name (an empty node when none).
pugi::xml_node child(const pugi::xml_node& n, std::string_view local);
// All child elements with that local name.
std::vector<pugi::xml_node> children(const pugi::xml_node& n, std::string_view local);
// Trimmed text content of an element.
std::string text_of(const pugi::xml_node& n);
// Calls f(element) for `root` and every element below it, in document order, without recursion
// (outside input may nest deeply).
template <class F>
void for_each_element(const pugi::xml_node& root, F&& f) {
  pugi::xml_node n = root;
  while (n) {
    if (n.type() == pugi::node_element) f(n);
    if (n.first_child()) {
      n = n.first_child();
      continue;
    }
    while (n && n != root && !n.next_sibling()) n = n.parent();
    if (!n || n == root) break;
    n = n.next_sibling();
  }
}

// A decimal unsigned int (ST_ID), or nullopt.
std::optional<unsigned long> parse_id(std::string_view s);

}  // namespace rc::cert
