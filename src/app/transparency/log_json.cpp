#include "app/transparency/log_json.h"

namespace rc::app {
namespace {

tl::unexpected<Error> bad(const char* field) {
  return fail(make_error(ErrorCode::kInvalidValue, field, std::string("透明日志应答字段缺失或格式错误：") + field));
}

}  // namespace

nlohmann::json tree_head_json(const transparency::SignedTreeHead& sth) {
  return {{"tree_size", sth.head.tree_size},
          {"timestamp", sth.head.timestamp.time_since_epoch().count()},
          {"root_hash", transparency::to_hex(sth.head.root_hash)},
          {"signature", transparency::to_hex(std::string_view(sth.signature))}};
}

nlohmann::json hashes_json(const std::vector<transparency::Hash>& hashes) {
  auto out = nlohmann::json::array();
  for (const auto& h : hashes) out.push_back(transparency::to_hex(h));
  return out;
}

Result<std::uint64_t> size_from_json(const nlohmann::json& doc, const char* field) {
  if (!doc.is_object() || !doc.contains(field) || !doc[field].is_number_unsigned()) return bad(field);
  return doc[field].get<std::uint64_t>();
}

Result<transparency::Hash> hash_from_json(const nlohmann::json& doc, const char* field) {
  if (!doc.is_object() || !doc.contains(field) || !doc[field].is_string()) return bad(field);
  auto h = transparency::hash_from_hex(doc[field].get<std::string>());
  if (!h) return bad(field);
  return *h;
}

Result<std::vector<transparency::Hash>> hashes_from_json(const nlohmann::json& doc, const char* field) {
  if (!doc.is_object() || !doc.contains(field) || !doc[field].is_array()) return bad(field);
  std::vector<transparency::Hash> out;
  for (const auto& item : doc[field]) {
    auto h = item.is_string() ? transparency::hash_from_hex(item.get<std::string>()) : std::nullopt;
    if (!h) return bad(field);
    out.push_back(*h);
  }
  return out;
}

Result<transparency::SignedTreeHead> tree_head_from_json(const nlohmann::json& doc) {
  auto size = size_from_json(doc, "tree_size");
  if (!size) return fail(size.error());
  if (!doc.contains("timestamp") || !doc["timestamp"].is_number_integer()) return bad("timestamp");
  auto root = hash_from_json(doc, "root_hash");
  if (!root) return fail(root.error());
  if (!doc.contains("signature") || !doc["signature"].is_string()) return bad("signature");
  auto signature = transparency::bytes_from_hex(doc["signature"].get<std::string>());
  if (!signature) return bad("signature");
  const transparency::Millis at{std::chrono::milliseconds(doc["timestamp"].get<std::int64_t>())};
  return transparency::SignedTreeHead{{*size, *root, at}, std::move(*signature)};
}

}  // namespace rc::app
