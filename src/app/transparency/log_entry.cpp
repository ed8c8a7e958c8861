#include "app/transparency/log_entry.h"

#include <nlohmann/json.hpp>

namespace rc::app {
namespace {

tl::unexpected<Error> invalid(std::string field, std::string message) {
  return fail(make_error(ErrorCode::kInvalidValue, std::move(field), std::move(message)));
}

bool lower_hex(std::string_view s) {
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

bool has_control(std::string_view s) {
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7f) return true;
  return false;
}

}  // namespace

Result<void> check_log_entry(const LogEntry& e) {
  if (e.kind != "issue" && e.kind != "revoke") return invalid("kind", "日志条目类型只能是 issue 或 revoke");
  if (e.certificate_number.empty() || e.certificate_number.size() > 64 || has_control(e.certificate_number))
    return invalid("certificate_number", "证书编号为空、过长或含控制字符");
  if (e.file_digest.size() < 40 || e.file_digest.size() > 128 || e.file_digest.size() % 2 != 0 ||
      !lower_hex(e.file_digest))
    return invalid("file_digest", "文件摘要必须是小写十六进制（40–128 位）");
  if (e.kind == "revoke" && e.reason.empty()) return invalid("reason", "吊销必须注明原因");
  if (e.kind == "issue" && !e.reason.empty()) return invalid("reason", "颁发条目不应有吊销原因");
  if (e.reason.size() > kMaxRevocationReasonBytes || has_control(e.reason)) return invalid("reason", "吊销原因过长或含控制字符");
  return ok();
}

Result<std::string> canonical_log_entry(const LogEntry& e) {
  if (auto c = check_log_entry(e); !c) return fail(c.error());
  // nlohmann::json objects are std::map: keys come out sorted, which is the canonical order.
  nlohmann::json doc{{"v", 1},
                     {"kind", e.kind},
                     {"certificate_number", e.certificate_number},
                     {"file_digest", e.file_digest},
                     {"at", e.at.time_since_epoch().count()}};
  if (!e.reason.empty()) doc["reason"] = e.reason;
  try {
    return doc.dump();
  } catch (const nlohmann::json::exception&) {
    return invalid("certificate_number", "日志条目含无效的 UTF-8");
  }
}

Result<LogEntry> parse_log_entry(std::string_view text) {
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return invalid("entry", "日志条目不是 JSON 对象");
  LogEntry e;
  try {
    if (doc.at("v").get<int>() != 1) return invalid("v", "未知的日志条目版本");
    e.kind = doc.at("kind").get<std::string>();
    e.certificate_number = doc.at("certificate_number").get<std::string>();
    e.file_digest = doc.at("file_digest").get<std::string>();
    e.reason = doc.value("reason", std::string());
    e.at = store::Timestamp(std::chrono::milliseconds(doc.at("at").get<std::int64_t>()));
  } catch (const nlohmann::json::exception&) {
    return invalid("entry", "日志条目缺少字段或类型错误");
  }
  auto again = canonical_log_entry(e);
  if (!again) return fail(again.error());
  if (*again != text) return invalid("entry", "日志条目不是规范编码");
  return e;
}

}  // namespace rc::app
