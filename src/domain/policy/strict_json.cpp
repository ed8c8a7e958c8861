#include "domain/policy/strict_json.h"

#include <limits>

namespace rc {

using nlohmann::json;

std::string json_path(std::string_view parent, std::string_view key) {
  // Keys come from outside: keep a path short and valid UTF-8 whatever a key holds.
  constexpr std::size_t kMaxKeyBytes = 64;
  std::size_t cut = key.size();
  if (cut > kMaxKeyBytes) {
    cut = kMaxKeyBytes;
    while (cut > 0 && (static_cast<unsigned char>(key[cut]) & 0xC0) == 0x80) --cut;
  }
  std::string p(parent);
  if (!p.empty()) p += '.';
  p += key.substr(0, cut);
  if (cut < key.size()) p += "…";
  return p;
}

std::string json_path(std::string_view parent, std::size_t index) {
  return std::string(parent) + "[" + std::to_string(index) + "]";
}

std::string quote_for_message(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return "“" + std::string(text) + "”";
  std::size_t cut = max_bytes;
  // Step back to the start of a UTF-8 sequence (continuation bytes are 10xxxxxx).
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return "“" + std::string(text.substr(0, cut)) + "…”";
}

std::string_view json_type_name(const json& v) {
  switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::object: return "对象";
    case json::value_t::array: return "数组";
    case json::value_t::string: return "字符串";
    case json::value_t::boolean: return "布尔值";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return "数字";
    default: return "未知类型";
  }
}

Result<StrictObject> StrictObject::open(const json& value, std::string path, std::optional<ErrorCode> uniform) {
  if (!value.is_object()) {
    const std::string where = path.empty() ? "$" : path;
    return fail(make_error(uniform.value_or(ErrorCode::kWrongType), where,
                           "应为 JSON 对象，实际为" + std::string(json_type_name(value))));
  }
  return StrictObject(&value, std::move(path), uniform);
}

Error StrictObject::error(ErrorCode specific, std::string field, std::string message) const {
  return make_error(uniform_.value_or(specific), std::move(field), std::move(message));
}

bool StrictObject::has(std::string_view key) const {
  auto it = object_->find(key);
  return it != object_->end() && !it->is_null();
}

const json* StrictObject::find(std::string_view key) {
  read_.emplace(key);
  auto it = object_->find(key);
  return it == object_->end() ? nullptr : &*it;
}

Result<const json*> StrictObject::required(std::string_view key) {
  const json* v = find(key);
  if (v == nullptr) return fail(error(ErrorCode::kMissingField, field(key), "缺少必填字段 " + std::string(key)));
  return v;
}

Result<std::string> StrictObject::string(std::string_view key, std::size_t max_bytes) {
  auto v = required(key);
  if (!v) return fail(v.error());
  if (!(*v)->is_string())
    return fail(error(ErrorCode::kWrongType, field(key), "应为字符串，实际为" + std::string(json_type_name(**v))));
  const auto& s = (*v)->get_ref<const std::string&>();
  if (s.size() > max_bytes) return fail(error(ErrorCode::kInvalidValue, field(key), "字符串过长"));
  return s;
}

Result<std::optional<std::string>> StrictObject::optional_string(std::string_view key, std::size_t max_bytes) {
  const json* v = find(key);
  if (v == nullptr || v->is_null()) return std::optional<std::string>{};
  auto s = string(key, max_bytes);
  if (!s) return fail(s.error());
  return std::optional<std::string>(std::move(*s));
}

Result<std::int64_t> StrictObject::integer(std::string_view key, std::int64_t min, std::int64_t max) {
  auto v = required(key);
  if (!v) return fail(v.error());
  const json& j = **v;
  std::int64_t n = 0;
  if (j.is_number_unsigned()) {  // checked first: nlohmann counts unsigned as integer too
    const auto u = j.get<std::uint64_t>();
    n = u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) ? std::numeric_limits<std::int64_t>::max()
                                                                                 : static_cast<std::int64_t>(u);
  } else if (j.is_number_integer()) {
    n = j.get<std::int64_t>();
  } else {
    return fail(error(ErrorCode::kWrongType, field(key), "应为整数，实际为" + std::string(json_type_name(j))));
  }
  if (n < min || n > max)
    return fail(error(ErrorCode::kInvalidValue, field(key),
                      "取值应在 " + std::to_string(min) + " 到 " + std::to_string(max) + " 之间"));
  return n;
}

Result<std::optional<std::int64_t>> StrictObject::integer_or_null(std::string_view key, std::int64_t min, std::int64_t max) {
  auto v = required(key);
  if (!v) return fail(v.error());
  if ((*v)->is_null()) return std::optional<std::int64_t>{};
  auto n = integer(key, min, max);
  if (!n) return fail(n.error());
  return std::optional<std::int64_t>(*n);
}

Result<bool> StrictObject::boolean(std::string_view key) {
  auto v = required(key);
  if (!v) return fail(v.error());
  if (!(*v)->is_boolean())
    return fail(error(ErrorCode::kWrongType, field(key), "应为 true 或 false，实际为" + std::string(json_type_name(**v))));
  return (*v)->get<bool>();
}

Result<std::optional<bool>> StrictObject::optional_boolean(std::string_view key) {
  const json* v = find(key);
  if (v == nullptr) return std::optional<bool>{};
  auto b = boolean(key);
  if (!b) return fail(b.error());
  return std::optional<bool>(*b);
}

Result<CivilDate> StrictObject::date(std::string_view key) {
  auto v = required(key);
  if (!v) return fail(v.error());
  if (!(*v)->is_string())
    return fail(error(ErrorCode::kWrongType, field(key), "日期应为 YYYY-MM-DD 格式的字符串，实际为" + std::string(json_type_name(**v))));
  const auto& s = (*v)->get_ref<const std::string&>();
  auto d = CivilDate::parse(s);
  if (!d) return fail(error(ErrorCode::kInvalidDate, field(key), "日期 " + quote_for_message(s) + " 无效，应为 YYYY-MM-DD 格式的真实日期"));
  return *d;
}

Result<std::optional<CivilDate>> StrictObject::date_or_null(std::string_view key) {
  const json* v = find(key);
  if (v == nullptr || v->is_null()) return std::optional<CivilDate>{};
  auto d = date(key);
  if (!d) return fail(d.error());
  return std::optional<CivilDate>(*d);
}

Result<StrictObject> StrictObject::object(std::string_view key) {
  auto v = required(key);
  if (!v) return fail(v.error());
  return open(**v, field(key), uniform_);
}

Result<const json*> StrictObject::array(std::string_view key, std::size_t max_items) {
  auto v = required(key);
  if (!v) return fail(v.error());
  if (!(*v)->is_array())
    return fail(error(ErrorCode::kWrongType, field(key), "应为数组，实际为" + std::string(json_type_name(**v))));
  if ((*v)->size() > max_items)
    return fail(error(ErrorCode::kTooLarge, field(key), "数组元素过多，最多 " + std::to_string(max_items) + " 个"));
  return *v;
}

Result<void> StrictObject::finish() const {
  for (auto it = object_->begin(); it != object_->end(); ++it) {
    if (!read_.count(it.key()))
      return fail(error(ErrorCode::kInvalidValue, field(it.key()), "未知字段 " + quote_for_message(it.key()) + "，不予接受"));
  }
  return ok();
}

}  // namespace rc
