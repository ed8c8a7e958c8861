#include "web/endpoints/transparency_log.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>

#include "app/transparency/log_json.h"
#include "app/transparency/log_keys.h"
#include "app/transparency/log_service.h"
#include "store/transparency_log_repository.h"

namespace rc::web {
namespace {

using nlohmann::json;

constexpr std::uint64_t kMaxPage = 1000;

// A non-negative decimal integer query parameter (at most 18 digits, so it fits any size).
Result<std::uint64_t> uint_param(const Request& req, const char* name) {
  auto qp = restinio::try_parse_query<restinio::parse_query_traits::javascript_compatible>(req->header().query());
  if (!qp || !qp->has(name))
    return fail(make_error(ErrorCode::kMissingField, name, std::string("缺少参数 ") + name));
  const std::string_view text = (*qp)[name];
  if (text.empty() || text.size() > 18 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return fail(make_error(ErrorCode::kInvalidValue, name, std::string("参数 ") + name + " 必须是非负整数"));
  return std::stoull(std::string(text));
}

template <class F>
Reply read_reply(app::Platform& platform, F&& fn) {
  auto doc = platform.database().read([&](store::Transaction& tx) -> Result<json> { return fn(tx); });
  return doc ? json_reply(200, *doc) : error_reply(doc.error());
}

json entry_json(const store::LogEntryRow& r) {
  return {{"leaf_index", r.leaf_index},
          {"entry", r.entry},
          {"leaf_hash", transparency::to_hex({reinterpret_cast<const char*>(r.leaf_hash.data()), r.leaf_hash.size()})},
          {"appended_at", r.appended_at.time_since_epoch().count()}};
}

// The entries about one certificate (its issuance, and its revocation when revoked), so that a
// verifier holding the file can ask for their inclusion proofs. Only what /entries shows.
Reply certificate_entries(app::Platform& platform, const RouteParams& params) {
  auto number = path_param(params, "number");
  if (!number) return error_reply(make_error(ErrorCode::kNotFound, "number", "日志中没有该证书"));
  return read_reply(platform, [&](store::Transaction& tx) -> Result<json> {
    auto rows = store::TransparencyLogRepository(tx).certificate_entries(*number);
    if (!rows) return fail(rows.error());
    if (rows->empty()) return fail(make_error(ErrorCode::kNotFound, "number", "日志中没有该证书"));
    auto size = app::log_size(tx);
    if (!size) return fail(size.error());
    json list = json::array();
    for (const auto& r : *rows) list.push_back(entry_json(r));
    return json{{"certificate_number", *number}, {"tree_size", *size}, {"entries", std::move(list)}};
  });
}

Reply entries(app::Platform& platform, const Request& req) {
  auto start = uint_param(req, "start");
  if (!start) return error_reply(start.error());
  auto end = uint_param(req, "end");
  if (!end) return error_reply(end.error());
  if (*end < *start) return error_reply(make_error(ErrorCode::kInvalidValue, "end", "end 不能小于 start"));
  return read_reply(platform, [&](store::Transaction& tx) -> Result<json> {
    auto size = app::log_size(tx);
    if (!size) return fail(size.error());
    if (*start >= *size)
      return fail(make_error(ErrorCode::kInvalidValue, "start", "start 超出日志大小 " + std::to_string(*size)));
    const std::uint64_t last = std::min({*end, *size - 1, *start + kMaxPage - 1});
    auto rows = store::TransparencyLogRepository(tx).entries(static_cast<std::int64_t>(*start), static_cast<std::int64_t>(last + 1));
    if (!rows) return fail(rows.error());
    json list = json::array();
    for (const auto& r : *rows) list.push_back(entry_json(r));
    return json{{"start", *start}, {"end", last}, {"entries", std::move(list)}};
  });
}

Reply inclusion(app::Platform& platform, const Request& req) {
  auto index = uint_param(req, "leaf_index");
  if (!index) return error_reply(index.error());
  auto size = uint_param(req, "tree_size");
  if (!size) return error_reply(size.error());
  return read_reply(platform, [&](store::Transaction& tx) -> Result<json> {
    auto proof = app::log_inclusion_proof(tx, *index, *size);
    if (!proof) return fail(proof.error());
    auto leaf = app::log_leaf_hash(tx, *index);
    auto root = app::log_root(tx, *size);
    if (!leaf) return fail(leaf.error());
    if (!root) return fail(root.error());
    return json{{"leaf_index", *index}, {"tree_size", *size}, {"leaf_hash", transparency::to_hex(*leaf)},
                {"root_hash", transparency::to_hex(*root)}, {"audit_path", app::hashes_json(*proof)}};
  });
}

Reply consistency(app::Platform& platform, const Request& req) {
  auto first = uint_param(req, "first");
  if (!first) return error_reply(first.error());
  auto second = uint_param(req, "second");
  if (!second) return error_reply(second.error());
  return read_reply(platform, [&](store::Transaction& tx) -> Result<json> {
    auto proof = app::log_consistency_proof(tx, *first, *second);
    if (!proof) return fail(proof.error());
    auto r1 = app::log_root(tx, *first);
    auto r2 = app::log_root(tx, *second);
    if (!r1) return fail(r1.error());
    if (!r2) return fail(r2.error());
    return json{{"first", *first}, {"second", *second}, {"first_root", transparency::to_hex(*r1)},
                {"second_root", transparency::to_hex(*r2)}, {"consistency", app::hashes_json(*proof)}};
  });
}

Reply tree_heads(app::Platform& platform, const Request& req) {
  auto start = uint_param(req, "start");
  if (!start) return error_reply(start.error());
  return read_reply(platform, [&](store::Transaction& tx) -> Result<json> {
    auto heads = app::list_tree_heads(tx, *start, static_cast<int>(kMaxPage));
    if (!heads) return fail(heads.error());
    json list = json::array();
    for (const auto& h : *heads) list.push_back(app::tree_head_json(h));
    return json{{"tree_heads", std::move(list)}};
  });
}

Reply public_key(app::Platform& platform) {
  const std::string& pem = platform.keys().signing_public_pem;
  auto fingerprint = app::sm2_public_key_fingerprint(pem);
  if (!fingerprint) return error_reply(fingerprint.error());
  return json_reply(200, {{"algorithm", app::kLogSignatureAlgorithm},
                          {"distinguishing_id", "1234567812345678"},
                          {"public_key_pem", pem},
                          {"fingerprint_sm3", *fingerprint}});
}

}  // namespace

void add_transparency_log(Routes& routes, app::Platform& platform) {
  routes.get("/api/v1/log/tree-head", [&platform](const Request&, const RouteParams&) {
    auto sth = app::publish_tree_head(platform);
    if (!sth) return error_reply(sth.error());
    json doc = app::tree_head_json(*sth);
    doc["signature_algorithm"] = app::kLogSignatureAlgorithm;
    return json_reply(200, doc);
  });
  routes.get("/api/v1/log/tree-heads", [&platform](const Request& req, const RouteParams&) { return tree_heads(platform, req); });
  routes.get("/api/v1/log/entries", [&platform](const Request& req, const RouteParams&) { return entries(platform, req); });
  routes.get("/api/v1/log/certificates/:number([A-Za-z0-9-]{1,64})",
             [&platform](const Request&, const RouteParams& params) { return certificate_entries(platform, params); });
  routes.get("/api/v1/log/proof/inclusion",
             [&platform](const Request& req, const RouteParams&) { return inclusion(platform, req); });
  routes.get("/api/v1/log/proof/consistency",
             [&platform](const Request& req, const RouteParams&) { return consistency(platform, req); });
  routes.get("/api/v1/log/public-key", [&platform](const Request&, const RouteParams&) { return public_key(platform); });
}

}  // namespace rc::web
