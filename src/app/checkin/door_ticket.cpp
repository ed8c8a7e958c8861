#include "app/checkin/door_ticket.h"

#include "app/exam/ticket_qr.h"

namespace rc::app {

Result<std::string> ticket_from_scan(const SymmetricKey& qr_key, std::string_view text) {
  if (text.size() > kScanTextMaxBytes)
    return fail(ErrorCode::kTicketInvalid, "scan", "扫描内容过长，不是本平台的准考证二维码");
  const auto b = text.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return fail(ErrorCode::kMissingField, "scan", "请扫描准考证二维码或输入准考证号");
  text = text.substr(b, text.find_last_not_of(" \t\r\n") - b + 1);
  if (text.starts_with(kTicketQrPrefix)) {
    auto ticket = parse_ticket_qr(qr_key, text);
    if (!ticket)
      return fail(ErrorCode::kTicketInvalid, "scan",
                  "准考证二维码无效（可能被篡改或不是本平台签发），请核对准考证或输入准考证号");
    return ticket;
  }
  std::string typed(text);
  for (char& c : typed)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  if (!is_ticket_number(typed))
    return fail(ErrorCode::kTicketInvalid, "scan", "准考证号格式不正确：应为 6 至 32 位数字、大写字母或连字符");
  return typed;
}

}  // namespace rc::app
