#include "web/views.h"

#include <kainjow/mustache.hpp>

#include <vector>

namespace rc {
const std::vector<std::pair<std::string_view, std::string_view>>& embedded_web_templates();
const std::vector<std::pair<std::string_view, std::string_view>>& embedded_web_static();
}  // namespace rc

namespace rc::web {
namespace {

using kainjow::mustache::data;
using kainjow::mustache::mustache;

data to_data(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::object: {
      data d{data::type::object};
      for (auto& [k, v] : j.items()) d.set(k, to_data(v));
      return d;
    }
    case nlohmann::json::value_t::array: {
      data d{data::type::list};
      for (const auto& v : j) d.push_back(to_data(v));
      return d;
    }
    case nlohmann::json::value_t::string:
      return data(j.get<std::string>());
    case nlohmann::json::value_t::boolean:
      return j.get<bool>() ? data(data::type::bool_true) : data(data::type::bool_false);
    case nlohmann::json::value_t::null:
      return data(data::type::bool_false);
    default:
      return data(j.dump());
  }
}

std::string render(const std::map<std::string, std::string>& templates, const std::string& text, data& d) {
  // Every template is available as a partial, {{> _name}}; the underscore keeps partials apart
  // from data keys of the same name (kainjow looks both up in one namespace).
  for (const auto& [name, body] : templates) {
    const std::string copy = body;
    d.set("_" + name, kainjow::mustache::partial([copy] { return copy; }));
  }
  mustache m{text};
  return m.render(d);
}

}  // namespace

Result<Views> Views::embedded() {
  Views v;
  for (const auto& [name, text] : embedded_web_templates()) {
    std::string n(name);
    if (n.size() > 9 && n.ends_with(".mustache")) n.resize(n.size() - 9);
    mustache check{std::string(text)};
    if (!check.is_valid())
      return fail(make_error(ErrorCode::kBadConfig, n, "模板 " + n + " 无效：" + check.error_message()));
    v.templates_[n] = std::string(text);
  }
  if (!v.has("layout")) return fail(make_error(ErrorCode::kBadConfig, "layout", "缺少 layout 模板"));
  return v;
}

std::string Views::fragment(std::string_view name, const nlohmann::json& j) const {
  auto it = templates_.find(std::string(name));
  if (it == templates_.end()) return {};
  data d = to_data(j);
  return render(templates_, it->second, d);
}

std::string Views::page(std::string_view name, const nlohmann::json& j) const {
  nlohmann::json with_body = j;
  with_body["body"] = fragment(name, j);
  data d = to_data(with_body);
  return render(templates_, templates_.at("layout"), d);
}

const StaticFile* find_static(std::string_view path) {
  static const std::map<std::string, StaticFile, std::less<>> files = [] {
    std::map<std::string, StaticFile, std::less<>> m;
    for (const auto& [name, body] : embedded_web_static()) {
      std::string_view type = "application/octet-stream";
      if (name.ends_with(".css")) type = "text/css; charset=utf-8";
      else if (name.ends_with(".js")) type = "text/javascript; charset=utf-8";
      else if (name.ends_with(".svg")) type = "image/svg+xml";
      m.emplace(std::string(name), StaticFile{body, type});
    }
    return m;
  }();
  auto it = files.find(path);
  return it == files.end() ? nullptr : &it->second;
}

}  // namespace rc::web
