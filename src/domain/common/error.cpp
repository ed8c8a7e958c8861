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
    CodeInfo{ErrorCode::kSheetUnreadable, "sheet.unreadable", "无法读取表格文件：不是有效的 .xlsx 或 .csv 文件"},
    CodeInfo{ErrorCode::kSheetTooLarge, "sheet.too_large", "表格文件过大或行列过多"},
    CodeInfo{ErrorCode::kSheetBadCell, "sheet.bad_cell", "表格单元格内容无效"},
    CodeInfo{ErrorCode::kSheetBadEncoding, "sheet.bad_encoding", "表格文件编码无法识别，请保存为 UTF-8 或 GBK 编码"},
    CodeInfo{ErrorCode::kSheetMissingColumn, "sheet.missing_column", "表格缺少必填列"},
    CodeInfo{ErrorCode::kSheetUnknownColumn, "sheet.unknown_column", "表格含有无法识别的列"},
    CodeInfo{ErrorCode::kSheetEmpty, "sheet.empty", "表格中没有数据行"},
    CodeInfo{ErrorCode::kApplicantBadName, "applicant.bad_name", "姓名无效"},
    CodeInfo{ErrorCode::kApplicantBadPhone, "applicant.bad_phone", "手机号码无效，应为以 1 开头的 11 位数字"},
    CodeInfo{ErrorCode::kApplicantIdMismatch, "applicant.id_mismatch", "填写的信息与证件号码不一致"},
    CodeInfo{ErrorCode::kApplicantDuplicateInFile, "applicant.duplicate_in_file", "同一证件号码在表格中重复出现"},
    CodeInfo{ErrorCode::kApplicantAlreadyRegistered, "applicant.already_registered", "该证件号码已在其他批次中报名"},
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
    CodeInfo{ErrorCode::kTooManyRequests, "auth.too_many_requests", "操作过于频繁，请稍后再试"},
    CodeInfo{ErrorCode::kCaptchaWrong, "auth.captcha_wrong", "图形验证码错误，请重新获取"},
    CodeInfo{ErrorCode::kCaptchaExpired, "auth.captcha_expired", "图形验证码已过期或已使用，请重新获取"},
    CodeInfo{ErrorCode::kBadCredentials, "auth.bad_credentials", "用户名或密码错误"},
    CodeInfo{ErrorCode::kAccountLocked, "auth.locked", "密码错误次数过多，账号已暂时锁定，请稍后再试"},
    CodeInfo{ErrorCode::kSmsCodeWrong, "auth.sms_code_wrong", "短信验证码错误"},
    CodeInfo{ErrorCode::kSmsCodeExpired, "auth.sms_code_expired", "短信验证码已过期或已使用，请重新获取"},
    CodeInfo{ErrorCode::kSessionExpired, "auth.session_expired", "登录已过期，请重新登录"},
    CodeInfo{ErrorCode::kWeakPassword, "auth.weak_password", "密码过于简单：至少 8 位，须同时包含字母和数字，且不超过 128 字节"},
    CodeInfo{ErrorCode::kCsrf, "auth.csrf", "页面已过期或请求来源无效，请刷新页面后重试"},
    CodeInfo{ErrorCode::kForbidden, "auth.forbidden", "没有权限执行此操作"},
    CodeInfo{ErrorCode::kUnauthenticated, "auth.unauthenticated", "请先登录"},
    CodeInfo{ErrorCode::kSmsSendFailed, "sms.send_failed", "短信发送失败，请稍后重试"},
    CodeInfo{ErrorCode::kBatchEmpty, "registration.batch_empty", "该批次还没有任何考生，不能提交"},
    CodeInfo{ErrorCode::kWrongState, "registration.wrong_state", "当前状态下不能进行此操作"},
    CodeInfo{ErrorCode::kAccountNotActivated, "auth.not_activated", "账号尚未激活：首次登录请先用证件号码和手机短信验证码设置密码"},
    CodeInfo{ErrorCode::kPhotoRejected, "registration.photo_rejected", "照片不符合要求，请按提示重新拍摄上传"},
    CodeInfo{ErrorCode::kFaceMismatch, "registration.face_mismatch", "人脸核验未通过：现场照片与报名照片不一致"},
    CodeInfo{ErrorCode::kStepsIncomplete, "registration.steps_incomplete", "报名确认尚有未完成的步骤"},
    CodeInfo{ErrorCode::kReasonRequired, "registration.reason_required", "退回报名时必须填写退回原因"},
    CodeInfo{ErrorCode::kFeeNotPaid, "registration.fee_not_paid", "重新报名须先登记已缴纳考务费，才能审核通过"},
    CodeInfo{ErrorCode::kManualReviewUnavailable, "registration.manual_review_unavailable", "人脸核验连续 3 次未通过后方可申请人工审核"},
    CodeInfo{ErrorCode::kOfdMalformed, "cert.ofd_malformed", "证书文件不是有效的 OFD 文件"},
    CodeInfo{ErrorCode::kOfdMissingPart, "cert.ofd_missing_part", "证书文件缺少必需的组成部分"},
    CodeInfo{ErrorCode::kOfdDigestMismatch, "cert.digest_mismatch", "证书文件内容已被改动（摘要不符）"},
    CodeInfo{ErrorCode::kOfdSignatureInvalid, "cert.signature_invalid", "证书签名验证未通过"},
    CodeInfo{ErrorCode::kOfdUnreferencedPart, "cert.unreferenced_part", "证书文件含有未受签名保护的内容"},
    CodeInfo{ErrorCode::kQrPayloadMalformed, "cert.qr_malformed", "二维码内容无法识别"},
    CodeInfo{ErrorCode::kQrSignatureInvalid, "cert.qr_signature_invalid", "二维码签名验证未通过"},
    CodeInfo{ErrorCode::kCertificateNotCompleted, "cert.not_completed", "考生尚未取得发证资格（理论与实操须均合格且在有效期内）"},
    CodeInfo{ErrorCode::kCertificateNotFiled, "cert.not_filed", "证书信息尚未备案，不能发证"},
    CodeInfo{ErrorCode::kCertificateRevoked, "cert.revoked", "证书已撤销"},
    CodeInfo{ErrorCode::kCertificateExpired, "cert.expired", "证书已过有效期"},
    CodeInfo{ErrorCode::kStatusUnavailable, "cert.status_unavailable", "暂时无法查询证书状态，结果不确定"},
    CodeInfo{ErrorCode::kLogInconsistent, "log.inconsistent", "透明日志不一致"},
    CodeInfo{ErrorCode::kLogProofInvalid, "log.proof_invalid", "透明日志证明无效"},
    CodeInfo{ErrorCode::kExamTimeOver, "exam.time_over", "考试时间已到，答案不再接受"},
    CodeInfo{ErrorCode::kExamClosed, "exam.closed", "本场考试已交卷或已结束"},
    CodeInfo{ErrorCode::kExamSequenceConflict, "exam.sequence_conflict", "同一序号已保存了不同的答案"},
    CodeInfo{ErrorCode::kExamBankShortfall, "exam.bank_shortfall", "题库中符合组卷蓝图的已审核试题数量不足"},
    CodeInfo{ErrorCode::kBankItemLocked, "bank.item_locked", "该试题已用于已封存的试卷，不能修改；请新建版本"},
    CodeInfo{ErrorCode::kSittingFull, "sitting.full", "考场座位已满"},
    CodeInfo{ErrorCode::kSeatTaken, "sitting.seat_taken", "该座位已安排给其他考生"},
    CodeInfo{ErrorCode::kTicketInvalid, "ticket.invalid", "准考证二维码无效或不属于本场考试"},
    CodeInfo{ErrorCode::kCheckInLate, "exam.late", "开考 15 分钟后不得入场，按缺考处理（D11）"},
    CodeInfo{ErrorCode::kNotCheckedIn, "exam.not_checked_in", "考生尚未通过入场核验"},
    CodeInfo{ErrorCode::kPracticalClaimed, "practical.claimed", "该考生正在由其他考评组评分"},
    CodeInfo{ErrorCode::kPracticalNotDrawn, "practical.not_drawn", "尚未抽取实操考核项目"},
    CodeInfo{ErrorCode::kPracticalExaminers, "practical.examiners", "考评员人数不符合要求（至少 3 人且为奇数）"},
    CodeInfo{ErrorCode::kResultNotPublished, "results.not_published", "成绩尚未到公布日期"},
    CodeInfo{ErrorCode::kAppealWindowClosed, "appeal.window_closed", "已超过成绩复核申请期限（D13）"},
    CodeInfo{ErrorCode::kAppealExists, "appeal.exists", "该科成绩已有复核申请"},
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
