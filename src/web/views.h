#pragma once
// Views: the HTML pages, rendered from the Mustache templates in web/templates (embedded in the
// binary at build time). Every page is rendered into layout.mustache; values are HTML-escaped
// unless a template asks for {{{raw}}} (used only for the rendered body itself).
// Thread-safe: the templates are read-only after construction.

#include <map>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "domain/common/result.h"

namespace rc::web {

class Views {
 public:
  // The embedded templates; an error names a template that does not parse.
  [[nodiscard]] static Result<Views> embedded();

  // Renders template `name` (without .mustache) with `data`, inside the layout. The layout reads
  // data["title"], data["user"] (display name and role label) and data["csrf"].
  [[nodiscard]] std::string page(std::string_view name, const nlohmann::json& data) const;
  // Renders one template alone (fragments, tests).
  [[nodiscard]] std::string fragment(std::string_view name, const nlohmann::json& data) const;

  bool has(std::string_view name) const { return templates_.count(std::string(name)) > 0; }

 private:
  std::map<std::string, std::string> templates_;
};

// Static files (web/static) by path, with their content type; nullptr when unknown.
struct StaticFile {
  std::string_view body;
  std::string_view content_type;
};
const StaticFile* find_static(std::string_view path);

}  // namespace rc::web
