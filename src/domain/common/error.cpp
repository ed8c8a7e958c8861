#include "domain/common/error.h"

#include <array>
#include <utility>

namespace rc {
namespace {

struct CodeInfo {
  ErrorCode code;
  std::string_view name;
  std::string_view message;
};

// One row per code, in enum order (checked by a test).
constexpr std::array kCodes{
    CodeInfo{ErrorCode::kMalformedJson, "input.malformed_json", "JSON 格式错误，无法解析"},
    CodeInfo{ErrorCode::kMissingField, "input.missing_field", "缺少必填字段"},
    CodeInfo{ErrorCode::kWrongType, "input.wrong_type", "字段类型错误"},
    CodeInfo{ErrorCode::kInvalidValue, "input.invalid_value", "字段取值无效"},
    CodeInfo{ErrorCode::kInvalidDate, "input.invalid_date", "日期无效，应为 YYYY-MM-DD 格式的真实日期"},
    CodeInfo{ErrorCode::kUnknownEnumValue, "input.unknown_value", "不支持的取值"},
    CodeInfo{ErrorCode::kOutOfOrder, "input.out_of_order", "日期先后顺序不正确"},
    CodeInfo{ErrorCode::kTooLarge, "input.too_large", "输入内容过大"},
    CodeInfo{ErrorCode::kIdEmpty, "id.empty", "证件号码为空"},
    CodeInfo{ErrorCode::kIdBadLength, "id.bad_length", "证件号码长度不正确"},
    CodeInfo{ErrorCode::kIdBadFormat, "id.bad_format", "证件号码含有不允许的字符"},
    CodeInfo{ErrorCode::kIdBadChecksum, "id.bad_checksum", "证件号码校验位错误"},
    CodeInfo{ErrorCode::kIdBadBirthDate, "id.bad_birth_date", "证件号码中的出生日期不存在"},
    CodeInfo{ErrorCode::kIdFutureBirthDate, "id.future_birth_date", "证件号码中的出生日期晚于今天"},
    CodeInfo{ErrorCode::kIdBirthBefore1900, "id.birth_before_1900", "证件号码中的出生日期早于 1900 年，不可信"},
    CodeInfo{ErrorCode::kIdBadSequence, "id.bad_sequence", "证件号码顺序码不能为 000"},
    CodeInfo{ErrorCode::kIdUnknownProvince, "id.unknown_province", "证件号码中的省级行政区划代码不存在"},
    CodeInfo{ErrorCode::kIdUnknownRegion, "id.unknown_region", "证件号码中的行政区划代码不存在"},
    CodeInfo{ErrorCode::kIdLegacy15, "id.legacy_15", "这是 15 位旧身份证号码，请换用 18 位号码"},
    CodeInfo{ErrorCode::kLevelClosed, "eligibility.level_closed", "该职业等级目前未开放鉴定"},
    CodeInfo{ErrorCode::kUnknownLevel, "eligibility.unknown_level", "不存在的职业等级"},
    CodeInfo{ErrorCode::kUnderAge, "eligibility.under_age", "报名时未满 18 周岁，不符合报考条件"},
    CodeInfo{ErrorCode::kOverAge, "eligibility.over_age", "超过报考年龄上限"},
    CodeInfo{ErrorCode::kHealthNotDeclared, "eligibility.health_not_declared", "未作身体健康声明"},
    CodeInfo{ErrorCode::kUnknownPolicy, "policy.unknown", "不存在的政策版本"},
    CodeInfo{ErrorCode::kNoPolicyInForce, "policy.none_in_force", "该日期没有生效的政策版本"},
    CodeInfo{ErrorCode::kBadPolicy, "policy.invalid", "政策文件内容无效"},
    CodeInfo{ErrorCode::kScoreOutOfRange, "score.out_of_range", "分数超出允许范围"},
    CodeInfo{ErrorCode::kBadScoringScheme, "score.bad_scheme", "评分方案无效"},
    CodeInfo{ErrorCode::kNoRightForSitting, "rules.no_right", "没有参加该场次考试的资格"},
    CodeInfo{ErrorCode::kSittingAfterToday, "rules.sitting_in_future", "考试日期晚于评估日期"},
    CodeInfo{ErrorCode::kRegistrationEnded, "rules.registration_ended", "该报名已终止，不能再安排考试"},
    CodeInfo{ErrorCode::kNoRegistrations, "rules.no_registrations", "没有任何报名记录"},
    CodeInfo{ErrorCode::kNotFound, "store.not_found", "记录不存在"},
    CodeInfo{ErrorCode::kConflict, "store.conflict", "记录已存在或已被修改"},
    CodeInfo{ErrorCode::kStorageFailure, "store.failure", "数据存储失败，请稍后重试"},
    CodeInfo{ErrorCode::kRouteNotFound, "http.not_found", "请求的地址不存在"},
    CodeInfo{ErrorCode::kMethodNotAllowed, "http.method_not_allowed", "该地址不支持此请求方法"},
    CodeInfo{ErrorCode::kUnsupportedMediaType, "http.unsupported_media_type", "请求内容类型不受支持，应为 application/json"},
    CodeInfo{ErrorCode::kBadConfig, "config.invalid", "配置无效"},
    CodeInfo{ErrorCode::kKeyFailure, "keys.failure", "密钥不可用"},
};

constexpr bool table_in_enum_order() {
  for (std::size_t i = 0; i < kCodes.size(); ++i)
    if (static_cast<std::size_t>(kCodes[i].code) != i) return false;
  return kCodes.size() == static_cast<std::size_t>(ErrorCode::kKeyFailure) + 1;
}
static_assert(table_in_enum_order(), "kCodes must list every ErrorCode once, in enum order; keep kKeyFailure last");

const CodeInfo& info(ErrorCode code) { return kCodes.at(static_cast<std::size_t>(code)); }

}  // namespace

std::string_view code_name(ErrorCode code) { return info(code).name; }
std::string_view default_message(ErrorCode code) { return info(code).message; }

Error make_error(ErrorCode code, std::string field, std::string message, std::string rule) {
  if (message.empty()) message = std::string(default_message(code));
  return Error{code, std::move(field), std::move(message), std::move(rule)};
}

}  // namespace rc
