#include "web/forms.h"

#include <restinio/helpers/multipart_body.hpp>

namespace rc::web {
namespace {

Error bad_form(std::string field, std::string why) {
  return make_error(ErrorCode::kInvalidValue, std::move(field), "表单内容无效：" + std::move(why));
}

Result<std::string> decode_component(std::string_view s, std::string_view field) {
  // A browser sends a space as '+'; restinio's decoder refuses a bare space, so '+' becomes %20.
  std::string plus;
  plus.reserve(s.size());
  for (char c : s) plus += c == '+' ? std::string("%20") : std::string(1, c);
  auto decoded = restinio::utils::try_unescape_percent_encoding(plus);
  if (!decoded) return fail(bad_form(std::string(field), "百分号编码错误"));
  if (!valid_utf8(*decoded) || decoded->find('\0') != std::string::npos)
    return fail(bad_form(std::string(field), "含有无效字符"));
  return *decoded;
}

std::string_view header_param(std::string_view header, std::string_view name) {
  const std::string key = std::string(name) + "=\"";
  auto p = header.find(key);
  if (p == std::string_view::npos) return {};
  p += key.size();
  auto e = header.find('"', p);
  return e == std::string_view::npos ? std::string_view{} : header.substr(p, e - p);
}

}  // namespace

bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t n;
    std::uint32_t cp;
    if ((c >> 5) == 6) n = 1, cp = c & 0x1Fu;
    else if ((c >> 4) == 14) n = 2, cp = c & 0x0Fu;
    else if ((c >> 3) == 30) n = 3, cp = c & 0x07u;
    else return false;
    if (i + n >= s.size()) return false;
    for (std::size_t k = 1; k <= n; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if ((b >> 6) != 2) return false;
      cp = (cp << 6) | (b & 0x3Fu);
    }
    const bool overlong = (n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n + 1;
  }
  return true;
}

std::string Form::get(std::string_view name) const {
  auto it = fields.find(name);
  if (it == fields.end()) return {};
  const auto& v = it->second;
  const auto b = v.find_first_not_of(' '), e = v.find_last_not_of(' ');
  return b == std::string::npos ? std::string{} : v.substr(b, e - b + 1);
}

std::string Form::value_or_empty(std::string_view name) const {
  auto it = fields.find(name);
  return it == fields.end() ? std::string{} : it->second;
}

Result<Form> parse_urlencoded(std::string_view body) {
  Form f;
  std::size_t start = 0;
  while (start <= body.size() && !body.empty()) {
    auto amp = body.find('&', start);
    auto pair = body.substr(start, amp == std::string_view::npos ? std::string_view::npos : amp - start);
    if (!pair.empty()) {
      if (f.fields.size() >= 200) return fail(bad_form("", "字段过多"));
      auto eq = pair.find('=');
      auto key = decode_component(pair.substr(0, eq), "");
      if (!key) return fail(key.error());
      auto value = decode_component(eq == std::string_view::npos ? "" : pair.substr(eq + 1), *key);
      if (!value) return fail(value.error());
      f.fields[*key] = *value;
    }
    if (amp == std::string_view::npos) break;
    start = amp + 1;
  }
  return f;
}

Result<Form> parse_form(const Request& req) {
  const auto ct = req->header().opt_value_of(restinio::http_field::content_type);
  const std::string type = ct ? std::string(ct->data(), ct->size()) : std::string();
  if (type.rfind("application/x-www-form-urlencoded", 0) == 0) return parse_urlencoded(req->body());
  if (type.rfind("multipart/form-data", 0) != 0) return fail(ErrorCode::kUnsupportedMediaType, "Content-Type");
  auto boundary = restinio::multipart_body::detect_boundary_for_multipart_body(*req, "multipart", "form-data");
  if (!boundary) return fail(bad_form("", "缺少 multipart 边界"));
  Form f;
  for (auto raw : restinio::multipart_body::split_multipart_body(req->body(), *boundary)) {
    auto part = restinio::multipart_body::try_parse_part(raw);
    if (!part) return fail(bad_form("", "multipart 内容格式错误"));
    auto disposition = part->fields.opt_value_of("Content-Disposition");
    if (!disposition) return fail(bad_form("", "缺少 Content-Disposition"));
    const std::string name(header_param(*disposition, "name"));
    if (name.empty() || !valid_utf8(name)) return fail(bad_form("", "字段名无效"));
    if (f.fields.size() + f.files.size() >= 200) return fail(bad_form("", "字段过多"));
    if (disposition->find("filename=") != std::string_view::npos) {
      auto type_of = part->fields.opt_value_of("Content-Type");
      f.files[name] = UploadedFile{std::string(header_param(*disposition, "filename")),
                                   type_of ? std::string(*type_of) : std::string(), std::string(part->body)};
    } else {
      std::string value(part->body);
      if (!valid_utf8(value) || value.find('\0') != std::string::npos) return fail(bad_form(name, "含有无效字符"));
      f.fields[name] = std::move(value);
    }
  }
  return f;
}

}  // namespace rc::web
